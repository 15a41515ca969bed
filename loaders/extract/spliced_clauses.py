"""Clauses of a list of reactions joined by commas: "Greece condemned the proclamation, Britain
called it regrettable and the Security Council demanded its withdrawal".  The small pipeline takes
the first clause for what the second one's verb reports (a ccomp before it, as in "Greece condemned
it, Britain said"), so Greece's words become Britain's report.  Where the second verb has words of
its own after it (an object, a predicate, a clause: "called it regrettable"), it reports nothing
before it: the first clause is a clause of its own, side by side (parataxis).  So is a clause
before a semicolon ("Albania expelled the envoy; Iran did not respond in kind"): the parser's ccomp of
the verb after it would carry that verb's negation or modality onto it.

``repair`` is one of repairs.repair_token's patterns, run once per token before the frames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what a verb's own words after it can be: what it acts on or says
OWN_WORDS = frozenset({"dobj", "oprd", "acomp", "ccomp", "xcomp", "dative"})


def _speech_lemmas() -> frozenset:
    from .speech import (
        SPEECH_LEMMAS_OF_CLAUSES,  # (speech.py sits above the parse repairs)
    )
    return SPEECH_LEMMAS_OF_CLAUSES


def repair(token: Token) -> bool:
    """Make a comma-spliced clause before a verb with words of its own a clause of its own."""
    if token.dep_ != "ccomp" or token.pos_ != "VERB" or token.i >= token.head.i or token.head.pos_ != "VERB":
        return False
    verb, doc = token.head, token.doc
    if not any(c.dep_ in SUBJECTS for c in token.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and token.i < c.i < verb.i]
    after = doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(doc) else None
    own_words = any(c.dep_ in OWN_WORDS and c.i > verb.i for c in verb.children)
    if subjects and after is not None and after.text == ";" and after.i + 1 == subjects[0].left_edge.i \
            and (verb.lemma_.lower() not in _speech_lemmas() or own_words):
        # "X expelled the envoy; Y did not respond": a semicolon ends a clause; only a speech verb after
        # it with no words of its own may report it ("...; the ministry said"), not one that says its own
        # ("...; the ministry called the move hostile", "...; Y said it would respond")
        token.dep_ = "parataxis"
        return True
    if not subjects or not own_words:
        return False
    comma = doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(doc) else None
    if comma is None or comma.text != "," or comma.i + 1 != subjects[0].left_edge.i:
        return False
    token.dep_ = "parataxis"
    return True
