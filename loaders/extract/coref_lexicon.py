"""The words coref.py reads from coref.yaml (one language's pronouns, titles, organ descriptions,
speech verbs), and the tests of a description against them ("the minister" fits "foreign minister").
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from .gazetteer import STATE, Entity, fold
from .titles import TITLES

LEXICON_FILE = Path(__file__).with_name("coref.yaml")


def _lexicon(path: Path) -> dict:
    """The language's words (coref.yaml), checked once at import: a file with a key missing says so."""
    with path.open(encoding="utf-8") as handle:
        data = YAML(typ="safe").load(handle) or {}
    wanted = ("pronouns", "first_person", "female", "male", "organs", "missions", "person_nouns", "other_office",
              "qualifiers", "speech", "non_referring_it", "age")
    missing = [key for key in wanted if key not in data]
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)} (see the comment at the top of the file)")
    return data


_LEX = _lexicon(LEXICON_FILE)
PRONOUNS: dict[str, tuple[str, str]] = {w: tuple(v) for w, v in _LEX["pronouns"].items()}
FIRST_PERSON, FEMALE_WORDS, MALE_WORDS = set(_LEX["first_person"]), set(_LEX["female"]), set(_LEX["male"])
#: descriptions of an organ → the organ word of gazetteer.ORGANS (None: the state itself acts)
ORGAN_DESCRIPTIONS = {k: (None if v == "state" else v) for k, v in _LEX["organs"].items()}
MISSION_WORDS, PERSON_NOUNS, OTHER_OFFICE = set(_LEX["missions"]), set(_LEX["person_nouns"]), set(_LEX["other_office"])
#: nouns for a state's government as one body, by lemma ("the government", "the junta", "authorities") (optional)
GOVERNMENT_NOUNS: frozenset[str] = frozenset(_LEX.get("government_nouns") or ())
#: the offences a charge names ("espionage", "money laundering"), as written (optional)
OFFENCES: tuple[str, ...] = tuple(_LEX.get("offences") or ())
#: members of a legislature, by lemma ("lawmaker", "senator", "MPs") (optional)
LEGISLATORS: frozenset[str] = frozenset(_LEX.get("legislators") or ())
#: courtesy words before a name ("Ms", "Dr", "Daw"), lower case, without their full stop (optional)
HONORIFICS: frozenset[str] = frozenset(_LEX.get("honorifics") or ())
#: nouns of a person's spouse, whose first name alone takes the spouse's family name (optional)
SPOUSES: frozenset[str] = frozenset(_LEX.get("spouses") or ())
QUALIFIERS, SPEECH_LEMMAS, NON_REFERRING_IT = set(_LEX["qualifiers"]), set(_LEX["speech"]), set(_LEX["non_referring_it"])
AGE_WORD = re.compile(_LEX["age"])
#: bodies told by a common noun alone, that a subject "it" right after stands for (coref.yaml: bodies_for_it)
BODIES_FOR_IT = frozenset(_LEX.get("bodies_for_it") or ())
#: "stormed the building": nouns for the mission just named, as what is acted on (optional)
MISSION_BUILDINGS: set[str] = set(_LEX.get("mission_buildings") or ())
#: "the two governments": plural nouns counting actors named together → the type they name (optional)
GROUP_NOUNS: dict[str, str] = dict(_LEX.get("groups") or {})
#: "no", "one" … "twelve": the language's number words, the one list every counter reads (optional)
CARDINALS: dict[str, int] = {w: int(n) for w, n in (_LEX.get("cardinals") or {}).items()}
#: the sizes of a group of actors named together ("the two governments", "both"): two or more
NUMBER_WORDS: dict[str, int] = {w: n for w, n in CARDINALS.items() if n >= 2} | {"both": 2}
#: determiners by which a plural points back at what was named ("the two officers", "those states", "both")
GROUP_DETERMINERS = frozenset({"the", "those", "these", "both"})
#: nouns for persons counted together ("the two officers") and collectives with their count ("the pair": 2)
PERSON_GROUP_NOUNS = frozenset(_LEX.get("person_groups") or ())
PERSON_COLLECTIVES: dict[str, int] = {w: int(n) for w, n in (_LEX.get("person_collectives") or {}).items()}
#: nouns of whoever leads a body, with a name set off after the body's ("the chairman of the X Commission, Y")
BODY_LEADERS = frozenset(_LEX.get("body_leaders") or ())
#: verbs that name a group's members after "as": "named them as X and Y" (coref.yaml group_naming_verbs)
GROUP_NAMING_VERBS = frozenset(_LEX.get("group_naming_verbs") or ())
#: plural nouns of things done, which a plural pronoun for persons never stands for (coref.yaml event_plurals)
EVENT_PLURALS = frozenset(_LEX.get("event_plurals") or ())
#: plural nouns of time measured ("days later"), likewise never what a plural pronoun for persons stands for
TIME_PLURALS = frozenset(_LEX.get("time_plurals") or ())
#: determiners of a speaker left unnamed ("a senior official", "one diplomat") and their nouns besides PERSON_NOUNS
UNNAMED_DETERMINERS = frozenset(_LEX.get("unnamed_determiners") or ())
UNNAMED_SPEAKER_NOUNS = frozenset(_LEX.get("unnamed_speaker_nouns") or ())
#: title words that set a person against their state's government ("opposition leader", "exiled dissident")
OPPOSING_TITLE_WORDS = frozenset(_LEX.get("opposing_title_words") or ())


def group_size(words: list[str], collective: int | None, numbers: dict[str, int]) -> int | None:
    """How many actors a plural with a group determiner stands for: a collective noun's own count ("the
    quartet"), two for "both", else the first number among its words ("the three countries"), else None."""
    counts = [numbers.get(w) or (int(w) if w.isdigit() else None) for w in words if w not in GROUP_DETERMINERS]
    counts = [n for n in counts if n]
    return collective or (2 if "both" in words else counts[0] if counts else None)


#: "the quartet": singular nouns standing for that many states named together (optional)
COLLECTIVE_NOUNS: dict[str, int] = {w: int(n) for w, n in (_LEX.get("collectives") or {}).items()}
#: "the bloc": nouns standing for the international organisation last named (optional)
BODY_NOUNS: set[str] = set(_LEX.get("bodies") or ())
#: "the council", "the movement": the one body the article named with that head noun (optional)
NAMED_BODY_HEADS: set[str] = set(_LEX.get("named_body_heads") or ())
#: "the Nordic Investment Bank": head nouns that make a capitalised name a body's → its type (optional)
ORGANISATION_NAME_HEADS: dict[str, str] = dict(_LEX.get("organisation_name_heads") or {})
AGE = re.compile(rf"(?i)\bthe\s+(?P<age>{_LEX['age']})(?![\w-])")
#: what "it" and "its" may stand for
ORGANISATIONS = {STATE, "Government", "GovernmentBody", "Court", "Legislature", "InternationalOrganization",
                 "PoliticalParty", "NewsOrganization", "Organization", "Embassy", "DiplomaticMission"}
#: what a plural pronoun may stand for when it has a single antecedent
PLURAL_TYPES = {"Group", STATE, "Government", "GovernmentBody"}
#: the longest titles in a phrase ("former vice president" → "vice president", not "president")
TITLE_WORDS = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=lambda t: (-len(t), t)))
                         + r")(?!\S)")


#: the titles of a state's head of state or of government ("president", "prime minister", "emir") (optional)
HEAD_TITLES: frozenset[str] = frozenset(_LEX.get("head_titles") or ())
#: "the interim leader": a caretaker's qualifier and the generic nouns it makes a caretaker head of (optional)
CARETAKER_QUALIFIERS: frozenset[str] = frozenset(_LEX.get("caretaker_qualifiers") or ())
CARETAKER_HEADS: frozenset[str] = frozenset(_LEX.get("caretaker_heads") or ())
#: titles of a state's own office holders at home: its heads and its ministers (optional)
HOME_OFFICES: frozenset[str] = HEAD_TITLES | frozenset(_LEX.get("home_titles") or ())
#: portfolio words before "minister" ("the information minister"): a title of its own (optional)
PORTFOLIOS: frozenset[str] = frozenset(_LEX.get("portfolios") or ())
#: ranks and offices a description refers by only to the person the article gave them ("the senator",
#: "the prince"), never to the nearest person of another description (coref.yaml named_only_titles)
NAMED_ONLY_TITLES: tuple[str, ...] = tuple(_LEX.get("named_only_titles") or ())
NAMED_ONLY_TITLE = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, NAMED_ONLY_TITLES)) + r")\b") if NAMED_ONLY_TITLES \
    else re.compile(r"(?!x)x")
PORTFOLIO_TITLE = re.compile(r"(?i)\b(?:" + "|".join(sorted(PORTFOLIOS)) + r")\s+minister\b") if PORTFOLIOS else re.compile(r"(?!x)x")


#: a portfolio minister told the other way round: "the Minister of the Interior", "minister for health"
PORTFOLIO_OF = re.compile(r"(?i)\bminister\s+(?:of|for)\s+(?:the\s+)?(" + "|".join(sorted(PORTFOLIOS)) + r")\b") \
    if PORTFOLIOS else re.compile(r"(?!x)x")


def portfolio_titles(words: str) -> tuple[str, ...]:
    """The portfolio ministers a phrase names ("information minister X" → ("information minister",); "the
    Minister of the Interior, X" → ("interior minister",): one office however it is worded), each once,
    the longest first (then alphabetical: a caller taking the first gets the same one on every run)."""
    titles = {re.sub(r"\s+", " ", m.group(0).lower()) for m in PORTFOLIO_TITLE.finditer(words)} \
        | {re.sub(r"\s+", " ", m.group(1).lower()) + " minister" for m in PORTFOLIO_OF.finditer(words)}
    return tuple(sorted(titles, key=lambda t: (-len(t), t)))


#: verbs whose predicate gives a person an office, and verbs of holding one "as" it (coref_syntax.offices_told)
APPOINTING_VERBS = frozenset(_LEX.get("appointing_verbs") or ())
HOLDING_VERBS = frozenset(_LEX.get("holding_verbs") or ())


#: a generic person noun → the titles it covers ("the diplomat" is the ambassador named before) (optional)
KINDS_OF: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in (_LEX.get("kinds_of") or {}).items()}


def _title_fits(key: str, titles) -> bool:
    """'the minister' fits 'foreign minister'; 'the president' does not fit 'vice president'; 'the
    diplomat' fits 'ambassador' (``KINDS_OF``)."""
    return key in titles or (" " not in key and any(t.endswith(" " + key) and t.split()[0] not in OTHER_OFFICE
                                                    for t in titles)) or not KINDS_OF.get(key, frozenset()).isdisjoint(titles)


def _fits(entity: Entity | None, description: str) -> bool:
    """Whether an organ's names fit a description ("ministry" fits the Ministry of Foreign Affairs)."""
    if entity is None:
        return False
    names = fold(" ".join([entity.label] + sorted(entity.aliases)))
    word = description.split()[-1]
    if word in GOVERNMENT_NOUNS or word == "authorities":   # (the one told in the plural: "the authorities")
        return entity.type == "Government"
    if word in ("court", "courts", "judiciary"):
        return entity.type == "Court"
    return word.rstrip("s") in names
