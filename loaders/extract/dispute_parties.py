"""The other party of a speaker's state in the article's dispute, from the acts coded between states.

Words naming no one, by someone speaking for a state, are addressed to the other side of the
dispute (statements.py).  The state the article names most besides the speaker's
(``StatementTargets._counterpart``) is often a third party (a mediator, a state whose embassy is
the scene, a reaction list's many voices); the state the speaker's own state acted on, or that
acted on it ("Kenya expelled the Somali envoy ... Ruto said": Somalia), is the party the words answer.

The acts read are the coded events other than Statements in which the speaker's state is the agent
or the target (directly, or through its people and missions), with a state on the other end; the
party most often at the other end wins.  An article with no such act, or with several states at the
other end as often (four states expelling the speaker state's envoys), leaves the choice to
``_counterpart``.

A part of the Statement coder (``statements.StatementCoder``).
"""

from __future__ import annotations

from collections import Counter

from .gazetteer import STATE

#: the other side of a speaker's state is the state at the other end of its acts, before the most named?
PARTY_OF_ACTS = True


class DisputeParties:
    """The state at the other end of the speaker's state's acts (a part of the Statement coder)."""

    def _party_of_acts(self, own_state: str | None) -> str | None:
        """The state most often at the other end of the acts of or on ``own_state``, or None."""
        if not PARTY_OF_ACTS or own_state is None or getattr(self.gaz.entities.get(own_state), "type", None) != STATE:
            return None
        counts: Counter = Counter()
        for e in self.events:
            if e.type == "Statement" or not e.spans:
                continue
            agents = {self._state_or_self(a) for a in e.agent}
            targets = {self._state_or_self(t) for t in e.target}
            others = targets if own_state in agents else agents if own_state in targets else set()
            for other in others - {own_state, None}:
                if getattr(self.gaz.entities.get(other), "type", None) != STATE:
                    continue
                counts[other] += 1
        ranked = counts.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None   # several states at the other end as often (a list of expulsions): no one party
        return ranked[0][0]

    def _state_or_self(self, entity_id: str) -> str | None:
        """A state as itself; a person, organ or mission as its state, where the article gives it."""
        entity = self.gaz.entities.get(entity_id)
        if entity is not None and entity.type == STATE:
            return entity_id
        return self._actor_state(entity_id)
