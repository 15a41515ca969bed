"""Persons and organisations named in an article: the part of the extractor that adds, to the
registry's gazetteer, the actors an article introduces itself.

Persons from titles ("Foreign Minister Hugo de Zela", "X, the foreign minister"), untitled names
that open with a known first name or whose surname recurs, organisations from their head word
("the Metropolitan Police", "Westminster Magistrates' Court") and acronyms explained by an
apposition (a person's state from a title, a demonym or a state by the name: nationality.py).  A mixin of
``pipeline._Extractor`` (it reads ``self.text``, ``self.gaz`` and the extractor's person tables).
"""

from __future__ import annotations

import re

from .coref_lexicon import HONORIFICS, PERSON_NOUNS
from .fuller_forms import fuller_form
from .gazetteer import (
    LOWER,
    NAME_COMMA_TITLE,
    PARTICLE,
    REGNAL,
    REGNAL_NUMERAL,
    STATE,
    TITLE_NAME,
    TITLE_ONE_NAME,
    UPPER,
    Entity,
    slug,
)
from .gazetteer import fold as _fold
from .given_names import with_given_names
from .language import english_words
from .name_openers import (
    QUESTION_AUXILIARIES,
    opens_question,
    without_nickname,
    without_openers,
    words_text,
)
from .name_words import (
    CLAUSE_OPENERS,
    FIRST_NAMES,
    NOT_NAME_WORDS,
    NOT_NAMES,
    ORG_HEADS,
    THE_BEFORE,
    TITLE_WORDS,
)
from .nationality import NationalityFinder
from .organisation_names import OrganisationNames
from .shared_surnames import unshare_surname
from .speaking_names import SpeakingNames, source_of_report
from .speech import is_speech_verb
from .titles import CAPITALISED_RANKS, TITLES
from .world import (
    NAMED_ORGANS,
    SEATS_OF_GOVERNMENT,
    SECURITY_ORGANS,
)

#: given-name lists hold a few family names that also open Chinese-style names
FAMILY_NAMES_FIRST = {"chen", "wang", "li", "xi", "kim", "moon"}
#: a capitalised word with no capitalised word right before or after it
STANDALONE_WORD = re.compile(r"(?<![\w’'-])(?<![A-Z][\w’'-]\s)(?<![A-Z][\w’'-][\w’'-]\s)[A-ZÀ-ÖØ-Þ][\w’'-]+(?![\w’'-])(?!\s+[A-Z])")
#: a possessive ending on a word ("Lula's", "Obiang’s")
POSSESSIVE_END = re.compile(r"[’']s$")
#: a regnal number after a name ("Paul VI", "Carlos III"): the name's last word, which UNTITLED_NAME cannot read
REGNAL_NUMBER = re.compile(rf"[ \t]+{REGNAL}")
UNTITLED_NAME = re.compile(rf"(?<![\w’'-])(?P<name>[{UPPER}][{LOWER}]+(?:\s+(?:{PARTICLE}\s+)?(?:(?:al|el|ad|ash|as|at|az|ar)-)?[{UPPER}][{LOWER}'’-]+){{1,3}})")
#: nouns that an apposition naming a person hangs on, beyond titles ("his counterpart, X")
COUNTERPARTS = frozenset({"counterpart", "successor", "predecessor", "deputy", "head", "chief", "candidate", "leader"})


#: a byline's "By" right before a name, opening its line or after a section label ("Obituaries | By X")
BYLINE_BEFORE = re.compile(r"(?:^|\n|\|)[ \t]*(?:(?:Interview|Text|Reporting|Words|Analysis)[ \t]+)?[Bb]y[ \t]+$")


def _names_an_organ(words: list[str], after_the: bool = False) -> bool:
    """'the State Department', 'the Foreign Office', 'Scotland Yard'-like seats: a capitalised pair
    headed by an institution's noun, or a seat or organ the world facts name, is no person's name
    (a word of it used alone, "High Council of State", would otherwise make it a surname); a known
    first name before the noun makes it a person's ("Robert Service", "Margaret Court") unless "the"
    precedes."""
    name = " ".join(words)
    if name in SEATS_OF_GOVERNMENT or name in NAMED_ORGANS or name in SECURITY_ORGANS:
        return True
    return words[-1].lower() in ORG_HEADS and (after_the or _fold(words[0]) not in FIRST_NAMES)


#: an Arabic article joined to a surname, written lower-case inside a name, capitalised at a sentence's start
ARTICLE_SURNAME = re.compile(r"(?<![\w’'-])(?:al|el|ad|ash|as|at|az|ar)-[A-ZÀ-Þ][\w’']+$")


def article_surname_forms(name: str) -> set[str]:
    """'Abdel Karim al-Masri' ... 'Al-Masri said', 'Masri said': a surname with its joined article, in
    both cases, and without it."""
    m = ARTICLE_SURNAME.search(name)
    return {m.group(0), m.group(0)[0].upper() + m.group(0)[1:], m.group(0).split("-", 1)[1]} if m else set()


#: nouns besides coref.yaml's person_nouns that describe who the name after them is ("the blogger X")
PERSON_DESCRIPTIONS = frozenset({"blogger", "hacker", "researcher", "student", "singer", "rapper", "poet", "artist",
                                 "footballer", "academic", "scholar", "filmmaker", "photographer", "reporter",
                                 "businessman", "businesswoman", "tycoon", "whistleblower", "novelist", "preacher",
                                 "lawmaker", "legislator", "senator", "mayor", "governor", "commander", "colonel"})


#: words that open a name's span without being part of the name
NAME_OPENERS = TITLE_WORDS | HONORIFICS   # (the courtesy words, "Ms", "Dr", "Daw": coref.yaml)
#: verbs whose object is a person when the recogniser says the name is one ("police arrested Somchai Wattana")
PERSON_OBJECT_VERBS = frozenset({"arrest", "detain", "charge", "indict", "sentence", "jail", "imprison", "convict",
                                 "prosecute", "extradite", "accuse", "release", "free", "execute", "remand", "handcuff",
                                 "abduct", "kidnap", "interrogate", "question", "acquit", "pardon", "try", "seize",
                                 "capture", "apprehend", "deport", "hold",
                                 # removed, sent away or summoned: a leader or a diplomat ("parliament impeached X")
                                 "impeach", "depose", "oust", "overthrow", "topple", "expel", "summon",
                                 # put in office ("parliament appointed X as acting president")
                                 "appoint", "elect", "nominate", "inaugurate"})
#: nouns of legal acts whose "of" phrase or possessor is the person acted on ("the conviction of X", "X's trial")
PERSON_ACT_NOUNS = frozenset({"arrest", "detention", "conviction", "trial", "sentencing", "release", "extradition",
                              "prosecution", "indictment", "imprisonment", "jailing", "execution", "acquittal", "pardon",
                              "abduction", "kidnapping", "capture", "deportation", "retrial", "sentence"})


def _acted_on(root) -> bool:
    """Whether a name is the one a legal act is done to ("police arrested X", "X was charged", "detained
    six activists, including X", "sentenced X and Y"): such an object or passive subject is a person."""
    for _ in range(3):
        if root.dep_ == "conj" or (root.dep_ == "appos" and root.head.pos_ == "NOUN"):
            root = root.head
        elif root.dep_ == "pobj" and root.head.lower_ in ("including", "among") and root.head.head != root.head:
            root = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PERSON_ACT_NOUNS:
        return True  # "the conviction of X", "demanded the release of X"
    if root.dep_ == "poss" and root.head.lemma_.lower() in PERSON_ACT_NOUNS:
        return True  # "X's trial"
    return root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB" and root.head.lemma_.lower() in PERSON_OBJECT_VERBS


def _coordinated_with_a_person(root, persons: set[str]) -> bool:
    """'sentenced Pavel Sidorov and Olga Petrova': a name the recogniser tags as a person, coordinated
    with a person already named, is a person too (though no first-name list holds it)."""
    for conj in root.conjuncts:
        span = next((e for e in root.doc.ents if e.start <= conj.i < e.end and e.label_ == "PERSON"), None)
        if span is not None and _fold(span.text) in persons:
            return True
    return False


#: the nouns of a person's close kin (article_anaphora's "his wife", described_persons' person nouns)
KIN_NOUNS = frozenset({"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father"})
#: nouns of a person's relatives, which a name in apposition names ("his wife, Lidia Ferrer")
RELATIVE_NOUNS = KIN_NOUNS | {"partner"}
#: nouns of a person told by a tie to another, whose "of" phrase or possessor names that other, not them: kin
#: and frames.yaml's tied persons ("the lawyer of X", "X's driver", "the killers of X")
TIED_PERSON_NOUNS = RELATIVE_NOUNS | english_words("tied_persons")


def _coordinated_with_own_kin(root) -> bool:
    """'Tadeusz Wrona and his wife, Ewa Wrona', 'X and her son': a name coordinated with a relative whose
    possessor is "his" or "her" (the name's own kin) is a person's, though no first-name list holds it."""
    return any(c.lemma_.lower() in RELATIVE_NOUNS and any(p.dep_ == "poss" and p.lower_ in ("his", "her") for p in c.children)
               for c in root.conjuncts)


def _relative_of_someone(noun) -> bool:
    """'his wife', 'Ramón's son': a relative noun with its possessor."""
    return noun.lemma_.lower() in RELATIVE_NOUNS and any(c.dep_ == "poss" for c in noun.children)


def _described_as_a_person(name) -> bool:
    """'Kassym Tokayev-Ulan, a senior diplomat, said': a name whose own apposition is a noun only a person
    is (a title, 'diplomat', 'activist'), whatever label the recogniser gives the name."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN"
               and c.lower_ in TITLE_WORDS | COUNTERPARTS | PERSON_NOUNS | PERSON_DESCRIPTIONS for c in name.children)


class NameFinder(NationalityFinder, SpeakingNames, OrganisationNames):
    """Persons and organisations an article names (a mixin of the extractor)."""

    _person_ends: dict[int, int] | None = None   # the parser's PERSON spans: start → end offset

    def _persons_from_titles(self) -> None:
        known = {}
        for e in self.gaz.entities.values():
            if e.type == "Person":
                for name in {e.label} | e.aliases:
                    known[_fold(name)] = e.id
        for pattern in (TITLE_NAME, NAME_COMMA_TITLE, TITLE_ONE_NAME):
            for m in pattern.finditer(self.text):
                if pattern is TITLE_ONE_NAME and (not (REGNAL_NUMBER.search(m.group("name")) or self._name_speaks(m.start("name"), m.end("name")))
                                                  or re.search(r"(?i)\bthe\s+$", self.text[max(0, m.start() - 5):m.start()])):
                    continue  # a one-word name only as a speech verb's subject; "the Ambassador Hotel said": a building's
                name = re.sub(r"['’]s$", "", m.group("name").split("\n")[0]).strip()   # (a name ends with its line)
                if any(w in NOT_NAME_WORDS for w in name.split()) or name.split()[0] in NOT_NAMES:
                    continue  # "On Wednesday, Foreign Minister X": a date, not a name (but "Theresa May" is one)
                if pattern is NAME_COMMA_TITLE and self._verb_between(m.end("name"), m.start("title")):
                    continue  # "X, who summoned the French envoy": the envoy is the verb's object, not X
                if pattern is NAME_COMMA_TITLE and re.match(r"['’]s\b", self.text[m.end("title"):m.end("title") + 3]):
                    continue  # "X, the slain president's brother": the title is another's, X is his kin
                if pattern is TITLE_NAME and m.group("of") and self._state_after(m.end("title"), ends_at=m.end("of")) is None:
                    continue  # "the president of the Senate, X", "... of Chile's Senate, X": an office of no state the gazetteer knows
                name_start = m.start("name")
                while len(name.split()) > 2 and (name.split()[0].lower().rstrip(".") in TITLE_WORDS
                                                 or name.split()[0] in CAPITALISED_RANKS) \
                        or len(name.split()) == 2 and name.split()[0].lower().rstrip(".") in NAME_OPENERS:
                    # ("Ms Rangi, a Maori activist", "Dr Tedros, the diplomat": a courtesy word before a surname;
                    # "the army chief, General Zaman": a rank after a title, before a one-word name)
                    # "the nuncio, Archbishop X Y": a second title before the name is no part of it;
                    # "its spokesman, Major General X Y": nor a capitalised rank opening a rank of two words
                    rest = name[len(name.split()[0]):].lstrip()
                    name_start += len(name) - len(rest)
                    name = rest
                name = self._whole_name(name_start, name)
                if _fold(name) in known or any(_fold(name).endswith(" " + k) for k in known if " " in k):
                    person = known.get(_fold(name)) or next(v for k, v in known.items() if _fold(name).endswith(" " + k))
                else:
                    words = name.split()
                    # ("Pope Benedict XVI" ... "Benedict said": the name before its regnal number, no number alone)
                    words = words[:-1] if len(words) > 1 and re.fullmatch(REGNAL_NUMERAL, words[-1]) else words
                    aliases = {words[-1]} if len(words[-1]) >= 3 else set()
                    aliases |= self._family_name_first(words) | self._inner_surnames(words) | article_surname_forms(name)
                    person = self.gaz.add(Entity(slug(name), "Person", name, aliases)).id
                    known[_fold(name)] = person
                title = m.group("title").lower()
                self.person_titles.setdefault(person, set()).add(title)
                role = TITLES.get(title)
                state = self._state_before(m.start("title"), m.start()) or self._state_after(m.end("title")) \
                    or self._state_after(name_start + len(name))   # "President Ana Ruiz of Peru"
                post = self.gaz.post(state, role).id if role and state else None
                if post and person not in self.person_posts:
                    self.person_posts[person] = post
                elif not post and state and self.gaz.entities[state].type == STATE:
                    # "Chile's consul, Ana Ruiz", "the Peruvian envoy X": a person of that state
                    self.person_states.setdefault(person, state)
                name_end = name_start + len(name)
                self.title_spans.append((m.start(), name_end, person, post))

    def _verb_between(self, start: int, end: int) -> bool:
        """Whether a verb stands between a name's comma and a title ("X, expelled the Colombian
        ambassador", "X, who was received by the envoy"): a title belongs to the name it is in
        apposition with, never across a verb.  The copula keeps the apposition ("X, who is the
        foreign minister"), and so do participles that describe ("X, the newly appointed envoy")."""
        between = self.doc.char_span(start, end, alignment_mode="expand")
        return between is not None and any(
            t.lemma_ != "be" and (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.tag_ == "VB" and t.dep_ != "amod"
                                  or t.tag_ in ("VBN", "VBG") and any(c.dep_ in ("aux", "auxpass") for c in t.children))
            for t in between)

    def _whole_name(self, start: int, name: str) -> str:
        """The name a title introduces, as far as the parser's PERSON span starting there goes
        ("Minister Javier González-Olaechea", "General Abdel Fattah al-Burhan": hyphens and particles
        the name pattern stops at)."""
        if self._person_ends is None:
            self._person_ends = {e.start_char: e.end_char for e in self.doc.ents if e.label_ == "PERSON"}
        end = self._person_ends.get(start)
        if end is None or end <= start + len(name):
            return name
        whole = re.sub(r"['’]s?$", "", self.text[start:end]).strip()
        return whole if "\n" not in whole and whole.startswith(name.rstrip("-")) else name

    def _inner_surnames(self, words: list[str]) -> set[str]:
        """'Jacobo Árbenz Guzmán' ... 'Árbenz resigned': in a Spanish-style double surname the first one
        is the short form, when the text uses it alone and it is not a given name."""
        alone = self._standalone_words()
        # a given name's word past the second ("Luiz Inácio Lula da Silva" ... "Lula said") is the
        # short form too when the text uses it alone more than once (a second given name never is)
        return {word for n, word in enumerate(words[1:-1], 1) if len(word) >= 4 and word not in self.gaz.surfaces
                and (_fold(word) not in FIRST_NAMES and alone.get(word) or n >= 2 and len(alone.get(word, [])) >= 2)}

    def _family_name_first(self, words: list[str]) -> set[str]:
        """'Chen Guangcheng' ... 'Chen said': the first word is the family name when the text uses
        it alone more than once and it names no one else."""
        if len(words) < 2 or len(words[0]) < 3 or words[0] in self.gaz.surfaces or words[0] in NOT_NAMES \
                or (_fold(words[0]) in FIRST_NAMES and _fold(words[0]) not in FAMILY_NAMES_FIRST):
            return set()
        # ("Abiy Ahmed" ... "Abiy told", "Thaksin Shinawatra" ... "Thaksin said"): once is enough for
        # a word no list of given names holds
        uses = len(self._standalone_words().get(words[0], []))
        return {words[0]} if uses >= 2 or uses >= 1 and _fold(words[0]) not in FIRST_NAMES else set()

    def _standalone_words(self) -> dict[str, list[int]]:
        """Where each capitalised word stands alone (no capitalised word right before or after it):
        how a text uses a surname on its own. Computed once per article."""
        if self._alone is None:
            self._alone = {}
            for w in STANDALONE_WORD.finditer(self.text):
                self._alone.setdefault(w.group(0), []).append(w.start())
                # "Lula's words": a word alone with its possessive is that word used alone
                owner = POSSESSIVE_END.sub("", w.group(0))
                if owner != w.group(0) and len(owner) > 1:
                    self._alone.setdefault(owner, []).append(w.start())
        return self._alone

    def _surname_recurs(self, m: re.Match, words: list[str]) -> bool:
        """'Edward Snowden, the former contractor ... Snowden thanked Russia': a full name whose last
        word the text goes on to use alone, as news does with a person's surname."""
        if len(words) < 2 or len(words[-1]) < 4 or re.match(r"(?i)the\s+$", self.text[max(0, m.start() - 4):m.start()]):
            return False
        later = [at for at in self._standalone_words().get(words[-1], []) if at >= m.end()]
        # "Zelimkhan Khangoshvili, a 40-year-old Georgian, ...": an apposition describing the name is a second cue
        described = re.match(r",\s+(?:a|an|the)\s+(?:\d+-year-old|former|[a-z]+)", self.text[m.end():m.end() + 40])
        return len(later) >= (1 if described else 2)

    def _acted_on_name(self, m: re.Match) -> bool:
        """'Egyptian police arrested Karim Nadir': a proper name a legal act is done to (names.PERSON_OBJECT_VERBS)."""
        span = self.doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        # (a hyphen inside a name is no word of it: "Park Geun-hye")
        return span is not None and len(span) > 1 and all(t.pos_ == "PROPN" or t.text == "-" for t in span) and _acted_on(span.root)

    def _persons_untitled(self) -> None:
        """'Julian Assange walked into the embassy': a name starting with a known first name."""
        first_names = FIRST_NAMES
        known = {_fold(n) for e in self.gaz.entities.values() for n in {e.label} | e.aliases}
        for m in UNTITLED_NAME.finditer(self.text):
            name = re.sub(r"['’]s$", "", m.group("name")).strip()
            # a name never runs over a line's end ("Background\nAfter Houthi") nor opens with a clause's
            # subordinator ("When Julian Assange walked in")
            words = name.split("\n")[-1].split()
            while words and words[0] in CLAUSE_OPENERS:
                words = words[1:]
            if words and words[0] in QUESTION_AUXILIARIES and opens_question(self.text, m.start() + name.rfind(words[0])):
                words = words[1:]
            if BYLINE_BEFORE.search(self.text, max(0, m.start() - 40), m.start()):
                continue   # "By Ana Ruiz, Danube Courier": the reporter, no actor of the story
            if REGNAL_NUMBER.match(self.text, m.end()):
                continue   # "Pope Paul VI": a name with a regnal number, the recogniser's whole span (_persons_from_entities)
            if len(words) < 2:   # "Background\nAfter the": nothing of a two-word name is left
                continue
            name = " ".join(words)
            if len(words) >= 2 and (words[0].lower().rstrip(".") in HONORIFICS or words[0] in CAPITALISED_RANKS):
                # "Ms Suu Kyi", "Dr Tedros", "Major X": the courtesy word or rank is no part of the name
                name, words = " ".join(words[1:]), words[1:]
            if _fold(name) in known or any(w in NOT_NAMES or w in NOT_NAME_WORDS for w in words):
                continue
            if name in self.gaz.surfaces or _names_an_organ(words, THE_BEFORE.search(self.text, max(0, m.start() - 8), m.start()) is not None):
                continue
            if _fold(words[0]) not in first_names:
                # without a known first name, only a recurring surname makes a person, and no word of it
                # may already name something ("Elections Chávez" at a heading, "Guatemala City")
                # ("Thaksin Shinawatra ... Thaksin was jailed": a given name used alone recurs as well)
                if not (self._surname_recurs(m, words) or self._acted_on_name(m) or self._family_name_first(words)) \
                        or any(w in self.gaz.surfaces for w in words):
                    continue
            aliases = {words[-1]} if len(words[-1]) >= 3 else set()
            if len(words) >= 3:
                aliases.add(" ".join(words[-2:]))
            aliases |= self._family_name_first(words) | self._inner_surnames(words) | article_surname_forms(name)
            self._mint_person(name, aliases, known)

    def _persons_from_entities(self) -> None:
        """Persons the parser's named-entity recogniser finds that the name patterns miss ("his
        counterpart, Qin Gang", "General Abdel Fattah al-Burhan", "Jean-Yves Le Drian, the
        minister"): a PERSON span of two words or more, introduced by a title or standing in an
        apposition, is a person; its last word is its short form."""
        known = {_fold(n) for e in self.gaz.entities.values() for n in {e.label} | e.aliases}
        persons = {_fold(n) for e in self.gaz.entities.values() if e.type == "Person" for n in {e.label} | e.aliases}
        states = self.gaz.state_pattern()
        for ent in self.doc.ents:
            # "Ghana's president, Nana Akufo-Addo": a name in apposition to a person's title, whatever
            # label the recogniser gives it
            # ("his wife, Lidia Ferrer": a relative's name, though the family name is a known person's)
            # ("Kassym Tokayev-Ulan, a senior diplomat": a person's noun in apposition to the name)
            titled_apposition = ent.label_ == "ORG" and (ent.root.dep_ == "appos" \
                and (ent.root.head.lower_ in TITLE_WORDS or _relative_of_someone(ent.root.head)) or _described_as_a_person(ent.root)) \
                and all(t.pos_ in ("PROPN", "PUNCT") for t in ent)
            if ent.label_ != "PERSON" and not titled_apposition:
                continue
            words = [t for t in ent if t.text not in ("'s", "’s", "'", "’")]
            if any(t.text == "," for t in words):
                continue  # "Kwame Asante, Efua Mensimah": two names of a list (bare_persons.py mints each)
            words = without_openers(words, NAME_OPENERS)   # "General Abdel ...", "Prime Minister X": no part of the name
            words = with_given_names(words, self.gaz.surfaces)   # "Thanakorn | Sirisamphan": given names left unlabelled (given_names.py)
            if len(words) < 2 or not words[0].text[:1].isupper() or not words[-1].text[-1:].isalpha() \
                    or (ent.end < len(ent.doc) and ent.doc[ent.end].pos_ == "PROPN" and ent.doc[ent.end].text[:1].isupper()):
                continue  # a span the recogniser cut short ("Jean-Yves Le | Drian") is no name
            called, name = self.text[words[0].idx:words[-1].idx + len(words[-1].text)], words_text(self.text, words := without_nickname(words))
            if any(_fold(" ".join(w.text for w in words[k:])) in persons for k in range(1, len(words) - 1)):
                continue  # "State Counsellor Aung San Suu Kyi": a known name after words the titles lack
            if _fold(name) in known or "\n" in name or any(w.text in NOT_NAMES or w.text in NOT_NAME_WORDS for w in words) \
                    or words[0].text in self.gaz.surfaces or states.search(name):
                continue
            if BYLINE_BEFORE.search(self.text, max(0, words[0].idx - 40), words[0].idx):
                continue   # "By Ana Ruiz, Danube Courier": the reporter, no actor of the story
            root = ent.root
            before = [t.lower_.rstrip(".") for t in ent.doc[max(ent.sent.start, words[0].i - 3):words[0].i]]
            appositive = root.dep_ == "appos" or any(c.dep_ == "appos" for c in root.children) \
                or _coordinated_with_a_person(root, persons) or _coordinated_with_own_kin(root)
            titled = any(" ".join(before[k:]) in TITLES or before[-1:] == [w] for k in range(len(before)) for w in TITLE_WORDS) \
                or (root.dep_ in ("appos", "compound") and root.head.lower_ in TITLE_WORDS | COUNTERPARTS) \
                or (words[0].i > 0 and ent.doc[words[0].i - 1].text in CAPITALISED_RANKS)
            # "the Russian blogger Ilya Orlov", "the French tourist Ben Y": a noun that describes a person just before
            described = (bool(before) and (before[-1] in PERSON_NOUNS or before[-1] in PERSON_DESCRIPTIONS)) \
                or (words[0].i > 0 and ent.doc[words[0].i - 1].tag_ in ("NN", "NNS") and ent.doc[words[0].i - 1].is_lower)
            # "'...,' Abiy Ahmed told a crowd": a name the recogniser takes for a person's, speaking
            speaks = root.dep_ == "nsubj" and is_speech_verb(root.head) or source_of_report(root)
            if not (appositive or titled or described or speaks or _acted_on(root) or self._short_form_recurs(words, ent.end_char)):
                continue
            last = words[-1].text
            aliases = {last} if len(last) >= 3 and last not in self.gaz.surfaces else set()
            if len(words) >= 3 and words[-2].text[:1].isupper():
                aliases.add(self.text[words[-2].idx:words[-1].idx + len(last)])   # "Aung San Suu Kyi" → "Suu Kyi"
            aliases |= self._family_name_first([w.text for w in words]) | article_surname_forms(name) | {called} - {name}   # 'X "Dudus" Y' as called
            self._mint_person(name, aliases, known)
        self._persons_speaking(known)

    def _in_full(self, name: str, aliases: set[str]) -> tuple[str, set[str]]:
        """'Suu Kyi' (detained, quoted) after 'Aung San Suu Kyi' (met the envoy): the person is the one
        the article named in full, and the short name one of its aliases."""
        fuller = fuller_form(self.doc, self.text, name, self.gaz.surfaces)
        if not fuller or fuller == name:
            return name, aliases
        words = fuller.split()
        return fuller, aliases | {name, " ".join(words[-2:])}

    def _mint_person(self, name: str, aliases: set[str], known: set[str]) -> str:
        """Add a person the article names to the registry, by the name in full where the article gives
        one (``_in_full``), and count it as known; the name it is added under."""
        name, aliases = self._in_full(name, aliases)
        person = self.gaz.add(Entity(slug(name), "Person", name, aliases))
        known.add(_fold(name))
        unshare_surname(self.gaz, self.text, person)   # 'Kevin Darrow and Julia Darrow ... Darrow'
        return name

    def _short_form_recurs(self, words: list, end: int) -> bool:
        """'Aung San Suu Kyi ... Suu Kyi was later detained': a name the recogniser takes for a person's
        whose last two words (or the whole name) the text uses again later, as news does with a person's
        short name (the last word alone is _surname_recurs's cue, which asks more)."""
        if len(words) < 2:
            return False
        forms = {self.text[words[0].idx:words[-1].idx + len(words[-1].text)]}
        if len(words) >= 3:
            forms.add(self.text[words[-2].idx:words[-1].idx + len(words[-1].text)])
        # (the plain test first: a pattern of each form is compiled anew)
        return any(form in self.text[end:] and re.search(rf"(?<![\w’'-]){re.escape(form)}(?![\w’'-])", self.text[end:])
                   for form in forms)
