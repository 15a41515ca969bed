"""A parse repair: "the new foreign secretary, X, negotiated with Y, and on October 3 the two
governments signed ...": the small pipeline reads the first clause's verb as a participle on its
subject ("secretary" ← acl "negotiated") and gives the second clause's verb both subjects.  The
first verb heads its own clause again (a conjunct of the second, its subject its own), so that the
second verb has one subject, the one after "and"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def clause_read_as_participle(token: Token) -> bool:
    """'X, negotiated with Y, and ... Z signed': a past verb hung as acl on a subject of a verb that has
    a second subject after this verb's "and"."""
    if token.dep_ != "acl" or token.tag_ not in ("VBN", "VBD"):
        return False
    subject = token.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.i < token.i:
        return False
    if not any(c.dep_ == "cc" and c.i > token.i for c in token.children):
        return False   # (no "and" after the clause: "the envoy, expelled in May, left")
    if not any(c.dep_ == "nsubj" and c.i > token.i and c.i != subject.i for c in verb.children):
        return False
    token.head, token.dep_ = verb, "conj"
    subject.head, subject.dep_ = token, "nsubj"
    return True
