"""Acts told by ellipsis (loaders/extract/ellipsis.py), on sentences of our own: "X follows",
"Y did the same", a gapped clause, and a refusal to do the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract.pipeline import _Extractor
from diplograph.loaders.extract.text import Article

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


def events(text: str) -> set[tuple]:
    x = _Extractor(Article(None, text, published="2025-11-07"), REGISTRY, "test")
    extraction = x.run()

    def label(entity_id):
        return x.gaz.entities[entity_id].label if entity_id in x.gaz.entities else entity_id
    return {(e.type, label(a), label(t)) for e in extraction.events for a in e.agent for t in e.target}


@pytest.mark.parametrize("text,expected", [
    ("March 3, 2001 — Ghana recognizes Palestine as a state. Togo follows the next day and Benin the day after that.",
     {("Recognition", "Ghana", "Palestine"), ("Recognition", "Togo", "Palestine"), ("Recognition", "Benin", "Palestine")}),
    ("Kenya broke off relations with Somalia on Monday. Uganda did the same on Tuesday.",
     {("SeveranceOfRelations", "Uganda", "Somalia")}),
    ("Peru recalled its ambassador from Venezuela, and Chile and Brazil followed within hours.",
     {("RecallOfAmbassador", "Chile", "Venezuela"), ("RecallOfAmbassador", "Brazil", "Venezuela")}),
    # a refusal to do the same: a recognition's refusal is a non-recognition (capitals stand for their states)
    ("Ghana recognized Palestine on Monday. Paris and Berlin declined to do the same.",
     {("NonRecognition", "France", "Palestine"), ("NonRecognition", "Germany", "Palestine")}),
    # "did the same to X": the same act, on the ones named this time
    ("Serbia expelled two Croatian diplomats on Friday. Zagreb did the same to the Serbian consul in Split.",
     {("ExpulsionOfDiplomats", "Serbia", "Croatia"), ("ExpulsionOfDiplomats", "Croatia", "Serbia")}),
    # the one acted on doing the same answers in kind
    ("Serbia recalled its ambassador from Croatia on Friday. Croatia did the same a day later.",
     {("RecallOfAmbassador", "Serbia", "Croatia"), ("RecallOfAmbassador", "Croatia", "Serbia")}),
])
def test_an_act_repeated_by_ellipsis_is_coded_for_each_new_agent(text, expected):
    got = events(text)
    assert expected <= got, f"{text!r}: expected {sorted(expected - got)}, found {sorted(got)}"


@pytest.mark.parametrize("text,absent", [
    ("Peru recalled its ambassador from Venezuela. Chile could follow suit.", ("RecallOfAmbassador", "Chile", "Venezuela")),
    ("Peru recalled its ambassador from Venezuela. Chile declined to do the same.", ("RecallOfAmbassador", "Chile", "Venezuela")),
    ("Peru recalled its ambassador from Venezuela. Chile followed the debate closely.", ("RecallOfAmbassador", "Chile", "Venezuela")),
    ("Ghana recognized Palestine on Monday. Togo threatened to do the same.", ("Recognition", "Togo", "Palestine")),
])
def test_no_act_where_the_repetition_is_only_possible_refused_or_another_verb(text, absent):
    assert absent not in events(text)
