"""Organisations named in an article: bodies known by their head word ("the Metropolitan Police",
"Westminster Magistrates' Court", "the Unitary Platform"), acronyms an apposition explains ("the FSB,
Russia's security service"), bodies named with "of" and organisations heard speaking.  A mixin of
``pipeline._Extractor`` beside names.NameFinder (it reads ``self.text``, ``self.doc``, ``self.gaz`` and
nationality's ``_state_named_in``)."""

from __future__ import annotations

import re

from .coref_lexicon import ORGANISATION_NAME_HEADS
from .gazetteer import ORGANS, Entity, slug
from .gazetteer import fold as _fold
from .heard_organisations import organisations_heard
from .name_words import FIRST_NAMES, NOT_NAMES, ORG_HEADS, THE_BEFORE
from .named_bodies import bodies_named_with_of
from .world import SEATS_OF_GOVERNMENT, SECURITY_ORGANS

#: organisations that act for a state when their name says whose they are (not parties, not blocs)
STATE_BODIES = ("GovernmentBody", "Court")
#: the head word of a body's name → its type: the organs' and parties' words, then those of other bodies (coref.yaml)
NAME_HEADS = ORGANISATION_NAME_HEADS | ORG_HEADS
ORG_NAME = re.compile(r"(?<![\w’'])(?P<name>(?:[A-Z][\w’'.-]*\s+){1,5}(?:" + "|".join(h.capitalize() for h in NAME_HEADS) + r"))\b")

#: "The FSB, Russia's security service, ...": an acronym explained by an apposition is an organisation
ACRONYM_ORG = re.compile(r"(?<![\w-])(?P<name>[A-ZÁÉÍÓÚ]{2,6})(?=,\s+(?:[\w’'-]+\s+){0,4}(?P<head>police|service|agency|ministry|court|party|army|forces|guard|movement|front)\b)")


class OrganisationNames:
    """The organisations an article names, added to the gazetteer (a part of ``pipeline._Extractor``)."""

    def _organisations(self) -> None:
        """'the Metropolitan Police', 'Westminster Magistrates' Court', 'the Unitary Platform', 'the FSB, Russia's ...'.
        A court or state body whose name or explaining apposition names a state or its capital is
        that state's organ ("the Moscow City Court", "the FSB, Russia's security service"): it acts for it."""
        for m in ACRONYM_ORG.finditer(self.text):
            if m.group("name") not in self.gaz.surfaces:
                etype = ORG_HEADS.get(m.group("head").lower(), "GovernmentBody")
                state = self._state_named_in(m.end("name"), m.end("head")) if etype in STATE_BODIES else None
                self.gaz.add(Entity(slug(m.group("name")), etype, m.group("name"), set(),
                                    attrs={"organ_of": state} if state else {}))
        for m in ORG_NAME.finditer(self.text):
            name = m.group("name").strip()
            # a name never runs over a sentence's end ("... Raúl Prado. Parliament dismissed") nor a line's ("UNITED STATES\nThe State Department")
            name = re.split(r"(?<=[a-zà-ÿ]{2})[.!?]\s+", name)[-1].split("\n")[-1].strip()
            head = name.split()[-1].lower()
            if head in ORGANISATION_NAME_HEADS and head not in ORG_HEADS:
                # a sentence's capitalised article is no word of the name ("The Andean Monetary Fund said")
                after_the = bool(re.match(r"The\s", name) or THE_BEFORE.search(self.text, max(0, m.start() - 8), m.start()))
                name = re.sub(r"^The\s+", "", name)
                if not after_the and _fold(name.split()[0]) in FIRST_NAMES or any(
                        self.gaz.names_state(w) for w in name.split()[1:]) or name.startswith(tuple(SEATS_OF_GOVERNMENT)):
                    continue  # "Margaret Bank"; "the Fiji Development Bank", "the White House ... Council": a state's
            words = name.split()
            # courts are named after their seat: "the Moscow District Military Court", "the Budapest People's Court"
            seat_court = head in ("court", "tribunal") and len(words) >= 3 and not re.search(r"['’]s$", words[0])
            if name in self.gaz.surfaces or len(words) < 2 or words[0] in NOT_NAMES or name.lower() in ORGANS \
                    or (not seat_court and (any(re.search(r"['’]s$", w) for w in words) or words[0] in self.gaz.surfaces)):
                continue  # "Peru's Congress", "Mexican Embassy": a state's organ, found by the organ rules
            etype = NAME_HEADS[head]
            state = self._state_named_in(m.end("name") - len(name), m.end("name")) if etype in STATE_BODIES else None
            if name in SECURITY_ORGANS:  # "the Revolutionary Guards": a state's organ known by its own name
                etype, state = "GovernmentBody", self.gaz.state(SECURITY_ORGANS[name]).id
            self.gaz.add(Entity(slug(name), etype, name, set(), attrs={"organ_of": state} if state else {}))

        for name, etype in bodies_named_with_of(self.text, self.gaz.surfaces):
            if name not in self.gaz.surfaces:   # "the Front for National Renewal" (named_bodies.py)
                self.gaz.add(Entity(slug(name), etype, name, set()))
        for name in organisations_heard(self.doc, self.gaz.surfaces):   # "Hezbollah said" (heard_organisations.py)
            self.gaz.add(Entity(slug(name), "PoliticalParty", name, set()))
