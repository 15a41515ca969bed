"""Article text → proposed claims in the curated format, each with its evidence and confidence.

The pipeline: sentences → actor mentions (gazetteer, titles, organs, missions, pronouns) →
event triggers (rules.py) with modality filtering → arguments by position and voice → dates
resolved against the publication date → one event per real-world act within the article →
claims (curated format, ``extraction: extracted``).  Offline and deterministic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..schema import EntityRecord
from .gazetteer import ACTOR_TYPES, PERSON_TYPES, STATE, Entity, Gazetteer, Mention, slug
from .rules import (
    CLAUSE_BREAK, DEADLINE_RE, VOTES_TO_RE, MODALITY, NUMBER_WORDS, OFFENCE_RE, PENALTY_RE, RULES, VOTES_RE,
    Rule,
)
from .codebook import apply_codebook
from .dating import StoryTimeline, keep_better_date
from .frames import FrameMatch, match_doc
from .legal import answers_request, by_lawmakers, refusals_answer_requests, removed_by_force
from .organs import HEAD_OFFICES, military_act
from .identity import event_id as scoped_event_id
from .mentions import TokenMentions, seat_mentions
from .newnames import minter
from .ellipsis import FOLLOWABLE, REFUSED, cues as ellipsis_cues
from .parse import parse
from .sentences import Sentence, split_sentences
from .statements import StatementCoder
from .article_mentions import GENERIC_ORGAN, MentionFinder, _organ_word
from .names import NameFinder
from .text import Article

PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+|himself\s+|herself\s+|themselves\s+|itself\s+)?$", re.I)
#: "a judge in La Paz ordered the arrest": the courts of the state
JUDGE = re.compile(r"\b(?P<organ>(?i:an?\s+|the\s+)(?:\w+\s+)?(?:judge|court|prosecutor))\b")
PARTICIPLE_TRIGGER = re.compile(r"^(?:\w+ed|sentenced|convicted|accused|charged|arrested|detained|impeached|removed|ousted|deposed|jailed|held|taken|declared|granted|expelled|given|ordered)\b", re.I)
#: a legislature named bare, whose state the mentions guessed ("Congress voted to remove him")
BARE_LEGISLATURE = re.compile(r"(?i)(?:the\s+)?(?:congress|parliament|national assembly|senate)")



FRAME_CONFIDENCE = 0.8


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
            out.append(claim)
        return out + self.tenures


def extract(article: Article, registry: dict[str, EntityRecord], source_id: str, doc=None) -> Extraction:
    """Propose the claims of one article (``doc``: its parse, when the caller parsed it already)."""
    return _Extractor(article, registry, source_id, doc).run()


class _Extractor(StatementCoder, NameFinder, MentionFinder):
    def __init__(self, article: Article, registry: dict[str, EntityRecord], source_id: str, doc=None) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc if doc is not None else parse(self.text)  # one parse per article, for every stage
        self.timeline = StoryTimeline.from_doc(self.doc, article.published)
        self.source_id = source_id
        self.gaz = Gazetteer(registry, self.doc.lang_)  # the language's own country names and demonyms too
        self.registry_ids = set(registry)
        self.sentences = split_sentences(self.text)
        self.mentions: list[Mention] = []
        self.person_posts: dict[str, str] = {}       # person id → post id (from titles)
        self.person_titles: dict[str, set[str]] = {}
        self.title_spans: list[tuple[int, int, str, str | None]] = []  # (start, end, person, post)
        self.events: list[Event] = []
        self.tenures: list[dict] = []
        self._state_counts: dict[str, int] | None = None
        self.person_states: dict[str, str] = {}  # person id → state, from "Honduran ... Manuel Zelaya" (no post)
        self.speaks_for: dict[str, str] = {}     # person id → the state they spoke of in the third person
        self._alone: dict[str, list[int]] | None = None
        self.framed: set[tuple[str, int]] = set()   # (event type, sentence index) the frames coded
        self._sorted_starts: tuple = (None, None, None)  # (list, length, starts): for _mentions_in
        self.guessed_organs: dict[str, str] = {}
        self._token_index: TokenMentions | None = None
        self._cues: dict | None = None                 # sentence index → ellipsis cues (ellipsis.py)

    # == driver ========================================================================================
    def run(self) -> Extraction:
        self._persons_from_titles()
        self._persons_untitled()
        self._persons_from_entities()
        self._organisations()
        self._find_mentions()
        self._nationalities()
        self._frame_events()
        for index, sentence in enumerate(self.sentences):
            if sentence.text.rstrip().endswith("?") or re.match(r"^(?:Q|A)\s*:", sentence.text):
                continue  # questions and FAQ answers are not reports of events
            in_sentence = self._mentions_in(sentence.start, sentence.end)
            for rule in RULES:
                if (rule.type, index) in self.framed:
                    continue  # the frames coded this type in this sentence on its structure
                for trigger in rule.trigger.finditer(sentence.text):
                    self._event(rule, sentence, index, trigger, in_sentence)
            self._statement(sentence, index, in_sentence)
            self._followers(sentence, index, in_sentence)
            self._military_coup(sentence, index, in_sentence)
        self._tenures()
        self._agent_from_the_acted_on()
        self.events = refusals_answer_requests(self.events)
        self.events = apply_codebook(self.events, self.gaz, self._actor_state, self._mint_unused)
        new = [e for e in self.gaz.entities.values() if e.new and self._used(e.id)]
        return Extraction(self.article, self.source_id, self.sentences, self.events, self.tenures, new)

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end), in order: a binary search over the (sorted) mentions,
        so that the per-sentence look-ups stay linear in the article's length."""
        mentions = self.mentions
        if self._sorted_starts[0] is not mentions or self._sorted_starts[1] != len(mentions):
            starts = [m.start for m in mentions]
            ordered = all(a <= b for a, b in zip(starts, starts[1:]))
            self._sorted_starts = (mentions, len(mentions), starts if ordered else None)
        starts = self._sorted_starts[2]
        if starts is None:
            return [m for m in mentions if start <= m.start < end]
        return mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    # == frames on the parse ===========================================================================
    def frame_matches(self) -> list[tuple[int, "FrameMatch"]]:
        """Events the frames find on the dependency parse, each with the index of its sentence."""
        doc = self.doc
        seats = seat_mentions(self.text, lambda code: self.gaz.state(code).id, self.mentions, self.time_at)
        index = TokenMentions(doc, self.mentions + seats, self._actor_state, self.focal_state)
        index.home_state_clear = self.focal_state_clear
        index.place_state = self._place_state  # organs named with a city: "the Budapest court" (organs.py)
        self._token_index = index
        starts = [s.start for s in self.sentences]
        out = []
        for _, match in match_doc(doc, index, mint=minter(self.gaz)):
            at = bisect.bisect_right(starts, match.trigger.idx) - 1
            if at < 0:
                continue
            sentence = self.sentences[at]
            if sentence.text.rstrip().endswith("?") or re.match(r"^(?:Q|A)\s*:", sentence.text):
                continue
            out.append((at, match))
        return out

    def _actor_state(self, entity_id: str) -> str | None:
        entity = self.gaz.entities.get(entity_id)
        if entity is not None and entity.type == "City" and entity.attrs.get("located_in"):
            return self.gaz.state_of(entity.attrs["located_in"]) or entity.attrs["located_in"]
        state = self.gaz.state_of(self.person_posts.get(entity_id, entity_id))
        if state is None and entity is not None and entity.type == "Post" and " of " in entity.label:
            # an envoy post minted without its mission ("Venezuela's ambassador"): the state it names
            sender = entity.label.split(" of ", 1)[1].split(" to ")[0]
            state = next((e.id for e in self.gaz.entities.values() if e.type == STATE and e.label == sender), None)
        return state or self.person_states.get(entity_id)

    def _frame_events(self) -> None:
        rules = {r.type: r for r in RULES}
        for at, match in self.frame_matches():
            sentence = self.sentences[at]
            self.framed.add((match.type, at))
            trigger = _Span(match.trigger.idx - sentence.start, match.trigger.idx + len(match.trigger.text) - sentence.start)
            fields = dict(match.fields)
            rule = rules.get(match.type) or Rule(match.type, re.compile("$^"))
            self._fields(rule, sentence, trigger, fields, self._mentions_in(sentence.start, sentence.end))
            date = self.timeline.date_for(match.trigger)  # the trigger token itself, not its offset
            if date:
                fields["date"] = date
            targets = match.target if isinstance(match.target, list) else [match.target]
            if match.type == "SafeConductRefusal" and answers_request(match.trigger):
                fields["answers_request"] = True  # kept only after a request to the refuser (legal.py)
            if match.type == "RemovalFromOffice" and removed_by_force(match.trigger):
                self._coup_by_forces(match, targets[0], fields, sentence, at, trigger)
                continue  # "the army ousted the president": a coup, not a removal from office
            agent = match.agent or (self._impeaching_legislature(match.trigger, targets[0]) if match.type == "RemovalFromOffice" else None)
            if match.type == "RemovalFromOffice" and agent:
                agent = self._own_legislature(agent, match.mentions, targets[0])
            if match.type == "RemovalFromOffice" and (not agent or by_lawmakers(match.trigger)):
                agent = self._named_legislature(targets[0]) or agent  # "lawmakers voted to remove her"
            event = self._add_event(match.type, agent, targets[0], fields, sentence, at, trigger, match.mentions, FRAME_CONFIDENCE)
            event.target += [t for t in targets[1:] if t not in event.target]
            if match.type == "Arrest" and match.agent in self.gaz.entities and military_act(match.trigger) \
                    and self._heads_state(targets[0]):
                # "soldiers detained President X": the armed forces' coup, besides the arrest (codebook)
                forces = self.gaz.organ(match.agent, "military")
                self._add_event("CoupAttempt", forces.id, targets[0], dict(fields), sentence, at, trigger, match.mentions, FRAME_CONFIDENCE)

    def _coup_by_forces(self, match, person, fields, sentence, at, trigger) -> None:
        """A leader removed by force: the coup of the armed forces of the leader's state (legal.py)."""
        state = self._actor_state(person) if person else None
        state = state or (match.agent if match.agent in self.gaz.entities and self.gaz.entities[match.agent].type == STATE else None)
        if person and state in self.gaz.entities:
            forces = self.gaz.organ(state, "military")
            self._add_event("CoupAttempt", forces.id, person, dict(fields), sentence, at, trigger, match.mentions, FRAME_CONFIDENCE)

    def _named_legislature(self, person: str | None) -> str | None:
        """The legislature of the removed person's state, where the article names it."""
        state = self._actor_state(person) if person else None
        named = {m.entity for m in self.mentions if m.type == "Legislature"}
        return next((e.id for e in self.gaz.entities.values() if state and e.type == "Legislature"
                     and e.attrs.get("organ_of") == state and e.id in named), None)

    def _impeaching_legislature(self, trigger, person: str | None) -> str | None:
        """An impeachment is by definition the legislature's act: the one the registry knows for the
        removed person's state (never a guessed one)."""
        words = {trigger.lemma_.lower()} | {t.lemma_.lower() for t in trigger.conjuncts}
        if not words & {"impeach", "impeachment"} or person is None:
            return None
        state = self._actor_state(person) or self.focal_state_guess(None)
        legislature = next((e for e in self.gaz.entities.values() if state and e.type == "Legislature"
                            and e.attrs.get("organ_of") == state and not e.new), None)
        return legislature.id if legislature is not None else None

    def _own_legislature(self, agent: str, mentions: list[Mention], person: str | None) -> str:
        """'Congress voted to remove him': a legislature named bare was given the article's state; it
        is the removed person's own state's."""
        said = next((m for m in mentions if m.entity == agent), None)
        entity = self.gaz.entities.get(agent)
        state = self._actor_state(person) if person else None
        if said is None or entity is None or entity.type != "Legislature" or not state or state not in self.gaz.entities \
                or entity.attrs.get("organ_of") == state or not BARE_LEGISLATURE.fullmatch(said.surface.strip()):
            return agent
        return self.gaz.organ(state, said.surface.strip().lower().removeprefix("the ")).id

    def _heads_state(self, person: str | None) -> bool:
        """Whether a person holds a state's highest office (a president, a prime minister)."""
        post = self.gaz.entities.get(self.person_posts.get(person or "", ""))
        return post is not None and post.label.lower().startswith(HEAD_OFFICES)

    def _used(self, entity_id: str) -> bool:
        for e in self.events:
            values = e.agent + e.target + [v for v in e.fields.values() if isinstance(v, str)]
            values += [x for v in e.fields.values() if isinstance(v, list) for x in v if isinstance(x, str)]
            if entity_id in values:
                return True
        if any(entity_id in (t["tenure"]["holder"], t["tenure"]["post"]) for t in self.tenures):
            return True
        # states, cities and the like that a used mission or post points to
        return any(entity_id in e.attrs.values() for e in self.gaz.entities.values() if e.new and e.id != entity_id
                   and self._used_direct(e.id))

    def _used_direct(self, entity_id: str) -> bool:
        return any(entity_id in e.agent + e.target + [v for v in e.fields.values() if isinstance(v, str)]
                   for e in self.events) or any(entity_id == t["tenure"]["post"] for t in self.tenures)

    # == actors ========================================================================================
    # == events ========================================================================================
    def _event(self, rule: Rule, sentence: Sentence, index: int, trigger: re.Match, mentions: list[Mention]) -> None:
        s_text = sentence.text
        t_start, t_end = sentence.start + trigger.start(), sentence.start + trigger.end()
        clause_start = sentence.start + _clause_start(s_text, trigger.start())
        modal_start = clause_start
        if re.search(r"\bthat\s*$", self.text[sentence.start:clause_start]):
            # "demanded that Mexico withdraw ...": the verb governing the that-clause counts for modality
            modal_start = sentence.start + _clause_start(s_text, clause_start - sentence.start - 5)
        subject_clause_start = sentence.start + _clause_start(s_text, trigger.start(), commas=False)
        window = self.text[modal_start:t_start] + (" " if rule.negated_trigger else self.text[t_start:t_end])
        if _modal(window, rule):
            return
        if re.search(r"(?i)\b(?:described|describing|called|calling|condemned|condemning|rejected|rejecting|criticized|criticised|"
                     r"denounced|denouncing|welcomed|defended|regretted|protested)\s+(?:the|this|that|its|their)\s+(?:\w+\s+)?$",
                     self.text[max(sentence.start, t_start - 40):t_start]) and re.match(r"(?i)[a-z]+(?:ion|ure|al)\b", trigger.group(0)):
            return  # "described the expulsion as ...": a reference to an act, spoken about, not its report
        if re.search(r"(?i)\bwhen\s+\w+\s+(?:is|are|will\s+be)\s+$", self.text[max(sentence.start, t_start - 30):t_start]):
            return  # "when he is sentenced at a later date": a future act
        if rule.state_level and UNNAMED_STATES.search(self.text[max(sentence.start, t_start - 60):t_start]):
            return  # "as one government after another recalled its ambassador": acts of unnamed states are not coded
        if rule.type == "RemovalFromOffice" and re.fullmatch(r"(?i)ousted|deposed|toppled", trigger.group(0)) and \
                re.match(r"\s+(?:[A-Z]|(?:\w+\s+)?(?:leader|president|prime minister|ruler)\b)", s_text[trigger.end():trigger.end() + 30]):
            return  # "Ousted Honduran leader Zelaya": an epithet, not the report of an act
        if rule.type == "EmbassyIncursion" and re.match(r"(?i)(?:raid|assault)\s+on", trigger.group(0)):
            owner = re.search(r"(\S+?)['’]s\s+$", s_text[:trigger.start()])
            by = re.match(r"[^.;]{0,40}?\bby\s+", s_text[trigger.end():])
            if not owner and not by:
                return  # "over the raid on its embassy": whose raid, the sentence does not say
        if rule.type == "CoupAttempt" and re.search(r"(?:involvement|participation|role|part|complicity|involved)\s+in\s+(?:\w+\s+){0,3}$|co-?author\s+of\s+(?:the\s+)?$|accused\s+of\s+(?:\w+\s+){0,3}$|supporting\s+(?:the\s+)?$|(?:called|calling|described|describing|labell?ed|branded|denounced|termed)\s+(?:[\w’'-]+\s+){0,4}(?:a|an|as)\s+(?:\w+\s+)?$",
                                                     s_text[:trigger.start()]):
            return
        before_trigger = self.text[max(sentence.start, t_start - 25):t_start]
        # "was expelled" is passive; "was breaking off relations" is a progressive, active
        progressive = bool(re.match(r"\w+ing\b", trigger.group(0)))
        passive = (bool(PASSIVE_BEFORE.search(before_trigger)) and not progressive) or bool(re.match(r"\s+by\b", self.text[t_end:t_end + 5])) \
            or bool(re.search(r",\s*(?:(?:who|which)\s+(?:is|was|has been|had been)\s+)?$", before_trigger)
                    and PARTICIPLE_TRIGGER.match(trigger.group(0)) and rule.type not in INTRANSITIVE
                    # "X, led by Y, refused to recognize": a verb taking an infinitive is a main verb
                    and not re.match(r"(?i)(?:refus|declin|agre|decid|sought|vot|fail|vow|promis)\w*\s+to\b", trigger.group(0))
                    # "X, sentenced to ...": a participle phrase; "X, Y, granted him asylum": a main verb with its object
                    and re.match(r"\S+\s+(?:to|for|of|in|on|by|with|over|from|after)\b", self.text[t_start:t_start + 30]))
        inside = [m for m in mentions if t_start <= m.start < t_end]
        # a bare demonym is an adjective ("Mexican President X", "Peruvian politics"), not an actor
        mentions = [m for m in mentions if m.kind != "demonym"]
        left = [m for m in mentions if m.end <= t_start]
        right = [m for m in mentions if m.start >= t_end]
        agent = target = None
        announced = None
        passive = passive or bool(re.search(r"\b(?:was|were|been)\s+\w+ed$", trigger.group(0))) \
            or bool(re.match(r"(?i)(?:who\s+)?(?:is|was|were|been|are)\s+accused|who\s+(?:is|was)\s+accused", trigger.group(0)))
        if passive:
            to_target = re.match(r"\s+to\s+", self.text[t_end:t_end + 6])
            subjects = _drop_relative_clauses(_outside_apposition(left, self.text, t_start), self.text, sentence.start, t_start)
            target = (_nearest([m for m in right if m.start - t_end < 12], rule.target, reverse=False) if to_target else None) \
                or _nearest(subjects, rule.target, reverse=True)
            by = re.search(r"\bby\s+", self.text[t_end:t_end + 80])
            if by:
                agent = _nearest([m for m in right if m.start >= t_end + by.end()], rule.agent + self._lifted(rule), reverse=False)
        else:
            candidates = _outside_apposition(left, self.text, t_start)
            in_clause = [m for m in candidates if m.start >= clause_start]
            in_sentence_clause = [m for m in candidates if m.start >= subject_clause_start]
            # the clause's subject: its first actor of a fitting kind; else the nearest before the trigger
            liftable = [m for m in in_clause if not (rule.state_level and m.type == "Person" and "Person" not in rule.agent
                                                     and self.gaz.state_of(self.person_posts.get(m.entity)) is None)]
            agent = _nearest(liftable, rule.agent + self._lifted(rule), reverse=False)
            clause_text = self.text[clause_start:t_start]
            security = re.search(r"\b(?:police|troops|soldiers|agents|officers|security\s+forces|forces|commandos)\b", clause_text, re.I)
            if agent is None and not rule.extra.get("not_by_a_person"):
                # the subject before a comma-bounded insertion: "Bolivia declared Mexico's ambassador, X, persona non grata"
                usable_clause = [m for m in in_sentence_clause if not (rule.state_level and m.type == "Person" and "Person" not in rule.agent
                                                                      and self.gaz.state_of(self.person_posts.get(m.entity)) is None)]
                first = _nearest(usable_clause, rule.agent + self._lifted(rule), reverse=False)
                if first is not None and first is not _nearest(usable_clause, rule.agent + self._lifted(rule), reverse=True) \
                        and re.search(r",\s*[A-ZÁÉÍÓÚ][^,]{2,40},\s*$|,\s*$", self.text[max(sentence.start, t_start - 60):t_start]):
                    agent = first
            if agent is None and (not rule.extra.get("not_by_a_person") or security):
                # incursions: the raider is in the clause, or the state whose police/troops went in
                usable = [m for m in candidates if not (rule.state_level and m.type == "Person" and "Person" not in rule.agent
                                                        and self.gaz.state_of(self.person_posts.get(m.entity)) is None)]
                agent = _nearest(usable, (STATE,) if security and rule.extra.get("not_by_a_person")
                                 else rule.agent + self._lifted(rule), reverse=True)
            if rule.extra.get("not_by_a_person"):
                subject = next((m for m in in_clause if m.type in ACTOR_TYPES), None)
                if subject is not None and subject.type in PERSON_TYPES:
                    return  # a person walking into an embassy is not a raid
            possessor = _possessor(left, self.text, t_start)
            if possessor is not None and possessor.type in rule.target and rule.type in TARGET_CENTRED:
                target, agent = possessor, (agent if agent is not possessor else None)
            if target is None and rule.extra.get("target_before"):
                near = [m for m in left if t_start - m.end < 60 and m is not agent]
                target = _nearest(near, rule.target, reverse=True)
                if target is not None and agent is target:
                    agent = None
            if target is None:
                target = _nearest(inside, rule.target, reverse=False) or self._target(rule, right, t_end)
            if target is None and rule.extra.get("target_before_fallback"):
                near = [m for m in left if t_start - m.end < 30 and m is not agent and m.type != STATE]
                target = _nearest(near, rule.target, reverse=True)
            if target is None and rule.type in TARGET_CENTRED:
                subjects = _drop_relative_clauses([m for m in left if m is not agent], self.text, sentence.start, t_start)
                target = _nearest(subjects, rule.target, reverse=True)
            if rule.type == "Recognition" and target is None and re.search(r"(?i)(?:government|regime|junta|authorities)$", trigger.group(0)):
                # "recognized the new military government": the government of the state the article is about
                state = self.focal_state_guess(self._state_id(agent)) if agent is not None else None
                if state:
                    organ = self.gaz.organ(state, "government")
                    target = Mention(t_start, t_end, organ.id, organ.type, trigger.group(0), "organ")
            if rule.type == "Recognition" and trigger.group(0).lower().startswith("whom"):
                target = _nearest(left, rule.target, reverse=True)
                agent = _nearest([m for m in mentions if m is not target], rule.agent, reverse=False)
        if re.match(r"(?i)decision|decide", trigger.group(0)):
            # "the Peruvian government's decision on whether ...": the decider is the possessor
            decider = _possessor(left, self.text, t_start)
            agent = decider if decider is not None and decider.type in rule.agent else None
        if agent is not None and agent.type == "Person" and (rule.state_level or rule.type == "PersonaNonGrataDeclaration") \
                and self.gaz.state_of(self.person_posts.get(agent.entity)) is None \
                and self.person_titles.get(agent.entity, set()) & GOVERNMENT_TITLES:
            # "Foreign Minister Jorge Arreaza ... declaring her persona non grata": an official whose state the
            # article leaves implicit acts for the state it is about (unless that state is the target's)
            focal = self.focal_state_guess(self._state_id(target) if target is not None else None)
            if focal and (target is None or self._state_id(target) != focal):
                announced, agent = agent.entity, Mention(agent.start, agent.end, focal, STATE, agent.surface, "lifted")
        if agent is not None and agent.type == "Person" and rule.state_level:
            state = self.gaz.state_of(self.person_posts.get(agent.entity))
            if state is None and "Person" not in rule.agent:
                agent = None
            elif state is not None:
                announced, agent = agent.entity, Mention(agent.start, agent.end, state, STATE, agent.surface, "lifted")
        if rule.type == "ExpulsionOfDiplomats" and agent is None and target is not None:
            post = self.gaz.entities.get(target.entity)
            mission = self.gaz.entities.get(post.attrs.get("post_in", "")) if post else None
            mission = mission or (post if post and post.type in ("Embassy", "DiplomaticMission") else None)
            host = mission.attrs.get("receiving_state") if mission else None
            if host:
                agent = Mention(target.start, target.end, host, STATE, target.surface, "host-state")
        if rule.type == "RecallOfAmbassador":
            envoys = [m for m in inside + right[:1] + left[-1:] if m.type == "Post"]
            post = self.gaz.entities[envoys[0].entity] if envoys else None
            mission = self.gaz.entities.get(post.attrs.get("post_in", "")) if post else None
            if mission is not None:
                agent = Mention(envoys[0].start, envoys[0].end, mission.attrs["sending_state"], STATE, envoys[0].surface, "envoy")
                if mission.attrs.get("receiving_state"):
                    target = Mention(envoys[0].start, envoys[0].end, mission.attrs["receiving_state"], STATE, envoys[0].surface, "envoy")
            own = [m for m in inside if m.type == STATE]
            if own and agent is None:
                agent = own[-1]
            if target is None and agent is not None:
                # "Argentina recalled its ambassador": from the state the article is about
                other = self.focal_state_guess(self._state_id(agent))
                if other:
                    target = Mention(t_start, t_end, other, STATE, "", "counterpart")
        if agent is None and rule.type in ("Charge", "Sentence", "Arrest"):
            by = re.match(r"[^.;]{0,25}?\b(?:from|by)\s+", self.text[t_end:t_end + 40])
            if by:
                agent = _nearest([m for m in right if m.start >= t_end + by.end() - 1], rule.agent, reverse=False)
            generic = GENERIC_ORGAN.search(self.text, subject_clause_start, t_start) \
                or JUDGE.search(self.text, subject_clause_start, t_start)
            if agent is None and by and generic is None and target is not None:
                # "was charged with treason by a military prosecutor": the organ named after "by"
                named = JUDGE.match(self.text, t_end + by.end()) or GENERIC_ORGAN.match(self.text, t_end + by.end())
                if named is not None:
                    agent = self._organ_acting_on(named, target, seat=None)
            elif agent is None and generic is not None and target is not None \
                    and re.fullmatch(r"\s*(?:in\s+[A-Z][\w ]{2,20}?\s+)?(?:,\s*who\s+)?(?:(?:had|have|has|later|then|also|formally|ordered)\s+)*(?:the\s+)?",
                                     self.text[generic.end():t_start]):
                # "Prosecutors had charged Zelaya", "a judge in La Paz ordered the arrest"
                seat = re.match(r"\s+in\s+(?P<place>[A-Z][\w]+(?:\s[A-Z][\w]+)?)", self.text[generic.end():t_start])
                agent = self._organ_acting_on(generic, target, seat=seat.group("place") if seat else None)
        if target is None and rule.type in ("ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"):
            # "declared two employees of the German embassy persona non grata": the embassy's state
            staff = next((m for m in mentions if m.type in ("Embassy", "DiplomaticMission") and m is not agent
                          and abs(m.start - t_start) < 80 and re.search(r"(?i)\b(?:employees|members|staff|officials|diplomats|"
                                                                        r"personnel|officers)\s+(?:of|at|from)\s+(?:the\s+)?$",
                                                                        self.text[max(sentence.start, m.start - 40):m.start])), None)
            sender = self.gaz.entities[staff.entity].attrs.get("sending_state") if staff is not None else None
            if sender and sender != self._state_id(agent):
                target = Mention(staff.start, staff.end, sender, STATE, staff.surface, "mission-state")
        if target is not None and target.type == "Post" and agent is not None and rule.type in (
                "ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"):
            # "Washington declared the Nicaraguan ambassador persona non grata": the envoy accredited to the declaring state
            post = self.gaz.entities[target.entity]
            mission = self.gaz.entities.get(post.attrs.get("post_in", ""))
            host = self._state_id(agent)
            if mission is not None and host in self.gaz.entities and self.gaz.entities[host].type == STATE \
                    and mission.attrs.get("receiving_state") not in (None, host) and mission.attrs.get("sending_state") != host:
                kind = "top diplomat" if post.label.lower().startswith("head") else "ambassador"
                envoy = self.gaz.envoy(mission.attrs["sending_state"], host, kind)
                target = Mention(target.start, target.end, envoy.id, envoy.type, target.surface, target.kind)
        if target is not None and target.kind == "pronoun" and rule.type in ("ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"):
            # "declared the Colombian ambassador persona non grata and ordered him to leave": the envoy
            # just named is the antecedent, not the article's protagonist
            envoy = next((m for m in reversed(left) if m.type == "Post" and m.end <= target.start), None)
            if envoy is not None and not any(m.type == "Person" and m.kind != "pronoun" and envoy.end <= m.start < target.start
                                             for m in left):
                target = envoy
        staff_of = None
        others_too: list[str] = []
        if target is None and rule.target and rule.target[0] in PERSON_TYPES:
            plural = PLURAL_PERSONS.search(self.text, t_start, min(sentence.start + len(s_text), t_end + 40))
            group = self._last_named_group(sentence.start) if plural else []
            if group:
                # "Mexico had granted the two men asylum": the persons just named together
                target = group[0]
                others_too = [m.entity for m in group[1:]]
        if rule.type == "ExpulsionOfDiplomats" and STAFF.search(self.text[t_start:t_end + 25]) \
                and (target is None or target.type in ("Post", STATE)):
            # "gave diplomatic staff 72 hours to exit": the staff of the mission whose envoy or
            # state the clause names, so the mission and its sending state
            envoy = target if target is not None else _nearest(left[-2:], ("Post",), reverse=True)
            post = self.gaz.entities.get(envoy.entity) if envoy is not None else None
            mission = self.gaz.entities.get(post.attrs.get("post_in", "")) if post is not None else None
            if mission is not None and mission.attrs.get("sending_state"):
                staff_of = mission.attrs["sending_state"]
                target = Mention(envoy.start, envoy.end, mission.id, mission.type, envoy.surface, "staff")
        if rule.type == "ExpulsionOfDiplomats" and target is not None and target.type in ("Post", STATE) and staff_of is None:
            named = next((m for m in mentions if m.type == "Person" and m.start > target.end and re.fullmatch(
                              r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?(?:ambassador|envoy|diplomat|chargé\s+d['’]affaires|consul))?\s*,\s*",
                              self.text[target.end:m.start], re.I)
                          or (m.type == "Post" and m.start > target.end and m.start - target.end < 4)), None)
            if named is not None and named.type == "Person":
                target = named  # "Lebanon's ambassador, Fawzi Kabbara,": the envoy named in apposition
            elif target.type == "Post":
                # an unnamed envoy ("expelled Venezuela's ambassador"): the post and the state it serves
                staff_of = self.gaz.state_of(target.entity)
        if agent is None and target is not None and rule.type == "RemovalFromOffice" \
                and re.search(r"(?i)\bimpeach", self.text[clause_start:t_end]):
            # impeachment is by definition the legislature's act: the one the registry knows for the
            # removed person's state (never a guessed one)
            state = self.gaz.state_of(self.person_posts.get(target.entity)) or self.person_states.get(target.entity) \
                or self.focal_state_guess(None)
            legislature = next((e for e in self.gaz.entities.values() if state and e.type == "Legislature"
                                and e.attrs.get("organ_of") == state and not e.new), None)
            if legislature is not None:
                agent = Mention(t_start, t_end, legislature.id, "Legislature", "", "implied")
        mission = next((m for m in mentions if m.kind == "mission" or m.type in ("Embassy", "DiplomaticMission")), None)
        if rule.target_from_mission and mission is None and (target is None or target.type != STATE):
            # "entered the Brazilian embassy": a mission of no known place still names its state
            unplaced = next((m for m in mentions if m.type == STATE and re.search(
                r"(?i)\b(?:embassy|consulate|legation|nunciature|ambassador['’]s\s+residence)\b", m.surface)), None)
            if unplaced is not None and (agent is None or unplaced.entity != self._state_id(agent)):
                target = Mention(unplaced.start, unplaced.end, unplaced.entity, STATE, unplaced.surface, "mission-state")
        if rule.target_from_mission and mission is not None and (target is None or target.type != STATE):
            sender = self.gaz.entities[mission.entity].attrs.get("sending_state")
            if sender and (agent is None or sender != self._state_id(agent)):
                target = Mention(mission.start, mission.end, sender, STATE, mission.surface, "mission-state")
        if rule.agent_from_mission and agent is None and mission is not None:
            sender = self.gaz.entities[mission.entity].attrs.get("sending_state")
            if sender:
                agent = Mention(mission.start, mission.end, sender, STATE, mission.surface, "mission-state")
        lift = agent is not None and (rule.state_level or rule.type == "PersonaNonGrataDeclaration") \
            and agent.type in (STATE, "Government", "GovernmentBody", "Person", "Embassy", "DiplomaticMission")
        agent_id = self._state_id(agent) if lift else (agent.entity if agent else None)
        if lift and agent.type in ("Government", "GovernmentBody") and agent_id != agent.entity:
            announced = announced or agent.entity
        target_id = target.entity if target else None
        if agent_id and target_id and agent_id == target_id:
            target_id = None
        if agent is not None and not target_id and rule.type in ("RestorationOfRelations", "SeveranceOfRelations", "DowngradeOfRelations"):
            partners = [m for m in _conjuncts(agent, mentions, self.text) if m.type == STATE]
            if len(partners) == 1:  # "A and B restored relations": with each other
                target, target_id = partners[0], partners[0].entity
                self._add_event(rule.type, target_id, self._state_id(agent) if lift else agent.entity, {}, sentence, index,
                                trigger, [partners[0], agent], rule.confidence - 0.1)
        if ("agent" in rule.needs and not agent_id) or ("target" in rule.needs and not target_id):
            if not self._anaphoric_merge(rule, agent_id, target_id, sentence, index, trigger):
                return
            return
        fields = {}
        if rule.place and mission is not None:
            fields["place"] = mission.entity
        if announced and announced != agent_id:
            fields["announced_by"] = announced
        self._fields(rule, sentence, trigger, fields, mentions)
        confidence = rule.confidence - (0.1 if not (agent_id and target_id) else 0) - (
            0.1 if any(m.kind in ("pronoun", "definite") for m in (agent, target) if m) else 0)
        self._add_event(rule.type, agent_id, target_id, fields, sentence, index, trigger, [agent, target], confidence)
        if agent is not None and agent.kind not in ("lifted", "mission-state", "host-state", "envoy"):
            for other in _conjuncts(agent, mentions, self.text):
                if other.type in rule.agent:
                    other_id = self._state_id(other) if lift else other.entity
                    if other_id and other_id != target_id:
                        self._add_event(rule.type, other_id, target_id, dict(fields), sentence, index, trigger,
                                        [other, target], confidence - 0.05)
        for extra in ([staff_of] if staff_of else []) + others_too:
            for e in self.events:
                if e.type == rule.type and index in e.sentences and target_id in e.target and extra not in e.target:
                    e.target.append(extra)

    def _last_named_group(self, before: int) -> list[Mention]:
        """'Juan Ramón Quintana and Héctor Arce left ...': the last persons named together, within two sentences."""
        since = self._sentence_start_before(before, 2)
        named = [m for m in self.mentions if since <= m.start < before and m.type == "Person" and m.kind in ("name", "alias")]
        for m in reversed(named):
            group = [m] + [c for c in _conjuncts(m, named, self.text) if c.type == "Person"]
            if len(group) >= 2:
                return sorted(group, key=lambda g: g.start)
        return []

    def _organ_acting_on(self, named: re.Match, target: Mention, seat: str | None) -> Mention | None:
        """A court, prosecutor or police named without their state: those of the state that seats them,
        else of the person they act on, else of the state the article is about."""
        state = (self._place_state(seat) if seat else None) or self.gaz.state_of(self.person_posts.get(target.entity)) \
            or self.person_states.get(target.entity) or self.focal_state
        if not state:
            return None
        organ = self.gaz.organ(state, _organ_word(named.group("organ")))
        return Mention(named.start(), named.end(), organ.id, organ.type, named.group(0), "organ")

    def _place_state(self, place: str) -> str | None:
        """The state a place name stands for or lies in ('La Paz' → Bolivia, 'Peru' → Peru)."""
        for target, kind in self.gaz.surfaces.get(place, []):
            entity = self.gaz.resolve(target)
            if kind == "capital":
                return entity.id if entity.type == STATE else self.gaz.state_of(entity.id)
            if entity.type == STATE:
                return entity.id
            if entity.type == "City" and entity.attrs.get("located_in"):
                return self.gaz.state_of(entity.attrs["located_in"]) or entity.attrs["located_in"]
        return None

    def _lifted(self, rule: Rule) -> tuple[str, ...]:
        return ("Person",) if rule.state_level else ()

    def _state_id(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        return self.gaz.state_of(self.person_posts.get(mention.entity, mention.entity)) or mention.entity

    def _target(self, rule: Rule, right: list[Mention], t_end: int) -> Mention | None:
        if STATE in rule.target:  # "from Mexico City": the capital's state
            right = [Mention(m.start, m.end, self.gaz.state_of(self.gaz.entities[m.entity].attrs.get("located_in")) or m.entity,
                             STATE, m.surface, "city-state") if m.type == "City" and self.gaz.entities[m.entity].attrs.get("located_in") else m
                     for m in right]
        # "Morales's chief of staff": the possessor is not the one the act is about
        allowed = [m for m in right if m.type in rule.target and not self.is_speaker(m)
                   and not re.match(r"['’]s\s+(?!government|administration|regime|rule\b)[a-z]", self.text[m.end:m.end + 20])]
        if not allowed:
            return None
        allowed = [m for m in allowed
                   if not re.search(r"\b(?:after|before|because|while|although|since|when|where|amid|over|following)\b|\bin\s+protest\b"
                                    r"|[;.]|,\s+(?:and|but|whereas)\s",
                                    self.text[t_end:m.start])]
        if not allowed:
            return None  # anything further is past the clause
        if rule.target_preps:
            for m in allowed:
                gap = self.text[t_end:m.start]
                if re.search(r"\b(?:" + "|".join(rule.target_preps) + r")\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+){0,4}$", gap, re.I) \
                        and len(gap) < 80:
                    return m
        first = allowed[0]
        if rule.type == "ExpulsionOfDiplomats" and first.type == STATE:
            # "gave Lebanon's ambassador, Fawzi Kabbara, 48 hours": the person, not the state that sent him
            person = next((m for m in allowed[1:3] if m.type in ("Person", "Post") and m.start - first.end < 40), None)
            first = person or first
        return first if first.start - t_end < 90 else None

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

    def _fields(self, rule: Rule, sentence: Sentence, trigger: re.Match, fields: dict, mentions: list[Mention]) -> None:
        s = sentence.text
        date = self.timeline.date_at(sentence.start + trigger.start())  # clause, sentence, then story time
        if date:
            fields["date"] = date
        if rule.type in ("Charge", "Sentence", "Arrest"):
            offences = sorted({m.group(1).lower() for m in OFFENCE_RE.finditer(s)})
            if offences:
                ids = []
                for offence in offences:
                    entity = self.gaz.add(Entity(slug(offence), "CriminalOffence", offence))
                    ids.append(entity.id)
                fields["charge"] = ids if len(ids) > 1 else ids[0]
            if rule.type != "Arrest":
                penalty = PENALTY_RE.search(s)
                if penalty and "year" in penalty.group(0):
                    fields["penalty"] = penalty.group(0).strip()
        if rule.type == "ExpulsionOfDiplomats":
            deadline = DEADLINE_RE.search(s)
            if deadline:
                fields["deadline"] = deadline.group(0)
        if rule.type == "PersonaNonGrataDeclaration":
            votes = VOTES_RE.search(s) or VOTES_TO_RE.search(s)
            if votes:
                v = {"for": int(votes.group(1)), "against": int(votes.group(2))}
                if votes.group(3):
                    v["abstain"] = int(votes.group(3)) if votes.group(3).isdigit() else NUMBER_WORDS[votes.group(3).lower()]
                fields["votes"] = v
        if rule.type in ("Recognition", "NonRecognition"):
            m = re.search(r"\b(?:as|the)\s+(?:the\s+)?legitimate\s+(president|government|leader)\b", s[trigger.start():], re.I)
            if m:
                target_state = next((self.gaz.state_of(x.entity) for x in mentions if x.start > sentence.start + trigger.start()
                                     and self.gaz.state_of(x.entity)), None) or self.focal_state
                if m.group(1).lower() == "president" and target_state:
                    fields["recognized_as"] = self.gaz.post(target_state, "President").id

    def _add_event(self, etype, agent_id, target_id, fields, sentence, index, trigger, args, confidence) -> Event:
        start, end, quote = _evidence(sentence, trigger.start(), trigger.end(), [a for a in args if a])
        for e in self.events:
            if e.type != etype:
                continue
            same_agent = not agent_id or not e.agent or agent_id in e.agent
            same_target = not target_id or not e.target or target_id in e.target
            if same_agent and same_target and (agent_id in e.agent or target_id in e.target):
                if agent_id and not e.agent:
                    e.agent.append(agent_id)
                if target_id and not e.target:
                    e.target.append(target_id)
                for k, v in fields.items():
                    e.fields.setdefault(k, v)
                keep_better_date(e.fields, fields.get("date"))
                if quote not in e.evidence:
                    e.evidence.append(quote)
                    e.spans.append((start, end))
                e.sentences.add(index)
                e.confidence = max(e.confidence, confidence)
                return e
        new_id = self._mint(etype, [agent_id] if agent_id else [], [target_id] if target_id else [])
        self.events.append(Event(new_id, etype, [agent_id] if agent_id else [], [target_id] if target_id else [],
                                 dict(fields), [quote], [(start, end)], {index}, confidence))
        return self.events[-1]

    def _mint(self, etype: str, agents: list[str], targets: list[str]) -> str:
        """An id scoped by the source (identity.py); the n-th act with the same parties gets -n."""
        n = 1
        while any(e.id == scoped_event_id(self.source_id, etype, agents, targets, n) for e in self.events):
            n += 1
        return scoped_event_id(self.source_id, etype, agents, targets, n)

    def _mint_unused(self, etype: str, agents: list[str], targets: list[str]) -> str:
        """A fresh id for an event the codebook re-coded (its old id named other parties)."""
        n = 1
        while any(e.id == scoped_event_id(self.source_id, etype, agents, targets, n) for e in self.events):
            n += 1
        return scoped_event_id(self.source_id, etype, agents, targets, n)

    def _military_coup(self, sentence: Sentence, index: int, mentions: list[Mention]) -> None:
        """'Soldiers seized power', 'the army ousted President X in a coup': a coup by the armed forces
        of the state whose leader they remove (the CoupAttempt rule covers a leader's own coup)."""
        text = sentence.text
        trigger = MILITARY_COUP.search(text)
        military = MILITARY_ACTOR.search(text)
        if trigger is None or military is None or RULES_BY_TYPE["CoupAttempt"].trigger.search(text):
            return
        clause_start = _clause_start(text, trigger.start())
        if _modal(text[clause_start:trigger.start()], RULES_BY_TYPE["CoupAttempt"]) or re.search(
                r"(?i)\b(?:accus\w+|alleg\w+|call(?:ed|s|ing)?|describ\w+|den(?:y|ies|ied))\b[^.;]{0,40}$", text[:trigger.start()]):
            return  # "called it a coup", "denied staging a coup": a characterisation, not the report of one
        persons = [m for m in mentions if m.type == "Person" and m.kind != "demonym"
                   and not (sentence.start + military.start() <= m.start < sentence.start + military.end())]
        # the removed leader: the person the soldiers acted on ("detained President X", "ousted X")
        acted_on = re.search(r"(?i)\b(?:detained|ousted|overthrew|toppled|deposed|arrested|removed|against)\s+", text)
        target = next((m for m in persons if acted_on and m.start >= sentence.start + acted_on.end()
                       and m.start - (sentence.start + acted_on.end()) < 40), None)
        if target is None:
            target = next((m for m in persons if re.match(r"\s+(?:was|were|had\s+been)\s+(?:ousted|overthrown|toppled|deposed)",
                                                          self.text[m.end:m.end + 30])), None)
        state = self.gaz.state_of(self.person_posts.get(target.entity)) if target is not None else None
        qualifier = re.search(r"(?P<state>\w+)(?:['’]s)?\s*$", text[:military.start()])
        if state is None and qualifier is not None:
            state = next((self.gaz.resolve(t).id for t, k in self.gaz.surfaces.get(qualifier.group("state"), [])
                          if self.gaz.resolve(t).type == STATE), None)
        state = state or self.focal_state
        if state is None:
            return
        agent = self.gaz.organ(state, "military")
        fields: dict = {}
        date = self.timeline.date_at(sentence.start + trigger.start())
        if date:
            fields["date"] = date
        self._add_event("CoupAttempt", agent.id, target.entity if target is not None else None, fields, sentence, index,
                        trigger, [target] if target is not None else [], 0.6)

    def _followers(self, sentence: Sentence, index: int, mentions: list[Mention]) -> None:
        """'Canada and Brazil followed within hours', 'Saudi Arabia does the same': the act just
        reported, by each state named (ellipsis.py finds the cues on the parse)."""
        if self._cues is None:
            starts = [s.start for s in self.sentences]
            self._cues = {}
            for cue in ellipsis_cues(self.doc):
                self._cues.setdefault(bisect.bisect_right(starts, cue.verb.idx) - 1, []).append(cue)
        for cue in self._cues.get(index, []):
            subjects = [f for token in cue.agents for f in self._token_index.fill(token, ["state"])]
            if not subjects:
                continue
            agents = {a for a, _ in subjects}
            earlier = [e for e in self.events if e.type in FOLLOWABLE and e.agent and not set(e.agent) & agents
                       and (min(e.sentences) < index or (min(e.sentences) == index and e.spans[0][0] < cue.verb.idx))
                       and index - max(e.sentences) <= 2]
            if not earlier:
                continue
            model = max(earlier, key=lambda e: (max(s for s in e.sentences if s <= index), e.spans[0][0]))
            etype = REFUSED.get(model.type) if cue.refused else model.type
            if etype is None:
                continue  # "declined to do the same" after a recall: no act of its own
            trigger = _Span(cue.verb.idx - sentence.start, cue.verb.idx + len(cue.verb.text) - sentence.start)
            fields = {k: v for k, v in model.fields.items() if k in ("recognized_as",)}
            date = self.timeline.date_for(cue.verb)
            if date:
                fields["date"] = date
            for agent, mention in subjects:
                if agent in model.target:
                    continue
                first = model.target[0] if model.target else None
                event = self._add_event(etype, agent, first, fields, sentence, index, trigger,
                                        [m for m in (mention,) if m is not None], round(model.confidence - 0.1, 2))
                event.target += [t for t in model.target[1:] if t not in event.target]

    # == tenures =======================================================================================
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


# == helpers =============================================================================================

def _clause_start(text: str, at: int, commas: bool = True) -> int:
    """Where the clause holding position ``at`` starts.  With ``commas`` every comma counts (for
    modality: "Before that could happen, she entered"); without, commas do not (for the subject:
    "Bolivia declared Mexico's ambassador, María Teresa Mercado, persona non grata")."""
    start = 0
    for m in CLAUSE_BREAK.finditer(text[:at]):
        if not commas and m.group(0) == ",":
            continue
        start = m.end()
    return start


def _conjuncts(mention: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """The other members of 'A and B' / 'A, B and C' around ``mention``."""
    ordered = sorted(mentions, key=lambda m: m.start)
    i = next((k for k, m in enumerate(ordered) if m is mention), None)
    if i is None:
        return []
    found = []
    k = i
    while k + 1 < len(ordered) and re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s+", text[ordered[k].end:ordered[k + 1].start]):
        found.append(ordered[k + 1])
        k += 1
    k = i
    while k > 0 and re.fullmatch(r"\s*(?:,|,?\s+and)\s+", text[ordered[k - 1].end:ordered[k].start]):
        found.append(ordered[k - 1])
        k -= 1
    return found


#: acts whose verb takes no object: "X, Y, resigned on Friday" is active, never a participle phrase
INTRANSITIVE = {"Resignation", "AsylumRequest", "Candidacy", "CoupAttempt"}

#: events about what happened to a person: "Castillo's arrest" names the arrested, not the arrester
TARGET_CENTRED = {"Arrest", "Charge", "Sentence", "RemovalFromOffice", "Resignation"}


def _possessor(left: list[Mention], text: str, t_start: int) -> Mention | None:
    """'Castillo’s swift arrest': the mention right before the trigger, in the possessive."""
    if not left:
        return None
    last = left[-1]
    return last if re.fullmatch(r"['’]s\s+(?:[a-z-]+\s+){0,2}", text[last.end:t_start]) else None


#: unnamed members of a mission: whose staff they are, the clause's envoy or mission says
STAFF = re.compile(r"\b(?:diplomatic|embassy|mission)\s+(?:staff|personnel)\b|\b(?:its|the\s+embassy['’]s)\s+staff\b", re.I)
#: a coup by soldiers, and who carried it out
MILITARY_COUP = re.compile(r"(?i)\b(?:seized|seize|seizing|took|taking)\s+power\b|\b(?:military\s+)?coup\b(?!\s+(?:attempt|plot))"
                           r"|\b(?:overthrew|toppled)\b")
MILITARY_ACTOR = re.compile(r"(?i)\b(?:army|military|soldiers|troops|armed\s+forces|officers|generals|presidential\s+guard|junta|putschists)\b")
RULES_BY_TYPE = {r.type: r for r in RULES}
#: persons referred to together: "the two men", "both ministers", "them"
PLURAL_PERSONS = re.compile(r"(?i)\b(?:the\s+(?:two|three|four)\s+(?:men|women|ministers|officials|politicians|former\s+ministers)"
                            r"|both\s+(?:men|women|ministers)|the\s+pair|them)\b")
#: titles of those who act for a state
GOVERNMENT_TITLES = {"president", "interim president", "prime minister", "foreign minister", "foreign affairs minister",
                     "minister of foreign affairs", "minister", "vice president", "interior minister", "defense minister",
                     "defence minister", "justice minister", "deputy foreign minister", "secretary of state", "chancellor"}
#: "Canada and Brazil followed within hours", "Chile did the same": the act just reported, by others
#: unnamed states as the subject right before a verb: "one government after another", "six other countries"
UNNAMED_STATES = re.compile(r"(?i)\b(?:one\s+(?:government|country|state|capital)\s+after\s+another|(?:several|many|some|other|"
                            r"two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:other\s+)?(?:governments|countries|states|nations))"
                            r"\s+(?:\w+\s+){0,2}$")


def _drop_relative_clauses(mentions: list[Mention], text: str, start: int, end: int) -> list[Mention]:
    """'X, who served under Y, was accused': Y sits in a relative clause and is not the subject."""
    spans = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:who|which|whose|whom)\b[^,]*,", text[start:end])]
    kept = [m for m in mentions if not any(a <= m.start - start < b for a, b in spans)]
    return kept


def _outside_apposition(left: list[Mention], text: str, t_start: int) -> list[Mention]:
    """'Chávez, sentenced ... to Pedro Castillo's attempt, sought refuge': the subject is before the
    comma-bounded insertion that ends right before the trigger."""
    before = text[:t_start].rstrip()
    if not before.endswith(","):
        return left
    close = len(before) - 1
    open_ = text.rfind(",", 0, close)
    if open_ < 0:
        return left
    segment = text[open_ + 1:close].strip()
    if any(m.start >= open_ and m.end <= close and len(segment) - (m.end - m.start) <= 4 for m in left):
        return left  # "Lebanon's information minister, George Kordahi, resigned": the name is the subject
    kept = [m for m in left if m.end <= open_]
    return kept or left


def _modal(window: str, rule: Rule) -> bool:
    found = MODALITY.search(window)
    return found is not None


def _nearest(mentions: list[Mention], types: tuple[str, ...], reverse: bool) -> Mention | None:
    ordered = reversed(mentions) if reverse else mentions
    for m in ordered:
        if m.type in types:
            return m
    return None


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
