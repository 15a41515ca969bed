"""An event's ``date`` field: making one, how directly it dates its act (its own clause, or only the
story's time), and comparing two (do they differ, are they days apart). Apart from ``dating``, which
finds the dates, for the deduplicating and coding modules that only compare them."""

from __future__ import annotations

import datetime as dt
import re

#: how the ``basis`` of a date taken from the story's time (not the event's own words) begins
STORY_TIME = "the story's time, given by"


def date_rank(date: dict | None) -> int:
    """How directly a ``date`` field dates its event: 2 from the event's own clause or sentence,
    1 from the story's time, 0 none (or words without a value)."""
    if not date or not date.get("value"):
        return 0
    return 1 if str(date.get("basis", "")).startswith(STORY_TIME) else 2


def dates_differ(first: dict | None, later: dict | None) -> bool:
    """Whether two events are dated on different days (at the coarser one's precision)."""
    if not date_rank(later) or not date_rank(first):
        return False
    a, b = str(first["value"]), str(later["value"])
    return not (a.startswith(b) or b.startswith(a))


def apart(one: dict | None, other: dict | None, days: int = 7) -> bool:
    """Whether two dates, each told in its act's own sentence, are more than ``days`` apart at their
    precision: then the same act between the same parties happened twice ("expelled Kenya's envoy on
    29 November ... Kenyan diplomats were given seven days to leave", told on 15 December)."""
    if date_rank(one) < 2 or date_rank(other) < 2:
        return False
    gap = gap_days(one, other)
    return gap is not None and gap > days


def gap_days(one: dict, other: dict) -> int | None:
    """The days between two dates with values at their precision (negative when they overlap), or
    None when a value is no date."""
    spans = [_interval(str(d["value"])) for d in (one, other)]
    if None in spans:
        return None
    (a0, a1), (b0, b1) = spans
    return max(b0 - a1, a0 - b1).days


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date value (a year, a month or a day) covers."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d, d
        if month:
            first = dt.date(year, int(month), 1)
            last = (dt.date(year + (int(month) == 12), int(month) % 12 + 1, 1)) - dt.timedelta(days=1)
            return first, last
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def keep_better_date(fields: dict, date: dict | None) -> None:
    """One act told twice: its ``fields`` keep the date of the mention that dates it most
    directly ("Somalia has broken off relations …" then "… said late on Tuesday that it had
    decided to sever ties"); between equals, the first told."""
    if date_rank(date) > date_rank(fields.get("date")):
        fields["date"] = date


def date_field(phrase: str, value: str | None, basis: str | None) -> dict:
    """An event's date field: the phrase told, and its value and the basis of that value where known."""
    date: dict = {"phrase": phrase}
    if value:
        date["value"] = value
    if value and basis:
        date["basis"] = basis
    return date
