"""JSON-LD: the diplograph context (generated from the ontology, published at :data:`CONTEXT_IRI`,
kept in ``ontology/context.jsonld``) and the writer of compacted JSON-LD for sorted quads that
``diplograph export -f jsonld`` uses (graph/jsonld_stream.py writes the same bytes graph by graph)."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

from diplograph.ontology import BASE, DG, ONTOLOGY_TTL, PREFIXES, RDF, XSD
from diplograph.ontology import HERE as ONTOLOGY_DIR
from pyoxigraph import BlankNode, Dataset, Literal, NamedNode, Quad, RdfFormat, parse

from .formats import compact_iri

#: Where the JSON-LD context is published (w3id redirect), and its copy in the repository.
CONTEXT_IRI = BASE + "context.jsonld"
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"

_XSD = PREFIXES["xsd"]
RDF_TYPE, XSD_STRING = RDF.type, XSD.string


# --- the JSON-LD context -----------------------------------------------------------------

#: The loaders write counts and offsets as xsd:integer (values within the ontology's
#: xsd:nonNegativeInteger range); the context coerces to what is written, so the terms compact.
_WRITTEN_DATATYPE = {_XSD + "nonNegativeInteger": _XSD + "integer"}



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
                definition["@type"] = compact_iri(datatype)
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
        return "_:" + term.value if isinstance(term, BlankNode) else compact_iri(term.value)

    def literal(self, term: Literal) -> dict:
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact_iri(term.datatype.value)}

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
            key = term or compact_iri(t.predicate.value)
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
