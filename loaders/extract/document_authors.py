"""Who acts through a document that is the subject of the act: "A note signed by the foreign
secretary ended relations", "a decree issued by the president expelled ...", "a letter from the
ministry gave him 72 hours to leave": the document's signer or sender acts (for his state), not
the paper.  (The document as an object, "signed a decree expelling ...", is structure.participle_of_act.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .structure import ENACTING_DOCUMENTS
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: participles that give a document its author: "signed by", "issued by", "sent by"
AUTHORING_VERBS = frozenset({"sign", "issue", "send", "deliver", "draft", "write", "publish", "read", "hand"})


def document_author(noun: Token) -> Token | None:
    """The author of a document noun that is a clause's subject: the "by ..." of a participle on it
    ("signed by X"), else its "from ..." ("a note from the ministry"); None for any other noun."""
    if noun.pos_ != "NOUN" or noun.dep_ not in SUBJECTS or noun.lemma_.lower() not in ENACTING_DOCUMENTS:
        return None
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in AUTHORING_VERBS:
            for by in clause.children:
                if by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by"):
                    author = next((g for g in by.children if g.dep_ == "pobj"), None)
                    if author is not None:
                        return author
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            author = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if author is not None:
                return author
    return None
