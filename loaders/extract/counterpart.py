"""The other party of an act between states that its clause leaves untold, from what was told just
before ("Morocco accused Iran of arming the rebels. Rabat severed relations on May 1": Iran).

frames.py asks here last of all, after the acts between states told before (``frames._counterpart``):
a background paragraph or a brief often names the other party once, in the sentence that gives the
reason, and tells the act itself without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mentions import TokenMentions

if TYPE_CHECKING:
    from spacy.tokens import Token

#: mentions that name a state for this purpose: the state, its capital or seat, its government
#: (not a person or a mission: "its embassy in Tehran" is the agent's own mission)
STATE_NAMING = frozenset({"State", "City", "Government", "GovernmentBody"})

#: the words before which a state named is where something happened, not a party ("a summit in Paris")
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "near", "via"})


def named_before(agent: str, trigger: "Token", index: TokenMentions) -> str | None:
    """The last state named before the trigger in its sentence, else in the sentence before, that is
    not the agent, not listed with it and not named as a place ("in Paris"); None when the two
    sentences name no other.  (A match listed among several agents takes none: frames.match_doc.)"""
    doc = trigger.doc
    sent = trigger.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    subject_side = {t.i for t in trigger.subtree} if trigger.pos_ == "VERB" else set()
    for i in range(trigger.i - 1, first - 1, -1):
        mention = index.at(doc[i])
        if mention is None or mention.type not in STATE_NAMING:
            continue
        token = doc[i]
        if i in subject_side and token.dep_ in ("nsubj", "nsubjpass", "conj", "appos", "compound"):
            continue  # the clause's own subject (and its list): the agent and those acting with it
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
            continue
        if any((index.at(c) or mention).entity == agent for c in token.conjuncts):
            continue  # listed with the agent: one acting with it ("the decision by X, Y and Z to ...")
        state = mention.entity if mention.type == "State" else index.state_of(mention.entity)
        if state and state != agent and state != index.state_of(agent):
            return state
    return None
