"""A plural common noun that opens a sentence and that the tagger read as a name: "MOSCOW, March 3 (Reuters) -
Prosecutors charged X", "KABUL (AP) — Authorities detained Y", where the capital after a wire dateline makes
the small pipeline tag "Prosecutors" a proper noun with itself as lemma, so that no word list of organs or persons
("prosecutor", "authority") knows it.  Retagged as the common plural it is (a plural of the organ and person
words only, standing alone: not "Judges Smith and Ruiz", not a name of several words); its singular is the
pipeline's lemmatizer's, the word read as a plural noun (Number=Plur)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .coref_lexicon import PERSON_GROUP_NOUNS
from .governments import WORDS as GOVERNMENT_WORDS
from .organs import ORGAN_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the organ and person words whose plural, tagged a name, is retagged (the lists' words of one word), and the
#: men a coup is given to ("Rebels of the X Front ousted ...": governments.yaml's coup_group_nouns)
WORDS = frozenset(w for w in ORGAN_WORDS | PERSON_GROUP_NOUNS | set(GOVERNMENT_WORDS["coup_group_nouns"]) if " " not in w)


@functools.lru_cache(maxsize=1)
def _lemmatizer():
    from .parse import (  # (the pipeline that parsed the text; loaded once)
        load_pipeline,
        model_name,
    )

    nlp = load_pipeline(model_name())
    return nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None


def _singular(token: Token) -> str | None:
    """The singular of the word read as a plural common noun ("authorities" → "authority"), by the pipeline's
    lemmatizer; None where the lemma is the word itself (no plural: "Police", "Security")."""
    return _singular_of(token.lower_, token.doc.vocab)


@functools.lru_cache(maxsize=4096)
def _singular_of(lower: str, vocab) -> str | None:
    """(a word's singular is the same in every article: each word is lemmatised once, not once per sentence)"""
    lemmatizer = _lemmatizer()
    if lemmatizer is None:
        return None
    word = Doc(vocab, words=[lower], pos=["NOUN"], tags=["NNS"], morphs=["Number=Plur"])[0]
    lemma = lemmatizer.rule_lemmatize(word)[0]
    return lemma if lemma != lower else None


#: the dashes that end a timeline line's date or a label ("Dec 10, 2018 - Prosecutors indict ...")
LINE_DASHES = frozenset({"-", "—", "–", "--"})
#: how far into its sentence a line's dash may stand (a date of a few words before it)
_DASH_WITHIN = 8


def _line_openers(sent) -> list[Token]:
    """The sentence's first word, and the first after a dash that ends a short date or label opening it."""
    words = [t for t in sent if not t.is_space]
    first = next((t for t in words if not t.is_punct), None)
    dash = next((t for t in words[:_DASH_WITHIN] if t.text in LINE_DASHES), None)
    after = next((t for t in words if dash is not None and t.i > dash.i and not t.is_punct), None)
    return [t for t in (first, after) if t is not None]


def repair_capitalised_plurals(doc: Doc) -> None:
    """Each sentence's first word (or a line's first after its date: "Dec 10, 2018 - Prosecutors ..."), where
    it is such a plural tagged a name, made the common noun."""
    for sent in doc.sents:
        for token in _line_openers(sent):
            _retag(token)


def _retag(token: Token) -> None:
    """The word made the common plural it is, where it is one of the organ and person words tagged a name."""
    if token.tag_ not in ("NNP", "NNPS") or not token.text[:1].isupper() or token.text.isupper():
        return
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (after is not None and after.pos_ == "PROPN") \
            or any(c.dep_ in ("compound", "flat", "appos") and c.pos_ == "PROPN" for c in token.children):
        return
    singular = _singular(token)
    if singular in WORDS:
        token.pos_, token.tag_, token.lemma_ = "NOUN", "NNS", singular
