"""One declaration of persona non grata told twice, once by the envoy's state and once by name
("EU declares Venezuela's envoy persona non grata" in a headline, "declared Venezuela's ambassador to
the bloc, Claudia Salerno, persona non grata" in the lead): the codebook codes it once, with the named
person as target ("Persona non grata vs expulsion").  Where the article gives the person no state, a
telling on a state before the named one is taken for its summary.  Run after the codebook (pipeline.run), when
every event's parties are final.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .date_fields import apart
from .structure import DECLARATION

if TYPE_CHECKING:
    from .events import Event



def named_declarations(events: list[Event], is_person: Callable[[str], bool],
                       actor_state: Callable[[str], str | None]) -> list[Event]:
    """The events with each declaration on a state folded into the same agent's declaration on a named
    envoy of that state, when the two are not told at dates apart; ``actor_state`` gives the state a
    person serves."""
    named = [e for e in events if e.type == DECLARATION and e.target and all(is_person(t) for t in e.target)]
    if not named:
        return events
    out = []
    for event in events:
        if event.type != DECLARATION or not event.target or any(is_person(t) for t in event.target):
            out.append(event)
            continue
        same = next((e for e in named if e.agent == event.agent and len(e.target) == 1 and len(event.target) == 1
                     and _serves(e, event, actor_state) and not apart(e.fields.get("date"), event.fields.get("date"))), None)
        if same is None:
            out.append(event)
            continue
        same.absorb_telling(event)
        same.confidence = max(same.confidence, event.confidence)
    return out


def _serves(named: Event, on_state: Event, actor_state: Callable[[str], str | None]) -> bool:
    """Whether the person declared serves the state declared on: as the article says, or, where it
    says of the person no state, when the telling on the state comes first (a headline or a lead that
    sums up the declaration the story then tells by name)."""
    state = actor_state(named.target[0])
    if state is not None:
        return state == on_state.target[0]
    return max(on_state.sentences) < min(named.sentences)
