"""Building the store: one step, idempotent, atomic."""

from __future__ import annotations

import diplograph.graph.builder as build_module
import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.builder import build
from diplograph.graph.export import canonical_nquads
from diplograph.loaders.corpus import (
    CONSOLIDATED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    REGISTRY_GRAPH,
)


def nquads(store) -> bytes:
    """The store's content in canonical N-Quads (blank nodes of the ontology renamed by RDFC-1.0)."""
    backend = OxigraphBackend.open(store, read_only=True)
    try:
        return canonical_nquads(backend.quads())
    finally:
        backend.close()


def test_build_summary(tmp_path, texts_dir):
    from diplograph.graph.settings import default_corpus

    summary = build(default_corpus(), tmp_path / "store", texts_dir)
    assert summary.sources == 5 and summary.texts_verified == 5
    assert summary.claims > 300 and summary.events > 30
    # the events the claims name, not their date nodes (dg:id/event/{slug}/onDate/…, typed too)
    named = {line.split(":", 1)[1].strip() for f in (default_corpus() / "claims").glob("*.yaml")
             for line in f.read_text(encoding="utf-8").splitlines() if line.lstrip("- ").startswith("event:")}
    assert summary.events == len(named)
    assert summary.conflicts == 6  # issue 13: five, and the announcer of the break (002 vs 003)
    assert build(default_corpus(), tmp_path / "store", texts_dir, validate=False, full=True).conflicts is None
    assert summary.quads > 5000


def test_build_twice_gives_the_same_graph(tmp_path, texts_dir, monkeypatch):
    """Reproducible without SOURCE_DATE_EPOCH: the recorded build time comes from the corpus (the
    newest publication date), not the clock; SOURCE_DATE_EPOCH overrides it."""
    from diplograph.graph.settings import default_corpus

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(default_corpus(), tmp_path / "a", texts_dir, validate=False)
    first = nquads(tmp_path / "a")
    build(default_corpus(), tmp_path / "a", texts_dir, validate=False)  # rebuild in place
    assert nquads(tmp_path / "a") == first
    build(default_corpus(), tmp_path / "b", texts_dir, validate=False)
    assert nquads(tmp_path / "b") == first
    assert b"<http://www.w3.org/ns/prov#endedAtTime> \"2025-12-01T00:00:00Z\"" in first  # newest seed article: 2025-12
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(default_corpus(), tmp_path / "c", texts_dir, validate=False)
    assert b'"2026-01-01T00:00:00Z"' in nquads(tmp_path / "c")


def test_failed_build_leaves_previous_graph_untouched(tmp_path, texts_dir, monkeypatch):
    from diplograph.graph.settings import default_corpus

    store = tmp_path / "store"
    build(default_corpus(), store, texts_dir, validate=False)
    before = nquads(store)

    def crash(*args, **kwargs):  # the new store is filled, the summary fails
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(build_module, "_summarize", crash)
    for full in (True, False):
        with pytest.raises(RuntimeError, match="simulated"):
            build(default_corpus(), store, texts_dir, validate=False, full=full)
        assert nquads(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.d", "store"]
    assert [p.name for p in (tmp_path / ".store.d").iterdir()] == [store.resolve().name], \
        "no staging store left behind"


def test_graphs_of_a_build(seed_graph):
    names = {g.value for g in seed_graph.graphs()}
    for g in (REGISTRY_GRAPH, META_GRAPH, CONSOLIDATED_GRAPH, ONTOLOGY_GRAPH):
        assert g.value in names
    sources = [n for n in names if "/graph/source/" in n]
    assert len(sources) == 5


def test_meta_graph_records_provenance(seed_graph):
    rows = seed_graph.select("""
        SELECT ?g ?text ?version ?time WHERE { GRAPH dgg:meta {
          ?g prov:wasDerivedFrom ?text ; prov:wasGeneratedBy ?build .
          ?build dg:loaderVersion ?version ; prov:endedAtTime ?time } }""")
    assert len(rows) == 5
    assert all(r["text"].value.startswith("https://w3id.org/diplograph/id/source/") for r in rows)


def test_consolidated_view_has_facts_but_no_bookkeeping(seed_graph):
    ask = seed_graph.query("ASK { GRAPH dgg:consolidated { ?c a dg:Claim } }").boolean
    assert ask is False
    assert seed_graph.query("ASK { GRAPH dgg:consolidated { ev:peru-severs-relations-with-mexico-2025 "
                            "a dg:SeveranceOfRelations } }").boolean
