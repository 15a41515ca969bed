"""The learned confidence (loaders/extract/confidence.py): the model file loads and says how it was
made, a hedge never raises a proposal's confidence, the same text gets the same confidences, and
eval's table of the proposals at or above a confidence adds up on a fixture of our own."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from types import SimpleNamespace

from conftest import one_article_corpus
from diplograph.graph.evaluate import EvalReport, GoldEvent, _rescore, _score, at_least
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article
from diplograph.loaders.extract.confidence import (
    HEDGES,
    INTERCEPT,
    MODEL_FILE,
    load_model,
    probability,
)
from diplograph.loaders.extract.pipeline import Event

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


#: a closing line of our own, so that every text is long enough to be read as an article
PADDING = "The two governments have traded accusations for weeks over the case, diplomats in the region said.\n"


def run(text: str):
    return extract(parse_article((text + PADDING).encode("utf-8"), published="2025-11-07"), REGISTRY, "test")


def test_the_model_file_loads_and_its_header_says_how_it_was_made():
    weights = load_model()
    assert INTERCEPT in weights and len(weights) > 20
    assert all(math.isfinite(w) for w in weights.values())
    header = [line for line in MODEL_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    said = "\n".join(header)
    for words in ("trained 20", "at commit ", "rules half only", "samples: ", "Brier ", "AUC "):
        assert words in said
    assert "heldout" not in said and "held-out" not in said


def test_a_hedge_never_raises_the_confidence():
    weights = load_model()
    assert all(weights.get(h, 0.0) <= 0 for h in HEDGES)
    plain = ["type=ExpulsionOfDiplomats", "stage=frame", "agent-how=name", "target-how=name", "date=own-words"]
    for hedge in HEDGES:
        assert probability(weights, plain + [hedge]) <= probability(weights, plain)


def test_a_reportedly_told_expulsion_scores_no_higher_than_the_same_expulsion_told_plainly():
    told = "Lima, Nov 5 (Our Wire) -- Peru {}expelled the Chilean ambassador on Monday, the foreign ministry said.\n"
    plain = [e for e in run(told.format("")).events if e.type == "ExpulsionOfDiplomats"]
    hedged = [e for e in run(told.format("reportedly ")).events if e.type == "ExpulsionOfDiplomats"]
    assert plain and hedged
    assert "hedge:adverb" in hedged[0].features and "hedge:adverb" not in plain[0].features
    assert hedged[0].confidence <= plain[0].confidence


def test_the_same_text_gets_the_same_confidences_and_they_are_the_models():
    text = ("Quito, March 3 (Our Wire) -- Ecuador recalled its ambassador to Nicaragua on Tuesday. "
            "Foreign Minister Ana Ruiz said the decision was \"regrettable but necessary\".\n")
    first, second = run(text), run(text)
    assert [(e.id, e.confidence, e.features) for e in first.events] == [(e.id, e.confidence, e.features) for e in second.events]
    weights = load_model()
    assert first.events and all(e.confidence == probability(weights, e.features) for e in first.events)
    assert all(e.features and f"type={e.type}" in e.features for e in first.events)


def _event(event_id: str, agent: str, target: str, confidence: float) -> Event:
    return Event(event_id, "Expulsion", [agent], [target], {}, ["Our own sentence."], confidence=confidence)


def test_the_table_at_confidence_adds_up():
    gold = {"g1": GoldEvent("g1", "Expulsion", {"peru"}, {"chile"}),
            "g2": GoldEvent("g2", "Expulsion", {"bolivia"}, {"chile"}),
            "g3": GoldEvent("g3", "Expulsion", {"ecuador"}, {"mexico"})}
    extraction = SimpleNamespace(sentences=[], events=[
        _event("x1", "peru", "chile", 0.95),      # right
        _event("x2", "bolivia", "chile", 0.6),    # right
        _event("x3", "cuba", "chile", 0.75),      # a false alarm
        _event("x4", "haiti", "chile", 0.2)])     # a false alarm
    report = _score("src", gold, extraction, names={}, minted={}, published=None)
    report.rescore = functools.partial(_rescore, "src", gold, extraction, {}, {}, None, "any")
    assert [e.id for e in at_least(extraction.events, 0.7)] == ["x1", "x3"]
    assert len(at_least(extraction.events, None)) == 4
    whole = EvalReport([report])
    assert (whole.overall.tp, whole.overall.fp, whole.overall.fn) == (2, 2, 1)
    assert [(s.tp, s.fp, s.fn) for s in map(whole.at_confidence, (0.3, 0.7, 0.9, 0.96))] == [
        (2, 1, 1), (1, 1, 2), (1, 0, 2), (0, 0, 3)]
    lines = whole.confidence_lines((0.3, 0.7))
    assert lines[0].split() == ["at", "confidence", ">=", "0.30", "0.67", "0.67", "0.67", "2", "1", "1"]
    assert lines[1].split()[4:] == ["0.50", "0.33", "0.40", "1", "1", "2"]
    text = whole.as_text(details=False).splitlines()
    assert text[text.index(next(line for line in text if line.startswith("ALL"))) + 1].startswith("at confidence >= 0.30")


def test_a_dropped_proposal_frees_its_reviewed_event_for_another():
    """The table matches again at each threshold, as eval does: it does not just drop the matched ones."""
    gold = {"g1": GoldEvent("g1", "Expulsion", {"peru"}, set())}
    extraction = SimpleNamespace(sentences=[], events=[_event("x1", "peru", "chile", 0.4), _event("x2", "peru", "cuba", 0.9)])
    report = _score("src", gold, extraction, names={}, minted={}, published=None)
    assert (report.score.tp, report.score.fp) == (1, 1)          # x1 took g1, x2 is a false alarm
    rescored = _rescore("src", gold, extraction, {}, {}, None, "any", 0.5)
    assert (rescored.tp, rescored.fp, rescored.fn) == (1, 0, 0)  # without x1, x2 is g1's match


def test_eval_scores_only_the_proposals_at_or_above_min_confidence(tmp_path):
    from diplograph.graph.evaluate import evaluate

    text = ("Chile expels Bolivian consul\n"
            "SANTIAGO, May 6 (Our Wire) -- Chile expelled two Bolivian diplomats on Tuesday, the foreign ministry said. "
            "Bolivia's foreign minister condemned the decision. " + PADDING)
    corpus, texts = one_article_corpus(tmp_path, text, "Chile expels Bolivian consul", "Our Wire", "2025-05-08")
    (every,) = evaluate(corpus, texts, registry_dir=ROOT / "corpus").articles
    assert every.extracted_events
    lowest = min(e.confidence for e in every.extracted_events)
    (same,) = evaluate(corpus, texts, registry_dir=ROOT / "corpus", min_confidence=lowest).articles
    (none,) = evaluate(corpus, texts, registry_dir=ROOT / "corpus", min_confidence=1.01).articles
    assert len(same.extracted_events) == len(every.extracted_events) and not none.extracted_events
    assert none.score.tp == none.score.fp == 0
