"""An expulsion told on a named envoy whose state the article never says is one of the same agent's
expulsions told on a state.

"Britain, France and Germany expelled Syrian diplomats on May 29. France's expulsion of Ambassador X
drew most attention": the codebook's expulsion targets the sending state, never the diplomat
(codebook.py lifts an envoy to the state the article says they serve); where it says none, the
expulsion on X is the one the same agent did on the diplomats of a state, when that agent expelled
the diplomats of one state only and not on days apart (told on another day, it may be another act).  Otherwise the event is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .date_fields import apart

if TYPE_CHECKING:
    from .events import Event

from .declared_departures import EXPULSION


def envoys_of_expelled_states(events: list[Event], is_person: Callable[[str], bool]) -> list[Event]:
    """The events with each expulsion on persons of no known state folded into the same agent's one
    expulsion on a state (see the module)."""
    on_persons = [e for e in events if e.type == EXPULSION and e.agent and e.target and all(is_person(t) for t in e.target)]
    if not on_persons:
        return events
    folded: set[int] = set()
    for event in on_persons:
        on_states = [e for e in events if e.type == EXPULSION and e is not event and e.agent == event.agent
                     and e.target and not any(is_person(t) for t in e.target)]
        states = {t for e in on_states for t in e.target}
        if len(states) != 1:
            continue   # no expulsion on a state by that agent, or several states': whose envoy is not told
        same = next((e for e in on_states if not apart(e.fields.get("date"), event.fields.get("date"), days=1)), None)
        if same is not None:
            same.absorb_telling(event)
            same.confidence = max(same.confidence, event.confidence)
            folded.add(id(event))
    return [e for e in events if id(e) not in folded]
