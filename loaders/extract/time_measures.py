"""The since/after/before clauses that time one act from another: their mark, and the days their
measure stands for ("a day after": 1, "hours after": 0). Shared by ``dating`` and ``date_attachment``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates import NUMBERS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: subordinators whose clause tells the time of another act than its main clause's
OTHER_TIME = {"since", "after", "before", "until", "till"}
#: how many days a measure word stands for ("hours after": the same day)
DAY_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0, "minute": 0, "minutes": 0,
             "moment": 0, "moments": 0}


def mark_token(verb: Token) -> Token | None:
    """The word that marks the verb's clause: the nearest before it, where the parser gives it two ("as its
    interim head, two days after the president fled": "after" marks "fled"; "as" is another phrase's)."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.i < verb.i]
    return marks[-1] if marks else next((c for c in verb.children if c.dep_ == "mark"), None)


def mark_word(verb: Token) -> str | None:
    mark = mark_token(verb)
    return mark.lower_ if mark is not None else None


def other_time(verb: Token) -> Token | None:
    """The verb itself when its clause is marked since/after/before/until, else None."""
    return verb if mark_word(verb) in OTHER_TIME else None


def measure_days(clause: Token) -> int | None:
    """'a day after', 'six days after', 'hours after': the days the measure stands for (None without one)."""
    mark = mark_token(clause)
    before = [clause.doc[mark.i - 1]] if mark is not None and mark.i > 0 else []  # "striking back a day after ..."
    for child in [*clause.children, *before]:
        if child.dep_ == "npadvmod" and child.lower_ in DAY_UNITS:
            number = next((c for c in child.children if c.dep_ in ("nummod", "det")), None)
            n = 1 if number is None else NUMBERS.get(number.lower_) or (int(number.text) if number.text.isdigit() else None)
            if n is None and DAY_UNITS[child.lower_]:
                return None
            return (n or 0) * DAY_UNITS[child.lower_]
    return None
