"""Finding a set's surface forms in text as one alternation of them all (longest first, whole words)
would, from a tree of the forms compiled once per process (moved out of gazetteer.py, which re-exports it)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@functools.lru_cache(maxsize=16)
def _longest_at_each_position(forms: frozenset[str]) -> re.Pattern | None:
    """For every position where a form starts as a whole word, the longest such form (group 1).
    Compiling a pattern of thousands of names takes a tenth of a second, so the registry's
    and the world's forms are compiled once per process and shared by every article."""
    if not forms:
        return None
    return re.compile(rf"(?<![\w-])(?=({_trie(forms)})(?![\w-]))")


def _trie(forms: frozenset[str]) -> str:
    """An alternation of ``forms`` that matches what their alternation longest first matches,
    written as a tree of their shared beginnings ("Peru(?:vian)?"): the regular-expression engine
    tries each letter once instead of every form at every position (a tenth of the time on
    articles); a longer form is tried before the shorter one it extends, so where a whole-word
    test after the form fails it still falls back to the shorter form, as the alternation does."""
    tree: dict = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}   # a form ends here

    def branches(node: dict) -> str:
        alternatives = []
        for char in sorted(k for k in node if k):
            literal, child = char, node[char]
            while "" not in child and len(child) == 1:   # a run of single letters: one literal
                (char, child), = child.items()
                literal += char
            alternatives.append(re.escape(literal) + branches(child))
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return branches(tree)


@dataclass(frozen=True)
class SurfaceHit:
    """One form found in a text (the parts of ``re.Match`` the extractor reads)."""
    string: str
    s: int
    e: int

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("a surface hit has only group 0")
        return self.string[self.s:self.e]

    def start(self, index: int = 0) -> int:
        return self.s

    def end(self, index: int = 0) -> int:
        return self.e


_WORD_OR_HYPHEN = re.compile(r"[\w-]")   # what may not touch a form (the patterns' (?<![\w-]) and (?![\w-]))


def _whole_word(text: str, at: int, end: int, endpos: int) -> bool:
    """Whether text[at:end] stands alone as _longest_at_each_position's pattern asks (its look-behind
    sees before where a search starts; ``endpos`` ends the text)."""
    return (at == 0 or not _WORD_OR_HYPHEN.match(text, at - 1)) and (end == endpos or not _WORD_OR_HYPHEN.match(text, end))


def _plain_ends(forms: tuple[str, ...], text: str, pos: int, endpos: int):
    """(start, end) of each whole-word occurrence of ``forms`` in text[pos:endpos]."""
    for form in forms:
        at = text.find(form, pos, endpos)
        while at >= 0:
            if _whole_word(text, at, at + len(form), endpos):
                yield at, at + len(form)
            at = text.find(form, at + 1, endpos)


class SurfaceFinder:
    """Finds the forms of a set as one alternation of them all (longest first, whole words) would,
    left to right without overlaps, but from two parts: the forms every article shares (compiled
    once per process) and the few an article added (a few dozen at most: searched for plainly, as
    compiling them anew for each article cost more than the search)."""

    def __init__(self, shared: frozenset[str], forms: frozenset[str]) -> None:
        # (the shared forms themselves where the article dropped none: the cache finds them without a new set)
        self.parts = [p for p in (_longest_at_each_position(shared if shared <= forms else shared & forms),) if p is not None]
        self.added = tuple(forms - shared)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        longest: dict[int, int] = {}   # start → end of the longest form starting there
        endpos = len(text) if endpos is None else endpos
        for part in self.parts:
            for m in part.finditer(text, pos, endpos):
                if m.end(1) > longest.get(m.start(), -1):
                    longest[m.start()] = m.end(1)
        for start, end in _plain_ends(self.added, text, pos, endpos):
            if end > longest.get(start, -1):
                longest[start] = end
        at = 0
        for start in sorted(longest):
            if start >= at:
                at = longest[start]
                yield SurfaceHit(text, start, at)

    def search(self, text: str) -> SurfaceHit | None:
        """The first form found (as ``re.Pattern.search`` would), or None."""
        return next(self.finditer(text), None)

    def match(self, text: str, pos: int) -> SurfaceHit | None:
        """The longest form starting exactly at ``pos`` (as ``re.Pattern.match`` would), or None."""
        ends = [m.end(1) for part in self.parts if (m := part.match(text, pos)) is not None]
        ends += [pos + len(form) for form in self.added
                 if text.startswith(form, pos) and _whole_word(text, pos, pos + len(form), len(text))]
        return SurfaceHit(text, pos, max(ends)) if ends else None
