"""Build the graph: corpus → quads → store, in one step, atomically.

A build reads and checks the whole corpus first (raising CorpusError before any store is
touched), fills a fresh store beside the target, and only then swaps it in: a failed build
leaves the previous graph as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.loaders import __version__
from diplograph.loaders.corpus import (
    CONSOLIDATED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    Corpus,
    load_corpus,
)
from diplograph.loaders.curation import CURATION_GRAPH, load_ranks
from diplograph.loaders.derived import derived_graph, is_derived_graph
from diplograph.loaders.stream import CorpusReader, CrossChecks, FileResult
from diplograph.ontology import GRAPHS, ID, ONTOLOGY_TTL
from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from . import storefolder
from .backends import OxigraphBackend
from .errors import CorpusError, Problem

MANIFEST_FORMAT = 1
BATCH_BYTES = 16_000_000  # N-Quads handed to the bulk loader at a time in an incremental build
LOAD_BYTES = 128_000_000  # N-Quads one bulk loader run reads in a full build (~500k quads; its memory follows)
RETRACTED = GRAPHS["build/retracted"]  # scratch graph of an incremental build, dropped before it ends

#: The consolidated view: every fact any source states, without the claim/mention bookkeeping.
CONSOLIDATE = """
INSERT { GRAPH dgg:consolidated { ?s ?p ?o } }
WHERE {
  GRAPH dgg:meta { ?g prov:wasDerivedFrom ?source }
  GRAPH ?g { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?g { ?s a ?bookkeeping } VALUES ?bookkeeping { dg:Claim dg:Mention dg:Source } }
}
"""
_FACTS_OF = """GRAPH ?g { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?g { ?s a ?bookkeeping } VALUES ?bookkeeping { dg:Claim dg:Mention dg:Source } }"""
#: incremental: the facts of the graphs about to go leave the consolidated view (kept aside in RETRACTED)...
RETRACT = f"""
INSERT {{ GRAPH <{RETRACTED}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ $GRAPHS }} {_FACTS_OF} }}
"""
RETRACT_DELETE = f"""
DELETE {{ GRAPH dgg:consolidated {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{RETRACTED}> {{ ?s ?p ?o }} }}
"""
#: the facts of the (re)loaded graphs join the view (new ones counted: a summary proportional to the change)
CONSOLIDATE_GRAPHS = f"""
SELECT DISTINCT ?s ?p ?o
WHERE {{ VALUES ?g {{ $GRAPHS }} GRAPH dgg:meta {{ ?g prov:wasDerivedFrom ?source }} {_FACTS_OF}
        FILTER NOT EXISTS {{ GRAPH dgg:consolidated {{ ?s ?p ?o }} }} }}
"""

#: the events of the consolidated view (an event's IRI is dg:id/event/{slug}; its date nodes' IRIs go on below it)
EVENTS = f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH dgg:consolidated {{ ?e a ?t }}
  FILTER(STRSTARTS(STR(?e), "{ID}event/") && !CONTAINS(STRAFTER(STR(?e), "{ID}event/"), "/")) }}"""


@dataclass
class BuildSummary:
    store: str
    sources: int
    texts_verified: int
    claims: int
    events: int
    quads: int
    graphs: int  # named graphs, the derived index (dgg:derived/…) not counted: it would double the sources
    conflicts: int | None = None
    conforms: bool | None = None
    violations: int | None = None
    warnings: list[str] = field(default_factory=list)
    #: the source graphs this build (re)loaded or removed: all of them unless ``incremental``
    changed_sources: list[str] = field(default_factory=list)
    incremental: bool = False


def fill_store(backend: OxigraphBackend, corpus: Corpus) -> None:
    """Load a checked corpus, the ontology and the consolidated view into an empty store."""
    store = backend.store
    store.bulk_extend(corpus.quads)
    store.bulk_load(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    backend.update(CONSOLIDATE)


def load_checked(corpus_dir: str | Path, texts: str | Path | None = None, extracted: list[str | Path] | tuple = (),
                 *, allow_missing_texts: bool = False) -> Corpus:
    """Load the corpus; a source whose text is missing is an error unless ``allow_missing_texts``
    (then its evidence is loaded unverified, with a warning)."""
    corpus = load_corpus(corpus_dir, texts, extracted)
    if corpus.missing_texts and not allow_missing_texts:
        problems = [Problem(p.file, p.line, p.message, p.hint + "; or build with --allow-missing-texts to load the "
                            "evidence unverified") for p in corpus.missing_texts]
        raise CorpusError(problems)
    return corpus


def build_in_memory(corpus_dir: str | Path, texts: str | Path | None = None, *,
                    allow_missing_texts: bool = False) -> tuple[OxigraphBackend, Corpus]:
    """Build into a fresh in-memory store (tests, notebooks)."""
    corpus = load_checked(corpus_dir, texts, allow_missing_texts=allow_missing_texts)
    backend = OxigraphBackend.open(None)
    fill_store(backend, corpus)
    load_ranks(backend, corpus_dir)
    return backend, corpus


def build(corpus_dir: str | Path, store_path: str | Path, texts: str | Path | None = None,
          *, validate: bool = True, extracted: list[str | Path] | tuple = (),
          allow_missing_texts: bool = False, full: bool = False, workers: int | None = None,
          on_problems: Callable[[list[Problem]], None] | None = None,
          progress: Callable[[int, int], None] | None = None,
          validate_progress: Callable[[int, int], None] | None = None) -> BuildSummary:
    """Build the persistent store at ``store_path`` from the corpus; the old store survives any failure.

    Only the graphs of sources whose claims file, text or registry entry changed since the last
    build (or that were added or removed) are reloaded, in a copy of the current store, unless
    ``full`` or the registry, the ontology or the loader changed; either way the result is the
    same graph as a full build.  Claims files are read by ``workers`` processes (default: one per
    core); ``on_problems`` hears each file's problems as soon as it is read, ``progress`` (files
    done, files in all) how far reading got, ``validate_progress`` (queries done, in all) validation.  ``extracted`` folders (from `diplograph extract`) add
    their unreviewed claims in their own graphs, ``dgg:extracted/source/{id}``.  A missing article
    text is an error unless ``allow_missing_texts``.
    """
    target = Path(store_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    storefolder.recover(target)
    version = storefolder.current_version(target)
    old = storefolder.read_manifest(version) if not full else None
    # registry problems raise here, before any store; texts the last build verified are not read again
    reader = CorpusReader(corpus_dir, texts, extracted, known_texts=(old or {}).get("texts"),
                          known_sources=(old or {}).get("sources"))
    if reader.loader.missing_texts and not allow_missing_texts:
        raise CorpusError([Problem(p.file, p.line, p.message, p.hint + "; or build with --allow-missing-texts to load "
                                   "the evidence unverified") for p in reader.loader.missing_texts])
    plan = _Plan(reader, old, version)
    staging = storefolder.new_staging(target)
    try:
        if plan.incremental:
            source = OxigraphBackend.open(target, read_only=True)
            try:
                source.store.backup(str(staging))
            finally:
                source.close()
        backend = OxigraphBackend.open(staging)
        try:
            changed = _fill(backend, reader, plan, workers, on_problems, progress)
            plan.delta -= _size(backend.store, CURATION_GRAPH)
            load_ranks(backend, corpus_dir)  # the curators' ranks: dgg:curation, replaced whole (small)
            plan.delta += _size(backend.store, CURATION_GRAPH)
            storefolder.pause_point("filled")
            known = (old or {}).get("quads") if plan.incremental else None  # counted by change, not by store
            summary = _summarize(backend, reader, f"oxigraph:{target}", changed, plan.incremental, validate=validate,
                                 quads=None if known is None else known + plan.delta, progress=validate_progress,
                                 claims=sum(e["claims"] for e in plan.entries.values()) if plan.incremental else None,
                                 events=plan.events() if plan.incremental else None)
            plan.quads = summary.quads
            storefolder.write_manifest(staging, plan.manifest(), plan.meta)
        finally:
            backend.close()
        storefolder.publish(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary


class _Plan:
    """What a build must (re)read: every claims file, or those that changed since the manifest."""

    def __init__(self, reader: CorpusReader, old: dict | None, version: Path | None = None) -> None:
        self.reader = reader
        loader = reader.loader
        # what every source graph depends on (a source's own entry in sources.yaml is in its file's key)
        registry = sorted((n, sha) for n, sha in loader.files.items() if Path(n).name != "sources.yaml")
        self.registry_key = _digest([registry, hashlib.sha256(ONTOLOGY_TTL.read_bytes()).hexdigest(), __version__,
                                     [str(b) for b in loader.bundles], str(loader.texts_dir)])
        self.names = [reader.file_name(p) for p in reader.claim_files]
        self.shas = {name: hashlib.sha256(p.read_bytes()).hexdigest() for name, p in zip(self.names, reader.claim_files)}
        old_files = (old or {}).get("files", {})
        self.incremental = bool(old) and old.get("registry") == self.registry_key and old.get("format") == MANIFEST_FORMAT
        self.entries: dict[str, dict] = {}
        for name in self.names:
            entry = old_files.get(name) if self.incremental else None
            if entry and entry["key"] == self._key(name, entry["source"]):
                self.entries[name] = entry
        self.removed = [e for n, e in old_files.items() if n not in self.entries] if self.incremental else []
        self.delta = 0  # quads added less quads removed, by an incremental build
        #: the meta graph's N-Quads lines as the last build wrote them, and as this build writes them
        self.old_meta_lines: set[bytes] | None = storefolder.read_meta(version) if self.incremental else None
        self.meta: set[bytes] = set()
        self.meta_quads: int | None = None
        self.quads: int | None = None

    def _key(self, name: str, source_id: str | None) -> str:
        source = self.reader.loader.by_id.get(source_id or "")
        return _digest([self.shas[name], source.model_dump_json() if source else None,
                        self.reader.verified.get(source_id or "")])

    def events(self) -> int:
        """The events the claims files name (what :data:`EVENTS` counts in the store: each event claim types its event)."""
        return len({use[0] for e in self.entries.values() for use in e["event_uses"]})

    def stale(self) -> list[Path]:
        return [p for n, p in zip(self.names, self.reader.claim_files) if n not in self.entries]

    def record(self, result: FileResult) -> None:
        self.entries[result.name] = {
            "key": self._key(result.name, result.source), "source": result.source, "source_line": result.source_line,
            "graph": result.graph, "claims": result.claim_count, "event_uses": result.event_uses,
            "event_refs": result.event_refs}

    def known(self, name: str, path: Path) -> FileResult:
        e = self.entries[name]
        return FileResult(path, name, self.shas[name], e["source"], e["graph"], b"", e["claims"],
                          [tuple(u) for u in e["event_uses"]], [tuple(r) for r in e["event_refs"]], [], e["source_line"])

    def manifest(self) -> dict:
        return {"format": MANIFEST_FORMAT, "registry": self.registry_key, "files": self.entries,
                "texts": self.reader.loader.text_stats, "quads": self.quads, "sources": self.reader.loader.sources_cache,
                "meta_quads": self.meta_quads}


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _fill(backend: OxigraphBackend, reader: CorpusReader, plan: _Plan, workers: int | None,
          on_problems, progress) -> list[str]:
    """Load what the plan says into the store; returns the source graphs (re)loaded or removed."""
    store = backend.store
    problems = list(reader.problems)
    if problems and on_problems:
        on_problems(list(problems))
    if not plan.incremental:
        store.bulk_extend(reader.registry_quads)
    old_graphs = sorted({e["graph"] for e in plan.removed if e.get("graph")})
    if old_graphs:  # the consolidated view forgets what the old versions said (re-added below if still said)
        values = " ".join(f"<{g}>" for g in old_graphs)
        backend.update(RETRACT.replace("$GRAPHS", values))
        plan.delta -= sum(Quad(q.subject, q.predicate, q.object, CONSOLIDATED_GRAPH) in store
                          for q in store.quads_for_pattern(None, None, None, NamedNode(RETRACTED)))
        backend.update(RETRACT_DELETE)
        for g in old_graphs:  # a source graph goes with the graph the build derived from it (loaders/derived.py)
            for name in (g, derived_graph(g).value):
                plan.delta -= _size(store, NamedNode(name))
                backend.update(f"DROP SILENT GRAPH <{name}>")
    stale = plan.stale()
    derived = {reader.loader.graph_of(sid).value for sid in reader.loader.by_id}  # the graphs the meta graph derives from a source
    fresh = iter(reader.read(stale, workers))
    checks = CrossChecks()
    new_graphs: list[str] = []

    def chunks():
        """Each file's N-Quads (and, in a full build, its consolidated facts) in file order; a file's
        problems reported as it is read, and nothing more loaded after one (the build will fail)."""
        done = 0
        for name, path in zip(plan.names, reader.claim_files):
            if name in plan.entries:
                result = plan.known(name, path)
            else:
                result = next(fresh)
                done += 1
                if progress:
                    progress(done, len(stale))
            found = result.problems + checks.add(result)
            if found:
                problems.extend(found)
                if on_problems:
                    on_problems(found)
                continue
            if result.nquads and not problems:
                yield result.nquads
                if not plan.incremental and result.graph in derived:  # the consolidated view, made by the worker
                    yield result.facts
                if result.graph:
                    new_graphs.append(result.graph)
                plan.record(result)
        found = checks.finish(reader.loader)
        if found and on_problems:
            on_problems(found)
        problems.extend(found)

    # lenient: these N-Quads were written by pyoxigraph from terms it had already checked
    if not plan.incremental:  # bulk loads fed file by file as the workers finish, LOAD_BYTES each (bounded memory)
        stream = _Chunks(chunks(), LOAD_BYTES)
        while stream.more():
            store.bulk_load(input=stream, format=RdfFormat.N_QUADS, lenient=True)
        stream.reraise()
    else:
        batch: list[bytes] = []
        size = 0
        for chunk in chunks():
            batch.append(chunk)
            size += len(chunk)
            if size > BATCH_BYTES:
                store.bulk_load(input=b"".join(batch), format=RdfFormat.N_QUADS, lenient=True)
                batch, size = [], 0
        if problems:
            raise CorpusError(problems)
        if batch and size < BATCH_BYTES // 4:  # a few graphs: the bulk loader's SST files cost more
            store.load(input=b"".join(batch), format=RdfFormat.N_QUADS)
        elif batch:
            store.bulk_load(input=b"".join(batch), format=RdfFormat.N_QUADS, lenient=True)
    if problems:
        raise CorpusError(problems)
    loader = reader.loader
    loader.quads.clear()
    for name in plan.names:
        loader.files[name] = plan.shas[name]
    loader._emit_meta(reader.sources, {sid: "" if ok else None for sid, ok in reader.verified.items()})
    plan.meta = _lines(loader.quads)
    plan.meta_quads = len(plan.meta)
    if plan.incremental:
        # the meta graph changes by a diff, not a rewrite: its old lines are the last build's side file
        # (or, for a store made before it, read from the store once)
        old_meta = plan.old_meta_lines if plan.old_meta_lines is not None else _lines(
            store.quads_for_pattern(None, None, None, META_GRAPH))
        plan.delta += sum(_size(store, NamedNode(g)) + _size(store, derived_graph(g)) for g in new_graphs) \
            - len(old_meta) + plan.meta_quads
        for quad in parse(input=b"".join(old_meta - plan.meta), format=RdfFormat.N_QUADS):
            store.remove(quad)
        store.extend(parse(input=b"".join(plan.meta - old_meta), format=RdfFormat.N_QUADS))
        if old_graphs:  # a retracted fact another source graph still states comes back
            # (looked up triple by triple in the engine's indexes: a SPARQL join with the meta graph is 20× slower
            # here; the bookkeeping test is not repeated: a claim's, mention's or source's IRI names its source)
            live = {NamedNode(e["graph"]) for e in plan.entries.values() if e.get("graph")}
            back = [Quad(q.subject, q.predicate, q.object, CONSOLIDATED_GRAPH)
                    for q in store.quads_for_pattern(None, None, None, NamedNode(RETRACTED))
                    if any(h.graph_name in live for h in store.quads_for_pattern(q.subject, q.predicate, q.object))]
            store.extend(back)
            plan.delta += len(back)
        if new_graphs:
            facts = [Quad(r["s"], r["p"], r["o"], CONSOLIDATED_GRAPH) for r in backend.select(
                CONSOLIDATE_GRAPHS.replace("$GRAPHS", " ".join(f"<{g}>" for g in new_graphs)))]
            store.extend(facts)
            plan.delta += len(facts)
        backend.update(f"DROP SILENT GRAPH <{RETRACTED}>")
    else:
        store.bulk_extend(loader.quads)
        store.bulk_load(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    return sorted(set(old_graphs) | set(new_graphs)) if plan.incremental else sorted(set(new_graphs))


class _Chunks:
    """A binary file over an iterator of byte strings, for the bulk loader (which reads a few KB at a
    time); an error raised by the iterator ends the stream and is raised again by :meth:`reraise`."""

    def __init__(self, chunks, limit: int) -> None:
        self.chunks = chunks
        self.rest = memoryview(b"")
        self.error: BaseException | None = None
        self.limit = limit  # bytes one loader run reads (ending at a chunk's end): its memory grows with it
        self.given = 0
        self.done = False

    def more(self) -> bool:
        """Whether another loader run has something to read (each run reads up to ``limit`` bytes)."""
        self.given = 0
        if not self.rest and not self.done and self.error is None:
            self._next()
        return bool(self.rest)

    def _next(self) -> None:
        try:
            self.rest = memoryview(next(self.chunks))
        except StopIteration:
            self.done = True
        except BaseException as exc:  # noqa: BLE001 (carried to read(), which raises it in the reader's thread)
            self.error = exc

    def read(self, size: int = -1) -> bytes:
        while not self.rest:
            if self.done or self.error is not None or self.given >= self.limit:
                return b""
            self._next()
        if size < 0:
            size = len(self.rest)
        out, self.rest = self.rest[:size], self.rest[size:]
        self.given += len(out)
        return bytes(out)

    def reraise(self) -> None:
        if self.error is not None:
            raise self.error


def _lines(quads) -> set[bytes]:
    """Quads as the set of their N-Quads lines (one line per distinct quad: pyoxigraph writes each term one way)."""
    return set(serialize(quads, format=RdfFormat.N_QUADS).splitlines(keepends=True))


def _size(store, graph: NamedNode) -> int:
    """The quads of one graph, counted in the engine's index of that graph (a small graph: a change)."""
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


def _summarize(backend: OxigraphBackend, reader: CorpusReader, name: str, changed: list[str], incremental: bool,
               *, validate: bool = True, quads: int | None = None, progress=None,
               claims: int | None = None, events: int | None = None) -> BuildSummary:
    """The summary, counted by the engine."""
    def count(sparql: str) -> int:
        return int(backend.select(sparql)[0]["n"].value)

    summary = BuildSummary(
        store=name, sources=len(reader.sources), texts_verified=sum(reader.verified.values()),
        claims=count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c a dg:Claim } }") if claims is None else claims,
        events=count(EVENTS) if events is None else events,
        quads=backend.count() if quads is None else quads,
        graphs=sum(not is_derived_graph(g.value) for g in backend.graphs()), warnings=list(reader.loader.warnings),
        changed_sources=changed, incremental=incremental,
    )
    if validate and not incremental:  # a whole-store analysis, like validation: a build that loads only skips it
        from .conflicts import find_conflicts

        summary.conflicts = len(find_conflicts(backend))  # (an incremental one too; `diplograph conflicts` lists them)
    if validate:
        from .validate import validate_backend

        if incremental:
            report = validate_backend(backend, graphs=[NamedNode(g) for g in changed], progress=progress)
        else:
            report = validate_backend(backend, progress=progress)
        summary.conforms = report.conforms
        summary.violations = len(report.results)
    return summary
