"""Article texts: found through a folder setting, checked against their registered checksum.

The texts are third-party and never stored in the repository.  ``DIPLOGRAPH_TEXTS`` (or the
``texts`` argument) names the folder that holds them.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXTS_ENV = "DIPLOGRAPH_TEXTS"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def texts_folder(explicit: str | Path | None = None) -> Path | None:
    """The folder of article texts: the argument, else $DIPLOGRAPH_TEXTS, else None."""
    value = explicit if explicit is not None else os.environ.get(TEXTS_ENV)
    return Path(value) if value else None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    quote: str


def find_quote(text: str, quote: str) -> Span | None:
    """The first exact occurrence of ``quote`` in ``text`` (offsets in code points, end exclusive)."""
    start = text.find(quote)
    if start < 0:
        return None
    return Span(start, start + len(quote), quote)


def _fold(s: str) -> str:
    """Fold typographic quotes, dashes and spaces, so a near miss can be pointed out."""
    table = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
    s = unicodedata.normalize("NFC", s)
    return "".join(table.get(c, c) for c in s).lower()


def near_miss(text: str, quote: str) -> str | None:
    """The exact text span a slightly mistyped quote (quotes, dashes, case) stands for, if any."""
    folded_text, folded_quote = _fold(text), _fold(quote)
    start = folded_text.find(folded_quote)
    if start < 0:
        return None
    return text[start:start + len(quote)]
