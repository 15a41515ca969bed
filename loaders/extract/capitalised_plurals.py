"""A plural common noun that opens a sentence and that the tagger read as a name: "MOSCOW, March 3 (Reuters) -
Prosecutors charged X", "KABUL (AP) — Authorities detained Y", where the capital after a wire dateline makes
the small pipeline tag "Prosecutors" a proper noun with itself as lemma, so that no word list of organs or persons
("prosecutor", "authority") knows it.  Retagged as the common plural it is (a plural of the organ and person
words only, standing alone: not "Judges Smith and Ruiz", not a name of several words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import PERSON_GROUP_NOUNS
from .organs import ORGAN_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


#: the plural of each organ or person word, to its singular ("authorities" → "authority"); the lists' own
#: plurals ("policemen") are no singular to inflect
SINGULARS = {_plural(w): w for w in ORGAN_WORDS | PERSON_GROUP_NOUNS if " " not in w and not w.endswith("men")}


def repair_capitalised_plurals(doc: Doc) -> None:
    """Each sentence's first word, where it is such a plural tagged a name, made the common noun."""
    for sent in doc.sents:
        token = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if token is None or token.tag_ not in ("NNP", "NNPS") or not token.text[:1].isupper() or token.text.isupper():
            continue
        singular = SINGULARS.get(token.lower_)
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if singular is None or (after is not None and after.pos_ == "PROPN") \
                or any(c.dep_ in ("compound", "flat", "appos") and c.pos_ == "PROPN" for c in token.children):
            continue
        token.pos_, token.tag_, token.lemma_ = "NOUN", "NNS", singular
