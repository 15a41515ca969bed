"""Descriptions set off by a comma that the small pipeline hangs on the verb (an adverbial noun) instead
of on what they describe:

* 'charged the lawyer X and his client, the former spy Y, with conspiracy': after a described member of a
  list ("his client", "her deputy"), which names that member, so the list's last member stays unnamed.
  Re-hung as the member's apposition, ``tree.named_member`` finds the name in it; what follows its closing
  comma ("with conspiracy") stays the verb's.
* 'demanded the release of X, a British citizen detained in Egypt': after a name, a person told by a
  person noun or a nationality ("a British teacher"); re-hung as the name's apposition, what the
  description tells of the person (the participle "detained in Egypt") is told of them.
* lists of titled names ("the Austrian envoy, Karl Huber, and the Slovak consul, Jan Novak"; "the Austrian
  envoy Karl Huber and the Slovak consul Jan Novak" after the verb's object): the second name re-hung on
  its own member, so each member is named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .coref_lexicon import PERSON_GROUP_NOUNS, PERSON_NOUNS
from .world import DEMONYM_WORDS

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


#: how the parser hangs such a description: on the verb, or as an apposition of the clause's subject
NAMELESS_DEPS = frozenset({"npadvmod", "dep", "appos"})
#: the articles that open a description of one person ("a British citizen", "an aid worker")
INDEFINITE = frozenset({"a", "an"})


def description_of_name_hung_on_verb(noun: Token) -> bool:
    """Re-hang on the name before it ("X, a British citizen detained in Egypt") a description of one person
    the parser hung on the verb of the name's clause; whether a repair was made.  The description is a
    person noun or carries a nationality ("a Russian engineer"), opened by "a"/"an"; the name is in the
    verb's phrase, after it (its object, or an object in a phrase on it)."""
    head, doc = noun.head, noun.doc
    if noun.pos_ != "NOUN" or noun.dep_ not in NAMELESS_DEPS or noun.left_edge.i < 2 or doc[noun.left_edge.i - 1].text != ",":
        return False
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE and c.i == noun.left_edge.i for c in noun.children):
        return False
    if noun.lemma_.lower() not in PERSON_NOUNS | PERSON_GROUP_NOUNS and not any(
            c.dep_ in ("amod", "compound") and c.lower_ in DEMONYM_WORDS for c in noun.children):
        return False
    name = doc[noun.left_edge.i - 2]
    if name.pos_ != "PROPN" or name.dep_ in ("compound", "flat") or name.ent_type_ not in ("PERSON", ""):
        return False
    if noun.dep_ == "appos":
        # ("Chile demanded the release of X, a British citizen ...": on the clause's subject, a state or body)
        if head.i > name.i or head.ent_type_ not in ("GPE", "ORG", "NORP"):
            return False
        head = next((a for a in name.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if head is None:
            return False
    elif head.pos_ != "VERB" or name.i < head.i or not any(a.i == head.i for a in name.ancestors):
        return False
    closing = next((c for c in noun.children if c.text == "," and c.i > noun.i), None)
    later = [c for c in noun.children if closing is not None and c.i > closing.i]
    noun.head, noun.dep_ = name, "appos"
    for c in later:
        c.head = head
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
