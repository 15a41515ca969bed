"""The subject a list of reactions leaves out: a line headed by the state or organisation whose
reaction it tells, whose verb has no subject of its own ("Turkey: Recognised the new state on
Monday.", "UNITED STATES — Refused to recognise it.", or the heading on a line of its own above
the verb's line).  The parser then hangs the heading on the sentence before, or leaves it a
fragment; the heading is the verb's subject.

Only a finite verb with no subject at the start of its line (after the heading, if the heading is on
the same line) reads a heading: one word back to the line's start, one line back at most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_index import line_start
from .line_labels import LABEL_DASHES
from .tree import SUBJECT_SLOT

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the tags of a finite verb that can open a reaction line
FINITE = frozenset({"VBD", "VBZ", "VBP", "VBN"})
#: punctuation that closes a heading ("Turkey:", "Turkey —")
HEADING_ENDS = LABEL_DASHES
#: how many words a heading may have ("the United Arab Emirates", "UN Security Council")
HEADING_WORDS = 6


def last_word(doc, start: int, end: int) -> Token | None:
    """The last word (no space token) of ``doc[start:end]``, or None."""
    for i in range(end - 1, start - 1, -1):
        t = doc[i]
        if not t.is_space:
            return t
    return None


def _heading(words: list[Token]) -> Token | None:
    """The head word of a heading (its last capitalised word), where ``words`` is one: a few
    capitalised words with no verb ("Turkey", "UNITED STATES", "UN Security Council")."""
    words = [w for w in words if not w.is_space and w.text not in HEADING_ENDS and w.text not in ("*", "-", "•")]
    if not words or len(words) > HEADING_WORDS or any(w.pos_ in ("VERB", "AUX") and w.text.islower() for w in words):
        return None
    if not words[-1].text[:1].isupper() or words[0].lower_ not in ("the",) and not words[0].text[:1].isupper():
        return None
    return words[-1]


def heading_subject(verb: Token) -> Token | None:
    """The heading that stands for ``verb``'s left-out subject, or None."""
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE or any(c.dep_ in SUBJECT_SLOT for c in verb.children):
        return None
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":   # "Turkey: recognised it and opened an embassy"
        if any(c.dep_ in SUBJECT_SLOT for c in verb.head.children):
            return None
        verb = verb.head
    doc, start = verb.doc, line_start(verb)
    if (last := last_word(doc, start, verb.i)) is not None:   # the heading on the verb's own line: "Turkey: Recognised ..."
        if last.text not in HEADING_ENDS:
            return None
        return _heading([t for t in doc[start:verb.i] if not t.is_space][:-1])
    if start == 0:
        return None
    above = line_start(doc[start - 1])
    line = [t for t in doc[above:start] if not t.is_space]
    if line and line[-1].text in HEADING_ENDS:
        line = line[:-1]
    return _heading(line)
