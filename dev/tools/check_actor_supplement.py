"""Check the curated supplement of the actor dictionary (``loaders/extract/actors_persons_supplement.tsv``).

Errors (exit 1): a line that is not three tab-separated fields; a role that is not ``CC ROLE START END``;
a state code that is not an ISO 3166-1 alpha-2 code (the file keys states by alpha-2, as the base does;
pycountry) or ``IGO`` with an organisation person_dictionary.py does not map; a date that is not an ISO
day (or ``-``) or a role that ends before it starts; a name (its key: case, accents and punctuation
aside) held by two of the supplement's persons.

Warnings, against the base merged with the supplement as the loader merges them: a supplement name
under which the dictionary still holds persons of two states (namesakes: the loader gives none of
them a state, so the entry is of no use); a merged person who holds two states or organisations at
one date (the loader gives him none then: an open role of the base the supplement does not restate,
or two of its own spans that overlap by more than the month of a hand-over).

    .venv/bin/python dev/tools/check_actor_supplement.py [SUPPLEMENT]
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

import pycountry
from diplograph.loaders.extract.person_dictionary import (
    DICTIONARY_FILE,
    OPEN,
    ORGANISATION,
    ORGANISATIONS,
    SUPPLEMENT_FILE,
    _merged,
    _roles,
    name_key,
    read_persons,
)

#: the extractor's codes of states of the past (actor_dictionary.PAST_STATES' values)
PAST_STATES = frozenset({"SU", "YU", "DD", "CS", "TL"})
#: two spans of a person in two actors may overlap by the month of a hand-over (month precision)
HANDOVER_DAYS = 31


def _day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def line_errors(number: int, line: str) -> list[str]:
    """What is wrong with one line of the supplement (empty where nothing)."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 3 or not fields[0].strip():
        return [f"{number}: not three tab-separated fields (name, variants, roles)"]
    errors = []
    for role in fields[2].split(";"):
        parts = role.split(" ")
        if len(parts) != 4:
            errors.append(f"{number}: role {role!r} is not 'CC ROLE START END'")
            continue
        state, code, start, end = parts
        if state == ORGANISATION:
            if code not in ORGANISATIONS:
                errors.append(f"{number}: organisation {code!r} is not one person_dictionary.ORGANISATIONS maps")
        elif state not in PAST_STATES and pycountry.countries.get(alpha_2=state) is None:
            errors.append(f"{number}: {state!r} is not an ISO 3166-1 alpha-2 code")
        days = [_day(d) for d in (start, end) if d != OPEN]
        if None in days:
            errors.append(f"{number}: role {role!r}: a date is not YYYY-MM-DD or '-'")
        elif len(days) == 2 and days[0] >= days[1]:
            errors.append(f"{number}: role {role!r} ends before it starts")
    return errors


def _overlap(a, b) -> int:
    """How many days two roles overlap (open ends as far as need be)."""
    start = max(_day(a.start) or datetime.date.min, _day(b.start) or datetime.date.min)
    end = min(_day(a.end) or datetime.date.max, _day(b.end) or datetime.date.max)
    return (end - start).days if end > start else 0


def check(path: Path) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    holders: dict[str, int] = {}
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            errors += line_errors(number, line)
            name, variants = line.split("\t")[:2]
            for key in {name_key(n) for n in (name, *variants.split("|")) if n}:
                if key in holders and holders[key] != number:
                    errors.append(f"{number}: the name {key!r} is held by line {holders[key]} too")
                holders[key] = number
    if errors:
        return errors, []
    supplement = read_persons(path, name_key)
    index = _merged(read_persons(DICTIONARY_FILE), supplement)
    warnings = []
    for keys, _ in supplement:
        for key in sorted(keys):
            persons = [_roles(field) for field in index.get(key, ())]
            if len(persons) > 1 and len({r.actor for person in persons for r in person}) > 1:
                warnings.append(f"{key!r}: namesakes of two states in the dictionary, the loader gives none")
            for person in persons:
                dated = [r for r in person if (r.start, r.end) != (OPEN, OPEN)]
                clash = {(a.actor, b.actor) for a in dated for b in dated
                         if a.actor < b.actor and _overlap(a, b) > HANDOVER_DAYS}
                if clash:
                    warnings.append(f"{key!r}: holds two at once: {sorted(clash)}")
    return errors, sorted(set(warnings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("supplement", nargs="?", default=str(SUPPLEMENT_FILE))
    args = parser.parse_args(argv)
    errors, warnings = check(Path(args.supplement))
    for message in errors:
        print(f"error: {message}")
    for message in warnings:
        print(f"warning: {message}")
    if not errors:
        print(f"ok: {args.supplement} ({len(warnings)} warnings)")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
