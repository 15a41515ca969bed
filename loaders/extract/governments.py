"""Governments described rather than named: "the junta", "the military government of General X",
"X's government", "the Suharto administration", "the new authorities", "the coup leaders".

A description of a government acts for the state whose government it is:

* with an owner that is a person ("General X's regime", "his government", "the government of X",
  "the X government"), the state the article ties that person to (office, nationality); a civilian
  one whose owner it ties to none stays unresolved (the dateline's state or the state named last is
  no safe guess: measured, three false alarms for one event);
* with a state or its demonym ("the Malian junta", "Niger's junta"), that state;
* bare, a provisional or new one ("the interim government", "the new authorities"): the state where
  the article says power was seized, not the state named last; a government of soldiers ("the
  junta", "the military rulers", "the military government of General X" untied) that state, else
  the dateline's (wire copy from its capital).  A bare "the government" is left to the mentions'
  own rules.

A government of soldiers is a body of its own ("Junta of X", a GovernmentBody), as is a
provisional one ("Interim Government of X") or a new one: recognising the junta is recognising that
body (the mention's kind "regime", its body in ``regime_bodies``); in any other role the state
acts and is spoken of (the mention names the state).  The words are data
(``governments.yaml``); the rules read the parse only.  One pass over the article's tokens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ruamel.yaml import YAML

from . import tree
from .gazetteer import STATE, Entity, Mention, fold, slug
from .tree import (
    SUBJECTS,  # a government as a clause's subject acts ("the government of X expelled")
)
from .world import DEMONYMS

if TYPE_CHECKING:
    from spacy.tokens import Token

WORDS_FILE = Path(__file__).with_name("governments.yaml")


def load_word_file(path: Path) -> dict:
    """A word file of lists (frozensets) and mappings by key, without its ``language:`` line."""
    with path.open(encoding="utf-8") as handle:
        data = YAML(typ="safe").load(handle) or {}
    return {key: (dict(value) if isinstance(value, dict) else frozenset(value)) for key, value in data.items()
            if key != "language"}


WORDS = load_word_file(WORDS_FILE)
HEADS: dict[str, str] = WORDS["heads"]
QUALIFIED: dict[str, str] = WORDS["qualified"]
MILITARY, INTERIM, NEW = WORDS["military"], WORDS["interim"], WORDS["new"]
COUP, SEIZING, POWER = WORDS["coup"], WORDS["seizing"], WORDS["power"]
OVERTHROWING, OUSTING = WORDS["overthrowing"], WORDS["ousting"]
#: a leader's surname, folded (accents and case: "Erdoğan", "Erdogan") → the state his government is
#: ("the Assad regime", "the Kennedy administration")
SURNAME_GOVERNMENTS: dict[str, str] = {fold(name): code for name, code in WORDS["surname_governments"].items()}
#: the body each kind of government is, as (id, label) patterns over the state's id and label (a
#: junta's name keeps clear of "military", which names the armed forces: gazetteer.organ)
BODIES = {"junta": ("junta-of-{s}", "Junta of {S}"),
          "interim": ("interim-government-of-{s}", "Interim Government of {S}")}
#: a government named after its leader ("the government of X", "X's regime") stands for the state in
#: every role but a recognition's target, as a junta does
LEADERS_GOVERNMENT_SPEAKS_FOR_STATE = True
#: dependency labels of the words before a head that qualify it ("the military government")
MODIFIERS = ("amod", "compound", "nmod")


def description(head: Token) -> tuple[str, Token | None, bool] | None:
    """(kind, owner token, new) of the government description headed by ``head``, or None: its kind
    is `government`, `junta` or `interim`; its owner the possessor, the "of" object or a proper noun
    before it ("X's government", "his government", "the regime of General X", "the X government"); new where
    it replaced another ("the new authorities")."""
    lemma = head.lower_   # the word, else its lemma (tested without a generator: run on every token)
    if lemma not in HEADS and lemma not in QUALIFIED:
        lemma = head.lemma_.lower()
        if lemma not in HEADS and lemma not in QUALIFIED:
            return None
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ == "compound":
        return None
    words = {c.lower_ for c in head.lefts if c.dep_ in MODIFIERS}
    military, interim, new = bool(words & MILITARY), bool(words & INTERIM), bool(words & NEW)
    if lemma in QUALIFIED and not (military or interim or new):
        return None   # "the rulers", "the council": no government told
    kind = "junta" if military or HEADS.get(lemma) == "junta" else "interim" if interim else "government"
    # (a possessive pronoun is an owner too: "his government", whom the mentions resolved it to)
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
    if owner is None:
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if of is not None else None
    if owner is None:
        owner = next((c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return kind, owner, new


def seized_power(token: Token) -> bool:
    """Whether a token tells a seizure of power: "the coup", "overthrew", "seized power"."""
    lemma = token.lemma_.lower()
    if lemma in COUP or lemma in OVERTHROWING:
        return True
    return lemma in SEIZING and token.pos_ == "VERB" and (any(
        c.dep_ == "dobj" and c.lemma_.lower() in POWER for c in token.children) or misparsed_seizure(token))


def misparsed_seizure(token: Token) -> bool:
    """'Myanmar's military seized power' parsed as a noun phrase, the verb a modifier of "power"."""
    return token.dep_ == "amod" and token.tag_ == "VBD" and token.head.lemma_.lower() in POWER


class GovernmentDescriber:
    """The governments-described part of the extractor (mixed into ``pipeline._Extractor``)."""

    def _government_descriptions(self) -> None:
        """Mentions for the heads of government descriptions the article's mentions leave unnamed or
        name wrongly ("the junta" taken for the state named last), replacing those at their head."""
        found: list[Mention] = []
        for token in tree.tokens(self.doc):
            said = description(token)
            if said is None:
                continue
            kind, owner, new = said
            state = self._state_named_at(token)
            if state is not None and kind == "government":
                continue   # "Peru's government", "the Peruvian regime": the mentions name it
            if kind == "government" and owner is not None and owner.pos_ == "PRON":
                continue   # "his government": the mentions name the state of the person "his" stands for
            person = self._person_at(owner) if owner is not None else None
            if state is None and owner is not None:
                # a leader's surname alone names his state where his government acts ("the Assad regime
                # expelled"; spoken of, "called Maduro's government illegitimate", it is the leader, gold has it)
                surname = fold(owner.text) in SURNAME_GOVERNMENTS and token.dep_ in SUBJECTS
                if person is None and kind not in BODIES and not surname:
                    continue   # an owner that names no one the article knows (a junta or interim body stays one)
                state = self._leader_state(person, token) if person is not None else (
                    self.gaz.state(SURNAME_GOVERNMENTS[fold(owner.text)]).id if surname else None)
            if state is None and (kind in BODIES or owner is None and new):
                # a government of soldiers (or a new one) whose state its words leave untold: where the
                # article says power was seized; a junta's, else the dateline's (wire copy from its capital),
                # as a provisional one named after its head ("the interim government of X", X's state untold)
                state = (self._forces_named_before(token) if kind == "junta" else None) or self._seized_state() or (
                    self._dateline_state() if kind == "junta" or (kind == "interim" and owner is not None) else None) or (
                    self._ousted_state() if new and kind == "government" else None)   # "the new government" after an impeachment
            if state not in self.gaz.entities or self.gaz.entities[state].type != STATE:
                continue
            entity = self._government_body(state, kind)
            if kind in BODIES or new or owner is not None and LEADERS_GOVERNMENT_SPEAKS_FOR_STATE:
                # the state acts and is spoken of; only a recognition asks for the body (kind "regime")
                # ("the government of X said": X's state speaks, as the gold codes it)
                self.regime_bodies[token.idx] = entity.id
                if owner is not None and owner.dep_ == "poss" and owner.pos_ == "PROPN" and person is not None:
                    # "recognised Amin's military government", "would not recognise Rabuka's regime": what
                    # is recognised is the man whose government it is (the codebook's "what the actor is
                    # recognised as"; "the interim government of X" stays the body)
                    self.recognised_owners[token.idx] = person
                found.append(Mention(token.idx, token.idx + len(token.text), state, STATE, token.text, "regime"))
            else:
                found.append(Mention(token.idx, token.idx + len(token.text), entity.id, entity.type, token.text, "organ"))
        if found:
            heads = {(m.start, m.end) for m in found}
            kept = [m for m in self.mentions if not any(m.start <= s < m.end for s, _ in heads)]
            self.mentions = sorted(kept + found, key=lambda m: (m.start, -(m.end - m.start)))

    def _state_named_at(self, head: Token) -> str | None:
        """The state a description's own words name: "the Malian junta", "Niger's junta", "the junta in Niger"."""
        near = [c for c in head.lefts if c.dep_ in MODIFIERS + ("poss",)]
        near += [g for c in head.rights if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children if g.dep_ == "pobj"]
        for token in near:
            for mention in self._mentions_in(token.idx, token.idx + len(token.text)):
                if mention.type == STATE and mention.entity:
                    return mention.entity
        return None

    def _person_at(self, token: Token) -> str | None:
        """The person a token's mention names (the owner of "General X's regime")."""
        span = token.doc[token.left_edge.i:token.i + 1]
        for mention in self._mentions_in(span.start_char, span.end_char):
            if mention.type == "Person" and mention.entity:
                return mention.entity
        return None

    def _leader_state(self, person: str, head: Token) -> str | None:
        """The state of the person a government is named after: as the article ties him to one, else, where
        the government is a clause's subject ("the government of Carlos Menem granted"), as the actor
        dictionary does (actors.py asks it only of a person who is a subject himself; a government spoken of,
        "called the government of X illegitimate", stays the leader)."""
        state = self._actor_state(person)
        if state is None and head.dep_ in SUBJECTS and (entity := self.gaz.entities.get(person)) is not None:
            self._dictionary_state(entity, person)
            state = self.dictionary_states.get(person)
        return state

    def _seized_state(self) -> str | None:
        """The state of the first seizure of power the article tells (read once per article)."""
        if self.seizure_told is None:
            self.seizure_told = (self._seizure_state(),)
        return self.seizure_told[0]

    def _seizure_state(self) -> str | None:
        """The state of the first seizure of power the article tells where its own phrase says whose:
        "the coup in Niger", "the Malian coup", "Chile's armed forces overthrew President X", "seized
        power from President X" (the forces' state, else the ousted leader's)."""
        for token in tree.tokens(self.doc):
            if not seized_power(token):
                continue
            near = [c for c in (token.head if misparsed_seizure(token) else token).children
                    if c.dep_ in MODIFIERS + ("poss", "nsubj", "dobj")]
            # "seized power in Niger": the place may hang on the verb or on "power"
            heads = [token] + [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in POWER]
            near += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from", "against")
                     for g in c.children if g.dep_ == "pobj"]
            for word in near:
                state = self._state_of_phrase(word)
                if state is not None:
                    return state
        return None

    def _ousted_state(self) -> str | None:
        """The state of the first leader the article tells removed by a verb of ``ousting`` ("the senate
        removed President X", "X was impeached"), the person's, else the remover's ("Peru's congress"): whose
        "new government" follows."""
        for token in tree.tokens(self.doc):
            if token.pos_ != "VERB" or token.lemma_.lower() not in OUSTING:
                continue
            removed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            removers = [c for c in token.children if c.dep_ == "nsubj"] + [
                g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            for word in removed + removers:
                state = self._state_of_phrase(word)
                if state is not None:
                    return state
        return None

    def _forces_named_before(self, junta: Token) -> str | None:
        """The state of the armed forces named last in the passage before a junta ("Niger's military
        rulers fell out with Paris. The junta ..."), nearer than the article's first coup."""
        from .organs import MILITARY_WORDS, RULER_LOOKBACK

        for token in reversed(junta.doc[tree.sent_start_before(junta, RULER_LOOKBACK):junta.i]):
            if token.lemma_.lower() in MILITARY_WORDS:
                phrase = token.head if token.dep_ in ("amod", "compound") else token
                if (state := self._state_of_phrase(phrase)) is not None:
                    return state
        return None

    def _state_of_phrase(self, word: Token) -> str | None:
        """The state a phrase names: a state, an organ's ("Chile's armed forces"), a person's."""
        for mention in self._mentions_in(word.left_edge.idx, word.idx + len(word.text)):
            entity = self.gaz.entities.get(mention.entity) if mention.entity else None
            if entity is None:
                continue
            # a state; an organ's ("Chile's armed forces"); a person's, a city's ("seized power in Niamey")
            state = mention.entity if entity.type == STATE else (
                entity.attrs.get("organ_of") or self._actor_state(mention.entity))
            if state in self.gaz.entities and self.gaz.entities[state].type == STATE:
                return state
        return None

    def _government_body(self, state: str, kind: str) -> Entity:
        """The government of a state as the kind of description names it: its Government organ, or a
        body of its own for a junta or an interim government (the registry's where it has one)."""
        if kind not in BODIES:
            return self.gaz.organ(state, "government")
        id_pattern, label_pattern = BODIES[kind]
        entity = self.gaz.entities[state]
        body_id = id_pattern.format(s=state)
        if body_id in self.gaz.entities:
            return self.gaz.entities[body_id]
        demonyms = DEMONYMS.get(entity.country or "", ())
        word = "junta" if kind == "junta" else "interim government"
        aliases = {f"{d} {word}" for d in demonyms[:1]} | {f"{entity.label}'s {word}", f"{entity.label}’s {word}"}
        return self.gaz.add(Entity(slug(body_id), "GovernmentBody", label_pattern.format(S=entity.label), aliases,
                                   attrs={"organ_of": state}))


#: nouns of a government that its leader names ("the government of President X", "X's cabinet"): a person's
#: role (the one ousted, overthrown, removed) is the leader, not the state it also stands for (governments.yaml)
LED_GOVERNMENTS = WORDS["led_governments"]


def headed_by(head: Token) -> Token | None:
    """The person a government noun is named after ("the government of President X", "X's administration"),
    else None: the possessor or the "of" phrase's object, a proper name."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in LED_GOVERNMENTS:
        return None
    owners = [c for c in head.children if c.dep_ == "poss"] + tree.prep_objects(head, "of")
    return next((o for o in owners if o.pos_ == "PROPN" and o.ent_type_ not in ("GPE", "NORP")), None)
