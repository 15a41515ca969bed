"""A reporting clause set between commas after the clause it reports, and a verb coordinated after
it: "Silva had left for Switzerland, the paper recalls, and has since applied for asylum there".  The
small parser makes the reporting verb the root, the reported clause its complement and the second verb
the reporter's conjunct, so the second verb's subject would be the paper; it is the reported clause's
conjunct (the same subject: Silva)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .modality import SPEECH_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs reporting a clause between commas ("the paper recalls", "officials said")
REPORTING = SPEECH_HEADS | {"recall", "recount", "remember", "claim", "allege"}


def conjunct_after_reporter(token: Token) -> bool:
    """Re-hang a verb conjoined to a reporting verb set between commas onto the clause it reports."""
    reporter, doc = token.head, token.doc
    if token.dep_ != "conj" or reporter.lemma_.lower() not in REPORTING or tree.children(token, tree.SUBJECTS):
        return False
    reported = next((c for c in reporter.children if c.dep_ == "ccomp" and c.i < reporter.i), None)
    if reported is None or reported.pos_ not in ("VERB", "AUX"):
        return False
    speaker = next((c for c in reporter.children if c.dep_ == "nsubj" and reported.i < c.i < reporter.i), None)
    if speaker is None or speaker.left_edge.i == 0 or doc[speaker.left_edge.i - 1].text != "," \
            or reporter.i + 1 >= len(doc) or doc[reporter.i + 1].text != ",":
        return False
    for c in [c for c in reporter.children if c.dep_ == "cc" and reporter.i < c.i < token.i]:
        c.head = reported
    token.head = reported
    return True
