"""Event identity: extracted events' IRIs scoped by their source; same-event candidates made explicit.

``event_id`` mints ``{source-short}-{type}-{agents}-{targets}[-n]``: readable, deterministic, and
never equal to an event of another article, so two unrelated expulsions in two articles never
merge in the consolidated graph.  Whether two sources report the same act is a reviewer's
decision: ``same_as_candidates`` lists pairs of events of different sources with the same type,
a shared agent or target and compatible dates, each with that evidence, to be written beside the
claims (never merged silently).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

#: longest source id used as it is; longer ones are cut and given a hash of the whole id
SHORT_SOURCE = 24
#: agents or targets named in an id before it says "and-others"
MAX_PARTIES = 2


@functools.lru_cache(maxsize=1 << 14)   # the same names are cut into ids again and again
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def source_short(source_id: str) -> str:
    """A readable, collision-resistant short form of a source id ('src:' prefix dropped)."""
    plain = _slug(source_id.split(":", 1)[-1]) or "source"
    if len(plain) <= SHORT_SOURCE:
        return plain
    digest = hashlib.sha256(source_id.encode("utf-8")).hexdigest()[:6]
    head = "-".join(plain.split("-")[:2])[:SHORT_SOURCE - 7].strip("-")
    return f"{head}-{digest}"


def _type_words(etype: str) -> str:
    return _slug(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", etype))


def _parties(ids: Iterable[str]) -> str:
    ids = [_slug(i) for i in ids if i]
    if len(ids) > MAX_PARTIES:
        return "-".join(ids[:MAX_PARTIES]) + "-and-others"
    return "-".join(ids)


def event_id(source_id: str, etype: str, agent_ids: Iterable[str], target_ids: Iterable[str], ordinal: int = 1) -> str:
    """The id of an article's event: ``{source-short}-{type}-{agent}-{target}``, with ``-{n}`` for
    the n-th event (n ≥ 2) of the article with the same type and parties.

    >>> event_id("src:dev01-assange-asylum-withdrawn", "AsylumGrant", ["ecuador"], ["julian-assange"])
    'dev01-assange-2ec9f2-asylum-grant-ecuador-julian-assange'
    >>> event_id("003-4621cd742095797e", "PersonaNonGrataDeclaration", [], ["claudia-sheinbaum"], 2)
    '003-4621cd742095797e-persona-non-grata-declaration-claudia-sheinbaum-2'
    """
    parts = [source_short(source_id), _type_words(etype), _parties(agent_ids), _parties(target_ids)]
    base = "-".join(p for p in parts if p)
    return base if ordinal <= 1 else f"{base}-{ordinal}"


# -- the same event in two sources -------------------------------------------------------------------

@dataclass(frozen=True)
class ReportedEvent:
    """What identity is judged on: an event as one source reports it."""
    source: str
    id: str
    type: str
    agent: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None = None   # ISO value of any precision


def _as_ids(value) -> tuple[str, ...]:
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def reported_events(source: str, claims: Iterable[dict]) -> list[ReportedEvent]:
    """The events of a claims list (curated format), for ``same_as_candidates``."""
    out = []
    for claim in claims:
        if "event" not in claim:
            continue
        date = claim.get("date")
        value = date.get("value") if isinstance(date, dict) else (str(date) if date and str(date)[:4].isdigit() else None)
        out.append(ReportedEvent(source, claim["event"], claim["type"], _as_ids(claim.get("agent")),
                                 _as_ids(claim.get("target")), value))
    return out


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown on either side, or one value contains the other ('2025-11' and '2025-11-03')."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def same_as_candidates(events: Iterable[ReportedEvent], others: Iterable[ReportedEvent] = ()) -> list[dict]:
    """Pairs of events from different sources that may be one act: same type, a shared agent or
    target and no contradicting role, compatible dates.  Each pair carries its evidence; ``others``
    (e.g. the reviewed corpus) are compared with ``events`` but not among themselves."""
    events = list(events)
    pool = events + [o for o in others if (o.source, o.id) not in {(e.source, e.id) for e in events}]
    out = []
    for i, a in enumerate(events):
        for b in pool[i + 1:]:
            if a.source == b.source or a.type != b.type or not dates_compatible(a.date, b.date):
                continue
            shared_agent = sorted(set(a.agent) & set(b.agent))
            shared_target = sorted(set(a.target) & set(b.target))
            if not (shared_agent or shared_target):
                continue
            if (a.agent and b.agent and not shared_agent) or (a.target and b.target and not shared_target):
                continue  # a role both name differently: another act
            evidence = {"type": a.type}
            if shared_agent:
                evidence["agent"] = shared_agent
            if shared_target:
                evidence["target"] = shared_target
            evidence["dates"] = [a.date, b.date] if a.date or b.date else "neither source dates it"
            out.append({"event": a.id, "source": a.source, "same_as": b.id, "same_as_source": b.source,
                        "evidence": evidence})
    return out
