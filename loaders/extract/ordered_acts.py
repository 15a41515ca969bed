"""'A court ordered X jailed pending trial', 'ordered him held in custody', 'ordered the activist Y
detained': a past participle with its own subject under a verb of ordering is a passive (the one it
is done to is that subject; whoever orders it acts).  The parser makes the subject an active one
(nsubj) of the participle, in a clause on "ordered" or, after a title, a relative clause on the title;
the subject becomes a passive subject, so the participle's act is read as done to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs whose object-and-participle complement is an act they order done
ORDER_VERBS = frozenset({"order"})


def participle_ordered(participle: Token) -> bool:
    """Make the subject of an ordered participle its passive subject; whether a repair was made."""
    if participle.tag_ not in ("VBN", "VBD") or participle.pos_ != "VERB":  # (the tagger often says past tense)
        return False
    if participle.dep_ in ("ccomp", "xcomp", "oprd"):
        order = participle.head
    elif participle.dep_ == "relcl" and participle.head.dep_ == "dobj":  # "ordered the journalist [X held]"
        order = participle.head.head
    else:
        return False
    if order.lemma_.lower() not in ORDER_VERBS or order.i > participle.i:
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubjpass", "mark") for c in participle.children):  # ("ordered that ...")
        return False
    subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None)
    if subject is None or subject.lower_ in ("who", "which", "that"):
        return False
    subject.dep_ = "nsubjpass"
    return True
