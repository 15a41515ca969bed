"""Persons named as the subject of a speech verb, where no other finder of names.py took them:
"Abdelmadjid Tebboune demanded an apology" (two or three capitalised words the recogniser leaves
unlabelled), "'...,' Suharto told parliament" (one word it labels a person's), and the one-word name
after a title, "Thai Prime Minister Kriangsak said" (``_name_speaks``, asked by the title finder).
A base of ``names.NameFinder``, whose ``_persons_from_entities`` runs ``_persons_speaking`` last and
whose title finder asks ``_name_speaks``."""

from __future__ import annotations

import re

from . import tree
from .coref_lexicon import PRONOUNS
from .gazetteer import Entity, slug
from .gazetteer import fold as _fold
from .name_words import NAME_TOKEN, NOT_NAME_WORDS, NOT_NAMES, ORG_HEADS, TITLE_WORDS
from .newnames import NOT_GOVERNMENT_WORDS, NOT_PERSON_WORDS
from .speech import is_speech_verb, speech_lexicon
from .world_cities import city_code

#: the recogniser's labels a single unfamiliar name of a person often gets ("Thaksin" a GPE)
ONE_WORD_MISLABELS = frozenset({"GPE", "ORG", "NORP", ""})
#: the labels it gives a longer unfamiliar name ("Hakainde Mwale" an ORG, "Le Hoai Trung" a FAC, a WORK_OF_ART
#: after a quotation), taken as a
#: person's where the name tells the press (``_tells_the_press``)
NAME_MISLABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT"})


def _compounds_before(name) -> list:
    """The words of a name before its head: its compounds to the left, and theirs ("Le -> Hoai -> Trung")."""
    words, todo = [], [name]
    while todo:
        found = [c for c in todo.pop().lefts if c.dep_ == "compound"]
        words += found
        todo += found
    return sorted(words, key=lambda w: w.i)


def _tells_the_press(verb) -> bool:
    """'Hakainde Mwale told reporters ...': the verb tells an audience only a person tells."""
    return verb.lemma_.lower() == "tell" and any(
        c.dep_ in ("dobj", "dative") and c.lower_ in speech_lexicon().press_audiences for c in verb.children)


def source_of_report(name) -> bool:
    """'According to Ngozi Okafor-Eze, the expulsions ...': the name after "according to" is who speaks, when
    it is one of two words or more (a news agency is named by one, "according to Yonhap") and none of them
    a news outlet's word ("according to Nation Media")."""
    if name.dep_ != "pobj" or name.head.lower_ != "to" or name.head.head.lower_ != "according":
        return False
    words = [c for c in name.lefts if c.dep_ in ("compound", "flat")] + [name]
    return len(words) >= 2 and not any(w.lower_ in NOT_GOVERNMENT_WORDS for w in words)


class SpeakingNames:
    """Persons told by a name that speaks (a mixin)."""

    def _name_speaks(self, start: int, end: int) -> bool:
        """Whether the one word at ``start``-``end`` is a proper noun, subject of a speech verb, and not
        the short form of a longer name the article gives ("Mark Dune ... Prime Minister Dune said": the
        person named in full, whom the later finders know by it)."""
        span = self.doc.char_span(start, end)
        if span is None or len(span) != 1:
            return False
        word = span[0]
        if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word.text for e in self.doc.ents):
            return False
        return word.pos_ == "PROPN" and word.dep_ == "nsubj" and word.ent_type_ in ("", "PERSON") and is_speech_verb(word.head) \
            and not (word.lower_ in NOT_PERSON_WORDS or word.lower_ in ORG_HEADS or word.text in self.gaz.surfaces)

    def _speaks_of_self(self, word) -> bool:
        """'Thaksin said on Thursday that he had given ...': a single capitalised word the recogniser calls a
        place or a body (or nothing), subject of a speech verb whose reported clause has a person's pronoun of
        one sex as its own subject, is a person speaking of themself (a state, a city, a body
        is "it", "they"); a word the gazetteer knows or a city is not (the registry's "Moscow said")."""
        if word.ent_type_ not in ONE_WORD_MISLABELS or word.text in self.gaz.surfaces or city_code(word, placed=True) \
                or not NAME_TOKEN.fullmatch(word.text) or word.lower_ in NOT_PERSON_WORDS or word.lower_ in ORG_HEADS:
            return False
        verb = word.head
        reported = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > word.i]
        # (the reported clause's own subject only: "Aeroflot said the minister had told him ..." is about another)
        return any(p.dep_ in tree.SUBJECTS and p.pos_ == "PRON" and PRONOUNS.get(p.lower_, ("n",))[0] in ("m", "f")
                   for c in reported for p in c.children)

    def _one_word_tells_the_press(self, word) -> bool:
        """'Sukarno told reporters ...': a single capitalised word the recogniser calls a body or a place,
        telling an audience only a person tells (``_tells_the_press``), is a person known by one name; a word
        the gazetteer knows, a city, an organ's word or an acronym is not."""
        return word.dep_ == "nsubj" and word.ent_type_ in ONE_WORD_MISLABELS | NAME_MISLABELS and _tells_the_press(word.head) \
            and NAME_TOKEN.fullmatch(word.text) is not None and word.text not in self.gaz.surfaces \
            and not city_code(word, placed=True) and word.lower_ not in NOT_PERSON_WORDS and word.lower_ not in ORG_HEADS

    def _persons_speaking(self, known: set[str]) -> None:
        """'Abdelmadjid Tebboune demanded an apology': a name of two or three capitalised words that
        the recogniser leaves unlabelled, as the subject of a speech verb, is a person speaking; so is a
        single word it labels a person's ("'...,' Suharto told parliament"); and so is such a name after
        "according to", the source of a report ("According to Siti Nurhaliza Rahman, ...")."""
        for t in tree.tokens(self.doc):
            if t.pos_ != "PROPN" or not (t.dep_ == "nsubj" and is_speech_verb(t.head) or source_of_report(t)):
                continue
            words = _compounds_before(t) + [t]
            label = t.ent_type_
            if len(words) == 1 and label != "PERSON" and (self._speaks_of_self(t) or self._one_word_tells_the_press(t)):
                label = "PERSON"   # "Thaksin said that he had given ...": the recogniser's place is a person
            if 2 <= len(words) <= 3 and label in NAME_MISLABELS and t.dep_ == "nsubj" and _tells_the_press(t.head):
                label = ""   # "Hakainde Mwale told reporters": no body tells reporters, a person does
            if label not in ("", "PERSON"):
                continue
            if not (2 <= len(words) <= 3 and not label or len(words) == 1 and label == "PERSON") \
                    or words[-1].i - words[0].i != len(words) - 1 \
                    or any(w.pos_ != "PROPN" or w.ent_type_ != t.ent_type_ or not NAME_TOKEN.fullmatch(w.text) for w in words):
                continue
            before = t.doc[words[0].i - 1] if words[0].i > 0 else None
            if before is not None and (before.pos_ == "PROPN" or before.lower_ in ("the", "a", "an")):
                continue  # "the Kremlin Press Service", "Foreign Minister X" (the title finder's)
            name = self.text[words[0].idx:t.idx + len(t.text)]
            if len(words) == 1:
                # "Hassan told reporters" after "Hassan Sheikh Mohamud": a short form of a name the article gave
                fuller = [e for e in self.gaz.entities.values() if e.type == "Person" and _fold(t.text) in _fold(e.label).split()]
                if len(fuller) == 1 and fuller[0].new and t.text not in self.gaz.surfaces:
                    self.gaz.add(Entity(fuller[0].id, "Person", fuller[0].label, {t.text}))
                if fuller:
                    continue
            if re.search(r"[—–:]", self.text[t.idx:t.head.idx]):
                continue  # "Ryanair — the airline's chief executive, X, said": a list of reactions' heading
            if _fold(name) in known or any(w.text in NOT_NAMES or w.text in NOT_NAME_WORDS or w.text in self.gaz.surfaces
                                           or w.lower_ in ORG_HEADS or w.lower_ in TITLE_WORDS for w in words):
                continue
            aliases = {words[-1].text} if len(words) > 1 and len(words[-1].text) >= 3 else set()
            self.gaz.add(Entity(slug(name), "Person", name, aliases))
            known.add(_fold(name))
