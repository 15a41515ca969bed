"""A second verb of the present tense the parser hung on the first verb's object: "Britain recalls its
chargé and expels Iran's diplomats", "Togo summons the Ghanaian ambassador and orders two diplomats to
leave", "pulls out its chargé d'affaires and orders Iran's diplomats in London to leave" (timelines and
headlines tell acts in the present; the tagger reads "and orders" as one more object, sometimes a plural
noun).  The verb is made the first verb's conjunct again, with the noun phrase after it its object and
an infinitive its complement.  repairs.repair_verbs calls ``repair`` once per token, before the frames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import frame_file
from .tree import TENSED_TAGS  # (the tenses of the first verb that tell a list of acts)

if TYPE_CHECKING:
    from spacy.tokens import Token


def repair(token: Token) -> bool:
    """Repair one token of the pattern; whether a repair was made."""
    if token.dep_ != "conj" or not token.lower_.endswith("s") or token.i < 2 or token.doc[token.i - 1].lower_ != "and":
        return False
    noun = token.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.tag_ == "VBZ":
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.tag_ not in TENSED_TAGS:
            return False
        token.head = verb  # its object is its own already ("and expels Iran's diplomats")
        _infinitive_on_object(token, noun)
        _apposed_object(token, noun)
        return True
    if token.tag_ != "NNS" or any(c.i < token.i for c in token.children) or token.lemma_.lower() not in frame_file.frames_for(token.doc.lang_).verb_words:
        return False
    # (the clause's verb before it: the parser may have hung the first object under the phrase after it)
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB" and a.i < noun.i), None)
    if verb is None or verb.tag_ not in TENSED_TAGS:
        return False
    first = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if first is None or first.pos_ not in ("DET", "PRON", "PROPN", "NUM", "ADJ", "NOUN") or first.head.i == token.i:
        return False
    obj = first  # the head of the noun phrase after it: up while the head stays in the phrase
    while obj.head.i > obj.i and obj.dep_ in ("det", "poss", "case", "nummod", "amod", "compound"):
        obj = obj.head
    if obj.pos_ not in ("NOUN", "PROPN"):
        return False
    clause = obj.head
    if noun.head.i != verb.i:  # (the first object the parser hung on the second one: "its chargé ... orders Iran's diplomats")
        noun.head, noun.dep_ = verb, "dobj"
    token.pos_, token.tag_, token.head = "VERB", "VBZ", verb
    obj.head, obj.dep_ = token, "dobj"
    if clause.pos_ == "VERB" and clause.i > obj.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        clause.head, clause.dep_ = token, "xcomp"  # "orders Iran's diplomats to leave"
    else:
        _infinitive_on_object(token, noun)
    return True


def _apposed_object(verb: Token, noun: Token) -> None:
    """'recalls its ambassador ... and hands the German envoy a protest note', the note apposed to the
    first object ``noun`` after ``verb``: the second object of ``verb`` (the envoy is its first)."""
    for moved in [c for c in noun.children if c.dep_ == "appos" and c.i > verb.i]:
        moved.head, moved.dep_ = verb, "dobj"


def _infinitive_on_object(verb: Token, noun: Token) -> None:
    """'... the ambassador and orders two diplomats to leave': the infinitive after the second verb that the
    parser hung on the first verb's object (a relative clause) or on the first verb is the second's complement."""
    first = verb.head
    for clause in [c for c in list(noun.children) + list(first.children)
                   if c.dep_ in ("relcl", "acl", "xcomp", "advcl") and c.i > verb.i]:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            clause.head, clause.dep_ = verb, "xcomp"
