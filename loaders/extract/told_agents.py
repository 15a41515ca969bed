"""An act told without its agent, and the same act told nearby with one.

"Kohver is seized near the border post. ... Russia's security service says it arrested him on
Russian territory": the passive names no one, so the frame gave it the state it could infer (the
place's, the person's, the article's); the same kind of act on the same person, told with its
agent within ``REACH`` sentences before or after, is the same act, and its agent is the one told.
The two are merged into the told one (evidence, sentences, the better date).  Only the same type
and the same person or state acted on tie them; an act on someone else, or dated apart, stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure
from .act_places import place_of_act
from .date_fields import apart, keep_better_date

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions

#: how many sentences apart the act with no agent and the one that tells it may be
REACH = 2


def agent_guessed(trigger: Token, state: str | None, targets: list[str], index: TokenMentions) -> bool:
    """Whether an act whose clause names no agent nor organ got a guessed one: a passive ("she was seized")
    or an act noun ("the arrest of X"), unless the state is the act's own place ("X, detained in Estonia")."""
    return (structure.is_passive(trigger) or trigger.pos_ == "NOUN") and (
        state is None or place_of_act(trigger, targets, index) != state)


def agents_told_nearby(events: list, guessed: dict[int, object]) -> list:
    """``events`` without those of ``guessed`` (ids of events whose agent no word told) that another
    event tells with its agent (see the module docstring)."""
    if not guessed:
        return events
    merged: set[int] = set()
    for event in events:
        if id(event) not in guessed or not event.target:
            continue
        told = [o for o in events if o is not event and id(o) not in guessed and id(o) not in merged
                and o.type == event.type and o.agent and o.agent != event.agent and set(o.target) == set(event.target)
                and _distance(o, event) <= REACH and not apart(o.fields.get("date"), event.fields.get("date"))]
        if len(told) != 1:
            continue  # none, or two tellings that disagree: the inferred agent stays
        other = told[0]
        keep_better_date(other.fields, event.fields.get("date"))
        other.absorb_telling(event)
        merged.add(id(event))
    return [e for e in events if id(e) not in merged]


def _distance(one, other) -> int:
    return min(abs(a - b) for a in one.sentences for b in other.sentences)
