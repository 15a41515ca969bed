"""The date grammar's last resort (dates.py): a relative phrase it does not read ("a fortnight ago"),
resolved by dateparser against a day-precision publication date."""

from __future__ import annotations

import datetime as dt
import re

#: a decade ("the 1990s", "the '80s", "the nineties"): no year, month or day it could keep (dateparser
#: reads "1990s" as 1,990 seconds before the reference)
_DECADE = re.compile(r"\b(?:\d{3}0|'?\d0)'?s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.IGNORECASE)
#: a count back or forward from the reference ("a week ago", "two weeks later"): a day, unlike a
#: calendar week ("this week", "last week"), which has no precision of ours to keep
_COUNTED = re.compile(r"\b(?:ago|later|earlier|before|after|since)\b", re.IGNORECASE)


def dateparser_date(text: str, published: str) -> str | None:
    """A phrase the date grammar does not read, resolved by dateparser against a day-precision
    publication date, at the precision dateparser gives (a year, a month or a day); None for a decade
    or a calendar week."""
    from dateparser.date import DateDataParser  # imported lazily: slow to import

    if _DECADE.search(text):
        return None
    base = dt.datetime.fromisoformat(published)
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False,
    })
    data = parser.get_date_data(text)
    if data.date_obj is None or data.period == "week" and not _COUNTED.search(text):
        return None
    d = data.date_obj.date()
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(data.period or "day", d.isoformat())
