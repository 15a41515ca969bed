"""Extraction on one parse is repeatable: a notebook user who extracts twice gets the same events
(review23 #10: the parse repairs change heads in place, so a second run reads a repaired parse)."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import Article, extract, read_article, repairs
from diplograph.loaders.extract.parse import parse, parse_many

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities
# rules-half articles only (the held-out half is never read here)
ARTICLES = ["dev16_peru-breaks-with-venezuela.txt", "dev201_paraguay-stroessner-fall-timeline.txt"]


def _events(result):
    return sorted((e.type, tuple(e.agent), tuple(e.target), str((e.fields.get("date") or {}).get("value")))
                  for e in result.events)


@pytest.mark.parametrize("name", ARTICLES)
def test_extract_twice_on_one_parse(name):
    article = read_article(ROOT / "dev" / "corpus" / "texts" / name)
    doc = next(iter(parse_many([article.text])))
    first = _events(extract(article, REGISTRY, "first", doc=doc))
    second = _events(extract(article, REGISTRY, "second", doc=doc))
    assert first == second


def _tree(doc):
    return [(t.head.i, t.dep_, t.pos_, t.tag_, t.lemma_) for t in doc]


def test_a_callers_parse_is_unchanged_by_extract():
    """The repairs edit heads in place (legal_repairs: "by an Iranian court" moved onto "sentencing");
    extract() runs them on its own copy, so the parse a caller passes in is left as it was."""
    text = "Spain condemned the sentencing of Marta Gil to six years by a Cuban court on Tuesday."
    repaired = parse(text)
    repairs.repair_verbs(repaired)
    doc = parse(text)
    assert _tree(repaired) != _tree(doc)  # (the sentence is one the repairs change)
    before = _tree(doc)
    extract(Article(None, text, published="2025-03-10"), REGISTRY, "caller-doc", doc=doc)
    assert _tree(doc) == before

