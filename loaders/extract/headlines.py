"""A timeline line's or a headline's present with an adjective on its object ("Dec 15 — Somalia severs
diplomatic relations with Kenya"): the tagger makes the verb a plural noun compounded on the object,
as repairs.repair_verbs mends for a bare object ("June 7 — Mauritania severs relations with Qatar");
here the object's adjectives stand between the verb and the object."""

from __future__ import annotations

from . import tree
from .line_labels import LABEL_DASHES


def repair_adjective_objects(doc) -> None:
    """Make the verb head its line again: subject (a capitalised compound), verb (a noun in -s), the
    object's adjectives, the object (the parser's root, or an apposition to the line's date label)."""
    for token in tree.tokens(doc):
        if token.pos_ != "NOUN" or token.tag_ not in ("NN", "NNS"):
            continue
        if not (token.dep_ == "ROOT" or (token.dep_ == "appos" and token.head.i < token.i - 3
                                         and token.doc[token.head.i + 1].text in LABEL_DASHES)):
            continue
        adjectives = []
        i = token.i - 1
        while i >= 0 and doc[i].dep_ == "amod" and doc[i].head.i == token.i and doc[i].pos_ == "ADJ":
            adjectives.append(doc[i])
            i -= 1
        if not adjectives or i < 1:
            continue
        verb, subject = doc[i], doc[i - 1]
        if any(c.dep_ in ("det", "poss", "nsubj") for c in token.children):
            continue
        if verb.dep_ not in ("compound", "nsubj", "appos") or not verb.lower_.endswith("s") \
                or verb.tag_ not in ("NNS", "VBZ") or not (verb.head.i in (token.i, token.head.i) or (
                    verb.dep_ == "appos" and verb.head.i + 1 < verb.i and doc[verb.head.i + 1].text in LABEL_DASHES
                    or verb.dep_ == "appos" and verb.head.i + 2 < verb.i and doc[verb.head.i + 2].text in LABEL_DASHES)):
            continue
        if subject.dep_ != "compound" or subject.pos_ not in ("PROPN", "NOUN") or not subject.text[:1].isupper() \
                or subject.head.i not in (token.i, verb.i):
            continue
        moved = [c for c in token.children if c.i < subject.i]  # the line's date and dash
        if token.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"  # (before the moves: no token may end up its own ancestor)
        else:
            verb.head, verb.dep_ = token.head, "appos"  # the apposition to the line's label
        for c in moved:
            c.head = verb
        verb.pos_, verb.tag_ = "VERB", "VBZ"
        subject.head, subject.dep_ = verb, "nsubj"
        token.head, token.dep_ = verb, "dobj"
