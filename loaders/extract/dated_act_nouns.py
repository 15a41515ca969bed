"""An act noun's "of" phrase after its date, "Ghana's expulsion on June 5 of the Danish consul", "the
recall on Monday of its ambassador": the parser hangs the "of" phrase on the date ("June 5 of the
consul"), so the noun acts on no one.  The phrase belongs to the act noun (a repair of
``repairs.repair_verbs``); a date's own "of" stays ("on 5 June of that year", "in May of 1967").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the prepositions a date after an act noun comes in ("the recall on Monday", "the expulsion in May")
DATE_PREPOSITIONS = frozenset({"on", "in"})


@functools.cache
def _act_nouns() -> frozenset[str]:
    from .frame_file import default_frames

    return default_frames().noun_words


def _is_date(token: Token) -> bool:
    """Whether a token is (the head of) a date or time: the tagger's DATE or TIME entity."""
    return token.ent_type_ in ("DATE", "TIME")


def of_phrase_on_date(prep: Token) -> bool:
    """See the module: re-hang ``prep`` ("of") from the date on the act noun the date follows; whether it did."""
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return False
    date = prep.head
    if not _is_date(date) or date.dep_ != "pobj" or date.head.lower_ not in DATE_PREPOSITIONS:
        return False
    noun = date.head.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _act_nouns() or noun.i > date.i:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or any(_is_date(o) for o in objects):
        return False   # "on 5 June of that year": the date's own
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False   # the noun has its own "of" phrase already
    prep.head = noun
    return True
