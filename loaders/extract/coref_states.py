"""States described rather than named: "the kingdom", "the Gulf state", "the island nation", "the
Andean country", "the Asian giant".  What such a description asks of the state it stands for is
read here from the parse (its head noun and the words before it) and fitted to world facts
(``state_descriptions.yaml``: which states are kingdoms, islands, in which region); coref.py picks
the state of the article's chain that fits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ruamel.yaml import YAML

if TYPE_CHECKING:
    from spacy.tokens import Token

FACTS_FILE = Path(__file__).with_name("state_descriptions.yaml")
#: the kind of a state few recognise ("the breakaway republic"): one the world facts give no ISO code
BREAKAWAY = "breakaway"


def _load(path: Path) -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    """The file's nouns, adjectives and kinds; a word pointing at an unknown kind says so."""
    with path.open(encoding="utf-8") as handle:
        data = YAML(typ="safe").load(handle) or {}
    kinds = {k: frozenset(v) for k, v in (data.get("kinds") or {}).items()}
    nouns, adjectives = dict(data.get("nouns") or {}), dict(data.get("adjectives") or {})
    for section, words in (("nouns", nouns), ("adjectives", adjectives)):
        for word, kind in words.items():
            if kind not in kinds and kind not in ("any", "qualified", "republic", BREAKAWAY):
                raise ValueError(f"{path}: {section}: {word}: unknown kind {kind!r} (add it under kinds)")
    return nouns, adjectives, kinds


STATE_NOUNS, STATE_ADJECTIVES, STATE_KINDS = _load(FACTS_FILE)
#: the longest adjective first ("Central Asian" before "Asian")
_LONGEST = max((len(a.split()) for a in STATE_ADJECTIVES), default=1)


def description_kinds(tok: Token) -> list[str] | None:
    """What a description headed by ``tok`` asks of its state, as a list of kinds every one of which
    the state must have ([]: any state), or None where ``tok`` heads no state description."""
    kind = STATE_NOUNS.get(tok.lemma_.lower()) or STATE_NOUNS.get(tok.lower_)
    if kind is None or tok.tag_ in ("NNS", "NNPS") or tok.dep_ == "compound":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
        return None   # "the island of Lesbos", "the republic of X": a name follows, no state referred to
    det = next((c for c in tok.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ != "the":
        return None
    words = [t.lower_ for t in tok.doc[det.i + 1:tok.i] if t.is_alpha]
    asked: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            found = STATE_ADJECTIVES.get(" ".join(words[i:i + n]))
            if found:
                asked.append(found)
                i += n
                break
        else:
            i += 1   # a word of no fact ("tiny", "oil-rich"): it narrows nothing
    if kind == "qualified":
        return asked or None   # "the giant", "the state": no state without a word that places it
    return asked + ([kind] if kind != "any" else [])


def fits(code: str | None, kinds: list[str]) -> bool:
    """Whether the state with ISO code ``code`` has every kind asked ("republic": no monarchy; "breakaway":
    no code, and then nothing else but "republic" may be asked, the facts telling nothing more of it)."""
    if not code:
        return BREAKAWAY in kinds and set(kinds) <= {BREAKAWAY, "republic"}
    if BREAKAWAY in kinds:
        return False   # ("the breakaway republic": never the state it broke from)
    return all(code not in STATE_KINDS["monarchy"] if k == "republic" else code in STATE_KINDS[k] for k in kinds)
