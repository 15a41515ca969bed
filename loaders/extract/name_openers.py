"""Titles and courtesy words that open a name's span without being part of the name.

The recogniser's PERSON span often starts with the title before the name ("Prime Minister Nouri
al-Maliki", "Foreign Secretary Ana Ruiz", "Dr Lee"); a person minted from it must be minted under
the name alone, or the same person gets a second id in every article that titles them differently.
Titles of several words are the gazetteer's TITLES; single words are names.NAME_OPENERS."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .gazetteer import TITLES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the most words a title has ("minister of foreign affairs")
_LONGEST = max(len(t.split()) for t in TITLES)


def title_length(words: Sequence[Token], one_word: frozenset[str]) -> int:
    """How many of the first words make a title (longest first); 0 when they make none."""
    for k in range(min(_LONGEST, len(words)), 0, -1):
        head = " ".join(w.lower_ for w in words[:k]).rstrip(".")
        if head in TITLES and k > 1 or k == 1 and head in one_word:
            return k
    return 0


def without_openers(words: list[Token], one_word: frozenset[str]) -> list[Token]:
    """``words`` without the titles and courtesy words that open them ("Prime Minister", "General",
    "Dr"), as long as a word is left."""
    while words:
        k = title_length(words, one_word)
        if not k or k >= len(words):
            break
        words = words[k:]
    return words
