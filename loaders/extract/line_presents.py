"""A present tense the tagger read as a plural noun in a timeline line or a headline, its subject and
object made compounds around it: "June 9 — A Peruvian court sentences Pedro Castillo to eleven years",
"1998 — A military court charges Lino Oviedo with rebellion", "May 22 — Army chief General Prayuth
seizes power".  The word is the third person of a verb the frames read ("charges", "sentences",
"seizes"), right after the subject's last noun and right before its object; the clause has no verb of
its own.  The repair makes the word the clause's verb, the noun before it its subject and the phrase
after it its object (repairs.repair_token tries it on plural nouns)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .frame_file import default_frames

if TYPE_CHECKING:
    from spacy.tokens import Token


@functools.lru_cache(maxsize=1)
def _present_forms() -> frozenset[str]:
    """'charges', 'sentences', 'seizes', 'detains', 'expels': the third person of the frames' verbs."""
    forms = set()
    for lemma in default_frames().verb_words:
        if " " in lemma or "-" in lemma or len(lemma) < 4:
            continue
        forms.add(lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s")
    return frozenset(forms)


#: the relations a noun before the word keeps when it is the clause's subject made a compound
_SUBJECT_DEPS = frozenset({"compound", "nsubj", "amod"})
#: what may open the object right after the verb
_OBJECT_STARTS = frozenset({"PROPN", "DET", "PRON", "NOUN", "NUM", "ADJ"})


def present_made_noun(token: Token) -> bool:
    """Repair the clause around a plural noun that is a present-tense verb (see the module); whether done."""
    if token.tag_ != "NNS" or token.dep_ not in ("compound", "ROOT", "appos", "dobj") or token.lower_ not in _present_forms():
        return False
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    subject, after = doc[token.i - 1], doc[token.i + 1]
    if subject.pos_ not in ("NOUN", "PROPN") or subject.dep_ not in _SUBJECT_DEPS or after.pos_ not in _OBJECT_STARTS:
        return False
    sent = token.sent
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i < token.i for t in sent):
        return False  # a clause with a verb of its own before: the word is a noun ("the court said charges ...")
    # the object: the phrase right after, whose head the word hangs on as a compound, or its own dependent
    obj = token.head if token.dep_ == "compound" and token.head.i > token.i else None
    while obj is not None and obj.dep_ == "compound" and obj.head.i > obj.i:
        obj = obj.head
    if obj is None:
        obj = next((c for c in token.children if c.i > token.i and c.dep_ in ("appos", "dobj", "npadvmod", "compound")
                    and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if obj is None or obj.pos_ not in ("PROPN", "NOUN", "PRON") or obj.i <= token.i \
            or not all(token.i < t.head.i <= obj.i for t in doc[token.i + 1:obj.i]):
        return False  # the words between are the object's own ("opposition leader Maria Kolesnikova")
    if subject.head.i < token.i - 1 and subject.head.i >= sent.start and subject.head.dep_ != "punct" \
            and subject.head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    root = sent.root
    was_head = token.head
    token.pos_, token.tag_ = "VERB", "VBZ"
    token.head, token.dep_ = token, "ROOT"
    if root not in (token, obj, subject):
        root.head, root.dep_ = token, "npadvmod"   # the line's date, or the label it opens with
    obj.head, obj.dep_ = token, "dobj"
    subject.head, subject.dep_ = token, "nsubj"
    # the subject's words before it, hung by the parser on the word or beyond it, are the subject's own
    dash = max((t.i for t in sent if t.i < subject.i and t.dep_ == "punct" and t.tag_ != "HYPH"), default=sent.start - 1)
    for t in doc[dash + 1:subject.i]:
        if t.head.i >= token.i and t.head != t:
            t.head = subject
    # what the line's root or the old head carried after the object (its phrases) is the verb's
    for holder in {root, was_head} - {token, obj, subject}:
        for c in list(holder.children):
            if c.i > obj.i and c.dep_ in ("prep", "punct", "cc", "conj", "advmod"):
                c.head = token
    return True
