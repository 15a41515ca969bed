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


def test_a_blank_line_and_a_dateline_end_sentences_before_the_parser_runs():
    """A header line must not swallow the lead's subject, nor a dateline's place become a second one."""
    from diplograph.loaders.extract.parse import parse

    doc = parse("Talks collapse in the capital\n\nPublished: 4 May 2021\n\nKenya broke off relations with Chad on Monday.")
    kenya = next(t for t in doc if t.text == "Kenya")
    assert kenya.is_sent_start and kenya.dep_ == "nsubj" and kenya.head.lemma_ == "break"
    doc = parse("Envoy told to go\n\nNAIROBI, May 4, 2021 (Harbour Wire) — Kenya expelled the envoy of Chad on Monday.")
    expelled = next(t for t in doc if t.text == "expelled")
    assert [c.text for c in expelled.children if c.dep_ == "nsubj"] == ["Kenya"]


def test_a_single_line_break_inside_a_paragraph_is_no_sentence_boundary():
    from diplograph.loaders.extract.parse import parse

    doc = parse("Kenya broke off relations\nwith Chad on Monday after a dispute over the border.")
    assert not next(t for t in doc if t.text == "with").is_sent_start


def test_a_labelled_line_of_a_list_opens_a_sentence():
    """'Reactions:' then 'Bolivia: severed relations ...': each line's label is its own line's subject."""
    from diplograph.loaders.extract.parse import parse

    doc = parse("Reactions:\nBolivia: severed diplomatic relations with Israel.\nBelize: recalled its envoy.")
    bolivia = next(t for t in doc if t.text == "Bolivia")
    assert bolivia.is_sent_start
    assert next(t for t in doc if t.text == "Belize").is_sent_start
