"""Envoys and officials acted on with neither their state nor their name told: "declared two
officials persona non grata", "expelled three diplomats on Monday".

The codebook codes an expulsion, and a persona non grata declaration of people it does not name,
on the sending state: where the clause does not say whose envoys they are, they are the other
party's, the agent's counterpart told before (frames.py then finds it as it does for "recalled
its ambassador").  A name or pronoun the role reached but could not resolve stays unresolved: it
names someone, not the sending state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import frame_file, frame_roles
from .envoys import ENVOY_LEMMAS, sent_by

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the acts whose target is the state an unnamed envoy serves
ON_SENDERS = frozenset({"ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"})
#: nouns for a mission's people beyond the envoy nouns: an embassy's officials, employees and officers
STAFF_NOUNS = ENVOY_LEMMAS | frozenset({"official", "employee", "officer"})


def of_unnamed_state(etype: str, role: frame_file.Role, token: "Token") -> bool:
    """Whether an act on envoys whose target role found nobody reached envoy or staff nouns that say
    whose they are in no way (no demonym, possessor or "of"), and no name or pronoun."""
    if etype not in ON_SENDERS:
        return False
    heads = frame_roles.role_heads(role, token)
    if not heads or any(h.pos_ in ("PROPN", "PRON") for h in heads):
        return False
    return any(h.pos_ == "NOUN" and h.lemma_.lower() in STAFF_NOUNS and _bare(h) for h in heads)


def _bare(noun: "Token") -> bool:
    """No possessor, "of"/"from" phrase, apposition, name or demonym on the noun, even one that named
    no actor ("the diplomats of those two countries" describes whose they are: not a guess to make)."""
    return not sent_by(noun) and not any(
        c.dep_ in ("poss", "appos") or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
        or (c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_)) for c in noun.children)
