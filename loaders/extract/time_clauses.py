"""A time clause the parser reads as a preposition with the clause's subject as its object: "Chile
threatened to expel the Peruvian ambassador after Peru recalled its envoy" (a parse repair, registered
in ``repairs._repairs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the conjunctions of a time clause the parser may read as a preposition with its subject as object
TIME_CONJUNCTIONS = frozenset({"after", "before", "since", "until"})


def time_clause_read_as_prep(verb: Token) -> bool:
    """'Chile threatened to expel the Peruvian ambassador after Peru recalled its envoy': the parser reads
    "after Peru" as a preposition on the object and the verb as a subjectless conjunct (or complement)
    of the main verb, or "after" as its mark with "Peru" the mark's object; it is a time clause with
    its own subject (Peru recalls, not Chile)."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in verb.children):
        return False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
        # ("... after Peru recalled its envoy from Santiago": the conjunction its mark, the subject the mark's object)
        subject = next((g for c in verb.children if c.dep_ == "mark" and c.lower_ in TIME_CONJUNCTIONS
                        for g in c.children if g.dep_ == "pobj" and g.right_edge.i == verb.i - 1), None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            return False
        subject.head, subject.dep_ = verb, "nsubj"
        return True
    if verb.dep_ not in ("conj", "ccomp", "advcl") or any(c.dep_ == "mark" for c in verb.children):
        return False
    subject = doc[verb.i - 1]
    while subject.head.i < verb.i and subject.head.dep_ != "prep" and subject.head != subject and subject.dep_ != "pobj":
        subject = subject.head   # ("after the Peruvian government recalled"): the phrase's head
    prep = subject.head
    if subject.dep_ != "pobj" or subject.pos_ not in ("PROPN", "NOUN", "PRON") or prep.lower_ not in TIME_CONJUNCTIONS \
            or subject.right_edge.i != verb.i - 1 or prep.i != subject.left_edge.i - 1:
        return False
    head = verb.head
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return False   # "... and Peru recalled": a conjunct after all
    subject.head, subject.dep_ = verb, "nsubj"
    prep.head, prep.dep_, prep.pos_ = verb, "mark", "SCONJ"
    verb.dep_ = "advcl"
    return True
