"""'charged the lawyer X and his client, the former spy Y, with conspiracy': the description set off by
commas after a described member of a list ("his client", "her deputy") names that member, but the small
pipeline hangs it on the verb (an adverbial noun), so the list's last member stays unnamed.  Re-hung as
the member's apposition, ``tree.named_member`` finds the name in it; what follows its closing comma
("with conspiracy") stays the verb's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree

if TYPE_CHECKING:
    from spacy.tokens import Token

#: how the parser hangs the description on the verb
ADVERBIAL_DEPS = frozenset({"npadvmod", "dep", "appos", "dobj"})


def description_hung_on_verb(noun: Token) -> bool:
    """Re-hang on the list member before it a description the parser hung on the verb; whether a
    repair was made."""
    verb, doc = noun.head, noun.doc
    if noun.pos_ != "NOUN" or noun.dep_ not in ADVERBIAL_DEPS or verb.pos_ != "VERB" or noun.i < verb.i \
            or noun.left_edge.i < 2 or doc[noun.left_edge.i - 1].text != ",":
        return False
    member = doc[noun.left_edge.i - 2]
    if member.pos_ != "NOUN" or member.dep_ != "conj" or tree.named_member(member) != member \
            or not any(c.dep_ in ("poss", "det") for c in member.children):
        return False
    first = member
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ not in ("dobj", "nsubjpass", "appos") and first.head != verb:
        return False
    if first.head != verb and first.head.head != verb:
        return False
    closing = next((c for c in noun.children if c.text == "," and c.i > noun.i), None)
    later = [c for c in noun.children if closing is not None and c.i > closing.i]
    dep = noun.dep_
    noun.head, noun.dep_ = member, "appos"
    if tree.named_member(member) == member:   # no name in it: undone, as the parser had it
        noun.head, noun.dep_ = verb, dep
        return False
    for c in later:
        c.head = verb
    return True
