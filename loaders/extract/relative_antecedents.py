"""What a relative pronoun stands for: the noun its clause is on ("Ana Ruiz, who was detained": Ana Ruiz),
read through the parser's slips (an infinitive the clause goes on in, an apposition, "one of the states
that ...", a person's clause hung on the place they are posted in).  The clause structure of every frame
(structure.py) and the phrases a relative pronoun is governed in (frame_roles, told_before,
shared_conjuncts) read it here.

Works on a spaCy dependency parse (ClearNLP labels, as the English pipelines give them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import PERSON_NOUNS
from .language import english_words
from .name_words import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the relative pronouns, and those of them that stand only for persons (frames.yaml)
RELATIVE_PRONOUNS = english_words("relative_pronouns")
PERSON_RELATIVE_PRONOUNS = english_words("person_relative_pronouns")
#: the entity labels of places, which a person's relative pronoun never stands for
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def relative_antecedent(token: Token, verb: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("Ana Ruiz, who was detained")."""
    while verb.dep_ == "xcomp" and token.lower_ in RELATIVE_PRONOUNS:
        verb = verb.head   # "X, whom Ecuador refused to recognise": the clause the pronoun opens
    if token.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head != verb:
        noun = verb.head
        if token.lower_ in PERSON_RELATIVE_PRONOUNS:
            noun = _person_beside_place(noun)
            noun = _description_beyond_phrase(noun, token)
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
            return noun.head  # "Ana Ruiz, the former minister, who was arrested": the one named
        one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if one is not None and one.lower_ == "one":  # "Peru was one of the countries that recognised Kosovo"
            if one.dep_ == "attr" and one.head.lemma_ in ("be", "become"):
                return next((c for c in one.head.children if c.dep_ == "nsubj"), noun)
            if one.dep_ == "appos":  # "Peru, one of the countries that ..."
                return one.head
        return noun
    return token


def _person_beside_place(noun: Token) -> Token:
    """'the consul in Oslo, whom police detained': the parser hangs a person's clause on the place in the
    phrase before it; a "who"/"whom" stands for the noun that phrase is on, never for a city."""
    if noun.ent_type_ in PLACE_LABELS and noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.head
    return noun


def _description_beyond_phrase(noun: Token, pronoun: Token) -> Token:
    """'X, a businessman at the centre of a bribery scandal, who was detained': after a comma, a person's
    "who" the parser hung on the last noun of the phrases of a name's description stands for the
    description (and so for the name), where no noun of those phrases is a person's."""
    if pronoun.i == 0 or pronoun.doc[pronoun.i - 1].text != ",":
        return noun
    described = noun
    while described.dep_ == "pobj" and described.head.dep_ == "prep" and not _personal(described):
        described = described.head.head
    if described.i == noun.i or _personal(described) and described.dep_ != "appos":
        return noun
    return described if described.dep_ == "appos" and described.pos_ == "NOUN" and described.head.pos_ == "PROPN" else noun


def _personal(noun: Token) -> bool:
    """A noun that may name a person itself: a person's name, a person's noun or title."""
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_NOUNS or noun.lemma_.lower() in TITLE_WORDS
