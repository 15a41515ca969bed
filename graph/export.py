"""Exports: deterministic RDF dumps (same store content, byte-identical output).

:func:`export` writes the selected named graphs of a store in one of :data:`EXPORT_FORMATS`:

============  ===========================================  ======================================
format        what is written                              serializer
============  ===========================================  ======================================
``nquads``    the quads, named graphs kept                 pyoxigraph, then lines sorted
``trig``      the quads, named graphs kept                 pyoxigraph, fed sorted quads
``jsonld``    the quads, one ``@graph`` per named graph    this module (compacted with the
                                                           diplograph context, see below)
``turtle``    the union of the selected graphs (triples)   pyoxigraph, fed sorted triples
                                                           (``@prefix`` lines reordered)
``ntriples``  the union of the selected graphs (triples)   pyoxigraph, then lines sorted
``rdfxml``    the union of the selected graphs (triples)   pyoxigraph, fed sorted triples
============  ===========================================  ======================================

Determinism: blank nodes (the ontology's OWL axioms have some) are relabelled by RDFC-1.0
(:func:`canonical_dataset`) before writing; statements are sorted (graph, subject with IRIs
before blank nodes, ``rdf:type`` first then predicate, object); prefixes are the project's
``ontology.PREFIXES``; nothing depends on the clock (the description's ``dct:created`` is the
build time recorded in ``dgg:meta``).

Every dump also carries a dataset description (VoID + DCAT, :func:`dataset_description`) in its
own named graph ``dgg:void`` (in ``nquads``, ``trig`` and ``jsonld``) or merged into the triples
(in ``turtle``, ``ntriples`` and ``rdfxml``).

JSON-LD keeps the named graphs (JSON-LD 1.1 is a dataset syntax, and a source's graph is its
provenance) and is compacted with the diplograph context (:func:`jsonld_context`, published at
:data:`CONTEXT_IRI`, kept in ``ontology/context.jsonld``).
"""

from __future__ import annotations

import copy
import functools
import json
import re
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Sequence

from pyoxigraph import (
    BlankNode, CanonicalizationAlgorithm, Dataset, Literal, NamedNode, Quad, RdfFormat, Triple, parse,
    serialize,
)

from diplograph.loaders.derived import is_derived_graph
from diplograph.ontology import BASE, DG, GRAPH, HERE as ONTOLOGY_DIR, ID, ONTOLOGY_IRI, ONTOLOGY_TTL, PREFIXES

from .backends import Backend
from .errors import DiplographError
from .formats import RDF_FORMATS, rdf_format

EXPORT_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")
#: formats that keep the named graphs; the others write the union of the selected graphs
QUAD_FORMATS = tuple(n for n in EXPORT_FORMATS if RDF_FORMATS[n].keeps_graphs)
_RDF_FORMATS = {n: RDF_FORMATS[n].format for n in EXPORT_FORMATS}
MEDIA_TYPES = {n: RDF_FORMATS[n].media_type for n in EXPORT_FORMATS}

#: The named graph of the dataset description, and the dataset it describes.
VOID_GRAPH = NamedNode(GRAPH + "void")
DATASET = NamedNode(ID + "dataset")
#: Where the JSON-LD context is published (w3id redirect), and its copy in the repository.
CONTEXT_IRI = BASE + "context.jsonld"
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"
#: The local ``diplograph serve`` endpoint (the default of :func:`dataset_description`).
DEFAULT_ENDPOINT = "http://127.0.0.1:8000/sparql"
LICENSE = NamedNode("https://creativecommons.org/licenses/by/4.0/")

SELECTION_NAMES = ("all", "ontology", "registry", "consolidated", "meta", "inferred", "derived")

_RDF = PREFIXES["rdf"]
_XSD = PREFIXES["xsd"]
RDF_TYPE = NamedNode(_RDF + "type")
XSD_STRING = NamedNode(_XSD + "string")
#: namespaces of instance data (not vocabularies) – never listed as void:vocabulary
_DATA_NAMESPACES = (ID, GRAPH, PREFIXES["wd"])


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


# --- selecting graphs --------------------------------------------------------------------

_NAMED = {
    "ontology": GRAPH + "ontology", "registry": GRAPH + "registry", "consolidated": GRAPH + "consolidated",
    "meta": GRAPH + "meta", "inferred": GRAPH + "inferred",
}
_SOURCE_GRAPH = GRAPH + "source/"


def _sources(graphs: Iterable[NamedNode]) -> list[str]:
    return sorted(g.value[len(_SOURCE_GRAPH):] for g in graphs if g.value.startswith(_SOURCE_GRAPH))


def _choices(graphs: Sequence[NamedNode]) -> str:
    sources = _sources(graphs)
    return (f"use one of {', '.join(SELECTION_NAMES)}, source:ID or a graph IRI "
            f"(several: comma-separated); sources: {', '.join(sources) or 'none (build the store first)'}")


def select_graphs(backend: Backend, selection: str) -> list[NamedNode] | None:
    """The named graphs a selection names, or None for everything in the store.

    ``selection`` is ``all`` (every graph but the derived index: with ``derived`` too, everything),
    ``ontology``, ``registry``, ``consolidated``, ``meta``, ``inferred``, ``derived`` (what the build
    derives from each source, ``dgg:derived/source/{id}``), ``source:ID`` (one source's claims; a unique prefix of the id will do), a
    graph IRI (``https://…``, ``<…>`` or ``dgg:…``), or several of these separated by commas.
    An unknown or absent graph raises :class:`DiplographError` listing the choices and sources.
    """
    present = backend.graphs()
    present_set = set(present)
    chosen: list[NamedNode] = []
    parts = [p.strip() for p in str(selection).split(",") if p.strip()]
    if not parts:
        raise DiplographError(f"empty graph selection: {_choices(present)}")
    # the index the build derives from each source (dgg:derived/…, loaders/derived.py) is left out of
    # "all" unless "derived" is named too: a dump is the claims and the facts, the index is rebuilt by a build
    derived = [g for g in present if is_derived_graph(g.value)]
    for part in parts:
        name = part.lower()
        if name == "all":
            if not derived or "derived" in (p.lower() for p in parts):
                return None
            chosen += [g for g in present if not is_derived_graph(g.value)]
            continue
        if name == "derived":
            if not derived:
                raise DiplographError("the store has no derived graphs (dgg:derived/…): run `diplograph build` first")
            chosen += derived
            continue
        if name in _NAMED:
            graph = NamedNode(_NAMED[name])
            if graph not in present_set:
                how = ("run `diplograph reason --write` first" if name == "inferred"
                       else "run `diplograph build` first")
                raise DiplographError(f"the store has no {name} graph (<{graph.value}>): {how}")
            chosen.append(graph)
            continue
        if name.startswith("source:") and not part.startswith("source://"):
            wanted = part.split(":", 1)[1].strip()
            sources = _sources(present)
            matches = [s for s in sources if s == wanted] or [s for s in sources if wanted and s.startswith(wanted)]
            if len(matches) != 1:
                what = (f"{wanted!r} matches several sources: {', '.join(matches)}" if matches
                        else f"no source {wanted!r}")
                raise DiplographError(f"unknown graph selection {part!r}: {what}; "
                                      f"sources: {', '.join(sources) or 'none (build the store first)'}")
            chosen.append(NamedNode(_SOURCE_GRAPH + matches[0]))
            continue
        iri = part[1:-1] if part.startswith("<") and part.endswith(">") else part
        prefix, colon, local = iri.partition(":")
        if colon and prefix in PREFIXES and not local.startswith("//"):
            iri = PREFIXES[prefix] + local
        if "://" in iri:
            try:
                graph = NamedNode(iri)
            except ValueError:
                raise DiplographError(f"{part!r} is not a valid IRI; {_choices(present)}") from None
            if graph in present_set:
                chosen.append(graph)
                continue
            raise DiplographError(f"the store has no graph <{iri}>; {_choices(present)}")
        raise DiplographError(f"unknown graph selection {part!r}: {_choices(present)}")
    return sorted(set(chosen), key=lambda g: g.value)


def selected_quads(backend: Backend, graphs: list[NamedNode] | None) -> list[Quad]:
    """The quads of the selected graphs (``None``: every quad of the store)."""
    if graphs is None:
        return list(backend.quads(None))
    return [q for g in graphs for q in backend.quads(g)]


# --- the JSON-LD context -----------------------------------------------------------------

#: The loaders write counts and offsets as xsd:integer (values within the ontology's
#: xsd:nonNegativeInteger range); the context coerces to what is written, so the terms compact.
_WRITTEN_DATATYPE = {_XSD + "nonNegativeInteger": _XSD + "integer"}


def _compact_iri(iri: str) -> str:
    """A prefixed name (``dgid:peru``) when a project prefix covers the IRI, else the IRI: the longest
    namespace that leaves a non-empty local part not starting with ``//``."""
    found = _NAMESPACE_MATCH(iri)
    if found is None:
        return iri
    base = found.group(1)
    return f"{_PREFIX_OF[base]}:{iri[len(base):]}"


_PREFIXES_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))
_PREFIX_OF = {base: prefix for prefix, base in reversed(_PREFIXES_BY_LENGTH)}  # the first prefix of a namespace wins
# one regular expression tried longest namespace first, as a loop over them would (an export calls this per term)
_NAMESPACE_MATCH = re.compile("(" + "|".join(re.escape(base) for _, base in _PREFIXES_BY_LENGTH) + r")(?!//)(?=[\s\S])").match


@functools.lru_cache(maxsize=1)
def _context_document() -> dict:
    ontology = Dataset(parse(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE))
    owl = PREFIXES["owl"]
    kinds: dict[str, str] = {}
    ranges: dict[str, str] = {}
    for q in ontology:
        if not (isinstance(q.subject, NamedNode) and q.subject.value.startswith(DG)):
            continue
        if q.predicate == RDF_TYPE and q.object.value in (owl + "ObjectProperty", owl + "DatatypeProperty",
                                                         owl + "AnnotationProperty"):
            kinds[q.subject.value] = q.object.value[len(owl):]
        elif q.predicate.value == PREFIXES["rdfs"] + "range" and isinstance(q.object, NamedNode):
            ranges[q.subject.value] = q.object.value
    context: dict = dict(PREFIXES)
    for iri in sorted(kinds, key=lambda i: i[len(DG):]):
        term = iri[len(DG):]
        if term in context:  # a prefix of the same name wins: never shadow it
            continue
        definition = {"@id": f"dg:{term}"}
        if kinds[iri] == "ObjectProperty":
            definition["@type"] = "@id"
        elif kinds[iri] == "DatatypeProperty" and iri in ranges:
            datatype = _WRITTEN_DATATYPE.get(ranges[iri], ranges[iri])
            if datatype.startswith(_XSD) and datatype != XSD_STRING.value:  # plain strings need no coercion
                definition["@type"] = _compact_iri(datatype)
        context[term] = definition
    return {"@context": context}


def jsonld_context() -> dict:
    """The diplograph JSON-LD context document: ``{"@context": {...}}``.

    Generated from ``ontology.PREFIXES`` (every prefix a JSON-LD prefix) and the ``dg:``
    properties declared in ``ontology/diplograph.ttl``: object properties get ``"@type": "@id"``,
    datatype properties the XSD datatype the loaders write (``xsd:integer``, ``xsd:boolean``;
    string-valued ones need no coercion), annotation properties a plain term.  It is published
    at :data:`CONTEXT_IRI`; ``ontology/context.jsonld`` is this dict, written by
    :func:`write_jsonld_context` (a test checks the file is up to date).
    """
    return copy.deepcopy(_context_document())


def context_text() -> str:
    """The text of ``ontology/context.jsonld``."""
    return json.dumps(_context_document(), indent=2, ensure_ascii=False) + "\n"


def write_jsonld_context(path: str | Path = CONTEXT_PATH) -> Path:
    """(Re)write the published context file from the ontology (after editing the ontology)."""
    path = Path(path)
    path.write_text(context_text(), encoding="utf-8")
    return path


# --- the JSON-LD writer ------------------------------------------------------------------

class _JsonLdWriter:
    """Compacted JSON-LD for sorted quads, with the diplograph context (deterministic)."""

    def __init__(self) -> None:
        context = _context_document()["@context"]
        self.terms: dict[str, tuple[str, str | None]] = {}  # property IRI → (term, coercion)
        for term, definition in context.items():
            if isinstance(definition, dict):
                prefix, _, local = definition["@id"].partition(":")
                coercion = definition.get("@type")
                if coercion and coercion != "@id":
                    p, _, l = coercion.partition(":")
                    coercion = PREFIXES[p] + l
                self.terms[PREFIXES[prefix] + local] = (term, coercion)

    @staticmethod
    def ref(term) -> str:
        return "_:" + term.value if isinstance(term, BlankNode) else _compact_iri(term.value)

    def literal(self, term: Literal) -> dict:
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": _compact_iri(term.datatype.value)}

    def value(self, term, coercion: str | None):
        """A value under a key whose coercion is ``@id``, a datatype IRI, or None (plain)."""
        if isinstance(term, Literal):
            if coercion is None and term.datatype == XSD_STRING and not term.language:
                return term.value
            if coercion is not None and coercion != "@id" and not term.language and term.datatype.value == coercion:
                return term.value
            return self.literal(term)
        if coercion == "@id":
            return self.ref(term)
        return {"@id": self.ref(term)}

    def node(self, subject, statements: list) -> dict:
        node: dict = {"@id": self.ref(subject)}
        types = [self.ref(t.object) for t in statements if t.predicate == RDF_TYPE and isinstance(t.object, NamedNode)]
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        grouped: dict[str, list] = {}
        for t in statements:
            if t.predicate == RDF_TYPE and isinstance(t.object, NamedNode):
                continue
            term, coercion = self.terms.get(t.predicate.value, (None, None))
            key = term or _compact_iri(t.predicate.value)
            grouped.setdefault(key, []).append(self.value(t.object, coercion))
        for key in sorted(grouped):
            values = grouped[key]
            node[key] = values[0] if len(values) == 1 else values
        return node

    def nodes(self, statements: list) -> list[dict]:
        out, i = [], 0
        while i < len(statements):
            j = i
            while j < len(statements) and statements[j].subject == statements[i].subject:
                j += 1
            out.append(self.node(statements[i].subject, statements[i:j]))
            i = j
        return out

    def document(self, quads: list[Quad]) -> bytes:
        """``quads`` sorted by :func:`_quad_key`; default-graph statements are top-level nodes."""
        top: dict[str, dict] = {}
        order: list[str] = []
        i = 0
        while i < len(quads):
            graph = quads[i].graph_name
            j = i
            while j < len(quads) and quads[j].graph_name == graph:
                j += 1
            if isinstance(graph, (NamedNode, BlankNode)):
                key = self.ref(graph)
                if key not in top:
                    top[key] = {"@id": key}
                    order.append(key)
                top[key]["@graph"] = self.nodes(quads[i:j])
            else:
                for node in self.nodes(quads[i:j]):
                    if node["@id"] in top:  # a node that also names a graph: one object for both
                        node.update(top[node["@id"]])
                    else:
                        order.append(node["@id"])
                    top[node["@id"]] = node
            i = j
        doc = {"@context": _context_document()["@context"], "@graph": [top[k] for k in order]}
        return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


# --- the dataset description -------------------------------------------------------------

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
    from .queries import QueryLibrary  # parsing the YAML headers is the slow part: cached

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

    from_all = [NamedNode(_NAMED[n]) for n in ("consolidated", "meta", "inferred")]
    sources = set(_sources(wanted))
    if any(g in wanted for g in from_all) or any(
            not g.value.startswith(_SOURCE_GRAPH) and g.value not in (_NAMED["ontology"], _NAMED["registry"],
                                                                      VOID_GRAPH.value) for g in wanted):
        sources = set(_sources(all_graphs))

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
        if graph.value.startswith(_SOURCE_GRAPH):
            out.append((graph, _dct("source"), NamedNode(f"{ID}source/{graph.value[len(_SOURCE_GRAPH):]}")))
    if format is not None:
        fmt = _format(format)
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


# --- export ------------------------------------------------------------------------------

def _format(format: str) -> str:
    return rdf_format(format, what="export format", allowed=EXPORT_FORMATS).name


def export_bytes(backend: Backend, format: str, selection: str = "all", *, describe: bool = True,
                 endpoint: str = DEFAULT_ENDPOINT) -> tuple[bytes, int]:
    """The dump as bytes and the number of statements in it (see :func:`export`)."""
    fmt = _format(format)
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

    ``format`` is one of :data:`EXPORT_FORMATS`; ``selection`` as in :func:`select_graphs`;
    ``output`` a file path, a binary stream (or a text stream with a ``.buffer``), or None /
    ``"-"`` for standard output.  The count
    includes the dataset description (``describe=False`` leaves it out); its ``void:triples``
    counts the data alone.  ``endpoint`` is the SPARQL endpoint the description advertises.

    JSON-LD: the document's ``@context`` is the diplograph context *inline* (exactly
    :func:`jsonld_context`), so it parses offline and never waits on the network; the published
    context is referenced by its IRI :data:`CONTEXT_IRI` in the dump's description (the
    ``dcat:Distribution`` of the JSON-LD dump ``dct:conformsTo`` it), where a
    remote ``"@context": "<IRI>"`` would make every processor fetch it.  To compact your own
    JSON-LD the same way, use the published IRI or ``ontology/context.jsonld``.
    """
    from .events_table import TABLE_FORMATS, export_events

    if format in TABLE_FORMATS:  # a table of events, not RDF (graph/events_table.py)
        return export_events(backend, format, output)
    from .export_stream import stream_export, streamable, write_export

    fmt = _format(format)
    if streamable(backend, fmt):  # streamed by the engine, never held whole in memory
        return write_export(lambda out: stream_export(backend, fmt, selection, out, describe=describe,  # type: ignore[arg-type]
                                                      endpoint=endpoint), output)
    data, count = export_bytes(backend, format, selection, describe=describe, endpoint=endpoint)
    write_output(data, output)
    return count


def write_output(data: bytes, output) -> None:
    """Write bytes to stdout (None or "-"), a path, or a stream (a text stream: its bytes underneath)."""
    if output is None or (isinstance(output, str) and output == "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    elif isinstance(output, (str, Path)):
        Path(output).write_bytes(data)
    else:
        getattr(output, "buffer", output).write(data)
