"""The coups the frames' events tell (a mixin of ``frame_events.FrameCoder``): a leader removed by force
is the coup of the forces of the leader's state; a coup told without the leader it ousted ousted the
leader of the forces' state; a removal with no remover, in an article that reports a coup, is that coup."""

from __future__ import annotations

from . import coups, stages, structure
from .actors import in_a_vote
from .coref_lexicon import HEAD_TITLES
from .coup_groups import dates_agree, force_subject
from .coups import tells_coup, untold_removal
from .frame_file import FRAME_CONFIDENCE
from .gazetteer import STATE
from .legal import COUP_WORDS, dated_coup
from .organs import implied_state, organ_token


class CoupCoder:
    """The coup-coding part of the frame coder (its attributes are ``pipeline._Extractor``'s)."""

    def _coup_targets(self, events: list) -> list:
        """A coup told without the leader it ousted ("the officers who seized power in July") ousted the
        leader of the forces' state the article names: the one another act of the article removes,
        arrests or overthrows, else the one it names with that state's highest office; told twice so, it
        is one coup (the codebook: one act, one event)."""
        out = []
        for event in events:
            if event.type != "CoupAttempt" or event.target or not event.agent:
                out.append(event)
                continue
            forces = self.gaz.entities.get(event.agent[0])
            state = (forces.attrs.get("organ_of") if forces is not None else None) or self.coup_groups.get(event.agent[0])
            acted_on = [t for e in events if e.type in ("CoupAttempt", "Arrest", "RemovalFromOffice") for t in e.target]
            named = [m.entity for m in self.mentions if m.type == "Person" and m.entity]
            leader = next((p for p in acted_on + named if state and self._leader_in(p, state) and self._leads_a_state(p)), None)
            if leader is not None:
                if any(e.type == "CoupAttempt" and leader in e.target for e in events):
                    continue  # the same coup, told with its leader (by the unit the text names there)
                event.target.append(leader)
            out.append(event)
        # still without its leader, beside a coup told with one in the same state (or in a state the
        # article leaves untold) at a date that can be its own: the same coup, told again ("the officers who
        # seized power in July"; not "X, who seized power in a coup in 1983", before the coup that ousts X)
        told = [e for e in out if e.type == "CoupAttempt" and e.target]
        return [e for e in out if e.type != "CoupAttempt" or e.target or not any(
            self._coup_state((e.agent or [None])[0]) in (None, self._coup_state((t.agent or [None])[0])) and dates_agree(e, t)
            for t in told)]

    def _leader_in(self, person: str, state: str) -> bool:
        """Whether a person may lead the state a coup was staged in: their own state is it, or, told with no
        state ("President X" in a story from Kinshasa), the story's is (its dateline's, else the one it is about)."""
        own = self._actor_state(person)
        if own is not None:
            return own == state
        return state == (self._dateline_state() or (self.focal_state if self.focal_state_clear else None))

    def _in_told_coup(self, match, person: str | None) -> bool:
        """'President X was toppled on Tuesday. The coup ...': a removal with no remover told, of a head
        of state or government, in an article that reports an accomplished coup, is that coup (coups.py)."""
        trigger = match.trigger
        if match.agent or not untold_removal(trigger, structure.acting_subject(trigger), plain=not in_a_vote(trigger)) \
                or not self._leads_a_state(person):
            return False
        if force_subject(trigger) is not None:
            return True   # "army officers announced that President X had been removed": their coup (coup_groups.announcer)
        if self.coup_told is None:
            self.coup_told = tells_coup(self.doc, COUP_WORDS)
        return self.coup_told

    def _by_titled_officer(self, trigger, person: str | None) -> bool:
        """'X, an army colonel, ousted President Y', 'the coup leader, X, deposed Y': a head of state or
        government ousted by a word of force by one the article titles an officer (coups.officer) is
        overthrown, not removed from office (not "dismissed": an officer in office may dismiss a minister)."""
        if trigger.lemma_.lower() not in coups.FORCIBLE_REMOVALS or not self._leads_a_state(person):
            return False
        subject = structure.acting_subject(trigger)
        doers = [a for a, _ in self._token_index.fill(subject, ["person"])] if subject is not None else []
        return any(a != person and coups.officer(self.person_titles.get(a, set()), trigger) for a in doers)

    def _coup_leader_state(self, officer_id: str, target: str | None) -> str | None:
        """The state whose order an officer's coup overthrows: the ousted leader's (or the state it is
        told against), else the officer's own, else where the article says power was seized, else the story's
        (its dateline's, else the state it is about: "Amin, who seized power from Obote with the army")."""
        entities = self.gaz.entities
        found = (target if target in entities and entities[target].type == STATE else None) \
            or (self._actor_state(target) if target else None) or self._actor_state(officer_id) or self._seized_state() \
            or self._dateline_state() or (self.focal_state if self.focal_state_clear else None)   # the story's, as _leader_in
        return found if found in entities and entities[found].type == STATE else None

    def _coup_state(self, agent: str | None) -> str | None:
        """The state whose forces (or officers, or group of men) staged a coup, by its agent."""
        forces = self.gaz.entities.get(agent or "")
        return (forces.attrs.get("organ_of") if forces is not None else None) or self.coup_groups.get(agent or "") \
            or (self._actor_state(agent) if agent else None)

    def _leads_a_state(self, person: str | None) -> bool:
        """A head of state or government: by the post the article gives them, or, with no post, by a
        title that is one ("President Ali Bongo", the state untold) and not a former holder's."""
        if self._heads_state(person):
            return True
        titles = self.person_titles.get(person or "", set())
        return person not in self.person_posts and bool(titles & HEAD_TITLES) \
            and not any("former" in t or "ex-" in t for t in titles)

    def _coup_by_forces(self, match, person, fields, sentence, at, trigger) -> None:
        """A leader removed by force: the coup of the armed forces of the leader's state (legal.py), or the
        seizure of power told with it by a group of no state's forces, against the one ousted (coups.py)."""
        if person and (seizure := coups.groups_seizure(self.events, self.gaz.entities, match.trigger)) is not None:
            seizure.target[:] = [person]
            return
        state = self._actor_state(person) if person else None
        state = state or (match.agent if match.agent in self.gaz.entities and self.gaz.entities[match.agent].type == STATE else None)
        if state is None and person:
            # the leader's state untold ("Army officers ousted President X", "General Y overthrew the
            # government of X"): the forces' own state ("Honduran troops"), the place of the act ("In
            # Gabon, ..."), the story's, as for any organ acting unnamed (organs.py)
            # (a noun's own possessor or "by": "the army's overthrow of President X")
            verbs = [(match.trigger, organ_token(structure.acting_subject(match.trigger)))]
            if match.trigger.dep_ == "relcl" and match.trigger.head.head.pos_ == "VERB":
                # "In Mali, Colonel X led the coup that overthrew President Y": the place of the clause it hangs on
                verbs.append((match.trigger.head.head, None))
            found = (implied_state(verb, organ, [person], self._token_index) for verb, organ in verbs)
            state = next((s for s in found if s in self.gaz.entities and self.gaz.entities[s].type == STATE), None)
        coup = dated_coup(match.trigger)
        date = self.timeline.date_for(coup) if coup is not None else None
        if date:
            fields = dict(fields, date=date)  # "ousted in a 2009 coup": the coup's own date
        if person and state in self.gaz.entities:
            forces = self._forces(state, match.trigger)
            self.proposing = stages.COUPS
            self._add_event("CoupAttempt", forces, person, dict(fields), sentence, at, trigger, match.mentions, FRAME_CONFIDENCE)
