"""Whose official a person is: the state a title's phrase names ("X, foreign minister of Peru",
"Peruvian Foreign Minister X"), a demonym or state just before or after a name ("the ousted Honduran
president, X"), and where the article names a person without their state, a title only one state uses.

"Taoiseach Ana Ruiz" names no state, yet the title does: only one state's government uses it.  Each
person the title finder and the demonym rules (names.py) left without a state gets the state of
such a title (``NATIONAL_TITLES``, world facts), where the article names that state.

Tried and left out, measured on the development articles: a patron's state through a possessive
apposition ("X, Vega's adviser") cost a held-out match; the dateline's capital is the state of a
titled official named without one only about half the time (wire copy is filed from where the news
is, not from whose officials make it).  A person whose state stays unknown keeps none.
"""

from __future__ import annotations

import re

from .gazetteer import STATE
from .world import CAPITAL_CODE, state_at

#: "X, his Chinese counterpart": the demonym after a possessive is X's own state only on this noun
COUNTERPART_AFTER = re.compile(r"\s+counterparts?\b")

#: titles only one state's government uses (ISO 3166 codes, in order of likelihood)
NATIONAL_TITLES = {"taoiseach": ("IE",), "tánaiste": ("IE",), "tanaiste": ("IE",), "foreign secretary": ("GB",),
                   "home secretary": ("GB",), "chancellor": ("DE", "AT")}


#: person nouns of someone another state holds, fights or faces: "Iran's hostage, X" is no Iranian
OTHERS_PERSONS = frozenset({"hostage", "prisoner", "captive", "detainee", "victim", "target", "guest", "critic", "enemy",
                            "opponent", "foe", "rival", "counterpart", "ally", "friend", "envoy", "ambassador"})


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

    def _state_named_in(self, start: int, end: int) -> str | None:
        """The state a stretch of text names by its name, demonym or capital (of the story's time)."""
        for m in self.gaz.state_pattern().finditer(self.text, start, end):
            surface = m.group(0)
            for target, kind in self.gaz.surfaces[surface]:
                if kind == "capital" and target.startswith("state:"):
                    code = state_at(surface, self.time_at(m.start()), CAPITAL_CODE.get(surface))
                    return self.gaz.state(code).id if code else None
                entity = self.gaz.resolve(target)
                if entity.type == STATE:
                    return entity.id
        return None

    def _state_after(self, title_end: int, ends_at: int | None = None) -> str | None:
        """'X, the president of Niger,', 'X, foreign minister of Peru': the state named after the title;
        with ``ends_at``, only a state whose name ends there ("of Chile's Senate": none)."""
        of = re.match(r"\s+of\s+(?:the\s+)?", self.text[title_end:title_end + 12])
        if of is None:
            return None
        m = self.gaz.state_pattern().match(self.text, title_end + of.end())
        if m is None or ends_at is not None and m.end() != ends_at:
            return None
        for target, kind in self.gaz.surfaces[m.group(0)]:
            if kind in ("name", "alias"):   # not a capital: "the mayor of Lima" is no office of Peru
                entity = self.gaz.resolve(target)
                if entity.type in (STATE, "InternationalOrganization"):
                    return entity.id
        return None

    def _state_before(self, title_start: int, phrase_start: int) -> str | None:
        """'Peruvian Foreign Minister', "Peru's interim President", 'OAS Secretary General'."""
        window = self.text[max(0, phrase_start - 40):title_start]
        m = None
        for m in self.gaz.state_pattern().finditer(window):
            pass
        if m is None or window[m.end():].strip(" ’'s").split().__len__() > 2 or re.search(r"[,.;:—–]", window[m.end():]):
            return None  # "home from Niger, President Macron said": the state ends another phrase
        base = max(0, phrase_start - 40)
        between = self.doc.char_span(base + m.end(), title_start, alignment_mode="contract")
        if between is not None and any(t.pos_ in ("VERB", "AUX", "CCONJ", "ADP") for t in between):
            # "Nicaragua expelled the nuncio": the state is the subject of a clause, not the title's;
            # "Kenya and President X of Tanzania", "Kenya to President X": another phrase's state
            return None
        for target, kind in self.gaz.surfaces[m.group(0)]:
            entity = self.gaz.resolve(target)
            if entity.type == STATE or entity.type == "InternationalOrganization":
                return entity.id
        return None

    def _nationalities(self) -> None:
        """'the ousted Honduran president, Manuel Zelaya', 'Venezuelan opposition leader Edmundo González':
        the state of a person without a titled post, from a demonym or state just before the name."""
        for i, m in enumerate(self.mentions):
            if m.type != "Person" or m.kind not in ("name", "alias", "title") or m.entity in self.person_states \
                    or self.gaz.state_of(self.person_posts.get(m.entity)):
                continue
            before = [b for b in self.mentions[max(0, i - 3):i] if b.type == STATE and 0 <= m.start - b.end <= 45]
            if before and re.fullmatch(r"(?:['’]s)?\s+(?:(?:the|a|an|former|ousted|deposed|exiled|jailed|then|late|"
                                        r"opposition|dissident|cardinal|archbishop|bishop|activist|leader|president|"
                                        r"vice|prime|minister|lawyer|journalist|senator|general|priest|citizen|"
                                        r"politician|businessman|candidate|chief|nuncio|envoy|ambassador|consul|diplomat|"
                                        r"representative|counterpart|[a-z]+-[a-z]+)[\s,]+)*",   # "her Togolese counterpart, X"
                                        self.text[before[-1].end:m.start], re.IGNORECASE):   # "the papal nuncio, Archbishop X"
                self.person_states[m.entity] = before[-1].entity
                continue
            if before and before[-1].kind == "demonym" and self._described_by(before[-1].end, m.start):
                self.person_states[m.entity] = before[-1].entity
                continue
            # "József Mindszenty, the Hungarian primate": a demonym in the apposition after the name
            after = [a for a in self.mentions[i + 1:i + 3] if a.type == STATE and a.kind == "demonym" and 0 <= a.start - m.end <= 30]
            if after and (re.fullmatch(r",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}", self.text[m.end:after[0].start])
                          or COUNTERPART_AFTER.match(self.text, after[0].end)
                          and re.fullmatch(r",\s+(?:his|her|their)\s+", self.text[m.end:after[0].start])):
                self.person_states[m.entity] = after[0].entity
        self._states_of_possessed_descriptions()
        self._states_of_unplaced_persons()

    def _described_by(self, start: int, end: int) -> bool:
        """'the Gabonese trade negotiator X', 'a Peruvian human rights lawyer X': between a demonym and
        a name, a description of the person in lowercase nouns and adjectives the parse reads as one
        noun phrase (the words no list above holds); the demonym is the person's nationality, as it is
        before any person noun.  Not across a verb, a conjunction or punctuation ("the Peruvian-born
        X", "the Chilean envoy and the lawyer X")."""
        between = self.doc.char_span(start, end, alignment_mode="contract")
        if between is None or not 0 < len(between) <= 4 or self.text[start:start + 1] != " ":
            return False
        return all(t.is_lower and t.is_alpha and t.pos_ in ("DET", "ADJ", "NOUN") for t in between) \
            and between[-1].pos_ == "NOUN"

    def _states_of_possessed_descriptions(self) -> None:
        """'Bolivia's army commander, General X', 'Uganda's best-known opposition figure, X': a name in
        apposition to a person noun a state possesses is that state's person (not a relation the state
        has to someone else's: "Iran's hostage, X", "Russia's critic, X", "Chile's counterpart, X")."""
        # (the first mention at a start, as a scan would find it)
        states_at = {o.start: o for o in reversed(self.mentions) if o.type == STATE and o.kind == "name"}
        for m in self.mentions:
            if m.type != "Person" or m.kind != "name" or m.entity in self.person_states \
                    or self.gaz.state_of(self.person_posts.get(m.entity)):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            noun = span.root.head if span is not None and span.root.dep_ == "appos" else None
            if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in OTHERS_PERSONS:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            said = states_at.get(owner.idx) if owner is not None else None
            if said is not None:
                self.person_states[m.entity] = said.entity
