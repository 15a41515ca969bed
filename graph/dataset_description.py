"""The VoID + DCAT description every dump carries (graph ``dgg:void``): :func:`dataset_description`,
with the stored questions as SHACL SPARQL executables (example queries for SPARQL editors)."""

from __future__ import annotations

import functools
import re

from diplograph.ontology import GRAPH, GRAPHS, ID, ONTOLOGY_IRI, PREFIXES, RDF
from pyoxigraph import Literal, NamedNode, Quad

from .backends import Backend
from .errors import DiplographError
from .formats import MEDIA_TYPES, QUAD_FORMATS, export_format
from .graph_selection import NAMED_GRAPHS, SOURCE_GRAPH, select_graphs, source_ids
from .jsonld import CONTEXT_IRI

#: The named graph of the dataset description, and the dataset it describes.
VOID_GRAPH = NamedNode(GRAPHS["void"])
DATASET = NamedNode(ID + "dataset")
#: The local ``diplograph serve`` endpoint (the default of :func:`dataset_description`).
DEFAULT_ENDPOINT = "http://127.0.0.1:8000/sparql"
RDF_TYPE = RDF.type
LICENSE = NamedNode("https://creativecommons.org/licenses/by/4.0/")
#: namespaces of instance data (not vocabularies) – never listed as void:vocabulary
_DATA_NAMESPACES = (ID, GRAPH, PREFIXES["wd"])


def _ns(prefix: str):
    base = PREFIXES[prefix]
    return lambda local: NamedNode(base + local)


_void, _dcat, _dct, _owl, _rdfs, _sh, _schema, _xsd, _prov = (
    _ns(p) for p in ("void", "dcat", "dct", "owl", "rdfs", "sh", "schema", "xsd", "prov"))

_EXECUTABLE = {"select": ("SPARQLSelectExecutable", "select"), "construct": ("SPARQLConstructExecutable", "construct"),
               "ask": ("SPARQLAskExecutable", "ask")}


def _namespace(iri: str) -> str | None:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    if cut <= 0 or iri.startswith(_DATA_NAMESPACES):
        return None
    return iri[:cut + 1]


def _build_time(backend: Backend) -> Literal | None:
    rows = backend.query("SELECT ?t WHERE { GRAPH dgg:meta { ?build a prov:Activity ; prov:endedAtTime ?t } } "
                         "ORDER BY DESC(STR(?t)) LIMIT 1").rows
    return rows[0]["t"] if rows else None  # type: ignore[index]


def _example_queries(endpoint: NamedNode) -> list[tuple]:
    """The stored questions as SHACL SPARQL executables.

    Why ``sh:SPARQLExecutable`` + ``sh:select``/``sh:construct``/``sh:ask``: they are W3C
    (SHACL) terms for "a SPARQL query held as data", and the convention of the SIB
    ``sparql-examples`` (UniProt, Bgee, Rhea…) that SPARQL editors read to offer example
    queries for an endpoint: ``rdfs:label``/``rdfs:comment`` for what the query asks,
    ``schema:target`` for the endpoint, ``schema:keywords`` for tags.  The text includes its
    PREFIX lines, so it runs as is anywhere.  Check queries (validation) are left out.
    """
    out = []
    for name, kind, summary, description, text, tags in _stored_examples(_queries_signature()):
        cls, prop = _EXECUTABLE[kind]
        node = NamedNode(f"{ID}query/{name}")
        out += [
            (node, RDF_TYPE, _sh("SPARQLExecutable")),
            (node, RDF_TYPE, _sh(cls)),
            (node, _dct("identifier"), Literal(name)),
            (node, _rdfs("label"), Literal(summary, language="en")),
            (node, _rdfs("comment"), Literal(description, language="en")),
            (node, _sh(prop), Literal(text)),
            (node, _schema("target"), endpoint),
            (node, _schema("about"), DATASET),
        ]
        out += [(node, _schema("keywords"), Literal(tag)) for tag in tags]
    return out


def _queries_signature() -> tuple:
    """The query folder and its files' sizes and times: the cache key of the parsed library."""
    from .settings import default_queries

    folder = default_queries()
    try:
        return (str(folder), tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(folder.rglob("*.rq"))))
    except OSError:
        return (str(folder), ())


@functools.lru_cache(maxsize=4)
def _stored_examples(signature: tuple) -> tuple[tuple, ...]:
    from .queries import (
        QueryLibrary,  # parsing the YAML headers is the slow part: cached
    )

    try:
        library = QueryLibrary(signature[0])
    except (OSError, DiplographError):
        return ()
    out = []
    for query in library:
        if query.kind not in _EXECUTABLE:
            continue
        body = query.body.strip("\n")
        used = [p for p in PREFIXES if re.search(rf"(?<![\w:/#-]){re.escape(p)}:", body)]
        text = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + body + "\n"
        out.append((query.name, query.kind, query.summary, query.description, text,
                    tuple(str(t) for t in query.tags)))
    return tuple(out)


def _tuples(backend: Backend, query: str) -> list[tuple]:
    """A SELECT's rows as tuples of terms (an embedded store's solutions read directly: the description
    of a large store counts tens of thousands of (graph, predicate) rows)."""
    store = getattr(backend, "store", None)
    if store is not None and hasattr(store, "query"):
        return [tuple(solution) for solution in store.query(query, use_default_graph_as_union=True)]
    result = backend.query(query)
    return [tuple(row.get(v) for v in result.rows.variables) for row in result.rows]


def dataset_description(backend: Backend, selection: str | list[NamedNode] | None, triples: int,
                        endpoint: str = DEFAULT_ENDPOINT, *, format: str | None = None) -> list[Quad]:
    """The VoID + DCAT description of a dump, as quads in the ``dgg:void`` graph.

    ``selection`` is a selection string (see :func:`select_graphs`) or its result; ``triples``
    is the number of statements exported (without this description): triples for the triple
    formats (the union), quads for the quad formats.  It states: title, description, version
    (``owl:versionInfo``, ``dcat:version``), licence (CC BY 4.0), ``dct:created`` (the build
    time in ``dgg:meta``, so it is deterministic), ``void:triples``, ``void:vocabulary`` (the
    namespaces of the predicates and classes used), ``void:uriSpace``, ``void:sparqlEndpoint``,
    ``dct:source`` (the news sources the exported graphs come from), one ``void:subset`` per
    named graph (the graph IRI itself, with its ``void:triples``), the stored questions as
    example queries (see :func:`_example_queries`) and, when ``format`` is given, the
    ``dcat:Distribution`` of this dump (media type; JSON-LD: ``dct:conformsTo`` the context).
    """
    from diplograph.loaders import __version__

    graphs = select_graphs(backend, selection) if isinstance(selection, str) else selection
    all_graphs = backend.graphs()
    wanted = set(all_graphs if graphs is None else graphs)
    counts: dict[NamedNode, int] = {}
    vocabularies: set[str] = set()
    predicates: set[str] = set()
    for g, p, n in _tuples(backend, "SELECT ?g ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ?p"):
        if g in wanted:
            counts[g] = counts.get(g, 0) + int(n.value)
            predicates.add(p.value)
    # the classes: of every graph at once when every graph is wanted (a few rows, not one per graph)
    classes = ([(None, c) for (c,) in _tuples(backend, "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?s a ?c } }")]
               if graphs is None else _tuples(backend, "SELECT DISTINCT ?g ?c WHERE { GRAPH ?g { ?s a ?c } }"))
    predicates |= {c.value for g, c in classes if (graphs is None or g in wanted) and isinstance(c, NamedNode)}
    vocabularies = {_namespace(iri) or "" for iri in predicates}
    vocabularies.discard("")

    from_all = [NamedNode(NAMED_GRAPHS[n]) for n in ("consolidated", "meta", "inferred")]
    sources = set(source_ids(wanted))
    if any(g in wanted for g in from_all) or any(
            not g.value.startswith(SOURCE_GRAPH) and g.value not in (NAMED_GRAPHS["ontology"], NAMED_GRAPHS["registry"],
                                                                      VOID_GRAPH.value) for g in wanted):
        sources = set(source_ids(all_graphs))

    d = DATASET
    out: list[tuple] = [
        (d, RDF_TYPE, _void("Dataset")),
        (d, RDF_TYPE, _dcat("Dataset")),
        (d, _dct("title"), Literal("diplograph: a knowledge graph of diplomatic events", language="en")),
        (d, _dct("description"), Literal(
            "Diplomatic actors, events and relations (asylum, safe conduct, severance of relations, "
            "expulsions, recognition, legal proceedings) as each news article claims them: one named graph "
            "of claims per source, each claim with its evidence quote and character offsets; a curated "
            "entity registry, a consolidated view, build provenance (PROV-O) and the OWL ontology.",
            language="en")),
        (d, _owl("versionInfo"), Literal(__version__)),
        (d, _dcat("version"), Literal(__version__)),
        (d, _dct("license"), LICENSE),
        (d, _dct("conformsTo"), NamedNode(ONTOLOGY_IRI)),
        (d, _void("triples"), Literal(str(triples), datatype=_xsd("integer"))),
        (d, _void("uriSpace"), Literal(ID)),
        (d, _void("sparqlEndpoint"), NamedNode(endpoint)),
    ]
    created = _build_time(backend)
    if created is not None:
        out.append((d, _dct("created"), created))
    out += [(d, _void("vocabulary"), NamedNode(v)) for v in sorted(vocabularies)]
    out += [(d, _dct("source"), NamedNode(f"{ID}source/{s}")) for s in sorted(sources)]
    for graph in sorted(wanted, key=lambda g: g.value):
        out += [(d, _void("subset"), graph), (graph, RDF_TYPE, _void("Dataset")),
                (graph, _void("triples"), Literal(str(counts.get(graph, 0)), datatype=_xsd("integer")))]
        if graph.value.startswith(SOURCE_GRAPH):
            out.append((graph, _dct("source"), NamedNode(f"{ID}source/{graph.value[len(SOURCE_GRAPH):]}")))
    if format is not None:
        fmt = export_format(format)
        dist = NamedNode(f"{ID}dataset/{fmt}")
        out += [(d, _dcat("distribution"), dist), (dist, RDF_TYPE, _dcat("Distribution")),
                (dist, _dcat("mediaType"), NamedNode("https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[fmt])),
                (dist, _dct("description"), Literal(
                    "the selected named graphs, kept (this description in dgg:void)" if fmt in QUAD_FORMATS
                    else "the union of the selected named graphs, with this description", language="en"))]
        if fmt == "jsonld":
            out.append((dist, _dct("conformsTo"), NamedNode(CONTEXT_IRI)))
    out += _example_queries(NamedNode(endpoint))
    return [Quad(s, p, o, VOID_GRAPH) for s, p, o in out]
