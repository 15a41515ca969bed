"""An infinitive the parser hangs on a verb further back (or reads as a purpose clause) when the verb of its
control stands just before it with its object: "What the defector told his interrogators led Britain to expel 90 diplomats" (the
parse makes "led" a complement of "told" and "to expel" one of "told" too), so the expulsion is read as
told to the interrogators and Britain acts on nothing.  The infinitive belongs to the verb whose object
it follows ("led Britain to expel": Britain acts), a verb of object control (a repair of
``repairs.repair_verbs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .structure import OBJECT_CONTROL

if TYPE_CHECKING:
    from spacy.tokens import Token


def infinitive_on_far_verb(verb: Token) -> bool:
    """See the module: re-hang the infinitive ``verb`` on the controlling verb whose object is right before
    its "to"; whether it did."""
    if verb.dep_ not in ("xcomp", "advcl"):
        return False
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0:
        return False
    obj = verb.doc[to.i - 1]
    if verb.dep_ == "advcl":
        # "What X told the police led Norway to expel ...": the parser's purpose clause on the controller
        # itself, right after its object, is its complement (Norway acts)
        if obj.dep_ == "dobj" and obj.head == verb.head and verb.head.lemma_.lower() in OBJECT_CONTROL \
                and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.head.children):
            verb.dep_ = "xcomp"
            return True
        return False
    if obj.dep_ != "dobj" and obj.head.dep_ != "dobj":
        return False
    obj = obj if obj.dep_ == "dobj" else obj.head   # ("led the government in London to expel": the object's head)
    controller = obj.head
    far = verb.head
    if controller == far or controller.pos_ != "VERB" or controller.lemma_.lower() not in OBJECT_CONTROL:
        return False
    if not far.i < controller.i < verb.i or any(c.dep_ in ("xcomp", "ccomp") for c in controller.children if c.i > obj.i):
        return False   # (only a controller between the two that has no complement of its own)
    verb.head = controller
    return True
