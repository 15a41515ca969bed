"""date_attachment.counted_date, the one count of a date by a measure ("two days after") that both the
main-clause and the subordinate-clause counts use: the phrase keeps only day units before the mark."""

from __future__ import annotations

import spacy
from diplograph.loaders.extract.date_attachment import counted_date
from spacy.tokens import Doc

WORDS = ["Peru", "acted", "Friday", ",", "two", "days", "after", "Chile", "voted", "."]
HEADS = [1, 1, 8, 1, 5, 8, 8, 8, 1, 1]
DEPS = ["nsubj", "ROOT", "npadvmod", "punct", "nummod", "npadvmod", "mark", "nsubj", "advcl", "punct"]


def test_the_phrase_keeps_only_the_day_units_before_the_mark():
    # "Friday", an npadvmod the parser hung on the clause too, is no part of the measure
    doc = Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS)
    assert counted_date(doc[8], "2025-11-01", 2) == ("2025-11-03", "two days after")
    assert counted_date(doc[8], "2025-11-01", -2) == ("2025-10-30", "two days after")
