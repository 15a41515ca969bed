"""Titles and courtesy words that open a name's span without being part of the name.

The recogniser's PERSON span often starts with the title before the name ("Prime Minister Nouri
al-Maliki", "Foreign Secretary Ana Ruiz", "Dr Lee"); a person minted from it must be minted under
the name alone, or the same person gets a second id in every article that titles them differently.
Titles of several words are titles.TITLES; single words are names.NAME_OPENERS."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .titles import TITLES

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


#: the marks a nickname is quoted in ("Christopher "Dudus" Coke", "Joaquin ‘El Chapo’ Guzman")
NICKNAME_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})


def without_nickname(words: list[Token]) -> list[Token]:
    """``words`` without a quoted nickname of one or two words between the given name and the surname
    ('Christopher "Dudus" Coke' is Christopher Coke: the registry knows him so, and the next story that
    leaves the nickname out must find the same person)."""
    marks = [k for k, w in enumerate(words) if w.text in NICKNAME_QUOTES]
    if len(marks) != 2 or marks[0] == 0 or marks[1] >= len(words) - 1 or marks[1] - marks[0] not in (2, 3):
        return words
    return words[:marks[0]] + words[marks[1] + 1:]


def words_text(text: str, words: Sequence[Token]) -> str:
    """The text of ``words``, one space where words were left out between them."""
    runs, start = [], 0
    for k in range(1, len(words) + 1):
        if k == len(words) or words[k].i != words[k - 1].i + 1:
            runs.append(text[words[start].idx:words[k - 1].idx + len(words[k - 1].text)])
            start = k
    return " ".join(runs)


#: the auxiliaries a yes-no question opens with, capitalised there ("Was Transkei recognised ...?", "Is
#: Somaliland a country?"): no name's first word where they open a question's line (not "Will Smith said")
QUESTION_AUXILIARIES = frozenset({"Was", "Were", "Is", "Are", "Did", "Does", "Do", "Has", "Have", "Had", "Can", "Could",
                                  "Will", "Would", "Should", "Shall", "May", "Might", "Must"})


def opens_question(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens its line (or what follows a heading's colon) and the line is
    a question: "Fact check: Was Transkei recognised by any country?"."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    before = text[line_start:at].strip()
    return (not before or before.endswith(":")) and text[at:line_end if line_end >= 0 else len(text)].rstrip().endswith("?")
