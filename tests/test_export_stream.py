"""Exports of an on-disk store stream from the engine: the same statements as the canonical path,
the same bytes run after run, and the same bytes for two stores built apart from the same corpus."""

from __future__ import annotations

import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.builder import build
from diplograph.graph.export import canonical_nquads, export, export_bytes
from diplograph.graph.export_stream import STREAMED_FORMATS, streamable
from diplograph.graph.settings import default_corpus
from pyoxigraph import RdfFormat, parse

PARSE = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "nquads": RdfFormat.N_QUADS,
         "trig": RdfFormat.TRIG, "rdfxml": RdfFormat.RDF_XML, "jsonld": RdfFormat.JSON_LD}
# "all,derived": the derived index streams as the engine stores it (IRIs and literals only, as the canonical path writes it)
SELECTIONS = ("all", "all,derived", "consolidated", "ontology", "source:003", "registry,source:000")


@pytest.fixture(scope="module")
def stores(tmp_path_factory, texts_dir):
    """The seed corpus built twice, into two on-disk stores."""
    folder = tmp_path_factory.mktemp("stream")
    for name in ("one", "two"):
        build(default_corpus(), folder / name, texts_dir, validate=False, full=True)
    one = OxigraphBackend.open(folder / "one", read_only=True)
    two = OxigraphBackend.open(folder / "two", read_only=True)
    yield one, two
    one.close()
    two.close()


@pytest.mark.parametrize("selection", SELECTIONS)
@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_streamed_export_holds_what_the_canonical_path_holds(stores, fmt, selection):
    disk = stores[0]
    assert streamable(disk, fmt)
    canonical_path = OxigraphBackend(disk.store, "memory:")  # the same store, seen as one held in memory
    assert not streamable(canonical_path, fmt)
    streamed, count = export_bytes(disk, fmt, selection)
    expected, expected_count = export_bytes(canonical_path, fmt, selection)
    back = list(parse(streamed, format=PARSE[fmt]))
    assert canonical_nquads(back) == canonical_nquads(parse(expected, format=PARSE[fmt]))
    assert count == expected_count == len(back)
    assert export_bytes(disk, fmt, selection) == (streamed, count), "not byte-identical run to run"


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_two_stores_of_the_same_corpus_export_the_same_bytes(stores, fmt):
    one, two = stores
    for selection in ("consolidated", "ontology", "registry,source:001"):
        assert export_bytes(one, fmt, selection, describe=False) == export_bytes(two, fmt, selection, describe=False)


@pytest.mark.parametrize("selection", SELECTIONS)
def test_streamed_jsonld_is_the_canonical_paths_document_byte_for_byte(stores, selection):
    disk = stores[0]
    assert export_bytes(disk, "jsonld", selection) == export_bytes(OxigraphBackend(disk.store, "memory:"), "jsonld", selection)
    assert export_bytes(disk, "jsonld", selection, describe=False) == export_bytes(
        OxigraphBackend(disk.store, "memory:"), "jsonld", selection, describe=False)


@pytest.mark.parametrize("fmt", ["jsonld", "nquads", "trig"])
def test_graphs_written_by_a_pool_of_processes_give_the_same_bytes(stores, monkeypatch, fmt):
    from diplograph.graph import export_stream

    disk = stores[0]
    alone = export_bytes(disk, fmt, "all")
    alone_some = export_bytes(disk, fmt, "registry,source:001")
    monkeypatch.setattr(export_stream, "PARALLEL_MIN_GRAPHS", 1)
    pools = []
    pooled = export_stream._pooled

    def recording(*args):
        pool, texts = pooled(*args)
        pools.append(pool)
        return pool, texts

    monkeypatch.setattr(export_stream, "_pooled", recording)
    assert export_bytes(disk, fmt, "all") == alone
    assert export_bytes(disk, fmt, "registry,source:001") == alone_some
    assert pools and all(pool is not None for pool in pools)  # the processes wrote them


def test_export_to_a_path_writes_the_streamed_bytes_whole(stores, tmp_path):
    disk = stores[0]
    target = tmp_path / "dump.nq"
    count = export(disk, "nquads", "all", target)
    assert (target.read_bytes(), count) == export_bytes(disk, "nquads", "all")
    assert [p.name for p in tmp_path.iterdir()] == ["dump.nq"]  # no partial file left beside it


def test_a_failed_export_to_a_path_keeps_the_old_file_in_every_path(stores, tmp_path, monkeypatch):
    """The canonical path (a store held in memory) and the events tables write through the same
    helper as the streamed path: written beside the target, then renamed, so a failure before the
    rename leaves the earlier dump as it was and no partial file."""
    import os

    memory = OxigraphBackend(stores[0].store, "memory:")
    target = tmp_path / "dump.ttl"
    target.write_bytes(b"the earlier dump\n")
    assert export(memory, "turtle", "registry", target) == export_bytes(memory, "turtle", "registry")[1]
    assert target.read_bytes() == export_bytes(memory, "turtle", "registry")[0]

    def interrupted(source, destination):
        raise KeyboardInterrupt("interrupted before the rename")

    for fmt in ("turtle", "events-csv"):
        target.write_bytes(b"the earlier dump\n")
        with monkeypatch.context() as patch:
            patch.setattr(os, "replace", interrupted)
            with pytest.raises(KeyboardInterrupt):
                export(memory, fmt, "all", target)
        assert target.read_bytes() == b"the earlier dump\n", fmt
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.ttl"], fmt  # no partial file left beside it
