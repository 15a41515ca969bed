"""Adjuncts before the subject without a comma: "On Tuesday Ireland recognised Palestine", "In a letter
to the United Nations Ghana recalled its envoy", "Just before midnight on Friday Kenya expelled ...".
The small parser reads the adjunct's last noun and the subject as one noun phrase: either the subject
is swallowed as the adjunct's object (the verb left without a subject), or the adjunct's date is made
a compound on the subject (its preposition left without an object). Both are split again where the
adjunct's words end: a date word, a common noun before a name, or another named entity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates import MONTHS, WEEKDAYS
from .organs import ORGAN_WORDS
from .tree import SUBJECT_SLOT, SUBJECTS, TENSED_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: words that end a date adjunct ("on Tuesday", "on 3 March", "in 1973")
DATE_WORDS = frozenset(MONTHS) | {d.lower() for d in WEEKDAYS}
#: modifiers inside the run a subject swallowed by the adjunct may carry
RUN_DEPS = ("compound", "nmod", "nummod", "det", "amod", "poss")
#: last words of a body's name: no name runs on after them, so a name right after one, just before
#: the verb, is the subject ("to the United Nations Senegal recalled", one entity to the recogniser)
BODY_NAME_ENDS = frozenset({"Nations", "Union", "States", "Council", "Community", "League", "Organization",
                            "Organisation", "Commission", "Assembly", "Court", "Bank", "Fund"})


def _date_word(token: Token) -> bool:
    return token.lower_ in DATE_WORDS or (token.like_num and token.ent_type_ in ("DATE", "TIME"))


def _ends_adjunct(last: Token, first: Token) -> bool:
    """Whether the adjunct's words end at `last` and a subject starts at `first` (the token after it)."""
    if _date_word(last):
        return not _date_word(first) and first.pos_ == "PROPN"
    if last.pos_ == "NOUN" and first.pos_ == "PROPN":
        return True  # "in a statement Foreign Minister Ana Ruiz", "according to state media Ireland"
    if last.pos_ == "PROPN" and last.ent_type_ in ("GPE", "LOC") and first.pos_ == "NOUN":
        return True  # "in Lima prosecutors charged ...": the place ends the adjunct, the organ is the subject
    if last.pos_ == "NOUN" and first.pos_ == "NOUN" and first.lemma_.lower() in ORGAN_WORDS \
            and last.lemma_.lower() not in ORGAN_WORDS:
        return True  # "in a surprise move police in Ankara arrested ...": an organ starts the subject
    if last.pos_ == "PROPN" and first.pos_ == "ADJ" and first.text[:1].isupper():
        return True  # "to the United Nations Dutch prosecutors": a nationality starts the subject
    if last.ent_type_ and first.ent_iob_ == "B":
        return True  # "to the United Nations Ghana", "to the United Nations Polish prosecutors"
    return False


def _objects_ending_at(last: Token, verb: Token) -> list[Token]:
    """The objects of prepositions whose phrase ends at `last`, just before the verb, innermost first
    ("in a statement police in Ankara": Ankara, then police), when the outermost hangs on the verb."""
    objects, t = [], last
    while t.head != t and t.head.i < verb.i:
        if t.dep_ == "pobj" and t.pos_ in ("PROPN", "NOUN") and t.head.dep_ == "prep" and t.right_edge.i == last.i:
            objects.append(t)
        t = t.head
    if t.head != verb or not (t.dep_ in ("prep", "advmod", "npadvmod") or _participle(t)):
        return []  # (the adjunct hangs on the verb, before it: "Speaking in Geneva police in Ankara ...")
    return objects


def _participle(clause: Token) -> bool:
    """A fronted participle clause without a subject of its own ("Acting on a warrant", "Speaking in Geneva"),
    which the parser hangs on the verb as an adverbial clause or as its clausal subject."""
    return clause.dep_ in ("advcl", "csubj") and clause.tag_ in ("VBG", "VBN") \
        and not any(c.dep_ in SUBJECT_SLOT for c in clause.children)


def split_swallowed_subject(verb: Token) -> bool:
    """'On Tuesday Ireland recognised ...': a finite verb without a subject whose fronted adjunct's
    last object runs into it; the run's tail after the adjunct's words is the verb's subject."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in TENSED_TAGS or verb.dep_ not in ("ROOT", "ccomp") \
            or any(c.dep_ in SUBJECT_SLOT and not _participle(c) for c in verb.children):
        return False
    doc = verb.doc
    if verb.i < 2:
        return False
    for obj in _objects_ending_at(doc[verb.i - 1], verb):
        run = [t for t in obj.lefts if t.dep_ in RUN_DEPS]
        start = min((t.left_edge.i for t in run), default=obj.i)
        cut = next((k for k in range(start + 1, obj.i + 1) if _ends_adjunct(doc[k - 1], doc[k])), None)
        if cut is None and obj.i > start and obj.pos_ == "PROPN" and doc[obj.i - 1].text in BODY_NAME_ENDS:
            cut = obj.i
        if cut is not None:
            break
    else:
        return False
    adjunct_head = doc[cut - 1]
    for t in doc[start:cut - 1]:
        if t.head == obj:
            t.head = adjunct_head
    adjunct_head.head, adjunct_head.dep_ = obj.head, "pobj"
    for t in doc[cut:obj.i]:
        if t.head.i < cut:
            t.head = obj
    obj.head, obj.dep_ = verb, "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return True


def split_date_from_subject(prep: Token) -> bool:
    """'On Monday Peru expelled ...': a preposition without an object before the subject, the date made
    a compound on the subject; the date is the preposition's object again."""
    if prep.dep_ != "prep" or prep.pos_ != "ADP" or any(c.dep_ in ("pobj", "pcomp") for c in prep.children) \
            or prep.i + 2 >= len(prep.doc):
        return False
    doc = prep.doc
    k = prep.i + 1
    while k < len(doc) and _date_word(doc[k]):
        k += 1
    if k == prep.i + 1 or k >= len(doc):
        return False
    subject = doc[k - 1].head
    while subject.dep_ in ("poss", "compound") and subject.head.i > subject.i:
        subject = subject.head  # "On Tuesday Chile's foreign minister ...": the date on the possessor
    if subject.i < k or subject.dep_ not in SUBJECTS or doc[k].pos_ != "PROPN" \
            or any(doc[j].head != subject and doc[j].head.i >= k for j in range(prep.i + 1, k)):
        return False
    date = doc[k - 1]
    for t in doc[prep.i + 1:k - 1]:
        t.head = date
    date.head, date.dep_ = prep, "pobj"
    return True


def split_apposed_subject(verb: Token) -> bool:
    """'At a meeting in Lima, Ana Ruiz, the foreign minister, recalled ...': a finite verb without a subject,
    the subject between commas made an apposition or a list member of the fronted adjunct's last noun;
    a person's name there is the verb's subject (a newspaper, a meeting, a city are not a person)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in TENSED_TAGS or verb.dep_ != "ROOT" \
            or any(c.dep_ in SUBJECT_SLOT for c in verb.children) or verb.i < 4:
        return False
    doc = verb.doc
    for name in (t for c in verb.lefts if c.dep_ == "prep" for t in c.subtree):  # (the adjuncts' words only)
        if name.dep_ in ("npadvmod", "dep", "appos") and name.pos_ == "NOUN" and name.head.i < name.i \
                and name.right_edge.i + 1 == verb.i and doc[name.left_edge.i].dep_ == "det" \
                and doc[name.left_edge.i].head == name and name.head.dep_ == "pobj":
            name.head, name.dep_ = verb, "nsubj"  # "In a surprise move a court in Tehran sentenced ...": a phrase of its own
            return True
        if name.dep_ not in ("appos", "conj") or name.pos_ != "PROPN" or name.ent_type_ not in APPOSED_SUBJECTS \
                or name.head.ent_type_ == name.ent_type_ or name.head.dep_ != "pobj" or doc[name.left_edge.i - 1].text != "," \
                or any(c.dep_ == "cc" for c in name.head.children) \
                or not _aside_to(name.right_edge, verb) or doc[verb.i - 1].text != ",":
            continue
        if _objects_ending_at(name.head, verb) == [] and not _hangs_on(name.head, verb):
            continue
        name.head, name.dep_ = verb, "nsubj"
        return True
    return False


#: names the parser hangs on a fronted adjunct's noun though they are the clause's subject: a person's, and
#: a state's ("Two days after the coup, Brazil, then under its own generals, became the first to ...")
APPOSED_SUBJECTS = frozenset({"PERSON", "GPE"})
def _aside_to(last: Token, verb: Token) -> bool:
    """Whether only a comma follows the subject's last word before the verb, or a comma and an aside
    that hangs on words before the verb (or on it), closed by the comma before the verb (the parser
    hangs "then under its own generals" on the adjunct's noun, the verb, or the aside's own words)."""
    doc = last.doc
    if last.i + 1 >= verb.i or doc[last.i + 1].text != ",":
        return False
    return all(t.head.i <= verb.i and t.dep_ not in SUBJECT_SLOT for t in doc[last.i + 2:verb.i - 1])


def _hangs_on(token: Token, verb: Token) -> bool:
    """Whether `token` is in an adjunct before `verb` that hangs on it (through prepositions and objects)."""
    while token.head != token and token.head.i < verb.i and token.dep_ in ("pobj", "prep"):
        token = token.head
    return token.head == verb and token.dep_ == "prep"


#: prepositions of time the tagger takes for subordinators before a bare time noun ("after midnight")
TIME_PREPOSITIONS = frozenset({"after", "before", "until", "since"})


def time_preposition_made_mark(mark: Token) -> bool:
    """'Shortly after midnight Kenya expelled ...', 'Soon after the vote Kenya expelled ...': the preposition
    made a subordinator of the verb and its noun the verb's (first) subject; the noun is the preposition's
    object, the preposition the verb's."""
    if mark.dep_ != "mark" or mark.lower_ not in TIME_PREPOSITIONS or mark.i + 1 >= len(mark.doc):
        return False
    verb = mark.head
    time = next((c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == mark.i + 1 and c.i < verb.i), None)
    if time is None or time.pos_ != "NOUN":
        return False
    second = any(c.dep_ == "nsubj" and time.i < c.i < verb.i for c in verb.children)  # "Soon after the vote Kenya expelled"
    if time.ent_type_ not in ("TIME", "DATE") and not second:
        return False
    mark.pos_, mark.tag_, mark.dep_ = "ADP", "IN", "prep"
    time.head, time.dep_ = mark, "pobj"
    return True
