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
* organs: "the ministry" is the ministry just named, else the foreign ministry of the state in
  focus; "the government", "the junta", "the regime" are the state in focus; "the court" its
  judiciary; "the embassy" the mission just named.

Deterministic, and linear in the article's length (the look-back is bounded).  A reference with no
fitting antecedent before it stays unresolved (no cataphora, no guessing).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .gazetteer import ORGANS, STATE, TITLES, Entity, Mention, fold
from .world import FEMALE_NAMES, MALE_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Span = tuple[int, int]
#: how many sentences before the current one a pronoun may reach
LOOK_BACK = 3
#: mention kinds that refer to an entity without naming it (the pipeline's own, unresolved)
REFERRING_KINDS = {"pronoun", "definite", "kin", "definite-group"}

#: pronoun → (gender m/f/n/p, case subj/obj/poss/refl); "her" is obj or poss by its tag
PRONOUNS = {
    "he": ("m", "subj"), "him": ("m", "obj"), "his": ("m", "poss"), "himself": ("m", "refl"),
    "she": ("f", "subj"), "her": ("f", "obj"), "hers": ("f", "poss"), "herself": ("f", "refl"),
    "it": ("n", "subj"), "its": ("n", "poss"), "itself": ("n", "refl"),
    "they": ("p", "subj"), "them": ("p", "obj"), "their": ("p", "poss"), "theirs": ("p", "poss"),
    "themselves": ("p", "refl"),
}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
#: what "it" and "its" may stand for
ORGANISATIONS = {STATE, "Government", "GovernmentBody", "Court", "Legislature", "InternationalOrganization",
                 "PoliticalParty", "NewsOrganization", "Organization", "Embassy", "DiplomaticMission"}
#: what a plural pronoun may stand for when it has a single antecedent
PLURAL_TYPES = {"Group", STATE, "Government", "GovernmentBody"}
FEMALE_WORDS = {"queen", "princess", "congresswoman", "spokeswoman", "chairwoman", "businesswoman", "mrs", "mrs.",
                "ms", "ms.", "madam", "mother", "wife", "daughter", "sister", "widow", "first lady", "woman"}
MALE_WORDS = {"king", "prince", "crown prince", "congressman", "spokesman", "chairman", "businessman", "mr", "mr.",
              "sir", "father", "husband", "son", "brother", "pope", "cardinal", "archbishop", "priest", "emir", "man"}
#: descriptions of an organ → the organ word of gazetteer.ORGANS (None: the state itself acts)
ORGAN_DESCRIPTIONS = {
    "government": None, "junta": None, "regime": None, "administration": None, "authorities": None,
    "country": None, "executive": None, "ministry": "foreign ministry", "foreign ministry": "foreign ministry",
    "foreign office": "foreign office", "court": "court", "courts": "courts", "supreme court": "supreme court",
    "judiciary": "judiciary", "congress": "congress", "parliament": "parliament", "senate": "senate",
    "legislature": "congress", "prosecutors": "prosecutors", "police": "police",
}
MISSION_WORDS = {"embassy", "consulate", "legation", "mission", "compound"}
#: nouns for persons that an apposition may give ("X, a lawyer, …" → "the lawyer")
PERSON_NOUNS = {"diplomat", "lawyer", "dissident", "activist", "journalist", "politician", "cleric", "official",
                "envoy", "leader", "businessman", "businesswoman", "economist", "academic", "general", "opposition leader",
                "spokesman", "spokeswoman", "spokesperson", "candidate", "defector", "banker", "author", "writer",
                "priest", "consul", "ambassador", "former president", "exile", "veteran", "socialist", "conservative"}
#: qualifiers that make another office of a title ("vice president" is not "the president")
OTHER_OFFICE = {"vice", "deputy", "prime", "crown", "attorney", "under", "assistant", "opposition"}
SPEECH_LEMMAS = {"say", "tell", "add", "state", "declare", "announce", "insist", "explain", "write", "note", "warn",
                 "reply", "respond", "argue", "claim", "stress", "confirm", "deny", "vow", "promise", "recall",
                 "complain", "tweet", "post", "continue", "conclude", "acknowledge", "admit", "ask"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
NON_REFERRING_IT_HEADS = {"be", "seem", "appear", "remain", "become", "happen", "matter", "take", "rain", "mean"}
AGE = re.compile(r"(?i)\bthe\s+(?:former\s+)?(?P<age>\d{1,3})-year-old\b")
QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")


@dataclass
class _Link:
    """One link of the entity chain: an expression that stands for these entities."""
    referents: tuple[str, ...]
    sentence: int
    token: int
    role: int  # 3 subject, 2 object, 1 other


def resolve_referents(doc: "Doc", mentions: list[Mention], entities: dict[str, Entity], *,
                      organ: Callable[[str, str], str | None] | None = None) -> dict[Span, tuple[str, ...]]:
    """Every resolved referring expression → the entity ids it stands for (two or more for a plural
    pronoun bound to a coordination).  ``organ(state_id, organ_word)`` names (or mints) a state's organ
    for "the ministry" and the like; without it, only organs already in ``entities`` are used, and
    otherwise the state."""
    return _Resolver(doc, mentions, entities, organ).run()


def resolve_references(doc: "Doc", mentions: list[Mention], entities: dict[str, Entity], *,
                       organ: Callable[[str, str], str | None] | None = None) -> dict[Span, str]:
    """Each referring expression with one referent → its entity id, keyed by its character span.
    (Plural pronouns bound to "A and B" have two: see :func:`resolve_referents`.)"""
    return {span: ids[0] for span, ids in resolve_referents(doc, mentions, entities, organ=organ).items()
            if len(ids) == 1}


class _Resolver:
    def __init__(self, doc: "Doc", mentions: list[Mention], entities: dict[str, Entity],
                 organ: Callable[[str, str], str | None] | None) -> None:
        self.doc, self.entities, self.organ = doc, entities, organ
        self.sentence_of: list[int] = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for t in sent:
                self.sentence_of[t.i] = k
        self.named: dict[int, str] = {}          # head token → entity of a named mention
        self.named_start: dict[int, list[int]] = {}   # first token → head tokens of mentions starting there
        self.inside_named: set[int] = set()
        self.title_words: dict[int, str] = {}
        for m in mentions:
            if not m.entity or m.kind in REFERRING_KINDS:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.named[span.root.i] = m.entity
            self.named_start.setdefault(span.start, []).append(span.root.i)
            self.inside_named.update(range(span.start, span.end))
            if m.kind == "title" and m.surface:   # "Foreign Minister X": the surface holds the title
                self.title_words[span.root.i] = m.surface[:max(0, len(m.surface) - (m.end - m.start))]
        self.quotes = [(q.start(), q.end()) for q in QUOTE.finditer(doc.text)]
        self.links: dict[int, list[_Link]] = {}  # sentence → its links so far
        self.titles: dict[str, list[str]] = {}   # title or descriptor → entities, latest last
        self.described: dict[str, set[str]] = {}  # entity → its titles and descriptors
        self.gender: dict[str, str] = {}
        self.resolved: dict[int, tuple[str, ...] | None] = {}  # token → referents (memo)
        self.spans: dict[int, Span] = {}
        self.article_links: list[_Link] = []     # organs and missions, for "the embassy" beyond the window

    # == the pass over the article ===================================================================
    def run(self) -> dict[Span, tuple[str, ...]]:
        for t in self.doc:
            for head in self.named_start.get(t.i, ()):
                self._add_named(head)
            if t.i not in self.inside_named:
                self._resolve(t)
        return {self.spans[i]: ids for i, ids in sorted(self.resolved.items()) if ids}

    def _add_named(self, head: int) -> None:
        tok = self.doc[head]
        entity = self.named[head]
        self._link((entity,), tok)
        if head in self.title_words and self._type(entity) == "Person":
            self._learn_title(entity, self.title_words[head])
        self._learn_from_context(entity, tok)
        conjuncts = [c for c in tok.conjuncts if c.i in self.named and c.i > head]
        if conjuncts and tok.dep_ != "conj":   # "Peru and Chile": one plural link as well
            self._link(tuple(dict.fromkeys([entity] + [self.named[c.i] for c in conjuncts])), tok)

    def _link(self, referents: tuple[str, ...], tok: "Token") -> None:
        link = _Link(referents, self.sentence_of[tok.i], tok.i, _role(tok))
        self.links.setdefault(link.sentence, []).append(link)
        if len(referents) == 1 and self._type(referents[0]) in ORGANISATIONS - {STATE}:
            self.article_links.append(link)

    def _window(self, tok: "Token") -> list[_Link]:
        k = self.sentence_of[tok.i]
        return [link for s in range(max(0, k - LOOK_BACK), k + 1) for link in self.links.get(s, ())
                if link.token < tok.i]

    # == what the article says about its actors ========================================================
    def _learn_title(self, entity: str, words: str) -> None:
        words = " ".join(re.findall(r"[\w’'-]+", fold(words)))
        if not words:
            return
        kept: list[str] = []   # the longest titles only: "vice president" is no "president"
        for key in sorted(TITLES, key=lambda t: (-len(t), t)):
            if re.search(rf"(?:^|\s){re.escape(key)}(?:\s|$)", words) and not any(key in k for k in kept):
                kept.append(key)
                self._describe(entity, key)
        for word in words.split():
            if word in PERSON_NOUNS or re.fullmatch(r"\d{1,3}-year-old", word):
                self._describe(entity, word)
        gendered = set(words.split()) | {words}
        if gendered & FEMALE_WORDS:
            self.gender.setdefault(entity, "f")
        elif gendered & MALE_WORDS:
            self.gender.setdefault(entity, "m")

    def _describe(self, entity: str, key: str) -> None:
        holders = self.titles.setdefault(key, [])
        if entity in holders:
            holders.remove(entity)
        holders.append(entity)
        self.described.setdefault(entity, set()).add(key)

    def _learn_from_context(self, entity: str, tok: "Token") -> None:
        """Appositions ("X, the foreign minister,"; "the minister, X,"), predicates ("X is the
        ambassador"), titles and honorifics before the name ("former Vice President X", "Mr X")."""
        if self._type(entity) != "Person":
            return
        for child in tok.children:
            if child.dep_ == "appos" and child.i not in self.named:
                self._learn_title(entity, _phrase(child))
        if tok.dep_ == "appos" and tok.head.i not in self.named:
            self._learn_title(entity, _phrase(tok.head))
        if tok.dep_ in SUBJECTS:
            for attr in (c for c in tok.head.children if c.dep_ == "attr" and c.i not in self.named):
                self._learn_title(entity, _phrase(attr))
        before = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i not in self.named]
        if before:
            self._learn_title(entity, self.doc.text[before[0].left_edge.idx:before[-1].idx + len(before[-1].text)])

    def _type(self, entity: str) -> str:
        e = self.entities.get(entity)
        return e.type if e else ""

    def _gender_of(self, entity: str) -> str | None:
        if entity in self.gender:
            return self.gender[entity]
        e = self.entities.get(entity)
        words = fold(e.label).split() if e and e.label else []
        if not words:
            return None
        if words[0] in FEMALE_WORDS or (words[0] in FEMALE_NAMES and words[0] not in MALE_NAMES):
            return "f"
        if words[0] in MALE_WORDS or (words[0] in MALE_NAMES and words[0] not in FEMALE_NAMES):
            return "m"
        return None

    def _state_of(self, entity: str) -> str | None:
        seen = set()
        while entity and entity not in seen:
            seen.add(entity)
            e = self.entities.get(entity)
            if e is None:
                return None
            if e.type == STATE:
                return e.id
            entity = e.attrs.get("organ_of") or e.attrs.get("post_in") or e.attrs.get("sending_state")
        return None

    # == referring expressions =====================================================================
    def _resolve(self, tok: "Token") -> tuple[str, ...] | None:
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
            self._link(ids, tok)
        return ids

    def _pronoun(self, tok: "Token", word: str) -> tuple[str, ...] | None:
        gender, case = PRONOUNS[word]
        if word == "her" and tok.tag_ == "PRP$":
            case = "poss"
        if word == "it" and (tok.dep_ not in SUBJECTS or tok.head.lemma_ in NON_REFERRING_IT_HEADS):
            return None  # "it is clear that", "rejected it": no actor
        if case == "refl":
            binder = _binder(tok, reflexive=True)
            ids = self._referents_at(binder) if binder is not None else None
            if ids and self._agrees(ids, gender):
                return ids
        excluded: set[str] = set()
        if case in ("obj", "subj"):   # "Brazil's ambassador granted him asylum": not the ambassador
            coargument = _binder(tok, reflexive=False) if case == "obj" else None
            excluded |= set(self._referents_at(coargument) or ()) if coargument is not None else set()
        quote = self._quote_of(tok)
        if quote is not None:         # "he" in X's quotation is not X
            excluded |= set(self._speaker(tok) or ())
        k = self.sentence_of[tok.i]
        best, best_score = None, None
        counts = Counter(r for link in self._window(tok) for r in link.referents)
        for link in self._window(tok):
            if not self._agrees(link.referents, gender) or set(link.referents) & excluded:
                continue
            score = link.role * 10 - 15 * (k - link.sentence) + 2 * min(3, counts[link.referents[0]])
            if gender in "mf" and self._gender_of(link.referents[0]) == gender:
                score += 5    # a name known to fit beats one merely not known to clash
            if gender == "p" and len(link.referents) > 1:
                score += 10   # "Peru and Chile recalled their ambassadors"
            if best_score is None or (score, link.token) > best_score:
                best, best_score = link, (score, link.token)
        if best is None:
            return None
        if gender in "mf":
            self.gender.setdefault(best.referents[0], gender)
        return best.referents

    def _agrees(self, ids: tuple[str, ...], gender: str) -> bool:
        if gender == "p":
            return len(ids) > 1 or self._type(ids[0]) in PLURAL_TYPES
        if len(ids) > 1:
            return False
        kind = self._type(ids[0])
        if gender == "n":
            return kind in ORGANISATIONS
        return kind == "Person" and self._gender_of(ids[0]) in (gender, None)

    def _referents_at(self, tok: "Token") -> tuple[str, ...] | None:
        """What the expression headed by ``tok`` stands for: a named actor or a resolved reference."""
        if tok.i in self.named:
            conj = [self.named[c.i] for c in tok.conjuncts if c.i in self.named]
            return tuple(dict.fromkeys([self.named[tok.i]] + conj))
        if tok.i in self.inside_named:
            head = next((h for h in self.named if self.doc[h].left_edge.i <= tok.i <= h), None)
            return (self.named[head],) if head is not None else None
        return self._resolve(tok)

    # == quotations ====================================================================================
    def _quote_of(self, tok: "Token") -> Span | None:
        return next(((a, b) for a, b in self.quotes if a < tok.idx < b), None)

    def _speaker(self, tok: "Token") -> tuple[str, ...] | None:
        """Who a quotation is attributed to: the subject of the speech verb governing it, else of a
        speech verb outside the quotation in the sentences it spans."""
        start, end = self._quote_of(tok) or (tok.idx, tok.idx)
        head = tok
        while head.head != head and start <= head.idx < end:
            head = head.head
        verbs = [head] if not start <= head.idx < end else []
        quoted = self.doc.char_span(start, end, alignment_mode="expand")
        first, last = quoted[0], quoted[-1]
        sents = {self.sentence_of[first.i], self.sentence_of[last.i]}
        verbs += [t for t in self.doc if self.sentence_of[t.i] in sents and not start <= t.idx < end
                  and t.lemma_ in SPEECH_LEMMAS]
        for verb in verbs:
            if verb.lemma_ not in SPEECH_LEMMAS:
                continue
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS and not start <= c.idx < end), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                return self._referents_at(subject)
        return None

    # == definite descriptions =======================================================================
    def _description(self, tok: "Token") -> tuple[Span, tuple[str, ...] | None] | None:
        """'the former vice president', 'the 70-year-old', 'the ministry', 'the embassy'."""
        if tok.lower_ == "the":
            age = AGE.match(self.doc.text, tok.idx)
            if age is None:
                return None
            noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.idx >= age.end() else None
            if noun is None:   # "the 70-year-old said" (a noun after it is handled there)
                return (tok.idx, age.end()), self._person(tok, "{}-year-old".format(age.group("age")), tok)
            return None
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "attr"):
            return None
        det = next((c for c in tok.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            return None
        span = (det.idx, tok.idx + len(tok.text))
        words = " ".join(w.lower_ for w in self.doc[det.i + 1:tok.i + 1] if w.lower_ not in ("former", "then", "ousted", "exiled", "late"))
        if any(c.i in self.named for c in tok.children if c.dep_ == "appos"):
            ids = self._referents_at(next(c for c in tok.children if c.dep_ == "appos" and c.i in self.named))
            return span, ids
        if tok.dep_ == "appos" and (tok.head.i in self.named or tok.head.i in self.resolved):
            return span, self._referents_at(tok.head)   # "X, the foreign minister, …"
        if any(t.i in self.named or t.i in self.inside_named for c in tok.rights if c.dep_ == "prep"
               for t in c.subtree):
            return None  # "the president of Peru", "the embassy in Quito": named, not referred to
        age = re.search(r"(\d{1,3})-year-old", self.doc.text[det.idx:tok.idx])
        if age:
            return span, self._person(tok, f"{age.group(1)}-year-old", det)
        organ = next((w for w in (words, words.split()[-1]) if w in ORGAN_DESCRIPTIONS), None)
        if organ is not None:
            return span, self._organ(tok, organ)
        if tok.lemma_ in MISSION_WORDS:
            return span, self._mission(tok)
        if tok.tag_ in ("NNS", "NNPS"):
            return None
        title = next((t for t in sorted(TITLES, key=len, reverse=True)
                      if re.search(rf"(?:^|\s){re.escape(t)}$", words)), None)
        if title is not None:
            return span, self._person(tok, title, det)
        if tok.lemma_ in PERSON_NOUNS:
            return span, self._person(tok, tok.lemma_, det)
        return None

    def _person(self, tok: "Token", key: str, first: "Token") -> tuple[str, ...] | None:
        """A person described by a title or descriptor the article gave them before."""
        excluded = set(self._referents_at(b) or ()) if (b := _binder(tok, reflexive=False)) is not None else set()
        fits = [e for e in self.titles.get(key, ()) if e not in excluded]
        if not fits and " " not in key:  # "the minister" for "Foreign Minister X", not "the president" for a vice president
            fits = [e for k, holders in self.titles.items() if k.endswith(" " + key)
                    and k.split()[0] not in OTHER_OFFICE for e in holders if e not in excluded]
        if not fits:
            return None
        window = [link.referents[0] for link in self._window(first) if len(link.referents) == 1]
        recent = [e for e in reversed(window) if e in fits]
        return (recent[0] if recent else fits[-1],)

    def _focus_state(self, tok: "Token") -> str | None:
        """The state the last sentences are about: subjects count most, then recency."""
        k = self.sentence_of[tok.i]
        scores: Counter = Counter()
        for link in self._window(tok):
            for r in link.referents:
                state = self._state_of(r)
                if state:
                    scores[state] += link.role * 10 - 5 * (k - link.sentence)
        if not scores:
            return None
        return max(sorted(scores), key=lambda s: scores[s])

    def _organ(self, tok: "Token", description: str) -> tuple[str, ...] | None:
        word = ORGAN_DESCRIPTIONS[description]
        named = [link.referents[0] for link in self._window(tok) if len(link.referents) == 1
                 and self._type(link.referents[0]) in ORGANISATIONS - {STATE}
                 and _fits(self.entities.get(link.referents[0]), description)]
        if named:
            return (named[-1],)          # "the Peruvian Foreign Ministry … the ministry"
        state = self._focus_state(tok)
        if state is None:
            return None
        if word is None:
            return (state,)
        known = next((e.id for e in self.entities.values() if e.attrs.get("organ_of") == state
                      and e.type == ORGANS[word][0] and _fits(e, description)), None)
        minted = known or (self.organ(state, word) if self.organ else None)
        return (minted or state,)

    def _mission(self, tok: "Token") -> tuple[str, ...] | None:
        k = self.sentence_of[tok.i]
        missions = [link for link in self.article_links if link.token < tok.i and link.sentence >= k - 2 * LOOK_BACK
                    and self._type(link.referents[0]) in ("Embassy", "DiplomaticMission")]
        return missions[-1].referents if missions else None


def _fits(entity: Entity | None, description: str) -> bool:
    """Whether an organ's names fit a description ("ministry" fits the Ministry of Foreign Affairs)."""
    if entity is None:
        return False
    names = fold(" ".join([entity.label] + sorted(entity.aliases)))
    word = description.split()[-1]
    if word in ("government", "junta", "regime", "administration", "authorities", "executive"):
        return entity.type == "Government"
    if word in ("court", "courts", "judiciary"):
        return entity.type == "Court"
    return word.rstrip("s") in names


def _phrase(tok: "Token") -> str:
    """The words of a noun phrase up to its head ("the country's foreign minister")."""
    return tok.doc.text[tok.left_edge.idx:tok.idx + len(tok.text)]


def _role(tok: "Token") -> int:
    while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head != tok:
        tok = tok.head
    if tok.dep_ in SUBJECTS:
        return 3
    if tok.dep_ in OBJECTS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return 2
    return 1


def _binder(tok: "Token", *, reflexive: bool) -> "Token | None":
    """The subject of ``tok``'s clause: for a reflexive, the nearest subject above it; otherwise the
    subject of the verb it belongs to, through control ("asked the court to free him": the court)."""
    node = tok
    while node.head != node:
        child_dep, node = node.dep_, node.head
        subject = next((c for c in node.children if c.dep_ in SUBJECTS and c.i != tok.i), None)
        if subject is not None:
            return subject
        if reflexive:
            continue
        if node.dep_ == "xcomp" and node.head != node:
            controller = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            if controller is not None:
                return controller
            continue
        if node.pos_ in ("VERB", "AUX"):
            return None
    return None
