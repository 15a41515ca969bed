"""Dates as the texts give them: resolved against a reference time, keeping their precision.

A resolved date is an ISO string of the precision the text supports: ``2025`` (year),
``2025-11`` (month) or ``2025-11-03`` (day).  A month-only phrase never gets a day, and a
relative phrase ("on Tuesday", "last December", "two days later") is resolved only against a
reference precise enough for it; otherwise it stays unresolved, with its words (and weekday) kept.

The reference is the publication date, or (``narrative=True``) a date the story has just given:
against a publication date a weekday is the latest one on or before it; against a narrative date
it is the nearest one ("On 3 June ... late that Tuesday": 3 June 2025 itself).

>>> resolve("on Monday, November 3, 2025").value
'2025-11-03'
>>> resolve("last December", published="2023-03-10").value
'2022-12'
>>> resolve("in November", published="2025-12").value
'2025-11'
>>> resolve("on Tuesday").weekday      # no reference: the words are kept, the value is None
'Tuesday'
>>> resolve("in late 2023").value, resolve("in late 2023").qualifier
('2023', 'late')
>>> resolve("last Friday", "2025-03-07").value          # the codebook's example
'2025-02-28'
>>> resolve("two days later", "2025-06-03", narrative=True).value
'2025-06-05'
>>> resolve("late that Tuesday", "2025-06-03", narrative=True).value
'2025-06-03'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .dateparser_fallback import dateparser_date
from .word_regex import first_char_lookahead

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = [d for d in calendar.day_name]  # Monday .. Sunday
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_FULL_MONTHS = [m.lower() for m in calendar.month_name if m]
_MONTH = (r"(?P<month>" + "|".join(_FULL_MONTHS) + "|(?:" + "|".join(sorted(set(MONTHS) - set(_FULL_MONTHS), key=len, reverse=True))
          + r")\.?)")
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
#: the holidays of a fixed day of the year that news dates acts by ("sentenced on Christmas Day"), each
#: with its month and day; keyed by their words in lower case, without apostrophes or extra spaces
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
            "new years day": (1, 1), "new years eve": (12, 31)}
_HOLIDAY = r"(?P<holiday>Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year[’']?s\s+(?:Day|Eve))"
_QUAL = r"(?:(?P<qualifier>early|mid|late)[- ])?"
#: words before a date: a preposition, or a time of that day ("before dawn on", "in the early hours of")
_LEAD = (r"(?:(?:on|in|since|by|from|until|during|as of|at the end of|around|late on|early on|late|early|overnight on"
         r"|(?:(?:shortly|just|soon|well)\s+)?(?:before|after)\s+(?:dawn|daybreak|sunrise|noon|midday|sunset|dusk|midnight)\s+on"
         r"|at\s+(?:dawn|daybreak|sunrise|noon|midday|sunset|dusk|midnight)\s+on|in\s+the\s+(?:early|small)\s+hours\s+of)\s+)?")
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_N = r"(?P<n>\d{1,2}|" + "|".join(NUMBERS) + r")"
_DAY_PART = r"(?:day|morning|afternoon|evening|night)"
#: "of that year", "of the following year": a day or month told in the year of the story's time (or the
#: next); "of this year", "of last year": in the year of the publication date (``DEICTIC_YEAR``); the
#: "of" may be left out ("in August last year", "on 3 May this year")
_OF_YEAR = (r"(?:\s+(?:of\s+)?(?P<yearref>that|the same|the following|the next|the previous|the preceding"
            r"|this|last|next|the current)\s+year)?")
#: a year told from the time of writing, not the story's: "in March of last year", "on 3 May of this year",
#: "in August last year" (without "of" only after a month or a day's number: a bare "last year" is a
#: period of its own, counted as such)
DEICTIC_YEAR = re.compile(r"(?i)(?:\bof|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?|\d(?:st|nd|rd|th)?)"
                          r"\s+(?:this|last|next|the\s+current)\s+year\b")
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
#: a count of years up to 99, in figures or words ("fifty", "twenty-five")
_YEARS_N = (r"(?P<years>\d{1,2}|(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(list(NUMBERS)[2:11]) + r"))?|"
            + "|".join(list(NUMBERS)[2:]) + r")")
#: a span of decades or centuries ("a decade", "two decades", "half a century")
_SPAN = r"(?P<span>(?:half\s+a|a|one|two|three|four|five|six|seven|eight|nine)\s+(?:decades?|century|centuries))"

#: the grammar, one entry per form: (kind, body).  Each body is matched whole (``resolve``) and
#: searched for in running text (``find_date_phrases``), so a form is written once.
GRAMMAR = [
    # Monday, November 3, 2025 / November 3, 2025 / 3 November 2025 / 2025-11-03
    ("day", r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    ("day", r"(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})"),
    ("day", r"(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})"),
    # (late) December 2022
    ("month", _QUAL + _MONTH + r",?\s+(?:of\s+)?(?P<year>\d{4})"),
    # (in late) 2023
    ("year", _QUAL + r"(?P<year>(?:1[89]|20)\d{2})"),
    # a holiday of a fixed day: Christmas Day 2009 / (on) New Year's Eve
    ("day", _HOLIDAY + r",?\s+(?P<year>\d{4})"),
    ("rel-day", _HOLIDAY + r"(?!,?\s+\d{4})" + _OF_YEAR),
    # a day without its year: (Tuesday,) November 3 / 3 November
    ("rel-day", r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d,]*\s*\d{4})" + _OF_YEAR),
    ("rel-day", r"(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!,?\s+(?:of\s+)?\d{4})" + _OF_YEAR),
    # relative: (last|this|that) December, in November, in December of that year
    ("rel-month", r"(?P<rel>last|this|past|that)?\s*" + _QUAL + _MONTH + r"(?!\s+\d)" + _OF_YEAR),
    # relative: (on|last|that|the following) Tuesday (morning)
    ("rel-weekday", r"(?P<rel>last|this|past|that|next|the following|the next|the previous|the preceding)?\s*" + _WEEKDAY + _PART),
    # the day itself, before or after: yesterday, that night, the next day, two days later
    ("rel-days", r"(?P<word>yesterday|today|tonight|the day before yesterday)"),
    # an anniversary: "fifty years ago today" is that day of the reference's month, so many years back
    # (or so many decades or centuries: "a decade ago today", "half a century ago today")
    ("rel-days", r"(?:" + _YEARS_N + r"\s+years?|" + _SPAN + r")\s+ago\s+(?P<word>today)"),
    ("rel-days", r"(?P<word>this)\s+(?:morning|afternoon|evening)"),
    ("rel-days", r"(?:(?:later|earlier)\s+(?:on\s+)?)?(?P<word>that same|that|the same)\s+" + _DAY_PART),
    ("rel-days", r"(?P<word>(?:within|in)\s+(?:the\s+)?(?:same\s+|following\s+|next\s+)?hours|(?:hours|moments|minutes)\s+later)"),
    ("rel-days", r"(?P<word>within\s+(?:a|one)\s+day)"),   # "London answered within a day": the day after
    ("rel-days", r"(?:the\s+)?(?P<word>next|following|previous|preceding)\s+" + _DAY_PART),
    ("rel-days", r"the\s+" + _DAY_PART + r"\s+(?P<word>before|after)"),
    ("rel-days", _N + r"\s+(?P<unit>days?|weeks?)\s+(?P<word>later|earlier|before|after|ago)"),
    # "earlier in the day", "later in the day": the day the story is at
    ("rel-days", r"(?:earlier|later)\s+in\s+the\s+(?P<word>day)"),
    # "days later", "a few weeks earlier": no count, so only the month they fall in
    ("rel-days", r"(?:(?:a\s+few|several|some)\s+)?(?P<vague>days|weeks)\s+(?P<word>later|earlier)"),
    # relative months and years: last month, later that year, two years earlier
    ("rel-period", r"(?:(?P<qualifier>early|late)\s+)?(?:(?P<where>earlier|later)\s+)?(?P<word>last|this|that|the same|next|the following|the previous|the preceding)\s+(?P<unit>month|year)"),
    ("rel-period", r"(?:a|one)\s+(?P<unit>month|year)\s+(?P<word>later|earlier|before|after|ago)"),
    ("rel-period", _N + r"\s+(?P<unit>months|years)\s+(?P<word>later|earlier|before|after|ago)"),
]

#: a word every form of the grammar holds one of (a cheap test before the full search)
_DATE_WORD = first_char_lookahead(re.compile(r"\d|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + "|" + "|".join(WEEKDAYS)
                        + r"|yesterday|today|tonight|morning|afternoon|evening|night|day|days|week|weeks|month|months"
                        + r"|year|years|hours|moments|minutes|eve)\b", re.IGNORECASE))
PATTERNS = [(kind, re.compile(r"^" + _LEAD + body + r"$", re.IGNORECASE)) for kind, body in GRAMMAR]
_FINDERS = [(kind, first_char_lookahead(re.compile(r"(?<![\w-])" + _LEAD + body + r"(?![\w-])", re.IGNORECASE)))
            for kind, body in GRAMMAR]   # (the same phrases, found sooner: word_regex.py)


def _needs(*groups: set[str] | str):
    """A test that a text's words (lower case) hold a word of each group; a string is a test of
    its own on the set of words."""
    tests = [g if callable(g) else (lambda words, g=frozenset(g): not words.isdisjoint(g)) for g in groups]
    if len(tests) == 1:
        return tests[0]

    def needs(words: set[str]) -> bool:   # (a loop, not all() over a generator: run per form and sentence)
        for test in tests:
            if not test(words):
                return False
        return True
    return needs


_DAY_PARTS = {"day", "morning", "afternoon", "evening", "night"}
_RELATIONS = {"later", "earlier", "before", "after", "ago"}


def _has_month(words: set[str]) -> bool:   # "thisMay" is a form too: its \s* may be empty
    return not words.isdisjoint(MONTHS) or any(w[:4] in ("last", "this", "past", "that") and w[4:] in MONTHS
                                               for w in words)


def _has_year(words: set[str]) -> bool:
    return any(len(w) == 4 and w.isdigit() for w in words)


def _has_number(words: set[str]) -> bool:   # a day of the month: "3", "3rd"
    return any(w[:1].isdigit() for w in words)


_WEEKDAYS_LOWER = tuple(d.lower() for d in WEEKDAYS)
_HOLIDAY_WORDS = {"christmas", "boxing", "year"}

#: per form of the grammar, the words each of its phrases holds whole (a month, a weekday ending a
#: word, "hours" …): where a sentence lacks them the form cannot match, so its search, which tries
#: every position of the sentence, is skipped — these searches were an eighth of the extraction's
#: time; the phrases found are the same (``tests/test_dating.py`` compares)
_NEEDS = [
    _needs(_has_month, _has_year, _has_number), _needs(_has_month, _has_year, _has_number), _has_year,
    _needs(_has_month, _has_year),
    _needs(lambda words: any(len(w) == 4 and w.isdigit() and w[:2] in ("18", "19", "20") for w in words)),
    _needs(_HOLIDAY_WORDS, {"day", "eve"}, _has_year), _needs(_HOLIDAY_WORDS, {"day", "eve"}),
    _needs(_has_month, _has_number), _needs(_has_month, _has_number), _has_month,
    _needs(lambda words: any(w.endswith(_WEEKDAYS_LOWER) for w in words)),
    _needs({"yesterday", "today", "tonight"}), _needs({"ago"}, {"today"}), _needs({"this"}, {"morning", "afternoon", "evening"}),
    _needs({"that", "same"}, _DAY_PARTS), _needs({"hours", "moments", "minutes"}), _needs({"within"}, {"day"}),
    _needs({"next", "following", "previous", "preceding"}, _DAY_PARTS), _needs({"the"}, _DAY_PARTS, {"before", "after"}),
    _needs({"day", "days", "week", "weeks"}, _RELATIONS), _needs({"earlier", "later"}, {"day"}),
    _needs({"days", "weeks"}, {"earlier", "later"}), _needs({"month", "year"}), _needs({"month", "year"}),
    _needs({"months", "years"}, _RELATIONS)]
_WORD = re.compile(r"\w+")
assert len(_NEEDS) == len(GRAMMAR)


@dataclass(frozen=True)
class ResolvedDate:
    phrase: str | None
    value: str | None  # ISO of its precision, or None when unresolved
    weekday: str | None = None
    qualifier: str | None = None
    inferred: bool = False
    basis: str | None = None

    @property
    def precision(self) -> str | None:
        """'day', 'month' or 'year' (None when unresolved)."""
        return precision_of(self.value)


def precision_of(value: str | None) -> str | None:
    """The precision of an ISO date value: 'day' ("2025-11-03"), 'month' ("2025-11"), 'year' ("2025"), else None."""
    return {4: "year", 7: "month", 10: "day"}.get(len(value)) if value else None


def names_day(value: str | None) -> bool:
    """Whether an ISO date value names a day, not only its month or year (the one test of a day's precision)."""
    return precision_of(value) == "day"


class DateError(ValueError):
    """A date value that is not a date (e.g. 2025-02-30)."""


def check_iso(value: str) -> str:
    """Return ``value`` if it is a real YYYY, YYYY-MM or YYYY-MM-DD date, else raise DateError."""
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            dt.date(*parts)
        elif len(parts) == 2 and not 1 <= parts[1] <= 12:
            raise ValueError
    except ValueError:
        raise DateError(f"{value!r} is not a real date") from None
    return value


def _clean(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().strip(".,;")).strip()


def resolve(phrase: str | None, published: str | None = None, *, value: str | None = None,
            qualifier: str | None = None, basis: str | None = None, narrative: bool = False) -> ResolvedDate:
    """Resolve a date phrase against a reference time (an ISO value of any precision): the
    publication date, or with ``narrative`` a date the story has just given.

    A curated ``value`` wins over the phrase (it is then marked inferred when the phrase is
    relative, with ``basis`` saying why).
    """
    weekday = None
    parsed_value = None
    parsed_qualifier = None
    if phrase:
        parsed_value, weekday, parsed_qualifier = _parse(_clean(phrase), published, narrative)
    if value is not None:
        check_iso(value)
        inferred = parsed_value is None and phrase is not None
        return ResolvedDate(phrase, value, weekday, qualifier or parsed_qualifier, inferred, basis)
    return ResolvedDate(phrase, parsed_value, weekday, qualifier or parsed_qualifier, False, basis)


def date_kind(phrase: str) -> str | None:
    """Which form of the grammar a phrase is ('day', 'rel-weekday', ...), None when it is none."""
    text = _clean(phrase)
    return next((kind for kind, pattern in PATTERNS if pattern.match(text)), None)


def is_relative(phrase: str) -> bool:
    """Whether a phrase needs a reference time to be resolved ("on Tuesday", "that night")."""
    kind = date_kind(phrase)
    return kind is not None and kind.startswith("rel-")


def find_date_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of the date phrases of the grammar in running text, longest first where they overlap."""
    if not _DATE_WORD.search(text):
        return []  # most sentences: no word any form of the grammar needs
    words = set(_WORD.findall(text.casefold()))   # casefold: what the grammar's IGNORECASE equates
    found = {(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
             for (_, finder), needs in zip(_FINDERS, _NEEDS) if needs(words)
             for m in finder.finditer(text) if m.group(0).strip() and not _lower_case_name(m)}
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: span[0] - span[1]):  # longest first
        if all(end <= s or start >= e for s, e in spans):
            spans.append((start, end))
    return sorted(spans)


def _lower_case_name(m: re.Match) -> bool:
    """'may', 'march', 'sun' in running text are words, not months or days."""
    return any((m.groupdict().get(g) or "A")[0].islower() for g in ("month", "weekday", "holiday"))


def _parse(text: str, published: str | None, narrative: bool = False) -> tuple[str | None, str | None, str | None]:
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groupdict()
        weekday = g.get("weekday")
        weekday = weekday.capitalize() if weekday else None
        qualifier = (g.get("qualifier") or "").lower() or None
        if g.get("holiday"):   # a holiday is its month and day
            g["monthnum"], g["day"] = HOLIDAYS[re.sub(r"\s+", " ", re.sub(r"[’']", "", g["holiday"].lower()))]
        if kind == "day":
            month = int(g["monthnum"]) if g.get("monthnum") else MONTHS[g["month"].lower().rstrip(".")]
            return check_iso(f"{int(g['year']):04d}-{month:02d}-{int(g['day']):02d}"), weekday, qualifier
        if kind == "month":
            return f"{int(g['year']):04d}-{MONTHS[g['month'].lower().rstrip('.')]:02d}", weekday, qualifier
        if kind == "year":
            return f"{int(g['year']):04d}", weekday, qualifier
        month_of = MONTHS[g["month"].lower().rstrip(".")] if g.get("month") else g.get("monthnum")
        if kind in ("rel-day", "rel-month") and g.get("yearref"):
            year = _year_of(g["yearref"], published)
            if year is None:
                return None, weekday, None
            if kind == "rel-month":
                return f"{year:04d}-{month_of:02d}", None, qualifier
            return check_iso(f"{year:04d}-{month_of:02d}-{int(g['day']):02d}"), weekday, None
        if kind == "rel-day":
            return _day_without_year(month_of, int(g["day"]), published, narrative), weekday, None
        if kind == "rel-month":
            rel = (g.get("rel") or "").lower()
            return _relative_month(MONTHS[g["month"].lower().rstrip(".")], rel, published, narrative), None, qualifier
        if kind == "rel-weekday":
            rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
            return _relative_weekday(weekday, published, rel, narrative), weekday, None
        if kind == "rel-days":
            return _relative_days(g, published), None, None
        if kind == "rel-period":
            return _relative_period(g, published), None, qualifier
    # A last resort for other relative phrases: dateparser, but only with a day-precision
    # publication date to resolve against (never against a narrative date).
    if names_day(published) and not narrative:
        return dateparser_date(text, published), None, None
    return None, None, None


def _day(published: str | None) -> dt.date | None:
    return dt.date.fromisoformat(published) if names_day(published) else None


def _day_without_year(month: int, day: int, published: str | None, narrative: bool) -> str | None:
    """'November 3': in the reference's year; against a publication date, not after it; against a
    narrative date, the nearest such day."""
    if not published:
        return None
    year = int(published[:4])
    try:
        candidates = [dt.date(y, month, day) for y in (year - 1, year, year + 1)]
    except ValueError:
        return None
    if precision_of(published) == "year":
        return candidates[1].isoformat()
    ref = dt.date.fromisoformat(published if names_day(published) else published + "-15")
    if narrative:
        return min(candidates, key=lambda d: abs((d - ref).days)).isoformat()
    if precision_of(published) == "month":
        ref = dt.date(ref.year, ref.month, calendar.monthrange(ref.year, ref.month)[1])
    return max(d for d in candidates if d <= ref).isoformat()


def _relative_month(month: int, rel: str, published: str | None, narrative: bool = False) -> str | None:
    """Against a publication date: the most recent such month not after it ("last" = strictly
    before); against a narrative date: that month of the story's year."""
    if not published:
        return None
    pub_year = int(published[:4])
    if (narrative and rel not in ("last", "past")) or rel == "that":  # "last May" is before the story's time too
        return f"{pub_year:04d}-{month:02d}"
    if len(published) < 7:
        return None
    pub_month = int(published[5:7])
    year = pub_year if (month < pub_month or (month == pub_month and rel != "last")) else pub_year - 1
    return f"{year:04d}-{month:02d}"


def _relative_weekday(weekday: str | None, published: str | None, rel: str = "", narrative: bool = False) -> str | None:
    """'last Friday' is strictly before the reference, 'the following Friday' strictly after; a
    plain or 'that' weekday is the latest on or before a publication date, the nearest to a
    narrative date."""
    ref = _day(published)
    if weekday is None or ref is None:
        return None
    back = (ref.weekday() - WEEKDAYS.index(weekday)) % 7  # 0..6 days back to that weekday
    if rel in ("last", "the previous", "the preceding", "past"):
        delta = -(back or 7)
    elif rel in ("next", "the following", "the next"):
        delta = 7 - back
    elif narrative:
        delta = -back if back <= 3 else 7 - back
    else:
        delta = -back
    return (ref + dt.timedelta(days=delta)).isoformat()


_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "this": 0, "that": 0, "the same": 0, "that same": 0,
                "the day before yesterday": -2, "next": 1, "following": 1, "after": 1,
                "previous": -1, "preceding": -1, "before": -1, "within a day": 1, "within one day": 1}
_DIRECTION = {"later": 1, "after": 1, "earlier": -1, "before": -1, "ago": -1}
#: the days "days later" and "weeks later" may be, at least and at most
_VAGUE_WINDOWS = {"days": (2, 9), "weeks": (7, 42)}


_PERIOD_OFFSETS = {"last": -1, "this": 0, "the current": 0, "that": 0, "the same": 0, "next": 1, "the following": 1,
                   "the previous": -1, "the preceding": -1, "the next": 1}


def _year_of(yearref: str, reference: str | None) -> int | None:
    """'of that year', 'of the following year': the reference's year, or the one after or before."""
    if not reference:
        return None
    return int(reference[:4]) + _PERIOD_OFFSETS[re.sub(r"\s+", " ", yearref.lower())]


def _count(words: str) -> int:
    """'50', 'fifty', 'twenty-five', 'seven'."""
    if words.isdigit():
        return int(words)
    parts = re.split(r"[- ]", words.lower())
    return sum(TENS.get(p) or NUMBERS[p] for p in parts)


def _span_years(words: str) -> int:
    """'a decade' 10, 'two decades' 20, 'half a century' 50."""
    count, unit = words.lower().split()[-2:]
    years = 10 if unit.startswith("decade") else 100
    return years // 2 if words.lower().startswith("half") else years * (1 if count in ("a", "one") else NUMBERS[count])


def _relative_days(g: dict, published: str | None) -> str | None:
    ref = _day(published)
    if ref is None:
        return _vague_from_month(g, published)
    word = re.sub(r"\s+", " ", g["word"].lower())
    if g.get("years") or g.get("span"):  # "fifty years ago today": the same day and month (28 February for a 29th)
        year = ref.year - (_count(g["years"]) if g.get("years") else _span_years(g["span"]))
        return (ref.replace(year=year) if (ref.month, ref.day) != (2, 29) else dt.date(year, 2, 28)).isoformat()
    if g.get("vague"):   # "days later": some days on; the month (or year) only where all of them fall in it
        low, high = _VAGUE_WINDOWS[g["vague"].lower()]
        first, last = (ref + dt.timedelta(days=d * _DIRECTION[word]) for d in (low, high))
        if (first.year, first.month) == (last.year, last.month):
            return first.isoformat()[:7]
        return str(first.year) if first.year == last.year else None
    if g.get("n"):
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        days = n * (7 if g["unit"].lower().startswith("week") else 1)
        return (ref + dt.timedelta(days=days * _DIRECTION[word])).isoformat()
    offset = _DAY_OFFSETS.get(word, 0)  # "within hours", "hours later": the same day
    return (ref + dt.timedelta(days=offset)).isoformat()




def _vague_from_month(g: dict, reference: str | None) -> str | None:
    """'days later' after 'in December 2013': the text keeps the month's precision, so the month
    ("days" on from a month told as the story's time stay in it, as the codebook reads them);
    'weeks later' only the year, where all of them fall in it; a counted or exact phrase nothing."""
    if not g.get("vague") or not reference or len(reference) != 7:
        return None
    direction = _DIRECTION[re.sub(r"\s+", " ", g["word"].lower())]
    if g["vague"].lower() == "days":
        return reference
    first = dt.date(int(reference[:4]), int(reference[5:7]), 1)
    low, high = _VAGUE_WINDOWS["weeks"]
    ends = [first + dt.timedelta(days=direction * low), first + dt.timedelta(days=31 + direction * high)] if direction > 0 \
        else [first - dt.timedelta(days=high), first + dt.timedelta(days=31 - low)]
    return str(first.year) if all(d.year == first.year for d in ends) else None


def _relative_period(g: dict, published: str | None) -> str | None:
    unit = g["unit"].lower().rstrip("s")
    if not published or (unit == "month" and len(published) < 7):
        return None
    word = re.sub(r"\s+", " ", g["word"].lower())
    if word in _DIRECTION:
        n = int(g["n"]) if g.get("n") and g["n"].isdigit() else NUMBERS[(g.get("n") or "one").lower()]
        offset = n * _DIRECTION[word]
    else:
        offset = _PERIOD_OFFSETS[word]
    year = int(published[:4])
    if unit == "year":
        return f"{year + offset:04d}"
    months = year * 12 + int(published[5:7]) - 1 + offset
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def weekday_of(value: str | None) -> str | None:
    """The weekday of a day-precision ISO value."""
    if not names_day(value):
        return None
    return WEEKDAYS[dt.date.fromisoformat(value).weekday()]
