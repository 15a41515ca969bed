"""'Ruto told Uganda that its troops must leave', 'told the Ugandan ambassador that the raid was
unacceptable', 'told the army that its place was in the barracks': words told to a party of another
side are about that party, where nothing else in them names one (the audience rule keeps "told
reporters", "told parliament" out of the target; this part of ``statements.StatementCoder`` takes the
one told back when it is an actor outside the speaker's side).
"""

from __future__ import annotations

from . import tree
from .gazetteer import STATE, Mention
from .language import english_words

#: words told to an actor outside the speaker's side, naming no one else, are about that actor?
TOLD_ADDRESSEE_TARGET = True
#: what the one told may be: a state, a person, an armed group; an envoy or mission stands for its state
ADDRESSEE_TYPES = frozenset({STATE, "Person", "Group"})
ENVOY_TYPES = frozenset({"Post", "Embassy", "DiplomaticMission"})


class ToldAddressees:
    """The party a speaker's words were told to (a part of ``StatementCoder``)."""

    def _addressee_told(self, at: int, own_side: set) -> Mention | None:
        """The actor the speech verb at ``at`` tells its clause to, outside the speaker's side, or None
        (the verbs: frames.yaml addressee_heads)."""
        verb = tree.token_at(self.doc, at) if TOLD_ADDRESSEE_TARGET else None
        if verb is None or verb.lemma_.lower() not in english_words("addressee_heads") \
                or not any(c.dep_ in ("ccomp", "advcl") or c.dep_ == "mark" for c in verb.children):
            return None
        for told in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
            for m in self._mentions_in(told.left_edge.idx, told.idx + len(told.text)):
                entity_id = m.entity if m.type in ADDRESSEE_TYPES else \
                    self._envoy_state(m) if m.type in ENVOY_TYPES or m.kind == "demonym" else None
                entity = self.gaz.entities.get(entity_id) if entity_id else None
                if entity is not None and self._outside(entity.id, own_side):
                    return Mention(m.start, m.end, entity.id, entity.type, m.surface, "told")
        return None

    def _envoy_state(self, m: Mention) -> str | None:
        """The state an envoy, a mission or a demonym stands for: the one the gazetteer gives, else the state a
        word of its surface names ("the Ugandan ambassador", "Uganda's envoy")."""
        return self.gaz.state_of(m.entity) or next(filter(None, map(self.gaz.state_named, m.surface.split())), None)
