"""Who "the deposed ruler", "the ousted president", "the toppled leader" cannot be: a description of a
person by their fall never stands for the one who brought it about ("President X was ousted by General
Y. Mexico granted asylum to the ousted leader": X, not Y).  Both resolvers of descriptions ask here
(coref_descriptions on the parse, article_anaphora on the text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .governments import WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the verbs of a ruler's fall, and their participles that describe him by it (governments.yaml's one list)
DEPOSING_LEMMAS = frozenset(WORDS["deposing"])
DEPOSED_WORDS = frozenset(WORDS["deposing"].values())


def by_fall(words: list[str]) -> bool:
    """Whether a description's words (before its noun) describe a person by their fall."""
    return any(w.lower() in DEPOSED_WORDS for w in words)


def deposed(doc: Doc) -> list[Token]:
    """The head words of those the article names as deposed ("Y ousted X", "X was ousted by Y": X): one
    deposed in turn may be "the ousted leader" though they deposed someone before."""
    return [c for verb in doc if verb.pos_ == "VERB" and verb.lemma_.lower() in DEPOSING_LEMMAS
            for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def deposers(doc: Doc) -> list[Token]:
    """The head words of those the article names as the subject of a deposing verb or its passive's
    "by" ("General Y ousted X", "X was ousted by General Y": Y)."""
    out = []
    for verb in doc:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in DEPOSING_LEMMAS:
            out += [c for c in verb.children if c.dep_ == "nsubj"]
            out += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return out
