"""The date phrases of an article's sentences (dating.py's input): where each is, its kind, what it
modifies and whether it speaks for its sentence, and so moves the story's time ("On 3 June, police
...") or only tells of a thing or a side remark ("the coup of April 11", "Castillo, arrested in
December 2022,"); a date that tells when an act takes effect ("with effect from ...") is none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import date_kind, find_date_phrases
from . import tree
from .date_attachment import (
    closes_description,
    limit_giver,
    main_verb_read_as_modifier,
    record_since,
)
from .relative_dates import alone_on_its_line, heads_its_line
from .time_measures import OTHER_TIME, mark_token, measure_days, other_time
from .when_clauses import when_clause_after

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: clause edges below which a date speaks of something else than the sentence's main event
SIDE_CLAUSES = {"relcl", "acl", "appos", "parataxis"}
#: a verb's subject and objects: a date the parser hangs on one of them is the verb's
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"}


@dataclass
class DateMention:
    start: int                 # offsets in the article text
    end: int
    phrase: str
    kind: str                  # the grammar's form: 'day', 'month', 'year', 'rel-weekday', ...
    root: Token
    sentence: int              # index in doc.sents
    paragraph: int
    value: str | None = None
    basis: str | None = None
    moves_story: bool = False
    fronted: bool = False      # opens its sentence ("In August 2017, after ..., Peru expelled"): frames all of it
    dateline: bool = False     # the article's dateline: the story's start, no event's date
    heading: bool = False      # heads a timeline's line ("May 22 — ..."): dates the line


def paragraph_of(doc: Doc, offset: int, text: str | None = None) -> int:
    """The index of the line (paragraph) an offset of the text lies on."""
    if "newlines" not in doc.user_data:  # once per doc: counting from the start each time is quadratic
        doc.user_data["newlines"] = [m.start() for m in re.finditer("\n", text if text is not None else tree.doc_text(doc))]
    return bisect.bisect_left(doc.user_data["newlines"], offset)


def mentions_in(doc: Doc, text: str, sentence: Span, index: int, ner: list[tuple[int, int]]) -> list[DateMention]:
    """The date phrases of a sentence (``text`` is ``doc.text``, which spaCy rebuilds on each access)."""
    offset = sentence.start_char
    found = []
    phrases = [(start + offset, end + offset) for start, end in find_date_phrases(text[sentence.start_char:sentence.end_char])]
    for start, end in phrases:
        phrase = text[start:end]
        kind = date_kind(phrase)
        if re.search(r"(?i)\b(?:after|before)$", phrase) and re.match(r"\s*\w", text[end:end + 3]):
            continue  # "six days after he sought shelter": counted from another event, not the story
        if period_bound(phrase, text[max(0, start - 24):start]):
            continue  # "with effect from February 24": when the act takes effect, not its day
        if " " not in phrase and not any(s <= start and end <= e for s, e in ner) \
                and not heads_its_line(text, start, end) \
                and not (kind == "year" and alone_on_its_line(text, start, end)):
            continue  # one word is a date only where the parser reads one too ("2000 troops", "May said"),
            #           or where it heads a timeline's line ("1998: Belgium recalls ...")
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if " " not in phrase and span.root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") \
                and not (kind == "rel-weekday" and span.root.dep_ == "poss"):
            continue  # "May said": a name, though the recogniser may call it a date ("Thursday's moves": a day)
        if kind == "rel-days" and _hours_of_dated(span, phrases):
            continue  # "within hours of Friday's vote": the hours count from that day, which dates the act
        thing_dated = of_thing(span.root) is not None
        if thing_dated and kind not in NAMED_THING_DAYS:
            continue  # "the borders of 1967", "the war of 1971": what a thing is called, not when an act was
        # ("the coup of April 11": when that thing was, not where the story is)
        found.append(DateMention(start, end, phrase, kind, span.root, index, paragraph_of(doc, start, text),
                                 moves_story=not thing_dated and (_main_clause(span.root, sentence, text, start, end)
                                                                  or when_clause_after(text, sentence, end) is not None),
                                 fronted=_time_phrase_start(span) - sentence.start <= 2))
    return found


def _hours_of_dated(span: Span, phrases: list[tuple[int, int]]) -> bool:
    """Whether a phrase of hours counts from a thing its "of" phrase dates ("within hours of Friday's
    vote", "in the hours of the October 8 announcement"): that date, not the story's, is the act's."""
    hours = next((t for t in span if t.lower_ == "hours"), None)
    of = next((c for c in hours.children if c.dep_ == "prep" and c.lower_ == "of"), None) if hours is not None else None
    if of is None:
        return False
    first, last = of.left_edge.idx, of.right_edge.idx + len(of.right_edge)
    return any(first <= start and end <= last for start, end in phrases)


def _time_phrase_start(span: Span) -> int:
    """Where the phrase a date closes begins: "On the night of 3 March, gunmen attacked ...", "In the
    summer of 2018, ...": a date inside a time noun's "of" phrase opens the sentence with it."""
    # (every word of the phrase hung outside it: the parser may split "the evening of Saturday, Feb. 22",
    # the weekday on "of" and the date on the verb)
    start = span.start
    for token in [t for t in span if not span.start <= t.head.i < span.end] or [span.root]:
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in TIME_NOUNS:
            noun = token.head.head
            start = min(start, noun.left_edge.i)
            if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
                break
            start, token = min(start, noun.head.i), noun
    return start


#: the words before "from" / "as of" that make the date when an act takes effect, not when it was taken
_TAKES_EFFECT = re.compile(r"(?i)\b(?:with\s+effect|effective|take[sn]?\s+effect|taking\s+effect|in\s+force)\s*,?\s*$")
_FROM = re.compile(r"(?i)(?:from|as\s+of)\s")


def period_bound(phrase: str, before: str) -> bool:
    """Whether a date phrase is when an act takes effect rather than when it was taken: "downgraded
    relations with effect from February 24", "effective as of June 1"."""
    return bool(_FROM.match(phrase) and _TAKES_EFFECT.search(before))


#: nouns whose "of" phrase is a time: "the summer of 2018", "the end of May"
#: the kinds of date that, after "of", tell when the thing was rather than name it ("the coup of 3 March")
NAMED_THING_DAYS = frozenset({"day", "rel-day", "month"})
TIME_NOUNS = frozenset({"summer", "spring", "autumn", "fall", "winter", "end", "beginning", "start", "middle", "turn",
                        "close", "half", "part", "week", "month", "year", "day", "night", "morning", "evening",
                        "afternoon", "first", "last", "quarter", "course", "height", "eve"})


def _main_clause(root: Token, sentence: Span, text: str, start: int, end: int) -> bool:
    """Whether a date speaks for the sentence (so moves the story): not inside brackets, a
    relative clause, an apposition, or a noun ('the 2012 asylum')."""
    before = text[max(0, start - 80):start]
    if record_since(root):
        return False  # "the largest number since 2018": where a record is measured from, not the story's time
    if before.count("(") > before.count(")"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return True   # a fragment with no verb ("A recap of Thursday's moves."): the time of what follows
    if (root.dep_ == "appos" or (root.dep_ == "npadvmod" and (root.head.dep_ == "appos" or root.head.pos_ == "PROPN"))) \
            and root.head.ent_type_ not in ("DATE", "TIME"):
        root = governor(root)   # "recalled its envoy, Ana Ruiz, the next day": parsed on the name, the verb's time
    if root.head.i != root.i and host(root).pos_ in ("NOUN", "PROPN") and any(t.pos_ == "VERB" for t in sentence):
        return False  # the date of a thing named ("the killing of a man on June 18"), not of the story
    if root.i - sentence.start > 2 and other_time(governor(host(root))):
        return False  # "..., the first to do so since the war began on October 7": another act's time
    token = closes_description(root) or limit_giver(root, root.head) or root  # "gave ... 24 hours to leave on Tuesday"
    if token.dep_ == "poss" and token.head.dep_ in tree.SUBJECTS and _told_in_past(token.head.head):
        token = token.head   # "Saturday's decree dissolved the court": the day of the subject's act is the clause's
    while token.head.i != token.i:
        if token.dep_ == "acl" and main_verb_read_as_modifier(token):
            return True
        if token.dep_ in SIDE_CLAUSES:
            return False
        if token.dep_ in ("compound", "amod", "nmod", "nummod", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
            return False
        token = token.head
    return True


def _told_in_past(verb: Token) -> bool:
    """'dissolved', 'was signed': a clause told in the simple past (not "Sunday's vote will decide",
    "Monday's talks are expected to ...": what is still to come is not the story's time)."""
    return verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children) or any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)


def governor(token: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself when it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def host(date_root: Token) -> Token:
    """What a date phrase modifies; a date the parser hung on the clause's subject or object
    ("Mexico on Thursday asked", "expelled the ambassador on Monday") modifies their verb."""
    head = date_root.head
    if (main := closes_description(date_root)) is not None:
        return main   # "arrested X, the general who ran for president, on Monday": the arrest's day
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ARGUMENTS and head.head.i != head.i:
        return head.head
    if head.dep_ == "advcl" and head.head.i != head.i and (mark := mark_token(head)) is not None \
            and mark.lower_ in OTHER_TIME and date_root.i < mark.i and measure_days(head) is not None:
        # "withdrew his asylum on Monday, three days after he vanished": a date before the measure of
        # the other time is the main clause's, wherever the parser hung it (without a measure, "applied
        # last year after prosecutors accused him", it may date both)
        return head.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.dep_ == "prep" and date_root.i > head.i:
        # "recalled its envoy from Tehran on Monday", "recognized X as president on Monday" (not
        # "the killing of a man on June 18": the date of the killing)
        prep, holder = head.head, head.head.head
        if holder.pos_ in ("VERB", "AUX"):
            return holder
        if prep.lower_ != "of" and holder.dep_ in ARGUMENTS and holder.head.pos_ in ("VERB", "AUX"):
            return holder.head
    return limit_giver(date_root, head) or head


def of_thing(date_root: Token) -> int | None:
    """The noun a date follows with "of" ("the coup of April 11"): the date is that thing's."""
    head = date_root.head
    # (one predicate for the date mentions and the dating: "the Revolution of 5 May" as "the coup of 5 May")
    return head.head.i if date_root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") \
        and head.head.lemma_.lower() not in TIME_NOUNS else None
