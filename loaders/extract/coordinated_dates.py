"""One verb, several acts by their dates: "Kenya expelled Somalia's ambassador in 2018 and again in
2021", "police arrested her in May and again in July", "Colombia recalled its ambassador twice, in 2008
and in 2010".  A time adjunct that is a coordination of time phrases ("in X and in Y") tells one act per
phrase (the codebook: two expulsions, two arrests); the first is the act the verb's event already
carries, the ones after it are acts of their own, each with its own date.

A gapped conjunct with a time phrase of its own ("Israel restored relations with Turkey in 2016, and
Egypt with Qatar in 2021"; "expelled two German diplomats on Monday and three Polish ones on Tuesday")
is another act with that date: its phrase is no repetition of the first act, and the first act's date
is not the conjunct's (``remnant_date``); so is a list member with a time phrase of its own
("arrested X on June 2; Y, on June 5; and Z, on June 8": ``member_date``), and so is each state of a
subject paired by "respectively" with the dates of one time phrase (``respective_date``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import doc_index
from .date_fields import date_field
from .gapping import dated_subjects
from .mutual_acts import RESPECTIVE_WORDS, in_own_clause
from .repeated_acts import TIME_PREPOSITIONS
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .dating import StoryTimeline


def _date_object(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"), None)


def later_dates(trigger: Token, timeline: StoryTimeline) -> list[tuple[dict, Token | None]]:
    """(date field, the act's own object or None) of the time phrases coordinated after the verb's first
    one ("... and again in 2021"), each told by a repeated preposition; none for a single time phrase, a
    range ("between May and June") or one phrase of two words ("in May and June 2019", one act over a
    span).  The object is the one named before the phrase ("arrested X in May and Y in July": Y's
    arrest in July); None repeats the first act's ("and again in July")."""
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
    # ("from Togo in May and from Benin in June": the second time phrase hung on the repeated preposition
    # the parser made the first one's conjunct)
    later += [g for f in firsts for c in f.conjuncts if c.i > f.i and c.pos_ == "ADP" and c.lower_ not in TIME_PREPOSITIONS
              for g in c.children if g.dep_ == "prep" and g.lower_ in TIME_PREPOSITIONS]
    # ("on Monday and a Czech one on Tuesday": the second object hung on the first date, its time phrase on it)
    later += [g for f in firsts for c in _date_object(f).conjuncts if c.i > f.i and c.ent_type_ not in ("DATE", "TIME")
              for g in c.children if g.dep_ == "prep" and g.lower_ in TIME_PREPOSITIONS]
    out, told, previous = [], {_date_object(firsts[0]).i}, _date_object(firsts[0]).i
    for prep in later:
        obj = _date_object(prep) if prep.lower_ in TIME_PREPOSITIONS else None
        if obj is None or obj.i in told:
            continue
        told.add(obj.i)
        own = _object_between(doc[previous + 1:prep.i])
        previous = obj.i
        mention = next((m for m in timeline.mentions if m.start <= obj.idx < m.end), None)
        if mention is not None and mention.value:
            out.append((date_field(mention.phrase, mention.value, mention.basis), own))
    return out


#: how a second object before its own time phrase hangs in the parse: on the first date, the first
#: object or the verb ("Y"), or under a repeated preposition made a conjunct ("and to Y in 2021")
_OBJECT_DEPS = frozenset({"conj", "appos", "dobj", "dative", "npadvmod"})


#: the pronoun that stands for a noun told before it ("a Polish diplomat ... and a Czech one")
_ONE = frozenset({"one", "ones"})


def _object_between(words) -> Token | None:
    """The head noun of an object named in ``words`` (between two coordinated time phrases), if any."""
    for t in words:
        # ("and a Czech one on Tuesday": the pronoun "one" heads the object, its modifier naming whose)
        if (t.pos_ not in ("PROPN", "NOUN") and not (t.pos_ == "NUM" and t.lower_ in _ONE)) or t.ent_type_ in ("DATE", "TIME") or t.head in words and t.head.pos_ in ("PROPN", "NOUN"):
            continue
        if t.dep_ in _OBJECT_DEPS or (t.dep_ == "pobj" and t.head.dep_ == "conj" and t.head.pos_ == "ADP"):
            return t
    return None


def _remnant_phrases(verb: Token, first: Token) -> list[tuple[Token, Token]]:
    """(time phrase, the gapped conjunct it is told with) for each nominal conjunct of the verb after
    the verb's first time phrase ``first``: a time phrase hung on the conjunct itself, or on the verb
    after the conjunct (and before the next one)."""
    remnants = sorted((c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "NUM") and c.i > first.i),
                      key=lambda r: r.i)
    out = []
    for n, remnant in enumerate(remnants):
        end = remnants[n + 1].i if n + 1 < len(remnants) else len(verb.doc)
        out += [(p, remnant) for p in [*remnant.children, *verb.children]
                if p.dep_ == "prep" and p.lower_ in TIME_PREPOSITIONS and remnant.i < p.i < end and _date_object(p) is not None]
    return out


def remnant_date(trigger: Token, spans: list[tuple[int, int]], timeline: StoryTimeline) -> dict | None:
    """The date field of the gapped conjunct whose words hold one of ``spans`` (the character
    offsets of an event's agent and target mentions), where that conjunct has a time phrase of its own
    after the verb's first; None for an event of the verb's own clause."""
    if trigger.pos_ != "VERB":
        return None
    firsts = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in TIME_PREPOSITIONS and _date_object(c) is not None]
    if not firsts:
        return None
    for prep, owner in _remnant_phrases(trigger, firsts[0]):
        start = owner.left_edge.idx
        if not any(start <= s and e <= prep.idx for s, e in spans):
            continue
        field = _phrase_date(prep, timeline)
        if field is not None:
            return field
    return None


def _phrase_date(prep: Token, timeline: StoryTimeline) -> dict | None:
    """The date field of a time preposition's object, as the story's timeline resolved it."""
    obj = _date_object(prep)
    mention = next((m for m in timeline.mentions if m.start <= obj.idx < m.end), None)
    if mention is not None and mention.value:
        return date_field(mention.phrase, mention.value, mention.basis)
    return None


def subject_date(trigger: Token, spans: list[tuple[int, int]], timeline: StoryTimeline) -> dict | None:
    """The date field of the time phrase told right after a gapped subject that repeats the whole clause
    ("..., Burkina Faso on 24 May and El Salvador on 20 August": gapping.dated_subjects) whose name one of
    ``spans`` holds; None for any other event."""
    doc = trigger.doc
    for name in dated_subjects(trigger):
        if not any(s <= name.idx < e for s, e in spans):
            continue
        when = doc[name.i + 2] if name.i + 2 < len(doc) else None
        mention = next((m for m in timeline.mentions if when is not None and m.start <= when.idx < m.end), None)
        if mention is not None and mention.value:
            return date_field(mention.phrase, mention.value, mention.basis)
    return None


def member_date(trigger: Token, spans: list[tuple[int, int]], timeline: StoryTimeline) -> dict | None:
    """The date field of the time phrase a listed actor of the event (one of ``spans``) is told with:
    hung on the member itself, or on the member it is listed after, between it and the next member;
    None for the list's first member and for members without a phrase of their own."""
    if trigger.pos_ != "VERB":
        return None
    doc = trigger.doc
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        member = span.root if span is not None and len(span) else None
        if member is None or member.dep_ not in ("conj", "appos") or member.head.ent_type_ in ("DATE", "TIME"):
            continue
        listed = [c for h in (member.head, member) for c in h.children if c.dep_ in ("conj", "appos") and c.i > member.i]
        end_i = min((c.i for c in listed), default=len(doc))
        phrase = next((p for p in sorted([*member.children, *member.head.children], key=lambda t: t.i)
                       if p.dep_ == "prep" and p.lower_ in TIME_PREPOSITIONS and member.i < p.i < end_i
                       and _date_object(p) is not None), None)
        field = None if phrase is None else _phrase_date(phrase, timeline)
        if field is not None:
            return field
    return None


def respective_date(trigger: Token, spans: list[tuple[int, int]], timeline: StoryTimeline) -> dict | None:
    """'Finland and Sweden expelled Russian diplomats on Monday and Tuesday respectively': as many dates
    in the verb's time phrase as states in its subject, each state's act on the date told in its place;
    the date of the subject member one of ``spans`` names, None where the clause pairs no lists."""
    if trigger.pos_ != "VERB" or doc_index.words(trigger.doc).isdisjoint(RESPECTIVE_WORDS) \
            or not any(t.lower_ in RESPECTIVE_WORDS and in_own_clause(t, trigger) for t in trigger.subtree):
        return None
    subject = next((c for c in trigger.children if c.dep_ in SUBJECTS), None)
    first = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ in TIME_PREPOSITIONS and _date_object(c) is not None), None)
    if subject is None or first is None:
        return None
    members, dates = [subject, *subject.conjuncts], [_date_object(first), *_date_object(first).conjuncts]
    if len(members) < 2 or len(members) != len(dates):
        return None
    for n, member in enumerate(sorted(members, key=lambda t: t.i)):
        if any(s <= member.idx < e for s, e in spans):
            when = sorted(dates, key=lambda t: t.i)[n]
            mention = next((m for m in timeline.mentions if m.start <= when.idx < m.end), None)
            return date_field(mention.phrase, mention.value, mention.basis) if mention is not None and mention.value else None
    return None


def own_date(trigger: Token, spans: list[tuple[int, int]], timeline: StoryTimeline) -> dict | None:
    """The date of the act of one of a verb's several acts whose actors ``spans`` holds, where its words
    tell it a date of its own (a gapped conjunct, a list member, a gapped subject, a "respectively" list)."""
    return remnant_date(trigger, spans, timeline) or member_date(trigger, spans, timeline) \
        or subject_date(trigger, spans, timeline) or respective_date(trigger, spans, timeline)
