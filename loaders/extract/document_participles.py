"""A parse repair: "signed a protocol restoring relations", "issued a decree expelling envoys" where
the small pipeline reads the document noun as a compound and the participle as an adjective on the
object after it ("protocol" compound on "relations", "restoring" amod on "relations").  The document
is the verb's object again, the participle a clause on it, the noun after it the participle's object,
so that structure.participle_of_act reads the act the document enacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agreements import AGREEMENT_NOUNS
from .structure import ENACTING_DOCUMENTS

if TYPE_CHECKING:
    from spacy.tokens import Token


def document_participle_made_modifier(token: Token) -> bool:
    """'a protocol restoring relations' parsed as protocol(compound)→relations, restoring(amod)→relations."""
    if token.tag_ != "VBG" or token.dep_ != "amod" or token.i == 0:
        return False
    document, noun = token.doc[token.i - 1], token.head
    if document.dep_ != "compound" or document.head.i != noun.i or noun.i <= token.i \
            or document.lemma_.lower() not in ENACTING_DOCUMENTS | AGREEMENT_NOUNS or noun.dep_ not in ("dobj", "nsubjpass") \
            or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    document.head, document.dep_ = noun.head, noun.dep_
    token.head, token.dep_ = document, "acl"
    noun.head, noun.dep_ = token, "dobj"
    return True
