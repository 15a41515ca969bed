"""Shared fixtures: the seed texts (found through DIPLOGRAPH_TEXTS), the seed graph, corpus copies."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from diplograph.graph.settings import default_texts

ROOT = Path(__file__).resolve().parents[1]  # the repository

CORPUS = ROOT / "corpus"


def one_article_corpus(folder: Path, text: str, title: str, publisher: str, published: str) -> tuple[Path, Path]:
    """A development corpus of one rules-half article of our own (id `a`, no reviewed claims) with the
    seed registry: (corpus folder, texts folder), for tests that run `evaluate` end to end."""
    from ruamel.yaml import YAML

    corpus, texts = folder / "corpus", folder / "corpus" / "texts"
    texts.mkdir(parents=True)
    (corpus / "claims").mkdir()
    shutil.copy(CORPUS / "entities.yaml", corpus / "entities.yaml")
    (texts / "a.txt").write_text(text, encoding="utf-8")
    YAML().dump([{"id": "a", "file": "a.txt", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                  "title": title, "publisher": publisher, "language": "en", "genre": "development",
                  "published": {"value": published, "basis": "dateline"}, "split": "rules"}],
                corpus / "sources.yaml")
    return corpus, texts


@pytest.fixture(scope="session")
def texts_dir() -> Path:
    """The folder of article texts; tests that need the texts skip without it."""
    folder = default_texts()
    if folder is None or not folder.is_dir():
        pytest.skip("article texts not available: set DIPLOGRAPH_TEXTS to the seeds folder")
    return folder


@pytest.fixture(scope="session")
def seed_graph(texts_dir):
    """The seed corpus built into an in-memory store (shared, read-only by convention)."""
    from diplograph.graph.builder import build_in_memory

    backend, corpus = build_in_memory(CORPUS, texts_dir)
    return backend


@pytest.fixture(scope="session")
def seed_corpus(texts_dir):
    from diplograph.loaders.corpus import load_corpus

    return load_corpus(CORPUS, texts_dir)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the curated corpus, to break on purpose."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.fixture(scope="session", autouse=True)
def texts_stay_untouched():
    """No test may write into the shared texts folder (CI points it at ../shared/seeds)."""
    folder = default_texts()

    def listing():
        if folder is None or not folder.is_dir():
            return None
        return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())

    def seed_files():  # the repository's own corpus: no test (nor the README walk-through) may change it
        return sorted((str(p.relative_to(CORPUS)), p.read_bytes()) for p in CORPUS.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts)

    before, seed_before = listing(), seed_files()
    yield
    assert listing() == before, f"a test changed {folder}: tests must work on copies of the texts"
    assert seed_files() == seed_before, f"a test changed {CORPUS}: tests must work on copies of the corpus"


#: a skip for want of a browser (the tests that drive Chromium headless)
BROWSER_MISSING = re.compile(r"\b(chromium|chrome|browser)\b", re.IGNORECASE)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (``CI`` set), a test skipped because the browser is missing fails the run: CI
    installs Chromium, so such a skip means a browser test silently did not run."""
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and os.environ.get("CI") and isinstance(report.longrepr, tuple)):
        return
    reason = str(report.longrepr[2])
    if BROWSER_MISSING.search(reason):
        report.outcome = "failed"
        report.longrepr = (f"{reason}: in CI a browser test may not skip "
                           "(install Chromium, e.g. `apt-get install chromium`, as .ci/run does)")


@pytest.fixture(scope="session")
def small_dev_corpus(tmp_path_factory) -> Path:
    """One rules and one held-out development article (our own words), with their reviewed claims."""
    dev = ROOT / "dev" / "corpus"
    target = tmp_path_factory.mktemp("dev") / "corpus"
    from ruamel.yaml import YAML

    yaml = YAML()
    sources = yaml.load((dev / "sources.yaml").read_text(encoding="utf-8"))
    picked = [next(s for s in sources if s.get("split") == split) for split in ("rules", "heldout")]
    (target / "claims").mkdir(parents=True)
    (target / "texts").mkdir()
    with (target / "sources.yaml").open("w", encoding="utf-8") as f:
        yaml.dump(picked, f)
    shutil.copyfile(dev / "entities.yaml", target / "entities.yaml")
    if (dev / "entities.d").is_dir():
        shutil.copytree(dev / "entities.d", target / "entities.d")
    for source in picked:
        shutil.copyfile(dev / "texts" / source["file"], target / "texts" / source["file"])
        claims = dev / "claims" / f"{source['id']}.yaml"
        if claims.is_file():
            # one planted reviewed event the text does not tell, so that every article has a miss to
            # list whether or not the extractor codes the article perfectly
            data = yaml.load(claims.read_text(encoding="utf-8"))
            headline = (dev / "texts" / source["file"]).read_text(encoding="utf-8").splitlines()[0].strip()
            data["claims"].append({"event": "planted-miss", "type": "Sentence", "agent": "peru", "target": "mexico",
                                   "evidence": [headline]})
            with (target / "claims" / claims.name).open("w", encoding="utf-8") as f:
                yaml.dump(data, f)
    return target
