"""A project folder of one's own (`diplograph init`), the README walk-through run on it, review
writing only into the corpus it was given, `eval` keeping held-out sentences out of view, and CI
failing a browser test that skips."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from diplograph.graph import cli as cli_module
from diplograph.graph.errors import DiplographError
from diplograph.graph.extraction import extract_articles, review
from diplograph.graph.settings import default_texts, seed_corpus
from diplograph.loaders.corpus import load_corpus
from ruamel.yaml import YAML
from typer.testing import CliRunner

from diplograph import api

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecuador-nicaragua.txt"


def cli(*args, cwd, stdin=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True,
                          check=False, text=True, cwd=cwd,
                          input=stdin, timeout=120, env={**os.environ, **(env or {})})


def snapshot(folder: Path | None) -> dict[str, str] | None:
    """Every file under ``folder`` with its SHA-256 (None when there is no such folder)."""
    if folder is None or not folder.is_dir():
        return None
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


# --- init ----------------------------------------------------------------------------------------

def test_init_makes_a_project_that_builds(tmp_path, monkeypatch):
    project = api.init(tmp_path / "proj")
    assert project.corpus == tmp_path / "proj" / "corpus" and project.texts.is_dir()
    assert (project.corpus / "claims").is_dir() and not any((project.corpus / "claims").iterdir())
    assert (project.corpus / "entities.yaml").read_bytes() == (seed_corpus() / "entities.yaml").read_bytes()
    assert YAML(typ="safe").load((project.corpus / "sources.yaml").read_text()) == []
    readme = (project.folder / "README.md").read_text()
    for what in ("corpus/sources.yaml", "corpus/entities.yaml", "corpus/claims/", "texts/", "diplograph build",
                 "diplograph query", "diplograph review"):
        assert what in readme
    corpus = load_corpus(project.corpus, texts=project.texts)
    assert corpus.sources == [] and len(corpus.entities) == len(load_corpus(seed_corpus(), texts=None).entities)
    # the defaults, inside the folder: ./corpus, ./texts (before $DIPLOGRAPH_TEXTS), ./var
    monkeypatch.chdir(project.folder)
    assert default_texts() == project.texts.resolve()
    summary = api.build()
    assert summary.sources == 0 and summary.conforms and (project.folder / "var" / "diplograph.oxigraph").is_dir()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    result = cli("init", str(taken), cwd=tmp_path)
    assert result.returncode == 2 and "not empty" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in taken.iterdir()] == ["notes.txt"] and (taken / "notes.txt").read_text() == "mine"
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    result = cli("init", str(a_file), cwd=tmp_path)
    assert result.returncode == 2 and "not a folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "taken"], "nothing half-made left behind"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("init", str(empty), cwd=tmp_path).returncode == 0 and (empty / "corpus" / "entities.yaml").is_file()


def test_init_fills_the_empty_current_folder(tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    api.init(".")
    assert sorted(p.name for p in here.iterdir()) == ["README.md", "corpus", "texts"]
    assert Path.cwd() == here and [p.name for p in tmp_path.iterdir()] == ["here"], "no staging folder left"
    assert "cd here" in (here / "README.md").read_text()


# --- the README walk-through ---------------------------------------------------------------------

def readme_walkthrough() -> list[str]:
    """The command lines of the README's "Reading new articles" walk-through."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Reading new articles", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    lines = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [line for line in lines if line]


def test_readme_walkthrough_changes_nothing_in_the_repository(tmp_path, texts_dir):
    commands = readme_walkthrough()
    assert commands[0].startswith("diplograph init") and any(c.startswith("diplograph review") for c in commands)
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    watched = {"corpus": ROOT / "corpus", "examples": ROOT / "examples", "texts": default_texts()}
    before = {name: snapshot(folder) for name, folder in watched.items()}
    git = ["git", "status", "--porcelain"]
    status_before = subprocess.run(git, cwd=ROOT, capture_output=True, check=True, text=True).stdout
    # the README's commands, as a reader types them from the clone (review answered "a" claim by claim)
    script = "set -euo pipefail\n" + "\n".join(commands) + "\n"
    result = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, input="a\n" * 200, capture_output=True,
                            check=False,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "accepted" in result.stdout and "SeveranceOfRelations" in result.stdout and "Nicaragua" in result.stdout
    project = next(p for p in home.iterdir() if (p / "corpus").is_dir())
    assert len(list((project / "texts").iterdir())) == 1 and list((project / "corpus" / "claims").iterdir())
    # the repository's seed corpus and the shared texts are as they were
    assert {name: snapshot(folder) for name, folder in watched.items()} == before
    assert subprocess.run(git, cwd=ROOT, capture_output=True, check=True, text=True).stdout == status_before


# --- review writes only into the corpus it was given ----------------------------------------------

@pytest.fixture
def extraction(tmp_path) -> Path:
    shutil.copyfile(EXAMPLE, tmp_path / EXAMPLE.name)
    [result] = extract_articles([tmp_path / EXAMPLE.name], tmp_path / "extracted", corpus_dir=seed_corpus())
    return result.claims_file


def accept_all(index, claim, text):
    return "accept", None


def test_review_refuses_the_seed_corpus_and_the_shared_texts(extraction, tmp_path, texts_dir):
    before = snapshot(seed_corpus()), snapshot(texts_dir)
    with pytest.raises(DiplographError, match="seed corpus.*diplograph init"):
        review(extraction, accept_all, corpus_dir=seed_corpus())
    project = api.init(tmp_path / "proj")
    with pytest.raises(DiplographError, match="shared texts folder"):
        review(extraction, accept_all, corpus_dir=project.corpus, texts_dir=texts_dir)
    with pytest.raises(DiplographError, match="no corpus here.*diplograph init"):
        review(extraction, accept_all, corpus_dir=tmp_path / "nowhere")
    assert (snapshot(seed_corpus()), snapshot(texts_dir)) == before
    assert extraction.is_file(), "a refused review leaves the extraction as it was"
    # into the project: its corpus and its own texts/ only
    summary = review(extraction, accept_all, corpus_dir=project.corpus)
    assert summary.accepted and summary.text_copied_to.parent == project.texts
    assert (snapshot(seed_corpus()), snapshot(texts_dir)) == before


# --- eval keeps held-out sentences out of view ------------------------------------------------------

def run_eval(*args: str) -> str:
    result = CliRunner().invoke(cli_module.app, ["eval", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_eval_prints_heldout_sentences_only_when_asked(small_dev_corpus):
    corpus = str(small_dev_corpus)
    plain = run_eval("--corpus", corpus)  # held-out articles in scope: counts and scores only
    assert "ALL" in plain and "MISS" not in plain and "FALSE" not in plain and "“" not in plain
    assert "--show-sentences" in plain
    heldout = run_eval("--corpus", corpus, "--split", "heldout")
    assert "ALL" in heldout and "MISS" not in heldout and "“" not in heldout
    asked = run_eval("--corpus", corpus, "--split", "heldout", "--show-sentences")
    assert "MISS" in asked or "FALSE" in asked
    rules = run_eval("--corpus", corpus, "--split", "rules")  # nothing held out: details as before
    assert "MISS" in rules or "FALSE" in rules


# --- CI: a browser test that skips fails the run ----------------------------------------------------

def test_in_ci_a_skipped_browser_test_fails(tmp_path):
    (tmp_path / "test_sample.py").write_text(
        "import pytest\n"
        "@pytest.mark.skipif(True, reason='chromium is not installed')\n"
        "def test_page_in_browser(): pass\n"
        "@pytest.mark.skipif(True, reason='article texts not available')\n"
        "def test_texts(): pass\n", encoding="utf-8")

    def pytest_run(ci: bool) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "true"} if ci else {})
        return subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider", "-rs",
                               str(tmp_path / "test_sample.py")], cwd=ROOT, env=env, capture_output=True,
                               check=False, text=True,
                              timeout=120)

    in_ci = pytest_run(True)
    assert in_ci.returncode == 1 and "in CI a browser test may not skip" in in_ci.stdout
    assert "1 skipped" in in_ci.stdout  # other skips stay skips
    outside = pytest_run(False)
    assert outside.returncode == 0 and "2 skipped" in outside.stdout
