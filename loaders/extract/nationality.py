"""Whose official a person is, where the article names them without their state.

"Taoiseach Ana Ruiz" names no state, yet the title does: only one state's government uses it.  Each
person the title finder and the demonym rules (names.py) left without a state gets the state of
such a title (``NATIONAL_TITLES``, world facts), where the article names that state.

Tried and left out, measured on the development articles: a patron's state through a possessive
apposition ("X, Vega's adviser") cost a held-out match; the dateline's capital is the state of a
titled official named without one only about half the time (wire copy is filed from where the news
is, not from whose officials make it).  A person whose state stays unknown keeps none.
"""

from __future__ import annotations

from .gazetteer import STATE

#: titles only one state's government uses (ISO 3166 codes, in order of likelihood)
NATIONAL_TITLES = {"taoiseach": ("IE",), "tánaiste": ("IE",), "tanaiste": ("IE",), "foreign secretary": ("GB",),
                   "home secretary": ("GB",), "chancellor": ("DE", "AT")}


class NationalityFinder:
    """Persons' states from the article's own evidence (a mixin of the extractor, after names.py)."""

    def _states_of_unplaced_persons(self) -> None:
        for person in self._unplaced():
            state = self._national_title_state(person)
            if state:
                self.person_states[person] = state

    def _unplaced(self) -> list[str]:
        return [p for p in self.person_titles if p not in self.person_states
                and not self.gaz.state_of(self.person_posts.get(p))]

    def _named_states(self) -> set[str]:
        return {m.entity for m in self.mentions if m.type == STATE and m.entity}

    def _national_title_state(self, person: str) -> str | None:
        named = self._named_states()
        for title in sorted(self.person_titles.get(person, ())):
            for code in NATIONAL_TITLES.get(title, ()):
                state = self.gaz.state_by_code.get(code)
                if state in named:
                    return state
        return None
