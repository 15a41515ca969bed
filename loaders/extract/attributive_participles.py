"""A participle before a name read as the verb's complement: "Kyrgyz court jails ousted Bakiyev for
life", "Police arrest deposed Ruiz in Lima".  A headline's present verb followed at once by a past
participle and a name: the parser makes the participle the verb's complement (xcomp) and the name its
object, so that the name was "ousted" here and not jailed.  The participle describes the name (an
attribute, as in "the ousted president"); the verb acts on the name.  A repair of repairs.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: tags of a past participle (the small pipeline tags a headline's participle as a past tense too)
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
#: tags of the present verb of a headline ("jails", "arrest")
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def participle_made_complement(token: Token) -> bool:
    """'jails ousted Bakiyev for life': a past participle right after a present verb, with the name right
    after it as its object and no subject, "to" or auxiliary of its own, made the verb's complement (xcomp)
    or made the clause's root with the verb as its subject: the name is the verb's object, the participle
    its attribute (the verb keeps the phrases the parser hung on the participle: "for life")."""
    if token.tag_ not in PARTICIPLE_TAGS or token.i == 0:
        return False
    verb = token.doc[token.i - 1]
    if verb.tag_ not in PRESENT_TAGS or verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if token.dep_ == "xcomp" and verb.i == token.head.i:
        own = ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
    elif token.dep_ == "ROOT" and verb.head.i == token.i and verb.dep_ == "nsubj":
        own = ("nsubjpass", "aux", "auxpass", "mark")   # (the verb itself is the subject the parser gave it)
    else:
        return False
    if any(c.dep_ in own for c in token.children):
        return False
    name = next((c for c in token.children if c.dep_ == "dobj"), None)
    if name is None or name.pos_ != "PROPN" or name.left_edge.i != token.i + 1:
        return False
    if token.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    for child in [c for c in token.children if c.dep_ in ("prep", "npadvmod", "punct") and c.i > name.i]:
        child.head = verb
    for child in [c for c in name.children if c.dep_ == "prep"]:
        child.head = verb   # ("jails X for life": the phrase on the name is the sentence's)
    name.head, name.dep_ = verb, "dobj"
    token.head, token.dep_ = name, "amod"
    return True
