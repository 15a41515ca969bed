"""'Mexico granted the couple asylum', 'gave the two men refuge', 'granted the former president
political asylum': the small pipeline makes a description right after a giving verb a compound (or,
for "couple", an adjective) of the thing given, with the article hung on the gift, so the frame's
target path lands on the asylum, not on whom it was given to.  The description is the verb's dative
(a name there is ``repairs._name_made_compound_of_gift``'s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .person_groups import PERSON_COLLECTIVES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what a state gives a person it shelters (the AsylumGrant and safe-conduct frames' needs)
GIFT_NOUNS = frozenset({"asylum", "refuge", "protection", "status", "shelter", "sanctuary", "haven", "conduct", "passage"})
#: words of the gift's own name, before its noun ("political asylum", "refugee status", "safe conduct")
GIFT_WORDS = frozenset({"political", "diplomatic", "refugee", "safe", "temporary", "humanitarian", "territorial",
                        "asylum", "permanent", "full", "international", "subsidiary"})
#: determiners that open a description the resolver reads ("the couple", "the two men", "both men")
DEFINITE = frozenset({"the", "both", "these", "those"})


def description_made_compound_of_gift(token: Token) -> bool:
    """See the module: re-hang the description on the giving verb as its dative."""
    if token.lemma_.lower() not in tree.GIVING_LEMMAS or tree.children(token, ("dative", "iobj")):
        return False
    objects = tree.children(token, ("dobj",))
    if len(objects) != 1 or objects[0].pos_ != "NOUN" or objects[0].lemma_.lower() not in GIFT_NOUNS:
        return False
    given, doc = objects[0], token.doc
    if token.i + 1 >= len(doc) or given.i < token.i:   # (the gift told before the verb: "what protection did … grant")
        return False
    det = doc[token.i + 1]
    if det.lower_ not in DEFINITE or not det.i < det.head.i <= given.i or given.left_edge.i != det.i:
        return False
    end = given.i
    while end - 1 > det.i and doc[end - 1].lower_ in GIFT_WORDS:
        end -= 1
    if end - 1 == det.i and det.lower_ == "both" and det.head.i == given.i and det.dep_ == "det" and not given.conjuncts:
        # "granted both asylum": the bare "both" is whom it was given to (the two named before; not "both
        # asylum and safe conduct")
        det.pos_, det.tag_, det.head, det.dep_ = "PRON", "PRP", token, "dative"
        return True
    recipient = doc[end - 1]
    if recipient.i == det.i or recipient.head.i != given.i or recipient.lemma_.lower() in GIFT_NOUNS \
            or not (recipient.pos_ in ("NOUN", "PROPN") or recipient.lower_ in PERSON_COLLECTIVES):
        return False
    inner = range(det.i + 1, recipient.i)
    if any(not (det.i < doc[i].head.i <= recipient.i or doc[i].head.i == given.i) for i in inner):
        return False   # (the description's words hang on one another, or on the gift)
    for i in inner:
        if doc[i].head.i == given.i:
            doc[i].head = recipient
    det.head = recipient
    if recipient.pos_ == "ADJ":   # "the couple": a noun
        recipient.pos_, recipient.tag_ = "NOUN", "NN"
    recipient.head, recipient.dep_ = token, "dative"
    return True
