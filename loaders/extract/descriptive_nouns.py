"""The person a noun describes ("X, the candidate", "the candidate, X", "X was the candidate", "chose
X as its candidate", "named X its candidate"): a role noun's bearer, for the frames whose act is told
by such a noun (a Candidacy).  Beside structure.py, which it reads, as designations.py cannot (that
made designations, modality and structure a cycle)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import modality
from .designations import (
    as_on_plain_object,
    designated,
    is_designating,
    named_by_second_object,
)
from .structure import logical_subject

if TYPE_CHECKING:
    from spacy.tokens import Token


def described(noun: Token) -> Token | None:
    """The person a noun describes: in apposition ("X, the candidate", "the candidate, X"), after "be" or "as"."""
    if (named := named_by_second_object(noun)) is not None:   # "named Ana Ruiz its candidate": no act if "may name"
        return None if modality.not_an_act(named.head if noun.dep_ == "appos" else noun.head) else named
    if noun.dep_ == "appos" and noun.head != noun:
        return noun.head
    appos = next((c for c in noun.children if c.dep_ == "appos"), None)
    if appos is not None:
        return appos
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":  # "won ... as the candidate", "chose X as its candidate"
        verb = noun.head.head
        if not is_designating(verb):
            return logical_subject(verb)
        # (a designating verb that is no act, "may choose X as", describes no one)
        return None if modality.not_an_act(verb) else designated(verb)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and as_on_plain_object(noun.head):
        return logical_subject(noun.head.head.head)   # "won the election as the candidate of X": the parser hung "as" on the object
    return None
