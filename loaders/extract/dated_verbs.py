"""'France on Monday extended recognition to X', 'Chile on Friday granted asylum to Y': a date between
the subject and its verb.  The small pipeline sometimes reads the date's preposition as taking the
verb's object too ("on [Monday] [extended recognition]"), the verb an adjective on that object and the
subject the sentence's root; the verb heads the clause again, the subject and the date its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a date word in the adjunct: weekdays, months, "yesterday" (a number needs the tagger's date label)
DATE_LABELS = ("DATE", "TIME")


def verb_after_date_made_modifier(verb: Token) -> bool:
    """Make a past verb read as an adjective after "<subject> on <date>" the clause's root again;
    whether a repair was made."""
    if verb.dep_ != "amod" or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or verb.i < 3:
        return False
    doc, noun = verb.doc, verb.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.pos_ != "ADP" or noun.i < verb.i or prep.i > verb.i - 2:
        return False   # (the object hung on the date's preposition, after the verb)
    dates = doc[prep.i + 1:verb.i]
    if any(t.ent_type_ not in DATE_LABELS for t in dates):
        return False   # ("on 3 June", "on Friday": only the date between the preposition and the verb)
    subject = prep.head
    if subject.dep_ != "ROOT" or subject.pos_ not in ("PROPN", "NOUN") or subject.i > prep.i:
        return False
    if any(c.pos_ in ("VERB", "AUX") and c.i > noun.i for c in subject.children):
        return False   # (a clause of its own after the object)
    date = dates[-1]
    for t in dates[:-1]:
        if not (prep.i < t.head.i < verb.i):
            t.head = date
    date.head, date.dep_ = prep, "pobj"
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, "dobj"
    prep.head = verb
    subject.head, subject.dep_ = verb, "nsubj"
    for c in [c for c in subject.children if c.i > noun.i]:
        c.head = verb   # "... to the council.": the rest of the clause is the verb's
    return True
