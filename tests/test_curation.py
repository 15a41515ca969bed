"""The curators' ranks (issue 13): corpus/curation.yaml → dgg:curation, never a source's graph;
stored queries answer with every source's version (rank=all) or the curators' best (rank=best);
`conflicts` shows the ranks and which disagreements they resolve; a bad curation file is a
file:line message and nothing is stored."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from diplograph.graph import api
from diplograph.graph.builder import build_in_memory
from diplograph.graph.conflicts import find_conflicts
from diplograph.loaders.curation import CURATION_GRAPH, rank_reasons
from diplograph.loaders.errors import CorpusError

BREAK = "https://w3id.org/diplograph/id/event/peru-severs-relations-with-mexico-2025"
S000, S002, S003, S004 = ("000-cfc943054120e952", "002-2d1ef4a1174005c3", "003-4621cd742095797e",
                          "004-cec08df9c9a3c1c3")


def break_rows(backend, rank: str) -> list[dict]:
    rows = api.run_query("relations-ruptures", {"state": "Peru", "rank": rank}, store=backend).rows.values()
    keys = ("date", "date_phrase", "date_rank", "rank_reason", "set_aside")
    return [{**dict.fromkeys(keys, ""), **r} for r in rows if r["event"] == BREAK]


def test_rank_best_gives_one_date_for_the_break_with_the_reasons(seed_graph):
    best = break_rows(seed_graph, "best")
    dated = [r for r in best if r["date"] or r["date_phrase"]]
    assert [(r["date"], r["source"].rsplit("/", 1)[-1], r["date_rank"]) for r in dated] == [
        ("2025-11-03", S003, "preferred")]
    aside = dated[0]["set_aside"]
    # the versions left out, each with its rank and the reason from the vocabulary
    assert f"{S000}: 2023 (in late 2023) — deprecated, inconsistent with its own account" in aside
    assert f"{S004}: unresolved (on Tuesday) — deprecated, wrong date arithmetic" in aside
    # a source that gives no date (002) still reports the break
    assert {r["source"].rsplit("/", 1)[-1] for r in best} == {S002, S003}


def test_rank_all_still_shows_every_source_version(seed_graph):
    rows = break_rows(seed_graph, "all")
    versions = {(r["source"].rsplit("/", 1)[-1], r["date"], r["date_phrase"], r["date_rank"]) for r in rows}
    assert versions == {(S000, "2023", "in late 2023", "deprecated"),
                        (S003, "2025-11-03", "on Monday, November 3, 2025", "preferred"),
                        (S004, "", "on Tuesday", "deprecated"),
                        (S002, "", "", "")}
    assert all(r["set_aside"] == "" for r in rows)
    # the default is all
    default = api.run_query("relations-ruptures", {"state": "Peru"}, store=seed_graph).rows.values()
    assert len([r for r in default if r["event"] == BREAK]) == len(rows)


def test_a_rank_outside_the_choices_is_refused(seed_graph):
    from diplograph.graph.errors import ParameterError

    with pytest.raises(ParameterError, match="'bestest' is not one of all, best"):
        api.run_query("relations-ruptures", {"rank": "bestest"}, store=seed_graph)


def test_ranks_live_in_their_own_graph_only(seed_graph):
    ranked = seed_graph.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c dg:rank ?r } } GROUP BY ?g")
    assert [(r["g"], int(r["n"].value)) for r in ranked] == [(CURATION_GRAPH, 7)]
    # every ranked claim is a claim of a source graph (the rank is about it, not a copy of it)
    orphans = seed_graph.select("SELECT ?c WHERE { GRAPH dgg:curation { ?c dg:rank ?r } "
                                "FILTER NOT EXISTS { GRAPH ?g { ?c a dg:Claim } } }")
    assert list(orphans) == []


def test_conflicts_show_ranks_and_which_are_resolved(seed_graph):
    found = {(c.subject.value.rsplit("/", 1)[-1], c.aspect.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]): c
             for c in find_conflicts(seed_graph)}
    assert len(found) == 6
    unresolved = [k for k, c in found.items() if not c.resolved]
    assert unresolved == [("peru-severs-relations-with-mexico-2025", "announcedBy")]
    date = found[("peru-severs-relations-with-mexico-2025", "onDate")]
    assert [v.value.value for v in date.best] == ["2025-11-03"]
    ranks = {s.rsplit("/", 1)[-1]: v.rank_of(s) for v in date.values for s in v.sources}
    assert ranks == {S000: "deprecated", S003: "preferred", S004: "deprecated"}
    text = api.conflicts(seed_graph).as_text()
    assert "[resolved by the curators' ranks: 2025-11-03]" in text
    assert "rank: deprecated — wrong date arithmetic: 'On Tuesday'" in text
    assert text.rstrip().endswith("6 disagreements (5 resolved by the curators' ranks)")
    left = api.conflicts(seed_graph, rank="best")
    assert [c.aspect.value.rsplit("#", 1)[-1] for c in left.conflicts] == ["announcedBy"]
    json_rows = api.conflicts(seed_graph).as_json()
    assert sum(c["resolved"] for c in json_rows) == 5


def test_reasons_come_from_the_ontology():
    reasons = rank_reasons()
    assert reasons["wrong-date-arithmetic"][1] == {"deprecated"}
    assert reasons["stated-explicitly"][1] == {"preferred"}
    assert {"contradicted-by-later-source", "misattribution", "superseded-by-correction"} <= set(reasons)


BAD_RANKS = [
    (("  - source: 003-4621cd742095797e\n    event: peru-severs-relations-with-mexico-2025\n    field: date\n"
     "    rank: deprecated\n    reason: because\n"), 6, "unknown rank reason 'because'"),
    (("  - source: 003-4621cd742095797e\n    event: peru-severs-relations-with-mexico-2025\n    field: date\n"
     "    rank: deprecated\n"), 2, "a deprecated claim needs a 'reason'"),
    (("  - source: 003-4621cd742095797e\n    event: peru-severs-relations-with-mexico-2025\n    field: date\n"
     "    rank: preferred\n    reason: misattribution\n"), 6, "'misattribution' is a reason for a deprecated rank"),
    (("  - source: 002-2d1ef4a1174005c3\n    event: peru-severs-relations-with-mexico-2025\n    field: date\n"
     "    rank: deprecated\n    reason: misattribution\n"), 2, "no such claim: 002-2d1ef4a1174005c3's date of"),
    (("  - source: 009-nope\n    event: peru-severs-relations-with-mexico-2025\n    field: date\n"
     "    rank: normal\n"), 2, "unknown source '009-nope'"),
    (("  - source: 003-4621cd742095797e\n    event: peru-severs-relations-with-mexico-2025\n    field: agent\n"
     "    rank: normal\n"), 2, "give the 'value' of the agent claim ranked"),
]


@pytest.mark.parametrize("entry, line, message", BAD_RANKS, ids=[m.split("'")[0][:30] for _, _, m in BAD_RANKS])
def test_a_bad_curation_file_is_a_file_line_message(corpus_copy, texts_dir, entry, line, message):
    (corpus_copy / "curation.yaml").write_text("ranks:\n" + entry, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        build_in_memory(corpus_copy, texts_dir)
    shown = str(caught.value)
    assert f"curation.yaml:{line}: " in shown and message in shown, shown


def test_cli_build_refuses_a_bad_curation_file_and_keeps_the_store(corpus_copy, texts_dir, tmp_path):
    store = tmp_path / "store"
    env_run = [sys.executable, "-m", "diplograph.graph"]
    ok = subprocess.run([*env_run, "build", "--corpus", str(corpus_copy), "--texts", str(texts_dir),
                         "--store", str(store), "--no-validate"], capture_output=True, check=False, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    (corpus_copy / "curation.yaml").write_text(
        "ranks:\n  - source: 003-4621cd742095797e\n    event: no-such-event\n    field: date\n    rank: normal\n")
    bad = subprocess.run([*env_run, "build", "--corpus", str(corpus_copy), "--texts", str(texts_dir),
                          "--store", str(store), "--no-validate"], capture_output=True,
                          check=False, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "curation.yaml:2: no such claim: 003-4621cd742095797e's date of no-such-event" in bad.stdout + bad.stderr
    best = subprocess.run([*env_run, "query", "relations-ruptures", "-p", "state=Peru", "--rank", "best",
                           "--store", str(store), "-f", "json"], capture_output=True, check=False, text=True, cwd=ROOT)
    assert best.returncode == 0, best.stderr
    assert best.stdout.count('"2025-11-03"') == 1 and '"2023"' not in best.stdout  # the old store, ranks and all


def test_event_page_shows_ranks_and_inferred_marks(seed_graph):
    """The event page (graph/web) says which claims the curators deprecated or preferred, and why, and
    which values are their reading rather than the text's words."""
    from diplograph.graph.web.pages import PageContext
    from pyoxigraph import NamedNode

    pages = PageContext(seed_graph, "https://w3id.org/diplograph/")
    html = pages.event_page(NamedNode(BREAK)).decode("utf-8")
    assert 'class="note rank deprecated">rank: deprecated: wrong date arithmetic — ' in html
    assert 'class="note rank preferred">rank: preferred: stated explicitly — ' in html
    asylum = pages.event_page(NamedNode(
        "https://w3id.org/diplograph/id/event/peru-defers-safe-conduct-for-chavez-2025")).decode("utf-8")
    assert "inferred, not stated in the text" in asylum


def test_event_queries_leave_out_outranked_reports_with_rank_best(seed_graph):
    """relations-timeline (and the other event queries with a rank parameter): rank=best drops a source's
    report whose date, agent or target the curators deprecated or outranked, and nothing else."""
    def rows(rank):
        found = api.run_query("relations-timeline", {"state_a": "Peru", "state_b": "Mexico", "rank": rank},
                              store=seed_graph).rows.values()
        return {(r["event"].rsplit("/", 1)[-1], r["source"].rsplit("/", 1)[-1], r.get("date", "")) for r in found}

    every, best = rows("all"), rows("best")
    assert best < every
    assert every - best == {
        ("peru-severs-relations-with-mexico-2025", S000, "2023"),
        ("peru-severs-relations-with-mexico-2025", S004, ""),
        ("chavez-seeks-asylum-at-mexican-embassy-2025", S004, "2022-12"),
    }
    for name in ("expulsions-and-persona-non-grata", "asylum-grants"):  # nothing of theirs is ranked: same answer
        answers = [api.run_query(name, {"rank": rank}, store=seed_graph).rows.values() for rank in ("all", "best")]
        assert [{k: v for k, v in r.items() if k != "rank"} for r in answers[0]] == \
               [{k: v for k, v in r.items() if k != "rank"} for r in answers[1]]
