"""Staff going home after a severance is not a recall (the codebook's "Recall"): "Kinshasa broke off
relations with Kigali on Saturday ... The ministry said it was withdrawing its diplomats from
Kigali".  frames.py drops such a withdrawal coordinated with the severance ("broke off relations and
recalled its staff"); this drops it when told in a later sentence: a recall of a mission's staff (the
diplomats, the personnel: not its ambassador or chargé, whose recall the codebook still counts) by
the state that severed relations with the same state earlier in the article."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .frames import FrameMatch

RECALL = "RecallOfAmbassador"
SEVERANCE = "SeveranceOfRelations"
#: the words for a mission's staff as a body (a head of mission is no staff here)
STAFF_WORDS = frozenset({"diplomat", "staff", "personnel", "employee", "official"})


def staff_after_severance(matches: list[tuple[int, FrameMatch]]) -> set[int]:
    """The ``id`` of each recall of staff whose pair severed relations in a sentence told before it
    (or in its own, before it)."""
    out, severed = set(), set()
    for m in sorted((m for _, m in matches), key=lambda m: m.trigger.i):   # in the text's order
        if m.type == SEVERANCE and m.agent and isinstance(m.target, str):
            # (one direction only: the other side's staff told after the break may have left before it, the
            # text's order is not the events' — measured: the reverse pair cost a reviewed recall)
            severed.add((m.agent, m.target))
        elif m.type == RECALL and isinstance(m.target, str) and (m.agent, m.target) in severed and _staff_withdrawn(m.trigger):
            out.add(id(m))
    return out


#: words for a share of a body, whose "of" phrase names the body: "all of its staff", "the rest of its diplomats"
SHARE_WORDS = frozenset({"all", "most", "some", "many", "rest", "remainder", "part", "member", "members", "half", "majority"})


def _staff_withdrawn(trigger) -> bool:
    """Whether the recalling verb's object is staff ("its diplomats", "the embassy staff"), not an envoy."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(is_staff(o) for o in objects)


def is_staff(noun) -> bool:
    """Whether a noun names a mission's staff as a body: "its diplomats", "all of its staff", "the rest of the
    embassy's personnel" (a head of mission is none)."""
    if noun.lower_ in SHARE_WORDS or noun.lemma_.lower() in SHARE_WORDS:
        bodies = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return bool(bodies) and all(g.lemma_.lower() in STAFF_WORDS for g in bodies)
    return noun.lemma_.lower() in STAFF_WORDS
