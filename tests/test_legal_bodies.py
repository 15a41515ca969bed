"""legal_bodies: "the court" taking up an international court named before is that court, which acts in
the legal act (not dropped as no state's); a national court taken up so stays its state's.  Sentences of
our own; the international court is our own registry entry (the main registry lists none)."""

from __future__ import annotations

from pathlib import Path

import pytest


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.extract.pipeline import extract
    from diplograph.loaders.extract.text import Article
    from diplograph.loaders.schema import EntityRecord

    registry = dict(load_corpus(Path(__file__).resolve().parents[1] / "corpus", texts=None).entities)
    registry["international-criminal-court"] = EntityRecord(
        id="international-criminal-court", type="Court", label="International Criminal Court", aliases=["ICC"])
    x = extract(Article(None, text, published="2025-11-07"), registry, "legal-bodies-test")
    return [(e.type, e.agent, e.target) for e in x.events if e.type in ("Arrest", "Charge", "Sentence")]


@pytest.mark.parametrize("text", [
    "The International Criminal Court opened an inquiry into the war in 2019. In May the court issued a warrant for Ivan Petrov.",
    "The International Criminal Court opened an inquiry into the war in 2019. The court indicted Ivan Petrov in May on 17 counts of war crimes.",
])
def test_the_court_taking_up_an_international_court_is_that_court(text):
    events = _events(text)
    assert [(t, a) for t, a, _ in events] == [("Charge", ["international-criminal-court"])], events


def test_an_international_court_refusing_a_warrant_is_no_charge():
    text = ("The International Criminal Court opened an inquiry into the war in 2019. In May the court rejected a "
            "request for a warrant for Ivan Petrov.")
    assert _events(text) == []


def test_a_national_court_taken_up_stays_its_states():
    events = _events("A court in Lima heard the case in 2019. In May the court sentenced Ana Ruiz to ten years.")
    assert [(t, a) for t, a, _ in events] == [("Sentence", ["peru"])], events
