"""Who acts for whom: the state of an actor, a place, the legislature that acts (a mixin of ``pipeline._Extractor``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cities import CITY_CODE
from .coref_lexicon import (
    HOME_OFFICES,  # a person titled so is that state's official at home, acted on by its organs
)
from .gazetteer import ORGANS, STATE, Mention
from .language import english_words
from .organs import HEAD_OFFICES
from .person_dictionary import ORGANISATION, dictionary_state, organisation_id
from .rules import Rule
from .world_cities import city_code

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a legislature named bare, whose state the mentions guessed ("Congress voted to remove him")
BARE_LEGISLATURE = re.compile(r"(?i)(?:the\s+)?(?:congress|parliament|national assembly|senate)")




class ActorResolver:
    """The actor-resolving part of the extractor (mixed into ``pipeline._Extractor``)."""

    def _office_state(self, person: str) -> str | None:
        """A person's state from their office: their post's, else the state of a person the article
        titles as one of its office holders at home (``HOME_OFFICES``)."""
        if person in self.person_posts:
            return self.gaz.state_of(self.person_posts[person])
        if self.person_titles.get(person, set()) & HOME_OFFICES:
            return self._actor_state(person)
        return None

    def _actor_state(self, entity_id: str) -> str | None:
        entity = self.gaz.entities.get(entity_id)
        if entity is not None and entity.type == "City" and entity.attrs.get("located_in"):
            return self.gaz.state_of(entity.attrs["located_in"]) or entity.attrs["located_in"]
        state = self.gaz.state_of(self.person_posts.get(entity_id, entity_id))
        if state is None and entity is not None and entity.type == "Post" and " of " in entity.label:
            # an envoy post minted without its mission ("Venezuela's ambassador"): the state it names
            sender = entity.label.split(" of ", 1)[1].split(" to ")[0]
            state = next((e.id for e in self.gaz.entities.values() if e.type == STATE and e.label == sender), None)
        return state or self.person_states.get(entity_id) or self._dictionary_state(entity, entity_id)

    def _dictionary_state(self, entity, entity_id: str) -> str | None:
        """A named person the article gives no state: the state the actor dictionary holds him for at
        the story's date (person_dictionary.py; asked last, so the text always wins).  A person the
        article gives an office of no state ("UN Secretary-General António Guterres": the UN's post)
        speaks for that office, not for the state the dictionary knows him of.  Only a person the
        article makes a speaker or an agent (``_acting_persons``): "Peru refused to recognise X's new
        term" acts on X, the person, and his state is not what the sentence names."""
        if entity is None or entity.type != "Person" or entity_id in self.person_posts:
            return None
        if entity_id not in self.dictionary_states:
            names = [n for n in (entity.label, *sorted(entity.aliases)) if " " in n.strip()]
            named = self._named_states()
            codes = {code for code, state in self.gaz.state_by_code.items() if state in named}
            code = dictionary_state(names, self.article.published, codes) if names else None
            if code and code.startswith(ORGANISATION):
                # an official of an organisation at the date speaks for it (none where the registry lacks it)
                organisation = organisation_id(code)
                self.dictionary_states[entity_id] = organisation if organisation in self.gaz.entities else None
            else:
                self.dictionary_states[entity_id] = self.gaz.state(code).id if code else None
        state = self.dictionary_states[entity_id]
        return state if state and entity_id in self._acting_persons() else None

    def _acting_persons(self) -> frozenset[str]:
        """The persons the article makes the subject of a clause ("Kagame broke off relations", "he
        said", a passive's "by Paul Biya"): its speakers and agents (again when mentions were added since)."""
        if self.acting_persons is None or self.acting_persons[0] != len(self.mentions):
            acting = set()
            for m in self.mentions:
                if m.type != "Person" or not m.entity:
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                root = span.root if span is not None and len(span) else None
                if root is not None and (root.dep_ in ("nsubj", "csubj") or root.dep_ == "pobj" and root.head.dep_ == "agent"):
                    acting.add(m.entity)
            self.acting_persons = (len(self.mentions), frozenset(acting))
        return self.acting_persons[1]

    def _impeaching_legislature(self, trigger, person: str | None) -> str | None:
        """An impeachment is by definition the legislature's act, and so is a removal told as done in a
        vote ("was toppled in a no-confidence vote", "removed by a vote of 61 to 20"): the one the
        registry knows for the removed person's state (never a guessed one)."""
        words = {trigger.lemma_.lower()} | {t.lemma_.lower() for t in trigger.conjuncts}
        if not (words & {"impeach", "impeachment"} or in_a_vote(trigger)) or person is None:
            return None
        state = self._actor_state(person) or self.focal_state_guess(None)
        legislature = next((e for e in self.gaz.entities.values() if state and e.type == "Legislature"
                            and e.attrs.get("organ_of") == state and not e.new), None)
        own = self._actor_state(person)   # (the removed person's own state, never the article's guessed one)
        named = _vote_chamber(trigger)
        if named is not None and not self._state_chamber(named[1], named[0], own):
            return None   # "in a vote in the European Parliament", "in the regional parliament": another body's vote
        if legislature is None and own in self.gaz.entities and named is not None:
            # "toppled in a no-confidence vote in parliament": the chamber the text names, as that state's organ
            return self.gaz.organ(own, named[0]).id
        return legislature.id if legislature is not None else None

    def _state_chamber(self, noun: Token, word: str, state: str | None) -> bool:
        """Whether the chamber noun a vote names is the state's legislature: its words before the chamber's own
        ("the national assembly") name nothing or name that state ("the Bulgarian parliament"; not "the European
        Parliament", "the Plovdiv regional parliament")."""
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i and c.lower_ not in word.split()]
        return all(state is not None and any(self.gaz.resolve(t).id == state for t, _ in self.gaz.surfaces.get(m.text, []))
                   for m in modifiers)

    def _own_legislature(self, agent: str, mentions: list[Mention], person: str | None) -> str:
        """'Congress voted to remove him': a legislature named bare was given the article's state; it
        is the removed person's own state's."""
        said = next((m for m in mentions if m.entity == agent), None)
        entity = self.gaz.entities.get(agent)
        state = self._actor_state(person) if person else None
        if said is None or entity is None or entity.type != "Legislature" or not state or state not in self.gaz.entities \
                or entity.attrs.get("organ_of") == state or not BARE_LEGISLATURE.fullmatch(said.surface.strip()):
            return agent
        return self.gaz.organ(state, said.surface.strip().lower().removeprefix("the ")).id

    def _heads_state(self, person: str | None) -> bool:
        """Whether a person holds a state's highest office (a president, a prime minister)."""
        post = self.gaz.entities.get(self.person_posts.get(person or "", ""))
        return post is not None and post.label.lower().startswith(HEAD_OFFICES)

    def _place_state(self, place: str) -> str | None:
        """The state a place name stands for or lies in ('La Paz' → Bolivia, 'Peru' → Peru)."""
        for target, kind in self.gaz.surfaces.get(place, []):
            entity = self.gaz.resolve(target)
            if kind == "capital":
                return entity.id if entity.type == STATE else self.gaz.state_of(entity.id)
            if entity.type == STATE:
                return entity.id
            if entity.type == "City" and entity.attrs.get("located_in"):
                return self.gaz.state_of(entity.attrs["located_in"]) or entity.attrs["located_in"]
        code = CITY_CODE.get(place) or CITY_CODE.get(place.removesuffix(" airport").removesuffix(" Airport"))
        return self.gaz.state(code).id if code else None  # "police in Istanbul": a large city places the act

    def _city_state(self, token, placed: bool = False) -> str | None:
        """The state of a city the gazetteer lacks, named by a place-name token ("a court in Pskov"):
        the world's cities (world_cities.py); ``placed``: the token stands where a place stands."""
        code = city_code(token, placed)
        return self.gaz.state(code).id if code else None

    def _host_state(self, entity_id: str) -> str | None:
        """The state an envoy's post or a mission is accredited to (its mission's receiving state)."""
        entity = self.gaz.entities.get(entity_id)
        mission = self.gaz.entities.get(entity.attrs.get("post_in", "")) if entity is not None else None
        mission = mission or entity
        return mission.attrs.get("receiving_state") if mission is not None else None

    def _lifted(self, rule: Rule) -> tuple[str, ...]:
        return ("Person",) if rule.state_level else ()

    def _state_id(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        return self.gaz.state_of(self.person_posts.get(mention.entity, mention.entity)) or mention.entity


#: how a removal says it was done by vote ("in a no-confidence vote", "by a motion of censure"), and the
#: votes that are no legislature's ("a popular vote", "a party vote"): frames.yaml
VOTE_PREPOSITIONS = english_words("vote_prepositions")
VOTE_NOUNS = english_words("vote_nouns")
NOT_A_LEGISLATURE_VOTE = english_words("not_legislature_votes")


def in_a_vote(trigger) -> bool:
    """Whether a removal is told as done in a vote, on its own phrase ("was ousted in a no-confidence
    vote", "her removal by a vote of 61 to 20"), a vote no party's or people's."""
    for prep in (c for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ in VOTE_PREPOSITIONS):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in VOTE_NOUNS):
            if not any(w.lower_ in NOT_A_LEGISLATURE_VOTE for w in noun.children if w.dep_ in ("amod", "compound")):
                return True
    return False



#: the words of a legislature as an organ (gazetteer.ORGANS: "parliament", "congress", "senate", ...)
CHAMBER_WORDS = frozenset(w for w, (kind, *_) in ORGANS.items() if kind == "Legislature")


def _vote_chamber(trigger) -> tuple[str, Token] | None:
    """The legislature a removal's vote names by its common word, on the vote or on the removal ("in a
    no-confidence vote in parliament", "ousted by a vote of the senate"), with the noun that names it; else None."""
    places = [trigger] + [noun for prep in trigger.children if prep.dep_ in ("prep", "agent") and prep.lower_ in VOTE_PREPOSITIONS
                          for noun in prep.children if noun.dep_ == "pobj" and noun.lemma_.lower() in VOTE_NOUNS]
    for place in places:
        for prep in (c for c in place.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "by")):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                words = " ".join([c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
                                 + [noun.lower_])
                for word in (words, noun.lower_):
                    if word in CHAMBER_WORDS:
                        return word, noun
    return None
