"""The extracted events of one article: the event record, the extraction, evidence spans, and the
assembly (one event per real-world act within the article, ids scoped by the source, tenures)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .date_fields import apart, keep_better_date
from .gazetteer import Entity, Mention
from .identity import event_id as scoped_event_id
from .legal_identity import STANDING, distinct_kinds
from .repeated_acts import second_act, told_before_its_date, told_far_apart
from .sentences import Sentence
from .text import Article


@dataclass(frozen=True)
class _Span:
    """A trigger's offsets in its sentence, shaped like a regex match for the evidence helpers."""
    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


@dataclass
class Event:
    id: str
    type: str
    agent: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    confidence: float = 0.8
    proposed_by: str = ""   # the stage that proposed it first (stages.py): for the reviewer and the tools
    told_at: int = -1       # where its first trigger is in the article (evidence may start at the sentence)
    spoken_at: int = -1     # a Statement's speech verb (told_at stays unset for Statements, as the stages reading it expect)
    features: list[str] = field(default_factory=list)  # what the confidence model read (confidence.py); not written out
    target_by: str = ""     # the stage whose target it carries, where another telling's replaced the first (continued_remarks)
    grantor_untold: bool = False  # a passive grant to several naming no grantor (frames.py): none asked told, no event (legal.py)

    @property
    def target_stage(self) -> str:
        """The stage that found the target it carries: a Statement's stage names its target rule, and a
        folded remark may carry another remark's target (``proposed_by`` stays the first proposer)."""
        return self.target_by or self.proposed_by

    def absorb_telling(self, other: Event) -> None:
        """Another telling of this act: its quotes (with their spans) and sentences join this one's."""
        for quote, span in zip(other.evidence, other.spans):
            if quote not in self.evidence:
                self.evidence.append(quote)
                self.spans.append(span)
        self.sentences |= other.sentences


@dataclass
class Extraction:
    article: Article
    source_id: str
    sentences: list[Sentence]
    events: list[Event]
    tenures: list[dict]
    entities: list[Entity]           # entities minted for this article (not in the registry)

    def claims(self) -> list[dict]:
        out = []
        for e in self.events:
            claim: dict = {"event": e.id, "type": e.type}
            if e.agent:
                claim["agent"] = e.agent[0] if len(e.agent) == 1 else e.agent
            if e.target:
                claim["target"] = e.target[0] if len(e.target) == 1 else e.target
            claim.update(e.fields)
            claim["evidence"] = [{"quote": q, "start": start} for q, (start, _) in zip(e.evidence, e.spans)][:3]
            claim["confidence"] = round(e.confidence, 2)
            if e.proposed_by:
                claim["proposed_by"] = e.proposed_by
            out.append(claim)
        return out + self.tenures


class EventBook:
    """The event-assembly part of the extractor (mixed into ``pipeline._Extractor``): adds an event or
    merges it into the same act found before, mints ids, and writes the tenures the titles carry.
    ``proposing`` is the stage now coding (stages.py), set by the driver: an event it mints records it."""

    proposing: str = ""

    def _add_event(self, etype, agent_id, target_id, fields, sentence, index, trigger, args, confidence,
                   grantor_untold: bool = False) -> Event:
        start, end, quote = _evidence(sentence, trigger.start(), trigger.end(), [a for a in args if a])
        told_at = sentence.start + trigger.start()
        same = [e for e in self.events if e.type == etype and _one_act(e, agent_id, target_id, fields, index)
                and not told_far_apart(e.fields, fields, told_before_its_date(self.text, e.told_at, e.fields),
                                       told_before_its_date(self.text, told_at, fields))]
        e = next(iter(second_act(same, fields, index)), None)  # (a repeat is not the act told just before: repeated_acts.py)
        if e is not None:
            if agent_id and not e.agent:
                e.agent.append(agent_id)
            if target_id and not e.target:
                e.target.append(target_id)
            for k, v in fields.items():
                e.fields.setdefault(k, v)
            if not fields.get(STANDING):
                e.fields.pop(STANDING, None)   # told as done once, not only as standing (legal_identity.py)
            e.grantor_untold = e.grantor_untold or grantor_untold
            keep_better_date(e.fields, fields.get("date"))
            if quote not in e.evidence:
                e.evidence.append(quote)
                e.spans.append((start, end))
            e.sentences.add(index)
            e.confidence = max(e.confidence, confidence)
            return e
        new_id = self._mint(etype, [agent_id] if agent_id else [], [target_id] if target_id else [])
        self.events.append(Event(new_id, etype, [agent_id] if agent_id else [], [target_id] if target_id else [],
                                 dict(fields), [quote], [(start, end)], {index}, confidence, self.proposing,
                                 told_at, grantor_untold=grantor_untold))
        return self.events[-1]

    def _mint(self, etype: str, agents: list[str], targets: list[str]) -> str:
        """An id scoped by the source (identity.py); the n-th act with the same parties gets -n."""
        taken = {e.id for e in self.events}   # (each candidate made once, not anew for every event compared)
        n = 1
        while (candidate := scoped_event_id(self.source_id, etype, agents, targets, n)) in taken:
            n += 1
        return candidate

    def _anaphoric_merge(self, rule, agent_id, target_id, sentence, index, trigger) -> bool:
        """'announced the rupture': a second mention of an act already found in the article."""
        same = [e for e in self.events if e.type == rule.type and (not agent_id or agent_id in e.agent)
                and (not target_id or target_id in e.target)]
        if len(same) == 1 and (agent_id or target_id):
            span = _evidence(sentence, trigger.start(), trigger.end())
            keep_better_date(same[0].fields, self.timeline.date_at(sentence.start + trigger.start()))
            if span[2] not in same[0].evidence:
                same[0].evidence.append(span[2])
                same[0].spans.append((span[0], span[1]))
            same[0].sentences.add(index)
            return True
        return False

    def _used_test(self) -> Callable[[str], bool]:
        """Whether an entity is used by the events and tenures as they stand: named in an event's parties
        or fields or a tenure, or what a minted entity so used points to (a mission's state, a post's).
        The values are gathered once for every entity asked (each test read every event anew)."""
        direct: set = set()   # parties, text fields, tenures' posts: what counts for an entity pointing on
        listed: set = set()
        for e in self.events:
            direct.update(e.agent, e.target, (v for v in e.fields.values() if isinstance(v, str)))
            listed.update(x for v in e.fields.values() if isinstance(v, list) for x in v if isinstance(x, str))
        held = {x for t in self.tenures for x in (t["tenure"]["holder"], t["tenure"]["post"])}
        direct |= {t["tenure"]["post"] for t in self.tenures}
        entities = list(self.gaz.entities.values())

        def used(entity_id: str) -> bool:
            if entity_id in direct or entity_id in listed or entity_id in held:   # (a tenure's post is held too)
                return True
            # states, cities and the like that a used mission or post points to
            return any(e.new and e.id != entity_id and entity_id in e.attrs.values() and e.id in direct for e in entities)
        return used

    def _tenures(self) -> None:
        seen = set()
        for start, end, person, post in self.title_spans:
            if not post or (person, post) in seen:
                continue
            seen.add((person, post))
            sentence_index = next((i for i, s in enumerate(self.sentences) if s.start <= start < s.end), None)
            at = sorted(e.id for e in self.events if sentence_index in e.sentences and e.type != "Statement")
            quote = self.text[start:end]
            if len(quote) > 200:
                continue
            claim: dict = {"tenure": {"holder": person, "post": post}}
            if at:
                claim["at"] = at
            if re.match(r"(?i)(?:former|ousted|deposed)\b", quote):
                claim["note"] = "the article calls the holder 'former'"
            claim["evidence"] = [{"quote": quote, "start": start}]
            claim["confidence"] = 0.7
            self.tenures.append(claim)


def _one_act(e: Event, agent_id: str | None, target_id: str | None, fields: dict, index: int) -> bool:
    """Whether an act with these parties and fields, told in sentence ``index``, may be the event ``e`` told again."""
    same_agent = not agent_id or not e.agent or agent_id in e.agent
    same_target = not target_id or not e.target or target_id in e.target
    return same_agent and same_target and (agent_id in e.agent or target_id in e.target) \
        and not apart(e.fields.get("date"), fields.get("date")) and not distinct_kinds(e.fields, fields, e.sentences, {index})


def _evidence(sentence: Sentence, t_start: int, t_end: int, args: list[Mention] | None = None) -> tuple[int, int, str]:
    """The sentence when it is short enough, else the span over the trigger and its arguments."""
    text = sentence.text
    if len(text) <= 200:
        return sentence.start, sentence.end, text
    lo, hi = t_start, t_end
    for a in args or []:
        a_start, a_end = a.start - sentence.start, a.end - sentence.start
        if 0 <= a_start and a_end <= len(text) and max(hi, a_end) - min(lo, a_start) <= 200:
            lo, hi = min(lo, a_start), max(hi, a_end)
    room = 200 - (hi - lo)
    lo = max(0, lo - room // 2)
    hi = min(len(text), hi + (200 - (hi - lo)))
    # whole words only
    while lo > 0 and text[lo - 1].isalnum():
        lo += 1
        while lo < len(text) and text[lo - 1].isalnum():
            lo += 1
    while hi < len(text) and hi > 0 and text[hi - 1].isalnum() and text[hi].isalnum():
        hi -= 1
    quote = text[lo:hi].strip()
    offset = text.find(quote, lo)
    return sentence.start + offset, sentence.start + offset + len(quote), quote


def told_together(model, earlier: list) -> list:
    """The events one telling of an act yielded with ``model`` (same type, agents and trigger: "recognised
    A and B" is one event per target), in the order told; ``model`` alone where it has no such sibling."""
    at = trigger_at(model)
    return [e for e in earlier if e is model or (e.type == model.type and e.agent == model.agent
                                                  and trigger_at(e) == at and e.sentences == model.sentences)]


def trigger_at(event) -> int:
    """Where an event's first trigger is (its evidence may start at the sentence's start)."""
    return event.told_at if event.told_at >= 0 else event.spans[0][0]
