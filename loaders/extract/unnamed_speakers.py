"""A pronoun that speaks right after a speaker the text leaves unnamed: "A senior official at the
ministry said the envoys had met rebel leaders. He said Somalia had been warned twice."  The "he" is
that official (role parallelism: the subject of one speech verb goes on as the subject of the next),
not the president named two sentences before; an unnamed speaker's words are not coded (dev/README,
gold conventions), so the pronoun names no one.  Read by coref.py (the parse's resolver) and
article_anaphora.py (the fallback over recent names), for a subject "he"/"she" of a speech verb only
(the cheap test first).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .coref_lexicon import (
    PERSON_NOUNS,
    SPEECH_LEMMAS,
    UNNAMED_DETERMINERS,
    UNNAMED_SPEAKER_NOUNS,
)
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPEAKER_NOUNS = frozenset(PERSON_NOUNS) | UNNAMED_SPEAKER_NOUNS
#: the pronouns of a person who speaks
PERSON_PRONOUNS = frozenset({"he", "she"})


def speaks_after_unnamed(pronoun: Token, is_named: Callable[[Token], bool]) -> bool:
    """Whether ``pronoun`` is a "he"/"she" subject of a speech verb whose sentence follows one whose
    last speech verb has an unnamed person for subject: then it is that person, no one named."""
    if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ not in SUBJECTS or pronoun.head.lemma_ not in SPEECH_LEMMAS:
        return False
    sentence = pronoun.sent
    if sentence.start == 0:
        return False
    return last_speaker_unnamed(pronoun.doc[sentence.start - 1].sent, is_named)


def _unnamed_person(noun: Token, is_named: Callable[[Token], bool]) -> bool:
    """'a senior official', 'one diplomat', 'an aide to President X', 'a U.S. official': a person
    noun with an indefinite determiner and no name of its own (in apposition, or a person's name
    compounded; a state or seat compounded — "a White House official" — says whose, not who; a name
    after "to" or "of" is another's)."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lemma_.lower() in SPEAKER_NOUNS \
        and any(c.dep_ in ("det", "nummod") and c.lower_ in UNNAMED_DETERMINERS for c in noun.children) \
        and not is_named(noun) \
        and not any(is_named(t) for c in noun.children if c.dep_ == "appos" for t in c.subtree) \
        and not any(t.ent_type_ == "PERSON" and is_named(t)
                    for c in noun.children if c.dep_ == "compound" for t in c.subtree)


def last_speaker_unnamed(before: Span, is_named: Callable[[Token], bool]) -> bool:
    """Whether the last speech verb of the sentence ``before`` has an unnamed person for subject."""
    verbs = [t for t in before if t.lemma_ in SPEECH_LEMMAS and t.pos_ == "VERB"]
    if not verbs:
        return False
    subject = next((c for c in verbs[-1].children if c.dep_ in SUBJECTS), None)
    return subject is not None and _unnamed_person(subject, is_named)


def conjunct_of_unnamed_speech(pronoun: Token, is_named: Callable[[Token], bool]) -> bool:
    """Whether ``pronoun`` is the "he"/"she" subject of a clause coordinated with a speech verb whose
    subject is an unnamed person ("A spokeswoman said ..., but she would not call it a coup"): then it
    is that person, not whoever was named before (the clause stands beside the speech verb, not inside
    what was said: in "an official said the president resigned and he left", "he" may be another)."""
    if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ not in SUBJECTS:
        return False
    clause = pronoun.head
    speech = clause.head
    if clause.dep_ != "conj" or speech.i > clause.i or speech.lemma_ not in SPEECH_LEMMAS or speech.pos_ != "VERB":
        return False
    subject = next((c for c in speech.children if c.dep_ in SUBJECTS), None)
    return subject is not None and _unnamed_person(subject, is_named)
