"""Discourse asides of a list of reactions that hold words a trigger reads: "Italy, for its part,
summoned Venezuela's ambassador" has an "its" that is no possessor of the ambassador, so the clause
is no recall of Italy's own envoy; nor does "Cuba, on its side, ..." or "Britain, for their part,
..." tell whose anything is.  The tokens of such an aside leave the words a trigger's ``needs`` and
``also`` are looked for in."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "for its part", "on its side", "for their part": a preposition, a possessive, one of these nouns
ASIDE_NOUNS = frozenset({"part", "side"})
ASIDE_PREPOSITIONS = frozenset({"for", "on"})


def _aside(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and prep.lower_ in ASIDE_PREPOSITIONS and len(objects) == 1 \
        and objects[0].lemma_.lower() in ASIDE_NOUNS and not any(c.dep_ == "prep" for c in objects[0].children) \
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in objects[0].children)


def without_asides(tokens: list[Token]) -> list[Token]:
    """``tokens`` less those of a discourse aside ("for its part") among them."""
    asides = {t.i for p in tokens if p.lower_ in ASIDE_PREPOSITIONS and _aside(p) for t in p.subtree}
    return [t for t in tokens if t.i not in asides] if asides else tokens
