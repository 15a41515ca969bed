"""Lists written without a conjunction, as headlines write them: "Niger gives French, German
ambassadors 48 hours to leave", "Moscow expels Estonian, Latvian diplomats".  The parser leaves the
first members off the noun (hung on the verb, or as a modifier of its own); the peoples' adjectives
right before the noun's own, each set off by a comma alone, are members of its list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .world import DEMONYM_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the peoples' adjectives ("French", "Estonian"): only they make such a list (not "In Niamey, French ...")


def comma_listed(first: Token) -> list[Token]:
    """The peoples' adjectives before ``first`` (the noun's first demonym), each followed by a comma
    alone, nearest first: "French, German ambassadors" gives "French" for "German"."""
    out: list[Token] = []
    doc, i = first.doc, first.i
    while i >= 2 and doc[i - 1].text == "," and doc[i - 2].lower_ in DEMONYM_WORDS:
        out.append(doc[i - 2])
        i -= 2
    return out
