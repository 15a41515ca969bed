"""Exports: deterministic RDF dumps (same store content, byte-identical output).

:func:`export` writes the selected named graphs of a store (``graph/graph_selection.py``) in one of
:data:`graph.formats.EXPORT_FORMATS` (the registry of export formats), or an events table
(``graph/events_table.py``):

============  ===========================================  ======================================
format        what is written                              serializer
============  ===========================================  ======================================
``nquads``    the quads, named graphs kept                 pyoxigraph, then lines sorted
``trig``      the quads, named graphs kept                 pyoxigraph, fed sorted quads
``jsonld``    the quads, one ``@graph`` per named graph    graph/jsonld.py (compacted with the
                                                           diplograph context, see below)
``turtle``    the union of the selected graphs (triples)   pyoxigraph, fed sorted triples
                                                           (``@prefix`` lines reordered)
``ntriples``  the union of the selected graphs (triples)   pyoxigraph, then lines sorted
``rdfxml``    the union of the selected graphs (triples)   pyoxigraph, fed sorted triples
============  ===========================================  ======================================

Determinism: blank nodes (the ontology's OWL axioms have some) are relabelled by RDFC-1.0
(:func:`canonical_dataset`, below) before writing; statements are sorted (graph, subject with IRIs
before blank nodes, ``rdf:type`` first then predicate, object); prefixes are the project's
``ontology.PREFIXES``; nothing depends on the clock (the description's ``dct:created`` is the
build time recorded in ``dgg:meta``).

Every dump also carries a dataset description (VoID + DCAT, ``graph/dataset_description.py``) in its
own named graph ``dgg:void`` (in ``nquads``, ``trig`` and ``jsonld``) or merged into the triples
(in ``turtle``, ``ntriples`` and ``rdfxml``).

JSON-LD keeps the named graphs (JSON-LD 1.1 is a dataset syntax, and a source's graph is its
provenance) and is compacted with the diplograph context (``graph/jsonld.py``: :func:`jsonld_context`,
published at :data:`CONTEXT_IRI`, kept in ``ontology/context.jsonld``).

An on-disk store is streamed by the engine in its own order (``graph/export_stream.py``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from diplograph.ontology import PREFIXES, RDF
from pyoxigraph import (
    BlankNode,
    CanonicalizationAlgorithm,
    Dataset,
    NamedNode,
    Quad,
    RdfFormat,
    Triple,
    serialize,
)

from .backends import Backend
from .dataset_description import DEFAULT_ENDPOINT, dataset_description
from .formats import (
    EXPORT_FORMATS,
    QUAD_FORMATS,
    RDF_FORMATS,
    TABLE_FORMATS,
    export_format,
)
from .graph_selection import select_graphs, selected_quads
from .jsonld import _JsonLdWriter

RDF_TYPE = RDF.type
_RDF_FORMATS = {n: RDF_FORMATS[n].format for n in EXPORT_FORMATS}


# --- canonical forms ---------------------------------------------------------------------

def canonical_dataset(quads: Iterable[Quad]) -> Dataset:
    """The quads with blank nodes renamed by RDFC-1.0, so equal graphs serialise equally."""
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def canonical_nquads(quads: Iterable[Quad]) -> bytes:
    """Sorted canonical N-Quads: the byte-for-byte comparable form of a dataset."""
    lines = serialize(canonical_dataset(quads), format=RdfFormat.N_QUADS).splitlines()
    return b"\n".join(sorted(lines)) + b"\n"


def _subject_key(term) -> tuple[int, str]:
    return (0 if isinstance(term, NamedNode) else 1, term.value)


def _term_key(term) -> str:
    return str(term)


def _triple_key(t: Triple | Quad) -> tuple:
    return (_subject_key(t.subject), t.predicate != RDF_TYPE, t.predicate.value, _term_key(t.object))


def _quad_key(q: Quad) -> tuple:
    g = q.graph_name
    return ((0, "") if not isinstance(g, (NamedNode, BlankNode)) else _subject_key(g), *_triple_key(q))


# --- export ------------------------------------------------------------------------------

def export_bytes(backend: Backend, format: str, selection: str = "all", *, describe: bool = True,
                 endpoint: str = DEFAULT_ENDPOINT) -> tuple[bytes, int]:
    """The dump as bytes and the number of statements in it (see :func:`export`)."""
    fmt = export_format(format)
    from .export_stream import stream_bytes, streamable

    if streamable(backend, fmt):  # an on-disk store: the engine's own order (graph/export_stream.py)
        return stream_bytes(backend, fmt, selection, describe=describe, endpoint=endpoint)  # type: ignore[arg-type]
    graphs = select_graphs(backend, selection)
    quads = list(canonical_dataset(selected_quads(backend, graphs)))
    if fmt in QUAD_FORMATS:
        data: list = sorted(set(quads), key=_quad_key)
    else:
        data = sorted({q.triple for q in quads}, key=_triple_key)
    if describe:
        description = dataset_description(backend, graphs, len(data), endpoint, format=fmt)
        if fmt in QUAD_FORMATS:
            data = sorted(set(data).union(description), key=_quad_key)
        else:
            data = sorted(set(data).union(q.triple for q in description), key=_triple_key)
    if fmt == "jsonld":
        return _JsonLdWriter().document(data), len(data)
    if fmt in ("nquads", "ntriples"):
        lines = serialize(data, format=_RDF_FORMATS[fmt]).splitlines()
        return (b"\n".join(sorted(lines)) + b"\n") if lines else b"", len(data)
    out = serialize(data, format=_RDF_FORMATS[fmt], prefixes=PREFIXES)
    return (_ordered_prefixes(out) if fmt in ("turtle", "trig") else out), len(data)


_PREFIX_ORDER = {p: i for i, p in enumerate(PREFIXES)}


def _ordered_prefixes(text: bytes) -> bytes:
    """The ``@prefix`` lines in ``PREFIXES`` order (pyoxigraph writes them in hash-map order)."""
    lines = text.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    ordered = sorted(lines[:head], key=lambda line: (
        _PREFIX_ORDER.get(line[8:].split(b":", 1)[0].decode(), len(_PREFIX_ORDER)), line))
    return b"\n".join(ordered + lines[head:])


def export(backend: Backend, format: str, selection: str = "all", output: BinaryIO | str | Path | None = None,
           *, describe: bool = True, endpoint: str = DEFAULT_ENDPOINT) -> int:
    """Write the selected graphs in ``format``; returns the number of statements written.

    ``format`` is one of :data:`graph.formats.EXPORT_FORMATS` or :data:`graph.formats.TABLE_FORMATS`;
    ``selection`` as in :func:`graph.graph_selection.select_graphs`;
    ``output`` a file path, a binary stream (or a text stream with a ``.buffer``), or None /
    ``"-"`` for standard output.  The count
    includes the dataset description (``describe=False`` leaves it out); its ``void:triples``
    counts the data alone.  ``endpoint`` is the SPARQL endpoint the description advertises.

    JSON-LD: the document's ``@context`` is the diplograph context *inline* (exactly
    :func:`graph.jsonld.jsonld_context`), so it parses offline and never waits on the network; the
    published context is referenced by its IRI :data:`graph.jsonld.CONTEXT_IRI` in the dump's description (the
    ``dcat:Distribution`` of the JSON-LD dump ``dct:conformsTo`` it), where a
    remote ``"@context": "<IRI>"`` would make every processor fetch it.  To compact your own
    JSON-LD the same way, use the published IRI or ``ontology/context.jsonld``.
    """
    if format in TABLE_FORMATS:  # a table of events, not RDF (graph/events_table.py)
        from .events_table import export_events

        return export_events(backend, format, output)
    from .export_stream import stream_export, streamable

    fmt = export_format(format)
    if streamable(backend, fmt):  # streamed by the engine, never held whole in memory
        return write_export(lambda out: stream_export(backend, fmt, selection, out, describe=describe,  # type: ignore[arg-type]
                                                      endpoint=endpoint), output)
    data, count = export_bytes(backend, format, selection, describe=describe, endpoint=endpoint)
    write_output(data, output)
    return count


def write_output(data: bytes, output) -> None:
    """Write bytes where :func:`write_export` writes."""
    write_export(lambda stream: stream.write(data), output)


def write_export(write, output) -> int:
    """Run ``write(stream)`` into stdout (None or "-"), a stream (a text stream: its bytes underneath), or a
    path (written beside it and renamed: never half a file)."""
    if output is None or (isinstance(output, str) and output == "-"):
        count = write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return count
    if isinstance(output, (str, Path)):
        path = Path(output)
        partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
        try:
            with partial.open("wb", buffering=1 << 20) as stream:
                count = write(stream)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return count
    return write(getattr(output, "buffer", output))
