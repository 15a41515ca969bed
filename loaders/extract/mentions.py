"""Mentions onto tokens: the article's actor mentions (found by the gazetteer: registry entities,
ISO countries, demonyms, capitals, titles, organs, missions, resolved pronouns) aligned with the
parse, so that an argument token resolves to the actor it names, through the noun phrase around it
(compounds, appositions, "of" phrases, demonyms, possessors) and fanning out over lists.

Seats of government and ministry buildings ("the Itamaraty", "the Quai d'Orsay") act for their
state: they are added here as mentions of that state when the gazetteer has not named them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from .abroad_places import place_abroad
from .actor_phrase import GOVERNMENT_WORDS, ORGAN_WORDS, OWN_STATE_NOUNS, phrase_words
from .comma_lists import comma_listed
from .coref_lexicon import GROUP_DETERMINERS
from .frame_file import KIND_TYPES
from .gazetteer import Mention
from .governments import description
from .interview_answers import interview_of, interviewee_token
from .mentions_before import GROUP_NOUNS, MentionsBefore
from .modality import speaker
from .person_groups import (  # "both officers", "them": persons named together before
    counted_persons,
    listed_persons,
    members_named_after,
)
from .quote_sources import inside_quotation
from .state_groups import members_of_described, states_listed
from .tree import (
    SUBJECTS,
    acted_on_states,
    doc_text,
    fan_out,
    prep_objects,
)
from .tree import children as tree_children
from .world import DEMONYM_WORDS, SEATS_OF_GOVERNMENT, SECURITY_ORGANS, state_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: seats of government and named state organs: each stands for its state ("the Kremlin", "the FSB")
STATE_STAND_INS = {**SEATS_OF_GOVERNMENT, **SECURITY_ORGANS}
SEAT_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(STATE_STAND_INS, key=len, reverse=True)) + r")(?![\w-])")

#: mention types that act for a state where a state is asked for
FOR_A_STATE = ("State", "Government", "GovernmentBody", "Court", "Post", "Person", "Embassy", "DiplomaticMission", "Legislature", "City")

AUTHORITIES = ("Government", "GovernmentBody", "Court", "Legislature", "City")


def seat_mentions(text: str, state: Callable[[str], str], taken: list[Mention],
                  when: Callable[[int], str | None] | None = None) -> list[Mention]:
    """Mentions of seats of government not already covered by another mention; ``when(offset)`` is
    the story's time there (ISO), for seats that stood for another state then ("the Kremlin" in 1970)."""
    out = []
    for m in SEAT_RE.finditer(text):
        if any(t.start <= m.start() < t.end for t in taken):
            continue
        code = state_at(m.group(0), when(m.start()) if when else None, STATE_STAND_INS[m.group(0)])
        if code:
            out.append(Mention(m.start(), m.end(), state(code), "State", m.group(0), "seat"))
    return out


#: pronouns that, as the subject of reported speech, stand for its speaker ("said it had cut ties")
REPORTING_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
#: the subjects that, in an interview's answer, are the one interviewed (interview_answers.py)
INTERVIEWEE_PRONOUNS = frozenset({"i", "we"})
PLURAL_SPEAKER_PRONOUNS = frozenset({"they", "we"})


def structure_objects(verb: Token) -> list[Token]:
    """What a verb acts on or goes into: its object, its passive subject, the object of "into"."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + prep_objects(verb, "into")


#: plural nouns that, made definite ("those three countries", "the two entities", "both governments"),
#: words that count a plural of governments or states without naming them ("only three governments",
#: "several countries", "most states"): unnamed states, whose acts the codebook does not code
COUNTING_WORDS = frozenset({"several", "many", "some", "few", "most", "other", "various", "dozens", "numerous"})


def counted(noun: Token) -> bool:
    """Whether a plural noun is counted rather than named ("three governments", "several countries")."""
    return noun.tag_ in ("NNS", "NNPS") and not any(c.lower_ in GROUP_DETERMINERS for c in noun.children) and any(
        c.dep_ == "nummod" or c.lower_ in COUNTING_WORDS for c in noun.children)


class TokenMentions(MentionsBefore):
    """The mentions of one parsed article, by token."""

    def __init__(self, doc: Doc, mentions: list[Mention], state_of: Callable[[str], str | None],
                 home_state: str | None = None) -> None:
        self.doc = doc
        self.state_of = state_of
        self.home_state = home_state   # the state the article is about, for "the government" unnamed
        self.home_state_clear = True   # False: the article names two states as often (a tie, no home)
        self.home_counterpart_clear = True   # the same, a tie broken by the states' cities named
        self.legal_state: str | None = None  # the state whose organs acted in the legal acts told so far (organs.py)
        self.legal_person: tuple | None = None  # (person, mention) the last legal act told was done to (a timeline's subject)
        self.dateline_state: Callable[[], str | None] | None = None  # the state of the dateline's place (organs.py)
        self.seized_state: Callable[[], str | None] | None = None  # where the article says power was seized (governments.py)
        self.office_state: Callable[[str], str | None] | None = None  # a person's state from their office (organs.py)
        self.place_state: Callable[[str], str | None] | None = None  # a place name's state, where the caller knows
        self.city_state: Callable[[Token], str | None] | None = None  # a city's state, from the world's cities (world_cities.py)
        self.host_state: Callable[[str], str | None] | None = None   # an envoy's or mission's receiving state
        self.office_host: Callable[[str], str | None] | None = None  # the receiving state of a person's post
        self.regimes: dict[int, str] = {}   # offset of a government described ("the junta") → its body (governments.py)
        self.envoy_person: Callable[[str], bool] | None = None      # whether the article titled a person an envoy
        self.declared_envoys: dict[str, str] = {}   # a person declared persona non grata or expelled → the state that did (declared_envoys.py)
        self.plural_pronouns: dict[int, tuple[str, ...]] = {}   # offset of "they"/"their" → the list it stands for (coref.py)
        self.described_states: dict[int, str] = {}   # end offset of "the regime", "the government" → coref's state
        self.head_person: Callable[[str], bool] | None = None       # whether the article titled a person a head of state or government
        self.person_named: Callable[[Token], list] | None = None  # the person a proper name names, minted if new (frame_events.py)
        self._by_token: dict[int, Mention] = {}
        for mention in mentions:
            if not mention.entity:
                continue  # an unresolved pronoun or description names nobody
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self._by_token.setdefault(token.i, mention)
        self.interview = interview_of(doc, doc_text(doc))
        # the one interviewed: as the interview's cue tells it, or the last person its lead names
        self.interviewee = interviewee_token(doc, self.interview) if self.interview is not None else None
        if self.interviewee is not None and self.interviewee.pos_ == "PRON":
            self.interviewee = None   # "we spoke to her": she is the lead's last person
        if self.interviewee is None and self.interview is not None:
            persons = [m for m in mentions if m.entity and m.type == "Person" and m.end <= self.interview.intro_end]
            told = max(persons, key=lambda m: m.start) if persons else None
            last = doc.char_span(told.start, told.end, alignment_mode="expand") if told is not None else None
            self.interviewee = last.root if last is not None and len(last) else None

    def at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def fill(self, token: Token, kinds: list[str], home: bool = False) -> list[tuple[str, Mention]]:
        """The actors a role's head token names, one per conjunct, as (entity id, mention), taking
        the first kind of the list that fits.  With ``home``, an unnamed government body is the
        article's own state (for agents: recognising "the new government" is not recognising a state)."""
        out: list[tuple[str, Mention]] = []
        for conjunct in self._speakers_fanned(token) if home else fan_out(token):
            for kind in kinds:
                # a group reference fills what is acted on; an agent that is "those governments" is
                # mostly ordered or asked to act ("ordered those governments to pull their diplomats")
                # (a group as the subject acts itself: "the four countries cut ties with Doha")
                found = self._fill_one(conjunct, kind, home) or (
                    self.group(conjunct, kind) if not home or conjunct.dep_ == "nsubj" else []) \
                    or self._legislature_of_members(conjunct, kind) or counted_persons(self, conjunct, kind) \
                    or listed_persons(self, conjunct, kind) or members_named_after(self, conjunct, kind) \
                    or states_listed(self, conjunct, kind, GROUP_NOUNS) \
                    or members_of_described(self, conjunct, kind, GROUP_NOUNS)  # "Twenty states ..., among them X and Y"
                if not found and home and kind in ("state", "authority") and not self._names_its_state(conjunct):
                    lemma = conjunct.lemma_.lower()
                    if lemma in GOVERNMENT_WORDS | ORGAN_WORDS:
                        # "the foreign minister of Belize said the government had decided ...": the speaker's
                        found = self._speakers_state(conjunct)
                    if not found and lemma in GOVERNMENT_WORDS and self._named_after_person(conjunct):
                        # "Indonesia accused China. The Suharto government cut ties": the one state acting just before
                        found = [f for f in self.subject_state_before(conjunct) if f[0] not in self._related_states(conjunct)]
                    if found:
                        pass
                    elif lemma in GOVERNMENT_WORDS and (self.home_state or self._dateline()) and not counted(conjunct):
                        # (no state named in the article: the dateline's, "BAGHDAD — The government expelled ...")
                        state = self.home_state or self._dateline()
                        # (the clause of the pronoun a speaker was reached through is the act's: "BAKU - The
                        # ministry said it had expelled four Iranian diplomats", not the speech's)
                        if state in (acted := self._acted_on_states(conjunct) | self._acted_on_states(token)):
                            # "Australia condemned the coup in Fiji. The regime expelled the Australian envoy":
                            # no state acts on its own envoy: the state coref put in focus for it, if it has one,
                            # else the dateline's ("BAGHDAD — The government broke off relations with Sweden")
                            # (not for a person's government, "the government of X": whose, the dateline does not tell)
                            dateline = None if self._named_after_person(conjunct) else self._dateline()
                            described = self.described_states.get(conjunct.idx + len(conjunct.text))
                            # (a junta is given the state it rules by coref, coref_descriptions._ruled_state)
                            state = next((s for s in (described, dateline) if s and s not in acted), None) \
                                or described or state
                        if self._named_after_person(conjunct) and state in self._related_states(conjunct):
                            # "President X's government broke off relations with Chile": not Chile's own, the
                            # other party's, as for a titled official of no state (titled_officials.py)
                            state = None
                        found = [(state, None)] if state else []
                    elif lemma in ORGAN_WORDS and not _international(conjunct):   # (no state's: "the International Criminal Court")
                        state = self._organ_city(conjunct) or self._state_where_organ_acts(conjunct)
                        found = [(state, None)] if state else []
                if found:
                    out += [f for f in found if f[0] not in {o[0] for o in out}]
                    break
        return out

    def _dateline(self) -> str | None:
        return self.dateline_state() if self.dateline_state is not None else None

    def _acted_on_states(self, subject: Token) -> set[str]:
        return acted_on_states(subject, self._states_named_at)

    def _states_named_at(self, token: Token) -> set[str]:
        mention = self.at(token)
        if mention is None or mention.type == "Person" or mention.kind in ("state-ref", "pronoun"):
            return set()
        return {self.state_of(mention.entity)}

    def _speakers_fanned(self, token: Token) -> Iterator[Token]:
        """An agent's conjuncts, a reported pronoun its speaker ("the ministry said it had cut ties");
        "they"/"we" for a list of speakers, each of them ("Chile and Peru said they had recalled ...")."""
        for conjunct in fan_out(token):
            speaker_token = self._speaker_for_pronoun(conjunct)
            if speaker_token != conjunct and conjunct.lower_ in PLURAL_SPEAKER_PRONOUNS:
                yield from fan_out(speaker_token)
            else:
                yield speaker_token

    def _speaker_for_pronoun(self, token: Token) -> Token:
        """'The ministry said it had cut ties', 'the president said he was recalling his ambassador':
        a subject pronoun no mention resolved, in a clause reported under a speech verb, is its speaker;
        "we" and "I" in an interview's answer are the one interviewed."""
        if token.lower_ in INTERVIEWEE_PRONOUNS and self.interviewee is not None and token.dep_ in SUBJECTS \
                and self.at(token) is None and self.interview.answer_at(token.idx) \
                and not inside_quotation(token.doc.text, token.sent.start_char, token.idx):   # a quotation has its own speaker
            return self.interviewee
        own = token.pos_ == "NOUN" and token.lemma_.lower() in OWN_STATE_NOUNS and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our") for c in token.children)  # "his country"
        if not (own or (token.pos_ == "PRON" and token.lower_ in REPORTING_PRONOUNS)) \
                or token.dep_ not in SUBJECTS or self.at(token) is not None:
            return token
        said_by = speaker(token.head)
        return said_by if said_by is not None and said_by.i != token.i and said_by.pos_ != "PRON" else token

    def _speakers_state(self, body: Token) -> list[tuple[str, Mention]]:
        """An unnamed government or organ as the subject of a clause reported under a speech verb
        ("Pakistan's ministry confirmed that police had detained ...") acts for the speaker's state."""
        if body.dep_ not in SUBJECTS or any(c.dep_ in ("amod", "compound", "poss") for c in body.children):
            return []
        said_by = speaker(body.head)
        if said_by is None or said_by == body:
            return []
        # "X says police beat him": the one acted on telling of it speaks for no state's organs
        acted_on = {e for c in body.head.children if c.dep_ in ("dobj", "nsubjpass") for e, _ in self._fill_one(c, "person")}
        if acted_on and acted_on & {e for e, _ in self._fill_one(said_by, "person")}:
            return []
        said = [f for f in self._fill_one(said_by, "state") if f[1] is not None][:1]
        # "X, an American, has been in a Venezuelan jail. A judge sentenced him, the State Department said": a
        # state telling of its own national the passage put abroad tells of another state's organs (the one
        # organs.implied_state finds); at home, of its own ("Uganda said police had arrested X, a Ugandan")
        home = {self.state_of(e) for e in acted_on}
        if said and said[0][0] in home and place_abroad(body.head, sorted(acted_on), self, home):
            return []
        return said

    def _organ_city(self, organ: Token) -> str | None:
        """'A court in Pskov', 'a Tver court', 'investigators in Tomsk': the state of the city the
        organ's phrase names, a city the gazetteer lacks (world_cities.py)."""
        if self.city_state is None:
            return None
        places = [c for c in organ.children if c.dep_ == "compound" and c.i < organ.i] + prep_objects(organ, "in")
        # (our own list first: "prosecutors in Virginia" is the American state, not a South African town)
        found = ((self.place_state(p.text) if self.place_state is not None else None) or self.city_state(p, True)
                 for p in places)
        return next((s for s in found if s), None)

    def _state_where_organ_acts(self, organ: Token) -> str | None:
        """'police arrested X in Lomé', 'police entered the embassy in Quito': the state where the organ's
        act takes place, when the clause names it.  The nationality of the one acted on is weighed later,
        by organs.implied_state, after the passage's state and the dateline's ("LONDON — Iran has held
        the British aid worker X since 2016. A court sentenced her" is Iran's court)."""
        verb = organ.head
        if organ.dep_ == "pobj" and verb.dep_ == "agent":
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        # "X, a Ghanaian trader, says police arrested him in Lomé": the place the clause names comes before
        # the nationality of the one acted on (a foreigner is held where he is, organs.py)
        from .act_places import (
            place_of_act,  # (act_places reads this index: imported here, where it is used)
        )
        placed = place_of_act(verb, [], self)
        if placed:
            return placed
        # "police entered the embassy in Quito", "troops forced their way into the mission": where it stands
        for place in structure_objects(verb):
            mention = self.at(place)
            if mention is not None and mention.type in ("Embassy", "DiplomaticMission") and self.host_state is not None:
                host = self.host_state(mention.entity)
                if host:
                    return host
        return None

    def _names_its_state(self, noun: Token) -> bool:
        """'Peru's ministry', 'the Peruvian government', 'the ministry of Peru': not the home state's."""
        near = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        near += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        # a possessor whose state the article does not give ("President X's government") names none
        return any(self.at(t) and self._as_kind(self.at(t), "state") for t in near)

    def _named_after_person(self, noun: Token) -> bool:
        """'the government of X', 'X's administration', 'the X regime': a government named after a person."""
        said = description(noun)
        owner = said[1] if said is not None else None
        if owner is None or owner.pos_ != "PROPN":
            return False
        mention = self.at(owner)
        return mention.type == "Person" if mention is not None else owner.ent_type_ == "PERSON"

    def _related_states(self, subject: Token) -> set[str]:
        """The states a subject's clause acts on, and those its object relates it to ("broke off
        relations with Chile", "cut ties with Iran")."""
        relations = [g for o in tree_children(subject.head, ("dobj",)) for p in tree_children(o, ("prep",))
                     if p.lower_ == "with" for g in tree_children(p, ("pobj",))] if subject.dep_ == "nsubj" else []
        return self._acted_on_states(subject) | {s for g in relations for s in self._states_named_at(g)}

    def _fill_one(self, token: Token, kind: str, agent: bool = True) -> list[tuple[str, Mention]]:
        for candidate in phrase_words(token, kind, self.plural_pronouns):
            mention = self.at(candidate)
            if mention is None and candidate.idx in self.plural_pronouns:
                listed = self._listed_by_pronoun(candidate, kind)
                if listed:
                    return listed
            if mention is None or (mention.kind == "state-ref" and not agent and candidate.dep_ != "nsubjpass"):
                continue  # "it" is a subject that acts (or is acted on: "it was recognised by ..."); an object is named
            entity = self._as_kind(mention, kind)
            if entity and kind == "tribunal" and self.state_in_apposition(candidate):
                continue   # ("the Extraordinary African Chambers, a court inside Senegal's judiciary": Senegal's)
            if entity:
                found = [(entity, mention)]
                if candidate != token:  # "the envoys of France, Germany and Spain": every conjunct
                    # ("and his son Karim": Karim; "seven countries: A, B, C and D", the list's every member)
                    for conj in islice(fan_out(candidate, split=False), 1, None):
                        other = self.at(conj)
                        other_entity = self._as_kind(other, kind) if other else None
                        if other_entity and other_entity not in {f[0] for f in found}:
                            found.append((other_entity, other))
                if candidate == token or (candidate.dep_ in ("compound", "nmod") and candidate.head == token):
                    # ("French, Danish and Swedish embassy staff": the list the compound's mention ends;
                    # "the Polish, Czech and Slovak embassies": the first demonym the parser's proper noun)
                    found += self._demonym_list(token, kind, found)
                return found
        return []

    def state_in_apposition(self, head: Token) -> bool:
        """Whether a description in apposition to the head names a state or its organ ("X, a court inside
        Senegal's judiciary")."""
        return any((m := self.at(t)) is not None and (m.type == "State" or m.type in AUTHORITIES and self.state_of(m.entity))
                   for a in head.children if a.dep_ == "appos" for t in a.subtree)

    def _listed_by_pronoun(self, pronoun: Token, kind: str) -> list[tuple[str, Mention]]:
        """'Argentina, Chile and Peru protested. Venezuela expelled their diplomats': every state of the
        list the plural pronoun stands for (coref.py), each as a mention of the pronoun."""
        if kind not in ("state", "authority"):
            return []
        states = [e for e in self.plural_pronouns[pronoun.idx] if self.state_of(e) == e]
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and pronoun.i not in range(subject.left_edge.i, subject.right_edge.i + 1) \
                and {s for s, _ in self._fill_one(subject, "state")} & set(states):
            return []   # the clause's own subject is one of them: the pronoun was bound amiss
        end = pronoun.idx + len(pronoun.text)
        return [(e, Mention(pronoun.idx, end, e, "State", pronoun.text, "pronoun")) for e in states] if len(states) > 1 else []

    def _demonym_list(self, noun: Token, kind: str, found: list) -> list[tuple[str, Mention]]:
        """'the German, Nigerian and American ambassadors': a list of demonyms before the noun gives
        one actor each, though the last one and the noun make one mention ("American ambassador")."""
        adjectives = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        # ("French, German and Italian embassy staff": the later members hang on the compound noun)
        adjectives += [g for c in adjectives if c.dep_ == "compound" and c.pos_ == "NOUN" for g in c.children
                       if g.dep_ == "amod" and g.lower_ in DEMONYM_WORDS]
        listed = [t for a in adjectives for t in (a, *a.conjuncts)]
        comma = comma_listed(min(listed, key=lambda t: t.i)) if listed else []  # "French, German envoys" (comma_lists.py)
        listed += comma
        # "one Russian and two Belarusian diplomats": a people's adjective the parser hangs on its own count
        # (or each on the noun with a count of its own: "four Iranian and two Syrian diplomats")
        counted = [g for c in noun.children if c.dep_ == "nummod" for g in c.children
                   if g.dep_ in ("amod", "preconj", "compound", "nmod") and g.lower_ in DEMONYM_WORDS]
        counts = [c for c in noun.children if c.dep_ == "nummod"] + [g for a in adjectives for g in a.children if g.dep_ == "nummod"]
        if len(counts) >= 2 and len({t.lower_ for t in listed + counted if t.lower_ in DEMONYM_WORDS}) >= 2:
            counted += [a for a in adjectives if a.lower_ in DEMONYM_WORDS]
        listed += counted
        if not any(t.dep_ == "conj" for t in listed) and not comma and not counted:
            return []  # one demonym: the noun's own mention says it
        out: list[tuple[str, Mention]] = []
        for t in sorted(set(listed), key=lambda t: t.i):
            m = self.at(t)
            entity = self._as_kind(m, kind) if m is not None else None
            if entity and entity not in {f[0] for f in (*found, *out)}:
                out.append((entity, m))
        return out

    def _as_kind(self, mention: Mention, kind: str) -> str | None:
        if kind == "tribunal":
            return mention.entity if _no_states_court(mention, self.state_of(mention.entity)) else None
        if kind == "regime":   # "recognised the junta": the junta, not its state (governments.py)
            return self.regimes.get(mention.start) if mention.kind == "regime" else None
        if mention.type in KIND_TYPES.get(kind, ()):
            return mention.entity
        if kind == "state" and mention.type in FOR_A_STATE:
            return self.state_of(mention.entity)
        if kind == "authority" and mention.type in AUTHORITIES:
            return self.state_of(mention.entity)
        if kind == "organisation" and mention.type == "State":
            return None
        if kind == "host" and mention.type in ("Post", "Embassy", "DiplomaticMission") and self.host_state is not None:
            return self.host_state(mention.entity)
        if kind == "host" and mention.type == "Person" and self.office_host is not None:
            return self.office_host(mention.entity)  # "Dennis Horak was expelled": the state his post is in
        return None


def _no_states_court(mention: Mention, state: str | None) -> bool:
    """An international body, or a court its own name makes international ("the International Criminal
    Court", "the ICC"; not a court named bare, "the High Court", whose state the passage tells)."""
    from .organs import (
        INTERNATIONAL,  # (organs reads this index: imported here, where it is used)
    )
    if state not in (None, mention.entity):
        return False
    return mention.type == "InternationalOrganization" or (
        mention.type == "Court" and any(w.strip(".,").lower() in INTERNATIONAL for w in mention.surface.split()))


def _international(organ: Token) -> bool:
    from .organs import (
        international,  # (organs reads this index: imported here, where it is used)
    )
    return international(organ)
