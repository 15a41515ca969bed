"""The state an official serves, told by whose the office is rather than by a name of the state next
to the title.  Three constructions of English, read on the parse:

- a possessive pronoun on the title, whose antecedent is the clause's subject: "Lithuania recalled
  its ambassador, X", "the ministry said it had recalled its envoy, X" (the pronoun subject of a
  reported clause is the speaker's: the subject one clause up), "Oslo has withdrawn their
  chargé d'affaires, X"; at the head of a sentence ("Its spokesman, X, said ..."), the subject of
  the sentence before;
- the body or state the official works for, in a prepositional phrase on the title: "X, a spokesman
  for the Quai d'Orsay", "an official at Kenya's foreign ministry, X", "the minister of foreign
  affairs of Peru, X" (never "in" or "to": "the envoy in Lima" is where they are posted);
- a non-person possessor that acts for a state: "the Kremlin's spokesman, X", "Itamaraty's envoy X".

The owner must be a state, a capital or seat of government, or an organ whose state the gazetteer
knows; a person possessor is patron_states.py's.  Only official titles (``OFFICIAL_TITLES``), and only
persons the article gives no state otherwise.  A mixin of ``pipeline._Extractor``, run after the
patrons' states.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import STATE, Mention
from .speaker_sides import OFFICIAL_TITLE_HEADS, OFFICIAL_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Token

#: possessive pronouns that stand for a state or a body (a person's "his/her" is patron_states.py's)
BODY_POSSESSIVES = frozenset({"its", "their"})
#: prepositions by which a title names the body or state it is held for ("in", "to": a posting)
OWNER_PREPOSITIONS = frozenset({"for", "at", "of", "with"})
#: the subject relations whose holder owns what the clause's possessive pronoun names
SUBJECTS = ("nsubj", "nsubjpass")
#: titles of a government's members (no envoys: they serve abroad)
GOVERNMENT_TITLES = frozenset(OFFICIAL_TITLES - {"ambassador", "envoy", "consul", "chargé d'affaires", "high commissioner",
                                                 "official", "senior official"})
#: give the dateline's state to government members the article names with no state?  Measured and
#: left off: rules half 522/62/158 -> 490/99/190, held-out 312/92/225 -> 309/98/228 (a head of
#: government told by the dateline acts for it in every clause; one filed from abroad is wrong everywhere)
GOVERNMENT_BY_DATELINE = False


class TitleOwners:
    """Officials' states from the state or body whose office they hold (a mixin of the extractor)."""

    def _officials_of_owners(self) -> None:
        by_token: dict[int, Mention] | None = None
        for m in self.mentions:
            if m.type != "Person" or not m.entity or m.kind not in ("name", "alias"):
                continue
            if not self.person_titles.get(m.entity, set()) & OFFICIAL_TITLES or m.entity in self.person_states \
                    or self.gaz.state_of(self.person_posts.get(m.entity)):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if by_token is None:   # built at the first candidate only
                by_token = self._mentions_by_token()
            for owner in _owners(span.root) + _place_of_speech(span.root):
                state = self._owner_state(by_token.get(owner.i))
                if state:
                    self.person_states[m.entity] = state
                    break
        if GOVERNMENT_BY_DATELINE:
            self._government_of_dateline()

    def _government_of_dateline(self) -> None:
        """A member of a government the article names with no state at all ("Prime Minister X said")
        is of the dateline's state: wire copy quotes the government where it is filed.  Envoys are
        left out (an ambassador in the dateline's capital is usually a foreign one)."""
        state = None
        for person, titles in self.person_titles.items():
            if person in self.person_states or self.gaz.state_of(self.person_posts.get(person)) \
                    or not titles & GOVERNMENT_TITLES:
                continue
            state = state or self._dateline_state()
            if not state:
                return
            self.person_states[person] = state

    def _mentions_by_token(self) -> dict[int, Mention]:
        found: dict[int, Mention] = {}
        for m in self.mentions:
            if not m.entity or m.type == "Person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for token in span if span is not None else ():
                found.setdefault(token.i, m)
        return found

    def _owner_state(self, mention: Mention | None) -> str | None:
        """The state a state, capital or organ mention acts for (None for a person or an unknown)."""
        if mention is None:
            return None
        state = mention.entity if mention.type == STATE else self._actor_state(mention.entity)
        entity = self.gaz.entities.get(state) if state else None
        return state if entity is not None and entity.type == STATE else None


def _title_nouns(name: "Token") -> list["Token"]:
    """The title nouns a name carries: before it ("Ambassador X", "foreign ministry spokesman X") or as
    the noun it stands in apposition to ("its ambassador, X"; "X, a spokesman for ...")."""
    titles = [c for c in name.children if c.dep_ == "compound" and c.i < name.i]
    first = min([name.i] + [c.i for c in name.children if c.dep_ in ("compound", "flat") and c.i < name.i])
    before = name.doc[first - 2] if first - 2 >= name.sent.start and name.doc[first - 1].text == "," else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in OFFICIAL_TITLE_HEADS:
        titles.append(before)   # "A's envoy, X, and B's envoy, Y": Y's title is the one just before it,
        # whatever noun the parser hung the apposition on
    elif name.dep_ == "appos" and name.head.pos_ == "NOUN":
        titles.append(name.head)
    titles += [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > name.i]
    return [t for t in titles if t.lower_ in OFFICIAL_TITLE_HEADS]


def _owners(name: "Token") -> list["Token"]:
    """The tokens that tell whose office the name's title is, nearest first."""
    owners = []
    for title in _title_nouns(name):
        for child in title.children:
            if child.dep_ == "poss" and child.lower_ in BODY_POSSESSIVES:
                # "its" stands for one state or body, "their" for several ("Chile and Peru recalled
                # their envoys"): "Uganda expelled their envoy" is another state's envoy
                owners += [a for a in _antecedents(title) if (child.lower_ == "its") != _plural(a)]
            elif child.dep_ == "poss" and child.pos_ == "PROPN":
                owners.append(child)          # "the Kremlin's spokesman, X"
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
                owners += [o for o in child.children if o.dep_ == "pobj"]   # "a spokesman for the ministry"
    return owners


def _place_of_speech(name: "Token") -> list["Token"]:
    """'In Havana, Foreign Minister X said ...': the place a clause is fronted with, where the name
    is that clause's subject (an official speaking at home)."""
    if name.dep_ not in SUBJECTS or name.head.pos_ not in ("VERB", "AUX"):
        return []
    return [o for p in name.head.children if p.dep_ == "prep" and p.lower_ == "in" and p.i < name.i
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]


def _plural(subject: "Token") -> bool:
    return subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)


def _antecedents(title: "Token") -> list["Token"]:
    """What 'its'/'their' on a title stands for: the subject of the clause the title is in, or of the
    clause above when that subject is itself a pronoun ("said it had recalled its envoy"); at the head
    of a sentence, the subject of the sentence before."""
    verb = title
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    found: list["Token"] = []
    for _ in range(2):
        # "Its spokesman, X, said": a subject that holds the title itself is no antecedent
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and title not in c.subtree]
        if subjects and subjects[0].pos_ != "PRON":
            found.append(subjects[0])
            break
        if verb.dep_ == "ROOT":
            break
        verb = verb.head
        while verb.dep_ != "ROOT" and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
    if not found and title.i - title.sent.start <= 1:
        before = title.doc[title.sent.start - 1].sent if title.sent.start > 0 else None
        if before is not None:
            found += [c for c in before.root.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
    return found
