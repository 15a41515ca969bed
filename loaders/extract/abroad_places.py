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

from . import structure, tree
from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions

#: verbs by which one goes somewhere ("travelled to Iran", "flew to Tehran"), in frames.yaml
JOURNEYS = english_words("journeys")
#: verbs of a journey's end told with "in" ("arrived in Tehran", "landed in Caracas"), in frames.yaml
ARRIVALS = english_words("arrivals")
#: verbs by which one settles somewhere ("emigrated to Lithuania", "fled to Latvia"), in frames.yaml
SETTLINGS = english_words("settlings")
#: nouns of custody ("in a Venezuelan jail", "in Iranian custody"), in frames.yaml
CUSTODY_PLACES = english_words("custody_places") | english_words("custody_words")
#: how many sentences back the place may be told (the act's own sentence and the ones before)
PLACE_LOOKBACK = 2


def place_abroad(trigger: Token, targets: list[str], index: TokenMentions, home: set[str | None],
                 judicial: bool = False) -> str | None:
    """The state of the last place told before the act, in its sentence or the PLACE_LOOKBACK before, that
    the ones acted on went to or are held in, where that place is another state than their home (their
    nationality); None where the last such place is at home ("returned to Minsk"), or none is told.  A
    place only visited or met in ("spent a month in London", "met the minister in New Delhi") is none:
    they may be home again.  For a court's act (``judicial``) a place settled in is none either: "X, a Belarusian
    activist who emigrated to Lithuania, was sentenced" is an exile tried at home in absentia."""
    doc = trigger.doc
    for i in range(trigger.i - 1, tree.sent_start_before(trigger, PLACE_LOOKBACK) - 1, -1):
        mention = index.at(doc[i])
        if mention is None or mention.type not in ("State", "City") or mention.entity in targets \
                or mention.start < doc[i].idx:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not _gone_to_or_held_in(span.root, targets, index, JOURNEYS if judicial else JOURNEYS | SETTLINGS):
            continue
        state = mention.entity if mention.type == "State" else index.state_of(mention.entity)
        if state is None:
            continue
        return None if state in home else state   # (the last place told: back at home is at home)
    return None


def _gone_to_or_held_in(token: Token, targets: list[str], index: TokenMentions, journeys: frozenset[str]) -> bool:
    """'X travelled to Iran', 'X, who flew to Tehran', 'X has been in a Venezuelan jail', 'held in Iranian
    custody': a place one acted on went to (the subject of a journey) or is held in (a place of custody)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("amod", "compound", "poss") and token.head.dep_ == "pobj" \
            and token.head.lemma_.lower() in CUSTODY_PLACES:
        return token.head.head.lower_ == "in"   # "in a Venezuelan jail", "in Iranian custody"
    arrived = token.head.lower_ == "in" and token.head.head.lemma_.lower() in ARRIVALS   # "arrived in Tehran"
    if token.dep_ != "pobj" or (token.head.lower_ not in ("to", "into") and not arrived):
        return False
    verb = token.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in journeys | ARRIVALS:
        return False
    subject = structure.logical_subject(verb)
    return subject is not None and any(e in targets for e, _ in index.fill(subject, ["person"]))


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
