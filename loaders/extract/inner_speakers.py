"""A named speaker inside an unnamed one's words: "U.S. officials said he left after Chinese
authorities promised that he would be safe", "A diplomat said Russia had accused Britain of lying".

The clause's first speech verb has a speaker that names no actor ("officials", "a diplomat", a
passive without "by ..."), so the clause yields no Statement of its own; a speech verb below it in
the parse with a subject of its own that names an actor reports a remark of that actor, and is
coded as a clause of its own (statement_clauses._statements_of_clauses).  A pronoun subject ("he said")
is left to the outer speaker, and words inside quotation marks are the outer speaker's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .speech import speech_cues
from .speech_content import verb_at
from .speech_speakers import speech_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .gazetteer import Mention

#: the mentions that name their actor outright (a state's or a person's name; not an organ such as
#: "Chinese authorities", which the reviewed codes give as the state or the body by the article's words)
NAMING_KINDS = ("name", "alias")
#: the quotation marks that keep words the outer speaker's own
QUOTE_MARKS = ('"', "“", "”")


def inner_speaker_clause(doc: Doc, text: str, start: int, end: int, candidates: list[Mention],
                         unnamed: Callable[[int], bool]) -> int | None:
    """Where the clause of a speech verb with a named subject begins inside text[start:end] (its
    subject's left edge), below a first speech verb whose speaker ``unnamed`` says names no actor;
    None where there is none.  ``text`` is the doc's text (``Doc.text`` joins every token anew)."""
    if any(q in text[start:end] for q in QUOTE_MARKS):
        return None
    cues = [c for c in speech_cues(doc, start, end) if c.paraphrase]
    if len(cues) < 2:  # (the cheap test first: one speech verb has nothing inside it)
        return None
    verbs = [t for c in cues for t in [verb_at(doc, start + c.start())] if t is not None and t.pos_ == "VERB"]
    if len(verbs) < 2 or not unnamed(verbs[0].idx):
        return None
    outer = verbs[0]
    for verb in verbs[1:]:
        if outer not in verb.ancestors:
            continue  # a clause of its own is second_speakers_clauses's
        subject = _own_subject(verb)
        if subject is None or subject.left_edge.idx <= outer.idx:
            continue
        heard, named = speech_subject(doc, verb.idx, candidates)
        if heard == "named" and named.kind in NAMING_KINDS:
            return subject.left_edge.idx
    return None


def _own_subject(verb: Token) -> Token | None:
    """The verb's own subject before it, not a pronoun ("he said" inside the words stays the outer speaker's)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None
