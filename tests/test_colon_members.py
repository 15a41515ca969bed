"""colon_members.members_after_mark on hand-built parses: a group noun the parser hung inside the listed
name's own subtree is no group to re-hang the name on (that would make a cycle of heads)."""

from __future__ import annotations

import spacy
from diplograph.loaders.extract.colon_members import members_after_mark
from spacy.tokens import Doc

WORDS = ["Police", "detained", "a", "journalist", ":", "Ana", "Ruiz", "."]
POS = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
TAGS = ["NNS", "VBD", "DT", "NN", ":", "NNP", "NNP", "."]
ENTS = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]


def parse(heads, deps) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=WORDS, pos=POS, tags=TAGS, heads=heads, deps=deps, ents=ENTS,
              lemmas=[w.lower() for w in WORDS])
    return doc


def test_the_group_inside_the_name_s_subtree_is_left_alone():
    # "journalist" hung under "Ana", a word of the name: re-hanging "Ruiz" on it would close a cycle
    doc = parse([1, 1, 3, 5, 1, 6, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct", "compound", "npadvmod", "punct"])
    before = [t.head.i for t in doc]
    assert members_after_mark(doc[4]) is False
    assert [t.head.i for t in doc] == before


def test_the_group_outside_the_name_takes_it_as_apposition():
    doc = parse([1, 1, 3, 1, 1, 6, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct", "compound", "npadvmod", "punct"])
    assert members_after_mark(doc[4]) is True
    assert doc[6].head.i == 3 and doc[6].dep_ == "appos"
