"""Sentences with character offsets (rule-based: no model needed).

>>> [s.text for s in split_sentences("Dr. Ramirez said so. Peru left the U.S. talks on Monday.\\nNew line")]
['Dr. Ramirez said so.', 'Peru left the U.S. talks on Monday.', 'New line']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "jr", "sr", "inc",
    "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "pres", "amb", "capt", "cmdr", "adm", "maj", "rev", "hon", "approx", "dept", "art",
}
# a sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a likely sentence start
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        start = 0
        for m in _END.finditer(line):
            if _is_abbreviation(line, m.start()):
                continue
            inside = line[start:m.end()]
            if inside.count("“") > inside.count("”"):
                continue  # a full stop inside a quotation: the sentence goes on to the closing quote
            _add(sentences, line, line_start, start, m.end())
            start = m.end()
        _add(sentences, line, line_start, start, len(line))
    return sentences


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    # the run of letters and dots just before the dot, read backwards from it (a search of
    # ``[A-Za-z.]+$`` over the line up to the dot tried every position of the line, for every dot)
    start = dot
    while start > 0 and line[start - 1] in _WORD_CHARS:
        start -= 1
    if start == dot:
        return False
    token = line[start:dot]
    # initials and dotted acronyms (J. Smith, U.S., U.N.) and known abbreviations (Dr., Nov.)
    return len(token) == 1 or "." in token or token.lower() in ABBREVIATIONS


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = offset + start + lead
    out.append(Sentence(begin, begin + len(stripped), stripped))
