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
    """Re-hang on the list member before it a description (or a bare name: "arrested the consul and his
    driver, Jan Novak, on Friday") the parser hung on the verb; whether a repair was made."""
    verb, doc = noun.head, noun.doc
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ADVERBIAL_DEPS or verb.pos_ != "VERB" or noun.i < verb.i \
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


def name_hung_on_list_head(name: Token) -> bool:
    """'declared the Austrian envoy, Karl Huber, and the Slovak consul, Jan Novak, persona non grata': the
    parser hangs the second described member on the first one's name and the second's name on the first
    member as a second apposition; re-hung on the member its commas enclose it with; whether a repair was made."""
    noun, doc = name.head, name.doc
    if name.dep_ != "appos" or name.pos_ != "PROPN" or noun.pos_ != "NOUN" or name.i < noun.i:
        return False
    member = next((c for a in noun.children if a.dep_ == "appos" and a.pos_ == "PROPN" and noun.i < a.i < name.i
                   for c in a.conjuncts if c.pos_ == "NOUN" and a.i < c.i < name.i), None)
    if member is None or tree.named_member(member) != member or member.right_edge.i >= name.left_edge.i - 1 \
            or not all(t.text == "," for t in doc[member.right_edge.i + 1:name.left_edge.i]):
        return False
    name.head = member
    return True


#: how the parser hangs a list's last titled name on the verb when it reads the "and" before it as dangling
_DANGLING_DEPS = frozenset({"dep", "npadvmod"})


def member_after_dangling_and(name: Token) -> bool:
    """'declared persona non grata the Austrian envoy Karl Huber and the Slovak consul Jan Novak': the
    parser leaves the "and" on the list's first member with no conjunct and hangs the titled name after it
    on the verb; it is that member's conjunct.  Whether a repair was made."""
    verb, doc = name.head, name.doc
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or name.dep_ not in _DANGLING_DEPS or verb.pos_ != "VERB" \
            or name.i < verb.i or name.left_edge.i < 1:
        return False
    cc = doc[name.left_edge.i - 1]
    first = cc.head
    if cc.dep_ != "cc" or cc.lower_ != "and" or first.pos_ not in ("NOUN", "PROPN") or first.i < verb.i \
            or any(c.dep_ == "conj" for c in first.children) or all(a.i != verb.i for a in first.ancestors):
        return False
    name.head, name.dep_ = first, "conj"
    return True
