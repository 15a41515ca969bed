"""What a relative date is counted from, as the story is read (used by ``dating``): "that day", "the
next day" from the date just told (first a day their own sentence told before them); "on Tuesday",
"in November" from the story's time in the paragraph, else the dateline; and which year a date told
without one is in, where the story says so by its form:

- a timeline's line headed by a day without its year ("February 19 — ...") is in the year of the
  line before, when that line is headed by a day;
- a bare month told in a later paragraph ("In December a court sentenced them") goes on with a
  story told in an earlier year than the dateline's when it lies later in that year.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..dates import DEICTIC_YEAR, names_day, precision_of, resolve

#: relative phrases that point back to a date the narrative gave ("that night", "two days later")
ANAPHORIC = re.compile(r"\b(?:that|same|next|following|previous|preceding|later|earlier|after|before|hours|moments|minutes|within)\b", re.IGNORECASE)
DEICTIC_AGO = re.compile(r"\bago\b", re.IGNORECASE)


if TYPE_CHECKING:
    from spacy.tokens import Token

    from .date_mentions import DateMention
    from .dating import StoryTime


def continues_flashback(m: DateMention, narrative: StoryTime, base: str | None) -> bool:
    """'On November 4, 1983 ... \n\n In December a court sentenced them': a bare month later in the
    year of a story told in an earlier year than the dateline's goes on with that story; so does a bare
    day not before the story's day in its year ('On 3 December 1965 ... resolved ... \n\n Tanzania
    announced on 15 December')."""
    if m.kind not in ("rel-month", "rel-day") or not base or len(narrative.value) < 7 or narrative.value[:4] >= base[:4]:
        return False
    value = resolve(m.phrase, narrative.value, narrative=True).value
    if value is None or value[:4] != narrative.value[:4]:
        return False
    if m.kind == "rel-day":
        return value >= narrative.value and BARE_DAY.match(m.phrase.strip()) is not None
    return value[5:7] > narrative.value[5:7] and re.match(r"(?i)(?:in\s+)?[a-z]+\.?$", m.phrase.strip()) is not None


#: a day told with its month and nothing else ("on 15 December", "December 15th")
BARE_DAY = re.compile(r"(?i)(?:on\s+)?(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+\.?|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)$")


def in_an_earlier_year(m: DateMention, narrative: StoryTime | None, base: str | None) -> bool:
    """'LONDON, September 24, 2021 - ... In 1971 ... \n\n It replied on 8 October': a day or month told
    without its year, in a story whose narrative has last stated an earlier year than the
    dateline's, is in the narrative's year (the codebook: against the time the story is at), not
    the dateline's; a story at the dateline's year (a current one) keeps the dateline's."""
    return m.kind in ("rel-day", "rel-month") and narrative is not None and base is not None \
        and narrative.value[:4] < base[:4] and not ANAPHORIC.search(m.phrase) \
        and _months_before(resolve(m.phrase, base).value, base) > 6


def in_the_headline_year(m: DateMention, narrative: StoryTime | None, base: str | None) -> bool:
    """'World Chronicle 2005: Togo' published in March 2006, then '... died on Feb. 5': a day or month
    told without its year, while the story's only frame is the year its headline names, earlier than
    the publication's or dateline's year (a yearbook's entry, a year in review), is in that year.
    A headline year is a frame no main clause has moved since: a story that tells a day of its own
    (a dateline, 'On 3 June, ...') frames its bare dates itself; so does a dateline, which tells the
    story is of its day ('Crimea 2014, eight years on' over 'KYIV, March 3, 2022 - ...': the caller
    asks only of an article without one)."""
    return m.kind in ("rel-day", "rel-month") and narrative is not None and base is not None \
        and narrative.paragraph == 0 and precision_of(narrative.value) == "year" and narrative.value < base[:4] \
        and not ANAPHORIC.search(m.phrase)


def _months_before(value: str | None, base: str) -> int:
    """How many months a value lies before the base (0 when it is not before it or is unknown)."""
    if not value or len(base) < 7:
        return 0
    return max(0, (int(base[:4]) * 12 + int(base[5:7])) - (int(value[:4]) * 12 + int(value[5:7] or 0)))


def leads_its_line(text: str, m: DateMention) -> bool:
    """A timeline's line, "March 2014 - Ukraine recalls its ambassador": the date heads the line
    before a dash or colon and dates the line, though the parser hangs it on the next noun."""
    return heads_its_line(text, m.start, m.end)


def heads_its_line(text: str, start: int, end: int) -> bool:
    """Whether the phrase at ``start:end`` opens its line (after a list's mark) before a dash or colon."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(_LIST_MARKS) and LINE_HEAD_END.match(text, end) is not None


#: what ends a date heading its line: a dash or colon, after the day's weekday in brackets ("May 4 (Monday):")
LINE_HEAD_END = re.compile(r"\s*(?:\([A-Z][a-z]+\)\s*)?[-–—:]\s")
#: what may stand around a year alone on its line: a list mark before, a colon or dash after
_SECTION_MARKS = " \t#*-–—:."
#: a list's marks before a timeline's line ("- May 4: ...", "* May 4: ...")
_LIST_MARKS = " \t*-–—•"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def alone_on_its_line(text: str, start: int, end: int) -> bool:
    """'1963' on a line of its own above a timeline's lines: a section heading, not a line's date."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip(_SECTION_MARKS) \
        and not text[end:len(text) if line_end < 0 else line_end].strip(_SECTION_MARKS)


class TimelineHeadings:
    """A timeline's lines headed by a date ("January 23, 2015 — ...", "February 19 — ..."): the
    last heading told, and the year it gives to a heading without one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: StoryTime | None = None
        self.section = False   # whether ``last`` is a year alone on its line ("1963"), heading the lines below

    def resolve(self, m: DateMention) -> bool:
        """Resolve a heading without a year against the heading before; True when done.  A heading
        dates its line however the parser hangs it, so it moves the story."""
        if m.kind == "year" and alone_on_its_line(self.text, m.start, m.end):
            m.heading = m.moves_story = True   # a section's year: resolved as any year, it dates the lines below
            return False
        m.heading = leads_its_line(self.text, m)
        m.moves_story |= m.heading
        if not m.heading or self.last is None:
            return False
        if m.kind in ("rel-day", "rel-month") and self.section:
            value = resolve(m.phrase, self.last.value, narrative=True).value   # "September 16:" under "1963": in that year
            if value:
                m.value, m.basis = value, f"{m.phrase!r} in the year heading the timeline's section, {self.last.value}"
            return bool(value)
        if not names_day(self.last.value):
            return False
        if m.kind == "rel-weekday":
            resolve_weekday_heading(m, self.last)
            return m.value is not None
        if m.kind not in ("rel-day", "rel-month"):
            return False
        resolve_heading(m, self.last)
        return True

    def told(self, m: DateMention, told: StoryTime) -> None:
        """A heading's date was told (the dateline's too, when a timeline's first line reads as one)."""
        if m.heading or (m.dateline and names_day(told.value) and leads_its_line(self.text, m)):
            self.last = told
            self.section = precision_of(told.value) == "year" and alone_on_its_line(self.text, m.start, m.end)


def resolve_weekday_heading(m: DateMention, last_heading: StoryTime) -> None:
    """'Tuesday: ...' after the line 'September 16 (Monday): ...': a timeline runs forward, so the
    first such weekday after the day heading the line before."""
    weekday = m.phrase.strip().rstrip(".").lower()
    if weekday not in _WEEKDAYS:
        return
    day = dt.date.fromisoformat(last_heading.value)
    ahead = (_WEEKDAYS.index(weekday) - day.weekday()) % 7 or 7
    m.value = (day + dt.timedelta(days=ahead)).isoformat()
    m.basis = f"{m.phrase!r} after the timeline's line before, {last_heading.phrase!r} ({last_heading.value})"


def resolve_heading(m: DateMention, last_heading: StoryTime) -> None:
    """A timeline's line headed by a day or month without its year ("February 19 — Prosecutors
    charge her", after "January 23, 2015 — ..."): in the year of the line before, not the
    dateline's (timelines run in order, so the nearest such day to the heading before).  Only after
    a line headed by a day: tried after a month's or a year's heading too, held-out dates fell
    (135 → 125 of 155): there the next line without a year is not reliably in that year."""
    value = resolve(m.phrase, last_heading.value, narrative=True).value
    if precision_of(value) == "month":  # a month: the nearest such month ("March" after "December 2018" is 2019's)
        before = int(last_heading.value[:4]) * 12 + int(last_heading.value[5:7] or 1)
        value = min((f"{y:04d}{value[4:]}" for y in range(int(value[:4]) - 1, int(value[:4]) + 2)),
                    key=lambda v: abs(int(v[:4]) * 12 + int(v[5:7]) - before))
    if value:
        m.value, m.basis = value, f"{m.phrase!r} counted from the timeline's line before, {last_heading.phrase!r} ({last_heading.value})"


def told_ahead(value: str, base: str | None) -> bool:
    """Whether a date lies after the publication date (or the dateline): "he expected more friends next
    year" speaks of a time to come, where no act the article reports took place; it does not move the
    story's time (a month or a year compared at its own precision)."""
    return bool(base) and value[:len(base)] > base[:len(value)]


def resolve_in_story(m: DateMention, narrative: StoryTime | None, last_told: StoryTime | None, base: str | None,
             published: str | None, in_sentence: StoryTime | None = None, no_dateline: bool = False,
             year_in_sentence: StoryTime | None = None) -> None:
    if not m.kind.startswith("rel-"):
        m.value = resolve(m.phrase).value
        return
    if base is not None and DEICTIC_YEAR.search(m.phrase):
        # "in March of last year", "on 3 May of this year": the year of the time of writing, wherever the story is
        value = resolve(m.phrase, base).value
        if value:
            m.value, m.basis = value, f"{m.phrase!r} counted from {'the dateline' if base != published else 'the publication date'} ({base})"
            return
    anaphoric = bool(ANAPHORIC.search(m.phrase)) and not DEICTIC_AGO.search(m.phrase)
    candidates: list[tuple[str, bool, str]] = []  # (reference, narrative?, basis)
    if year_in_sentence is not None and m.kind in ("rel-month", "rel-day") and not anaphoric and base is not None \
            and year_in_sentence.value[:4] < base[:4] and not WEEKDAY_DIRECTION.search(m.phrase):
        # "arrested in March 2024 and charged in June": a month or day told after a date with an earlier year in
        # its own sentence goes on in that year, however near the publication date the month is ("last June" is
        # counted from the publication date still)
        candidates.append((year_in_sentence.value[:4], True, f"the year its sentence told, {year_in_sentence.phrase!r}"))
    if anaphoric and in_sentence is not None and m.kind == "rel-days":
        # "After ... on August 14, Turkey recalled its envoy, and Egypt withdrew its own the next day":
        # the day its own sentence told before it, though in a side clause
        candidates.append((in_sentence.value, True, f"the day its sentence told, {in_sentence.phrase!r}"))
    if anaphoric and last_told is not None:
        # within a paragraph "that day" is the day just told; across paragraphs, the story's frame
        told = last_told if last_told.paragraph == m.paragraph or narrative is None else narrative
        candidates.append((told.value, True, f"the story's time, {told.phrase!r}"))
    elif narrative is not None and (narrative.paragraph == m.paragraph or continues_flashback(m, narrative, base)):
        candidates.append((narrative.value, True, f"the story's time, {narrative.phrase!r}"))
    elif in_an_earlier_year(m, narrative or last_told, base):  # (the frame, else the last date a main clause told)
        story = narrative or last_told
        candidates.append((story.value, True, f"the year the story last stated, {story.phrase!r}"))
    elif no_dateline and in_the_headline_year(m, narrative, base):
        candidates.append((narrative.value, True, f"the year the headline names, {narrative.phrase!r}"))
    if base is not None and not (anaphoric and last_told is not None):  # "that day" of a month: unknown
        candidates.append((base, False, "the dateline" if base != published else "the publication date"))
    if narrative is not None and not anaphoric and narrative.paragraph != m.paragraph:
        candidates.append((narrative.value, True, f"the story's time, {narrative.phrase!r}"))
    for reference, is_narrative, basis in candidates:
        value = resolve(m.phrase, reference, narrative=is_narrative).value
        if value and published and not is_narrative and value[:len(published)] > published[:len(value)]:
            continue  # "the next day" counted from the publication date: after it, so not what the text means
        if value and is_narrative and m.kind == "rel-weekday" and told_ahead(value, base) and told_as_done(m.root):
            continue  # "was arrested on Wednesday" in Monday's report: the Wednesday before, not the one to come
        if value and is_narrative and moves_forward(m, value, reference, base):
            value = (dt.date.fromisoformat(value) + dt.timedelta(days=7)).isoformat()
            basis += ", the story moving forward"
        elif value and is_narrative and (latest := latest_before_dateline(m, value, reference, base)):
            value, reference, basis = latest, base, "the dateline" if base != published else "the publication date"
        if value is None and is_narrative and anaphoric and precision_of(reference) == "month" and DAY_NEXT_TO_TOLD.search(m.phrase):
            # "in March last year, when ... Kenya expelled the consul the same day": a day of a month told with
            # no day is unknown, but the text keeps the month's precision, and the act is in that month
            value, basis = reference, f"{basis}, a month told with no day"
        if value:
            m.value, m.basis = value, f"{m.phrase!r} counted from {basis} ({reference})"
            return


def told_as_done(date_root: Token) -> bool:
    """Whether the clause a date phrase belongs to tells a thing done: "was arrested", "expelled",
    "had left" (not "will meet", "is to visit", "has said it would act")."""
    verb = date_root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


#: a day at or next to the day just told ("the same day", "that night", "the following morning", "the day
#: before"), not one counted off ("three days later")
DAY_NEXT_TO_TOLD = re.compile(r"(?i)^(?:on\s+)?(?:the\s+|that\s+)?(?:very\s+)?(?:same|that|next|following|previous|preceding)?\s*"
                              r"(?:day|night|morning|afternoon|evening)(?:\s+(?:before|after))?$")


#: a weekday's own word for its direction ("last Friday", "the following Monday"): it says which one
WEEKDAY_DIRECTION = re.compile(r"(?i)\b(?:last|past|this|that|next|following|previous|preceding)\b")


def latest_before_dateline(m: DateMention, value: str, reference: str, base: str | None) -> str | None:
    """'Congress voted late on Thursday ... On Monday he flew to Panama' in a Tuesday's report: a plain
    weekday of a story told within the week before the dateline is the latest such day before the
    dateline, when that lies after the story's day (counted from the story's day it would be the week
    before); not where its clause looks back (past perfect; "the crisis began when X did Y on Wednesday",
    "after X did Y on Tuesday": what came before the story's day), else None."""
    if m.kind != "rel-weekday" or not names_day(reference) or value >= reference or not names_day(base) \
            or WEEKDAY_DIRECTION.search(m.phrase) or not 0 < (dt.date.fromisoformat(base) - dt.date.fromisoformat(reference)).days <= 7:
        return None
    latest = resolve(m.phrase, base).value
    if not names_day(latest) or not reference < latest <= base:
        return None
    verb = m.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children) or _tells_before(verb):
        return None
    return latest


#: subordinators of a clause that tells what came before (or led to) the main clause's time
EARLIER_MARKS = frozenset({"when", "after", "since", "once"})
#: verbs whose clause tells how something began ("the crisis began when ..."): a time before the story's
BEGINNING_LEMMAS = frozenset({"begin", "start"})


def _tells_before(verb: Token) -> bool:
    """Whether a verb's clause, or a clause it hangs in, is under when/after/since, or under "began"."""
    for clause in (verb, *verb.ancestors):
        if clause.lemma_ in BEGINNING_LEMMAS:
            return True
        if clause.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in EARLIER_MARKS
                                          for c in clause.children):
            return True
    return False


def moves_forward(m: DateMention, value: str, reference: str, base: str | None) -> bool:
    """'On 3 March 1986, a Monday, troops entered the mission ... On Friday they left': in a story
    told at a past time (more than a week before the dateline), a plain weekday told after the
    story's day is the next such day, not the one before it; unless its clause looks back (past
    perfect: "On Friday the envoy had warned ...").  At the dateline's own time (a news report)
    a plain weekday stays the latest one before it ("late on Thursday" after "on Friday")."""
    if m.kind != "rel-weekday" or not names_day(reference) or value >= reference or not names_day(base) \
            or WEEKDAY_DIRECTION.search(m.phrase):
        return False
    if (dt.date.fromisoformat(base) - dt.date.fromisoformat(reference)).days <= 7:
        return False
    verb = m.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def year_of_the_weekday(m: DateMention, told: list[DateMention], base: str | None) -> None:
    """'On the evening of Saturday, Feb. 22, ...' in a feature dated thirty years later: a day told with
    its weekday but without its year is in a year where that day falls on that weekday.  When the year
    the day was resolved in disagrees with its own weekday, the nearest year the article told before it
    that agrees is the day's (the feature's "in 1986"), else the dateline's year if it agrees (a story
    of 1990 recalled, then "On Thursday, March 5" of the week written in); none agreeing, the date stays
    as resolved."""
    if m.kind != "rel-day" or not names_day(m.value):
        return
    weekday = resolve(m.phrase).weekday
    day = dt.date.fromisoformat(m.value)
    if weekday is None or day.strftime("%A") == weekday:
        return
    years = [e.value[:4] for e in reversed(told) if e.value and e.kind in ("year", "month", "day") and e.start < m.start]
    for year in years + ([base[:4]] if base else []):
        try:
            other = day.replace(year=int(year))
        except ValueError:   # (29 February)
            continue
        if other.strftime("%A") == weekday:
            m.value = other.isoformat()
            m.basis = f"{m.phrase!r} in {year}, the year told before in which that day is a {weekday}"
            return
