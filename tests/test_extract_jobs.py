"""`diplograph extract --jobs N DIR`: a folder of articles, N processes, the same output as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.graph.errors import DiplographError
from diplograph.graph.extraction import article_files, extract_articles
from ruamel.yaml import YAML

# articles of our own (two tell the same severance, a third another act)
ARTICLES = {
    "b-lima.txt": "Lima breaks with Caracas\nPublished: 30 July 2024\n\n"
                  "Peru broke off diplomatic relations with Venezuela on Monday, the foreign ministry said. "
                  "The government gave Venezuela's diplomats 72 hours to leave the country. "
                  "Peru also recalled its ambassador from Caracas the same day, officials said in a statement.",
    "a-wire.txt": "Peru severs ties with Venezuela\n\nLIMA, July 30, 2024 — Peru severed diplomatic relations "
                  "with Venezuela on Monday after a disputed election, the foreign minister said in a televised "
                  "address to the nation. The ministry said its staff would leave the embassy within days.",
    "c-brief.html": "<html><head><title>Bolivia expels envoy</title>"
                    "<meta property='article:published_time' content='2023-10-31T10:00:00Z'></head><body><article>"
                    "<p>Bolivia expelled the ambassador of Israel on Tuesday, the government in La Paz said, "
                    "and recalled its own chargé d'affaires for consultations after weeks of tension.</p>"
                    "<p>The foreign ministry said the decision was taken by the cabinet on Tuesday morning.</p>"
                    "</article></body></html>",
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """Every file written, with the folder's own name (in the review hint) made neutral."""
    return {str(p.relative_to(folder)): p.read_bytes().replace(str(folder).encode(), b"OUT")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_jobs_give_the_same_output_as_one_process(tmp_path):
    folder = _folder(tmp_path)
    one = extract_articles([folder], tmp_path / "one", jobs=1)
    import concurrent.futures

    spawned = []
    real_pool = concurrent.futures.ProcessPoolExecutor

    class CountingPool(real_pool):
        def __init__(self, *args, **kwargs):
            spawned.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    concurrent.futures.ProcessPoolExecutor = CountingPool
    try:
        two = extract_articles([folder], tmp_path / "two", jobs=2)
    finally:
        concurrent.futures.ProcessPoolExecutor = real_pool
    assert spawned == [2]  # two worker processes did the work
    assert [r.path.name for r in one] == ["a-wire.txt", "b-lima.txt", "c-brief.html"]  # name order
    assert [r.source_id for r in one] == [r.source_id for r in two]
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    assert sum(r.events for r in one) >= 3


def test_the_same_event_in_two_sources_is_a_candidate_never_a_merge(tmp_path):
    out = tmp_path / "out"
    results = extract_articles([_folder(tmp_path)], out, jobs=1)
    claims = {}
    for r in results:
        for claim in YAML(typ="safe").load(r.claims_file.read_text(encoding="utf-8"))["claims"]:
            if "event" in claim:
                claims[claim["event"]] = r.source_id
    ids = list(claims)
    assert len(ids) == len(set(ids))  # ids are scoped by source: nothing merges across articles
    assert all(event.startswith(source.split("-")[0]) for event, source in claims.items())
    pairs = YAML(typ="safe").load((out / "same-as.yaml").read_text(encoding="utf-8"))
    severances = [p for p in pairs if p["evidence"]["type"] == "SeveranceOfRelations"
                  and {p["source"], p["same_as_source"]} == {results[0].source_id, results[1].source_id}]
    assert severances and severances[0]["evidence"]["dates"] == ["2024-07-29", "2024-07-29"]


def test_publication_dates_come_from_the_articles(tmp_path):
    results = extract_articles([_folder(tmp_path)], tmp_path / "out")
    assert [r.published for r in results] == ["2024-07-30", "2024-07-30", "2023-10-31"]


def test_a_folder_without_articles_and_a_bad_jobs_number_are_refused(tmp_path):
    with pytest.raises(DiplographError, match="no articles in this folder"):
        article_files([tmp_path])
    with pytest.raises(DiplographError, match="at least 1"):
        extract_articles([_folder(tmp_path)], tmp_path / "out", jobs=0)


def test_without_a_parser_extract_says_how_to_install_one_and_writes_nothing(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, DIPLOGRAPH_SPACY_MODEL="no_such_pipeline_xyz")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "diplograph.graph", "extract", "-o", str(out), str(_folder(tmp_path))],
                         capture_output=True, check=False, text=True, env=env)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "python -m spacy download no_such_pipeline_xyz" in run.stderr
    assert not out.exists()
