"""Speech whose words the sentence does not tell: a speech verb in a free relative or an embedded
question ("What Ruto told parliament surprised Somalia", "Whatever Somalia said, Nairobi had made up
its mind", "It is not clear what the minister told the envoy") names that something was said, not
what: no remark is reported, so no Statement (dev/README.md: a Statement is words attributed to a
speaker).  A quotation tells the words and is read as ever; so is the clause's own verb ("Somalia
rejected what Kenya said": Somalia's rejection is a remark).

Read off the surface around the parse, since the small parser often misreads these clauses (it
makes "told" the root of "What X told parliament surprised Somalia"): the speech verb's subject is
led by "what" or "whatever"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speech_content import verb_at
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the words that open a free relative or an embedded question about what was said
UNTOLD_OPENERS = {"what", "whatever"}


def words_untold(doc: Doc, at: int) -> bool:
    """Whether the speech verb at ``at`` has a subject led by "what"/"whatever" (the word right before
    the subject's phrase, or its first word): the words said are not told."""
    verb = verb_at(doc, at)
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    if subject is None:
        return False
    first = subject.left_edge
    if first.lower_ in UNTOLD_OPENERS:
        return True
    return first.i > 0 and doc[first.i - 1].lower_ in UNTOLD_OPENERS and doc[first.i - 1].tag_ in ("WP", "WDT")
