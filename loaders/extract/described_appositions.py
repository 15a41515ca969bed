"""Descriptions set off by a comma that the small pipeline hangs on the verb (an adverbial noun) instead
of on what they describe:

* 'charged the lawyer X and his client, the former spy Y, with conspiracy': after a described member of a
  list ("his client", "her deputy"), which names that member, so the list's last member stays unnamed.
  Re-hung as the member's apposition, ``tree.named_member`` finds the name in it; what follows its closing
  comma ("with conspiracy") stays the verb's.
* 'demanded the release of X, a British citizen detained in Egypt': after a name, a person told by a
  person noun or a nationality ("a British teacher"); re-hung as the name's apposition, what the
  description tells of the person (the participle "detained in Egypt") is told of them."""

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
