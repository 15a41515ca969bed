"""Which date of a sentence an act takes where the parser hangs the date elsewhere (used by ``dating``):
"the ministry said on Thursday it hoped ..." (the date is the speech verb's, not the complement's),
"on December 6, the day New Delhi recognized Bangladesh" (an act told of "the day" after a date).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..dates import _SPAN, _YEARS_N, _count, _span_years, names_day
from .language import english_words
from .structure import PHRASE_FIRST
from .time_measures import DAY_UNITS, mark_token
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .date_mentions import DateMention


def before_complement_subject(date_root: Token, host: Token, verb: Token) -> bool:
    """'the ministry said on Thursday it hoped ...': a date between a verb and the subject of its
    complement clause is the verb's, though the parser hangs it on the complement's verb (``host``:
    what the parser makes the date modify)."""
    if host.dep_ != "ccomp" or host.head.i != verb.i or not verb.i < date_root.i < host.i:
        return False
    subject = next((c for c in host.children if c.dep_ in SUBJECTS), None)
    return subject is not None and date_root.i < subject.left_edge.i


def on_complement(date_root: Token, host: Token, verb: Token) -> bool:
    """'ordered four diplomats to leave in October 2018', 'refused to recognise X in January 2019',
    'declared X persona non grata on Friday': a date the parser hangs on the infinitive (with no subject
    of its own) or on the small clause's predicate that completes the verb is the verb's; not a deadline
    ("to leave by Friday").  ``host``: what the parser makes the date modify."""
    if host.head.i != verb.i or host.i <= verb.i:
        return False
    if date_root.lower_ in DEADLINE_WORDS or date_root.head.lower_ in DEADLINE_WORDS:
        return False
    if host.lower_ in PHRASE_FIRST:   # (the parser may call "persona" a verb)
        return host.dep_ in ("xcomp", "ccomp", "oprd", "dobj")
    if host.pos_ in ("VERB", "AUX"):
        # (not a purpose clause, "recalled him to testify on 12 May"; but the parser may make "chargé" of
        # "to chargé d'affaires level" a verb of one)
        return (host.dep_ in ("xcomp", "ccomp") or (host.dep_ == "advcl" and host.lower_ in LEVEL_WORDS_READ_AS_VERBS)) and any(a.dep_ == "aux" and a.lower_ == "to" for a in host.children) \
            and not any(c.dep_ in SUBJECTS for c in host.children)
    return host.dep_ in ("xcomp", "ccomp", "oprd") and host.pos_ in ("NOUN", "PROPN", "ADJ")


def day_described(trigger: Token, mentions: list[DateMention], text: str) -> DateMention | None:
    """'... on December 6, the day New Delhi recognized Bangladesh': an act told in a relative clause on
    "the day" (night, week ...) put after a date is on that date."""
    chain = [trigger, *trigger.ancestors]
    nouns = [t.head for t in chain if t.dep_ == "relcl"]
    # (the parser may make "day" a compound of the clause's subject: "the day Thimphu became ...")
    nouns += [c for t in chain for s in t.children if s.dep_ == "nsubj" for c in s.children if c.dep_ == "compound"]
    noun = next((n for n in nouns if n.lemma_.lower() in DESCRIBED_TIMES and n.i > 0 and n.doc[n.i - 1].lower_ == "the"), None)
    if noun is None:
        return None
    start = noun.doc[noun.i - 1].idx
    return next((m for m in mentions if m.end <= start and re.fullmatch(r"\s*,\s*", text[m.end:start])), None)


#: nouns a relative clause describes as a time told just before: "December 6, the day X recognized Y"
DESCRIBED_TIMES = frozenset({"day", "night", "morning", "evening", "week", "month", "year", "date"})


def main_verb_read_as_modifier(clause: Token) -> bool:
    """'The officers, who call themselves the council, named their chairman late on Thursday': after a
    subject's relative clause closed by a comma the parser may make the sentence's verb a participle
    (of the subject, or of the relative clause's last noun) and the subject the root; a participle
    right after that comma is the sentence's own verb."""
    if clause.dep_ != "acl" or clause.pos_ != "VERB":
        return False
    root = clause.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    # (the parser may hang the participle, comma and all, in the relative clause, or the comma on the participle)
    comma = clause.left_edge.i if clause.left_edge.text == "," else clause.left_edge.i - 1
    return comma > 0 and clause.doc[comma].text == "," \
        and any(c.dep_ == "relcl" and c.i < comma and (clause.head.i == root.i or c.right_edge.i >= comma)
                for c in root.children)


#: the words a measure of years ends in, before "since" / "after" / "before" ("fifty years since", "two decades after")
YEAR_UNITS = frozenset({"year", "years", "decade", "decades", "century", "centuries"})
#: a measure of years, matched whole with the date grammar's own counts (dates._YEARS_N, dates._SPAN)
_YEARS_MEASURE = re.compile(rf"(?:{_YEARS_N}|an?|one)\s+years?|{_SPAN}", re.IGNORECASE)


def years_before(mark: Token) -> bool:
    """Whether a measure of years stands right before the clause's "since"/"after"/"before" (the cheap test)."""
    return mark.i > 0 and mark.doc[mark.i - 1].lower_ in YEAR_UNITS


def years_counted(clause: Token, mark: Token, main_value: str) -> tuple[str, str] | None:
    """'Fifty years since Iceland broke with Britain', 'six years after it had expelled the envoy':
    an act in a clause of another time measured in years lies that many years from the main
    clause's time (back for since/after, on for before/until); (phrase, year) or None.  A year's
    precision only: the measure says no more.  The measure must measure the time between ("served
    for ten years before he was expelled": an object's duration) and a count the grammar reads whole ("a
    few years" is none)."""
    unit = clause.doc[mark.i - 1] if mark.i > 0 else None
    if unit is None or unit.lower_ not in YEAR_UNITS or unit.dep_ in ("pobj", "dobj", "nsubj") \
            or not main_value[:4].isdigit():
        return None
    phrase = clause.doc[unit.left_edge.i:unit.i + 1].text
    measure = _YEARS_MEASURE.fullmatch(phrase)
    if measure is None:
        return None
    if measure.group("span"):
        n = _span_years(measure.group("span"))
    else:
        n = _count(measure.group("years")) if measure.group("years") else 1
    years = n * (1 if mark.lower_ in ("before", "until", "till") else -1)
    return f"{phrase} {mark.text}", f"{int(main_value[:4]) + years:04d}"


#: words of a diplomatic level the parser may take for the verb of a purpose clause ("to chargé d'affaires level")
LEVEL_WORDS_READ_AS_VERBS = frozenset({"chargé", "charge", "charges", "chargés"})
#: words opening a date that is a deadline ("to leave by Friday"), the leaving's and not the giving's
DEADLINE_WORDS = frozenset({"by", "until", "till", "before", "within"})
#: nouns of a time limit given to leave ("48 hours to leave", "seven days to quit the country"): frames.yaml's
#: deadline_units, which told_orders.py reads too
SPAN_NOUNS = english_words("deadline_units")


def deadline_giver(verb: Token) -> Token | None:
    """'gave the envoy 24 hours to leave the country on Tuesday': a date told at the end of the
    infinitive of a time limit is the giving's (a leaving's day would be a deadline, "by
    Thursday"); the verb that gives the limit, however the parser hangs the infinitive (on the
    limit's noun, or on the giving verb beside it), or None."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() in SPAN_NOUNS and any(c.dep_ == "nummod" for c in head.children):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ == "advcl" and head.pos_ == "VERB" and any(
            c.lemma_.lower() in SPAN_NOUNS and c.dep_ in ("npadvmod", "dobj") and any(n.dep_ == "nummod" for n in c.children)
            for c in head.children):
        return head
    return None


def limit_giver(date_root: Token, verb: Token) -> Token | None:
    """The verb giving a time limit whose infinitive ``verb`` the date at ``date_root`` is told on
    (deadline_giver), unless the date is the deadline itself ("to leave by Friday": the leaving's)."""
    if verb.pos_ != "VERB" or date_root.lower_ in DEADLINE_WORDS:
        return None
    return deadline_giver(verb)


def up_to_relative(trigger: Token) -> list[Token]:
    """The trigger and the clauses above it, up to a relative clause on a person in the past perfect
    ("Ms X, who had been detained by police, left on Friday"; "the envoy, whom Chad had expelled, ..."): the
    main clause's date is of its own act, told after the one the perfect puts before it ("whom she
    described as spies", "when he sought refuge" keep the main clause's time)."""
    chain = [trigger]
    for t in trigger.ancestors:
        clause = chain[-1]
        if clause.dep_ == "relcl" and t.pos_ in ("NOUN", "PROPN") and _perfect(clause) \
                and any(c.lower_ in ("who", "whom") and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in clause.children):
            break
        chain.append(t)
    return chain


def _perfect(verb: Token) -> bool:
    """'had been detained', 'had expelled' (a coordinated verb shares its first verb's "had")."""
    while verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def counted_date(clause: Token, value: str, days: int) -> tuple[str, str]:
    """The day ``value`` moved by ``days``, and the measure's phrase up to the clause's mark ("six days
    after"): only the day units before the mark, not another modifier the parser hung there."""
    moved = (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    mark = mark_token(clause)
    start = min([mark.i] + [t.left_edge.i for t in [*clause.children, clause.doc[mark.i - 1]]
                            if t.dep_ == "npadvmod" and t.lower_ in DAY_UNITS and t.i < mark.i])
    return moved, clause.doc[start:mark.i + 1].text


def names_a_thing(date_root: Token, trigger: Token) -> bool:
    """'the 1967 borders', 'the 1954 Caracas Convention': a date that names a thing, not the event's
    time (unless the thing is the event: 'the 2012 asylum')."""
    head = date_root.head
    return (date_root.dep_ in ("nummod", "compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN")
            and head.i != trigger.i and head.i != date_root.i)


def record_since(date_root: Token) -> bool:
    """'the largest number since 2018', 'the first such recall since 2009', 'for the first time since
    2011': a "since" on a ranked noun (an ordinal or a superlative) starts the span a record is
    measured over, another time than the act's."""
    since = date_root if date_root.dep_ == "prep" else date_root.head   # the phrase's root may be "since" itself
    if since.lower_ != "since" or since.dep_ != "prep" or since.head.i == since.i:
        return False
    ranked = since.head
    return ranked.tag_ in ("JJS", "RBS") or any(
        c.dep_ in ("amod", "advmod", "nummod") and (c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL")
        for c in ranked.children)


#: nouns that name the day before the date or dated thing their "of" phrase tells, with that offset in
#: days ("on the eve of the October 16 vote": October 15)
EVE_NOUNS = {"eve": -1}
#: the links by which a date hangs on the thing it dates ("the August 9, 2022 vote")
DATING_LINKS = frozenset({"nmod", "nummod", "compound", "amod"})


def eve_of(date_root: Token) -> Token | None:
    """'on the eve of March 3', 'on the eve of the August 9, 2022 vote': the "eve" whose "of" phrase is
    the date, or the thing the date names (the act is a day before that date, not on it)."""
    dated = date_root.head if date_root.dep_ in DATING_LINKS and date_root.head.pos_ == "NOUN" else date_root
    of = dated.head
    if dated.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return None
    return of.head if of.head.lemma_.lower() in EVE_NOUNS and of.head.i != of.i else None


def eve_date(date_root: Token, value: str) -> tuple[str, str] | None:
    """The day an "eve" phrase on ``date_root`` stands for and its words ("on the eve of the ... vote"),
    or None (no eve, or a value that is no day)."""
    eve = eve_of(date_root)
    if eve is None or not names_day(value):
        return None
    moved = (dt.date.fromisoformat(value) + dt.timedelta(days=EVE_NOUNS[eve.lemma_.lower()])).isoformat()
    first = eve.head.i if eve.dep_ == "pobj" and eve.head.dep_ == "prep" else eve.left_edge.i
    dated = date_root.head if date_root.head.i > date_root.i and date_root.dep_ in DATING_LINKS else date_root
    return moved, date_root.doc[first:max(dated.i, date_root.i) + 1].text


#: the roles by which the noun a non-restrictive clause describes hangs on the main clause's verb
_DESCRIBED_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def closes_description(date_root: Token) -> Token | None:
    """The main clause's verb of a date told right after the comma that closes a description between
    commas, which the parser hangs on the description's last verb: "arrested X, the general who led
    the army and ran for president, on Monday night" (the arrest's day, not the candidacy's); None
    for any other date (a date inside the description, before its verb or not after a comma)."""
    first = date_root.head if date_root.dep_ == "pobj" and date_root.head.dep_ == "prep" else date_root
    first = first.doc[first.left_edge.i] if first.left_edge.i < first.i else first
    if first.i == 0 or first.doc[first.i - 1].text != ",":
        return None
    clause = date_root.head
    while clause.dep_ in ("prep", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX") or clause.dep_ not in ("relcl", "acl") or date_root.i < clause.i:
        return None
    described = clause.head
    side = clause if described.dep_ != "appos" else described   # the clause itself, or the apposition it is in
    if side.left_edge.i == 0 or side.doc[side.left_edge.i - 1].text != ",":
        return None   # a restrictive clause ("the man who ran on Monday"): the date is its own
    anchor = described.head if described.dep_ == "appos" else described
    verb = anchor.head
    if anchor.dep_ not in _DESCRIBED_ARGUMENTS or verb.pos_ not in ("VERB", "AUX") or verb.i == anchor.i:
        return None
    return verb
