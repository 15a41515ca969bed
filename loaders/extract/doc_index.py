"""Facts of a parsed article that its repairs never change, read once per doc: each token's character
offset, the article's lower-case words and its language (``Doc.lang_`` asks the vocabulary each time).  A repair moves heads, labels, tags and lemmas, never a
token's text or place, so these hold for the whole extraction.  Kept for the last doc asked about (the
extractor reads one article at a time), as ``tree.tokens`` keeps its token list.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .tree import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LAST: list = [None, None, None, None]   # the last doc, its token offsets, its lower-case words, its language


def _facts(doc: Doc) -> list:
    if _LAST[0] is not doc:
        _LAST[0], _LAST[1], _LAST[2], _LAST[3] = doc, [t.idx for t in doc], None, doc.lang_
    return _LAST


def language(doc: Doc) -> str:
    """The doc's language code ("en")."""
    return _facts(doc)[3]


def offsets(doc: Doc) -> list[int]:
    """Each token's character offset, in order."""
    return _facts(doc)[1]


def words(doc: Doc) -> frozenset[str]:
    """The lower-case forms of the doc's tokens (whether a word is anywhere in the article)."""
    facts = _facts(doc)
    if facts[2] is None:
        facts[2] = frozenset(t.lower_ for t in doc)
    return facts[2]


def line_start(token: Token) -> int:
    """The index of the first token of ``token``'s line: the first token after the last line break
    before it (a break in a token's text or in the space after it ends that token's line)."""
    doc = token.doc
    at = doc_text(doc).rfind("\n", 0, token.idx)
    return 0 if at < 0 else bisect.bisect_right(offsets(doc), at)
