"""Two shapes of reported speech the speech frame reads beside a speech verb and its subject: a
quotation that runs across sentences ('"I will not resign. This is a coup," he said') and a source
named in "according to X, ...", and whether such a source follows the clause it sources ("X was
detained, according to his family": the source of a report); and whether an offset lies inside a quotation
opened in its sentence.  Functions over the article's text and parse; ``statements.py`` and the speaker's
side (``speaker_sides.py``, ``mentions.py``) call them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import PERSON_TYPES, Mention
from .tree import token_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the rest of a quotation opened in an earlier sentence, up to its closing mark and an attribution
#: ('This is a coup," he said'); groups as rules.QUOTE's (the first one empty)
CONTINUED_QUOTE = re.compile(r"\s*()([^“”\"]{3,600}?)[”\"](?=\s*,?\s*(?:[a-z]|[A-Z]\w+\s+(?:said|says|told|added)))")

#: "according to X": a source named after the phrase
ACCORDING_TO = re.compile(r"(?i)according\s+to\b")


def continued_quotation(text: str, start: int, sentence_text: str) -> list[re.Match]:
    """The quoted part of the sentence at ``start`` whose quotation an earlier sentence of the same
    paragraph opened (as a one-item list), else an empty list."""
    closing = CONTINUED_QUOTE.match(sentence_text)
    if closing is None:
        return []
    before = text[text.rfind("\n", 0, start) + 1:start]
    opened = before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
    return [closing] if opened else []


def according_to_source(doc: Doc, at: int, phrase: str, mentions: list[Mention]) -> Mention | None:
    """'According to Algeria's foreign minister, X, France had ...': the actor the phrase at ``at``
    names (its object on the parse, a person in it before a state), or None."""
    span = doc.char_span(at, at + len(phrase), alignment_mode="expand")
    objects = [g for t in (span or []) for g in t.children if g.dep_ == "pobj"]
    if not objects:
        return None
    lo = min(t.left_edge.idx for t in objects)
    hi = max(t.right_edge.idx + len(t.right_edge) for t in objects)
    inside = [m for m in mentions if lo <= m.start < hi]
    return next((m for m in inside if m.type in PERSON_TYPES), inside[0] if inside else None)


def according_after_clause(doc: Doc, at: int) -> bool:
    """Whether "according to" at ``at`` hangs on a word before it ("X was detained on Monday,
    according to his family"): the phrase names the source of the clause before it, which it
    follows (not "According to X, France will ...", where the source opens the sentence)."""
    token = token_at(doc, at)
    if token is None or token.lower_ != "according":
        return False
    if token.dep_ == "prep" and token.head.i < token.i:
        return True
    # "X was detained, according to his family, and Y ...": the parse may hang it on the next conjunct
    before = doc[token.sent.start:token.i]
    return len(before) > 1 and before[-1].text == "," and any(t.pos_ == "VERB" for t in before)


#: words that blame ("the expulsion violated international law", "in breach of the convention")
BLAME_WORDS = frozenset({"violate", "violation", "breach", "flout", "contravene", "undermine"})


def sourced_clause_judges(doc: Doc, at: int) -> bool:
    """Whether the clause that "according to" at ``at`` follows judges or blames ("the expulsion was
    a grave mistake", "Russia was behind the poisoning", "... violated international law"): then the
    source speaks, it does not only report a fact."""
    token = token_at(doc, at)
    if token is None:
        return False
    root = token.sent.root
    own = {t.i for t in token.subtree}
    for t in root.subtree:
        if t.i in own or t.i > token.i:
            continue
        if t.dep_ in ("acomp", "attr") and t.pos_ in ("ADJ", "NOUN") \
                or t.lemma_.lower() in BLAME_WORDS \
                or t.lower_ == "behind" and t.head.lemma_ == "be":
            return True
    return False


def inside_quotation(text: str, sentence_start: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened in its sentence (from ``sentence_start``): a
    state a speaker names in the third person within their own quoted words is the other side ("China
    has never given up its wish to interfere in our affairs"), never the one they speak for."""
    before = text[sentence_start:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
