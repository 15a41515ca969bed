"""A present tense the tagger read as a plural noun in a timeline line or a headline, its subject and
object made compounds around it: "June 9 — A Peruvian court sentences Pedro Castillo to eleven years",
"1998 — A military court charges Lino Oviedo with rebellion", "May 22 — Army chief General Prayuth
seizes power".  The word is the third person of a verb the frames read ("charges", "sentences",
"seizes"), right after the subject's last noun and right before its object; the clause has no verb of
its own.  The repair makes the word the clause's verb, the noun before it its subject and the phrase
after it its object (repairs.repair_token tries it on plural nouns).  Two more shapes of the same line:
the present made a plural noun inside an organ's place phrase ("A court in Bishkek sentences Ana Ruiz"),
and one that keeps its subject with its object made an apposition ("A court in Lima sentences Ana Ruiz").
A line's present after a plural subject ("Police arrest Ana Ruiz") is read whether the parser hung it on the
name as a compound, made it the line's noun, or made it an apposition of the line's date ("Sept 29, 2006 -
Papua New Guinea police arrest X at ...")."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .frame_file import default_frames
from .line_labels import TIMELINE_DASHES

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
    _make_line_verb(token, "VBZ", subject, obj)
    # what the line's root or the old head carried after the object (its phrases) is the verb's
    for holder in {root, was_head} - {token, obj, subject}:
        for c in list(holder.children):
            if c.i > obj.i and c.dep_ in ("prep", "punct", "cc", "conj", "advmod"):
                c.head = token
    return True


#: organs that act in a timeline line or headline: "A court in Attock sentences ...", "Police in Ankara charge ..."
_LINE_ORGANS = frozenset({"court", "tribunal", "judge", "magistrate", "prosecutor", "prosecutors", "police", "investigator",
                          "investigators", "authorities", "authority"})


def verb_in_organ_place(prep: Token) -> bool:
    """'July 22 — A court in Bishkek sentences Ana Ruiz to ten years': a line's present the tagger made a
    plural noun inside the organ's place phrase ("in Bishkek sentences Ana Ruiz"); the verb heads the
    line again, the organ its subject, the place the preposition's object, the name (or pronoun) its
    object, and what the parser hung on the organ or the line's date after the name is the verb's."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at") or prep.head.lemma_.lower() not in _LINE_ORGANS \
            or prep.head.dep_ not in ("ROOT", "appos") or prep.i + 3 >= len(prep.doc):
        return False
    doc, organ = prep.doc, prep.head
    i = prep.i + 1
    place = []
    while i < len(doc) and doc[i].tag_ == "NNP":
        place.append(doc[i])
        i += 1
    if not place or i >= len(doc):
        return False
    verb = doc[i]
    if verb.tag_ != "NNS" or not verb.lower_.endswith("s") or verb.text[:1].isupper() or verb not in list(prep.subtree):
        return False
    i += 1
    name = []
    while i < len(doc) and doc[i].tag_ == "NNP":
        name.append(doc[i])
        i += 1
    if not name and i < len(doc) and doc[i].tag_ == "PRP" and doc[i].lower_ in ("him", "her", "them"):
        name = [doc[i]]
        i += 1
    # (the name inside the place phrase, or hung on the organ itself: "An appeals court in Jeddah sentences
    # Ana Ruiz to ...", where the parser made the name the organ's adverbial or apposition)
    subtree = list(prep.subtree)
    if not name or not all(t in subtree or t.head.i == organ.i or t.head in name for t in name):
        return False
    line = verb.sent
    after = [t for t in line if t.i >= i and t.head.i < verb.i and t.head not in place and t.dep_ in ("prep", "advmod", "npadvmod")]
    verb.head, verb.dep_ = (verb, "ROOT") if organ.dep_ == "ROOT" else (organ.head, organ.dep_)
    verb.pos_, verb.tag_ = "VERB", "VBZ"
    organ.head, organ.dep_ = verb, "nsubj"
    place[-1].head, place[-1].dep_ = prep, "pobj"
    for t in place[:-1]:
        t.head, t.dep_ = place[-1], "compound"
    name[-1].head, name[-1].dep_ = verb, "dobj"
    for t in name[:-1]:
        t.head, t.dep_ = name[-1], "compound"
    for t in after:
        t.head = verb
    return True


def noun_with_subject(token: Token) -> bool:
    """'December 2021 — A court in Lima sentences Ana Ruiz to four years': the present the tagger made a
    plural noun, its subject kept and its object made an apposition; a noun has no subject: it is the verb."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or token.dep_ != "ROOT" or not token.lower_.endswith("s"):
        return False
    named = [c for c in token.children if c.pos_ == "PROPN" and c.left_edge.i == token.i + 1
             and (c.dep_ == "appos" or (c.dep_ in ("amod", "npadvmod") and c.ent_type_ == "PERSON"))]
    subject = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
    if not subject and token.i > 0 and token.doc[token.i - 1].dep_ == "compound" and token.doc[token.i - 1].head == token \
            and token.doc[token.i - 1].pos_ == "NOUN" and named and named[0].ent_type_ == "PERSON":
        subject = [token.doc[token.i - 1]]  # "A Minsk court sentences Ana Ruiz": the subject made a compound
        for c in token.children:
            if c.dep_ in ("det", "compound", "amod") and c.i < subject[0].i:
                c.head = subject[0]
        subject[0].dep_ = "nsubj"
    if not named or not subject or any(c.dep_ in ("det", "poss", "dobj") for c in token.children):
        return False
    token.pos_, token.tag_ = "VERB", "VBZ"
    named[0].dep_ = "dobj"
    return True


#: plural subjects a line's present tense reads with no "s" ("Police arrest X"), though tagged singular
_PLURAL_SUBJECTS = frozenset({"police"})


def plural_present_made_compound(token: Token) -> bool:
    """'Dec 10, 2018 - Prosecutors indict Ghosn and Kelly', 'May 3 - Police arrest Ana Ruiz': a timeline line's
    (or a headline's) present tense after a plural subject, which the tagger read as a present verb (or a
    noun) and the parser hung on the name after it as a compound (or made the line's noun, its subject a
    compound); the word is the clause's verb, the plural before it its subject and the name its object."""
    if token.tag_ not in ("VBP", "NN", "VB") or token.dep_ not in ("compound", "ROOT", "appos") \
            or token.lower_ not in default_frames().verb_words:
        return False
    if token.dep_ == "appos" and not _hung_on_line_date(token):
        return False
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    subject = doc[token.i - 1]
    if not (subject.tag_ in ("NNS", "NNPS") or subject.lower_ in _PLURAL_SUBJECTS) or not subject.text[:1].isalpha():
        return False
    sent = token.sent
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i != token.i for t in sent if t.i < token.i):
        return False  # a clause with a verb of its own before: the word is a noun
    if token.dep_ == "compound":   # hung on the object after it: "indict [Ghosn]"
        obj = token.head
        if obj.i <= token.i or obj.pos_ not in ("PROPN", "PRON") or not all(t.head.i == obj.i for t in doc[token.i + 1:obj.i]):
            return False
    else:   # the line's noun (or its date's apposition), its subject a compound, its object its own: "Police arrest Ana Ruiz"
        if subject.dep_ != "compound" or subject.head.i != token.i:
            return False
        obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i and c.pos_ in ("PROPN", "PRON")), None)
        if obj is None:
            return False
    _make_line_verb(token, "VBP", subject, obj)
    # the object's phrases after it (its list stays its own) are the verb's: "for understating ...", the stop;
    # and what it carried before the verb (the line's date)
    for c in list(obj.children):
        if (c.i > obj.i and c.dep_ in ("prep", "punct", "advmod", "npadvmod")) or c.i < token.i:
            c.head = token
    return True


def _hung_on_line_date(token: Token) -> bool:
    """'Sept 29, 2006 - Police arrest Ana Ruiz': the present the parser made an apposition of the line's
    date, the root before the line's dash."""
    root = token.sent.root
    return token.head.i == root.i and root.i < token.i and root.pos_ in ("PROPN", "NUM") \
        and any(t.text in TIMELINE_DASHES for t in token.doc[root.i + 1:token.i])


def _make_line_verb(token: Token, tag: str, subject: Token, obj: Token) -> None:
    """Make ``token`` the line's verb (its root), with ``subject`` and ``obj`` its own; the line's old root (its
    date, or the label it opens with) hangs on it, and the subject's words before it after the line's dash,
    hung by the parser on the word or beyond it, are the subject's own ("Tokyo prosecutors")."""
    sent, doc = token.sent, token.doc
    root = sent.root
    token.pos_, token.tag_ = "VERB", tag
    token.head, token.dep_ = token, "ROOT"
    if root not in (token, obj, subject):
        root.head, root.dep_ = token, "npadvmod"
    obj.head, obj.dep_ = token, "dobj"
    subject.head, subject.dep_ = token, "nsubj"
    dash = max((t.i for t in sent if t.i < subject.i and t.dep_ == "punct" and t.tag_ != "HYPH"), default=sent.start - 1)
    for t in doc[dash + 1:subject.i]:
        if t.head.i >= token.i and t.head != t:
            t.head = subject
