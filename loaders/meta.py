"""The meta graph (dgg:meta): what a load read (each corpus file and its checksum), when, and which
source each source graph comes from, with the times its claims entered the corpus and last changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote as percent_encode

from diplograph.ontology import DCT, EXTRACTED_GRAPHS, ID, PROV, RDF, RDFS, XSD, dg
from pyoxigraph import Literal, NamedNode, Quad

from . import __version__
from .iris import META_GRAPH, source_iri
from .schema import SourceRecord


def build_time(sources: list[SourceRecord] | tuple = ()) -> str | None:
    """The time a build records: $SOURCE_DATE_EPOCH when set, else the newest publication date of
    the sources (midnight UTC), never the clock, so that the same corpus gives the same bytes;
    None when no source is dated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    dates = [(s.published.value + "-01-01")[:10] for s in sources if s.published and s.published.value]
    return f"{max(dates)}T00:00:00Z" if dates else None


def meta_quads(corpus_dir: Path, files: dict[str, str], sources: list[SourceRecord], texts: dict[str, str | None],
               graph_of: Callable[[str], NamedNode]) -> list[Quad]:
    """The meta graph of a load: ``files`` are the corpus files read (name → sha256), ``texts`` the
    sources' texts (None where not verified), ``graph_of`` gives a source id's graph."""
    g = META_GRAPH
    out: list[Quad] = []
    add = out.append
    build = NamedNode(f"{ID}build/{hashlib.sha1(repr(sorted(files.items())).encode()).hexdigest()[:16]}")
    add(Quad(build, RDF.type, PROV.Activity, g))
    add(Quad(build, RDF.type, dg.ExtractionActivity, g))
    add(Quad(build, RDFS.label, Literal("diplograph corpus load", language="en"), g))
    add(Quad(build, dg.loaderVersion, Literal(__version__), g))
    ended = build_time(sources)
    if ended is not None:
        add(Quad(build, PROV.endedAtTime, Literal(ended, datatype=XSD.dateTime), g))
    for name, digest in sorted(files.items()):
        f = NamedNode(f"{ID}corpus-file/{percent_encode(name, safe='/')}")
        add(Quad(f, RDF.type, PROV.Entity, g))
        add(Quad(f, dg.fileName, Literal(name), g))
        add(Quad(f, dg.sha256, Literal(digest), g))
        add(Quad(build, PROV.used, f, g))
    from .history import recorded_times

    # when each source's claims entered the corpus and last changed there (its git history; none outside git)
    times = recorded_times(corpus_dir)
    for source in sources:
        graph = graph_of(source.id)
        recorded = times.get(f"claims/{source.id}.yaml")
        if recorded and not graph.value.startswith(EXTRACTED_GRAPHS):
            add(Quad(graph, DCT.created, Literal(recorded[0], datatype=XSD.dateTime), g))
            add(Quad(graph, DCT.modified, Literal(recorded[1], datatype=XSD.dateTime), g))
        add(Quad(graph, RDF.type, PROV.Entity, g))
        add(Quad(graph, PROV.wasDerivedFrom, source_iri(source.id), g))
        add(Quad(graph, PROV.wasGeneratedBy, build, g))
        add(Quad(graph, dg.verified, Literal(texts.get(source.id) is not None), g))
    return out
