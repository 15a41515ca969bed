"""Answers kept once a parse is final (parse_memo.py) are the answers the functions give, handed out as
copies, and nothing is kept before the mark or after a repair begins; the line starts and words read once per
doc (doc_index.py) are those a walk over the tokens finds."""

from __future__ import annotations

from diplograph.loaders.extract import doc_index, parse_memo, structure, tree
from diplograph.loaders.extract.parse import parse


def test_kept_answers_are_the_functions_answers():
    doc = parse("Peru's ambassador was expelled by Bolivia, and Chile recalled its envoy from La Paz.")
    before = [(structure.is_passive(t), structure.logical_subject(t), structure.local_tokens(t),
               [x.i for x in tree.fan_out(t)]) for t in doc]
    parse_memo.parse_final(doc)
    try:
        for _ in range(2):   # (asked again: the kept answers)
            after = [(structure.is_passive(t), structure.logical_subject(t), structure.local_tokens(t),
                      [x.i for x in tree.fan_out(t)]) for t in doc]
            assert after == before
    finally:
        parse_memo.parse_changes()


def test_a_kept_list_is_handed_out_as_a_copy():
    doc = parse("Bolivia expelled the Peruvian ambassador on Monday.")
    verb = doc[1]
    parse_memo.parse_final(doc)
    try:
        first = structure.local_tokens(verb)
        first.clear()
        assert structure.local_tokens(verb) != []
    finally:
        parse_memo.parse_changes()


def test_nothing_is_kept_before_the_mark_or_after_a_repair_begins():
    doc = parse("Bolivia expelled the Peruvian ambassador.")
    verb, envoy = doc[1], doc[4]
    assert not structure.is_passive(verb)
    parse_memo.parse_final(doc)
    assert not structure.is_passive(verb)
    parse_memo.parse_changes()
    envoy.head, envoy.dep_ = verb, "nsubjpass"   # a repair after the answers were kept
    assert structure.is_passive(verb)


def test_line_starts_and_words_are_those_of_a_walk_over_the_tokens():
    doc = parse("FACTBOX\n\nTurkey: Recognised the new state.\n* BOLIVIA - Cut relations with Israel.\nPeru, too.")
    for token in doc:
        i = token.i
        while i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
            i -= 1
        assert doc_index.line_start(token) == i
    assert doc_index.words(doc) == {t.lower_ for t in doc}
    assert "respectively" not in doc_index.words(doc)
