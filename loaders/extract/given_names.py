"""The given names the recogniser leaves out of a person's span: "Thanakorn Sirisamphan told reporters",
"Abiy Tesfaye said", "Young-chul Kim said", where only the last word is labelled a person's and the words
before it, compounds of it on the parse, carry no label.  Names of traditions the small model has seen
less (Thai, Ethiopian, Korean given names) are labelled so piecemeal; a span of the surname alone is too
short to be minted as a person, so the name is read whole: the run of capitalised, unlabelled words (a
hyphenated given name written as one: "Young-chul") just before the span, hung on a word of it.  A word
that opens a title, a rank or another name ("Foreign Minister X", "Major X", "Thai", "President X") ends the run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import HONORIFICS, PERSON_NOUNS
from .name_words import NAME_TOKEN, NOT_NAME_WORDS, NOT_NAMES, ORG_HEADS, TITLE_WORDS
from .newnames import NOT_PERSON_WORDS
from .titles import CAPITALISED_RANKS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the most words a given name of this kind adds before a labelled surname ("Le Hoai | Trung")
MOST_GIVEN_WORDS = 2


def _given_unit(doc, end: int) -> list[Token]:
    """The tokens of the word that ends at token ``end``: one token, or a hyphenated word the tokenizer split
    ("Young - chul"), its parts written without spaces."""
    start = end
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
            and doc[start - 2].is_alpha:
        start -= 2
    return list(doc[start:end + 1])


def with_given_names(words: list[Token], surfaces) -> list[Token]:
    """``words``, a person's span the recogniser labelled, with the unlabelled given names just before it
    (``surfaces``: the gazetteer's names, never a given name)."""
    if not words or words[0].ent_type_ != "PERSON":
        return words
    doc, inside = words[0].doc, {w.i for w in words}
    added = 0
    while added < MOST_GIVEN_WORDS and words[0].i > words[0].sent.start:
        unit = _given_unit(doc, words[0].i - 1)
        text = "".join(t.text for t in unit)
        within = inside | {t.i for t in unit}
        hung = any(t.dep_ in ("compound", "flat") and t.head.i in inside for t in unit) and all(t.head.i in within for t in unit)
        if not hung or any(t.ent_type_ for t in unit) or (len(unit) == 1 and unit[0].pos_ != "PROPN") \
                or not NAME_TOKEN.fullmatch(text) or text in NOT_NAMES or text in NOT_NAME_WORDS or text in surfaces \
                or text.lower() in TITLE_WORDS or text.lower() in NOT_PERSON_WORDS or text.lower() in ORG_HEADS \
                or text in CAPITALISED_RANKS or text.lower() in HONORIFICS or text.lower() in PERSON_NOUNS:
            break
        words = unit + words
        inside |= {t.i for t in unit}
        added += 1
    return words
