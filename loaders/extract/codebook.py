"""The event codebook's agent and target conventions, applied once to every extracted event.

Whatever found an event (a frame on the parse or an older rule), the codebook decides who its
parties are (/work/shared/design/event-codebook.md, "Agents and targets"):

* acts of courts, prosecutors, police, security services, troops, ministries and governments have
  **the state** as agent; a legislature's vote keeps the legislature (it is not lifted), and so does
  a coup its armed forces (the coup is against the state's order, not its act);
* a Statement of a government, ministry, foreign office, department, police, prosecutor or court has its state
  as speaker, the organ kept as its ``announced_by`` ("a ministry speaks for its state"); a junta,
  council, interim government or armed forces speaking keeps its own name, and so does a legislature;
* an expulsion without persona non grata wording targets **the sending state**, not the diplomat,
  post or mission named (a persona non grata declaration keeps the named person);
* an event whose agent and target end up the same state is no act between parties and is dropped;
* events that now have the same type and parties are one event, with all their evidence.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .date_fields import apart, keep_better_date
from .legal_identity import distinct_kinds

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .pipeline import Event

#: organ types that act for their state (a Legislature is not among them: its votes are its own)
STATE_ORGANS = ("Government", "GovernmentBody", "Court")
#: event types whose agent is a speaker, not an act of state (the Statement code decides its own)
SPEAKER_TYPES = ("Statement",)
#: a coup is the act of the armed forces (or a leader) against their own state's order: never lifted
UNLIFTED_TYPES = SPEAKER_TYPES + ("CoupAttempt",)
#: the organs whose words are their state's (by registered label; a Court by its type): ministries,
#: foreign offices, departments, police, prosecutors.  Juntas, councils and armed forces are not among
#: them (the README: "a junta or officers' council [speaks] for itself").
SPEAKING_ORGAN_LABEL = re.compile(
    r"\b(ministry|secretariat of foreign affairs|foreign office|state department|department of|global affairs|"
    r"police|prosecut\w*|attorney)\b", re.IGNORECASE)
#: types whose target is the sending state, never the diplomat, post or mission named
SENDING_STATE_TARGETS = ("ExpulsionOfDiplomats",)
#: types whose target, where the text names no person, is the sending state ("declared Mexico's
#: ambassador persona non grata" with no name: Mexico)
UNNAMED_ENVOY_TARGETS = ("PersonaNonGrataDeclaration",)
#: what an expulsion can name instead of the sending state
_ENVOYS = ("Person", "Post", "Embassy", "Consulate", "DiplomaticMission", "PermanentMission")
_UNNAMED_ENVOYS = tuple(t for t in _ENVOYS if t != "Person")


def apply_codebook(events: list[Event], gaz: Gazetteer, actor_state: Callable[[str], str | None],
                   mint: Callable[[str, list[str], list[str]], str]) -> list[Event]:
    """The events with their parties as the codebook codes them; ``actor_state`` gives the state a
    person, post or mission stands for, ``mint`` a fresh id for an event whose parties changed."""
    out: list[Event] = []
    recoded: set[str] = set()
    for event in events:
        agents, targets = list(event.agent), list(event.target)
        if event.type not in UNLIFTED_TYPES:
            agents = _unique(_organ_state(a, gaz) for a in agents)
        elif event.type in SPEAKER_TYPES:
            organs = [a for a in agents if speaks_for_state(gaz.entities.get(a)) and gaz.state_of(a)]
            if organs:
                agents = _unique(gaz.state_of(a) if a in organs else a for a in agents)
                event.fields.setdefault("announced_by", organs[0])
        # a post is no actor (the loader refuses it as an agent: "He called X a criminal" with "he" taken for
        # "Colombia's ambassador"): the state it serves acts, or the event has no agent it can name
        agents = _unique(a for a in (_sending_state(a, gaz, actor_state, ("Post",)) for a in agents)
                         if gaz.entities.get(a) is None or gaz.entities[a].type != "Post")
        if event.agent and not agents:
            continue
        if event.type in SENDING_STATE_TARGETS:
            targets = _unique(_sending_state(t, gaz, actor_state, _ENVOYS) for t in targets)
            targets = [t for t in targets if t not in agents]
            if not targets and event.target:
                continue  # the diplomats of the expelling state itself: nothing between states
        if event.type in UNNAMED_ENVOY_TARGETS:
            targets = _unique(_sending_state(t, gaz, actor_state, _UNNAMED_ENVOYS) for t in targets)
        changed = (agents, targets) != (event.agent, event.target)
        # only a re-coded event joins another (two statements of one speaker stay two)
        # (two acts told at dates weeks apart stay two: date_fields.apart)
        same = next((e for e in out if e.type == event.type and e.agent == agents and e.target == targets
                     and not apart(e.fields.get("date"), event.fields.get("date"))
                     and not distinct_kinds(e.fields, event.fields, e.sentences, event.sentences)), None)
        if same is not None and (changed or same.id in recoded) and event.type not in SPEAKER_TYPES:
            _merge(same, event)
            continue
        if changed:
            event.agent, event.target = agents, targets
            event.id = mint(event.type, agents, targets)
            recoded.add(event.id)
        out.append(event)
    return out


def speaks_for_state(entity) -> bool:
    """Whether a registered entity is an organ whose words are its state's (SPEAKING_ORGAN_LABEL)."""
    return entity is not None and organ_speaks_for_state(entity.type, entity.label, entity.attrs.get("organ_of"))


def organ_speaks_for_state(etype: str, label: str, organ_of: str | None) -> bool:
    """The rule on an entity's registered type, label and ``organ_of`` (also read by the gold's
    realignment script, dev/tools/align_organ_agents.py, on registry entries)."""
    if not organ_of:
        return False
    # (a state's own government speaks as the state: "the Dutch government criticised ..."; a junta or an
    # interim government is a GovernmentBody of its own, governments.py)
    return etype in ("Court", "Government") or (etype == "GovernmentBody" and bool(SPEAKING_ORGAN_LABEL.search(label or "")))


def _organ_state(entity_id: str, gaz: Gazetteer) -> str:
    entity = gaz.entities.get(entity_id)
    if entity is None or entity.type not in STATE_ORGANS:
        return entity_id
    return gaz.state_of(entity_id) or entity_id


def _sending_state(entity_id: str, gaz: Gazetteer, actor_state: Callable[[str], str | None],
                   envoys: tuple[str, ...]) -> str:
    entity = gaz.entities.get(entity_id)
    if entity is None or entity.type not in envoys:
        return entity_id
    return actor_state(entity_id) or entity_id


def _unique(ids) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


def _merge(into: Event, other: Event) -> None:
    for key, value in other.fields.items():
        into.fields.setdefault(key, value)
    keep_better_date(into.fields, other.fields.get("date"))
    into.absorb_telling(other)
    into.confidence = max(into.confidence, other.confidence)
