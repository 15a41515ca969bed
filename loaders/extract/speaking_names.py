"""Persons named as the subject of a speech verb, where no other finder of names.py took them:
"Abdelmadjid Tebboune demanded an apology" (two or three capitalised words the recogniser leaves
unlabelled), "'...,' Suharto told parliament" (one word it labels a person's), and the one-word name
after a title, "Thai Prime Minister Kriangsak said" (``_name_speaks``, asked by the title finder).
A base of ``names.NameFinder``, whose ``_persons_from_entities`` runs ``_persons_speaking`` last and
whose title finder asks ``_name_speaks``."""

from __future__ import annotations

import re

from . import tree
from .gazetteer import Entity, slug
from .gazetteer import fold as _fold
from .name_words import NAME_TOKEN, NOT_NAME_WORDS, NOT_NAMES, ORG_HEADS, TITLE_WORDS
from .newnames import NOT_PERSON_WORDS
from .speech import is_speech_verb


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

    def _persons_speaking(self, known: set[str]) -> None:
        """'Abdelmadjid Tebboune demanded an apology': a name of two or three capitalised words that
        the recogniser leaves unlabelled, as the subject of a speech verb, is a person speaking; so is a
        single word it labels a person's ("'...,' Suharto told parliament")."""
        for t in tree.tokens(self.doc):
            if t.dep_ != "nsubj" or t.pos_ != "PROPN" or t.ent_type_ not in ("", "PERSON") or not is_speech_verb(t.head):
                continue
            words = [c for c in t.lefts if c.dep_ == "compound"] + [t]
            label = t.ent_type_
            if not (2 <= len(words) <= 3 and not label or len(words) == 1 and label == "PERSON") \
                    or words[-1].i - words[0].i != len(words) - 1 \
                    or any(w.pos_ != "PROPN" or w.ent_type_ != label or not NAME_TOKEN.fullmatch(w.text) for w in words):
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
