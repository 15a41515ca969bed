"""An act told as what a noun of trying aimed at: "stormed the palace in an attempt to overthrow the
president", "after a failed bid to topple the government", "their abortive effort to oust X".

The infinitive is no act of its own (modality calls it generic), but the attempt is one when it took
place: it is the purpose of a clause that reports an act ("stormed ... in an attempt to"), a time the
story has passed ("after a failed bid to"), or marked as having failed ("a failed bid to topple X
left ten dead").  A plot, a plan or a threat to do it is no attempt (nouns of trying only), nor an
attempt someone feared, denied or called for (the noun's head clause must itself be an act).  The
frame's trigger says ``attempted: true``; this module says whether its verb is such an infinitive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import modality, structure
from .governments import WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns of trying whose infinitive is attempted when the attempt took place (not "plot", "plan", "threat"),
#: words on the noun that say the attempt was made and came to nothing, and words that say it was never
#: made (governments.yaml: the project's one list of them)
TRYING_NOUNS, FAILED_WORDS, UNMADE_WORDS = WORDS["trying"], WORDS["failed"], WORDS["unmade"]
#: prepositions by which the attempt is the purpose of the clause's act ("in an attempt to", "in a bid to")
PURPOSE_PREPOSITIONS = frozenset({"in", "as"})


def attempt_noun(verb: Token) -> Token | None:
    """The noun of trying whose to-infinitive this verb is ("a bid to topple X": bid), else None."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl", "xcomp") or noun.pos_ != "NOUN" or noun.lemma_.lower() not in TRYING_NOUNS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return noun


def purpose_of(verb: Token) -> Token | None:
    """The verb whose purpose an attempt's infinitive is ("gunmen stormed the palace in a bid to overthrow X":
    stormed), else None: who did it is who attempted."""
    noun = attempt_noun(verb)
    while noun is not None and noun.dep_ == "conj":
        noun = noun.head
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in PURPOSE_PREPOSITIONS:
        return None
    head = noun.head.head
    for _ in range(4):   # (the parser hangs the purpose on the act's object: "attacked the barracks, an armoury in a bid to")
        if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("dobj", "conj", "appos", "npadvmod"):
            break
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def realised(verb: Token) -> bool:
    """Whether the verb is the infinitive of an attempt that took place: the purpose of an act ("in an
    attempt to"), a time the story passed ("after a failed bid to"), or a failed one in a clause that
    reports it; never one alleged, planned or under a word of fear, denial or request."""
    noun = attempt_noun(verb)
    if noun is None:
        return False
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "advmod")}
    if modifiers & UNMADE_WORDS:
        return False
    failed = bool(modifiers & FAILED_WORDS) or any(c.dep_ == "poss" for c in noun.children)
    current = noun
    for _ in range(8):
        head = current.head
        if head == current:
            return failed   # "A failed bid to topple X left ten dead": the noun is the subject of its own clause
        if current.dep_ == "conj":
            current = head
            continue
        if head.dep_ == "prep" and head.lower_ in structure.BEFORE_AFTER and current.dep_ == "pobj":
            return modality.not_an_act(head.head) is None if head.head.pos_ in ("VERB", "AUX") else True
        if current.dep_ == "pobj" and head.lower_ in PURPOSE_PREPOSITIONS and head.head.pos_ in ("VERB", "AUX"):
            return modality.not_an_act(head.head) is None   # "shelled the capital in a bid to overthrow ..."
        if current.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in PURPOSE_PREPOSITIONS:
            # "arrested the generals behind the attempt to overthrow X", "jailed for the bid to topple X", "the leader
            # of the attempt": an attempt told as the ground of another act or to say who others are, made
            # elsewhere; the clause's subject did not make it (a time, "after the bid to", is told above)
            return False
        if head.pos_ in ("VERB", "AUX"):
            if modality.not_an_act(head) is not None:
                return False
            if head.lemma_.lower() in modality.NOT_ACT_NOUN_HEADS:
                return False   # "denied / feared / called off an attempt to ..."
            return failed
        current = head
    return False
