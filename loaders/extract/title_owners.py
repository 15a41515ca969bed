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

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .gazetteer import STATE, Mention
from .speaker_sides import OFFICIAL_TITLE_HEADS, OFFICIAL_TITLES
from .tree import (
    SUBJECTS,  # whose holder owns what the clause's possessive pronoun names
)
from .world import SEATS_OF_GOVERNMENT, state_at

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: possessive pronouns that stand for a state or a body (a person's "his/her" is patron_states.py's)
BODY_POSSESSIVES = frozenset({"its", "their"})
#: prepositions by which a title names the body or state it is held for ("in", "to": a posting)
OWNER_PREPOSITIONS = frozenset({"for", "at", "of", "with"})
#: nouns that stand for a state when an "of" names it ("the Republic of Ghana", "the government of Peru")
STATE_NOUNS = frozenset({"republic", "state", "kingdom", "government", "people", "federation", "emirate"})
#: verbs by which a relative clause says whose body a person leads or works for
SERVING_VERBS = frozenset({"head", "lead", "run", "direct", "chair", "work", "serve", "speak"})
#: bodies whose officials do not speak for a state ("the leader of the ruling party", "a judge of the
#: court").  A legislature's do ("the speaker of Iran's parliament"): measured with legislatures left out,
#: held-out 313/92/224 -> 312/92/225 and rules 522/63/158 -> 522/62/158 (the head of an opposition-held
#: assembly is the one rules-half loss: his words are not his government's)
NOT_GOVERNMENT = frozenset({"Court", "PoliticalParty", "InternationalOrganization"})
#: bodies a state's name may possess that do not act for its government
NOT_STATE_BODIES = frozenset({"party", "movement", "front", "opposition", "coalition", "court", "tribunal", "charity",
                              "company", "firm", "newspaper", "union", "church", "university", "team", "club"})


def stateless_named_persons(extractor, titles: frozenset[str] | None = None) -> Iterator[tuple[Mention, Span]]:
    """The persons named (by name or alias) whom neither a state nor a state's post is given yet (and who
    hold one of ``titles``, when given), each with its parsed span; checked as the walk reaches each, so a
    state found for one person counts at once."""
    for m in extractor.mentions:
        if m.type != "Person" or not m.entity or m.kind not in ("name", "alias"):
            continue
        if titles is not None and not extractor.person_titles.get(m.entity, set()) & titles:
            continue   # (before the span: the cheap test first)
        if m.entity in extractor.person_states or extractor.gaz.state_of(extractor.person_posts.get(m.entity)):
            continue
        span = extractor.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            yield m, span


class TitleOwners:
    """Officials' states from the state or body whose office they hold (a mixin of the extractor)."""

    def _officials_of_owners(self) -> None:
        by_token: dict[int, Mention] | None = None
        for m, span in stateless_named_persons(self):
            # an official by a title the finder gave, or by a title noun the parse hangs the name on
            # ("The Foreign Minister of the Republic of Ghana, X")
            official = bool(self.person_titles.get(m.entity, set()) & OFFICIAL_TITLES or _title_nouns(span.root))
            owners = (_owners(span.root) + _place_of_speech(span.root) if official else []) + _served(span.root)
            if not owners:
                continue
            if by_token is None:   # built at the first candidate only
                by_token = self._mentions_by_token()
            for owner in owners:
                state = self._owner_state(by_token.get(owner.i)) or self._seat_state(owner)
                if state:
                    self.person_states[m.entity] = state
                    if not self.person_titles.get(m.entity, set()) & OFFICIAL_TITLES:
                        # one who heads or works for a state's body, or holds a title the finder
                        # missed, speaks for that state (speaker_sides.py reads official titles)
                        self.person_titles.setdefault(m.entity, set()).add("official")
                    break
        # A government member with no state anywhere ("Prime Minister X said") is left without one: the
        # dateline's state, measured, cost rules 522/62/158 -> 490/99/190 and held-out 312/92/225 ->
        # 309/98/228 (one filed from abroad is wrong in every clause)

    def _mentions_by_token(self) -> dict[int, Mention]:
        found: dict[int, Mention] = {}
        for m in self.mentions:
            if not m.entity or m.type == "Person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for token in span if span is not None else ():
                found.setdefault(token.i, m)
        return found

    def _seat_state(self, owner: Token) -> str | None:
        """The state a seat of government compounded on a title stands for, where the title's own
        mention covers the seat's ("the White House press secretary, X")."""
        if owner.dep_ != "compound":
            return None
        words = _seat_words(owner)
        code = state_at(words, None, SEATS_OF_GOVERNMENT.get(words))
        return self.gaz.state(code).id if code else None

    def _owner_state(self, mention: Mention | None) -> str | None:
        """The state a state, capital or organ mention acts for (None for a person or an unknown)."""
        if mention is None or mention.type in NOT_GOVERNMENT:
            return None
        state = mention.entity if mention.type == STATE else self._actor_state(mention.entity)
        entity = self.gaz.entities.get(state) if state else None
        return state if entity is not None and entity.type == STATE else None


def _title_nouns(name: Token) -> list[Token]:
    """The title nouns a name carries: before it ("Ambassador X", "foreign ministry spokesman X") or as
    the noun it stands in apposition to ("its ambassador, X"; "X, a spokesman for ...")."""
    titles = [c for c in name.children if c.dep_ == "compound" and c.i < name.i]
    first = min([name.i] + [c.i for c in name.children if c.dep_ in ("compound", "flat") and c.i < name.i])
    before = name.doc[first - 2] if first - 2 >= name.sent.start and name.doc[first - 1].text == "," else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in OFFICIAL_TITLE_HEADS:
        titles.append(before)   # "A's envoy, X, and B's envoy, Y": Y's title is the one just before it,
        # whatever noun the parser hung the apposition on
    elif name.dep_ == "appos" and name.head.pos_ in ("NOUN", "PROPN"):
        titles.append(name.head)         # ("The Foreign Minister of Ghana, X": a capitalised title)
    titles += [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > name.i]
    return [t for t in titles if t.lower_ in OFFICIAL_TITLE_HEADS]


def _owners(name: Token) -> list[Token]:
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
            elif child.dep_ == "compound" and child.pos_ == "PROPN" and _seat_words(child) in SEATS_OF_GOVERNMENT:
                owners.append(child)          # "the White House press secretary, X", "Kremlin spokesman X"
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
                owners += [o for o in child.children if o.dep_ == "pobj"]   # "a spokesman for the ministry"
    return [w for o in owners for w in _through_state_nouns(o)]


def _seat_words(token: Token) -> str:
    """The words of a proper-noun compound ending at ``token`` ("White House", "Downing Street")."""
    return " ".join(t.text for t in token.subtree if t.i <= token.i and (t.i == token.i or t.dep_ == "compound"))


def _through_state_nouns(owner: Token) -> list[Token]:
    """'the Republic of Ghana', 'the government of Ghana': the state named in an 'of' after such a noun."""
    found = [owner]
    if owner.lower_ in STATE_NOUNS:
        found += [o for p in owner.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return found


def _served(name: Token) -> list[Token]:
    """'X, who heads Ghana's central bank', 'X, who works for the Kenyan foreign ministry': the body (or
    its possessor state) a relative clause on the name says the person leads or works for."""
    owners = []
    for clause in (c for c in name.children if c.dep_ == "relcl" and c.lemma_.lower() in SERVING_VERBS):
        if not any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in clause.children):
            continue
        objects = [o for o in clause.children if o.dep_ == "dobj"] + [
            o for p in clause.children if p.dep_ == "prep" and p.lower_ in OWNER_PREPOSITIONS for o in p.children if o.dep_ == "pobj"]
        for o in objects:
            owners.append(o)
            if o.lemma_.lower() not in NOT_STATE_BODIES:   # "Ghana's central bank", not "Ghana's ruling party"
                owners += [c for c in o.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return owners


def _place_of_speech(name: Token) -> list[Token]:
    """'In Havana, Foreign Minister X said ...': the place a clause is fronted with, where the name
    is that clause's subject (an official speaking at home)."""
    if name.dep_ not in SUBJECTS or name.head.pos_ not in ("VERB", "AUX"):
        return []
    return [o for p in name.head.children if p.dep_ == "prep" and p.lower_ == "in" and p.i < name.i
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]


def _plural(subject: Token) -> bool:
    return subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)


def _antecedents(title: Token) -> list[Token]:
    """What 'its'/'their' on a title stands for: the subject of the clause the title is in, or of the
    clause above when that subject is itself a pronoun ("said it had recalled its envoy"); at the head
    of a sentence, the subject of the sentence before."""
    verb = title
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    found: list[Token] = []
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
