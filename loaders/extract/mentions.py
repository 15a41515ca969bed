"""Mentions onto tokens: the article's actor mentions (found by the gazetteer: registry entities,
ISO countries, demonyms, capitals, titles, organs, missions, resolved pronouns) aligned with the
parse, so that an argument token resolves to the actor it names, through the noun phrase around it
(compounds, appositions, "of" phrases, demonyms, possessors) and fanning out over lists.

Seats of government and ministry buildings ("the Itamaraty", "the Quai d'Orsay") act for their
state: they are added here as mentions of that state when the gazetteer has not named them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterator

from .gazetteer import Mention
from .structure import fan_out

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: buildings and places that stand for a state's government (ISO code): metonymy in the press
SEATS_OF_GOVERNMENT = {
    "Itamaraty": "BR", "Planalto": "BR", "Quai d'Orsay": "FR", "Élysée": "FR", "Elysée": "FR", "Elysee": "FR",
    "Kremlin": "RU", "White House": "US", "State Department": "US", "Foggy Bottom": "US", "Pentagon": "US",
    "Downing Street": "GB", "Whitehall": "GB", "Casa Rosada": "AR", "Palacio San Martín": "AR",
    "Miraflores": "VE", "Zhongnanhai": "CN", "Farnesina": "IT", "Palacio de Carondelet": "EC", "Carondelet": "EC",
    "Palacio Quemado": "BO", "Casa de Nariño": "CO", "Palacio de Torre Tagle": "PE", "Torre Tagle": "PE",
    "Blue House": "KR", "Bundeskanzleramt": "DE", "Auswärtiges Amt": "DE", "Moncloa": "ES", "Santa Sede": "VA",
    "Holy See": "VA", "Palacio Nacional": "MX", "Los Pinos": "MX", "La Moneda": "CL", "Knesset": "IL",
}
SEAT_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(SEATS_OF_GOVERNMENT, key=len, reverse=True)) + r")(?![\w-])")

#: what a role may be filled with, by the kind a frame names
KIND_TYPES = {
    "person": ("Person", "Group"),
    "state": ("State",),
    "authority": ("State",),   # a state, or an organ acting for it, but never a person
    "legislature": ("Legislature",),
    "court": ("Court",),
    "mission": ("Embassy", "DiplomaticMission"),
    "organisation": ("InternationalOrganization", "PoliticalParty", "Government", "GovernmentBody", "Legislature", "Court"),
}
#: mention types that act for a state where a state is asked for
FOR_A_STATE = ("State", "Government", "GovernmentBody", "Court", "Post", "Person", "Embassy", "DiplomaticMission", "Legislature", "City")

AUTHORITIES = ("Government", "GovernmentBody", "Court", "Legislature", "City")


def seat_mentions(text: str, state: Callable[[str], str], taken: list[Mention]) -> list[Mention]:
    """Mentions of seats of government not already covered by another mention."""
    out = []
    for m in SEAT_RE.finditer(text):
        if any(t.start <= m.start() < t.end for t in taken):
            continue
        out.append(Mention(m.start(), m.end(), state(SEATS_OF_GOVERNMENT[m.group(0)]), "State", m.group(0), "seat"))
    return out


#: an unnamed government body ("the government said", "the ministry gave ...") is the article's own state
GOVERNMENT_WORDS = frozenset({"government", "ministry", "authority", "administration", "cabinet", "executive",
                              "regime", "chancellery", "junta", "foreign ministry"})


class TokenMentions:
    """The mentions of one parsed article, by token."""

    def __init__(self, doc: "Doc", mentions: list[Mention], state_of: Callable[[str], str | None],
                 home_state: str | None = None) -> None:
        self.doc = doc
        self.state_of = state_of
        self.home_state = home_state   # the state the article is about, for "the government" unnamed
        self.place_state: Callable[[str], str | None] | None = None  # a place name's state, where the caller knows
        self._by_token: dict[int, Mention] = {}
        for mention in mentions:
            if not mention.entity:
                continue  # an unresolved pronoun or description names nobody
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self._by_token.setdefault(token.i, mention)

    def at(self, token: "Token") -> Mention | None:
        return self._by_token.get(token.i)

    def fill(self, token: "Token", kinds: list[str], home: bool = False) -> list[tuple[str, Mention]]:
        """The actors a role's head token names, one per conjunct, as (entity id, mention), taking
        the first kind of the list that fits.  With ``home``, an unnamed government body is the
        article's own state (for agents: recognising "the new government" is not recognising a state)."""
        out: list[tuple[str, Mention]] = []
        for conjunct in fan_out(token):
            for kind in kinds:
                found = self._fill_one(conjunct, kind)
                if not found and home and kind in ("state", "authority") and self.home_state and conjunct.lemma_.lower() in GOVERNMENT_WORDS \
                        and not self._names_its_state(conjunct):
                    found = [(self.home_state, None)]
                if found:
                    out += [f for f in found if f[0] not in {o[0] for o in out}]
                    break
        return out

    def _names_its_state(self, noun: "Token") -> bool:
        """'Peru's ministry', 'the Peruvian government', 'the ministry of Peru': not the home state's."""
        near = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        near += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return any(self.at(t) for t in near)

    def _fill_one(self, token: "Token", kind: str) -> list[tuple[str, Mention]]:
        for candidate in self._phrase(token, kind):
            mention = self.at(candidate)
            if mention is None:
                continue
            entity = self._as_kind(mention, kind)
            if entity:
                found = [(entity, mention)]
                if candidate != token:  # "the envoys of France, Germany and Spain": every conjunct
                    for conj in candidate.conjuncts:
                        other = self.at(conj)
                        other_entity = self._as_kind(other, kind) if other else None
                        if other_entity and other_entity not in {f[0] for f in found}:
                            found.append((other_entity, other))
                return found
        return []

    def _phrase(self, token: "Token", kind: str) -> Iterator["Token"]:
        """The head, then the words of its noun phrase that may name the actor: apposition first for
        persons ("Chile's consul, Ana Ruiz" is Ana Ruiz); for states, the phrase's own state
        (compound, demonym, "of", possessor: "Chile's consul" is Chile's)."""
        yield token
        kids = list(token.children)
        for child in kids:
            if child.dep_ in ("appos", "compound", "flat", "nmod"):
                yield child
                yield from (g for g in child.children if g.dep_ in ("compound", "flat"))
        if kind == "person":
            return
        for child in kids:
            if child.dep_ in ("amod", "nummod"):
                yield child
        for child in kids:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                yield from (g for g in child.children if g.dep_ == "pobj")
        for child in kids:
            if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our", "my"):
                yield child

    def _as_kind(self, mention: Mention, kind: str) -> str | None:
        if mention.type in KIND_TYPES.get(kind, ()):
            return mention.entity
        if kind == "state" and mention.type in FOR_A_STATE:
            return self.state_of(mention.entity)
        if kind == "authority" and mention.type in AUTHORITIES:
            return self.state_of(mention.entity)
        if kind == "organisation" and mention.type == "State":
            return None
        return None
