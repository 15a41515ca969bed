"""'Panama switched recognition from Taipei to Beijing': the small parser hangs "from Taipei" on the verb's
object, and "to Beijing" on the verb or on the object too, so that the one left reads as the object's own
("recognition from Taipei", "ties from Taipei", as "envoys from Poland") and a recognition of it is found.
A "from" phrase on the verb's object, with a "to" phrase after it (on the verb, or on the object with the
verb having neither), tells where the act moves its object from and to: both are the verb's, as the parser
reads "switched its recognition from Taipei to Beijing"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _preps(word: Token, lower: str) -> list[Token]:
    return [c for c in word.children if c.dep_ == "prep" and c.lower_ == lower]


def from_split_from_to(prep: Token) -> bool:
    """Re-hang such a "from" phrase (and a "to" phrase after it on the object) on the verb; whether it was done."""
    noun = prep.head
    if prep.lower_ != "from" or noun.dep_ != "dobj" or noun.pos_ != "NOUN" or noun.head.pos_ != "VERB" \
            or not any(c.dep_ == "pobj" for c in prep.children):
        return False
    verb = noun.head
    after = prep.right_edge.i
    if any(c.i > after for c in _preps(verb, "to")) and not _preps(noun, "to"):
        prep.head = verb   # "switched recognition [from Taipei] [to Beijing]"
        return True
    to = next((c for c in _preps(noun, "to") if c.i > after and any(g.dep_ == "pobj" for g in c.children)), None)
    if to is not None and not _preps(verb, "to") and not _preps(verb, "from"):
        prep.head = to.head = verb   # "switched ties [from Taipei to Beijing]"
        return True
    return False
