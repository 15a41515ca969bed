"""Incremental builds give the graph a full build gives; a killed build leaves the last good graph."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.builder import build
from diplograph.graph.export import canonical_nquads, export_bytes
from diplograph.graph.settings import default_corpus
from diplograph.graph.validate import validate_backend
from diplograph.loaders.corpus import META_GRAPH, source_graph
from diplograph.loaders.derived import derived_graph
from diplograph.loaders.errors import CorpusError
from diplograph.ontology import ID, dg


def nquads(store) -> bytes:
    backend = OxigraphBackend.open(store, read_only=True)
    try:
        return canonical_nquads(backend.quads())
    finally:
        backend.close()


@pytest.fixture
def project(tmp_path, texts_dir):
    """A copy of the seed corpus and of its texts (in the test's own folder), to edit."""
    corpus = tmp_path / "corpus"
    shutil.copytree(default_corpus(), corpus, ignore=shutil.ignore_patterns("__pycache__"))
    texts = tmp_path / "texts"
    shutil.copytree(texts_dir, texts)
    return corpus, texts


def same_as_full(corpus, texts, store, tmp_path, summary=None) -> None:
    fresh = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    full = build(corpus, fresh, texts, validate=False, full=True)
    assert nquads(store) == nquads(fresh)
    if summary is not None:  # counted from the change, not the store: the same count
        assert summary.quads == full.quads == nquads(store).count(b"\n")
        assert (summary.claims, summary.events) == (full.claims, full.events)
    assert exported(store) == exported(fresh)


def reported(store, source_id: str, prop: str, agent: str | None = None) -> set[str]:
    """The values of ``dg:{prop}`` on the event reports the build derived from one source (of one agent's)."""
    backend = OxigraphBackend.open(store, read_only=True)
    try:
        graph = derived_graph(source_graph(source_id))
        reports = {q.subject for q in backend.store.quads_for_pattern(None, dg.reportedAgent, None, graph)
                   if agent is None or q.object.value == agent}
        return {q.object.value for q in backend.store.quads_for_pattern(None, dg[prop], None, graph) if q.subject in reports}
    finally:
        backend.close()


def exported(store) -> dict[str, bytes]:
    """The streamed exports of everything but the meta graph (it records when the build ran)."""
    backend = OxigraphBackend.open(store, read_only=True)
    try:
        graphs = ",".join(f"<{g.value}>" for g in backend.graphs() if g != META_GRAPH)
        return {fmt: export_bytes(backend, fmt, graphs, describe=False)[0] for fmt in ("nquads", "turtle")}
    finally:
        backend.close()


def test_incremental_builds_equal_full_builds(project, tmp_path):
    corpus, texts = project
    store = tmp_path / "store"
    first = build(corpus, store, texts, validate=False)
    assert not first.incremental and len(first.changed_sources) == 5

    # change a quote in one article's claims
    claims = corpus / "claims" / "000-cfc943054120e952.yaml"
    claims.write_text(claims.read_text().replace('"sought refuge in the Mexican embassy in November"',
                                                 '"sought refuge in the Mexican embassy"'))
    summary = build(corpus, store, texts)  # rebuilt and re-validated: the changed source only
    assert summary.incremental and summary.changed_sources == [source_graph("000-cfc943054120e952").value]
    assert summary.conflicts is None  # not recounted over the whole store
    expected = validate_backend(OxigraphBackend.open(store, read_only=True),
                                graphs=[source_graph("000-cfc943054120e952")])
    assert (summary.conforms, summary.violations) == (expected.conforms, len(expected.results))
    same_as_full(corpus, texts, store, tmp_path, summary)

    # change an event's agent: the index derived from that source follows (loaders/derived.py)
    claims_003 = corpus / "claims" / "003-4621cd742095797e.yaml"
    claims_003.write_text(claims_003.read_text().replace("agent: congress-of-peru", "agent: senate-of-peru"))
    summary = build(corpus, store, texts, validate=False)
    assert summary.incremental and summary.changed_sources == [source_graph("003-4621cd742095797e").value]
    agents = reported(store, "003-4621cd742095797e", "reportedAgent")
    assert ID + "senate-of-peru" in agents and ID + "congress-of-peru" not in agents
    same_as_full(corpus, texts, store, tmp_path, summary)

    # add a source (a copy of an article under another name, with its claims)
    shutil.copy(texts / "000_cfc943054120e952.txt", texts / "900_copy.txt")
    entry = (corpus / "sources.yaml").read_text().split("- id: 000-cfc943054120e952", 1)[1].split("\n\n", 1)[0]
    with (corpus / "sources.yaml").open("a") as f:
        f.write("\n- id: 900-copy" + entry.replace("000_cfc943054120e952.txt", "900_copy.txt") + "\n")
    (corpus / "claims" / "900-copy.yaml").write_text(
        claims.read_text().replace("source: 000-cfc943054120e952", "source: 900-copy"))
    summary = build(corpus, store, texts, validate=False)
    assert summary.incremental and summary.changed_sources == [source_graph("900-copy").value]
    assert summary.sources == 6
    same_as_full(corpus, texts, store, tmp_path, summary)

    # remove a source's claims (the facts only it stated leave the consolidated view)
    (corpus / "claims" / "002-2d1ef4a1174005c3.yaml").unlink()
    summary = build(corpus, store, texts, validate=False)
    assert summary.incremental and summary.changed_sources == [source_graph("002-2d1ef4a1174005c3").value]
    assert reported(store, "002-2d1ef4a1174005c3", "reportedAgent") == set()  # its derived graph went with it
    same_as_full(corpus, texts, store, tmp_path, summary)

    # change the registry: every source depends on it, so all are rebuilt
    registry = corpus / "entities.yaml"
    registry.write_text(registry.read_text().replace("aliases: [Republic of Peru, ", "aliases: [Republic of Peru, Perú, ", 1))
    summary = build(corpus, store, texts, validate=False)
    assert not summary.incremental
    same_as_full(corpus, texts, store, tmp_path, summary)

    # the registry's closure changes the derived states: the Senate no longer an organ of Peru
    assert ID + "peru" in reported(store, "003-4621cd742095797e", "agentState", agent=ID + "senate-of-peru")
    registry.write_text(registry.read_text().replace("aliases: [Senate], organ_of: peru}", "aliases: [Senate]}", 1))
    summary = build(corpus, store, texts, validate=False)
    assert not summary.incremental
    assert reported(store, "003-4621cd742095797e", "agentState", agent=ID + "senate-of-peru") == set()
    same_as_full(corpus, texts, store, tmp_path, summary)

    # nothing changed: nothing reloaded
    before = nquads(store)
    summary = build(corpus, store, texts, validate=False)
    assert summary.incremental and summary.changed_sources == []
    assert nquads(store) == before


def test_a_store_without_the_meta_lines_of_its_build_is_updated_all_the_same(project, tmp_path):
    """The meta graph changes by a diff from the lines the last build kept beside its manifest; a store
    built before they were kept has its meta graph read from the store instead."""
    from diplograph.graph import storefolder

    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False)
    version = storefolder.current_version(store)
    assert storefolder.read_meta(version) == {line + b"\n" for line in nquads(store).splitlines()
                                              if line.endswith(f"<{META_GRAPH.value}> .".encode())}
    (version / storefolder.META).unlink()
    claims = corpus / "claims" / "000-cfc943054120e952.yaml"
    claims.write_text(claims.read_text().replace('"sought refuge in the Mexican embassy in November"',
                                                 '"sought refuge in the Mexican embassy"'))
    summary = build(corpus, store, texts, validate=False)
    assert summary.incremental
    same_as_full(corpus, texts, store, tmp_path, summary)


KILL_BUILD = """
import sys
from diplograph.graph.builder import build
build(sys.argv[1], sys.argv[2], sys.argv[3], validate=False, full=sys.argv[4] == "full")
"""


def killed_build(corpus, store, texts, step: str, mode: str = "incremental") -> None:
    """Run a build in a child process, stop it at ``step`` and kill -9 it there."""
    env = dict(os.environ, DIPLOGRAPH_BUILD_PAUSE_AT=step)
    child = subprocess.Popen([sys.executable, "-c", KILL_BUILD, str(corpus), str(store), str(texts), mode],
                             env=env, stderr=subprocess.PIPE, text=True)
    try:
        for line in child.stderr:
            if line.startswith(f"paused at {step}"):
                break
        else:
            pytest.fail(f"the build never reached {step} (exit {child.wait()})")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def test_kill_9_at_any_step_leaves_a_readable_store(project, tmp_path):
    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False)
    old = nquads(store)
    claims = corpus / "claims" / "001-dbf1ef83f49ff5d5.yaml"
    claims.write_text(claims.read_text().replace("  - event:", "  - confidence: 0.5\n    event:", 1))
    for step, mode in (("filled", "incremental"), ("versioned", "full")):
        killed_build(corpus, store, texts, step, mode)
        assert nquads(store) == old, f"killed at {step} ({mode})"
    killed_build(corpus, store, texts, "linked")  # the new store was in place: it stays
    new = nquads(store)
    assert new != old
    build(corpus, store, texts, validate=False)  # the next build tidies the leftovers up
    assert nquads(store) == new
    assert [p.name for p in (tmp_path / ".store.d").iterdir()] == [store.resolve().name]


def test_stores_stranded_by_older_builds_are_recovered(project, tmp_path):
    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False)
    good = nquads(store)
    # a store of an older diplograph (a plain folder), whose build was killed between its two renames
    version = store.resolve()
    store.unlink()
    os.rename(version, tmp_path / ".store.previous-4242")
    shutil.rmtree(tmp_path / ".store.d")
    assert nquads(store) == good  # opening the path puts it back
    assert store.is_dir() and not store.is_symlink()
    # the first build of this version adopts it; killed between moving it and linking the new one...
    killed_build(corpus, store, texts, "legacy-moved", "full")
    assert nquads(store) == good  # ... the newest complete store is linked when the path is opened
    build(corpus, store, texts, validate=False)
    assert nquads(store) == good and store.is_symlink()
    assert len(list((tmp_path / ".store.d").iterdir())) == 1


def test_claims_files_read_by_a_pool_give_the_same_graph_and_problems_as_they_come(project, tmp_path, monkeypatch):
    import diplograph.loaders.stream as stream

    corpus, texts = project
    build(corpus, tmp_path / "one", texts, validate=False, workers=1)
    monkeypatch.setattr(stream, "SMALL_CORPUS", 0)  # the seed's five files, read by two worker processes
    build(corpus, tmp_path / "pool", texts, validate=False, workers=2)
    assert nquads(tmp_path / "pool") == nquads(tmp_path / "one")

    claims = corpus / "claims" / "003-4621cd742095797e.yaml"
    claims.write_text(claims.read_text().replace("agent: ", "agent: nobody-", 1))
    heard: list = []
    with pytest.raises(CorpusError) as caught:
        build(corpus, tmp_path / "pool", texts, validate=False, workers=2, full=True, on_problems=heard.extend)
    assert heard == caught.value.problems and len(heard) == 1
    assert heard[0].file == claims and heard[0].line and "unknown entity 'nobody-" in heard[0].message
    assert nquads(tmp_path / "pool") == nquads(tmp_path / "one")


def test_texts_verified_by_the_last_build_are_not_read_again(project, tmp_path, monkeypatch):
    import diplograph.loaders.registry as registry_module

    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False)
    read: list = []
    original = registry_module.read_regular_file
    monkeypatch.setattr(registry_module, "read_regular_file", lambda path, *a: read.append(path) or original(path, *a))
    assert build(corpus, store, texts, validate=False).texts_verified == 5
    assert not [p for p in read if p.parent == texts]
    build(corpus, store, texts, validate=False, full=True)  # --full reads them all again
    assert len([p for p in read if p.parent == texts]) == 5
    # a text edited since (its size or time changed) is read and checked again
    text = texts / "001_dbf1ef83f49ff5d5.txt"
    text.write_text(text.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        build(corpus, store, texts, validate=False)
    assert "checksum mismatch for 001_dbf1ef83f49ff5d5.txt" in caught.value.problems[0].message


def test_the_consolidated_view_made_file_by_file_is_the_one_the_engine_derives(project, tmp_path):
    """A full build takes each source graph's facts from its worker; the whole-store SPARQL
    (graph.builder.CONSOLIDATE, used by in-memory builds) gives the same view."""
    from diplograph.graph.builder import CONSOLIDATE
    from diplograph.loaders.corpus import CONSOLIDATED_GRAPH

    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False, full=True)
    backend = OxigraphBackend.open(store, read_only=True)
    try:
        made = list(backend.store.quads_for_pattern(None, None, None, CONSOLIDATED_GRAPH))
        rest = [q for q in backend.quads() if q.graph_name != CONSOLIDATED_GRAPH]
    finally:
        backend.close()
    derived = OxigraphBackend.open(None)
    derived.store.extend(rest)
    derived.update(CONSOLIDATE)
    expected = list(derived.store.quads_for_pattern(None, None, None, CONSOLIDATED_GRAPH))
    assert len(made) > 300 and canonical_nquads(made) == canonical_nquads(expected)
    assert not any("/claim/" in q.subject.value or "/mention/" in q.subject.value for q in made)


def test_the_sources_registry_is_read_again_only_when_its_bytes_change(project, tmp_path, monkeypatch):
    from diplograph.loaders import registry as registry_module
    from diplograph.loaders.stream import CorpusReader

    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False)
    read = []
    real = registry_module.read_yaml
    monkeypatch.setattr(registry_module, "read_yaml", lambda path: read.append(path.name) or real(path))
    from diplograph.graph import storefolder

    manifest = storefolder.read_manifest(storefolder.current_version(store))
    cached = CorpusReader(corpus, texts, known_sources=manifest["sources"])
    assert "sources.yaml" not in read
    fresh = CorpusReader(corpus, texts)
    assert "sources.yaml" in read
    assert [s.model_dump_json() for s in cached.sources] == [s.model_dump_json() for s in fresh.sources]
    assert cached.loader.source_lines == fresh.loader.source_lines and cached.loader.files == fresh.loader.files
    assert cached.loader.sha256_lines == fresh.loader.sha256_lines

    # one byte more and it is read again (an edit of a source's entry reaches its graph: see the edit series)
    read.clear()
    (corpus / "sources.yaml").write_text((corpus / "sources.yaml").read_text() + "\n")
    CorpusReader(corpus, texts, known_sources=manifest["sources"])
    assert "sources.yaml" in read


def test_an_error_while_the_bulk_loader_reads_fails_the_build_as_itself(project, tmp_path, monkeypatch):
    """The loader reads the workers' N-Quads through a file-like object: an error raised there (here
    by the checks across files) is the build's error, not an engine I/O error, and nothing is kept."""
    from diplograph.graph import storefolder
    from diplograph.loaders import stream

    corpus, texts = project
    store = tmp_path / "store"
    build(corpus, store, texts, validate=False)
    before = nquads(store)
    real, calls = stream.CrossChecks.add, []

    def add(self, result):
        calls.append(result.name)
        if len(calls) == 3:
            raise RuntimeError("checks broke")
        return real(self, result)

    monkeypatch.setattr(stream.CrossChecks, "add", add)
    with pytest.raises(RuntimeError, match="checks broke"):
        build(corpus, store, texts, validate=False, full=True)
    assert nquads(store) == before
    assert [p.name for p in storefolder.versions_dir(store).iterdir() if p.name.startswith("staging")] == []


def test_an_incremental_build_says_what_it_validated(project, tmp_path):
    """A rebuild that reloads nothing validates nothing: its summary must not read "conforms" for a store
    whose unchanged sources were never re-checked (a dev-corpus store with 153 violations did)."""
    from diplograph.graph.cli_build import shacl_line

    corpus, texts = project
    store = tmp_path / "store"
    assert not shacl_line(build(corpus, store, texts)).startswith("not re-checked")   # a full build: the whole store
    again = build(corpus, store, texts)
    assert again.incremental and again.changed_sources == []
    assert shacl_line(again).startswith("not re-checked: nothing changed")
    claims = corpus / "claims" / "000-cfc943054120e952.yaml"
    claims.write_text(claims.read_text().replace('"sought refuge in the Mexican embassy in November"',
                                                 '"sought refuge in the Mexican embassy"'))
    changed = build(corpus, store, texts)
    assert "in the 1 reloaded source graph (the others not re-checked" in shacl_line(changed)
