"""Persons named bare: a name of two or more words, with no title, description or known first name,
that the sentence uses as a participant ("Lucio Ortiz took refuge in the embassy", "police arrested
Tomas Varga", "declared Ana Ruiz and Marta Soto persona non grata").

In a new article nearly every person is one the registry does not know, and news names many of
them bare.  Minted here, before mentions are found, such a person is there for a later pronoun
("... Brazil granted him asylum") and for every frame, not only for the roles that mint.

The cue is read on the parse: the recogniser calls the span a person's, every word of it is a
capitalised proper noun, and its head fills an argument slot of a clause (subject, object,
indirect object, the object of a preposition that introduces no place, an apposition or a
conjunct of one of these).  A list member the recogniser mislabels as an organisation is a person
when it is coordinated with a person's name ("Otieno Mwangi and Wanjiru Kamau").  Guards against the
recogniser's false persons: no word of the name may be one the gazetteer knows (states, capitals,
demonyms, registry names), nor a word of organisations', places' or titles' names; a span after
"the" is a building or a body ("the Quai d'Orsay"); bylines ("By X, Y Wire") name the reporter.
A mixin of ``pipeline._Extractor``, run after the other person finders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .fixed_phrases import (
    copula_under_phrase,
    object_after_fronted_phrase,
    object_list,
    object_swallowed_by_phrase,
    phrase_on_outer_verb,
)
from .gazetteer import fold
from .name_words import NAME_TOKEN
from .names import (
    NOT_NAME_WORDS,
    NOT_NAMES,
    ORG_HEADS,
    TITLE_WORDS,
    article_surname_forms,
)
from .newnames import NOT_PERSON_WORDS, _name_word
from .structure import FIXED_PHRASE_HEADS, PHRASE_LAST
from .world_cities import city_code

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the argument relations whose filler is a participant of its clause (a possessor too: "X's lawyer said")
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "appos", "attr", "oprd", "poss"})
#: prepositions whose object is a participant, not a place or a topic ("granted asylum to X",
#: "the arrest of X", "a warrant for X", "arrested by X"); "in", "at", "near", "about" are left out
PARTICIPANT_PREPOSITIONS = frozenset({"of", "to", "for", "against", "with", "by", "from", "on"})
#: words that open a place's name, never a person's ("Puerto Aguirre", "Fort Dauphin", "San Isidro")
PLACE_OPENERS = frozenset({"puerto", "port", "porto", "san", "santa", "santo", "são", "saint", "st", "st.", "fort",
                           "mount", "lake", "cape", "ciudad", "villa", "isla", "rio", "río", "bahia", "bahía", "new"})
#: head words of places' and bodies' names that no list of organisations' words holds ("Scotland Yard")
PLACE_WORDS = frozenset({"yard", "hall", "palace", "tower", "castle", "bridge", "road", "avenue", "forum", "club",
                         "guards", "district", "county", "province", "region", "valley", "island", "islands", "harbour",
                         "port", "station", "hospital", "square", "park", "centre", "center", "gate", "wire", "desk",
                         # companies' ("Silverline Logistics", "Andes Airways")
                         "logistics", "holdings", "airlines", "airways", "energy", "media", "systems", "partners",
                         "capital", "industries", "motors", "mining", "oil", "gas", "telecom", "shipping", "trading"})
#: pronouns that stand for one person of a known sex: a name they need as antecedent is a person's
GENDERED_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs"})
THIRD_PERSON = GENDERED_PRONOUNS | NEUTER_PRONOUNS
#: labels the small pipeline gives unfamiliar persons' names ("Moussa Faki Mahamat" an ORG, "Efrain Salcedo" a GPE)
MISLABELS = frozenset({"ORG", "GPE", ""})
#: the most words a person's name runs to ("Moussa Tandja Idrissa Mahamat"): a longer run of capitalised words is a title or a heading
LONGEST_NAME = 4
#: the recogniser's labels an unfamiliar person's name often gets, taken as a person's inside a list of persons
LIST_LABELS = frozenset({"PERSON", "ORG", ""})


def _argument(root: Token, not_a_person) -> bool:
    """Whether a name's head fills an argument slot (through a list: its first conjunct's slot).  A list
    the parser joined to a list of known names ("the envoys of Chad and Niger, X and Y") is not one of
    persons: the names are another phrase's."""
    for _ in range(6):
        if root.dep_ != "conj":
            break
        root = root.head
        if not_a_person(root.text):
            return False
    if root.dep_ in ARGUMENT_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in PARTICIPANT_PREPOSITIONS:
        # a byline ("By Ana Ruiz, Andes Wire") names the reporter, not a participant
        # (or after a section label: "Obituaries | By Ana Ruiz, Danube Courier")
        by = root.head
        return not (by.lower_ == "by" and (by.i == root.sent.start or (by.text == "By" and root.doc[by.i - 1].text in ("|", "·"))))
    return False


def _rejoin_name(slot: Token, last: Token) -> None:
    """The parse of a name whose last word the tagger took for another part of speech, mended: the last word
    heads the name in the slot its first words filled, a proper noun; what hung on it hangs on its old head."""
    old_head = last.head
    for child in list(last.children):
        child.head = old_head if old_head.i != last.i else slot
    last.head, last.dep_, last.pos_, last.tag_ = slot.head, slot.dep_, "PROPN", "NNP"   # (the slot is no root: an argument's)
    for child in list(slot.children):
        if child.i > slot.i:
            child.head = last
    slot.head, slot.dep_ = last, "compound"


def _opens_sentence(words: list[Token]) -> bool:
    """'Olga Ivanova and Pavel Sidorov work as attachés ...': a person's name that opens its sentence, alone or
    in a list of persons' names, is its subject whatever the parser made of the clause (the small parser
    at times hangs such a list on a verb it tagged as a noun); only the recogniser's label and the name's
    form (``_bare_name``) vouch for it."""
    doc = words[0].doc
    at = words[0].i - 1
    while at >= words[0].sent.start and (doc[at].ent_type_ == "PERSON" or doc[at].lower_ in ("and", ",")):
        at -= 1
    return at < words[0].sent.start or doc[at].text in ('"', "“", "'", "‘")


def _initial(word: Token, words: list[Token]) -> bool:
    """'John F. Kennedy': a middle initial is a word of a person's name."""
    return len(word.text) == 2 and word.text[0].isupper() and word.text[1] == "." and words[0].i < word.i < words[-1].i


def _name_span(head: Token) -> list[Token]:
    """The capitalised proper nouns of the name whose head is ``head`` (its compounds and flats)."""
    words = [head] + [c for c in head.children if c.dep_ in ("compound", "flat") and _name_word(c)]
    return sorted(words, key=lambda t: t.i)


def _whole_name(words: list[Token]) -> list[Token]:
    """'Moussa Tandja | Idrissa said': the recogniser labels only the first words of a name whose last word
    (its head on the parse) it leaves unlabelled or calls an organisation or a place; the name is the head's
    whole run of capitalised words, where that run begins with the labelled words."""
    if not words:
        return words
    last = words[-1]
    head = last.head
    if last.dep_ not in ("compound", "flat") or head.i <= last.i or head.pos_ != "PROPN" or head.ent_type_ not in MISLABELS:
        return words
    whole = _name_span(head)
    if whole[0].i != words[0].i or whole[-1].i - whole[0].i != len(whole) - 1 or len(whole) > LONGEST_NAME:
        return words
    return whole


def rejoin_list_end(phrase: Token) -> bool:
    """'declared Ana Ruiz, Luis Vega and Marta Soto persona non grata': the parser glues the list's last
    name onto the fixed phrase after it as compounds ("Marta Soto persona"); the name is the object's
    last conjunct again (or the object itself, where the phrase took the object's place), and the
    phrase the object's complement.  Whether a repair was made."""
    if phrase.lower_ not in FIXED_PHRASE_HEADS:
        return False
    last = phrase.doc[phrase.i - 1] if phrase.i > 0 else phrase
    if last.i == phrase.i or last.head.i != phrase.i or last.dep_ != "compound" or last.pos_ != "PROPN":
        return False
    names = _name_span(last)
    if names[-1].i - names[0].i != len(names) - 1 or names[0].i == 0:
        return False
    joint = phrase.doc[names[0].i - 1]
    verb = phrase.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if phrase.dep_ == "dobj" and phrase.head.i == verb.i and verb.pos_ == "VERB":
        # "declared Uganda's consul Otieno Mwangi persona non grata": the whole object glued on the phrase;
        # the name is the object, with the words before it (its title, its state's possessive)
        for c in list(phrase.children):
            if c.i < names[0].i:
                c.head = names[-1]
        for c in names[:-1]:
            c.head = names[-1]
        names[-1].head, names[-1].dep_ = verb, "dobj"
        phrase.dep_ = "oprd"
        return True
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i < names[0].i), None)
    if verb.pos_ != "VERB" or obj is None or joint.lower_ not in ("and", ",") or joint.head.i not in {obj.i} | {c.i for c in obj.conjuncts}:
        return False
    for c in names[:-1]:
        c.head = names[-1]
    names[-1].head, names[-1].dep_ = obj, "conj"
    phrase.head, phrase.dep_ = verb, "oprd"
    return True


def object_after_phrase(phrase: Token) -> bool:
    """'declared persona non grata Otieno Mwangi, a Ugandan diplomat', 'declared persona non grata the
    Chilean consul, Ana Ruiz': a long object written after the fixed phrase, which the parser took for
    the object (the real one hung on the verb as a second object or on "grata").  The later noun is
    the object, the phrase its complement.  Whether repaired."""
    if phrase.lower_ not in FIXED_PHRASE_HEADS or phrase.dep_ != "dobj" or phrase.head.pos_ != "VERB":
        return False
    verb, doc = phrase.head, phrase.doc
    end = phrase.i + 1
    while end < phrase.sent.end and doc[end].lower_ in PHRASE_LAST | {"non"}:
        end += 1
    if end == phrase.i + 1:
        return False
    heads = {verb.i} | {t.i for t in doc[phrase.i + 1:end]}
    obj = next((t for t in doc[end:phrase.sent.end] if t.dep_ == "dobj" and t.head.i in heads
                and t.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return False
    obj.head, obj.dep_ = verb, "dobj"
    phrase.dep_ = "oprd"
    # ("..., and two of his aides, X and Y": the object's list, hung on the verb, the phrase's words or
    # "persona" itself: "..., the ambassador, X, and his deputy, Y")
    object_list([verb, phrase, *doc[phrase.i + 1:end]], obj)
    return True


def list_made_apposition(token: Token) -> bool:
    """'declared Kwame Asante, Efua Mensimah and Yaw Boateng persona non grata': the parser makes the
    second name of a list an apposition of the first (and hangs the rest on it); a name in apposition
    to a name, itself heading "and" with a further name, is the list's next conjunct.  Whether repaired."""
    if token.dep_ != "appos" or token.pos_ != "PROPN" or token.head.pos_ != "PROPN" or token.ent_type_ != "PERSON" \
            or token.head.ent_type_ != "PERSON":
        return False
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children) \
            or not any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children):
        return False
    token.dep_ = "conj"
    return True


def list_after_opening_phrase(token: Token) -> bool:
    """'In Tashkent, Rashid Karimov and Oybek Tursunov were detained': the parser joins the first name of a
    list after a sentence's opening phrase (a place, a date) to that phrase's noun as its conjunct, and the
    clause is left with no subject.  A person's name set off from the phrase by its comma is the subject of
    the verb the phrase hangs on, where that verb, after it, has none.  Whether repaired."""
    if token.dep_ != "conj" or token.pos_ != "PROPN" or token.ent_type_ != "PERSON":
        return False
    noun, doc = token.head, token.doc
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i != token.sent.start or noun.ent_type_ == "PERSON":
        return False
    first = _name_span(token)[0]
    verb = prep.head
    if first.i < 1 or doc[first.i - 1].text != "," or verb.pos_ not in ("VERB", "AUX") or verb.i < token.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return False
    token.head = verb
    token.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return True


class BarePersons:
    """Persons named bare in an argument slot, and the members of lists of them (a mixin)."""

    def _persons_bare(self) -> None:
        known = self.gaz.folded_names()
        persons = {fold(n) for e in self.gaz.entities.values() if e.type == "Person" for n in {e.label} | e.aliases}
        states = self.gaz.state_pattern()
        for token in tree.tokens(self.doc):
            phrase_on_outer_verb(token) or copula_under_phrase(token) or rejoin_list_end(token) or object_after_phrase(token) or list_made_apposition(token) \
                or object_swallowed_by_phrase(token) or object_after_fronted_phrase(token)   # before the lists are read, here and by the frames
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            # "Kwame Asante, Efua Mensimah": one span of the recogniser over two names of a list
            parts = [[]]
            for t in ent:
                if t.text == ",":
                    parts.append([])
                elif t.text not in ("'s", "’s", "'", "’"):
                    parts[-1].append(t)
            for words in parts:
                words = _whole_name(words)
                if self._bare_name(words, known, states) and (_argument(words[-1], self._names_no_person)
                                                               or _opens_sentence(words)):
                    self._mint_bare(words, known, persons)
        self._persons_by_pronoun(known, persons, states)
        text = tree.doc_text(self.doc)   # (a span's text is the doc's between its ends; Span.text makes its tokens anew)
        ent_text = {i: text[e.start_char:e.end_char] for e in self.doc.ents for i in range(e.start, e.end)}
        # list members the recogniser calls an organisation or leaves unlabelled: "X and Wanjiru Kamau"
        for token in tree.tokens(self.doc):
            if token.dep_ != "conj" or token.pos_ != "PROPN" or token.ent_type_ not in LIST_LABELS:
                continue
            words = _name_span(token)
            if words[-1].i - words[0].i != len(words) - 1 or any(w.ent_type_ != words[0].ent_type_ for w in words):
                continue
            first = token.head
            while first.dep_ == "conj":
                first = first.head
            partner = ent_text.get(first.i, first.text)
            if (fold(partner) in persons or fold(first.text) in persons) and self._bare_name(words, known, states) and _argument(token, self._names_no_person):
                self._mint_bare(words, known, persons)

    def _persons_by_pronoun(self, known: set[str], persons: set[str], states) -> None:
        """'Moussa Faki Mahamat condemned the coup. He called on ...': a name the recogniser mislabels, the
        subject of its clause, with a personal pronoun of one sex after it in its sentence or the next,
        is the person that pronoun needs (places and bodies are "it", "they"), when the pronoun is a subject
        or a possessor, as a pronoun that continues the topic is.  An object, or a name labelled piecemeal,
        is one when its surname recurs alone later ("sheltered Ramiro Etxeberria ... granted Etxeberria asylum")."""
        sentences = list(self.doc.sents)
        for n, sentence in enumerate(sentences):
            reach = sentence.end if n + 1 == len(sentences) else sentences[n + 1].end
            for token in tree.tokens(self.doc)[sentence.start:sentence.end]:
                if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative") or token.pos_ != "PROPN" \
                        or token.ent_type_ not in MISLABELS:
                    continue
                words = _name_span(token)
                if not 2 <= len(words) <= 3 or any(w.tag_ == "NNPS" or w.ent_type_ not in MISLABELS for w in words) \
                        or city_code(token, placed=True) or not self._bare_name(words, known, states):
                    continue
                if token.dep_ in ("dobj", "dative") or any(w.ent_type_ != token.ent_type_ for w in words):
                    # an object, or a name the recogniser labels piecemeal ("Ramiro" a GPE, "Etxeberria" none):
                    # only its surname used alone later makes it a person, as news does with a person's
                    if any(at > token.idx for at in self._standalone_words().get(token.text, [])):
                        self._mint_bare(words, known, persons)
                    continue
                # the first third-person pronoun after it decides: "its chief executive ... he" is a company's
                first = next((t for t in self.doc[token.i + 1:reach] if t.lower_ in THIRD_PERSON
                              and t.pos_ == "PRON"), None)
                # and as a subject or possessor it continues the name's topic ("... Kenya declared him"
                # after "Morgan Stanley advised ..." is too weak a cue: an object pronoun may look further back)
                if first is not None and (first.lower_ in ("he", "she") or first.dep_ == "poss"):
                    self._mint_bare(words, known, persons)

    def _persons_cut_by_parse(self) -> None:
        """The names the parse cuts, mended before the finders of one-word persons read it (those would take
        a later surname alone for a person of its own): a list's first name joined to a sentence's opening
        phrase (``list_after_opening_phrase``); and "arrested Omar Nabil and Harun Said ... Said had
        criticised", a name the recogniser spans whole whose last word the tagger took for a verb (or a
        common noun), hung elsewhere on the parse, so that no name heads the slot its first words fill.  It is one person's name when its last word stands alone later
        in the article, as news uses a person's surname, and its first words fill an argument slot."""
        # (no set of the registry's persons here: nothing below reads it, and the finders after this build
        # theirs from the gazetteer, the persons minted here included)
        known, states = self.gaz.folded_names(), self.gaz.state_pattern()
        for token in tree.tokens(self.doc):
            # "In Tashkent, Rashid Karimov and ...": the list's first name, the clause's subject again
            if list_after_opening_phrase(token) and self._bare_name(words := _name_span(token), known, states):
                self._mint_bare(words, known)
        for ent in self.doc.ents:
            words = [t for t in ent if t.text not in ("'s", "’s", "'", "’")]
            if ent.label_ != "PERSON" or not 2 <= len(words) <= 3 or any(t.text == "," for t in words):
                continue
            last, rest = words[-1], words[:-1]
            if last.pos_ not in ("VERB", "NOUN", "ADJ") or last.dep_ in ("compound", "flat") or not last.text[:1].isupper() \
                    or last.i == last.sent.start or any(w.pos_ != "PROPN" for w in rest):
                continue
            slot = rest[-1]
            if any(w.head.i != slot.i for w in rest[:-1]) or not _argument(slot, self._names_no_person):
                continue
            if not any(at > last.idx for at in self._standalone_words().get(last.text, [])):
                continue
            if self._bare_name(words, known, states, tagged_apart=True):
                _rejoin_name(slot, last)
                self._mint_bare(words, known)

    def _names_no_person(self, word: str) -> bool:
        """Whether the gazetteer knows the word as a name of something other than a person (a state)."""
        return any(self.gaz.resolve(target).type != "Person" for target, _ in self.gaz.surfaces.get(word, ()))

    def _bare_name(self, words: list[Token], known: set[str], states, tagged_apart: bool = False) -> bool:
        """Whether the words are a person's name by their form, and one no one has taken yet (``tagged_apart``:
        its last word a capitalised word the tagger took for another part of speech)."""
        if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1:
            return False
        doc = words[0].doc
        if words[0].i > 0 and doc[words[0].i - 1].lower_ in ("the", "a", "an"):
            return False  # "the Quai d'Orsay", "a Hawker Hunter": a building, a body, a thing
        if words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].pos_ == "PROPN" and doc[words[-1].i + 1].text[:1].isupper():
            return False  # cut short: the rest of the name is another finder's
        if words[0].i > 0 and doc[words[0].i - 1].pos_ == "PROPN" and doc[words[0].i - 1].text[:1].isupper():
            return False  # "Foreign Ministers Ali Alatas": the span begins inside a title or a longer name
        if words[0].lower_ in PLACE_OPENERS or any(w.lower_ in PLACE_WORDS for w in words):
            return False
        if any(not (_name_word(w) or tagged_apart and w.i == words[-1].i) or not (NAME_TOKEN.fullmatch(w.text) or _initial(w, words)) or w.text in NOT_NAMES or w.text in NOT_NAME_WORDS
               or w.lower_ in NOT_PERSON_WORDS or w.lower_ in ORG_HEADS or w.lower_.rstrip(".") in TITLE_WORDS
               or w.text in self.gaz.surfaces for w in words):
            return False
        name = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        return fold(name) not in known and not states.search(name)

    def _mint_bare(self, words: list[Token], known: set[str], persons: set[str] | None = None) -> None:
        name = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        last = words[-1].text
        aliases = {last} if len(last) >= 3 and last not in self.gaz.surfaces else set()
        aliases |= self._family_name_first([w.text for w in words]) | article_surname_forms(name)
        minted = self._mint_person(name, aliases, known)
        if persons is not None:   # (the caller's set of persons, read by its later finders)
            persons.add(fold(minted))
