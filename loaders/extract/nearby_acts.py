"""The other side of words naming no one, from the act told just before them.

Words naming no one, by someone speaking for a state, are addressed to the other side of the
dispute (statements.py; envoy_hosts._other_side).  Where the article has just told an act (in the
words' sentence before them, or in the sentence before), the words answer that act: "Saudi Arabia
broke off relations with the movement. Pakistan says its embassy will stay open": about the one the
act was done to; "Kenya expelled the Somali envoy on Monday. 'We will not be bullied,' the president
said": an act of or on the speaker's state is about the state at its other end.  Only where no such
act is that near does the article-wide guess (its acts, its most named state) decide.

A part of the Statement coder (``statements.StatementCoder``).
"""

from __future__ import annotations

import bisect

from .gazetteer import STATE

#: words naming no one answer the act told just before them (same sentence or the one before)?
PARTY_OF_NEARBY_ACT = True


class NearbyActs:
    """The state at the other end of the act told just before a speaker's words (a part of the Statement coder)."""

    def _party_of_nearby_act(self, own_state: str | None, at: int) -> str | None:
        """The state the act told last before ``at`` (its sentence or the one before) is about: its
        other end where ``own_state`` is a party to it, else the state it was done to; None where no
        act is that near or its other end is no state.  An act between two other states counts only in
        the words' own sentence ("X recognised Y last week, and Z said it would decide in due course")."""
        if not PARTY_OF_NEARBY_ACT or own_state is None:
            return None
        k = self._sentence_index_at(at)
        near = [e for e in self.events if e.type != "Statement" and 0 <= e.told_at < at
                and (k in e.sentences or k - 1 in e.sentences)]
        if not near:
            return None
        latest = max(near, key=lambda e: e.told_at)
        agents = {self._state_or_self(a) for a in latest.agent}
        targets = {self._state_or_self(t) for t in latest.target}
        party = own_state in agents | targets
        if not party and k not in latest.sentences:
            return None   # another pair's act told the sentence before is as often background ("... in 2019.")
        others = targets if own_state in agents else agents if own_state in targets else targets
        others = [o for o in others - {own_state, None} if getattr(self.gaz.entities.get(o), "type", None) == STATE]
        return others[0] if len(others) == 1 else None

    def _sentence_index_at(self, at: int) -> int:
        """The index of the extractor's sentence holding offset ``at`` (bisect on their starts, once per article)."""
        starts = self.__dict__.get("_sentence_starts")
        if starts is None:
            starts = self.__dict__["_sentence_starts"] = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(starts, at) - 1)
