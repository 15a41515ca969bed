"""Two objects, each with a phrase of its own, the parser split: "recalled its ambassador from Caracas and
its consul from Managua" (the second object made a conjunct of "Caracas", its phrase hung on the verb),
"recalled its ambassador to Venezuela and its envoy to Nicaragua" (the second object right, its phrase on
the verb).  The second object is the first one's conjunct, and the phrase right after it, with the
preposition the first object's phrase has, is its own: one actor per object (frame_roles reads the
conjuncts' own phrases).  repairs.repair_token tries it on nouns made conjuncts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dated_verbs import DATE_LABELS
from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the possessive determiners that open a second object of the same owner ("and its consul")
OWNER_WORDS = frozenset({"its", "their", "his", "her", "the"})
#: the prepositions an envoy's post is told with
POST_PREPOSITIONS = frozenset({"from", "to", "in", "at", "of"})


def second_object_phrase(noun: Token) -> bool:
    """Repair the two objects around a noun made a conjunct (see the module); whether done."""
    if noun.dep_ != "conj" or noun.pos_ != "NOUN" or noun.i + 2 >= len(noun.doc):
        return False
    if not any(c.dep_ in ("poss", "det") and c.lower_ in OWNER_WORDS for c in noun.children):
        return False
    head = noun.head
    first = head
    if head.dep_ == "pobj" and head.pos_ == "PROPN" and head.head.dep_ == "prep" and head.head.head.dep_ == "dobj":
        first = head.head.head   # "its ambassador from Caracas and its consul": made a conjunct of "Caracas"
    if first.dep_ != "dobj" or first.pos_ != "NOUN" or first.head.pos_ != "VERB":
        return False
    verb = first.head
    own = [c for c in first.children if c.dep_ == "prep" and c.lower_ in POST_PREPOSITIONS]
    after = noun.doc[noun.i + 1]
    if not own or after.dep_ != "prep" or after.head != verb or after.lower_ != own[0].lower_ \
            or not any(c.dep_ == "pobj" for c in after.children):
        return False
    _rehang(noun, head, first, after)
    return True


def second_named_object(name: Token) -> bool:
    """'sentenced X to 15 years in prison and Y to 12 years': a second object, a name, with a phrase of
    its own, which the parser made a conjunct of the object of the first object's phrase ("years") and
    whose own phrase it hung on the verb.  The name is the verb's object's conjunct, the phrase after it
    (with the same preposition) its own; whether repaired."""
    if name.dep_ != "conj" or name.pos_ != "PROPN" or name.i + 2 >= len(name.doc):
        return False
    held = name.head   # "years"
    phrase = held.head if held.dep_ == "pobj" else None
    if held.pos_ != "NOUN" or phrase is None or phrase.dep_ != "prep" or phrase.head.pos_ != "VERB":
        return False
    verb = phrase.head
    first = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN") and c.i < phrase.i), None)
    after = name.doc[name.i + 1]
    if first is None or after.dep_ != "prep" or after.head not in (verb, name) or after.lower_ != phrase.lower_ \
            or not any(c.dep_ == "pobj" for c in after.children):
        return False
    _rehang(name, held, first, after)
    return True


def second_named_object_on_verb(name: Token) -> bool:
    """'sentenced X to five years and Y and Z to four', 'arrested X in Minsk and Y and Z in Grodno': a second
    object, a name (or a list of names), with a phrase of its own after it, which the parser made the verb's
    conjunct and whose phrase it hung on the verb.  The name is the verb's named object's conjunct, the
    phrase after the list (with the preposition of the first object's phrase) its own; whether repaired."""
    verb = name.head
    if name.dep_ != "conj" or name.pos_ != "PROPN" or verb.pos_ != "VERB" or name.i < verb.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep") for c in name.children):
        return False
    first = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN") and c.i < name.i), None)
    phrases = [c for c in verb.children if c.dep_ == "prep" and first is not None and first.i < c.i < name.i and _own_phrase(c)]
    last = max([name, *name.conjuncts], key=lambda t: t.i).right_edge
    after = name.doc[last.i + 1] if last.i + 1 < len(name.doc) else None
    if not phrases or after is None or after.dep_ != "prep" or after.head.i != verb.i \
            or after.lower_ != phrases[0].lower_ or not _own_phrase(after):
        return False
    _rehang(name, verb, first, after)
    return True


def _own_phrase(prep: Token) -> bool:
    """A phrase of what an act gives its object ("to five years") or of where it was done ("in Grodno"; not
    of when: "in May and Y in July" is dated act by act, coordinated_dates.later_dates)."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and (prep.lower_ in english_words("gapped_term_prepositions") or (
        prep.lower_ in english_words("gapped_place_prepositions") and all(g.ent_type_ not in DATE_LABELS for g in objects)))


def _rehang(second: Token, held: Token, first: Token, phrase: Token) -> None:
    """The second object (with the "and" before it) made a conjunct of the first object, and the phrase
    after it its own (a no-op for the parts already hung so)."""
    for c in held.children:
        if c.dep_ == "cc" and c.i < second.i:
            c.head = first
    second.head = first
    phrase.head = second


#: the pronoun that stands for the object's noun in a second object ("and a Czech one")
ONE_WORDS = frozenset({"one", "ones"})


def second_object_one(one: Token) -> bool:
    """'expelled a Polish diplomat from Moscow and a Czech one from St Petersburg': the second object, told
    with the pronoun "one" and a modifier of its own, that the parser made the verb's conjunct (or the conjunct
    of the first object's phrase's own object); it is the first object's conjunct, its own phrase with it (one
    made a date's conjunct is the time phrases' own: coordinated_dates.later_dates).  Whether repaired."""
    held = one.head   # the verb, or the object of the first object's phrase ("from Tehran and a German one")
    verb = held.head.head if held.dep_ == "pobj" and held.head.dep_ == "prep" else held
    if one.lower_ not in ONE_WORDS or one.dep_ != "conj" or verb.pos_ != "VERB" or held.ent_type_ in ("DATE", "TIME") \
            or not any(c.dep_ in ("det", "amod", "compound") and c.i < one.i for c in one.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in one.children):
        return False
    first = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < one.i), None)
    if first is None:
        return False
    for c in [*held.children]:
        if c.dep_ == "cc" and first.i < c.i < one.i:
            c.head = first
    one.head = first
    return True
