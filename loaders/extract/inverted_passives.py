"""A parse repair for a passive told with its participle first and its subject after the auxiliary:
"Also arrested were X and Y", "Also detained was his aide X", "Arrested with him were X and Y", "Also
sentenced to four years was X".  The small pipeline reads the one acted on as the attribute of the
auxiliary ("were" → attr X), so the participle has no passive subject and no act has X for its object.
Told this way, X underwent the participle's act: the clause is "X and Y were arrested" again (the
member the passive subject of the participle).  "Also present were X and Y" (an adjective, no
participle) and "Among those arrested was X" (among_them.py) are other shapes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what the one acted on may be, after the auxiliary ("two of his aides": a number heads the phrase)
MEMBER_POS = frozenset({"NOUN", "PROPN", "NUM"})
#: what the parser calls the member after the auxiliary
MEMBER_DEPS = frozenset({"attr", "nsubj"})
#: what may stand before the fronted participle in its clause: "Also arrested", "Later charged"
BEFORE_DEPS = frozenset({"advmod", "cc", "punct"})


def member_after_fronted_participle(verb: Token) -> bool:
    """Re-hang the member named after the auxiliary of a fronted passive participle as its passive
    subject; whether a repair was made."""
    if verb.tag_ != "VBN" or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ == "auxpass" and c.lemma_ == "be"]
    if len(auxes) != 1 or auxes[0].i < verb.i:
        return False
    aux = auxes[0]
    # (the participle opens its clause: only an adverb before it, "Also arrested were ...")
    if any(t.dep_ not in BEFORE_DEPS or t.head.i != verb.i for t in verb.doc[verb.sent.start:verb.i]):
        return False
    member = next((c for h in (aux, verb) for c in h.children if c.dep_ in MEMBER_DEPS and c.i > aux.i), None)
    if member is None or member.pos_ not in MEMBER_POS or any(c.dep_ in SUBJECTS for c in aux.children if c.i != member.i):
        return False
    member.head, member.dep_ = verb, "nsubjpass"
    return True
