"""One safe conduct for several who leave: "Peru gave them safe conduct" after two persons were named is
one grant (the codebook codes one act, its beneficiaries listed), not one per person; the frames find one
match per person acted on, and this folds the matches of one telling (the same type and agent, told in a
shared sentence) into one event whose targets are all of them."""

from __future__ import annotations

#: the safe-conduct acts whose targets are the persons who leave
FOR_PERSONS = ("SafeConductGrant", "SafeConductDeferral")


def one_act_for_several(events: list) -> list:
    """The events with each safe-conduct grant or deferral told for several folded into its first."""
    out: list = []
    for event in events:
        first = next((e for e in out if event.type in FOR_PERSONS and e.type == event.type and e.agent == event.agent
                      and e.sentences & event.sentences), None)
        if first is None:
            out.append(event)
            continue
        first.target.extend(t for t in event.target if t not in first.target)
        first.absorb_telling(event)
    return out
