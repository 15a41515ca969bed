"""'Kenya recalled its envoys from several of these countries', 'from two of them': a quantifier that
stands for some members of a group told before names the act's other party as a part of that group,
which members the text does not say.  Such a clause names its other party (none is to be guessed from
the acts told before, counterpart.counterpart_told), and only the members named are coded (the codebook:
"several aides" yields events only for those named).  A whole ("all of them", "each of these states",
``whole_quantifiers`` in frames.yaml) is not a part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

#: parts of speech of a quantifier standing as a noun phrase ("several", "some", "two", "most")
_QUANTIFIER_POS = frozenset({"ADJ", "NUM", "PRON", "DET"})


def part_of_group(word: Token) -> bool:
    """Whether one of a word's prepositional objects is a part of a plural group ("from several of these
    countries", "from two of them"): see the module."""
    return any(is_part(part) for prep in word.children if prep.dep_ == "prep"
               for part in prep.children if part.dep_ == "pobj")


def part_as_subject(verb: Token) -> bool:
    """Whether a verb's subject is a part of a plural group with no members named beside it ("two of
    them recalled their ambassadors", "several of these states expelled ..."): which members acted, the
    text does not say, so no member is the agent (not "Two of them, Chad and Mali, recalled ...")."""
    return any(is_part(s) and not any(c.dep_ == "appos" for c in s.children)
               for s in verb.children if s.dep_ == "nsubj")


def is_part(part: Token) -> bool:
    """A quantifier standing for some members of a plural group: "two of them", "several of these countries"
    (not a whole: "all of them")."""
    if part.pos_ not in _QUANTIFIER_POS or part.lemma_.lower() in english_words("whole_quantifiers"):
        return False
    return any(of.lower_ == "of" and any(_plural(g) for g in of.children if g.dep_ == "pobj")
               for of in part.children if of.dep_ == "prep")


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS") or "Plur" in noun.morph.get("Number")
