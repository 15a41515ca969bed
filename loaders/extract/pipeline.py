"""Article text → proposed claims in the curated format, each with its evidence and confidence.

The pipeline: sentences → actor mentions (gazetteer, titles, organs, missions, pronouns) →
events from the frames on the dependency parse (frame_events.py), then from the remaining
regular-expression rules (rule_events.py) → arguments resolved to their states (actors.py) → dates
resolved against the story's time → one event per real-world act within the article (events.py)
→ claims (curated format, ``extraction: extracted``).  Offline and deterministic.
"""

from __future__ import annotations

import bisect
import gc

from ..schema import EntityRecord
from . import stages
from .acronym_pronouns import repair_acronym_pronouns
from .act_grounds import ActGrounds
from .actors import ActorResolver
from .answered_requests import AnsweredRequests
from .article_mentions import MentionFinder
from .bare_persons import BarePersons
from .charged_accusations import accusations_charged
from .codebook import apply_codebook
from .confidence import set_confidences
from .coup_groups import one_coup_per_leader
from .dating import StoryTimeline
from .declared_states import mint_declared_states
from .described_persons import DescribedPersons
from .envoy_identity import named_declarations
from .events import Event, EventBook, Extraction
from .expelled_envoys import envoys_of_expelled_states
from .followed_statements import FollowedStatements
from .frame_events import FrameCoder
from .gazetteer import Gazetteer, Mention
from .governments import GovernmentDescriber
from .heading_states import HeadingStates
from .headline_expulsions import declared_in_story
from .honorific_names import HonorificNames
from .kin_groups import kin_group, named_speakers_only
from .legal import grants_answer_requests, refusals_answer_requests
from .legal_identity import (
    removals_in_coups,
    standing_charges_told_again,
    standing_detentions_told_again,
)
from .listed_names import ListedNames
from .mentions import TokenMentions
from .names import NameFinder
from .parse import parse
from .patron_states import PatronStates
from .relative_denials import RelativeDenials
from .repeated_acts import drop_assembly_fields
from .rule_events import RuleCoder
from .ruled_states import RuledStates
from .rules import RULES
from .safe_conduct_groups import one_act_for_several
from .self_named_forces import forces_as_named, self_named_force
from .sentences import split_sentences
from .statements import StatementCoder
from .story_links import not_a_report
from .text import Article
from .title_coreference import TitleCoreference
from .title_owners import TitleOwners
from .titled_states import TitledStates
from .told_agents import agents_told_nearby
from .verdict_readings import verdicts_read

#: the collector's first threshold while an article is read: an extraction keeps thousands of small
#: objects (tokens, spans, mentions) until the article is done, and at Python's default (700) the
#: collector walked them some 300 times over the development articles, a tenth of the extraction's
#: time; the article's garbage is still collected, in a few larger passes
ARTICLE_GC_THRESHOLD = 10_000


def extract(article: Article, registry: dict[str, EntityRecord], source_id: str, doc=None) -> Extraction:
    """Propose the claims of one article (``doc``: its parse, when the caller parsed it already)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], ARTICLE_GC_THRESHOLD), *before[1:])
    try:
        return _Extractor(article, registry, source_id, doc).run()
    finally:
        gc.set_threshold(*before)


class _Extractor(RuleCoder, FrameCoder, GovernmentDescriber, ActorResolver, EventBook, StatementCoder, NameFinder, MentionFinder,
                 HeadingStates, PatronStates, RuledStates, TitleOwners, TitleCoreference, DescribedPersons, BarePersons, HonorificNames,
                 ListedNames, AnsweredRequests, TitledStates, FollowedStatements, ActGrounds, RelativeDenials):
    def __init__(self, article: Article, registry: dict[str, EntityRecord], source_id: str, doc=None) -> None:
        self.article = article
        self.text = article.text
        # one parse per article, for every stage; a caller's parse is copied, for the repairs change heads
        # in place and a second extraction on it must read the parse the first one read
        self.doc = doc.copy() if doc is not None else parse(self.text)
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
        self.dictionary_states: dict[str, str | None] = {}  # person id → the actor dictionary's state (actors.py)
        self.acting_persons: tuple[int, frozenset[str]] | None = None  # (mentions seen, persons made a clause's subject): actors.py
        self._alone: dict[str, list[int]] | None = None
        self.framed: set[tuple[str, int]] = set()   # (event type, sentence index) the frames coded
        # id() of frame events whose agent no word told (told_agents.py), with the event: kept alive, so that no
        # event made later takes a dropped one's id (an id is reused once its object is freed)
        self.guessed_agents: dict[int, Event] = {}
        self._sorted_starts: tuple = (None, None, None)  # (list, length, starts): for _mentions_in
        self.guessed_organs: dict[str, str] = {}
        self.title_owner_states: dict[tuple[int, int], str] = {}  # an office description's span → the state owning it ("Kenya's interior minister")
        self._token_index: TokenMentions | None = None
        self.counted_groups: dict[int, list[str]] = {}   # "the pair" (its end) → the persons it stands for (statement_targets.py)
        self._cues: dict | None = None                 # sentence index → ellipsis cues (ellipsis.py)
        self.regime_bodies: dict[int, str] = {}        # offset of "the junta" → the body it is (governments.py)
        self.recognised_owners: dict[int, str] = {}    # offset of "Amin's regime" → Amin, what a recognition recognises (governments.py)
        self.seizure_told: tuple[str | None] | None = None   # (the state of the first seizure of power told,)
        self.coup_told: bool | None = None   # whether the article reports an accomplished coup (coups.py)
        self.coup_groups: dict[str, str] = {}  # a coup's group of men minted → the state it acts in (coup_groups.py)
        # id() of coups told only by a leader's detention (frame_events.py), with the coup: kept alive, as guessed_agents
        self.coups_by_detention: dict[int, Event] = {}
        self.hosts_guessed: set[str] = set()        # events whose agent, an envoy's host, was found in what came before

    # == driver ========================================================================================
    def run(self) -> Extraction:
        repair_acronym_pronouns(self.doc)   # "WHO said": a name, not the pronoun (acronym_pronouns.py)
        mint_declared_states(self.doc, self.gaz)   # "Transkei was declared independent": a state from here on
        self._persons_honorific()         # "Sheikh Hasina (Wazed)": the honorific no part of the name (honorific_names.py)
        self._persons_from_titles()
        self._persons_untitled()
        self._persons_cut_by_parse()      # "X and Harun Said ... Said", "In Tashkent, Rashid X and ...": names the parse cut (bare_persons.py)
        self._persons_from_entities()
        self._persons_described()         # "X, the Fijian dictator", "Mrs X" (described_persons.py)
        self._persons_bare()              # "Lucio Ortiz took refuge ...": untitled, in an argument slot (bare_persons.py)
        self._persons_listed()            # "the activists X, Agnes Chow and Y": a list's members (listed_names.py)
        self._organisations()
        self._find_mentions()
        self._titled_states()             # "the Turkish Republic of Northern Cyprus": one name (titled_states.py)
        self._nationalities()
        self._persons_from_headings()
        self._officials_of_patrons()      # "Correa's foreign minister, X": after the patrons' states (patron_states.py)
        self._officials_of_owners()       # "Lithuania recalled its ambassador, X", "a spokesman for the ministry" (title_owners.py)
        self._officials_of_offices_told()  # "Turkey's ambassador ... Ambassador X said" (title_coreference.py)
        self._rulers_of_possessed_states()  # "Orbán's Budapest" (ruled_states.py)
        self._government_descriptions()   # after the persons' states: "General X's regime" (governments.py)
        self._frame_events()
        for index, sentence in enumerate(self.sentences):
            if not_a_report(sentence.text, self.text, sentence.start):
                continue  # questions, FAQ answers and links to other stories are not reports of events
            in_sentence = self._mentions_in(sentence.start, sentence.end)
            for rule in RULES:
                if (rule.type, index) in self.framed:
                    continue  # the frames coded this type in this sentence on its structure
                self.proposing = stages.rule(rule.type)
                for trigger in rule.trigger.finditer(sentence.text):
                    self._event(rule, sentence, index, trigger, in_sentence)
            self._statement(sentence, index, in_sentence)   # (each Statement names its own stage: statements.py)
            self.proposing = stages.FOLLOWERS
            self._followers(sentence, index, in_sentence)
            self.proposing = stages.MILITARY_COUP
            self._military_coup(sentence, index, in_sentence)
        self.proposing = stages.ANSWERED_REQUESTS
        self._answered_requests()         # "... asked for asylum. Mexico granted it." (answered_requests.py)
        self.events = agents_told_nearby(self.events, self.guessed_agents)
        self._agent_from_the_acted_on()
        self.events = refusals_answer_requests(grants_answer_requests(self.events), self._host_state)
        self.events = one_act_for_several(self.events)   # "gave them safe conduct": one grant (safe_conduct_groups.py)
        self.events = self._coup_targets(self.events)  # frame_events.py
        self.events = one_coup_per_leader(self.events, self._coup_state, self.coup_groups, self.coups_by_detention)
        entities = self.gaz.entities
        # "the officers, who call themselves the Supreme Council ...": that council is the forces (self_named_forces.py)
        self.events = forces_as_named(self.events, self_named_force(self.doc, self.mentions), lambda i: (
            entities[i].attrs.get("organ_of") if i in entities and i.startswith("armed-forces") else self.coup_groups.get(i)),
            lambda at: ((self.timeline.date_at(at) or {}).get("value") or "")[:4] or None)
        self.events = removals_in_coups(self.events, lambda i: entities[i].type if i in entities else None,
                                        lambda i: i in entities and entities[i].new and not entities[i].attrs.get("organ_of"))
        self.events = apply_codebook(self.events, self.gaz, self._actor_state, self._mint)
        self.events = standing_charges_told_again(self.events)   # "she faces charges": the charge told elsewhere
        self.events = standing_detentions_told_again(self.events)   # "she remains in custody": the arrest told elsewhere
        self._act_grounds()               # "broke off relations, accusing X of ...": the grounds (act_grounds.py)
        self._relative_denials()          # "accused X of ..., which Y denies": Y's denial (relative_denials.py)
        self.events = named_declarations(self.events, lambda i: i in entities and entities[i].type == "Person",
                                         self._person_served)
        self.events = envoys_of_expelled_states(self.events, lambda i: i in entities and entities[i].type == "Person")
        self.events = declared_in_story(self.events, self._person_served, self.sentences, self.text)  # headline_expulsions.py
        # "his aides say", "Thompson's family has said": unnamed speakers, no Statement (kin_groups.py)
        self.events = named_speakers_only(self.events, lambda i: i in entities and entities[i].type == "Group"
                                          and entities[i].new and kin_group(entities[i].label))
        self.events = verdicts_read(self.events, self.doc)  # "Reading the verdict, Judge X said ...": the ruling (verdict_readings.py)
        self.events = accusations_charged(self.events)  # "prosecutors accused X of ...": the Charge only (charged_accusations.py)
        self._fold_continued_remarks()    # a speaker's continued remarks on one target: one Statement (continued_remarks.py)
        drop_assembly_fields(self.events)  # the kinds and marks served the assembly only
        self._tenures()  # after the codebook, whose re-coding mints new event ids the tenures point to
        set_confidences(self)  # the learned confidence, read from how each event was found (confidence.py)
        used = self._used_test()
        new = [e for e in self.gaz.entities.values() if e.new and used(e.id)]
        return Extraction(self.article, self.source_id, self.sentences, self.events, self.tenures, new)

    def _person_served(self, person: str) -> str | None:
        """The state a person serves: their post's, or that of a post the article titles them with."""
        return self._actor_state(person) or next(
            (state for _, _, holder, post in self.title_spans if holder == person and post
             for state in [self._actor_state(post)] if state), None)

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

