"""What the record knew when (issue 13): a corpus kept in git answers `--as-of` from the commit of
that moment; an article added later is absent before it; a corrected claim keeps its old answer for
the dates before the correction; each source graph records when it entered the corpus and last changed.
All in a temporary copy of the corpus put under git (never the repository's own corpus/)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT
from diplograph.graph import api
from diplograph.graph.builder import build_in_memory
from diplograph.loaders.errors import CorpusError

S003, S004 = "003-4621cd742095797e", "004-cec08df9c9a3c1c3"
ADDED_003 = "2025-11-07T12:00:00Z"   # the record starts: articles 000-003, a typo in 003's vote count
ADDED_004 = "2025-11-25T12:00:00Z"   # article 004 and the curators' ranks enter the corpus
CORRECTED = "2025-12-02T12:00:00Z"   # the typo is corrected


def git(repo, *args, when=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "curator", "GIT_AUTHOR_EMAIL": "curator@example.org",
           "GIT_COMMITTER_NAME": "curator", "GIT_COMMITTER_EMAIL": "curator@example.org"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.fail("git is needed: the corpus's history is its git history")
    repo = tmp_path_factory.mktemp("record")
    corpus = repo / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("README.md", "__pycache__", "__init__.py"))
    held_back = {p: p.read_bytes() for p in (corpus / "claims" / f"{S004}.yaml", corpus / "curation.yaml")}
    for path in held_back:
        path.unlink()
    claims_003 = corpus / "claims" / f"{S003}.yaml"
    right = claims_003.read_text(encoding="utf-8")
    assert "votes: {for: 63," in right
    claims_003.write_text(right.replace("votes: {for: 63,", "votes: {for: 36,"), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "articles 000-003", when=ADDED_003)
    for path, data in held_back.items():
        path.write_bytes(data)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "article 004, ranks", when=ADDED_004)
    claims_003.write_text(right, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "003: the vote count as the article gives it", when=CORRECTED)
    return corpus


def votes_for(corpus, as_of):
    rows = api.run_query("expulsions-and-persona-non-grata", {"declared_by": "Congress"}, as_of=as_of,
                         corpus=corpus).rows.values()
    return sorted({r["votes_for"] for r in rows if "votes_for" in r})


def sources_of(corpus, as_of):
    rows = api.run_query("relations-ruptures", {"state": "Peru"}, as_of=as_of, corpus=corpus).rows.values()
    return {r["source"].rsplit("/", 1)[-1] for r in rows}


def test_before_an_article_was_added_its_claims_are_not_there(history, texts_dir):
    assert S004 not in sources_of(history, "2025-11-20")
    assert S004 in sources_of(history, "2025-11-26")


def test_a_correction_keeps_the_old_answer_for_earlier_dates(history, texts_dir):
    assert votes_for(history, "2025-11-20") == ["36"]      # what the record said before the correction
    assert votes_for(history, "2025-12-01") == ["36"]
    assert votes_for(history, "2025-12-02") == ["63"]      # the end of the day of the correction
    assert votes_for(history, "2025-12-02T11:00:00Z") == ["36"]  # an hour before it


def test_before_the_record_began_is_a_message(history, texts_dir):
    with pytest.raises(CorpusError, match="the record did not exist yet at 2025-11-01"):
        api.run_query("relations-ruptures", {}, as_of="2025-11-01", corpus=history)
    with pytest.raises(CorpusError, match="not a date"):
        api.run_query("relations-ruptures", {}, as_of="yesterday", corpus=history)


def test_each_source_graph_records_when_it_entered_and_last_changed(history, texts_dir):
    backend, _ = build_in_memory(history, texts_dir)
    rows = backend.select("SELECT ?g ?created ?modified WHERE { GRAPH dgg:meta { ?g dct:created ?created ; "
                          "dct:modified ?modified } }")
    times = {r["g"].value.rsplit("/", 1)[-1]: (r["created"].value, r["modified"].value) for r in rows}
    assert times[S003] == (ADDED_003, CORRECTED)
    assert times[S004] == (ADDED_004, ADDED_004)
    # the record as it stood before the correction knows only the times up to then
    then = api.record_as_of("2025-11-30", history)
    rows = then.select(f"SELECT ?modified WHERE {{ GRAPH dgg:meta {{ <https://w3id.org/diplograph/graph/source/{S003}> "
                       "dct:modified ?modified } }")
    assert [r["modified"].value for r in rows] == [ADDED_003]


def test_cli_query_and_export_as_of(history, texts_dir, tmp_path):
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True,
                              check=False, text=True,
                              cwd=ROOT, env={**os.environ, "DIPLOGRAPH_TEXTS": str(texts_dir)})

    before = cli("query", "relations-ruptures", "-p", "state=Peru", "--as-of", "2025-11-20", "--corpus",
                 str(history), "-f", "csv")
    assert before.returncode == 0, before.stderr
    assert S003 in before.stdout and S004 not in before.stdout
    dump = tmp_path / "then.nq"
    exported = cli("export", "-f", "nquads", "--as-of", "2025-11-20", "--corpus", str(history), "-o", str(dump))
    assert exported.returncode == 0, exported.stderr
    text = dump.read_text(encoding="utf-8")
    in_graph = "<https://w3id.org/diplograph/graph/source/{}> .\n"  # a quad of that source's graph
    assert in_graph.format(S003) in text and in_graph.format(S004) not in text
    too_early = cli("query", "relations-ruptures", "--as-of", "2020-01-01", "--corpus", str(history))
    assert too_early.returncode == 2 and "the record did not exist yet" in too_early.stdout + too_early.stderr
    assert "Traceback" not in too_early.stderr


def test_conflicts_as_of_know_only_what_was_recorded_then(history, texts_dir):
    before = api.conflicts(as_of="2025-11-20", corpus=history)
    kinds = sorted(c.aspect.value.rsplit("#", 1)[-1] for c in before.conflicts)
    assert kinds == ["announcedBy", "onDate"]      # 000 vs 003 on the date, 002 vs 003 on the announcer
    assert not any(c.resolved for c in before.conflicts)  # the ranks came with article 004
    after = api.conflicts(as_of="2025-12-03", corpus=history)
    assert len(after) == 6 and sum(c.resolved for c in after.conflicts) == 5
