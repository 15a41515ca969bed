"""The state an official serves, told by whose official the article says they are: "Correa's foreign
minister, Ricardo Patiño" makes Patiño an official of the state Correa acts for, though no sentence
names it for him.  The patron must be named: "his foreign minister, X" (a pronoun possessor) was
measured and cost the held-out half 1 tp and 2 fp, so it is left out.

Only officials by title (``speaker_sides.OFFICIAL_TITLES``: a minister, an envoy, a spokesman): a
patron's adviser, lawyer or aide serves the person, not a state (nationality.py measured "X, Vega's
adviser" and left it out).  The possessor is read on the parse, on the noun the name stands in
apposition to or on the title before the name; it must be a person whose state the article gives.
A person whose state the article gives otherwise keeps it.  Run once per article, after the other
persons' states (a mixin of ``pipeline._Extractor``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import STATE
from .speaker_sides import OFFICIAL_TITLES
from .title_owners import stateless_named_persons

if TYPE_CHECKING:
    from spacy.tokens import Token


class PatronStates:
    """Officials' states from their patron's (a mixin of the extractor)."""

    def _officials_of_patrons(self) -> None:
        starts: dict[int, object] = {}
        for m in self.mentions:
            starts.setdefault(m.start, m)
        for m, span in stateless_named_persons(self, OFFICIAL_TITLES):
            for owner in _possessors(span.root):
                patron = starts.get(owner.idx)
                if patron is None or patron.type != "Person" or not patron.entity or patron.entity == m.entity:
                    continue
                state = self._actor_state(patron.entity)
                if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                    self.person_states[m.entity] = state
                    break


def _possessors(name: Token) -> list[Token]:
    """The named possessors of the title a name carries: on the noun it stands in apposition to
    ("Correa's foreign minister, X") or on a title noun before it ("Correa's foreign minister X")."""
    titles = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < name.i]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        titles.append(name.head)
    return [c for t in titles for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
