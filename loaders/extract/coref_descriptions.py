"""Definite descriptions over the article's entity chain (a part of coref.py's resolver): "the former
vice president", "the 70-year-old", "the ministry", "the embassy", "the two governments", "its
neighbour" — the person a title or an apposition described, the organ or mission of the state in
focus, the group of actors named together before.  The words are data, in ``coref.yaml``."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .coref_lexicon import (
    AGE,
    AGE_WORD,
    BODY_NOUNS,
    CARETAKER_HEADS,
    CARETAKER_QUALIFIERS,
    COLLECTIVE_NOUNS,
    GROUP_NOUNS,
    HEAD_TITLES,
    MISSION_BUILDINGS,
    MISSION_WORDS,
    NAMED_BODY_HEADS,
    NUMBER_WORDS,
    ORGAN_DESCRIPTIONS,
    ORGANISATIONS,
    PERSON_NOUNS,
    QUALIFIERS,
    TITLE_WORDS,
    _fits,
    _title_fits,
    portfolio_titles,
)
from .coref_states import BREAKAWAY, STATE_NOUNS, description_kinds
from .coref_states import fits as _fits_state
from .coref_syntax import _binder, _reporter
from .deposed import by_fall, deposed, deposers
from .gazetteer import ORGANS, STATE, fold
from .organs import RULER_WORDS
from .person_descriptions import PersonDescriptions, gift_compound
from .tree import ANY_SUBJECTS, acted_on_states, fan_out, last_two_told_together

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .coref import _Link

Span = tuple[int, int]
#: "the two governments" with no such coordination in reach: the article's first one (a lead names
#: its parties: rules half +2 tp -1 fp over the reach alone, held-out unchanged)
GROUP_FROM_LEAD = True
#: how many sentences before the current one a pronoun may reach
LOOK_BACK = 3

#: the nouns of one who speaks for a body ("a ministry spokesman")
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
#: nouns that, owned by a state ("its neighbour", "their rival"), stand for another state in focus
OTHER_STATE_NOUNS = frozenset({"neighbour", "neighbor", "rival", "foe", "adversary"})

_NOMINAL = frozenset({"NOUN", "PROPN"})


#: "the 83-year-old president" where no one was described by that age: the person the title names?
AGE_THEN_TITLE = True


class DescriptionResolver(PersonDescriptions):
    """The definite-description part of coref's resolver (mixed into ``coref._Resolver``, whose
    chain, windows and helpers it reads)."""

    # == definite descriptions =======================================================================
    def _description(self, tok: Token) -> tuple[Span, tuple[str, ...] | None] | None:
        """'the former vice president', 'the 70-year-old', 'the ministry', 'the embassy'."""
        if tok.lower_ == "the":   # "the 70-year-old said" (before a noun, the noun's turn)
            age = AGE.match(self.text, tok.idx)
            if age and not (tok.head.pos_ in ("NOUN", "PROPN") and tok.head.idx >= age.end()):
                return (tok.idx, age.end()), self._person(tok, age.group("age").lower(), tok)
            return None
        if tok.pos_ not in _NOMINAL and tok.lower_ not in COLLECTIVE_NOUNS and not _bare_count(tok) \
                and (lemma := tok.lemma_.lower()) not in GROUP_NOUNS and lemma not in OTHER_STATE_NOUNS:
            return None  # (most tokens: no noun, no group's word, no neighbour; every test below asks one)
        group = self._group(tok)
        if group is not None:
            return group
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if poss is not None and tok.lemma_.lower() in OTHER_STATE_NOUNS and tok.tag_ not in ("NNS", "NNPS"):
            # "Algeria severed relations with its neighbour": the state in focus other than the owner
            owner = {self._state_of(r) for r in self._resolve(poss) or ()}
            return (poss.idx, tok.idx + len(tok.text)), self._described_state(tok, [], also_excluded=owner)
        det = next((c for c in tok.lefts if c.dep_ == "det"), None) or gift_compound(tok)
        if det is None and tok.dep_ == "compound" and tok.lower_ in ORGAN_DESCRIPTIONS and tok.head.lemma_.lower() in SPOKESPEOPLE:
            # "a ministry spokesman said": the ministry just named (or the state in focus's), as "the ministry"
            return (tok.idx, tok.idx + len(tok.text)), self._organ(tok, tok.lower_)
        if det is None and tok.pos_ == "NOUN":   # "Kenya's interior minister resigned": the one titled so
            owned = self._owned_office(tok)
            if owned is not None:
                return owned
        if tok.pos_ not in ("NOUN", "PROPN") or det is None or det.lower_ != "the" \
                or tok.dep_ in ("compound", "attr") and det.head.i == tok.i:   # (a gift's compound: its det)
            return None
        span = (det.idx, tok.idx + len(tok.text))
        words = " ".join(w.lower_ for w in self.doc[det.i + 1:tok.i + 1] if w.lower_ not in QUALIFIERS)
        named = next((c for c in tok.children if c.dep_ == "appos" and c.i in self.named), None)
        if named is None and tok.dep_ == "appos" and (tok.head.i < tok.i or tok.head.i in self.named):
            named = tok.head                             # "X, the foreign minister, …"
        if named is not None:                            # "the foreign minister, X, …"
            return span, self._referents_at(named)
        if any(t.i in self.inside_named for c in tok.rights if c.dep_ == "prep" for t in c.subtree):
            return None  # "the president of Peru", "the embassy in Quito": named, not referred to
        age = AGE_WORD.search(self.text, det.idx, tok.idx)
        if age:
            # "the 83-year-old president": the one described by that age, else (no one was) the one the
            # title after it names, as "the president" would
            aged = self._person(tok, age.group(0).lower(), det)
            if aged or not AGE_THEN_TITLE or not [m for m in TITLE_WORDS.finditer(words) if m.end() == len(words)]:
                return span, aged
        kinds = description_kinds(tok)
        if kinds is not None and (kinds or words not in ORGAN_DESCRIPTIONS):   # "the kingdom", "the Gulf state"
            return span, self._described_state(tok, kinds)
        if words == tok.lower_ and words not in ORGAN_DESCRIPTIONS and (same_head := self._organ_by_head(tok)):
            return span, same_head   # "Pakistan's foreign office ... The office's spokesman"
        organ = next((w for w in (words, (words.split() or [""])[-1]) if w in ORGAN_DESCRIPTIONS), None)
        if organ is not None:
            return span, self._ruled_state(tok) or self._organ(tok, organ)
        if tok.lemma_ in MISSION_WORDS:
            return span, self._mission(tok)
        if (tok.lemma_ in MISSION_BUILDINGS or tok.lower_ in MISSION_BUILDINGS) and tok.dep_ in ("dobj", "nsubjpass", "pobj") and [c.lower_ for c in tok.children] == ["the"]:
            return span, self._mission(tok, reach=2)   # "stormed the building": the embassy just named
        if tok.lemma_.lower() in BODY_NOUNS and tok.tag_ not in ("NNS", "NNPS"):
            return span, self._body(tok)
        if tok.lemma_.lower() in NAMED_BODY_HEADS and tok.tag_ == "NN" and words == tok.lower_:
            return span, self._named_body(tok)
        if tok.tag_ in ("NNS", "NNPS"):
            return None
        title = [m.group(0) for m in TITLE_WORDS.finditer(words) if m.end() == len(words)]
        portfolio = [t for t in portfolio_titles(words) if words.endswith(t)]
        if portfolio:   # "the information minister": only the one titled so (coref.yaml portfolios)
            return span, self._person(tok, portfolio[0], det)
        if title and title[0] in CARETAKER_HEADS:
            caretaker = self._caretaker(tok, det)
            if caretaker is not None:
                return span, caretaker
        if title:
            return span, self._person(tok, title[0], det)
        if tok.lemma_ in PERSON_NOUNS:
            return span, self._person(tok, tok.lemma_, det)
        described = self._described_person(tok, det)   # "the engineer", "the man" (person_descriptions.py)
        return (span, described) if described else None

    def _owned_office(self, tok: Token) -> tuple[Span, tuple[str, ...] | None] | None:
        """'Kenya's interior minister', 'Peru's president' with no name after: the person the article
        titled so (whose state article_anaphora checks against the owner's)."""
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.i in self.named
                      and self._type(self.named[c.i]) == STATE), None)
        if owner is None or owner.right_edge.i + 1 > tok.i or any(c.dep_ == "appos" for c in tok.children):
            return None
        first = self.doc[owner.right_edge.i + 1]
        words = " ".join(w.lower_ for w in self.doc[first.i:tok.i + 1] if w.lower_ not in QUALIFIERS)
        key = next(iter([t for t in portfolio_titles(words) if words.endswith(t)]
                        + [m.group(0) for m in TITLE_WORDS.finditer(words) if m.end() == len(words)]), None)
        return ((first.idx, tok.idx + len(tok.text)), self._person(tok, key, first)) if key else None

    def _person(self, tok: Token, key: str, first: Token) -> tuple[str, ...] | None:
        """A person described by a title or descriptor the article gave them before."""
        excluded = self._ids(_binder(tok, reflexive=False))
        if by_fall([w.text for w in self.doc[first.i:tok.i]]):
            excluded = excluded | self._deposers()   # "the ousted leader": not the one who ousted him
        # "X said the minister's words ...": the minister is someone else, if anyone else fits
        reported = self._ids(_reporter(tok))
        # a person in the last sentences the article describes so (anywhere: a title is not a
        # reference), else the person named last with that title so far
        window = [link for link in reversed(self._window(first)) if len(link.referents) == 1]
        fitting = [link for link in window if link.referents[0] not in excluded
                   and _title_fits(key, self.described.get(link.referents[0], ()))]
        fits = sorted((link.referents[0] for link in fitting), key=lambda e: e in reported)
        if fits:
            return None if _tied(fitting, reported, self.doc) else (fits[0],)
        holders = [e for e in self.named_so_far if e not in excluded and _title_fits(key, self.described[e])]
        return (max(holders, key=lambda e: (e not in reported, self.named_so_far[e])),) if holders else None

    def _caretaker(self, tok: Token, det: Token) -> tuple[str, ...] | None:
        """'the new interim leader': the person titled a caretaker head with the same qualifier ("X, interim
        president"); a generic noun alone is too loose a title to name a head of state by."""
        qualifier = next((w.lower_ for w in self.doc[det.i + 1:tok.i] if w.lower_ in CARETAKER_QUALIFIERS), None)
        if qualifier is None:
            return None
        return next((found for head in sorted(HEAD_TITLES) if (found := self._person(tok, f"{qualifier} {head}", det))), None)

    def _deposers(self) -> set[str]:
        """The persons the article names as deposing someone and never as deposed (deposed.py; read once
        per article)."""
        found = getattr(self, "_deposers_found", None)
        if found is None:
            found = self._deposers_found = {self.named[t.i] for t in deposers(self.doc) if t.i in self.named} \
                - {self.named[t.i] for t in deposed(self.doc) if t.i in self.named}
        return found

    def _focus_state(self, tok: Token, other_than: set[str] = frozenset()) -> str | None:
        """The state the last sentences are about: subjects count most, then recency."""
        scores: Counter = Counter()
        for referents, (score, _) in self._salience(tok).items():
            for state in {self._state_of(r) for r in referents} - {None} - set(other_than):
                scores[state] += score
        if not scores:
            return None
        return max(sorted(scores), key=lambda s: scores[s])

    def _described_state(self, tok: Token, kinds: list[str], also_excluded: set | None = None) -> tuple[str, ...] | None:
        """'the kingdom', 'the island nation': the state in focus that fits the description, else the
        state the article named last that fits; never the clause's own subject where it is acted on
        ("Nauru cut ties with the island nation"), nor a state its subject acts on."""
        if also_excluded is None and not kinds and (tok.dep_ not in ANY_SUBJECTS or self._quote_of(tok) is not None):
            return None   # "the nation" that does not act, or in a quotation ("the nation's money"): no actor told
        binder = _binder(tok, reflexive=False)
        # (a counted group binds here too: "the quartet restored ties with the Gulf emirate" is none of the four)
        bound = self._ids(binder) or set(self._resolve(binder) or ()) if binder is not None and binder.i not in self.inside_named \
            else self._ids(binder)
        excluded = self._acted_on_states(tok) | {self._state_of(r) for r in bound} | (also_excluded or set())
        if also_excluded is not None and not (also_excluded - {None}):
            return None   # "its neighbour" whose owner is unknown: whose neighbour, untold
        code = lambda state: getattr(self.entities.get(state), "country", None)
        scores: Counter = Counter()
        last: dict[str, int] = {}
        for referents, (score, at) in self._salience(tok).items():
            for state in {self._state_of(r) for r in referents} - {None} - excluded:
                if _fits_state(code(state), kinds) or not kinds:
                    scores[state] += score
                    last[state] = max(last.get(state, at), at)
        if scores:
            ranked = scores.most_common(2)
            if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                return None   # "Georgia and Armenia ... the former Soviet republic": two fit alike, which one is untold
            return None if self._listed_with_unknown(kinds, last[ranked[0][0]]) else (ranked[0][0],)
        if not kinds:
            return None
        for k in range(self.sentence_of[tok.i] - LOOK_BACK - 1, -1, -1):   # further back: the last that fits
            for link in reversed(self.links.get(k, ())):
                for state in [self._state_of(r) for r in link.referents]:
                    if state and state not in excluded and _fits_state(code(state), kinds):
                        return None if self._listed_with_unknown(kinds, link.token) else (state,)
        return None

    def _listed_with_unknown(self, kinds: list[str], at: int) -> bool:
        """'Somaliland and Puntland declared independence ... the breakaway republic': the state that fits a
        breakaway description was named in a list with a name the world facts do not know, which has no
        code and so fits it as well: which one is meant, untold."""
        if BREAKAWAY not in kinds:
            return False
        first = self.doc[at]
        while first.dep_ in ("conj", "appos") and first.head.i < first.i:
            first = first.head
        return any(t.pos_ == "PROPN" and t.i not in self.inside_named for t in fan_out(first))

    def _organ_by_head(self, tok: Token) -> tuple[str, ...] | None:
        """'the office', 'the agency': the one organ of the last sentences whose mention has that head noun
        ("Pakistan's foreign office", "the International Atomic Energy Agency"); none where two have it."""
        heads = {link.referents[0] for link in self._window(tok) if len(link.referents) == 1
                 and self._type(link.referents[0]) in ORGANISATIONS - {STATE}
                 and self.doc[link.token].lemma_.lower() == tok.lemma_.lower()}
        return (heads.pop(),) if len(heads) == 1 else None

    def _ruled_state(self, tok: Token) -> tuple[str, ...] | None:
        """'Niger's new military rulers accused France ... The junta': a junta (putschists, mutineers) is the
        state whose armed forces the passage named, not the state in focus (as organs.ruled_state)."""
        if tok.lemma_.lower() not in RULER_WORDS:
            return None
        forces = [self.entities.get(link.referents[0]) for link in self._window(tok) if len(link.referents) == 1]
        ruled = {f.attrs.get("organ_of") for f in forces if f is not None and f.id.startswith("armed-forces-of-")} - {None}
        return (ruled.pop(),) if len(ruled) == 1 else None   # (two states' forces: the clause cannot tell)

    def _organ(self, tok: Token, description: str) -> tuple[str, ...] | None:
        word = ORGAN_DESCRIPTIONS[description]
        named = [link.referents[0] for link in self._window(tok) if len(link.referents) == 1
                 and self._type(link.referents[0]) in ORGANISATIONS - {STATE}
                 and _fits(self.entities.get(link.referents[0]), description)]
        if named:
            return (named[-1],)          # "the Peruvian Foreign Ministry … the ministry"
        state = self._focus_state(tok, self._acted_on_states(tok))
        if state is None:
            return None
        if word is None:
            return (state,)
        known = next((e.id for e in self.organs.get(state, ()) if e.type == ORGANS[word][0] and _fits(e, description)), None)
        minted = known or (self.organ(state, word) if self.organ else None)
        return (minted or state,)

    def _acted_on_states(self, tok: Token) -> set[str]:
        """The states an organ acts on in its own clause, which it is not the organ of (one summons,
        expels or protests to another state's envoy)."""
        return acted_on_states(tok, self._states_named_at)

    def _states_named_at(self, tok: Token) -> set[str]:
        if tok.i not in self.named and tok.i not in self.inside_named:
            return set()
        return {self._state_of(r) for r in self._ids(tok) if self._type(r) != "Person"} - {None}

    def _group(self, tok: Token) -> tuple[Span, tuple[str, ...] | None] | None:
        """'the two governments', 'both countries', 'the three neighbours': that many actors of the
        noun's kind named together, in reach (the latest), else the article's first such coordination."""
        if _bare_count(tok):
            return self._counted(tok)
        collective = COLLECTIVE_NOUNS.get(tok.lower_)   # "the quartet"
        kind = STATE if collective else GROUP_NOUNS.get(tok.lemma_.lower())
        if kind is None or (tok.tag_ not in ("NNS", "NNPS") and not collective) or tok.dep_ == "compound":
            return None
        count = collective or next((NUMBER_WORDS[c.lower_] for c in tok.lefts if c.dep_ in ("nummod", "det", "predet", "preconj")
                                    and c.lower_ in NUMBER_WORDS), None)
        first = tok.left_edge
        if count is None or first.lower_ not in ("the", "both"):
            return None
        span = (first.idx, tok.idx + len(tok.text))

        # "the two monarchies", "both republics": the noun's own kind of state, where it names one
        # (state_descriptions.yaml), holds for every member; "the two countries" asks none
        asked = STATE_NOUNS.get(tok.lemma_.lower()) if kind == STATE else None
        asked = [asked] if asked not in (None, "any", "qualified") else []
        code = lambda r: getattr(self.entities.get(r), "country", None)

        def fits(link: _Link) -> bool:
            return len(link.referents) == count and all(self._type(r) == kind for r in link.referents) \
                and all(_fits_state(code(r), asked) for r in link.referents if asked)

        near = [link for link in self._window(tok) if fits(link)]
        if near:
            return span, near[-1].referents
        k = self.sentence_of[tok.i]
        early = [link for s in range(k + 1) for link in self.links.get(s, ()) if link.token < tok.i and fits(link)]
        return span, (early[0].referents if early and GROUP_FROM_LEAD else None)

    def _counted(self, tok: Token) -> tuple[Span, tuple[str, ...] | None] | None:
        """'relations with the three', 'the two met on Monday': a bare number word is that many actors
        of one kind named together in reach (the latest); never the article's lead (a bare number
        refers only close by)."""
        count = NUMBER_WORDS[tok.lower_]
        first = next((c for c in tok.lefts if c.dep_ == "det"), None)
        if first is None or first.lower_ != "the":
            return None
        near = [link for link in self._window(tok) if len(link.referents) == count
                and len({self._type(r) for r in link.referents}) == 1]
        return (first.idx, tok.idx + len(tok.text)), (near[-1].referents if near else None)

    def _body(self, tok: Token) -> tuple[str, ...] | None:
        """'the bloc', 'the organisation': the international organisation named last in the article."""
        for link in reversed(self.article_links):
            if link.token < tok.i and self._type(link.referents[0]) == "InternationalOrganization":
                return link.referents
        return None

    def _named_body(self, tok: Token) -> tuple[str, ...] | None:
        """'the council': the one body named before whose name has that head noun ("the National
        Transitional Council"); none where two such bodies were named, or none."""
        noun = tok.lower_
        found = {link.referents[0] for link in self.article_links if link.token < tok.i
                 and noun in fold(getattr(self.entities.get(link.referents[0]), "label", "")).split()}
        return (found.pop(),) if len(found) == 1 else None

    def _mission(self, tok: Token, reach: int = 2 * LOOK_BACK) -> tuple[str, ...] | None:
        """'the embassy': the mission named last, within twice the look-back (a building stays in view longer)."""
        k = self.sentence_of[tok.i]
        for link in reversed(self.article_links):
            if link.sentence < k - reach:
                break
            if link.token < tok.i and self._type(link.referents[0]) in ("Embassy", "DiplomaticMission"):
                return link.referents
        return None


def _tied(fitting: list, reported: set, doc) -> bool:
    """Whether the two persons told last with the title were told together, names of one list
    (tree.last_two_told_together), among those the clause does not set aside as its reporter (``_person``)
    where there are any: which one the description means, nothing tells."""
    last: dict[str, int] = {}
    for link in fitting:   # (newest first)
        last.setdefault(link.referents[0], link.token)
    pool = [e for e in last if e not in reported] or list(last)
    return last_two_told_together({e: doc[last[e]] for e in pool})


def _bare_count(tok: Token) -> bool:
    """'the three', 'the two' standing alone as a noun phrase's head (not "the three countries")."""
    return tok.tag_ == "CD" and tok.lower_ in NUMBER_WORDS and tok.dep_ not in ("nummod", "compound", "amod", "quantmod")
