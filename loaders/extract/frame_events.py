"""Events from the frames on the dependency parse (frames.py), and the ellipsis followers
("Canada and Brazil followed"), into the article's events (a mixin of ``pipeline._Extractor``)."""

from __future__ import annotations

import bisect
import functools
import re
from itertools import islice
from typing import TYPE_CHECKING

from . import coups, stages, structure, tree
from .actors import in_a_vote
from .article_frames import match_doc
from .attempted_acts import attempt_noun
from .coordinated_dates import later_dates, own_date
from .coref_lexicon import HEAD_TITLES
from .coup_groups import coup_group, force_subject, named_body, phrase_names
from .coups import SURVIVING, by_officer, officer
from .declared_departures import declared_departures, declared_elsewhere
from .ellipsis import FOLLOWABLE, REFUSED, REVERSIBLE
from .ellipsis import cues as ellipsis_cues
from .envoys import named_envoys
from .events import _Span, told_together, trigger_at
from .frame_coups import CoupCoder
from .frame_file import FRAME_CONFIDENCE, KIND_TYPES
from .frames import FrameMatch
from .gazetteer import STATE, Entity, Mention, slug
from .language import english_words
from .legal import (
    answers_request,
    asylee_asked,
    by_lawmakers,
    entered_by_a_crowd,
    forces_unit,
    legislature_named,
    removed_by_force,
)
from .legal_identity import KIND, ORGAN, REMOVER, STANDING, charge_kind, charge_organ
from .mentions import TokenMentions, seat_mentions
from .military_acts import military_act
from .named_acts import names_an_act
from .newnames import minter
from .repeated_acts import REPEAT
from .repeated_acts import mark as mark_repeat
from .rules import RULES, Rule
from .sentences import Sentence
from .severance_staff import staff_after_severance
from .sibling_acts import sibling_doers
from .story_links import not_a_report
from .titled_states import TitledMinter
from .world import DEMONYMS

#: titles of a state's head: troops seizing their holder stage a coup (codebook)
#: nouns for one envoy a declaration may leave unnamed ("a Thai embassy official"), named in the next sentence
ENVOY_NOUNS = frozenset({"official", "diplomat", "ambassador", "envoy", "consul", "attaché", "attache", "secretary",
                         "counsellor", "counselor", "chargé", "representative", "nuncio"})
#: titles of envoys: their removal from a post is a recall's business, no removal from office
DIPLOMAT_TITLES = frozenset({"ambassador", "envoy", "consul", "chargé", "charge", "diplomat", "attaché", "attache", "nuncio"})
#: removal words that tell force ("overthrew", "was forced out"): with no organ told, no removal from office
#: (frames.yaml; not coups.FORCIBLE_REMOVALS, governments.yaml's deposing words, which tell a vote's removal too)
REMOVALS_BY_FORCE = english_words("forcible_removals")

if TYPE_CHECKING:
    from spacy.tokens import Token


class FrameCoder(CoupCoder):
    """The frame-coding part of the extractor (mixed into ``pipeline._Extractor``)."""

    def frame_matches(self) -> list[tuple[int, FrameMatch]]:
        """Events the frames find on the dependency parse, each with the index of its sentence."""
        doc = self.doc
        seats = seat_mentions(self.text, lambda code: self.gaz.state(code).id, self.mentions, self.time_at)
        index = TokenMentions(doc, self.mentions + seats + list(self.quoted_first_person), self._actor_state, self.focal_state)
        index.home_state_clear = self.focal_state_clear
        index.home_counterpart_clear = self.focal_counterpart_clear
        index.place_state = self._place_state  # organs named with a city: "the Budapest court" (organs.py)
        index.city_state = self._city_state    # a provincial city: "a court in Pskov" (world_cities.py)
        index.seized_state = self._seized_state        # troops seizing a president: where power was seized (organs.py)
        index.dateline_state = functools.cache(self._dateline_state)  # "KIGALI — X, a Belgian citizen, was sentenced": Rwanda's act
        index.office_state = self._office_state  # a person's state from their office, or titled as one (actors.py)
        index.host_state = self._host_state    # "Ghana's envoy in Lomé": Togo
        index.office_host = lambda person: self._host_state(self.person_posts[person]) if person in self.person_posts else None
        index.regimes = {**self.regime_bodies, **self.recognised_owners}   # "recognised the junta": the junta; "X's regime": X (governments.py)
        index.plural_pronouns = getattr(self, "plural_pronouns", {})   # "their diplomats": a list (coref.py)
        index.described_states = {end: entity for (_, end), entity in getattr(self, "parsed_references", {}).items()
                                  if getattr(self.gaz.entities.get(entity), "type", "") == STATE}   # "the regime" (coref.py)
        envoys_named = functools.cache(lambda: named_envoys(
            doc, [(m.start, m.end, m.entity) for m in self.mentions if m.type == "Person" and m.entity],
            {p for p, titles in self.person_titles.items() if titles & DIPLOMAT_TITLES}))
        index.envoy_person = lambda person: person in envoys_named()  # "recalled Meyer": the ambassador named before
        index.head_person = lambda person: bool(self.person_titles.get(person, set()) & HEAD_TITLES)  # (organs.py)
        self._token_index = index
        starts = [s.start for s in self.sentences]
        out = []
        mint = minter(self.gaz, tree.doc_text(doc))
        index.person_named = lambda token: mint(token, KIND_TYPES["person"]) or self._person_minted(token)   # (person_groups.py)
        matches = match_doc(doc, index, mint=TitledMinter(self.gaz, mint))
        departures = declared_departures(matches) | declared_elsewhere(matches, index.state_of, index.envoy_person) \
            | staff_after_severance(matches)   # (parts of another act: no rule codes them again)
        for _, match in matches:
            at = bisect.bisect_right(starts, match.trigger.idx) - 1
            if at < 0:
                continue
            if id(match) in departures:
                self.framed.add((match.type, at))  # the declaration's part: no rule codes it again
                continue
            sentence = self.sentences[at]
            if not_a_report(sentence.text, self.text, sentence.start):   # a question, a link to another story
                continue
            if match.type == "EmbassyIncursion" and entered_by_a_crowd(match.trigger):
                continue  # "students stormed the embassy": no state's forces (codebook)
            if match.type == "CoupAttempt" and match.trigger.pos_ == "NOUN" and coups.coup_not_told(match.trigger):
                continue  # "on the anniversary of the coup against X", "rumours of a coup against X": no coup told here
            out.append((at, match))
        return out

    def _person_minted(self, name: Token) -> list[tuple[str, Mention]]:
        """The person this article minted already under the full name a proper noun heads ("Felix Abitbol")."""
        words = [c for c in name.children if c.dep_ in ("compound", "flat") and c.i < name.i and c.pos_ == "PROPN"] + [name]
        if words[-1].i - words[0].i != len(words) - 1:
            return []
        label = name.doc[words[0].i: name.i + 1].text
        entity = self.gaz.entities.get(slug(label))
        if entity is None or not entity.new or entity.type != "Person":
            return []
        return [(entity.id, Mention(words[0].idx, name.idx + len(name.text), entity.id, "Person", label, "name"))]

    def _frame_events(self) -> None:
        rules = {r.type: r for r in RULES}
        matches = self.frame_matches()
        acted_on: dict[int, set] = {}   # trigger token → every target its matches name (none does the act again)
        own_dates: dict[int, dict] = {}  # match → the date of the gapped conjunct it is the act of (coordinated_dates.py)
        for _, m in matches:
            acted_on.setdefault(m.trigger.i, set()).update(m.target if isinstance(m.target, list) else [m.target])
            spans = [(x.start, x.end) for x in m.mentions]
            if (date := own_date(m.trigger, spans, self.timeline)) is not None:
                own_dates[id(m)] = date
        # (a date a gapped conjunct tells is its own act's, no repetition of its verb's: "..., and Egypt with Qatar in 2021")
        claimed = {(m.trigger.i, own_dates[id(m)]["value"]) for _, m in matches if id(m) in own_dates}
        named = {m.entity for m in self.mentions if m.kind in ("name", "alias") and m.entity}
        for at, match in matches:
            sentence = self.sentences[at]
            if any(m.kind == "kin" and m.entity == match.target and m.entity not in named for m in match.mentions):
                continue  # "X, his wife and his son": a relative the article never names is no one's target (codebook)
            if match.type == "AsylumGrant" and not match.target:  # no asylee named: the one who asked, else the rules'
                if (asylee := asylee_asked(match.agent, self.events, match.trigger)) is None:
                    continue
                match.target = asylee
            self.framed.add((match.type, at))
            self.proposing = stages.frame(match.type, match.trigger.lemma_)
            trigger = _Span(match.trigger.idx - sentence.start, match.trigger.idx + len(match.trigger.text) - sentence.start)
            fields = dict(match.fields)
            rule = rules.get(match.type) or Rule(match.type, re.compile("$^"))
            self._fields(rule, sentence, trigger, fields, self._mentions_in(sentence.start, sentence.end))
            date = own_dates.get(id(match)) or self.timeline.date_for(match.trigger)  # the trigger token itself, not its offset
            if date:
                fields["date"] = date
            targets = match.target if isinstance(match.target, list) else [match.target]
            if match.type in ("SafeConductRefusal", "SafeConductDeferral") and answers_request(match.trigger) and not any(
                    m.type == match.type and m.agent == match.agent and m.trigger.sent == match.trigger.sent
                    and not answers_request(m.trigger) for _, m in matches):
                # kept only after a request to the refuser (legal.py); a refusal of the same sentence that
                # names its safe conduct says what was refused ("rejected the request, refusing him a safe conduct")
                fields["answers_request"] = True
            if match.type == "Charge":
                fields[KIND] = charge_kind(match.trigger)  # a warrant and an indictment: two acts (legal_identity.py)
                fields[ORGAN] = charge_organ(match.trigger)
                if match.standing:
                    fields[STANDING] = True  # "she faces charges of X": charges filed some time before (legal_identity.py)
            elif match.type == "Arrest" and match.standing:
                fields[STANDING] = True  # "she remains in custody": the arrest told elsewhere (legal_identity.py)
            mark_repeat(match.type, match.trigger, fields)  # "arrested again", "for consultations" (repeated_acts.py)
            if match.type == "RemovalFromOffice":  # "since his removal": whoever removed him, the clause does not say
                told = match.agent or legislature_named(match.trigger) or by_lawmakers(match.trigger)
                fields[REMOVER] = "told" if told else "untold"
            if match.type == "RemovalFromOffice" and (removed_by_force(match.trigger) or self._in_told_coup(match, targets[0])
                                                      or by_officer(match.trigger, structure.acting_subject(match.trigger))
                                                      or coups.by_armed_men(structure.acting_subject(match.trigger))
                                                      or self._by_titled_officer(match.trigger, targets[0])):
                self._coup_by_forces(match, targets[0], fields, sentence, at, trigger)
                continue  # "the army ousted the president": a coup, not a removal from office
            if match.type == "RemovalFromOffice" and fields[REMOVER] == "untold" and not in_a_vote(match.trigger) \
                    and match.trigger.lemma_.lower() in REMOVALS_BY_FORCE:
                continue  # "the man who overthrew him", "was forced out": force, no organ's removal (its makers untold)
            if match.type == "CoupAttempt" and coups.suffers_coup(match.trigger) and not self._leads_a_state(targets[0]):
                continue  # "a guard was killed in the coup": only a leader's death tells whom it was against
            if match.type == "CoupAttempt" and match.agent in self.gaz.entities \
                    and self.gaz.entities[match.agent].type == STATE and (military_act(match.trigger) or match.trigger.pos_ == "NOUN"
                                                                           or match.trigger.lemma_.lower() in SURVIVING
                                                                           or coups.suffers_coup(match.trigger)
                                                                           or attempt_noun(match.trigger) is not None
                                                                           or coups.by_armed_men(force_subject(match.trigger))):
                # "the army seized power", "the putsch against President X": its forces
                match.agent = self._forces(match.agent, match.trigger)
            elif match.type == "CoupAttempt" and match.agent in self.gaz.entities \
                    and self.gaz.entities[match.agent].type == "Person" \
                    and officer(self.person_titles.get(match.agent, set()), match.trigger):
                # "General X seized power from President Y": an officer's coup is his forces' (coups.py)
                state = self._coup_leader_state(match.agent, targets[0])
                if state is not None:
                    match.agent = self._forces(state, match.trigger)
            agent = match.agent or (self._impeaching_legislature(match.trigger, targets[0]) if match.type == "RemovalFromOffice" else None)
            if match.type == "RemovalFromOffice" and agent:
                agent = self._own_legislature(agent, match.mentions, targets[0])
            if match.type == "RemovalFromOffice" and (not agent or by_lawmakers(match.trigger)):
                agent = self._named_legislature(targets[0]) or agent  # "lawmakers voted to remove her"
            if match.type == "RemovalFromOffice" and agent in self.gaz.entities and self.gaz.entities[agent].type == STATE \
                    and by_lawmakers(match.trigger):
                # "lawmakers in Kyiv ousted him": the vote of the state's legislature (the registry's, else "parliament")
                agent = self._registry_legislature(agent) or self.gaz.organ(agent, "parliament").id
            if match.type == "RemovalFromOffice" and not agent:
                agent = self._unresolved_legislature(match.trigger, targets[0])  # "ousted by parliament"
            if match.type == "RemovalFromOffice" and self._diplomat_post(targets[0], match.trigger):
                continue  # an envoy taken off his post (a recall's part): no removal from office
            if match.type == "RemovalFromOffice" and not agent:
                agent = self._removing_state(match.trigger, targets[0])  # "Sharif dismissed the army chief"
            if match.type == "PersonaNonGrataDeclaration" and targets[0] in self.gaz.entities \
                    and self.gaz.entities[targets[0]].type == STATE:
                targets[0] = self._envoy_named_after(match.trigger) or targets[0]
            event = self._add_event(match.type, agent, targets[0], fields, sentence, at, trigger, match.mentions, FRAME_CONFIDENCE,
                                    grantor_untold=match.grantor_untold)
            event.target += [t for t in targets[1:] if t not in event.target]
            for date, own in later_dates(match.trigger, self.timeline):  # "in 2018 and again in 2021": one act per date
                if (match.trigger.i, date["value"]) in claimed:
                    continue
                if own is not None and self._own_later_act(match, agent, targets, own, dict(fields, date=date), sentence, at, trigger):
                    continue  # "arrested X in May and Y in July": Y's own act
                again = self._add_event(match.type, agent, targets[0], dict(fields, date=date, **{REPEAT: True}),
                                        sentence, at, trigger, match.mentions, FRAME_CONFIDENCE, grantor_untold=match.grantor_untold)
                again.target += [t for t in targets[1:] if t not in again.target]
            for doer in sibling_doers(match.trigger):   # "X's expulsion of ... and similar steps by Y and Z"
                for other, _ in self._token_index.fill(doer, ["state"]):
                    if other != agent and other not in acted_on[match.trigger.i]:
                        sibling = self._add_event(match.type, other, targets[0], dict(fields), sentence, at,
                                                  trigger, match.mentions, FRAME_CONFIDENCE, grantor_untold=match.grantor_untold)
                        sibling.target += [t for t in targets[1:] if t not in sibling.target]
            if match.host_told:
                self.hosts_guessed.add(event.id)  # (no act for an ellipsis to repeat: its agent is a guess)
            if match.guessed:
                self.guessed_agents[id(event)] = event  # told_agents.py: an agent told nearby comes first
            if match.type == "Arrest" and match.agent in self.gaz.entities and military_act(match.trigger) \
                    and self._leads_a_state(targets[0]) and self._actor_state(targets[0]) in (None, match.agent):
                # "soldiers detained President X": the armed forces' coup, besides the arrest (codebook); not
                # another state's troops ("US troops captured President X": an invasion's arrest, no coup)
                forces = self._forces(match.agent, match.trigger)
                # (one coup, however many leaders it detains: "detained the president and his prime minister")
                if not any(e.type == "CoupAttempt" and at in e.sentences and forces in e.agent for e in self.events):
                    self.proposing = stages.COUPS
                    told = len(self.events)
                    coup = self._add_event("CoupAttempt", forces, targets[0], dict(fields), sentence, at, trigger, match.mentions,
                                           FRAME_CONFIDENCE)
                    if len(self.events) > told:
                        self.coups_by_detention[id(coup)] = coup   # (one with the coup told elsewhere: coup_groups.py)

    def _own_later_act(self, match, agent, targets, own, fields, sentence, at, trigger) -> bool:
        """The act on the object named with a later time phrase of the verb: its target that object's
        actor of the first target's kind; whether one is named (else, as "its chargé in 2010", the
        first act's target again)."""
        first = self.gaz.entities.get(targets[0]) if targets[0] else None
        kinds = ["person"] if first is not None and first.type == "Person" else ["state", "organisation"]
        named = [(t, m) for t, m in self._token_index.fill(own, kinds) if m is not None and t != agent and t not in targets]
        for target, mention in named:   # ("Y and Z in July": each)
            self._add_event(match.type, agent, target, fields, sentence, at, trigger, [*match.mentions, mention], FRAME_CONFIDENCE,
                            grantor_untold=match.grantor_untold)
        return bool(named)

    def _envoy_named_after(self, trigger) -> str | None:
        """'declared a Thai embassy official persona non grata ... The official, first secretary Niran
        Somsak, had ...': the one envoy declared, unnamed in its clause, named by the next
        sentence that takes the same noun up with its name in apposition (the codebook's target is the
        person named)."""
        # (the parser may hang the envoy on the Latin phrase: "declared a Thai official persona ...")
        phrase = next((t for t in trigger.subtree if t.lower_ in structure.PHRASE_FIRST and t.i > trigger.i), None)
        envoy = next((t for t in trigger.subtree if trigger.i < t.i < (phrase.i if phrase is not None else t.i + 1)
                      and t.lemma_.lower() in ENVOY_NOUNS and t.tag_ not in ("NNS", "NNPS") and t.dep_ != "pobj"), None)
        if envoy is None or tree.children(envoy, ("appos",)):
            return None
        sents = islice(trigger.doc[trigger.sent.end:].sents, 2) if trigger.sent.end < len(trigger.doc) else ()
        for sent in sents:
            for token in sent:
                if token.lemma_.lower() == envoy.lemma_.lower() and token.i - sent.start <= 2 \
                        and any(c.lower_ == "the" and c.dep_ == "det" for c in token.children):
                    named = [a for a in tree.children(token, ("appos",)) if a.pos_ == "PROPN"]
                    found = self._token_index.fill(named[0], ["person"]) if len(named) == 1 else []
                    found = found or (self._token_index.fill(token, ["person"]) if not named else [])  # "the official" resolved
                    if len(found) == 1:
                        return found[0][0]
        return None

    def _forces(self, state: str, trigger) -> str:
        """The armed forces of a state that act, the group of its men the subject names ("army officers",
        "soldiers loyal to X": coup_groups.py), or the unit of them it names ("soldiers of the
        presidential guard": the Presidential Guard of that state, as the press calls it)."""
        # ("gunmen of the X Front": that named body, coup_groups.named_body)
        group = named_body(force_subject(trigger), self.mentions) or coup_group(self.gaz, state, force_subject(trigger), self.coup_groups)
        if group is not None:
            self.coup_groups.setdefault(group, state)
            return group
        unit = forces_unit(trigger)
        if unit is None:
            entity = self.gaz.organ(state, "military")
        elif (entity := self.gaz.entities.get(slug(f"{unit}-of-{state}"))) is None:
            label = self.gaz.entities[state].label
            demonyms = DEMONYMS.get(self.gaz.entities[state].country or "", ())
            aliases = {unit, f"{label}'s {unit}", f"{label}’s {unit}"} | {f"{d} {unit}" for d in demonyms[:1]}
            entity = self.gaz.add(Entity(slug(f"{unit}-of-{state}"), "GovernmentBody", f"{unit.title()} of {label}",
                                         aliases, attrs={"organ_of": state}))
        subject = force_subject(trigger)
        if entity.new and subject is not None and subject.pos_ == "NOUN":
            for name in phrase_names(subject):   # the names the text gives the force, as a group's (coup_groups.py)
                self.gaz.add_alias(entity, " ".join(name.split()))
        return entity.id

    def _unresolved_legislature(self, trigger, person: str | None) -> str | None:
        """The legislature a removal's subject names that no mention resolved: a bare word ("ousted by
        parliament", "lawmakers voted to remove him") is the removed person's state's; a proper name
        ("the Verkhovna Rada voted to remove him") is a legislature of its own."""
        said = legislature_named(trigger)
        if said is None:
            return None
        word, proper = said
        if proper:
            return self.gaz.add(Entity(slug(word), "Legislature", word, {word})).id
        state = self._actor_state(person) if person else None
        if state not in self.gaz.entities:
            return None
        # ("removed by lawmakers", "by the legislature": the words of no chamber in particular name the one the
        # registry knows for the state, as "lawmakers voted to remove her" does in _removing_state)
        return (word == "parliament" and self._registry_legislature(state)) or self.gaz.organ(state, word).id

    def _removing_state(self, trigger, person: str | None) -> str | None:
        """Who removes where the clause leaves it untold or unresolved (the codebook: a legislature's
        vote has the legislature as agent; a head of state or government who dismisses an official,
        the state): a bare legislature word is the removed person's state's, or the story's; an
        agentless removal of a head of state is by the legislature the registry knows for that state;
        any other, by the state itself (the dismissing government's)."""
        state = self._actor_state(person) if person else None
        subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else structure.nominal_agent(trigger)
        if subject is not None and names_an_act(subject):
            subject = None  # "the impeachment that removed her": an act, not an actor; its author untold
        if subject is not None:
            said = [a for a, _ in self._token_index.fill(subject, ["person", "state"])]
            state = next((s for s in (self._actor_state(a) or a for a in said) if s in self.gaz.entities
                          and self.gaz.entities[s].type == STATE), None) or state
        said = legislature_named(trigger)
        if said is not None and said[1]:  # "the Verkhovna Rada removed him": a legislature by its name
            return self._unresolved_legislature(trigger, person)
        if said is not None:  # a bare "parliament" acted on no head whose state is told: the dateline's
            state = self._actor_state(person) if person else None
        state = state or self._dateline_state() or (self.focal_state if self.focal_state_clear else None)
        if state not in self.gaz.entities:
            return None
        if said is not None:  # "two days after parliament voted to remove him"; "lawmakers voted ...": the members
            # of no chamber named, the state's legislature the registry knows, as for "lawmakers in Kyiv" above
            return (by_lawmakers(trigger) and self._registry_legislature(state)) or self.gaz.organ(state, said[0]).id
        if subject is None and self._leads_a_state(person):
            return self._registry_legislature(state)
        return state

    def _diplomat_post(self, person: str | None, trigger) -> bool:
        """Whether the one removed is an envoy ("recalled its ambassador and removed him from his post"):
        the frame's own words cannot tell, the article's title for the person can (the codebook's
        removals are of office holders of a state, an envoy's leaving his post is a recall's part)."""
        post = self.gaz.entities.get(self.person_posts.get(person or "", ""))
        titles = self.person_titles.get(person or "", set())
        words = {w for t in titles | ({post.label.lower()} if post is not None else set()) for w in t.lower().split()}
        return bool(words & DIPLOMAT_TITLES)

    def _registry_legislature(self, state: str) -> str | None:
        """The legislature the registry has for the state (not one minted from this article)."""
        return next((e.id for e in self.gaz.entities.values() if e.type == "Legislature" and not e.new
                     and e.attrs.get("organ_of") == state), None)

    def _named_legislature(self, person: str | None) -> str | None:
        """The legislature of the removed person's state, where the article names it."""
        state = self._actor_state(person) if person else None
        named = {m.entity for m in self.mentions if m.type == "Legislature"}
        return next((e.id for e in self.gaz.entities.values() if state and e.type == "Legislature"
                     and e.attrs.get("organ_of") == state and e.id in named), None)

    def _followers(self, sentence: Sentence, index: int, mentions: list[Mention]) -> None:
        """'Canada and Brazil followed within hours', 'Saudi Arabia does the same': the act just
        reported, by each state named (ellipsis.py finds the cues on the parse)."""
        if self._cues is None:
            starts = [s.start for s in self.sentences]
            self._cues = {}
            for cue in ellipsis_cues(self.doc):
                self._cues.setdefault(bisect.bisect_right(starts, cue.verb.idx) - 1, []).append(cue)
        for cue in self._cues.get(index, []):
            if self._followed_remark(cue, index):
                continue  # "Bolivia criticised the decision, as did Ecuador": a remark repeated (followed_statements.py)
            subjects = [f for token in cue.agents for f in self._token_index.fill(token, ["state"])
                        if f[1] is None or f[1].start >= cue.after]   # (not the act's object, ellipsis.stranded_subjects)
            if not subjects:
                continue
            agents = {a for a, _ in subjects}
            earlier = [e for e in self.events if e.type in FOLLOWABLE and e.agent and not set(e.agent) & agents
                       and e.id not in self.hosts_guessed
                       and (min(e.sentences) < index or (min(e.sentences) == index and trigger_at(e) < cue.verb.idx))
                       and index - max(e.sentences) <= 2]
            if not earlier:
                continue
            # the act told last before the cue: "X declared ... . Warsaw did the same, and Stockholm expelled ...":
            # X's, not the act the same sentence tells after the cue
            model = max(earlier, key=lambda e: (max(s for s in e.sentences if s <= index and (
                s < index or trigger_at(e) < cue.verb.idx)), trigger_at(e)))
            etype = REFUSED.get(model.type) if cue.refused else model.type
            if etype is None:
                continue  # "declined to do the same" after a recall: no act of its own
            trigger = _Span(cue.verb.idx - sentence.start, cue.verb.idx + len(cue.verb.text) - sentence.start)
            fields = {k: v for k, v in model.fields.items() if k in ("recognized_as",)}
            date = self.timeline.date_for(cue.verb)
            if date:
                fields["date"] = date
            # "Riga did the same to the Belarusian diplomats": on the ones named this time
            acted_on = [t for o in cue.objects for t, _ in self._token_index.fill(o, ["state"])]
            for agent, mention in subjects:
                if acted_on and etype in REVERSIBLE:
                    for target in dict.fromkeys(t for t in acted_on if t != agent):
                        self._add_event(etype, agent, target, fields, sentence, index, trigger,
                                        [m for m in (mention,) if m is not None], round(model.confidence - 0.1, 2))
                    continue
                # "Brazil responded in kind"; "Belarus expelled Latvia's envoy ... Latvia did the same": the one
                # acted on answers with the same act, on the one who acted
                if cue.reverse or (agent in model.target and etype in REVERSIBLE):
                    if not model.agent or agent in model.agent or etype not in REVERSIBLE:
                        continue
                    self._add_event(etype, agent, model.agent[0], fields, sentence, index, trigger,
                                    [m for m in (mention,) if m is not None], round(model.confidence - 0.1, 2))
                    continue
                # "X recognised A and B. Y followed": the act told is one event per target; Y repeats them all
                for told in told_together(model, earlier):
                    if agent in told.target:
                        continue
                    first = told.target[0] if told.target else None
                    event = self._add_event(etype, agent, first, fields, sentence, index, trigger,
                                            [m for m in (mention,) if m is not None], round(model.confidence - 0.1, 2))
                    event.target += [t for t in told.target[1:] if t not in event.target]

