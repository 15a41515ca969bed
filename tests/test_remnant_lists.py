"""remnant_lists.gapped_members on hand-built parses: a gapped list read from the words is found whole, and
a long run of look-alike members that fails at the sentence's end is read once, not once from every comma
(linear in the sentence's length)."""

from __future__ import annotations

import spacy
from diplograph.loaders.extract import remnant_lists
from spacy.tokens import Doc


def parse(members: int, ending: list[tuple[str, str]]) -> Doc:
    """'Kenya expelled the consul, Uganda the attache, Uganda the attache, ... <ending> .', every word hung
    on the verb (the reading goes by the words, not the tree)."""
    words = [("Kenya", "PROPN"), ("expelled", "VERB"), ("the", "DET"), ("consul", "NOUN")]
    for _ in range(members):
        words += [(",", "PUNCT"), ("Uganda", "PROPN"), ("the", "DET"), ("attache", "NOUN")]
    words += [*ending, (".", "PUNCT")]
    heads = [1] * len(words)
    deps = ["ROOT" if i == 1 else "dep" for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=[w for w, _ in words], pos=[p for _, p in words], heads=heads,
               deps=deps, lemmas=[w.lower() for w, _ in words])


def test_a_list_to_the_sentence_s_end_is_read_whole():
    doc = parse(3, [])
    members = remnant_lists.gapped_members(doc[1])
    assert [(name.text, head.text, bare) for name, head, bare in members] == [("Uganda", "attache", False)] * 3


def test_a_list_that_fails_at_its_end_is_no_list():
    doc = parse(3, [("quickly", "ADV")])
    assert remnant_lists.gapped_members(doc[1]) == []


def test_a_failed_list_is_read_once(monkeypatch):
    calls = []
    real = remnant_lists._remnant_end

    def counted(doc, i, end):
        calls.append(i)
        return real(doc, i, end)

    monkeypatch.setattr(remnant_lists, "_remnant_end", counted)
    doc = parse(300, [("quickly", "ADV")])
    assert remnant_lists.gapped_members(doc[1]) == []
    assert len(calls) <= 2 * 300   # (each member once; from every comma again it was 300 * 301 / 2)
