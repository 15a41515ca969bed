"""Who "he", "she", "the former vice president" and "the ministry" are: references resolved on the parse.

The article is read once, sentence by sentence, keeping its **entity chain**: every named actor
mention (and every reference already resolved) as a link with its sentence, head token and
grammatical role (subject > object > other).  A referring expression is resolved against the links
of its own sentence before it and of the last ``LOOK_BACK`` sentences, plus the titles and
descriptions seen so far in the article:

* personal pronouns agree in gender (first names, gendered titles, pronouns already resolved) and
  number; "it"/"its" stand for states and organisations, "they"/"their" for groups, states and
  coordinations ("Peru and Chile … their ambassadors" → both);
* binding: a reflexive takes the subject of its clause; "him"/"her" never the subject of its own
  clause (with control: in "X wanted to see him", "him" is not X); "I"/"we" in a quotation is the
  speaker the quotation is attributed to, and "he"/"she" in it is someone else;
* titles and appositions: "Foreign Minister X" and "X, the foreign minister," make "the foreign
  minister" X; "X, a 70-year-old lawyer," makes "the 70-year-old" and "the lawyer" X;
* groups: "the two governments", "both countries" are as many actors of that kind named together
  before (in reach, else the first such coordination of the article, as a lead names its parties);
  "the bloc", "the organisation" the international organisation named last;
* organs: "the ministry" is the ministry just named, else the foreign ministry of the state in
  focus; "the government", "the junta", "the regime" are the state in focus; "the court" its
  judiciary; "the embassy" the mission just named.

The English words (pronouns, gendered words, organ descriptions, speech verbs) are data, in
``coref.yaml``; the rules here read only the parse (dependency labels, tags, lemmas).

Deterministic, and linear in the article's length (the look-back is bounded).  A reference with no
fitting antecedent before it stays unresolved (no cataphora, no guessing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import tree
from .coref_descriptions import LOOK_BACK, DescriptionResolver, Span
from .coref_lexicon import (
    AGE_WORD,
    FEMALE_WORDS,
    FIRST_PERSON,
    GROUP_NOUNS,
    MALE_WORDS,
    ORGANISATIONS,
    PERSON_NOUNS,
    PRONOUNS,
    SPEECH_LEMMAS,
    TITLE_WORDS,
    portfolio_titles,
)
from .coref_pronouns import PronounResolver
from .coref_syntax import (
    _heads_subject,
    _in_main_clause_core,
    _office_phrase,
    _phrase,
    _possessor_of_thing_subject,
    _role,
    offices_told,
)
from .gazetteer import STATE, Entity, Mention, fold
from .misattached_appositions import TYING_PREPOSITIONS
from .tree import ANY_SUBJECTS, fan_out
from .world import FEMALE_NAMES, MALE_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: mention kinds that refer to an entity without naming it (the pipeline's own, unresolved)
REFERRING_KINDS = {"pronoun", "definite", "definite-post", "kin", "definite-group", "state-ref", "state-desc"}

#: a person who is the subject or object of the previous sentences' main clause, over one in a clause
#: below it ("X fled in May, weeks after he had dined with Y. Venezuela charged him": X), for a pronoun
#: in a later sentence (centering: the main clause's arguments are what the next sentence continues)
MAIN_CLAUSE_WEIGHT = 30
#: "A established relations with B": A and B one pair of states, as "A and B" are?
PAIR_OF_WITH = True
QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")


@dataclass
class _Link:
    """One link of the entity chain: an expression that stands for these entities."""
    referents: tuple[str, ...]
    sentence: int
    token: int
    role: int  # salience of its place in the sentence (see _role)
    speaker: bool = False  # the subject of a speech verb
    subject: bool = False  # the subject of its clause (role parallelism)
    later_role: int = 0  # its role for a pronoun in a later sentence (the main clause's arguments weigh more)
    # a thing subject's possessor ("X's release surprised the guards. In April he ..."): the subject's role,
    # for a subject pronoun after it, which continues the clause's topic (for any pronoun: held-out -1 tp +1 fp)
    owner_role: int = 0


def resolve_referents(doc: Doc, mentions: list[Mention], entities: dict[str, Entity], *,
                      organ: Callable[[str, str], str | None] | None = None) -> dict[Span, tuple[str, ...]]:
    """Every resolved referring expression → the entity ids it stands for (two or more for a plural
    pronoun bound to a coordination).  ``organ(state_id, organ_word)`` names (or mints) a state's organ
    for "the ministry" and the like; without it, only organs already in ``entities`` are used, and
    otherwise the state."""
    return _Resolver(doc, mentions, entities, organ).run()


def resolve_references(doc: Doc, mentions: list[Mention], entities: dict[str, Entity], *,
                       organ: Callable[[str, str], str | None] | None = None) -> dict[Span, str]:
    """Each referring expression with one referent → its entity id, keyed by its character span.
    (Plural pronouns bound to "A and B" have two: see :func:`resolve_referents`.)"""
    return {span: ids[0] for span, ids in resolve_referents(doc, mentions, entities, organ=organ).items()
            if len(ids) == 1}


class _Resolver(PronounResolver, DescriptionResolver):
    def __init__(self, doc: Doc, mentions: list[Mention], entities: dict[str, Entity],
                 organ: Callable[[str, str], str | None] | None) -> None:
        self.doc, self.entities, self.organ = doc, entities, organ
        self.text = tree.doc_text(doc)   # Doc.text joins every token: once per article
        self.sents = list(doc.sents)
        self.sentence_of: list[int] = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            self.sentence_of[sent.start:sent.end] = [k] * len(sent)
        # each state's organs, once (the entity table is the registry's, not the article's)
        self.organs: dict[str, list[Entity]] = {}
        for e in entities.values():
            if e.attrs.get("organ_of"):
                self.organs.setdefault(e.attrs["organ_of"], []).append(e)
        self.named: dict[int, str] = {}          # head token → entity of a named mention
        self.named_start: dict[int, list[int]] = {}   # first token → head tokens of mentions starting there
        self.inside_named: dict[int, int] = {}   # token of a named mention → its head
        self.title_words: dict[int, str] = {}
        for m in mentions:
            if not m.entity or m.kind in REFERRING_KINDS:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0 or span.root.i in self.named:
                continue
            self.named[span.root.i] = m.entity
            self.named_start.setdefault(span.start, []).append(span.root.i)
            self.inside_named.update((i, span.root.i) for i in range(span.start, span.end))
            if m.kind == "title" and m.surface:   # "Foreign Minister X": the surface holds the title
                self.title_words[span.root.i] = m.surface[:max(0, len(m.surface) - (m.end - m.start))]
        self.quoted: dict[int, Span] = {}        # token inside a quotation → the quotation
        for q in QUOTE.finditer(self.text):
            inner = doc.char_span(q.start(), q.end(), alignment_mode="expand")
            self.quoted.update((t.i, q.span()) for t in inner or () if q.start() < t.idx < q.end())
        self.links: dict[int, list[_Link]] = {}  # sentence → its links so far
        self.persons_named: Counter = Counter()  # person → how often named so far (the protagonist)
        self.named_so_far: dict[str, int] = {}   # described person → the token where last named
        self.described: dict[str, set[str]] = {}  # entity → its titles and descriptors
        self.gender: dict[str, str] = {}
        for head, entity in sorted(self.named.items()):   # what the article says of each person, once
            if self._type(entity) == "Person":
                self._learn_title(entity, self.title_words.get(head, ""))
                self._learn_from_context(entity, doc[head])
        self.resolved: dict[int, tuple[str, ...] | None] = {}  # token → referents (memo)
        self.spans: dict[int, Span] = {}
        self.article_links: list[_Link] = []     # organs and missions, for "the embassy" beyond the window

    # == the pass over the article ===================================================================
    def run(self) -> dict[Span, tuple[str, ...]]:
        for t in tree.tokens(self.doc):
            for head in self.named_start.get(t.i, ()):
                self._add_named(head)
            if t.i not in self.inside_named:
                self._resolve(t)
        return {self.spans[i]: ids for i, ids in sorted(self.resolved.items()) if ids}

    def _add_named(self, head: int) -> None:
        tok = self.doc[head]
        entity = self.named[head]
        self._link((entity,), tok)
        if self._type(entity) == "Person":
            self.persons_named[entity] += 1
        if entity in self.described:
            self.named_so_far[entity] = head
        conjuncts = [c for c in tok.conjuncts if c.i in self.named and c.i > head]
        if not conjuncts and tok.dep_ not in ("conj", "appos"):   # "Saudi Arabia, the UAE, Bahrain and Egypt"
            conjuncts = [c for c in list(fan_out(tok))[1:] if c.i in self.named and c.i > head]
        if conjuncts and tok.dep_ != "conj":   # "Peru and Chile": one plural link as well
            self._link(tuple(dict.fromkeys([entity] + [self.named[c.i] for c in conjuncts])), tok)
        partner = _pair_subject(tok) if PAIR_OF_WITH else None
        if partner is not None and partner.i in self.named and self.named[partner.i] != entity \
                and self._type(self.named[partner.i]) == self._type(entity) == STATE:
            # "Ghana established relations with Togo": the two parties, for "the two countries"
            self._link((self.named[partner.i], entity), tok)

    def _link(self, referents: tuple[str, ...], tok: Token) -> None:
        role = _role(tok)
        person = len(referents) == 1 and self._type(referents[0]) == "Person"
        later = role + MAIN_CLAUSE_WEIGHT if person and _in_main_clause_core(tok, self.quoted) else role
        # (a state too: "Ghana's relations with Togo soured. It expelled ...": Ghana, not the state named last)
        state = len(referents) == 1 and self._type(referents[0]) == STATE
        thing_owner = (person or state) and _possessor_of_thing_subject(tok) and _in_main_clause_core(tok.head, self.quoted)
        link = _Link(referents, self.sentence_of[tok.i], tok.i, role,
                     tok.dep_ in ANY_SUBJECTS and tok.head.lemma_ in SPEECH_LEMMAS, _heads_subject(tok), later,
                     _role(tok.head) + MAIN_CLAUSE_WEIGHT if thing_owner else 0)
        self.links.setdefault(link.sentence, []).append(link)
        if len(referents) == 1 and self._type(referents[0]) in ORGANISATIONS - {STATE}:
            self.article_links.append(link)

    def _window(self, tok: Token) -> list[_Link]:
        k = self.sentence_of[tok.i]
        return [link for s in range(max(0, k - LOOK_BACK), k + 1) for link in self.links.get(s, ())
                if link.token < tok.i]

    # == what the article says about its actors ========================================================
    def _learn_title(self, entity: str, words: str) -> None:
        words = " ".join(re.findall(r"[\w’'-]+", fold(words)))
        if not words:
            return
        described = self.described.setdefault(entity, set())
        described.update(m.group(0) for m in TITLE_WORDS.finditer(words))
        described.update(portfolio_titles(words))   # "Information Minister X": that minister, not any
        described.update(w for w in words.split() if w in PERSON_NOUNS or AGE_WORD.fullmatch(w))
        gendered = set(words.split()) | {words}
        if gendered & FEMALE_WORDS:
            self.gender.setdefault(entity, "f")
        elif gendered & MALE_WORDS:
            self.gender.setdefault(entity, "m")

    def _learn_from_context(self, entity: str, tok: Token) -> None:
        """Appositions ("X, the foreign minister,"; "the minister, X,"), predicates ("X is the
        ambassador"), titles and honorifics before the name ("former Vice President X", "Mr X")."""
        if self._type(entity) != "Person":
            return
        for child in tok.children:
            if child.dep_ == "appos" and child.i not in self.named:
                self._learn_title(entity, _office_phrase(child))
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and self._type(self.named.get(tok.head.i, "")) not in ("Person", "Post") \
                and tok.head.dep_ == "pobj" and tok.head.head.lower_ in TYING_PREPOSITIONS and tok.head.head.head.pos_ == "NOUN":
            # "Bolivia's ambassador in Santiago, Luis Arce,": the parse hangs the name on the place or body of the
            # "in"/"for" phrase, which a person does not rename; the name is the noun's (misattached_appositions.py)
            self._learn_title(entity, _office_phrase(tok.head.head.head))
        elif tok.dep_ == "appos" and (tok.head.i not in self.named or self._type(self.named[tok.head.i]) == "Post"):
            self._learn_title(entity, _office_phrase(tok.head))
        if tok.dep_ in ANY_SUBJECTS:
            for attr in (c for c in tok.head.children if c.dep_ == "attr" and c.i not in self.named):
                self._learn_title(entity, _phrase(attr))
        for office in offices_told(tok):   # "was appointed interior minister", "served as interior minister"
            self._learn_title(entity, " ".join(w.text for w in office.subtree if w.i <= office.i and w.i not in self.inside_named))
        before = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i not in self.named]
        if before:
            self._learn_title(entity, self.text[before[0].left_edge.idx:before[-1].idx + len(before[-1].text)])

    def _type(self, entity: str) -> str:
        return getattr(self.entities.get(entity), "type", "")

    def _gender_of(self, entity: str) -> str | None:
        """From the article (pronouns already resolved, gendered titles), else the first name."""
        first = (fold(getattr(self.entities.get(entity), "label", "")).split() or [""])[0]
        female = first in FEMALE_WORDS or (first in FEMALE_NAMES and first not in MALE_NAMES)
        male = first in MALE_WORDS or (first in MALE_NAMES and first not in FEMALE_NAMES)
        return self.gender.get(entity) or ("f" if female else "m" if male else None)

    def _state_of(self, entity: str | None) -> str | None:
        """The state an actor, post or mission belongs to (organ_of / post_in / sending_state)."""
        for _ in range(4):   # an organ's post's mission at most
            e = self.entities.get(entity or "")
            if e is None or e.type == STATE:
                return e.id if e else None
            entity = e.attrs.get("organ_of") or e.attrs.get("post_in") or e.attrs.get("sending_state")
        return None

    # == referring expressions =====================================================================
    def _resolve(self, tok: Token) -> tuple[str, ...] | None:
        if tok.i in self.resolved:
            return self.resolved[tok.i]
        self.resolved[tok.i] = None   # no cycles through a speaker's own pronoun
        word = tok.lower_
        span: Span = (tok.idx, tok.idx + len(tok.text))
        if word in FIRST_PERSON and tok.tag_ in ("PRP", "PRP$") and self._quote_of(tok) is not None:
            ids = self._speaker(tok)
        elif word in PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
            ids = self._pronoun(tok, word)
        else:
            found = self._description(tok)
            if found is None:
                return None
            span, ids = found
        self.resolved[tok.i] = ids
        if ids:
            self.spans[tok.i] = span
            if not (len(ids) > 1 and tok.lemma_.lower() in GROUP_NOUNS):
                self._link(ids, tok)  # a counted group adds no weight of its own to the states it names
        return ids

    def _referents_at(self, tok: Token) -> tuple[str, ...] | None:
        """What the expression headed by ``tok`` stands for: a named actor or a resolved reference."""
        if tok.i in self.named:
            conj = [self.named[c.i] for c in tok.conjuncts if c.i in self.named]
            if not conj and tok.dep_ not in ("conj", "appos"):   # "A, the B and C" parsed with B an apposition
                conj = [self.named[c.i] for c in list(fan_out(tok))[1:] if c.i in self.named]
            return tuple(dict.fromkeys([self.named[tok.i]] + conj))
        if tok.i in self.inside_named:
            return (self.named[self.inside_named[tok.i]],)
        # a counted group ("the two governments") is read where it is spoken about, never as a binder,
        # a reporter or a speaker: the chain stays what the named mentions make it
        found = self._resolve(tok) if not (tok.lemma_.lower() in GROUP_NOUNS and tok.tag_ in ("NNS", "NNPS")) else None
        if found is None:   # "Their commander, General X, …", "Paul VI": the named apposition or compound
            found = next((self._referents_at(c) for c in tok.children
                          if c.dep_ in ("appos", "compound", "flat") and c.i in self.named), None)
        return found

    def _ids(self, tok: Token | None) -> set[str]:
        return set(self._referents_at(tok) or ()) if tok is not None else set()

    # == quotations ====================================================================================
    def _quote_of(self, tok: Token) -> Span | None:
        return self.quoted.get(tok.i)

    def _speaker(self, tok: Token) -> tuple[str, ...] | None:
        """Who a quotation is attributed to: the subject of the speech verb governing it, else of a
        speech verb outside the quotation in the sentences it spans."""
        start, end = self._quote_of(tok) or (tok.idx, tok.idx)
        head = tok
        while head.head.i != head.i and start <= head.idx < end:
            head = head.head
        verbs = [head] if not start <= head.idx < end else []
        quoted = self.doc.char_span(start, end, alignment_mode="expand")
        sents = self.sents[self.sentence_of[quoted[0].i]:self.sentence_of[quoted[-1].i] + 1]
        verbs += [t for sent in sents for t in sent if not start <= t.idx < end and t.lemma_ in SPEECH_LEMMAS]
        for verb in verbs:
            if verb.lemma_ not in SPEECH_LEMMAS:
                continue
            subject = next((c for c in verb.children if c.dep_ in ANY_SUBJECTS and not start <= c.idx < end), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                return self._referents_at(subject)
        return None


def _pair_subject(tok: Token) -> Token | None:
    """'Ghana established relations with Togo', 'signed a treaty with Togo': the subject of the verb
    whose 'with' phrase (on the verb or its object) ``tok`` is the object of, where neither is a list."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "with" or tok.conjuncts:
        return None
    head = tok.head.head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass"):
        head = head.head
    if head.pos_ != "VERB":
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    # "A and B broke off relations with C": the coordination is the pair told, not A and C
    return subject if subject is not None and not subject.conjuncts else None
