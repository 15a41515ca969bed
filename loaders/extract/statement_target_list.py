"""A Statement's list of targets from the one target its words are about: every actor coordinated
with it ("urged Peru and Mexico to resume dialogue"), never the speaker's own side, the state of a
foreign person or mission spoken of, and the other side of the article's dispute (or the state the
article is about) when the words name only a person or a body.

``StatementTargetList`` is a part of the Statement coder (``statements.StatementCoder``).  Kept apart
from the choice of the one target (statements.py, statement_targets.py) because widening it to the
event's list is a job of its own, and statements.py had grown past the style's ~500 lines.
"""

from __future__ import annotations

from .gazetteer import PERSON_TYPES, STATE, Mention
from .organs import MILITARY_WORDS
from .spoken_acts import OWN_PERSON_ACT_KIND

#: add the state of a person a Statement is about to its targets?
TARGET_PERSONS_STATE = True
#: ... only where the sentence names that state, for a target person told again by his surname (the kinds
#: below): the reviewer codes the person alone (rules half: 15 such states wrong, none the only right value)
PERSONS_STATE_NAMED_ONLY = True
PERSON_NAMED_KINDS = {"alias"}
#: add the other side of the article's dispute to a Statement about a person or body?
COUNTERPART_TOO = True
#: put first the state that a mission or a stateless act's author stands for (``_state_first``)
STATE_FIRST = True
#: words about a person or a body, by a speaker of unknown side, are addressed to the article's most
#: named state too (as COUNTERPART_TOO for a speaker of known side; held-out +2 tp -2 fp)
FOCAL_STATE_TOO = True
#: words about another state's courts, prosecutors, police or ministries ("said Russia's courts were not
#: independent", "a plot by Japanese prosecutors") are about that state, as those organs' acts are the
#: state's (codebook: "Acts of ... ministries, police, prosecutors, courts ... have the state as agent");
#: not its legislature (a party in its own right: "called the Senate's vote a coup") nor its armed forces
#: (a coup's force)
STATE_ORGANS_AS_STATE = True
#: the entity types of organs that act for their state
ACTING_ORGAN_TYPES = frozenset({"Court", "GovernmentBody"})


class StatementTargetList:
    """The targets of a Statement (a part of ``statements.StatementCoder``)."""

    def _target_list(self, target: Mention | None, also: Mention | None, others: list[Mention], quoted: list[Mention],
                     speaker: Mention, own_state: str | None, own_side: set[str], v_start: int,
                     first_segment: bool) -> list[str]:
        """The entity ids a Statement is about: ``target`` and ``also`` with the actors coordinated with
        ``target`` in ``others`` (the mentions outside the words) or ``quoted``, the states of persons
        and missions, and the other side of the dispute on the first segment of a remark."""
        from .clauses import _conjuncts

        person_alone = False
        targets = self.group_members(target) if target else []
        if also is not None and also.entity not in targets:
            targets.append(also.entity)
        if target is not None and target.kind not in ("counterpart", "dyad", "act-author", "act-victim", OWN_PERSON_ACT_KIND):
            # "urged Peru and Mexico to resume dialogue": every actor of the coordination
            # (a target in the quotation has its coordination there: "Neither Armenia nor Azerbaijan gains ...")
            for other in _conjuncts(target, others if any(m is target for m in others) else quoted, self.text):
                if other.type == target.type and other.entity not in targets and other.entity != speaker.entity:
                    targets.append(other.entity)
        # a speaker's words are never about their own side ("the president's government", "our embassy")
        targets = [t for t in targets if not self._on_side(t, own_state)
                   or target.kind in ("addressed", "act-victim", "government-word", OWN_PERSON_ACT_KIND) and t == target.entity]
        if TARGET_PERSONS_STATE:
            # words about a foreign person or mission are about the state they belong to as well (a body,
            # such as "Peru's Congress", already stands for its side); of a person told again by his surname, only where the
            # sentence names the state ("asked Germany to hand Brenner over"): words about him are his
            # ("called Petro antisemitic"), the reviewer codes the person alone
            named = {e for m in others + quoted for e in (m.entity, m.type not in PERSON_TYPES and self._state_id(m))}
            for t in list(targets):
                entity = self.gaz.entities.get(t)
                state = self._actor_state(t) if entity is not None \
                    and entity.type in PERSON_TYPES | {"Embassy", "DiplomaticMission"} else None
                if PERSONS_STATE_NAMED_ONLY and state and entity.type in PERSON_TYPES and state not in named \
                        and target is not None and t == target.entity and target.kind in PERSON_NAMED_KINDS:
                    person_alone = True   # (then no other state is guessed for the words either)
                    continue
                if state and state not in targets and state != own_state and state != speaker.entity:
                    targets.append(state)
        # (a later remark's parties are its own verb's words only: "... and praised X for his calm" is about X)
        if COUNTERPART_TOO and not person_alone and first_segment and targets and self.gaz.entities.get(own_state, speaker).type == STATE \
                and not any(self.gaz.entities.get(t) is not None and self.gaz.entities[t].type == STATE for t in targets):
            # words about a person or a body in a dispute between two states are addressed to the other state too
            counterpart = self._other_side(speaker.entity, own_state, v_start)
            # a state's own organ ("Peru's Congress") already stands for its side
            organs = {self._actor_state(t) for t in targets
                      if self.gaz.entities.get(t) is not None and self.gaz.entities[t].type not in PERSON_TYPES}
            if counterpart and counterpart not in targets and counterpart not in organs:
                targets.append(counterpart)
        elif FOCAL_STATE_TOO and not person_alone and first_segment and targets and self.gaz.entities.get(own_state, speaker).type != STATE \
                and not any(self.gaz.entities.get(t) is not None and self.gaz.entities[t].type == STATE for t in targets):
            # the same by a speaker whose side the article does not give: to the state it is about
            sides = {e for x in own_side for e in (x, self._actor_state(x)) if e}
            focal = self.focal_state_guess(None)
            # (a coup's group of the state's men, coup_groups.py, stands for that state here as its armed
            # forces did: "the coup's authors" are no guess at the state the article is about)
            organs = {self.coup_groups.get(t) or self._actor_state(t) for t in targets if t in self.coup_groups
                      or (self.gaz.entities.get(t) is not None and self.gaz.entities[t].type not in PERSON_TYPES)}
            if focal and focal not in sides and focal not in targets and focal not in organs:
                targets.append(focal)
        if STATE_ORGANS_AS_STATE:
            targets = self._organs_as_states(targets, own_state)
        return self._state_first(target, targets, own_state) if STATE_FIRST else targets

    def _organs_as_states(self, targets: list[str], own_state: str | None) -> list[str]:
        """``targets`` with each court, prosecutor, police or ministry of another state replaced by that
        state (once, where the first of them stood)."""
        lifted: list[str] = []
        for t in targets:
            state = self._acting_organ_state(t)
            t = state if state is not None and state != own_state else t
            if t not in lifted:
                lifted.append(t)
        return lifted

    def _acting_organ_state(self, entity_id: str) -> str | None:
        """The state an organ acting for it belongs to (STATE_ORGANS_AS_STATE), else None."""
        entity = self.gaz.entities.get(entity_id)
        if entity is None or entity.type not in ACTING_ORGAN_TYPES:
            return None
        state = entity.attrs.get("organ_of")
        if getattr(self.gaz.entities.get(state), "type", None) != STATE:
            return None
        words = {w.rstrip("s") for w in entity.label.lower().split()}
        return None if words & MILITARY_WORDS else state

    def _state_first(self, target: Mention | None, targets: list[str], own_state: str | None) -> list[str]:
        """The state a reviewer codes as the one spoken to, first: a state's words about another's mission
        ("the embassy had taken in a citizen") are about that state, as the mission's acts are (codebook;
        an expert of no side on the premises' immunity speaks of the mission itself); an act's author
        told as a person the article gives no state ("called X's accusation groundless", "condemned the
        decision" of a minister) stands for the state the act is of, the dispute's other side or the
        state the article is about, which the list holds after it; not a person the article tells an act
        of or on ("the arrest showed ...", "will not accept the resignation"), a party in his own right."""
        if target is None or len(targets) < 2 or targets[0] != target.entity:
            return targets
        entity = self.gaz.entities.get(target.entity)
        kind = entity.type if entity is not None else None
        speaker_state = own_state is not None and getattr(self.gaz.entities.get(own_state), "type", None) == STATE
        if kind in ("Embassy", "DiplomaticMission") and speaker_state:
            state = self._actor_state(target.entity)
        elif target.kind == "act-author" and kind == "Person" and not self._actor_state(target.entity) \
                and not any(target.entity in e.agent + e.target for e in self.events if e.type != "Statement"):
            state = next((t for t in targets[1:] if self.gaz.entities.get(t) is not None
                          and self.gaz.entities[t].type == STATE), None)
        else:
            return targets
        return [state] + [t for t in targets if t != state] if state in targets else targets
