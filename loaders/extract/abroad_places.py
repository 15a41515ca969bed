"""Where a passage puts someone abroad before a legal act on them: "X, a British aid worker who
travelled to Iran in May, was arrested", "Y flew to Tehran. He was detained at his hotel", "Z has
been in a Venezuelan jail since 2017. A judge sentenced him".

A story filed from the home of the one acted on (a foreign correspondent's dateline, a foreign
ministry's worry for its national) names that home everywhere: the dateline, the nationality, the
state the article names most.  None of them is the state whose police or courts act when the passage
has just put the person in another state; ``organs.implied_state`` asks here before it falls back on
them (split from ``organs.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions

#: prepositions of a place one is in or goes to ("in Tehran", "to Iran", "into Venezuela"), not one
#: left ("from Minsk") nor one named for something else ("with Iran", "on Iran")
INTO_PREPOSITIONS = frozenset({"in", "to", "into", "at", "inside"})
#: how many sentences back the place may be told (the act's own sentence and the ones before)
PLACE_LOOKBACK = 2


def place_abroad(trigger: Token, targets: list[str], index: TokenMentions, home: set[str | None]) -> str | None:
    """The state of the last place told before the act, in its sentence or the PLACE_LOOKBACK before,
    where that place is another state than the home (the nationality) of the ones acted on; None where
    the last place told is at home, or no place is told."""
    doc = trigger.doc
    for i in range(trigger.i - 1, tree.sent_start_before(trigger, PLACE_LOOKBACK) - 1, -1):
        mention = index.at(doc[i])
        if mention is None or mention.type not in ("State", "City") or mention.entity in targets \
                or mention.start < doc[i].idx:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not _told_as_place(span.root):
            continue
        state = mention.entity if mention.type == "State" else index.state_of(mention.entity)
        if state is None:
            continue
        return None if state in home else state   # (the last place told: back at home is at home)
    return None


def nationality_told(trigger: Token, targets: list[str], index: TokenMentions) -> set[str]:
    """The states the clause gives as the nationality of the ones acted on: the demonym of the noun that
    describes a named person ("the Indian fisherman Ravi Kumar", "Ravi Kumar, an Indian fisherman")."""
    out = set()
    for token in trigger.sent:
        mention = index.at(token)
        if mention is None or mention.entity not in targets or mention.type != "Person":
            continue
        described = [c for c in token.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"]
        if token.dep_ in ("compound", "appos") and token.head.pos_ == "NOUN":
            described.append(token.head)   # "the Nepali trader Ram Thapa" parsed with the name on the noun
        for noun in described:
            for word in noun.children:
                told = index.at(word) if word.dep_ in ("amod", "compound") else None
                if told is not None and told.type == "State":
                    out.add(told.entity)
    return out


def _told_as_place(token: Token) -> bool:
    """'travelled to Iran', 'flew to Tehran', 'in a Venezuelan jail', 'at a Tehran hotel': a place one
    is in or goes to, or the state or city of such a place."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("amod", "compound", "poss") and token.head.dep_ == "pobj":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in INTO_PREPOSITIONS
