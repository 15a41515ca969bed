"""'Nicaragua said it would no longer accept the envoy and declared him persona non grata': a past
tense the parser coordinated with a bare verb under a modal, inside a reported clause, cannot share
the modal ("would declared"); it is coordinated with the verb that reports the clause, its own act
(a repair before the frames: the act is no longer read as what "would" happen, nor as reported)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .modality import has_modal
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a reported clause's subject that stands for the one who reports it
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})


def past_out_of_modal(verb: Token) -> bool:
    """Hang a past tense coordinated with a modal's bare verb on the clause above; whether a repair was made."""
    if verb.tag_ != "VBD" or verb.dep_ != "conj" or verb.pos_ != "VERB":
        return False
    first = verb.head
    if first.tag_ != "VB" or first.dep_ != "ccomp" or first.i > verb.i \
            or not has_modal(first):
        return False
    # (the reported clause's subject a pronoun for the speaker, "said it would": both verbs have one subject
    # whichever clause the second hangs on; "said Washington would stand ... and urged ..." is left as parsed)
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ in _SPEAKER_PRONOUNS for c in first.children):
        return False
    outer = first.head
    if outer.tag_ != "VBD" or outer.i > first.i or any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    verb.head = outer
    for c in [c for c in first.children if c.dep_ == "cc" and first.i < c.i < verb.i]:
        c.head = outer
    return True


#: clauses of a bare infinitive ("ordered the envoy to leave", "gave him 72 hours to leave")
_INFINITIVE_CLAUSES = frozenset({"xcomp", "advcl"})


def past_out_of_infinitive(verb: Token) -> bool:
    """'Russia ordered the Estonian envoy to leave and recalled its own': a finite verb the parser
    coordinated with an infinitive ("to leave ... and recalled") cannot share its "to"; it is
    coordinated with the verb the infinitive hangs on, in the same tense, whose subject it shares (not
    the infinitive's: the envoy told to leave did not recall anyone).  Whether a repair was made."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.dep_ != "conj" or verb.pos_ != "VERB":
        return False
    first = verb.head
    if first.tag_ != "VB" or first.dep_ not in _INFINITIVE_CLAUSES or first.i > verb.i \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return False
    outer = first.head
    if outer.tag_ != verb.tag_ or outer.i > first.i or any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    verb.head = outer
    for c in [c for c in first.children if c.dep_ == "cc" and first.i < c.i < verb.i]:
        c.head = outer
    return True
