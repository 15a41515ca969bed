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
from .coref_lexicon import MISSION_WORDS
from .envoys import ENVOY_LEMMAS, sent_by

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the acts whose target is the state an unnamed envoy serves
ON_SENDERS = frozenset({"ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"})
#: nouns for a mission's people beyond the envoy nouns: an embassy's officials, employees and officers
STAFF_NOUNS = ENVOY_LEMMAS | frozenset({"official", "employee", "officer"})
#: a title's last word the parser may take for a name ("the chargé d'affaires")
TITLE_LAST_WORDS = frozenset({"d'affaires"})


def of_unnamed_state(etype: str, role: frame_file.Role, token: Token) -> bool:
    """Whether an act on envoys whose target role found nobody reached envoy or staff nouns that say
    whose they are in no way (no demonym, possessor or "of"), and no name or pronoun."""
    if etype not in ON_SENDERS:
        return False
    heads = frame_roles.role_heads(role, token)
    if not heads or any(h.pos_ in ("PROPN", "PRON") and h.lower_ not in TITLE_LAST_WORDS for h in heads):
        return False
    return any((h.pos_ == "NOUN" and h.lemma_.lower() in STAFF_NOUNS or h.lower_ in TITLE_LAST_WORDS) and _bare(h)
               for h in heads)


def _bare(noun: Token) -> bool:
    """No possessor, "of"/"from" phrase, apposition, name or demonym on the noun, even one that named
    no actor ("the diplomats of those two countries" describes whose they are: not a guess to make);
    a possessor that is itself a bare mission ("the embassy's staff") says no more than "the"."""
    if any(c.dep_ == "poss" and not _bare_mission(c) for c in noun.children):
        return False
    if not any(c.dep_ == "poss" for c in noun.children) and sent_by(noun):
        return False
    return not any(
        c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
        or (c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_)) for c in noun.children)


def _bare_mission(possessor: Token) -> bool:
    """Whether a possessor is a mission noun (coref.yaml's missions: "the embassy's staff") that says
    whose mission it is in no way."""
    return possessor.lemma_.lower() in MISSION_WORDS and _bare(possessor)


def recalled_of_unnamed_state(token: Token) -> bool:
    """'The ambassador in Madrid was recalled', '... was ordered home': a passive recall of an envoy whom
    nothing on the noun gives a state (only the host's place), a recall by no one the clause names; the
    sending state is the host's other party told before (article_frames.match_doc)."""
    envoy = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    return envoy is not None and envoy.pos_ == "NOUN" and envoy.lemma_.lower() in ENVOY_LEMMAS and _bare(envoy)
