"""Appositions the parser hangs on the wrong noun: in "a spokesman for Prime Minister John Howard,
Tom Hale, said" the small parser makes "Tom Hale" an apposition of "Howard", yet a name already
named cannot be renamed by a second name, nor a state or a ministry by a person: the apposition
names the head noun, the spokesman.  (A common noun in the "for" phrase keeps its apposition: in
"a spokesman for the foreign minister, Ana Ruiz," Ana Ruiz may well be the minister.)"""

from __future__ import annotations

from collections.abc import Callable

from .gazetteer import PERSON_TYPES, Mention
from .language import english_words

#: the prepositions that tie a person noun to whom they work for ("spokesman for", "adviser to", "aide of"),
#: and to where they are posted ("the ambassador in Kinshasa, X": a city is not renamed by a person either)
TYING_PREPOSITIONS = english_words("serving_prepositions") | english_words("posted_prepositions")


def head_apposition(noun, mention_of: Callable[[object], Mention | None]) -> list:
    """The person names the parse hangs as an apposition on the object of ``noun``'s tying phrase ("for",
    "to", "of", "in", "at": ``TYING_PREPOSITIONS``) that name ``noun`` itself: a person in apposition to
    another name, or to a state or body."""
    if noun.pos_ != "NOUN":
        return []  # (a title resolved to an earlier holder may still be renamed here: "The president of X, Y")
    found = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in TYING_PREPOSITIONS:
            continue
        for owner in prep.children:
            if owner.dep_ != "pobj":
                continue
            held = mention_of(owner)
            for appos in owner.children:
                if appos.dep_ != "appos" or appos.i < owner.i:
                    continue
                named = mention_of(appos)
                if named is None or named.type != "Person" or held is not None and held.entity == named.entity:
                    continue
                # a name renamed by a name, or a state or body "renamed" by a person: the head noun's apposition
                if owner.pos_ == "PROPN" or held is not None and held.type not in PERSON_TYPES:
                    found.append(appos)
    return found
