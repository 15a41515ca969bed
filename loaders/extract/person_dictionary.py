"""Which state a named person is of, by an actor dictionary of persons with dated roles.

Political event coders (TABARI, PETRARCH, Phoenix) know "Lavrov said ..." is Russia speaking from
an actor dictionary: persons with their states' role codes, dated.  ``actors_persons.tsv`` is the
persons of PETRARCH2's Phoenix country-actor dictionary (MIT licence; its header names the commit;
``dev/tools/actor_dictionary.py`` makes it), read once per process, on the first question, with
``actors_persons_supplement.tsv``: the same format, curated from public record for 2014-2025 (the
source stops in January 2014), checked by ``dev/tools/check_actor_supplement.py``.  The supplement
wins (``_merged``): its person is the base's person of the same name (the one, or those of a state
or organisation it shares), its roles are added to his, and a base role left open of a state or
organisation the supplement restates with dates is dropped (Ban Ki-moon's "IGO UNO 2007-01-01 -"
gives way to the supplement's "IGO UNO 2007-01-01 2017-01-01").

The extractor asks only where the article leaves a person's state unknown (actors.py): the text
always wins; and only for a person the article makes a speaker or an agent (the subject of a
clause) who holds no office the article names (an office of no state: a UN Secretary-General speaks
for the UN).  A name matches when it is a full name (two words or more: a surname alone is never
looked up; the article's later "Biya" is the entity it first named "Paul Biya") and every person
the dictionary holds under it is of one state; a name held by persons of two states is no match.

Which roles count, at the story's date (the article's publication date):

1. the roles that cover the date, when all of one state;
2. else the undated roles ("[CMRELI]": listed as the state's elite, no dates), when of one state;
3. else the roles that ended before the date, when of one state and the article names that state:
   a former official stays his state's national ("Former president X said ..."), but an old role
   is weaker evidence than a current one, and a common name ("Carlos Vargas", a Honduran minister
   of 2003-2006) is more often someone else's: the story must name the state;
4. else none: a story told before every role the person held is before the dictionary knows him
   (a namesake, or a career not yet begun), and the name says nothing.

A role in an international organisation (PETRARCH2's international dictionary: "IGO UNO 2007-01-01 -")
speaks for the organisation while it covers the date (Ban Ki-moon, South Korea's minister until 2006,
is the UN's Secretary-General from 2007); an organisation the registry does not hold (a UN agency,
the World Bank) gives the person no state at that date, and a role in one that ended gives none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import fold

DICTIONARY_FILE = Path(__file__).with_name("actors_persons.tsv")
SUPPLEMENT_FILE = Path(__file__).with_name("actors_persons_supplement.tsv")
OPEN = "-"


#: CAMEO's codes of international organisations (a role "IGO UNO ...") → the registry's ids, each
#: checked against the source's own entry of the organisation ("THE_UNITED_NATIONS_ [IGOUNO]",
#: "NATO_ [IGOWSTNAT]", "AUPSC_ [IGOAFRAFU]", "ECOWAS_ [IGOWAFBUSWAS]"...); an organisation not here
#: (a UN agency, the World Bank, OPEC...) is one the registry does not hold
ORGANISATIONS = {"UNO": "united-nations", "EUREEC": "european-union", "WSTNAT": "nato", "OAS": "oas",
                 "AFRAFU": "african-union", "MEAARL": "arab-league", "SEAASN": "asean", "WAFWAS": "ecowas",
                 "WAFBUSWAS": "ecowas"}
ORGANISATION = "IGO"


@dataclass(frozen=True)
class Role:
    state: str    # ISO alpha-2 (or the extractor's code of a state of the past: SU, YU, DD, CS), or "IGO"
    role: str     # GOV, ELI, MIL, GOVJUD, ... (CAMEO's sector codes); an organisation's CAMEO code after "IGO"
    start: str    # ISO date, or "-": since always
    end: str      # ISO date (the first day it no longer holds), or "-": still

    @property
    def actor(self) -> str:
        """Whom the role speaks for: a state's code, or "IGO:" and the organisation's code."""
        return f"{ORGANISATION}:{self.role}" if self.state == ORGANISATION else self.state


def organisation_id(actor: str | None) -> str | None:
    """'IGO:UNO' → 'united-nations'; None for a state's code or an organisation the registry lacks."""
    if not actor or not actor.startswith(ORGANISATION + ":"):
        return None
    return ORGANISATIONS.get(actor.split(":", 1)[1])


def name_key(name: str) -> str:
    """'Sergei Lavrov', 'SERGEI_LAVROV' → 'sergei lavrov' (accents, case and punctuation aside)."""
    return _ascii_key(fold(name))


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Name key → the roles (a line's third field, read when asked) of each person the dictionary holds
    under that name (built once per process, the supplement merged in: ``_merged``)."""
    supplement = read_persons(SUPPLEMENT_FILE, name_key) if SUPPLEMENT_FILE.exists() else []
    return _merged(read_persons(DICTIONARY_FILE), supplement)


def read_persons(path: Path, key=None) -> list[tuple[frozenset[str], str]]:
    """A dictionary file's persons as (name keys, roles field), in order (``key``: ``name_key`` where
    the file may hold accents; the base's names are ASCII, so it is not folded: 17,000 lines)."""
    key = key or _ascii_key
    persons = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, variants, roles = line.rstrip("\n").split("\t")
            persons.append((frozenset(key(n) for n in (name, *variants.split("|")) if n), roles))
    return persons


def _merged(base, supplement) -> dict[str, tuple[str, ...]]:
    """The base's persons by name key, the supplement's merged in (it wins).  A supplement person is
    the base's person under one of his names when that person shares a state or organisation with
    him, or is the only one under his names (Guterres: Portugal's, then the UN's); persons of other
    states under his names stay namesakes.  The merged person keeps the base's roles, but for its
    open ones of a state or organisation the supplement gives dated roles in (the supplement
    restates them with the end it knows: ``_restated``), and takes the supplement's."""
    persons: list[tuple[frozenset[str], str] | None] = list(base)
    by_key: dict[str, list[int]] = {}
    for i, (keys, _) in enumerate(persons):
        for key in keys:
            by_key.setdefault(key, []).append(i)
    for keys, field in supplement:
        added = _roles(field)
        actors = {r.actor for r in added}
        candidates = sorted({i for key in keys for i in by_key.get(key, ())})
        same = [i for i in candidates if actors & {r.actor for r in _roles(persons[i][1])}]
        targets = same or (candidates if len(candidates) == 1 else [])
        restated = {r.actor for r in added if r.start != OPEN}
        kept = [r for i in targets for r in _roles(persons[i][1]) if not _restated(r, restated)]
        roles = list(dict.fromkeys([*kept, *added]))
        names = keys.union(*(persons[i][0] for i in targets))
        for i in targets:
            persons[i] = None
        persons.append((names, ";".join(f"{r.state} {r.role} {r.start} {r.end}" for r in roles)))
        for key in names:
            by_key[key] = [i for i in by_key.get(key, ()) if i not in targets] + [len(persons) - 1]
    index: dict[str, list[str]] = {}
    for person in persons:
        if person is not None:
            for key in person[0]:
                index.setdefault(key, []).append(person[1])
    return {k: tuple(v) for k, v in index.items()}


def _restated(role: Role, restated: set[str]) -> bool:
    """Whether the supplement's dated roles in the role's state or organisation stand for it: an open
    role there, or an undated one in an organisation (an office held for a time, whose dates the base
    did not know: Ashton's "IGO EUREEC - -"); a state's undated role (listed as its elite) stays."""
    if role.actor not in restated or role.end != OPEN:
        return False
    return role.start != OPEN or role.state == ORGANISATION


def _ascii_key(name: str) -> str:
    return " ".join(_NOT_NAME.sub(" ", name.lower()).split())


_NOT_NAME = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def _roles(field: str) -> tuple[Role, ...]:
    return tuple(Role(*r.split(" ")) for r in field.split(";") if r)


def _one_state(roles) -> str | None:
    states = {r.actor for r in roles}
    return states.pop() if len(states) == 1 else None


def state_at(roles: tuple[Role, ...], on: str | None, named: Collection[str] | None = None) -> str | None:
    """The state a person's roles make him speak for on a day (the rule in the module's docstring);
    ``named``: the state codes the article names, which a role that ended must be among."""
    if on is None:
        return _one_state(roles)
    covering = [r for r in roles if (r.start == OPEN or r.start <= on) and (r.end == OPEN or on < r.end)
                and (r.start, r.end) != (OPEN, OPEN)]
    if covering:
        return _one_state(covering)
    undated = [r for r in roles if (r.start, r.end) == (OPEN, OPEN)]
    if undated:
        return _one_state(undated)
    # a former official of an organisation speaks for it no more (nor, for that, for his state)
    ended = [r for r in roles if r.end != OPEN and r.end <= on and r.state != ORGANISATION]
    state = _one_state(ended) if ended else None
    return state if named is None or state in named else None


def dictionary_state(names, on: str | None, named: Collection[str] | None = None) -> str | None:
    """The state code the dictionary gives a person known by these names (the article's full name and
    its other full forms) on a day; None where no name of two words matches, where the persons under
    the names are of two states, or where their roles give none at that date (``named``: state_at)."""
    index = _index()
    keys = {name_key(n) for n in names}
    persons = {_roles(person) for key in keys if " " in key for person in index.get(key, ())}
    if not persons:
        return None
    if len({r.actor for person in persons for r in person}) > 1 and len(persons) > 1:
        return None   # namesakes of two states
    found = {state_at(person, on, named) for person in persons}
    return found.pop() if len(found) == 1 else None
