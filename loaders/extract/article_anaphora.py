"""Who "he", "she", "the former president", "her mother" and "the ministry" are, on the article's text: the
references the parse leaves open (coref.py resolves on the parse first) resolved to the persons,
states and organs named before.  A part of ``article_mentions.MentionFinder`` (mixed in), which finds
the mentions these refer among."""

from __future__ import annotations

import re

from .coref import resolve_referents
from .coref_descriptions import OTHER_STATE_NOUNS
from .coref_lexicon import (
    BODY_NOUNS,
    FEMALE_WORDS,
    GROUP_NOUNS,
    KINDS_OF,
    MALE_WORDS,
    MISSION_BUILDINGS,
    NAMED_BODY_HEADS,
    NAMED_ONLY_TITLE,
    NUMBER_WORDS,
    PORTFOLIO_TITLE,
    SPOUSES,
)
from .coref_states import STATE_ADJECTIVES, STATE_NOUNS
from .coref_syntax import _binder
from .deposed import by_fall, deposed, deposers
from .gazetteer import PERSON_TYPES, STATE, Entity, Mention, slug
from .gazetteer import fold as _fold
from .kin_groups import KIN_GROUP_WORDS
from .mentions import seat_mentions
from .names import KIN_NOUNS
from .person_descriptions import described_by_noun
from .tree import FORMER_HOLDER_WORDS, SUBJECTS, last_two_told_together
from .unnamed_speakers import conjunct_of_unnamed_speech, speaks_after_unnamed

KIN = re.compile(r"\b(?P<owner>her|his|[A-Z][\w]+['’]s)\s+(?P<kin>" + "|".join(sorted(KIN_NOUNS)) + r"|children|family|aides|allies|associates|advisers)\b"
                 r"|\b(?:the\s+)?(?P<kin2>(?:wife|husband|family|children|relatives|mother|father)(?:\s+and\s+(?:children|daughters|sons))?)\s+of\s+"
                 r"(?:(?:former|then-|late|ousted)\s*)*(?:(?i:president|prime minister|minister|leader)\s+)?(?P<owner2>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
#: descriptions of an envoy by the post ("the ambassador", "the high commissioner"; coref.yaml kinds_of)
ENVOY_DESCRIPTIONS = KINDS_OF.get("envoy", frozenset()) | KINDS_OF.get("diplomat", frozenset())
FEMININE = {"she", "her", "herself"}
MASCULINE = {"he", "him", "his", "himself"}
#: "the expert", "the analyst": someone the article quotes, so the latest speaker
SOURCE_ROLES = {"expert", "analyst", "jurist", "scholar"}
#: the plural personal pronouns that may stand for a list of actors named before
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})

#: the word right before a name ("Mrs Darko", "spokeswoman Kari Lund"), read for the person's gender
WORD_BEFORE_NAME = re.compile(r"([A-Za-z][\w-]*\.?)\s+$")

#: a description of one standing in for an office holder ("the acting president", "the interim leader")
PROVISIONAL = re.compile(r"(?i)the\s+(acting|interim|caretaker)\s")



def _named_spouse(kin: str, owner: str, at: int, seen: list[tuple[int, str]], named: list[tuple[int, str, str]], entities):
    """The spouse of ``owner`` the article named before ``at`` ("Ramos, his wife Ligaya"): a spouse told by
    name right after the owner, the person named last before her.  A later unnamed "his wife" is she."""
    for where, word, spouse in reversed(named):
        if word != kin or where >= at:
            continue
        before = [p for pos, p in seen if pos < where and p != spouse]
        if before and before[-1] == owner:
            return entities.get(spouse)
    return None


def _occurrences(text: str, phrase: str, before: int) -> list[int]:
    """Where ``phrase`` starts in ``text`` before offset ``before``."""
    found, at = [], text.find(phrase)
    while 0 <= at < before:
        found.append(at)
        at = text.find(phrase, at + 1)
    return found


#: the first person of one speaker ("we" is a government's or a body's: legal.py and organs.py read it)
SINGULAR_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


class AnaphoraResolver:
    """References resolved among an article's mentions (a mixin of ``MentionFinder``)."""

    #: "I", "my" in a quotation, as its speaker (coref.py), a person: for the frames' roles of persons only
    #: (frame_roles.py), not mentions the Statement coder reads ("'I resign,' X wrote": X resigned)
    quoted_first_person: tuple = ()

    def _told_genders(self) -> dict[str, str]:
        """'Mrs Oles Darko', 'spokeswoman Kari Lund': the gender an honorific or a gendered title
        right before a person's name gives them ("f" or "m"; a person told both ways is left out)."""
        told = self.__dict__.get("_told_gender_map")
        if told is None:
            told, clashing = {}, set()
            for m in self.mentions:
                if m.type not in PERSON_TYPES or m.kind not in ("name", "alias") or not m.entity:
                    continue
                before = WORD_BEFORE_NAME.search(self.text, max(0, m.start - 30), m.start)
                word = before.group(1).lower() if before is not None else ""
                gender = "f" if word in FEMALE_WORDS else "m" if word in MALE_WORDS else None
                if gender is not None and told.setdefault(m.entity, gender) != gender:
                    clashing.add(m.entity)
            told = self.__dict__["_told_gender_map"] = {p: g for p, g in told.items() if p not in clashing}
        return told

    def _told_together(self, persons: list[str], seen: list[tuple[int, str]]) -> bool:
        """Whether the two of ``persons`` told last were told as names of one list (tree.last_two_told_together)."""
        last = {}
        for pos, p in seen:   # (in the article's order: the last position stays)
            if p in persons:
                last[p] = pos
        words = {p: self.doc.char_span(pos, pos + 1, alignment_mode="expand") for p, pos in last.items()}
        return last_two_told_together({p: w.root for p, w in words.items() if w is not None and len(w)})

    def _clause_subjects(self, m: Mention) -> set[str]:
        """The persons heading the subject of a description's own clause, with the subject's conjuncts: a
        definite description is never its own clause's subject ("A and B criticised the president")."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        subject = _binder(span.root, reflexive=False) if span is not None and len(span) else None
        if subject is None:
            return set()
        heads = [subject, *subject.conjuncts]
        return {n.entity for t in heads for n in self.mentions
                if n.entity and n.type in PERSON_TYPES and n.start <= t.idx < n.end}

    def _past_union(self, m: Mention) -> bool:
        """'the former Soviet republic', 'the ex-Yugoslav state': a demonym after a word of the past, in a
        description of a state, tells the union the state was part of (a kind of state the description
        asks for, state_descriptions.yaml), not an actor of its own."""
        if m.kind != "demonym":
            return False
        word = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if word is None or not len(word) or word.root.lower_ not in STATE_ADJECTIVES:
            return False
        head = word.root.head
        return head.dep_ != "compound" and head.lemma_.lower() in STATE_NOUNS and head.tag_ == "NN" \
            and any(c.lower_ in FORMER_HOLDER_WORDS and c.i < word.root.i for c in head.lefts)

    def _resolve_anaphora(self) -> None:
        """He/she, 'the former president', 'her mother' → a person named before: of a fitting gender
        and title, the most mentioned (salient) among those named in the last sentences."""
        seen: list[tuple[int, str]] = []          # (position, person) of named persons so far
        speakers: list[str] = []                  # persons named as the subject of a speech verb
        not_described: dict[str, set[str]] = {}   # a description → persons its clauses' subjects showed it is not
        # salience: how often each person is named in the whole article (the protagonist wins ties)
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.type in PERSON_TYPES and m.entity and m.kind not in ("pronoun", "definite", "definite-post", "kin"):
                counts[m.entity] = counts.get(m.entity, 0) + 1
        speech_after = re.compile(r"^[,\s]*(?:\w+\s+){0,2}?(?:said|says|added|explained|noted|warned|told|stated|argued|insisted)\b")
        speech_before = re.compile(r"\b(?:said|says|added|told)\s+$")
        parsed = self._parsed_references()
        self.parsed_references = parsed   # (body_speakers.py: "the ministry said" → the organ coref found)
        self.quoted_first_person = [Mention(start, end, ids, self.gaz.entities[ids].type, self.text[start:end], "first-person")
                                    for (start, end), ids in parsed.items()
                                    if self.text[start:end].lower() in SINGULAR_FIRST_PERSON and ids in self.gaz.entities
                                    and self.gaz.entities[ids].type in PERSON_TYPES]
        # "his brother Kim Seong-guk", "her husband, Pedro Gil": a relative whose name follows is that person
        named_at = {m.start: m for m in self.mentions if m.kind in ("name", "alias") and m.type in PERSON_TYPES and m.entity}
        named_spouses: list[tuple[int, str, str]] = []   # (where, "wife", the person) of each spouse told by name
        for m in self.mentions:
            if m.kind == "kin" and (name := named_at.get(m.end + 1) or (
                    named_at.get(m.end + 2) if self.text[m.end:m.end + 2] == ", " else None)):
                m.entity, m.type = name.entity, name.type
                if m.surface.split()[-1].lower() in SPOUSES:
                    named_spouses.append((m.start, m.surface.split()[-1].lower(), name.entity))
                continue
            if m.kind == "state-ref":  # a state or body: the parse's answer (coref.py) or none
                m.entity = parsed.get((m.start, m.end), "")
                head = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if head is None or not _acting_reference(head.root):
                    m.entity = ""  # the subject that acts; "left the country" names no actor
                elif m.entity in self.gaz.entities:
                    m.type = self.gaz.entities[m.entity].type
                else:
                    m.entity = ""
            elif m.kind in ("pronoun", "definite", "definite-post") and (m.start, m.end) in parsed \
                    and self._provisional_fits(m, parsed[(m.start, m.end)]):
                m.entity = parsed[(m.start, m.end)]   # the parse's answer (coref.py) comes first
                if m.kind != "pronoun" and self._demonym_clash(m, m.entity):
                    m.entity = ""   # "the Bolivian minister" is no minister of Peru
            elif m.kind in ("pronoun", "definite", "kin"):
                if m.kind == "pronoun" and self._after_unnamed_speaker(m):
                    continue  # "A senior official said ... . He said ...": that official, unnamed
                window_start = self._sentence_start_before(m.start, 5)
                recent = [p for pos, p in seen if pos >= window_start] or [p for _, p in seen]
                named_before = list(dict.fromkeys(p for _, p in seen))   # (in the order first named: a tie goes to the first)
                if counts and named_before:
                    protagonist = max(named_before, key=lambda p: counts.get(p, 0))
                    if protagonist not in recent:
                        recent.append(protagonist)
                word = m.surface.split()[0].lower()
                if m.kind == "pronoun" and speech_after.match(self.text[m.end:m.end + 30]) and speakers:
                    recent = [speakers[-1]] + [p for p in reversed(speakers[:-1]) if p != speakers[-1]]
                if m.kind == "definite":
                    if PORTFOLIO_TITLE.search(m.surface):
                        continue  # "the trade minister": the parse's answer (coref.py) or none, never any minister
                    if NAMED_ONLY_TITLE.search(m.surface):
                        continue  # "the senator", "the prince": the parse's answer (coref.py) or none
                    title = re.sub(r"\s+", " ", m.surface.lower().split(" ", 2)[-1])
                    fitting = [p for p in recent if any(title in t or t in title for t in self.person_titles.get(p, ()))]
                    if PROVISIONAL.match(m.surface):
                        m.entity = ""
                        fitting = [p for p in recent if self._provisional_fits(m, p)]
                        if not fitting:
                            continue
                    if self._told_together(fitting, seen):
                        continue  # "Colonel X and Colonel Y led the mutiny ... arrested the colonel": which one, untold
                    if not fitting and title in SOURCE_ROLES and speakers:
                        fitting = [speakers[-1]]
                    # none titled so: never an envoy named before for a title of another kind ("the
                    # minister" is not the ambassador); other persons may be meant by a looser title
                    envoy = KINDS_OF.get("diplomat", frozenset())
                    recent = fitting or [p for p in recent if title in envoy or not self.person_titles.get(p)
                                         or not set(self.person_titles[p]) <= envoy]
                    # "A and B criticised the president": neither is the president, here nor later on
                    not_so = not_described.setdefault(title, set())
                    not_so.update(self._clause_subjects(m))
                    recent = [p for p in recent if p not in not_so]
                if word in FEMININE | MASCULINE:
                    told = self._told_genders()
                    recent = [p for p in recent if _gender_fits(self.gaz.entities[p], word)
                              and told.get(p, "f" if word in FEMININE else "m") == ("f" if word in FEMININE else "m")]
                    # a name known to fit the pronoun beats one merely not known to clash
                    known_fit = [p for p in recent if _gender_known(self.gaz.entities[p], word)]
                    if known_fit and len(known_fit) < len(recent):
                        sentence_start_here = self._sentence_start_before(m.start, 1)
                        near = [p for p in known_fit if any(pos >= sentence_start_here and q == p for pos, q in seen)]
                        recent = near or recent
                kin_match = KIN.match(m.surface) if m.kind == "kin" else None
                if kin_match and kin_match.group("owner2"):
                    name = kin_match.group("owner2")
                    owner = next((t for t, k in self.gaz.surfaces.get(name, []) if not t.startswith("state:")), None)
                    recent = [owner] if owner else []
                elif m.kind == "kin" and word not in ("her", "his"):
                    owner = next((t for t, k in self.gaz.surfaces.get(m.surface.split("'")[0].split("’")[0], [])
                                  if not t.startswith("state:")), None)
                    recent = [owner] if owner else []
                if m.kind == "definite":
                    recent = [p for p in recent if not self._demonym_clash(m, p)]
                    if by_fall(m.surface.split()[1:-1]):   # "the ousted leader": not the one who ousted him
                        recent = [p for p in recent if p not in self._deposers()]
                if not recent:
                    continue
                sentence_start = self._sentence_start_before(m.start, 0)
                earlier_clause = [(pos, p) for pos, p in seen if pos >= sentence_start and p in recent
                                  and re.search(r"\b(?:even though|although|though|after|because|when|while|since|but|so that)\b",
                                                self.text[pos:m.start])]
                binders = [p for pos, p in seen if pos >= sentence_start and p in recent]
                if m.kind == "pronoun" and word == "him":
                    # "Maduro had offered him asylum": an object pronoun is not the subject of its own clause
                    same_clause = {p for pos, p in seen if sentence_start <= pos < m.start
                                   and not re.search(r"\b(?:that|who|whom|which|because|after|before|when|while|and|but|if)\b|[;:]",
                                                     self.text[pos:m.start])}
                    if set(recent) - same_clause:
                        recent = [p for p in recent if p not in same_clause]
                if m.kind == "pronoun" and word in ("herself", "himself") and binders:
                    person = binders[-1]  # a reflexive takes the nearest fitting person before it in its sentence
                elif m.kind == "pronoun" and speech_after.match(self.text[m.end:m.end + 30]) and speakers and recent:
                    person = recent[0]
                elif m.kind == "pronoun" and earlier_clause:
                    person = earlier_clause[-1][1]  # named in an earlier clause of the same sentence
                else:
                    person = max(recent, key=lambda p: (counts.get(p, 0), max(pos for pos, q in seen if q == p) if any(q == p for _, q in seen) else -1))
                if m.kind == "kin":
                    kin = (kin_match.group("kin") or kin_match.group("kin2")) if kin_match else m.surface.split()[-1]
                    owner = self.gaz.entities[person]
                    label = f"{kin} of {owner.label}"
                    known = next((e for e in self.gaz.entities.values()
                                  if label.lower() in {x.lower() for x in {e.label} | e.aliases}), None)
                    group = " and " in kin or any(w in kin for w in KIN_GROUP_WORDS)
                    # "Ramos, his wife Ligaya ... indicted him and his wife": the spouse the article named
                    known = known or _named_spouse(kin, person, m.start, seen, named_spouses, self.gaz.entities)
                    relative = known or self.gaz.add(Entity(slug(f"{kin}-of-{owner.id}"), "Group" if group else "Person", label, set()))
                    m.entity, m.type = relative.id, relative.type
                else:
                    m.entity = person
            elif m.type in PERSON_TYPES and m.entity:
                seen.append((m.start, m.entity))
                if speech_after.match(self.text[m.end:m.end + 30]) or speech_before.search(self.text[max(0, m.start - 12):m.start]):
                    speakers.append(m.entity)
        # "Russia expelled two diplomats, and its ambassador was recalled": an "its" owning a subject is
        # the state (or body) the parse resolved it to, a mention the frames read as the owner
        owners = [Mention(start, end, ids, self.gaz.entities[ids].type, self.text[start:end], "state-ref")
                  for (start, end), ids in parsed.items() if self.text[start:end] in ("its", "Its") and ids in self.gaz.entities
                  and (tok := self.doc.char_span(start, end)) is not None and _owns_subject(tok.root)
                  and not any(m.start < end and start < m.end for m in self.mentions)]
        if owners:
            self.mentions = sorted(self.mentions + owners, key=lambda m: m.start)
        for m in self.mentions:
            if m.kind == "definite-post" and not m.entity and (m.start, m.end) not in self.title_owner_states \
                    and self._demonym_state(m):
                # "the Iranian foreign minister" no one was titled: the demonym alone, as it was before
                # the description covered it ("Jordan's minister": Jordan is a mention of its own already)
                from .article_mentions import (
                    DEMONYM_FORMS,  # (article_mentions imports this module)
                )

                state = self._demonym_state(m)
                word = next(w for w in m.surface.split()[1:-1] if w in DEMONYM_FORMS)
                m.start += m.surface.index(word)
                m.end, m.entity, m.type, m.surface, m.kind = m.start + len(word), state, STATE, word, "demonym"
            if m.kind == "definite" and not m.entity and self._demonym_state(m):
                # "wrote to the Russian justice minister", no one the article named: the state the
                # demonym names, as its bare adjective would have been
                m.entity, m.type = self._demonym_state(m), STATE
        self.mentions = [m for m in self.mentions if m.entity]

    def _deposers(self) -> set[str]:
        """Those the article names as deposing someone and never as deposed (deposed.py; once per article)."""
        if "_deposers_found" not in self.__dict__:
            def entities(tokens) -> set[str]:
                return {n.entity for t in tokens for n in self.mentions if n.entity and n.start <= t.idx < n.end}
            self._deposers_found = entities(deposers(self.doc)) - entities(deposed(self.doc))
        return self._deposers_found

    def _after_unnamed_speaker(self, m: Mention) -> bool:
        """A speaking "he"/"she" right after a sentence whose speaker is unnamed, or a "he"/"she" in a
        clause beside such a speaker's speech verb (unnamed_speakers.py)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        named = lambda t: any(n.entity and n.kind != "pronoun" and n.start <= t.idx < n.end for n in self.mentions)
        return speaks_after_unnamed(span[0], named) or conjunct_of_unnamed_speech(span[0], named)

    def _demonym_state(self, m: Mention) -> str | None:
        """The state a description's demonym names ('the Peruvian minister' → Peru), if any."""
        from .article_mentions import (
            DEMONYM_FORMS,  # (article_mentions imports this module)
        )

        owner = self.title_owner_states.get((m.start, m.end))   # "Kenya's interior minister"
        if owner:
            return owner
        demonym = next((w for w in m.surface.split()[1:-1] if w in DEMONYM_FORMS), None)
        return self.gaz.state_named(demonym) if demonym else None

    def _demonym_clash(self, m: Mention, person: str) -> bool:
        """'the Peruvian minister', 'the Kenyan diplomat': a description whose demonym names a state
        other than the one the article tied the person to (a person of unknown state fits any)."""
        state = self._demonym_state(m)
        own = self._actor_state(person) if state else None
        return own is not None and own != state

    def _provisional_fits(self, m: Mention, person: str | None = None) -> bool:
        """'The acting president' is one titled so, never the president they stand in for (any other
        description fits)."""
        if PROVISIONAL.match(m.surface) is None:
            return True
        person = person or m.entity
        # (titles are kept without their qualifier: the person named next to the phrase told before)
        phrase = " ".join(m.surface.lower().split()[1:])
        told = _occurrences(self.text.lower(), phrase, m.start)
        return any(n.entity == person and n.kind in ("name", "title") and abs(n.start - at) < 80
                   and "." not in self.text[min(n.start, at):max(n.start, at)]
                   for at in told for n in self.mentions)

    def _parsed_references(self) -> dict[tuple[int, int], str]:
        """Pronouns and descriptions resolved on the article's dependency parse."""
        doc = self.doc
        # titled names a longer mention swallowed ("the wife of former president X") still give titles
        titled = [Mention(max(start, self.text.rfind(self.gaz.entities[person].label, start, end)), end, person,
                          "Person", self.text[start:end], "title") for start, end, person, _ in self.title_spans
                  if not any(m.entity and m.start < end and start < m.end for m in self.mentions)]
        # seats of government ("the Kremlin", "Downing Street") are links of the chain too: "The
        # Kremlin protested. It expelled ..." is the Kremlin's state, not a state named before it
        seats = seat_mentions(self.text, lambda code: self.gaz.state(code).id, self.mentions, self.time_at)
        referents = resolve_referents(doc, self.mentions + titled + seats, self.gaz.entities)
        # "Argentina, Chile and Peru … their diplomats": a plural pronoun bound to a list stands for every
        # member (mentions.TokenMentions reads these; a mention names one entity only)
        self.plural_pronouns = {start: ids for (start, end), ids in referents.items()
                                if len(ids) > 1 and self.text[start:end].lower() in PLURAL_PRONOUNS}
        # descriptions no mention covers ("the two governments", "the bloc"), by the end of their span
        self.described_groups = {}
        described: list[Mention] = []
        for (start, end), ids in referents.items():
            head = doc.char_span(start, end, alignment_mode="expand")
            lemma = head.root.lemma_.lower() if head is not None else ""
            if ((lemma in GROUP_NOUNS or lemma in NUMBER_WORDS) and len(ids) > 1 or lemma in BODY_NOUNS or lemma in NAMED_BODY_HEADS) \
                    and not any(start <= m.start < end for m in self.mentions):
                self.described_groups[end] = ids
            elif (lemma in STATE_NOUNS or lemma in OTHER_STATE_NOUNS) and len(ids) == 1 and getattr(self.gaz.entities.get(ids[0]), "type", "") == STATE \
                    and not any(m.start < end and start < m.end and not self._past_union(m) for m in self.mentions):
                # "the kingdom", "the island nation": a state described, resolved on the parse (coref_states.py)
                described.append(Mention(start, end, ids[0], STATE, self.text[start:end], "state-desc"))
            elif (lemma in MISSION_BUILDINGS or self.text[start:end].split()[-1].lower() in MISSION_BUILDINGS) and len(ids) == 1 and not any(m.start < end and start < m.end for m in self.mentions):
                # "stormed the building": the mission just named, resolved on the parse (coref.py)
                mission = self.gaz.entities.get(ids[0])
                if mission is not None and mission.type in ("Embassy", "DiplomaticMission"):
                    described.append(Mention(start, end, mission.id, mission.type, self.text[start:end], "mission"))
            elif len(ids) == 1 and (self.text[start:end].lower().removeprefix("the ").strip() in ENVOY_DESCRIPTIONS
                                    or described_by_noun(head)) \
                    and getattr(self.gaz.entities.get(ids[0]), "type", "") == "Person" \
                    and not any(m.start < end and start < m.end for m in self.mentions):
                # "the high commissioner", "the envoy", "the engineer", "the man": the person named before
                # (coref.py's titles, appositions and descriptions), whom no title mention covers
                described.append(Mention(start, end, ids[0], "Person", self.text[start:end], "definite"))
        # "Soviet" of "the former Soviet republic", resolved or not, is no actor
        self.mentions = sorted([m for m in self.mentions if not self._past_union(m)] + described, key=lambda m: m.start)
        return {span: ids[0] for span, ids in referents.items() if len(ids) == 1}


def _owns_subject(token) -> bool:
    """'its' owning its clause's subject ("Russia expelled two diplomats, and its ambassador was
    recalled"): the owner acts through what it owns, as the subject itself would."""
    return token.dep_ == "poss" and token.lower_ == "its" and token.head.dep_ in SUBJECTS


def _acting_reference(token) -> bool:
    """Whether a state description ("the country") acts: as its clause's subject, or as the possessor of the
    subject it acts through ("the country's government said", "the country's authorities said"), as a
    named state's would ("Mali's government said")."""
    return token.dep_ in SUBJECTS or token.dep_ == "poss" and token.head.dep_ in SUBJECTS


def _gender_fits(person: Entity, pronoun: str) -> bool:
    from .world import FEMALE_NAMES, MALE_NAMES

    first = _fold(person.label.split()[0]) if person.label else ""
    if pronoun in FEMININE:
        return first not in MALE_NAMES and not person.label.startswith(("father", "husband", "son", "brother"))
    return first not in FEMALE_NAMES and not person.label.startswith(("mother", "wife", "daughter", "sister"))


def _organ_word(phrase: str) -> str:
    """'the prosecution', 'a military prosecutor' → 'prosecutors'; 'a judge', 'a court in X' → 'court'."""
    word = re.sub(r"^(?:the|an?)\s+", "", phrase.lower())
    if re.search(r"judge|court", word):
        return "court"
    if "prosecut" in word:
        return "prosecutors"
    return {"security forces": "police"}.get(word, word)


def _gender_known(person: Entity, pronoun: str) -> bool:
    from .world import FEMALE_NAMES, MALE_NAMES

    first = _fold(person.label.split()[0]) if person.label else ""
    return first in (FEMALE_NAMES if pronoun in FEMININE else MALE_NAMES)
