"""The state a person rules, told by a possessive on the state or its capital: "Orbán's Budapest",
"Putin's Russia", "how X found refuge in Maduro's Caracas" make the possessor that state's (news
names a country after its ruler so).  Only where the state or capital is the head of its phrase:
"Trump's Venezuela policy", "Lula's Brasília speech" (a compound) tell no such thing.  A person
whose state the article gives otherwise keeps it.  Run once per article, after the other persons'
states and before the governments described (a mixin of ``pipeline._Extractor``).
"""

from __future__ import annotations

from .gazetteer import STATE

#: read "X's Russia" as X's state?
RULER_OF_POSSESSED_STATE = True


class RuledStates:
    """Persons' states from the state or capital named as theirs (a mixin of the extractor)."""

    def _rulers_of_possessed_states(self) -> None:
        if not RULER_OF_POSSESSED_STATE:
            return
        starts = {m.start: m for m in self.mentions}
        for m in self.mentions:
            if m.type != STATE or not m.entity or m.kind not in ("name", "alias", "capital"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.dep_ == "compound":
                continue
            owner = next((c for c in span.root.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            person = starts.get(owner.left_edge.idx) if owner is not None else None
            if person is None or person.type != "Person" or not person.entity:
                continue
            if person.entity in self.person_states or self._actor_state(person.entity):
                continue   # the article gave their state already
            self.person_states[person.entity] = m.entity
