"""Persons named without a title or a known first name, found by how the sentence describes them:
"Josefa Ratu, the Fijian dictator", "the Fijian dictator, Josefa Ratu", "Kohver, an Estonian security
officer", "the dissident Tuvshin Batbayar", "Mrs Wanjiru", "U Win Tin".  Names from naming traditions
no first-name list covers (Fijian, Burmese, Mongolian, Central Asian, African) are found this way, and
the surname the article goes on to use alone ("Ratu said") becomes an alias.

The cue is read on the parse: an apposition whose head noun describes a person (a title, an
occupation, a role: ``PERSON_HEADS``), a person noun written just before the name, or a courtesy
word before it.  A place, an organisation or a newspaper is never described by such a noun
("Kommersant, a Russian daily", "Tbilisi, the Georgian capital"), and no word of the name may be one
the gazetteer knows or one that makes organisations' names.  A mixin of ``pipeline._Extractor``,
run once per article after the other person finders.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import tree
from .coref_lexicon import BODY_LEADERS, HONORIFICS, PERSON_NOUNS, SPOUSES
from .gazetteer import NAME_JOINERS, fold
from .name_words import NAME_TOKEN
from .names import (
    COUNTERPARTS,
    KIN_NOUNS,
    NOT_NAME_WORDS,
    NOT_NAMES,
    PERSON_DESCRIPTIONS,
    TITLE_WORDS,
)
from .newnames import NOT_PERSON_WORDS
from .world_cities import city_code

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that describe a person, besides titles and coref.yaml's person nouns ("chairman" left out:
#: the chairman of a commission or a company acts for it, measured +1 fp on the held-out half)
MORE_PERSON_NOUNS = frozenset({"dictator", "officer", "soldier", "tourist", "worker", "citizen", "national", "monk",
                               "pastor", "imam", "rebel", "warlord", "opponent", "critic", "teacher", "doctor",
                               "engineer", "farmer", "analyst", "campaigner", "defender", "protester", "prisoner",
                               "detainee", "widow", "founder", "owner", "editor",
                               "correspondent", "columnist", "businessman", "entrepreneur", "nun", "lama",
                               "aide", "adviser", "advisor", "agent", "spy", "pilot", "captain", "major",
                               "lieutenant", "sergeant", "major-general", "opposition figure", "man", "woman",
                               # the parties to a siege, a hijacking or a kidnapping ("the sixth gunman, X")
                               "gunman", "hostage", "hijacker", "kidnapper", "militant", "suspect", "attaché",
                               "constable"}) | KIN_NOUNS
PERSON_HEADS = PERSON_NOUNS | PERSON_DESCRIPTIONS | TITLE_WORDS | COUNTERPARTS | MORE_PERSON_NOUNS
#: courtesy words, as written, that put a person's name after them (coref.yaml's, capitalised, with or
#: without a full stop: "Ms", "Dr.", the Burmese "U" and "Daw")
HONORIFIC_FORMS = frozenset(f for w in HONORIFICS for f in (w.capitalize(), w.capitalize() + "."))
#: entity labels a person's name never carries (the small pipeline calls many unfamiliar names ORG or
#: GPE: "Kohver", "Josefa Ratu"; a known place is a gazetteer or city word, excluded apart)
NOT_PERSON_LABELS = frozenset({"NORP", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
                               "ORDINAL", "CARDINAL", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"})


def name_words(head: Token) -> list[Token]:
    """The capitalised words of the name whose last word is ``head`` (compounds and flats around it)."""
    words = [head]
    i = head.i - 1
    doc, start = head.doc, head.sent.start   # (each read of Token.sent builds the sentence anew)
    while i >= start:
        t = doc[i]
        if t.head.i not in {w.i for w in words} or t.dep_ not in ("compound", "flat") or not t.text[:1].isupper():
            break
        words.insert(0, t)
        i -= 1
    return words


def cut_short(words: list[Token], honorific: bool) -> bool:
    """Whether the parse gives only part of a longer name ("Mohammad Taghi | Moayed", "Salah el-|Din"):
    a capitalised word or a hyphen joined on either side. Another finder's business, or none's."""
    doc, first, last = words[0].doc, words[0].i, words[-1].i
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and re.fullmatch(NAME_JOINERS, before.text) or re.fullmatch(NAME_JOINERS, words[-1].text):
        return True   # "Faisal bin | Farhan Al Saud": a joiner is inside a name, never at its edge
    return (before is not None and not honorific and (before.text[:1].isupper() and before.is_alpha
                                                      or not before.whitespace_ and before.text not in ("(", "\"", "“"))) \
        or (after is not None and (after.text[:1].isupper() and after.pos_ == "PROPN" or after.text == "-"
                                   or not words[-1].whitespace_ and after.is_alpha))


def not_a_name(words: list[Token], surfaces) -> bool:
    """Whether a word of a would-be person's name is a place, a body, a title or a date, not a name."""
    return any(not NAME_TOKEN.fullmatch(w.text) or w.text in surfaces or w.text in NOT_NAMES
               or w.text in NOT_NAME_WORDS or w.lower_ in NOT_PERSON_WORDS or w.lower_ in TITLE_WORDS
               or w.ent_type_ in NOT_PERSON_LABELS or city_code(w, placed=True) for w in words)


def spouse_family_name(name: Token, surfaces, resolve) -> str | None:
    """'Tom Alder and his wife Ruth', 'Tom Alder, his wife, Ruth, ...', 'Alder's wife Ruth': a first name alone
    in apposition to a spouse noun whose possessor is a person named in full (the name the noun is listed
    with, for "his"/"her"; or the possessive name itself): her family name is his, the last word of his name."""
    noun = name.head
    if name.dep_ != "appos" or noun.i > name.i or noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPOUSES:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON" and owner.lower_ in ("his", "her"):
        # the name the noun is listed with; else ("X, the country's ruler, and his wife, Y", the parser
        # joining the list elsewhere) the last person named in full before it in its sentence
        owner = noun.head if noun.dep_ in ("conj", "appos") and noun.head.i < noun.i and noun.head.pos_ == "PROPN" \
            else next((t for t in reversed(noun.doc[noun.sent.start:noun.i]) if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                       and t.dep_ not in ("compound", "flat")), None)
    if owner is None or owner.pos_ != "PROPN" or not owner.text[:1].isupper() or not NAME_TOKEN.fullmatch(owner.text):
        return None
    words = name_words(owner)
    if len(words) >= 2 and owner.ent_type_ == "PERSON" and all(NAME_TOKEN.fullmatch(w.text) for w in words):
        return owner.text
    # "Marcos, his wife Imelda": a surname (alone, or of a name the recogniser mislabels) of a person the
    # registry or the article knows by it
    targets = surfaces.get(owner.text, ())
    if targets and all(resolve(t).type == "Person" and resolve(t).label.split()[-1] == owner.text
                                           for t, _ in targets):
        return owner.text
    return None   # a name of one word may be a first name or a title's: no family name to share


def _describes(noun: Token) -> bool:
    """A common noun (with its compound: "security officer", "opposition leader") that describes a person."""
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return False
    compound = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i)
    return noun.lemma_.lower() in PERSON_HEADS or noun.lower_ in PERSON_HEADS \
        or (compound and f"{compound} {noun.lower_}" in PERSON_HEADS)


def _described(words: list[Token]) -> bool:
    """Whether the sentence describes the name as a person's: an apposition of a person noun after or
    before it, or a person noun written just before it ("the dissident X")."""
    head = words[-1]
    if any(c.dep_ == "appos" and _describes(c) for c in head.children):
        return True                 # "Josefa Ratu, the Fijian dictator"
    if head.dep_ == "appos" and head.head.i < head.i and _describes(head.head):
        return True                 # "the Fijian dictator, Josefa Ratu"
    if head.dep_ == "appos" and head.head.i < head.i and _leader_of_named_body(head.head):
        return True                 # "the chairman of the X Commission, Moussa Diallo"
    before = head.doc[words[0].i - 1] if words[0].i > head.sent.start else None
    if before is not None and before.is_lower and before.tag_ in ("NN", "NNS") and _describes(before):
        return True                 # "the dissident X"
    return _predicated(head)


def _leader_of_named_body(owner: Token) -> bool:
    """Whether ``owner`` is the name of a body or state after "of" on a noun of a person who leads or
    describes one ("the chairman of the X Commission", "the president of Y"): a name after it, set off by
    commas, names that person, though the parse hangs it on ``owner`` (a name is not renamed by a name)."""
    if owner.dep_ != "pobj" or owner.pos_ != "PROPN" or owner.head.lower_ != "of" \
            or owner.i + 1 >= len(owner.doc) or owner.doc[owner.i + 1].text != ",":
        return False
    noun = owner.head.head
    return noun.pos_ == "NOUN" and noun.is_lower and (noun.lemma_.lower() in BODY_LEADERS or _describes(noun))


def _predicated(head: Token) -> bool:
    """Whether the name's own clause, or a relative clause on it, says what the person is or was: "X was
    Slovakia's interior minister", "X served as prime minister", "X, who worked as a journalist, ..."."""
    verbs = [head.head] if head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX") else []
    verbs += [c for c in head.children if c.dep_ == "relcl"
              and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)]
    return any(_describes(c) for v in verbs for c in v.children if c.dep_ == "attr") or any(
        _describes(o) for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "as"
        for o in p.children if o.dep_ == "pobj")


class DescribedPersons:
    """Persons found by their description or a courtesy word (a mixin of the extractor)."""

    def _persons_described(self) -> None:
        known: set[str] | None = None   # the folded names of every entity: built at the first candidate only
        for token in tree.tokens(self.doc):
            if token.pos_ != "PROPN" or (token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN"
                                         and token.head.i > token.i):
                continue   # only the last word of a name heads it
            words = name_words(token)
            honorific = words[0].text in HONORIFIC_FORMS and len(words) > 1
            if honorific:
                words = words[1:]
            elif words[0].i > token.sent.start and token.doc[words[0].i - 1].text in HONORIFIC_FORMS:
                honorific = True
            if len(words) > 4 or cut_short(words, honorific) or not (honorific or _described(words)):
                continue
            if not_a_name(words, self.gaz.surfaces):
                continue
            name = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
            if known is None:
                known = self.gaz.folded_names()
            if fold(name) in known or name in self.gaz.surfaces:
                continue
            texts = [w.text for w in words]
            aliases = {texts[-1]} if len(texts) > 1 and len(texts[-1]) >= 3 else set()
            aliases |= self._family_name_first(texts)
            if len(words) == 1 and (family := spouse_family_name(token, self.gaz.surfaces, self.gaz.resolve)) is not None \
                    and fold(f"{name} {family}") not in known:
                aliases, name = {name}, f"{name} {family}"   # "Tom Alder and his wife Ruth": Ruth Alder
            self._mint_person(name, aliases, known)
