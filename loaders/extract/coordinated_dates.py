"""One verb, several acts by their dates: "Kenya expelled Somalia's ambassador in 2018 and again in
2021", "police arrested her in May and again in July", "Colombia recalled its ambassador twice, in 2008
and in 2010".  A time adjunct that is a coordination of time phrases ("in X and in Y") tells one act per
phrase (the codebook: two expulsions, two arrests); the first is the act the verb's event already
carries, the ones after it are acts of their own, each with its own date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dating import date_field
from .repeated_acts import TIME_PREPOSITIONS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .dating import StoryTimeline


def _date_object(prep: "Token") -> "Token | None":
    return next((g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"), None)


def later_dates(trigger: "Token", timeline: "StoryTimeline") -> list[dict]:
    """The date fields of the time phrases coordinated after the verb's first one ("... and again in
    2021"), each told by a repeated preposition; none for a single time phrase, a range ("between May
    and June") or one phrase of two words ("in May and June 2019", one act over a span)."""
    if trigger.pos_ != "VERB":
        return []
    firsts = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in TIME_PREPOSITIONS and _date_object(c) is not None]
    if not firsts:
        return []
    # the parser hangs the second "in" on the first one, or on the verb itself
    # (or beside it, after "and": "in December 2014 and again in May 2015")
    doc = trigger.doc
    later = [c for f in firsts for c in f.conjuncts if c.i > f.i] + [
        c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.i > firsts[0].i] + [
        c for c in firsts[1:] if any(t.lower_ == "and" and t.dep_ == "cc" for t in doc[firsts[0].i:c.i])]
    out, told = [], {_date_object(firsts[0]).i}
    for prep in later:
        obj = _date_object(prep) if prep.lower_ in TIME_PREPOSITIONS else None
        if obj is None or obj.i in told:
            continue
        told.add(obj.i)
        mention = next((m for m in timeline.mentions if m.start <= obj.idx < m.end), None)
        if mention is not None and mention.value:
            out.append(date_field(mention.phrase, mention.value, mention.basis))
    return out
