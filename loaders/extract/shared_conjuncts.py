"""Coordinated verbs that share what is written after the last of them ("right node raising"):
"police arrested and charged X", "arrested and later indicted X": the first verb has no object of its
own, the second's is both verbs' (in a list, the last's is all of theirs: "arrested, questioned and released X"); "X was detained and charged in Ankara on Friday": where and when
after the second verb tell both acts.  Only when nothing but "and"/"or", an adverb or a comma stands
between the two verbs (so "arrested him and charged his brother" keeps each verb's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .relative_antecedents import relative_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what may stand between two verbs that share what follows: "arrested and (later) charged", "arrested, charged"
_BETWEEN = frozenset({"cc", "advmod", "punct", "preconj"})
#: what a verb's own object (or complement) is: with one, it shares nothing
_OWN_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "ccomp", "xcomp", "dative", "iobj"})


def sharing_conjunct(verb: Token) -> Token | None:
    """The verb coordinated right after this one that shares its subject and what follows it, or None."""
    if verb.pos_ != "VERB":
        return None
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if nxt is None or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in nxt.children):
        return None
    doc = verb.doc
    for i in range(verb.i + 1, nxt.i):
        t = doc[i]
        if t.dep_ not in _BETWEEN or t.head.i not in (verb.i, nxt.i):
            return None
    if not any(doc[i].dep_ == "cc" for i in range(verb.i + 1, nxt.i)) and (
            not any(doc[i].text == "," for i in range(verb.i + 1, nxt.i)) or sharing_conjunct(nxt) is None):
        return None   # (only a comma: "arrested, questioned and released X", where the list goes on after it)
    return nxt


def raised_object(verb: Token) -> Token | None:
    """'arrested and charged X with espionage': X for "arrested" (the object written after the second verb).
    Only for a first verb never told without its object (structure.OBJECT_NEEDING_ACTS): "protested and
    recalled its ambassador" is a protest of nothing written, not of the ambassador."""
    from .structure import (
        OBJECT_NEEDING_ACTS,  # (structure reads this module: imported when asked)
    )

    if verb.lemma_.lower() not in OBJECT_NEEDING_ACTS or any(c.dep_ in _OWN_OBJECTS for c in verb.children):
        return None
    nxt = sharing_conjunct(verb)
    while nxt is not None:   # (down a list to the verb whose object is written: "arrested, questioned and released X")
        own = next((c for c in nxt.children if c.dep_ in ("dobj", "obj") and c.i > nxt.i), None)
        if own is not None or any(c.dep_ in _OWN_OBJECTS for c in nxt.children):
            return own
        nxt = sharing_conjunct(nxt)
    return None


def subject_of_passive_partner(verb: Token) -> Token | None:
    """'X was detained and faces charges', 'Peru was criticised by Chile and recalled its envoy': an active
    verb coordinated with a passive one shares its grammatical subject (X, Peru), never the passive's
    "by ..." agent; None where the verb is no such conjunct."""
    # (structure reads this module: imported when asked)
    from .structure import is_passive

    if verb.dep_ != "conj" or verb.pos_ != "VERB" or not is_passive(verb.head) or is_passive(verb):
        return None
    return next((relative_antecedent(c, verb.head) for c in verb.head.children if c.dep_ == "nsubjpass"), None)


#: relative pronouns that may stand as a relative clause's object ("the envoy whom Peru expelled")
_RELATIVE_OBJECTS = frozenset({"whom", "that", "which"})


def relative_object_shared(verb: Token) -> Token | None:
    """'X, whom police detained in May and charged with fraud': a verb coordinated with a relative
    clause's verb, with no object of its own, acts on what the relative pronoun stands for (X), as the
    first verb does; None where the verb is no such conjunct.  Only an object pronoun is shared: in "X,
    who expelled the envoy and recalled ...", "who" acts, it is not acted on."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.dep_ != "relcl" \
            or any(c.dep_ in _OWN_OBJECTS or c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    first = verb.head
    # ("whom" the parser may call a subject when it stands before the clause's own subject)
    pronoun = next((c for c in first.children if c.lower_ in _RELATIVE_OBJECTS and c.i < first.i and (
        c.dep_ in ("dobj", "obj", "dep") or (c.lower_ == "whom" and c.dep_ == "nsubj"))), None)
    if pronoun is None or not any(c.dep_ == "nsubj" and c != pronoun for c in first.children):
        return None   # (the clause's own subject acts: without one, the pronoun is its subject, not its object)
    return relative_antecedent(pronoun, first)
