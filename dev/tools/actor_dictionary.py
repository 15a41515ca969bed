"""Convert PETRARCH2's Phoenix country-actor dictionary into the extractor's person dictionary.

The source (``petrarch2/data/dictionaries/Phoenix.Countries.actors.txt`` of openeventdata/petrarch2,
MIT licence) lists, country by country, the country's names, adjectives and places, then persons
with dated role codes in TABARI's format::

    PAUL_BIYA_  # CountryInfo.txt
    +BIYA_                          (a variant; a line of several headwords before one code block too)
        [CMRELI 510101-750630]      (ISO3 + role: GOV, ELI, MIL, GOVJUD, ...; YYMMDD or YYYYMMDD)
        [CMRGOV >821106]            (from that day on; "<D": until that day; no dates: undated)

Only persons are kept (an entry marked ``# CountryInfo.txt``, or one with an ELI role or a dated
role: institutions and countries carry undated state or sector codes only), with their names of
two words or more (a surname alone is never matched against the dictionary, so it is not kept;
variants that hold a title, "PRESIDENT_KARZAI_", are dropped for the same reason) and their
roles in states: the ISO3 code becomes the ISO alpha-2 code the gazetteer keys states by (pycountry;
CAMEO's codes of states of the past, USR, YUG, DDR, CSK, TMP, mapped by hand; a successor state's
role held before it left the older state is the older state's: ``successions``), and a role in a
dependent territory (Bermuda, Hong Kong, the Faroes...) or an organisation (IGO) is dropped, and so
is a code the source gets wrong as a whole (``WRONG_CODES``: Mauritania's persons coded as Mauritius).

Two-digit years are of the 20th century above 14 (the file was generated from CountryInfo 140130,
in January 2014: no role of it starts in 2015 or later), else of the 21st.

Output: a TSV (``loaders/extract/actors_persons.tsv``) with a header naming the source, commit and
licence, then one person a line: display name, variants (``|``), roles (``;``-separated
``CC ROLE START END``, ``-`` for an open end).  Reproduce it with::

    git --git-dir PETRARCH2/.git show COMMIT:petrarch2/data/dictionaries/Phoenix.Countries.actors.txt > actors.txt
    git --git-dir PETRARCH2/.git show COMMIT:petrarch2/data/dictionaries/Phoenix.International.actors.txt > igo.txt
    .venv/bin/python dev/tools/actor_dictionary.py actors.txt --international igo.txt --commit COMMIT \
        > loaders/extract/actors_persons.tsv

The officials of international organisations (``--international``) are read from the source's
international dictionary: their roles in an organisation are kept as ``IGO ORG START END`` (ORG the
organisation's CAMEO code, UNO, WSTNAT...; person_dictionary.py maps the ones the registry holds),
added to the person the country dictionary knows by the same name (``merged``).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field

import pycountry

SOURCE = "openeventdata/petrarch2, petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"
INTERNATIONAL = "petrarch2/data/dictionaries/Phoenix.International.actors.txt"
LICENCE = ("MIT Licence, Copyright (c) 2014 Open Event Data Alliance; the persons come from CountryInfo.140130.txt "
           "of the Computational Event Data System Project (http://eventdata.parusanalytics.com), "
           "funded by the National Science Foundation (SES-1004414, SES-1259190)")

#: CAMEO's codes of states of the past → the codes the extractor uses for them (world_history.yaml)
PAST_STATES = {"USR": "SU", "YUG": "YU", "DDR": "DD", "CSK": "CS", "TMP": "TL"}
#: successor states whose persons the source files under today's state for roles held when it was
#: part of an older one: "[USRGEO <910409]" on a country's entry is the source's date Georgia left the
#: Soviet Union (read from the file, ``successions``); these it does not give are set by hand, with the
#: dates the extractor's states of the past end (world_history.yaml): Russia (its "[SUNRUS ...]"
#: span ends 1991-12-25), the Czech Republic and Slovakia, and Serbia and Montenegro, which the
#: extractor's Yugoslavia holds until the Federal Republic's end (the source ends it in 1992)
KNOWN_SUCCESSIONS = {"RUS": ("SU", "1991-12-26"), "CZE": ("CS", "1993-01-01"), "SVK": ("CS", "1993-01-01"),
                     "SRB": ("YU", "2003-02-04"), "MNE": ("YU", "2003-02-04")}
#: the source's codes of the older states in a succession line ("USRGEO": the Soviet Union's Georgia)
OLDER_STATES = {"USR": "SU", "YUG": "YU", "CSK": "CS"}
#: pycountry lists these, but they are dependent territories (or in free association), not states
TERRITORIES = frozenset({"ABW", "AIA", "BMU", "COK", "CYM", "FLK", "FRO", "GIB", "GRL", "GUM", "HKG", "IMN", "MAC",
                         "MSR", "NCL", "PRI", "PYF", "TCA", "VGB", "VIR"})
#: words of variants that hold a title, not a name alone ("PRESIDENT_KARZAI_", "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN")
TITLE_WORDS = frozenset({"PRESIDENT", "PRIME", "MINISTER", "PM", "KING", "QUEEN", "PRINCE", "GENERAL", "GEN",
                         "REFORMER", "SHEIKH", "SHEIK", "EMIR", "SULTAN", "CHANCELLOR", "PREMIER", "DR", "MR", "MRS",
                         "SENATOR", "AYATOLLAH", "COLONEL", "COL", "MARSHAL", "FORMER", "OPPOSITION", "LEADER",
                         "SECRETARY", "FOREIGN", "VICE", "DEPUTY", "CHAIRMAN", "SPEAKER", "GOVERNOR", "AMBASSADOR",
                         "SECRETARY-GENERAL", "U.N.", "UNITED", "NATIONS"})

#: codes the source gets wrong as a whole: CountryInfo's persons of Mauritania are coded MUS, Mauritius
#: (Maaouya Ould Sid'Ahmed Taya, Mohamed Ould Abdel Aziz...; the file has no MRT person), mixed
#: with Mauritius's own: neither state can be told from the code, so the code is dropped
WRONG_CODES = frozenset({"MUS"})

SUCCESSION = re.compile(r"\[(USR|YUG|CSK)([A-Z]{3})\s*[<>]\s*(\d{6}|\d{8})\]")   # ">": TKM's typo for "<"
CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]")
DATE = r"(\d{6}|\d{8})"
SPAN = re.compile(rf"{DATE}-{DATE}$")
SINCE = re.compile(rf">\s*{DATE}$")
UNTIL = re.compile(rf"<\s*{DATE}$")


@dataclass
class Person:
    names: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str, str]] = field(default_factory=list)  # (alpha-2, role, start, end)
    marked: bool = False       # "# CountryInfo.txt": a person of CountryInfo
    any_eli_or_dated: bool = False


def iso_date(text: str) -> str | None:
    """'821106' → '1982-11-06', '20121115' → '2012-11-15'; None for an impossible date."""
    if len(text) == 6:
        year = int(text[:2])
        text = ("19" if year > 14 else "20") + text
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not (1800 <= year <= 2030 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def dates(text: str) -> tuple[str, str] | None:
    """A role's dates as (start, end), '-' for an open end; None where they do not parse."""
    text = text.strip()
    if not text:
        return "-", "-"
    for pattern, which in ((SPAN, "span"), (SINCE, "since"), (UNTIL, "until")):
        m = pattern.match(text)
        if m is None:
            continue
        parsed = [iso_date(g) for g in m.groups()]
        if None in parsed:
            return None
        if which == "span":
            return parsed[0], parsed[1]
        return (parsed[0], "-") if which == "since" else ("-", parsed[0])
    return None


def state_code(iso3: str) -> str | None:
    if iso3 in PAST_STATES:
        return PAST_STATES[iso3]
    if iso3 in TERRITORIES or iso3 in WRONG_CODES:
        return None
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country is not None else None


def successions(lines) -> dict[str, tuple[str, str]]:
    """Successor ISO3 → (the older state's code, the first day the successor's own roles begin)."""
    found = {}
    for line in lines:
        for older, iso3, day in SUCCESSION.findall(line):
            found[iso3] = (OLDER_STATES[older], iso_date(day))
    return found | KNOWN_SUCCESSIONS


def state_roles(iso3: str, role: str, start: str, end: str, succession: dict[str, tuple[str, str]]):
    """A role in states: a successor's role held before it left the older state is the older state's
    ("RUS GOV 1985-1991" is the Soviet Union's), one that spans the day is split at it; undated roles
    (listed as the state's elite) stay the successor's."""
    state = state_code(iso3)
    if state is None:
        return []
    older, since = succession.get(iso3, (None, None))
    if older is None or (start, end) == ("-", "-") or start != "-" and start >= since:
        return [(state, role, start, end)]
    if end != "-" and end <= since:
        return [(older, role, start, end)]
    return [(older, role, start, since), (state, role, since, end)]


def entries(lines):
    """The dictionary's entries as (headwords, variants, code lines, marked), in order."""
    heads: list[str] = []
    variants: list[str] = []
    codes: list[str] = []
    marked = False
    for raw in lines:
        line = raw.rstrip("\n")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            if not codes:   # a blank line or a heading ("# Presidents") ends an entry that had no code
                heads, variants, marked = [], [], False
            continue
        body = stripped.split("#", 1)[0].strip()
        if line[:1] in ("\t", " ") and body.startswith("["):
            codes.append(body)
        elif body.startswith("+"):
            variants.append(body[1:])
        else:
            if codes:   # a new headword after a code block: the entry before is complete
                yield heads, variants, codes, marked
                heads, variants, codes, marked = [], [], [], False
            elif "CountryInfo" in stripped:   # each CountryInfo person is one headword: one without a code is dropped
                heads, variants, marked = [], [], False
            if "[" in body:   # a country or place with its code on its line: never a person
                if heads:
                    yield heads, variants, codes, marked
                heads, variants, codes, marked = [], [], [], False
                continue
            heads.append(body)
            marked = marked or "CountryInfo" in stripped
    if heads and codes:
        yield heads, variants, codes, marked


def display(name: str) -> str:
    return " ".join(w.capitalize() if not w.isdigit() else w for w in name.strip("_").split("_") if w)


def usable(name: str) -> bool:
    words = [w for w in name.strip("_").split("_") if w]
    return len(words) >= 2 and not TITLE_WORDS.intersection(words) and all(re.fullmatch(r"[A-Z'.-]+", w) for w in words)


def persons(lines) -> list[Person]:
    lines = list(lines)
    succession = successions(lines)
    out: list[Person] = []
    for heads, variants, codes, marked in entries(lines):
        person = Person(marked=marked)
        for code in codes:
            for iso3, role, when in CODE.findall(code):
                span = dates(when)
                if span is None or not role:
                    continue
                person.any_eli_or_dated = person.any_eli_or_dated or role.startswith("ELI") or span != ("-", "-")
                for held in state_roles(iso3, role, *span, succession):
                    if held not in person.roles:
                        person.roles.append(held)
        if not (person.marked or person.any_eli_or_dated) or not person.roles:
            continue
        for name in heads + variants:
            shown = display(name)
            if usable(name) and shown not in person.names:
                person.names.append(shown)
        if person.names:
            out.append(person)
    return out


def international_entries(lines):
    """The international dictionary's entries as (headwords, variants, [(code text, comment)]): its
    codes stand on the headword's line as often as on lines of their own ("JAVIER_SOLANA_ [IGO...]")."""
    heads: list[str] = []
    variants: list[str] = []
    codes: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        body, _, comment = line.strip().partition("#")
        body = body.strip()
        if not body:
            continue
        if line[:1] in ("\t", " ") and body.startswith("["):
            codes.append((body, comment))
        elif body.startswith("+"):
            variants.append(body[1:].split("[", 1)[0].strip())
        else:
            if codes:
                yield heads, variants, codes
                heads, variants, codes = [], [], []
            name, _, rest = body.partition("[")
            heads.append(name.split("\t")[0].strip())
            if rest:
                codes.append(("[" + rest, comment))
    if heads and codes:
        yield heads, variants, codes


def officials(lines, succession: dict[str, tuple[str, str]]) -> list[Person]:
    """The international dictionary's entries with a role in an organisation (``merged`` keeps those
    that are persons), with their organisations' roles as ``("IGO", ORG, start, end)`` and
    their dated roles in states.  A role in the European Communities the source notes as "president
    of the CoEU" is a national minister's turn at the Council's chair: he speaks for his state."""
    out: list[Person] = []
    for heads, variants, codes in international_entries(lines):
        person = Person(marked=True)
        for text, comment in codes:
            for iso3, role, when in CODE.findall(text):
                span = dates(when)
                if span is None or not role:
                    continue
                if iso3 == "IGO":
                    if role.startswith("EUR") and "president of the CoEU" in comment:
                        continue
                    person.any_eli_or_dated = person.any_eli_or_dated or span != ("-", "-")
                    held = [("IGO", role, *span)]
                else:
                    held = state_roles(iso3, role, *span, succession) if span != ("-", "-") else []
                person.roles.extend(r for r in held if r not in person.roles)
        if not any(r[0] == "IGO" for r in person.roles):
            continue
        person.names = list(dict.fromkeys(display(n) for n in heads + variants if usable(n)))
        if person.names:
            out.append(person)
    return out


def merged(persons_: list[Person], officials_: list[Person]) -> list[Person]:
    """The country dictionary's persons with the officials' roles added to the one person each is
    known as by one of his names (Ban Ki-moon: South Korea's minister, then the UN's Secretary-General);
    an official named like no person, or like persons of two entries, is a person of his own (and the
    one the next entry of the same official, in another of the source's sections, is added to) where
    he holds a dated role in an organisation: an organisation's own entry carries its code undated,
    and so do some of its officials, who cannot be told from it by their entry alone."""
    by_key: dict[str, list[Person]] = {}
    for person in persons_:
        for name in person.names:
            by_key.setdefault(_key(name), []).append(person)
    out = list(persons_)
    for official in officials_:
        known = {id(p): p for name in official.names for p in by_key.get(_key(name), ())}
        if len(known) == 1:
            person = next(iter(known.values()))
            person.names.extend(n for n in official.names if n not in person.names)
            person.roles.extend(r for r in official.roles if r not in person.roles)
        elif official.any_eli_or_dated:
            out.append(official)
            for name in official.names:
                by_key.setdefault(_key(name), []).append(official)
    return out


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", help="Phoenix.Countries.actors.txt (from the commit given)")
    parser.add_argument("--international", help="Phoenix.International.actors.txt (from the same commit): "
                        "the officials of international organisations")
    parser.add_argument("--commit", required=True, help="the petrarch2 commit the file was taken from")
    args = parser.parse_args(argv)
    with open(args.dictionary, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()
    found = persons(lines)
    if args.international:
        with open(args.international, encoding="utf-8", errors="replace") as f:
            found = merged(found, officials(f, successions(lines)))
    out = sys.stdout
    out.write(f"# Persons of {SOURCE} at commit {args.commit}\n")
    if args.international:
        out.write(f"# with the officials of {INTERNATIONAL} at the same commit (roles 'IGO ORG': an organisation's)\n")
    out.write(f"# {LICENCE}\n")
    out.write("# Converted by dev/tools/actor_dictionary.py (persons only; states as ISO alpha-2; see its docstring)\n")
    out.write("# name\tvariants (|)\troles (; of 'CC ROLE START END', '-' open)\n")
    for person in found:
        roles = ";".join(" ".join(r) for r in person.roles)
        out.write(f"{person.names[0]}\t{'|'.join(person.names[1:])}\t{roles}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
