"""Agreements that enact an act once concluded: "signed a protocol restoring relations", "an accord
restoring ties was signed".  Only a concluded one: "drafted (proposed, rejected) an agreement
restoring relations" enacts nothing.  (Decrees, notes and letters enact by being issued at all:
structure.ENACTING_DOCUMENTS.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns for an agreement between parties
AGREEMENT_NOUNS = frozenset({"protocol", "agreement", "accord"})
#: verbs by which an agreement is concluded
CONCLUDING_VERBS = frozenset({"sign", "conclude", "ink", "seal", "ratify", "initial"})


def concluded_agreement(noun: Token) -> bool:
    """Whether a noun is an agreement the clause says was concluded: the object (or passive subject)
    of a concluding verb."""
    return noun.lemma_.lower() in AGREEMENT_NOUNS and noun.dep_ in ("dobj", "nsubjpass") \
        and noun.head.lemma_.lower() in CONCLUDING_VERBS
