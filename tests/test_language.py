"""A second language is a data file plus a pipeline name: the Spanish frames
(loaders/extract/languages/es.yaml) run on sentences of our own, parsed by the Spanish pipeline that
requirements-spacy-model.txt pins; the setting that chooses the language and its pipeline; and a
clear message for a language with no data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract.frame_file import default_frames, frames_for
from diplograph.loaders.extract.language import (
    LANGUAGE_ENV,
    LanguageError,
    current_language,
    structure_words,
    world_words,
)
from diplograph.loaders.extract.parse import (
    MODEL_ENV,
    PipelineMissing,
    load_pipeline,
    model_name,
    parse,
)
from diplograph.loaders.extract.pipeline import _Extractor
from diplograph.loaders.extract.text import Article

ROOT = Path(__file__).resolve().parents[1]
SPANISH = frames_for("es")


@pytest.fixture(scope="module")
def spanish():
    """The Spanish pipeline; missing, the tests skip on a workstation but fail in CI (which installs it)."""
    try:
        return load_pipeline(model_name("es"))
    except PipelineMissing as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI installs the Spanish pipeline (requirements-spacy-model.txt): {exc}")
        pytest.skip(str(exc))


def found(text: str) -> set[tuple]:
    registry = load_corpus(ROOT / "corpus", texts=None).entities
    x = _Extractor(Article(None, text, published="2025-11-07"), registry, "test", doc=parse(text, language="es"))
    x._persons_from_titles(); x._persons_untitled(); x._organisations(); x._find_mentions(); x._nationalities()

    def label(entity_id):
        return x.gaz.entities[entity_id].label if entity_id in x.gaz.entities else entity_id
    return {(m.type, label(m.agent) if m.agent else None, label(t) if t else None)
            for _, m in x.frame_matches() for t in (m.target if isinstance(m.target, list) else [m.target])}


POSITIVE = [pytest.param(ex["text"], ex["expect"], id=f"{f.type}+{n}") for f in SPANISH.frames for n, ex in enumerate(f.positive)]
NEGATIVE = [pytest.param(f.type, text, id=f"{f.type}-{n}") for f in SPANISH.frames for n, text in enumerate(f.negative)]


@pytest.mark.parametrize("text,expect", POSITIVE)
def test_spanish_positive_example(spanish, text, expect):
    got = found(text)
    for e in expect:
        assert tuple(e) in got, f"{text!r}: expected {e}, found {sorted(got, key=str)}"


@pytest.mark.parametrize("etype,text", NEGATIVE)
def test_spanish_negative_example(spanish, etype, text):
    got = {g for g in found(text) if g[0] == etype}
    assert not got, f"{text!r} is no {etype}, found {got}"


def test_the_spanish_file_is_data_for_the_same_machinery():
    assert SPANISH.language == "es" and default_frames().language == "en"
    assert len(SPANISH.frames) >= 5 and all(f.positive and f.negative for f in SPANISH.frames)
    words = structure_words("es")
    assert "decir" in words.speech_verbs and "amenazar" in words.not_act_verbs and "poder" in words.modals
    assert structure_words("en") is None  # English's words are modality.py's own
    assert "México" in world_words("es", "country_names")["MX"] and "chilenas" in world_words("es", "demonyms")["CL"]
    assert frames_for("en") is default_frames()


def test_the_setting_chooses_the_language_and_its_pipeline(monkeypatch):
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    monkeypatch.delenv(f"{MODEL_ENV}_ES", raising=False)
    assert current_language() == "en"
    monkeypatch.setenv(LANGUAGE_ENV, "es")
    assert current_language() == "es" and model_name() == "es_core_news_sm"
    monkeypatch.setenv(f"{MODEL_ENV}_ES", "es_core_news_md")
    assert model_name() == "es_core_news_md"
    monkeypatch.setenv(LANGUAGE_ENV, "xx")
    with pytest.raises(LanguageError, match=r"DIPLOGRAPH_LANGUAGE=xx: no data for this language \(available: en, es"):
        current_language()


def test_a_language_without_data_is_a_clear_message(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Peru severed diplomatic relations with Mexico on Monday, the foreign minister said in Lima. " * 3,
                       encoding="utf-8")
    env = {**os.environ, LANGUAGE_ENV: "xx"}
    result = subprocess.run([sys.executable, "-m", "diplograph.graph", "extract", str(article), "--out", str(tmp_path / "out")],
                            capture_output=True, check=False, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "DIPLOGRAPH_LANGUAGE=xx: no data for this language" in result.stderr and "languages/xx.yaml" in result.stderr
    assert not (tmp_path / "out").exists()


def test_extract_reads_a_spanish_article_when_spanish_is_chosen(spanish, tmp_path, monkeypatch):
    from diplograph.graph.extraction import extract_articles
    from diplograph.loaders.yamlfile import read_yaml

    article = tmp_path / "articulo.txt"
    article.write_text("Bolivia rompe con Chile\n\nLA PAZ, 3 de marzo. Bolivia rompió relaciones diplomáticas con Chile "
                       "el lunes, según informó la cancillería en un comunicado. Más tarde, Ecuador concedió asilo a "
                       "Ana Ruiz, que había pedido protección en su embajada.\n", encoding="utf-8")
    monkeypatch.setenv(LANGUAGE_ENV, "es")
    [done] = extract_articles([article], tmp_path / "out", published="2025-03-03")
    claims = read_yaml(done.claims_file)["claims"]
    found = {(c["type"], c.get("agent"), c.get("target")) for c in claims if "type" in c}
    assert ("SeveranceOfRelations", "bolivia", "chile") in found, found
    assert ("AsylumGrant", "ecuador", "ana-ruiz") in found, found
