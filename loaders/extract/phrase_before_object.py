"""'Kenya declared persona non grata Ali Farah, Somalia's envoy': the Latin phrase put before a long
object (a heavy object moved to the end).  The small parser then reads the phrase and the name as one
noun phrase, or the name as the phrase's apposition or a bare dependent of the verb; the repair makes
the phrase's head the verb's object predicate and what follows the phrase the verb's object, as in
"declared Ali Farah persona non grata".  (``bare_persons.object_after_phrase`` repairs the shape where
the object already hangs on the verb or the phrase as a second object, from the phrase, when persons
are found; this one is a repair of the verb, for the shapes where the name is inside the phrase.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .structure import PHRASE_FIRST, PHRASE_LAST

if TYPE_CHECKING:
    from spacy.tokens import Token


def phrase_swallowing_object(verb: Token) -> bool:
    """Repair 'declared persona non grata <object>' read as one noun phrase; whether it was made."""
    phrase = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in PHRASE_FIRST), None)
    doc = verb.doc
    if phrase is None or phrase.i + 3 >= len(doc) or phrase.i < verb.i:
        return False
    non, last, first = doc[phrase.i + 1], doc[phrase.i + 2], doc[phrase.i + 3]
    if non.lower_ != "non" or last.lower_ not in PHRASE_LAST or first.is_punct or first.pos_ in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ"):
        return False
    # the object's head: from the first word after the phrase up while the head stays after the phrase
    head = first
    while head.head.i > last.i and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN", "PRON") or head in verb.ancestors:
        return False
    head.head, head.dep_ = verb, "dobj"
    phrase.dep_ = "oprd"
    for word in (non, last):
        word.head, word.dep_ = phrase, "amod"
    return True
