"""Dates as the texts give them: resolved against the publication date, keeping their precision.

A resolved date is an ISO string of the precision the text supports: ``2025`` (year),
``2025-11`` (month) or ``2025-11-03`` (day).  A month-only phrase never gets a day, and a
relative phrase ("on Tuesday", "last December") is resolved only against a publication date
precise enough for it; otherwise it stays unresolved, with its words (and weekday) kept.

>>> resolve("on Monday, November 3, 2025").value
'2025-11-03'
>>> resolve("last December", published="2023-03-10").value
'2022-12'
>>> resolve("in November", published="2025-12").value
'2025-11'
>>> d = resolve("on Tuesday")
>>> (d.value, d.weekday)
(None, 'Tuesday')
>>> resolve("in late 2023").value, resolve("in late 2023").qualifier
('2023', 'late')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
WEEKDAYS = [d for d in calendar.day_name]  # Monday .. Sunday

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_QUAL = r"(?:(?P<qualifier>early|mid|late)[- ])?"
_LEAD = r"^(?:on|in|since|by|from|until|during|as of|at the end of|around)?\s*"

PATTERNS = [
    # Monday, November 3, 2025 / November 3, 2025 / 3 November 2025
    ("day", re.compile(_LEAD + r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$", re.I)),
    ("day", re.compile(_LEAD + r"(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})$", re.I)),
    ("day", re.compile(r"^(?:on\s+)?(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})$")),
    # (late) December 2022
    ("month", re.compile(_LEAD + _QUAL + _MONTH + r",?\s+(?:of\s+)?(?P<year>\d{4})$", re.I)),
    # (in late) 2023
    ("year", re.compile(_LEAD + _QUAL + r"(?P<year>\d{4})$", re.I)),
    # relative: (last|this|late) December, in November
    ("rel-month", re.compile(_LEAD + r"(?P<rel>last|this|past)?\s*" + _QUAL + _MONTH + r"$", re.I)),
    # relative: (on|last|this) Tuesday (afternoon|morning|night)
    ("rel-weekday", re.compile(_LEAD + r"(?P<rel>last|this|past)?\s*" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)),
]


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
        if self.value is None:
            return None
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]


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
            qualifier: str | None = None, basis: str | None = None) -> ResolvedDate:
    """Resolve a date phrase against the publication date (an ISO value of any precision).

    A curated ``value`` wins over the phrase (it is then marked inferred when the phrase is
    relative, with ``basis`` saying why).
    """
    weekday = None
    parsed_value = None
    parsed_qualifier = None
    if phrase:
        parsed_value, weekday, parsed_qualifier = _parse(_clean(phrase), published)
    if value is not None:
        check_iso(value)
        inferred = parsed_value is None and phrase is not None
        return ResolvedDate(phrase, value, weekday, qualifier or parsed_qualifier, inferred, basis)
    return ResolvedDate(phrase, parsed_value, weekday, qualifier or parsed_qualifier, False, basis)


def _parse(text: str, published: str | None) -> tuple[str | None, str | None, str | None]:
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groupdict()
        weekday = g.get("weekday")
        weekday = weekday.capitalize() if weekday else None
        qualifier = (g.get("qualifier") or "").lower() or None
        if kind == "day":
            month = int(g["monthnum"]) if g.get("monthnum") else MONTHS[g["month"].lower()]
            return check_iso(f"{int(g['year']):04d}-{month:02d}-{int(g['day']):02d}"), weekday, qualifier
        if kind == "month":
            return f"{int(g['year']):04d}-{MONTHS[g['month'].lower()]:02d}", weekday, qualifier
        if kind == "year":
            return f"{int(g['year']):04d}", weekday, qualifier
        if kind == "rel-month":
            return _relative_month(MONTHS[g["month"].lower()], (g.get("rel") or "").lower(), published), None, qualifier
        if kind == "rel-weekday":
            return _relative_weekday(weekday, published), weekday, None
    # A last resort for other relative phrases ("yesterday", "two days ago"): dateparser, but
    # only with a day-precision publication date to resolve against.
    if published and len(published) == 10:
        return _dateparser(text, published), None, None
    return None, None, None


def _relative_month(month: int, rel: str, published: str | None) -> str | None:
    """The most recent such month not after publication ("last" = strictly before it)."""
    if not published or len(published) < 7:
        return None
    pub_year, pub_month = int(published[:4]), int(published[5:7])
    year = pub_year if (month < pub_month or (month == pub_month and rel != "last")) else pub_year - 1
    return f"{year:04d}-{month:02d}"


def _relative_weekday(weekday: str | None, published: str | None) -> str | None:
    """The most recent such weekday on or before a day-precision publication date."""
    if weekday is None or not published or len(published) != 10:
        return None
    pub = dt.date.fromisoformat(published)
    delta = (pub.weekday() - WEEKDAYS.index(weekday)) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


def _dateparser(text: str, published: str) -> str | None:
    from dateparser.date import DateDataParser  # imported lazily: slow to import

    base = dt.datetime.fromisoformat(published)
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False,
    })
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(data.period or "day", d.isoformat())


def weekday_of(value: str | None) -> str | None:
    """The weekday of a day-precision ISO value."""
    if value is None or len(value) != 10:
        return None
    return WEEKDAYS[dt.date.fromisoformat(value).weekday()]
