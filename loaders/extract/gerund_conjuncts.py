"""Repairs of a second gerund the parser did not coordinate with the first ("Estonia replied,
telling Russia's ambassador to leave and reducing relations in kind"; "expelling Russia's ambassador
and downgrading relations with Moscow"): the second is the first's conjunct again, so that its act
has the same subject (frames.py reads the subject through the conjunction)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .frame_file import frames_for

if TYPE_CHECKING:
    from spacy.tokens import Token


def gerund_on_infinitive(token: Token) -> bool:
    """'telling the envoy to leave and reducing relations': a gerund the parser made a conjunct of
    the infinitive under the first gerund; it is the first gerund's conjunct (the same form)."""
    infinitive = token.head
    if token.tag_ != "VBG" or token.dep_ != "conj" or infinitive.tag_ != "VB" or infinitive.dep_ != "xcomp" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return False
    first = infinitive.head
    if first.tag_ != "VBG" or first.i > infinitive.i:
        return False
    for c in [c for c in infinitive.children if c.dep_ == "cc" and c.i < token.i]:
        c.head = first
    token.head = first
    return True


def gerund_made_compound(token: Token) -> bool:
    """'expelling Russia's ambassador and downgrading relations with Moscow': the tagger read the second
    gerund as a noun compounded on its object, and the object as a conjunct of the first gerund's
    object; the gerund is the first's conjunct again, with its object and what followed it.  Only
    for a gerund of a verb the frames read (its lemma is found among theirs)."""
    obj = token.head
    if not token.lower_.endswith("ing") or obj.dep_ != "conj" or obj.i < token.i \
            or any(t.head.i != obj.i or t.dep_ not in ("amod", "compound") for t in token.doc[token.i + 1:obj.i]):
        return False
    first_object = obj.head
    verb = first_object.head
    if first_object.dep_ != "dobj" or verb.tag_ != "VBG" or verb.i > first_object.i:
        return False
    cc = next((c for c in first_object.children if c.dep_ == "cc" and first_object.i < c.i < token.i), None)
    lemma = verb_lemma(token.lower_, frames_for(token.doc.lang_).verb_words)
    if cc is None or lemma is None:
        return False
    token.pos_, token.tag_, token.lemma_ = "VERB", "VBG", lemma
    token.head, token.dep_ = verb, "conj"
    cc.head = verb
    obj.head, obj.dep_ = token, "dobj"
    for c in [c for c in first_object.children if c.i > obj.i and c.dep_ == "prep"]:
        c.head = obj   # "relations with Moscow": the second object's phrase
    return True


def verb_lemma(gerund: str, verbs: frozenset[str]) -> str | None:
    """The verb among ``verbs`` an -ing form is of ("downgrading": downgrade; "cutting": cut), or None."""
    stem = gerund[:-3]
    for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
        if lemma and lemma in verbs:
            return lemma
    return None
