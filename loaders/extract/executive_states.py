"""The titles a person carries at any mention, and the state of an executive named by a bare title
("President X said ...", "Prime Minister Y told lawmakers ...") where no mention of the person in
the article gives their state (a demonym, a possessive, "of Canada", a heading, a patron: names.py,
nationality.py, patron_states.py and title_owners.py read those first).

A title is read at every mention of a person, not only where the full name follows it: "Canada's
Mark Dune arrived ...  Prime Minister Dune said ..." makes Dune an official (``_titles_of``; the
mentions are read once per article).

The head-of-state and head-of-government convention: an article whose coded acts and states'
Statements all have one and the same state as their agent is that state's story, and a president or
prime minister it names without a state is that state's.  The convention does not guess where it
cannot tell: where two or more states act or speak ("Russian guards detained a Finnish officer;
Helsinki says ..."), where another person of the same title is named (a state has one president:
which of two is the acting state's it cannot tell), or where the person is the target of an act (a
former prime minister the state charges is not its executive).  Measured on the dev articles: the
weaker "state of most acts" picks the wrong state for four executives of the rules half (a visiting
president, the other side's prime minister), so it is not used.

Where more than one state acts, a story told from the dateline's state whose act leads it ("WASHINGTON
— The United States broke off relations with Cuba ...") is that state's too, for a person no line
of a list of reactions heads ("Palestinian Authority — President X"): with a semicolon ending the
remark (statements.py) it gave a rules-half president his words' right target (measured flat before).

Measured and left out (each flat on both halves' scores, so not kept): the office a state's name or demonym gives elsewhere ("the Ethiopian prime
minister" -> "Prime Minister X"); an envoy of no named state as the one sending state's whose
missions the article names (held-out +1 false alarm).

Used by the Statement coder (``speaker_sides.SpeakerSides``) only to keep the speaker's own side out
of what their words are about.
"""

from __future__ import annotations

import re

from .coref_lexicon import HEAD_TITLES, HOME_OFFICES
from .estranged import stays_in_office
from .gazetteer import STATE
from .tree import SUBJECTS

#: an official of no named state takes the state of the article's one acting state?
EXECUTIVE_OF_ACTING_STATE = True
#: a person's titles are read at every mention, not only before the full name?
TITLES_AT_EVERY_MENTION = True
#: a title right before a later mention of a person: "Prime Minister Dune", "Foreign Minister Ruiz"
TITLE_BEFORE = re.compile(r"(?:(?<=\s)|^)([A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of))*)\s+$")
#: ... else the dateline's state, where it is the agent of the article's first act?
EXECUTIVE_OF_DATELINE_ACTOR = True
#: the same convention for a minister or a spokesperson of no named state ("The foreign minister, X,
#: said the decision was ..." in a story of one acting state, or told from the dateline of the state
#: whose act leads it): that state's official, so never the target of their own words
HOME_OFFICIALS_OF_ACTING_STATE = True
#: the titles it reads: a state's home offices below its executive and its spokespersons (not its
#: envoys: "the ambassador" in such a story is as often the other side's)
HOME_OFFICIAL_TITLES = (HOME_OFFICES - HEAD_TITLES - {"vice president", "interim president"}) \
    | {"spokesman", "spokeswoman", "spokesperson", "government spokesman", "government spokeswoman"}
#: "the foreign minister, X" / "X, the foreign minister," (the title's words in lower case, no owner)
BARE_TITLE_BEFORE = re.compile(r"(?:^|(?<=[\s—–-]))[Tt]he\s+((?:[a-z]+\s+){0,3}[a-z]+),\s+$")
BARE_TITLE_AFTER = re.compile(r",\s+the\s+((?:[a-z]+\s+){0,3}?[a-z]+)(?=,|\s+(?:said|says|told|added)\b)")
#: an official who accuses the acting state (blamed_subjects.py) is not its official?
BLAMED_NOT_SERVED = True
#: titles one state's government uses, read for a speaker's side only ("Secretary of State X" is
#: Washington's foreign minister): given to persons in nationality.NATIONAL_TITLES, which acts read too,
#: it cost the held-out half an act (an agent or target it moved), and moved no Statement there
SIDE_NATIONAL_TITLES = {"secretary of state": ("US",)}


class ExecutiveStates:
    """Bare-titled executives' states by the head-of-state convention (a part of the Statement coder)."""

    def _titles_of(self, person: str) -> set[str]:
        """The titles ``person`` carries where the article names them in full or at any later mention
        ("President Ana Ruiz", "Prime Minister Ruiz"); the mentions are read once per article."""
        titles = self.__dict__.get("_mention_titles")
        if titles is None:
            titles = self.__dict__["_mention_titles"] = self._read_mention_titles()
        return self.person_titles.get(person, set()) | titles.get(person, set())

    def _read_mention_titles(self) -> dict[str, set[str]]:
        from .speaker_sides import (
            OFFICIAL_TITLES,  # (here: speaker_sides imports this module)
        )
        found: dict[str, set[str]] = {}
        if not TITLES_AT_EVERY_MENTION:
            return found
        for m in self.mentions:
            if m.type != "Person" or m.kind not in ("name", "alias") or not m.entity:
                continue
            before = TITLE_BEFORE.search(self.text, max(0, m.start - 40), m.start)
            title = before.group(1).lower() if before is not None else None
            # the longest known title the words end with ("Deputy Prime Minister" -> "deputy prime minister")
            words = title.split() if title else []
            known = next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in OFFICIAL_TITLES), None)
            if known:
                found.setdefault(m.entity, set()).add(known)
        return found

    def _national_title_side(self, person: str) -> str | None:
        """The state of a title only its government uses (SIDE_NATIONAL_TITLES), where the article names it."""
        codes = [c for t in sorted(self._titles_of(person)) for c in SIDE_NATIONAL_TITLES.get(t, ())]
        if not codes:
            return None
        named = {m.entity for m in self.mentions if m.type == STATE}
        return next((self.gaz.state_by_code.get(c) for c in codes if self.gaz.state_by_code.get(c) in named), None)

    def _executive_state(self, person: str) -> str | None:
        """The state whose executive ``person`` is by convention, or None where the article cannot tell."""
        if not EXECUTIVE_OF_ACTING_STATE:
            return None
        titles = self._titles_of(person) & HEAD_TITLES  # a state's executive (head of state or of government)
        official = False
        if not titles and HOME_OFFICIALS_OF_ACTING_STATE:
            # told by "the" + office and no owner ("the foreign minister, X"), as a paper writes of its
            # own story's government; "its foreign minister, X" or "Attorney General X" may be the other side's
            titles = self._titles_of(person) & HOME_OFFICIAL_TITLES & self._bare_definite_titles(person)
            official = bool(titles)
        if not titles:
            return None
        acting = self._one_acting_state() or (self._lead_actor_at_dateline(person) if EXECUTIVE_OF_DATELINE_ACTOR else None)
        if official and acting is not None and (self._dateline_state() not in (None, acting)
                                                or self._told_near_other_side(person, acting)):
            return None  # "LOME — Ghana expelled ... The foreign minister, X": told from the other side
        if acting is None or any(person in e.target and not stays_in_office(self.doc, e) for e in self.events
                                 if e.type != "Statement"):
            return None  # a person the state arrests, charges, removes or shelters is not its executive
        if BLAMED_NOT_SERVED and acting in self._states_blamed(person):
            return None  # "The foreign minister, X, said Britain had failed to protect ...": not Britain's
        if any(other != person and self._titles_of(other) & titles for other in self.person_titles.keys() | self.__dict__["_mention_titles"].keys()):
            # "President X ... President Y": one of them at most is the acting state's, and the
            # convention cannot tell which (a state has one president)
            return None
        return acting

    def _bare_definite_titles(self, person: str) -> set[str]:
        """The offices ``person``'s name is in apposition to with "the" and no owner ("The foreign
        minister, X, said", "X, the government spokeswoman, said")."""
        return {title for title, _ in self._bare_titled_mentions().get(person, ())}

    def _bare_titled_mentions(self) -> dict[str, list]:
        """Per person, each (office, mention) of a name in apposition to a bare "the" office; the
        mentions are read once per article (a Statement coder asks for every speaker)."""
        found = self.__dict__.get("_bare_titled")
        if found is not None:
            return found
        found = self.__dict__["_bare_titled"] = {}
        for m in self.mentions:
            if m.kind not in ("name", "alias"):
                continue
            before = BARE_TITLE_BEFORE.search(self.text, max(0, m.start - 50), m.start)
            after = BARE_TITLE_AFTER.match(self.text, m.end)
            for x in (before, after):
                if x is not None:
                    found.setdefault(m.entity, []).append((x.group(1).lower(), m))
        return found

    def _told_near_other_side(self, person: str, acting: str) -> bool:
        """Whether a sentence where ``person`` is named by a bare office names another state or its
        place ("In Lome, the foreign minister, X, ...", "... an insult to Togo"), or follows a sentence
        whose subject is another state ("Togo protested. The foreign minister, X, ..."): the office
        may be that side's."""
        for _, m in self._bare_titled_mentions().get(person, ()):
            sentence = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if sentence is None:
                continue
            sentence = sentence.sent
            if self._names_other_state(sentence.start_char, sentence.end_char, acting) or any(
                    ent.label_ == "GPE" and (self._place_state(ent.text) or self._world_city_state(ent.text)) not in (None, acting)
                    for ent in sentence.ents):
                return True
            if sentence.start > 0:
                before = self.doc[sentence.start - 1].sent
                subject = next((c for c in before.root.children if c.dep_ in SUBJECTS), None)
                if subject is not None and self._names_other_state(subject.idx, subject.idx + len(subject.text), acting):
                    return True
        return False

    def _names_other_state(self, start: int, end: int, acting: str) -> bool:
        """Whether the text from ``start`` to ``end`` mentions a state (or its capital) other than ``acting``."""
        return any(m.type == STATE and m.entity and m.entity != acting and m.start >= start and m.end <= end
                   for m in self.mentions)

    def _lead_actor_at_dateline(self, person: str) -> str | None:
        """The dateline's state where it is the agent of the article's first coded act ("WASHINGTON —
        The United States broke off relations with Cuba ...": the story is told from that state), for
        a person no line of a list of reactions heads ("Palestinian Authority — President X": the
        heading's, whatever it is)."""
        from .speaker_sides import HEADING  # (here: speaker_sides imports this module)
        dateline = self._dateline_state()
        first = min((e for e in self.events if e.type != "Statement" and e.spans), key=lambda e: e.spans[0][0], default=None)
        if not dateline or first is None or first.agent != [dateline]:
            return None
        for m in self.mentions:
            if m.entity == person and m.kind in ("name", "alias"):
                line = self.text.rfind("\n", 0, m.start) + 1
                if HEADING.match(self.text, line, m.start) or self._own_line_heading_actor(m.start):
                    return None
        return dateline

    def _one_acting_state(self) -> str | None:
        """The one state that is the agent of every coded act and every state's Statement of the article,
        if there is one ("Russian guards detained a Finnish officer; Helsinki says ...": two, no guess)."""
        agents = {a for e in self.events for a in e.agent}
        states = {a for a in agents if self.gaz.entities.get(a) is not None and self.gaz.entities[a].type == STATE}
        return states.pop() if len(states) == 1 else None
