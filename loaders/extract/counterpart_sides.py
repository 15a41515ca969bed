"""A person's side from their counterpart: "Foreign Minister X and his Chinese counterpart, Y,
signed ...", "X met her Togolese counterpart, Y", "X, speaking after talks with his Lebanese
counterpart": a counterpart holds the same office on the other side, so X serves the state on the
other side of the counterpart's state in what the article tells (``_other_side``), never the
counterpart's state itself; the counterpart named (Y) is an official of the state on the noun
(names.py gives Y that state as a person's; an official speaks for it).  Only what the article says: the possessive must go back to X on the parse.

``CounterpartSides`` is a part of the Statement coder (through ``speaker_sides.SpeakerSides``): it
reads the extractor's parse, mentions and events.
"""

from __future__ import annotations

from .gazetteer import PERSON_TYPES, STATE

#: a person's side from "X and his Chinese counterpart"?
SIDE_FROM_COUNTERPART = True
COUNTERPART_NOUNS = frozenset({"counterpart"})
POSSESSIVES = frozenset({"his", "her", "their"})
#: relations by which the counterpart noun hangs on X's clause (conj: "X and his counterpart")
CLAUSE_RELATIONS = frozenset({"dobj", "pobj", "prep", "conj", "appos"})


def _holder(noun):
    """The token naming whose counterpart ``noun`` is: the noun it is coordinated with ("X and his
    counterpart"), else the subject of the verb it hangs on ("X met his counterpart", "X, speaking
    after talks with his counterpart, said")."""
    if noun.dep_ == "conj":
        return noun.head
    token = noun
    for _ in range(5):
        if token.dep_ not in CLAUSE_RELATIONS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None and token.dep_ in ("advcl", "acl") and token.head.pos_ in ("VERB", "AUX", "PROPN", "NOUN"):
                # "X, speaking after talks with his counterpart, says": the participle's subject is its head's
                head = token.head
                subject = head if head.pos_ in ("PROPN", "NOUN") else next((c for c in head.children if c.dep_ == "nsubj"), None)
            return subject
    return None


class CounterpartSides:
    """Which state a person serves, from the counterpart the article gives them."""

    def _counterpart_side(self, person: str) -> str | None:
        if not SIDE_FROM_COUNTERPART:
            return None
        cache = self.__dict__.setdefault("_counterpart_sides", {})
        if person not in cache:
            cache[person] = self._find_counterpart_side(person)
        return cache[person]

    def _find_counterpart_side(self, person: str) -> str | None:
        for noun in self._counterpart_nouns():
            if not any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in noun.children):
                continue
            # the counterpart's state: the demonym or state on the noun ("his Chinese counterpart")
            theirs = next((m.entity for c in noun.lefts for m in self._mentions_in(c.left_edge.idx, c.idx + len(c.text))
                           if m.type == STATE), None)
            if theirs is None:
                continue
            named = [c for c in noun.children if c.dep_ == "appos"] + ([noun.head] if noun.dep_ == "appos" else [])
            if any(self._names(token, person) for token in named):
                return theirs   # the counterpart named: an official of that state
            holder = _holder(noun)
            if holder is None or not self._names(holder, person):
                continue
            side = self._other_side(person, theirs, noun.idx)
            entity = self.gaz.entities.get(side) if side else None
            if entity is not None and entity.type == STATE and side != theirs:
                return side
        return None

    def _names(self, token, person: str) -> bool:
        """Whether the name phrase headed by ``token`` is a mention of ``person``."""
        return any(m.entity == person and m.type in PERSON_TYPES
                   for m in self._mentions_in(token.left_edge.idx, token.idx + len(token.text)))

    def _counterpart_nouns(self) -> list:
        found = self.__dict__.get("_counterpart_tokens")
        if found is None:
            found = self.__dict__["_counterpart_tokens"] = [t for t in self.doc if t.lemma_.lower() in COUNTERPART_NOUNS]
        return found
