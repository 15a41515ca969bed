"""Where an article is: the state it is mostly about (``focal_state_guess``: for "the Mexican embassy",
an envoy's host, a remark's target), the state a sentence places its scene in ("In Ecuador, the National
Assembly voted ..."), the state a registry city lies in, and the mission a state's embassy word names.

A mixin of ``article_mentions.MentionFinder`` (it reads ``self.text``, ``self.gaz``, ``self.sentences``
and ``time_at``).
"""

from __future__ import annotations

import re
from enum import Enum

from .gazetteer import STATE, Entity, Mention
from .world import CAPITAL_CODE, state_at

#: a city named in an instrument's or a group's name stands for no state ("the Vienna Convention",
#: "the Caracas Convention", "the Minsk agreements", "the Lima Group", "the Treaty of Rome")
NAME_PART_AFTER_PLACE = re.compile(
    r"\s+(?:Conventions?|Treat(?:y|ies)|Agreements?|Accords?|Protocols?|Statute|Declaration|Charter|Pact|"
    r"Final\s+Act|Process|Consensus|Memorandum|Group|Club|Format)\b", re.IGNORECASE)
PLACE_AFTER_NAME_PART = re.compile(
    r"\b(?:Conventions?|Treat(?:y|ies)|Agreements?|Accords?|Protocols?|Statute|Declaration|Charter|Pact)\s+of\s+$", re.IGNORECASE)


class OnTie(Enum):
    """What ``focal_state_guess`` answers where two states (other than the one asked about) are named most alike."""

    #: the one named first, as a lead names its actors first ("the Mexican embassy" in a story of Peru and Chile)
    FIRST_NAMED = "first named"
    #: none: the article does not tell ("Estonia and Latvia accused Russia ... The Russian ambassador was
    #: given 48 hours to leave": whose guest, untold)
    UNTOLD = "untold"


class ArticlePlaces:
    """The article's states and places (a mixin of the extractor)."""

    _state_counts: dict[str, int] | None   # state id → how often the text names it, counted once

    def _mission(self, sender: Entity, start: int, end: int, located: bool) -> Mention:
        where = None
        if located:
            rest = self.text[end:end + 60]
            m = re.match(r"\s*(?:in\s+)?(?P<place>[A-Z][\w]+(?:\s[A-Z][\w]+)?)", rest)
            if m:
                place = m.group("place")
                options = self.gaz.surfaces.get(place, [])
                for target, kind in options:
                    e = self.gaz.resolve(target)
                    if e.type == "City":
                        where = e
                    elif kind == "capital":
                        where = self.gaz.city(place, state_at(place, self.time_at(end), CAPITAL_CODE.get(place)))
                    elif e.type == STATE and where is None:
                        where = e
                if where is None:
                    where = self.gaz.city(place, None)
                end = end + m.end()
        if where is None:
            known = [e for e in self.gaz.entities.values() if e.type in ("Embassy", "DiplomaticMission")
                     and e.attrs.get("sending_state") == sender.id]
            receivers = [e for e in known if e.attrs.get("receiving_state") == self.focal_state_guess(sender.id)]
            if len(receivers) == 1:
                mission = receivers[0]
                return Mention(start, end, mission.id, mission.type, self.text[start:end], "mission")
            where = self.gaz.entities.get(self.focal_state_guess(sender.id) or "")
            if where is None:
                return Mention(start, end, sender.id, STATE, self.text[start:end], "name")
        mission = self.gaz.mission(sender.id, where)
        return Mention(start, end, mission.id, mission.type, self.text[start:end], "mission")

    def _part_of_a_name(self, start: int, end: int) -> bool:
        """Whether the place named at start:end is a word of an instrument's or a group's name."""
        return bool(NAME_PART_AFTER_PLACE.match(self.text, end)
                    or PLACE_AFTER_NAME_PART.search(self.text[max(0, start - 30):start]))

    def _city_located(self, city: str) -> str | None:
        """The state a city of the registry lies in, else None."""
        entity = self.gaz.entities.get(city)
        where = entity.attrs.get("located_in") if entity is not None else None
        return (self.gaz.state_of(where) or where) if where else None

    def focal_state_guess(self, other_than: str, on_tie: OnTie = OnTie.FIRST_NAMED) -> str | None:
        """The state the article is mostly about, other than ``other_than`` (for 'the Mexican embassy'),
        where two states are named most alike the answer ``on_tie`` names (``OnTie``)."""
        if self._state_counts is None:  # one scan of the text, however many missions ask
            self._state_counts = {}
            for m in self.gaz.state_pattern().finditer(self.text):
                for target, kind in self.gaz.surfaces[m.group(0)]:
                    e = self.gaz.resolve(target)
                    if kind == "capital" and self._part_of_a_name(m.start(), m.end()):
                        break
                    if e.type == STATE:
                        self._state_counts[e.id] = self._state_counts.get(e.id, 0) + 1
                        break
        counts = {k: v for k, v in self._state_counts.items() if k != other_than}
        # (dicts keep the order of first mention: OnTie.FIRST_NAMED is the smaller order)
        order = {k: n for n, k in enumerate(self._state_counts)}
        if on_tie == OnTie.UNTOLD and counts and sorted(counts.values())[-2:] == [max(counts.values())] * 2:
            return None
        return max(counts, key=lambda k: (counts[k], -order[k])) if counts else None

    def _state_located_before(self, position: int) -> str | None:
        """'In Ecuador, the National Assembly voted …': the state its sentence places the scene in,
        by name or capital, before the organ (the last such, when the sentence names two)."""
        start = self._sentence_start_before(position, 0)
        found = None
        for m in re.finditer(r"\b[Ii]n\s+(?:the\s+)?", self.text[start:position]):
            name = self.gaz.state_pattern().match(self.text, start + m.end())
            if name is None:
                continue
            for target, kind in self.gaz.surfaces.get(name.group(0), []):
                if kind == "capital" and target.startswith("state:"):
                    code = state_at(name.group(0), self.time_at(name.start()), CAPITAL_CODE.get(name.group(0)))
                    found = self.gaz.state(code).id if code else found
                    break
                entity = self.gaz.resolve(target)
                if entity.type == STATE and kind in ("name", "alias"):
                    found = entity.id
                    break
        return found

    def _host_tie(self, position: int, sender: str) -> OnTie:
        """An envoy's host among states named alike (``focal_state_guess``): untold where the envoy's sentence
        names no state but the sender ("... The Russian ambassador was given 48 hours to leave": whose
        guest, untold), else the first named ("Venezuela expelled the ambassador of Argentina and ...")."""
        sentence = next((x for x in self.sentences if x.start <= position < x.end + 1), None)
        if sentence is None:
            return OnTie.FIRST_NAMED
        for m in self.gaz.state_pattern().finditer(self.text[sentence.start:sentence.end]):
            if any(self.gaz.resolve(t).type == STATE and self.gaz.resolve(t).id != sender for t, _ in self.gaz.surfaces[m.group(0)]):
                return OnTie.FIRST_NAMED
        return OnTie.UNTOLD

    def _sentence_start_before(self, position: int, back: int) -> int:
        index = next((i for i, s in enumerate(self.sentences) if s.start <= position < s.end + 1), 0)
        return self.sentences[max(0, index - back)].start if self.sentences else 0
