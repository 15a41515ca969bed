"""'X was touring Iran with his wife, Y. ... Police detained the couple': a person and the spouse the
article names beside them, told again by a collective of two ("the couple", "the pair") where no list of
two was told (a part of ``person_groups.counted_persons``).  The spouse nouns are language data
(``coref.yaml`` spouses); the nearest spouse told back to the look-back's start is the only pair read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import SPOUSES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions


def spouses_told(index: TokenMentions, noun: Token, first: int) -> list[tuple[str, Mention]]:
    """The person and spouse named last before ``noun`` (back to token ``first``), or []: a spouse noun with
    a possessor ("his wife, Y", "X's husband Z") that names (or whose apposition names) a person, the
    possessor a person named (for "his"/"her": the person named last before it in its sentence)."""
    for i in range(noun.i - 1, first - 1, -1):
        kin = noun.doc[i]
        if kin.pos_ != "NOUN" or kin.lemma_.lower() not in SPOUSES:
            continue
        owner_word = next((c for c in kin.children if c.dep_ == "poss"), None)
        if owner_word is None:
            continue
        spouse = _person(index, kin) or next((m for c in kin.children if c.dep_ == "appos"
                                              and (m := _person(index, c)) is not None), None)
        owner = _person(index, owner_word) if owner_word.pos_ != "PRON" else next(
            (m for t in reversed(kin.doc[kin.sent.start:owner_word.i]) if (m := _person(index, t)) is not None), None)
        if spouse is None or owner is None or spouse.entity == owner.entity:
            return []   # the nearest spouse told is the pair, or no pair is told
        return [(owner.entity, owner), (spouse.entity, spouse)]
    return []


def _person(index: TokenMentions, token: Token) -> Mention | None:
    mention = index.at(token)
    return mention if mention is not None and mention.type == "Person" else None
