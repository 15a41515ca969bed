"""Exports of an on-disk store at the engine's speed: pyoxigraph serialises, Python only frames.

:func:`graph.export.export_bytes` sorts and canonicalises every statement in Python: exact for any
store, but several times slower than the engine and holding the whole dump in memory.  An on-disk
store (RocksDB) keeps its statements in key order, and a key is the encoding of the terms alone
(IRIs and long strings by a fixed hash, numbers by value), so the engine reads the same content
in the same order, whatever order it was loaded in.  This module streams that order:

- quad formats (``nquads``, ``trig``): graph by graph in IRI order, each graph as the engine dumps
  it (N-Triples lines given the graph's name; Turtle inside a TriG ``GRAPH { }`` block);
- triple formats (``ntriples``, ``turtle``, ``rdfxml``): the union of the selected graphs, graph by
  graph in IRI order, each as the engine dumps it less the triples an earlier graph gave (the order
  of the engine's ``SELECT DISTINCT`` over the union, without its hash set of every triple);
- graphs that may hold blank nodes (anything but the loaders' own graphs: the ontology, an
  inferred graph) go through the canonical path (RDFC-1.0, sorted): a store's blank-node labels
  are drawn at load time, so only canonical labels are the same from build to build;
- the dataset description (``dgg:void``) last (first in RDF/XML, which has one root element);
- JSON-LD (compacted with the project context): one ``@graph`` object per graph in IRI order, each
  graph read whole (one graph's nodes at most in memory), its statements sorted and written by
  graph/jsonld_stream.py, byte for byte what the canonical path's ``json.dumps`` writes.

Same store, same bytes, run after run (``tests/test_export_stream.py``); memory stays flat (one
engine buffer, one graph of blank nodes at most, a 16-byte digest per triple of a triple format).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import operator
import os
import tempfile
from typing import BinaryIO

from diplograph.ontology import (
    DERIVED_GRAPHS,
    EXTRACTED_GRAPHS,
    GRAPHS,
    PREFIXES,
    SOURCE_GRAPHS,
)
from pyoxigraph import (
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    parse,
    serialize,
)

from .backends import Backend, OxigraphBackend

STREAMED_FORMATS = ("nquads", "ntriples", "trig", "turtle", "rdfxml", "jsonld")
#: graphs the loaders fill with IRIs and literals only (never a blank node): streamed as the engine stores them
_IRI_ONLY = (SOURCE_GRAPHS, EXTRACTED_GRAPHS, DERIVED_GRAPHS) + tuple(
    GRAPHS[name] for name in ("registry", "consolidated", "meta", "curation"))
_FORMATS = {"nquads": RdfFormat.N_QUADS, "ntriples": RdfFormat.N_TRIPLES, "trig": RdfFormat.TRIG,
            "turtle": RdfFormat.TURTLE, "rdfxml": RdfFormat.RDF_XML}
_PREFIX_LINES = b"".join(f"@prefix {p}: <{iri}> .\n".encode() for p, iri in PREFIXES.items())


def streamable(backend: Backend, fmt: str) -> bool:
    return fmt in STREAMED_FORMATS and isinstance(backend, OxigraphBackend) and backend.name.startswith("oxigraph:")


def _store_path(backend: OxigraphBackend) -> str | None:
    """The folder of an on-disk store (its link resolved now: a build may switch it while we read)."""
    folder = backend.name[len("oxigraph:"):]
    return os.path.realpath(folder) if os.path.isdir(folder) else None


def _iri_only(graph: NamedNode) -> bool:
    return graph.value.startswith(_IRI_ONLY)


class _Lines:
    """A write-only stream that rewrites the engine's N-Triples lines into N-Quads of one graph.

    N-Triples escapes line breaks inside literals, so every ``" .\\n"`` ends a statement."""

    def __init__(self, out: BinaryIO, graph: NamedNode) -> None:
        self.out, self.tail, self.carry = out, f" <{graph.value}> .\n".encode(), b""

    def write(self, data) -> int:
        size = len(data)
        data = self.carry + bytes(data)
        cut = data.rfind(b"\n") + 1
        self.carry = data[cut:]
        self.out.write(data[:cut].replace(b" .\n", self.tail))
        return size

    def flush(self) -> None:
        pass


class _HeadFilter:
    """A write-only stream that holds back the start of the engine's output until ``_settle`` has
    rewritten it (and written it out), then passes everything else through unchanged."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.head = out, b""

    def write(self, data) -> int:
        data = bytes(data)
        if self.head is None:
            self.out.write(data)
            return len(data)
        self.head += data
        if self._settle():
            self.head = None
        return len(data)

    def _settle(self) -> bool:
        """Write the rewritten head if enough of it has come; True once it is written."""
        raise NotImplementedError

    def flush(self) -> None:
        if self.head:  # the output ended before the head was settled (e.g. an empty dataset)
            self.out.write(self.head)
            self.head = None


class _SkipPrefixes(_HeadFilter):
    """Drops the ``@prefix`` lines the engine's Turtle writer starts with."""

    def _settle(self) -> bool:
        while self.head.startswith(b"@prefix "):
            end = self.head.find(b"\n")
            if end < 0:
                return False
            self.head = self.head[end + 1:]
        if self.head and not b"@prefix ".startswith(self.head[:8]):
            self.out.write(self.head)
            return True
        return False


def _canonical(quads: list[Quad]) -> list[Quad]:
    from .export import _quad_key, canonical_dataset

    return sorted(set(canonical_dataset(quads)), key=_quad_key)


def _counting_description(backend: Backend, graphs: list[NamedNode], selection, fmt: str, endpoint: str,
                          union_count) -> tuple[list[Quad], int]:
    """The description and the number of statements it says the dump holds (as export_bytes counts them)."""
    from .dataset_description import DATASET, dataset_description

    void_triples = NamedNode(PREFIXES["void"] + "triples")
    description = dataset_description(backend, selection, 0, endpoint, format=fmt)
    if fmt in ("nquads", "trig", "jsonld"):
        chosen = set(graphs)  # (once: a set per statement of the description cost a second at 1M quads)
        count = sum(int(q.object.value) for q in description if q.predicate == void_triples and q.subject in chosen)
    else:
        count = union_count()
    fixed = [Quad(q.subject, q.predicate, Literal(str(count), datatype=q.object.datatype), q.graph_name)
             if q.subject == DATASET and q.predicate == void_triples else q for q in description]
    return fixed, count


def stream_export(backend: OxigraphBackend, fmt: str, selection: str, out: BinaryIO, *, describe: bool,
                  endpoint: str) -> int:
    """Write the selected graphs of an on-disk store to ``out`` in ``fmt``; returns the statements written."""
    from .dataset_description import VOID_GRAPH
    from .export import _triple_key
    from .graph_selection import select_graphs

    store = backend.store
    chosen = select_graphs(backend, selection)
    graphs = sorted(backend.graphs() if chosen is None else chosen, key=lambda g: g.value)
    description: list[Quad] = []
    if fmt in ("nquads", "trig", "jsonld"):
        count = 0
        if describe:
            description, count = _counting_description(backend, graphs, chosen, fmt, endpoint, None)
        else:
            count = sum(int(r["n"].value) for r in backend.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g") if r["g"] in set(graphs))
        if fmt == "jsonld":
            from .jsonld_stream import write_jsonld

            write_jsonld(store, graphs, description, out, _store_path(backend))
            return count + len(description)
        if fmt == "trig":
            out.write(_PREFIX_LINES)
        ordered = graphs + ([VOID_GRAPH] if describe else [])
        engine = [g for g in ordered if g != VOID_GRAPH and _iri_only(g)]
        pool, texts = _pooled(_store_path(backend), _graph_engine, [(fmt, g.value) for g in engine])
        try:
            for graph in ordered:
                if graph != VOID_GRAPH and _iri_only(graph):
                    if texts is None:
                        _engine_graph(store, fmt, graph, out)
                    else:
                        out.write(next(texts))
                    continue
                if graph == VOID_GRAPH:
                    quads = sorted(description, key=lambda q: _triple_key(q))
                else:
                    quads = _canonical(list(store.quads_for_pattern(None, None, None, graph)))
                if fmt == "nquads":
                    out.write(serialize([Quad(q.subject, q.predicate, q.object, graph) for q in quads],
                                        format=RdfFormat.N_QUADS))
                    continue
                out.write(f"<{graph.value}> {{\n".encode())
                skip = _SkipPrefixes(out)
                skip.write(serialize([q.triple for q in quads], format=RdfFormat.TURTLE, prefixes=PREFIXES))
                skip.flush()
                out.write(b"}\n")
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        return count + len(description)

    streamed = [g for g in graphs if _iri_only(g)]
    chosen_iri_only = set(streamed)
    # graphs with blank nodes: canonical, after the engine's part, less what the engine's part states too
    canonical = [t for t in _triples(_canonical([q for g in graphs if not _iri_only(g)
                                                 for q in store.quads_for_pattern(None, None, None, g)]))
                 if not any(q.graph_name in chosen_iri_only for q in store.quads_for_pattern(t.subject, t.predicate, t.object))]
    counted = [len(canonical)]

    def union_count() -> int:
        return counted[0]

    one = streamed[0] if len(streamed) == 1 else None  # one graph: the engine dumps it, prefixes and all

    def count_one() -> None:
        rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{one.value}> {{ ?s ?p ?o }} }}")
        counted[0] += int(next(iter(rows))["n"].value)

    if fmt == "rdfxml":  # one root element: the description goes first, so the count is asked first
        # the union's lines wait on disk meanwhile: one pass over the store, no hash set of its triples
        with tempfile.TemporaryFile() as spool:
            if one is not None:
                count_one()
            else:
                for lines in _union_lines(store, streamed):
                    spool.write(b"".join(lines))
                    counted[0] += len(lines)
                spool.seek(0)
            if describe:
                description, _ = _counting_description(backend, graphs, chosen, fmt, endpoint, union_count)
            extra = canonical + _triples(description)
            head = serialize(extra, format=RdfFormat.RDF_XML, prefixes=PREFIXES) if extra else b""
            body = _XmlBody(out, head)
            if one is not None:
                store.dump(body, RdfFormat.RDF_XML, from_graph=one, prefixes=PREFIXES)
            else:
                serialize(map(operator.attrgetter("triple"), parse(spool, RdfFormat.N_TRIPLES, lenient=True)),
                          body, RdfFormat.RDF_XML, prefixes=PREFIXES)
            body.flush()
        return counted[0] + len(description)
    if fmt == "ntriples":
        lines = _Count(out)
        if one is not None:
            store.dump(lines, RdfFormat.N_TRIPLES, from_graph=one)
        else:
            for chunk in _union_lines(store, streamed):
                lines.write(b"".join(chunk))
        counted[0] += lines.lines
    else:
        out.write(_PREFIX_LINES)
        body = _SkipPrefixes(out)
        if one is not None:
            count_one()
            store.dump(body, RdfFormat.TURTLE, from_graph=one, prefixes=PREFIXES)
        else:  # the union's triples through Python to the engine's Turtle writer, which takes the prefixes
            counter = itertools.count()
            serialize(_counted(_union_triples(store, streamed), counter), body, RdfFormat.TURTLE, prefixes=PREFIXES)
            counted[0] += next(counter)
        body.flush()
    if describe:
        description, _ = _counting_description(backend, graphs, chosen, fmt, endpoint, union_count)
    extra = canonical + _triples(description)
    if extra and fmt == "ntriples":
        out.write(serialize(extra, format=RdfFormat.N_TRIPLES))
    elif extra:
        body = _SkipPrefixes(out)
        body.write(serialize(extra, format=RdfFormat.TURTLE, prefixes=PREFIXES))
        body.flush()
    return counted[0] + len(description)


#: a store with at least this many graphs is written by a pool of processes (one graph's text each)
PARALLEL_MIN_GRAPHS = 16


def _pooled(path: str | None, work, jobs: list[tuple[str, str]]):
    """(pool, the texts of ``jobs`` in order) from a pool of forked processes when the store is on disk
    and has many graphs; (None, None) otherwise (the caller writes the graphs itself).

    Why processes: the engine writes one graph at a time on one core, and Python frames it; the
    graphs are independent, so two processes (each opening the store read-only) write them while this
    one joins the texts in order: about half the wall time on two cores, the same bytes.  Fork, as the
    claims readers do (loaders/stream.py): a fresh interpreter would re-run a calling script without a
    main guard; each child opens its own read-only view, never this process's store."""
    workers = min(2, os.cpu_count() or 1)
    if path is None or workers < 2 or len(jobs) < PARALLEL_MIN_GRAPHS:
        return None, None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return pool, pool.map(partial(work, path), jobs, chunksize=4)


_WORKER: dict = {}


def _worker_store(path: str):
    if _WORKER.get("path") != path:
        from pyoxigraph import Store

        _WORKER.clear()
        _WORKER.update(path=path, store=Store.read_only(path))
    return _WORKER["store"]


def _graph_engine(path: str, job: tuple[str, str]) -> bytes:
    """A pool process's part: one graph as the engine writes it (N-Quads lines or a TriG block)."""
    buffer = io.BytesIO()
    _engine_graph(_worker_store(path), job[0], NamedNode(job[1]), buffer)
    return buffer.getvalue()


def _engine_graph(store, fmt: str, graph: NamedNode, out: BinaryIO) -> None:
    """One graph of IRIs and literals as the engine dumps it: N-Quads lines, or a TriG ``GRAPH`` block."""
    if fmt == "nquads":
        store.dump(_Lines(out, graph), RdfFormat.N_TRIPLES, from_graph=graph)
        return
    out.write(f"<{graph.value}> {{\n".encode())
    skip = _SkipPrefixes(out)
    store.dump(skip, RdfFormat.TURTLE, from_graph=graph, prefixes=PREFIXES)
    skip.flush()
    out.write(b"}\n")


def _union_lines(store, graphs: list[NamedNode]):
    """The union of ``graphs`` (IRIs and literals only) as N-Triples lines, one list per graph in order:
    each graph as the engine dumps it, less the lines an earlier graph gave.

    The same triples in the same order as the engine's ``SELECT DISTINCT`` over the union (first
    occurrence kept, graph by graph), without its hash set of every distinct triple (~470 MB at 1M
    quads: the consolidated graph repeats every source's facts): the engine writes a triple as one
    line, always the same, so a line's 128-bit digest stands for its triple (~75 MB at 1M)."""
    seen: set[bytes] = set()
    digest = hashlib.blake2b
    for graph in graphs:
        buffer = io.BytesIO()
        store.dump(buffer, RdfFormat.N_TRIPLES, from_graph=graph)
        kept = []
        for line in buffer.getvalue().splitlines(keepends=True):
            key = digest(line, digest_size=16).digest()
            if key not in seen:
                seen.add(key)
                kept.append(line)
        yield kept


def _union_triples(store, graphs: list[NamedNode]):
    """The triples of :func:`_union_lines`, read back by the engine's N-Triples parser."""
    return map(operator.attrgetter("triple"), itertools.chain.from_iterable(
        parse(b"".join(lines), RdfFormat.N_TRIPLES, lenient=True) for lines in _union_lines(store, graphs)))


def _triples(description: list[Quad]) -> list:
    from .export import _triple_key

    return sorted({q.triple for q in description}, key=_triple_key)


def _counted(triples, counter: itertools.count):
    """``triples`` as they come, ``counter`` advanced once for each; all in C (``zip``, ``itemgetter``):
    a Python generator's frame per triple cost about a tenth of the Turtle export."""
    return map(operator.itemgetter(0), zip(triples, counter))


class _Count:
    """A write-only stream that counts the N-Triples lines going through."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.lines = out, 0

    def write(self, data) -> int:
        self.lines += bytes(data).count(b"\n")
        return self.out.write(data)

    def flush(self) -> None:
        pass


class _XmlBody(_HeadFilter):
    """Writes the engine's RDF/XML with ``extra`` (another RDF/XML document of the same prefixes)
    spliced in after the opening ``<rdf:RDF …>`` element."""

    def __init__(self, out: BinaryIO, extra: bytes) -> None:
        super().__init__(out)
        inner = extra
        if extra:
            start = extra.find(b">", extra.find(b"<rdf:RDF")) + 1
            inner = extra[start:extra.rfind(b"</rdf:RDF>")]
        self.inner = inner

    def _settle(self) -> bool:
        root = self.head.find(b"<rdf:RDF")
        close = self.head.find(b">", root) if root >= 0 else -1
        if close < 0:
            return False
        self.out.write(self.head[:close + 1] + self.inner)
        self.out.write(self.head[close + 1:])
        return True


def stream_bytes(backend: OxigraphBackend, fmt: str, selection: str, *, describe: bool, endpoint: str) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    count = stream_export(backend, fmt, selection, buffer, describe=describe, endpoint=endpoint)
    return buffer.getvalue(), count
