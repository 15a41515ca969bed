"""A second act coordinated with "persona non grata": "declared the envoy persona non grata and recalled
its ambassador", "... and reduced relations to ...": the parser hangs the second verb (or reads it as an
adjective on its object) on the fixed phrase, whose "subject" is the one declared; it is the declaring
verb's conjunct (a mend of ``repairs.repair_verbs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the fixed phrase's words a conjunct may hang on
PHRASE_WORDS = structure.FIXED_PHRASE_HEADS | {"grata", "gratae"}
#: and the words a word of the phrase may hang on, on the way up to the declaring verb
PHRASE_PATH = PHRASE_WORDS | {"non"}


def _declaring_verb(phrase_word: Token) -> Token | None:
    """The verb the phrase "persona non grata" hangs on, from any of its words, or None."""
    word = phrase_word
    for _ in range(3):
        if word.head.pos_ == "VERB" and word.head.i < word.i and word.head.lower_ not in structure.FIXED_PHRASE_HEADS:
            return word.head   # (the tagger makes "persona" a verb at times)
        if word.head == word or word.head.lower_ not in PHRASE_PATH:
            return None
        word = word.head
    return None


def _coordinator_to(phrase: Token, verb: Token, before: int) -> None:
    """The phrase's coordinating conjunction before ``before`` joins ``verb``'s conjuncts instead."""
    for c in phrase.children:
        if c.dep_ == "cc" and c.i < before:
            c.head = verb


def conjunct_of_declaration(token: Token) -> bool:
    """See the module: re-hang ``token`` (the second verb, or the object it was read as an adjective
    on) on the declaring verb; whether it did."""
    if token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.lower_ in PHRASE_WORDS \
            and token.i > 0 and (verb := _declaring_verb(token.head)) is not None:
        act = token.doc[token.i - 1]
        if act.dep_ == "amod" and act.head == token and act.tag_ in ("VBN", "VBD", "JJ") and act.lower_.endswith("ed"):
            # "... and reduced relations to ...": the second verb read as an adjective on its object
            _coordinator_to(token.head, verb, act.i)
            act.pos_, act.tag_, act.dep_, act.head = "VERB", "VBD", "conj", verb
            token.dep_, token.head = "dobj", act
            return True
        return False
    if token.pos_ == "VERB" and token.dep_ == "conj" and token.head.lower_ in structure.FIXED_PHRASE_HEADS \
            and token.head.dep_ in ("ccomp", "xcomp", "oprd", "dobj") and token.head.head.pos_ == "VERB" \
            and token.head.head.i < token.head.i < token.i:
        _coordinator_to(token.head, token.head.head, token.i)
        token.head = token.head.head
        return True
    return False


#: the relations the declared one may bear to the phrase's first word ("[Kofi Mensah persona] non grata")
_DECLARED_DEPS = ("nsubj", "poss")


def member_after_declaration(phrase: Token) -> bool:
    """'declared X persona non grata on Monday and Y on Tuesday': a name after the phrase, with a time
    phrase of its own, is a second one declared (the parser hangs it, and its time phrase, on the phrase's
    first word); it becomes a conjunct of the one declared, the time phrase after it its own, so each act
    carries its own date.  Whether it mended."""
    if phrase.lower_ not in structure.FIXED_PHRASE_HEADS or phrase.dep_ not in ("ccomp", "xcomp", "oprd", "dobj"):
        return False
    verb = phrase.head
    declared = next((c for c in phrase.children if c.dep_ in _DECLARED_DEPS and c.i < phrase.i), None) or \
        next((c for c in verb.children if c.dep_ == "dobj" and c.i < phrase.i and verb.pos_ == "VERB"), None)
    member = next((c for c in phrase.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > phrase.i), None)
    if declared is None or member is None or declared.pos_ not in ("PROPN", "NOUN"):
        return False
    _coordinator_to(phrase, declared, member.i)
    member.head = declared
    for c in [*phrase.children, *verb.children]:
        if c.dep_ == "prep" and c.i > member.i:
            c.head = member   # (its own time phrase, on the verb or the phrase: coordinated_dates.member_date)
    return True
