"""The parse stage: the pipeline setting, a clear message without one, offsets kept."""

from __future__ import annotations

import pytest

from diplograph.loaders.extract import parse as parse_stage


def test_a_missing_pipeline_says_how_to_install_one(monkeypatch):
    monkeypatch.setenv(parse_stage.MODEL_ENV, "no_such_pipeline_xyz")
    with pytest.raises(parse_stage.PipelineMissing) as err:
        parse_stage.parse("Peru expelled the ambassador.")
    assert "python -m spacy download no_such_pipeline_xyz" in str(err.value)
    assert parse_stage.MODEL_ENV in str(err.value)


def test_the_parse_keeps_the_texts_offsets():
    text = "Bolivia declared Chile’s consul, Ana Ruiz, persona non grata on Tuesday."
    doc = parse_stage.parse(text)
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    declared = next(t for t in doc if t.lemma_ == "declare")
    assert {c.dep_ for c in declared.children} >= {"nsubj"}
    assert next(t for t in declared.children if t.dep_ == "nsubj").text == "Bolivia"
