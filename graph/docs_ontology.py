"""Reading the ontology for its documentation: :class:`Ontology`, the look-ups the page and the
diagram need (names, texts, class structure, property kinds, the coded event classes), every
result sorted so that the site is the same from run to run (``graph/docs.py`` writes the site).
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from diplograph import ontology as onto

DG = Namespace(onto.DG)

#: Annotation properties on event classes (their codes in PLOVER and CAMEO).
PLOVER_TYPE, PLOVER_MODE, PLOVER_CONTEXT, CAMEO_CODE = (
    DG.ploverEventType, DG.ploverMode, DG.ploverContext, DG.cameoCode,
)
SINGLE_VALUED = DG.singleValued

PROPERTY_KINDS = (
    (OWL.ObjectProperty, "objectproperties", "Object properties", "object property"),
    (OWL.DatatypeProperty, "datatypeproperties", "Datatype properties", "datatype property"),
    (OWL.AnnotationProperty, "annotationproperties", "Annotation properties", "annotation property"),
)


def squash(text: str) -> str:
    """Whitespace collapsed: how a text of the ontology is shown (and compared in the tests)."""
    return " ".join(text.split())


class Ontology:
    """The ontology graph with the look-ups the page needs (all results sorted)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.g = Graph(bind_namespaces="none")
        self.g.parse(path, format="turtle")
        used = {str(p) for p in self.g.predicates()} | {str(t) for t in self.g.all_nodes() if isinstance(t, URIRef)}
        self.extra_prefixes = {
            prefix: str(ns)
            for prefix, ns in self.g.namespaces()
            if prefix and prefix not in onto.PREFIXES and str(ns) not in onto.PREFIXES.values()
            and any(u.startswith(str(ns)) for u in used)
        }
        self.prefixes = {**self.extra_prefixes, **onto.PREFIXES}
        # Longest namespace first, so ev: wins over dgid: for event IRIs.
        self._by_ns = sorted(((ns, p) for p, ns in self.prefixes.items()), key=lambda x: (-len(x[0]), x[1]))
        heads = sorted(self.g.subjects(RDF.type, OWL.Ontology), key=str)
        self.iri = heads[0] if heads else URIRef(onto.ONTOLOGY_IRI)
        self.classes = self._dg_of_type(OWL.Class)
        self.properties = {kind: self._dg_of_type(kind) for kind, *_ in PROPERTY_KINDS}
        self.individuals = self._dg_of_type(OWL.NamedIndividual)  # the ranks and rank reasons (issue 13)
        self.terms = {self.local(t) for t in self.classes} | {
            self.local(t) for props in self.properties.values() for t in props
        } | {self.local(t) for t in self.individuals}

    # --- names ------------------------------------------------------------------------
    def is_dg(self, term: object) -> bool:
        return isinstance(term, URIRef) and str(term).startswith(onto.DG) and len(str(term)) > len(onto.DG)

    @staticmethod
    def local(term: URIRef) -> str:
        return str(term)[len(onto.DG):] if str(term).startswith(onto.DG) else re.split(r"[#/]", str(term))[-1]

    def curie(self, iri: URIRef | str) -> str:
        text = str(iri)
        for ns, prefix in self._by_ns:
            rest = text[len(ns):]
            if text.startswith(ns) and rest and re.fullmatch(r"[\w.-]+", rest):
                return f"{prefix}:{rest}"
        return text

    def _dg_of_type(self, kind: URIRef) -> list[URIRef]:
        return sorted((s for s in set(self.g.subjects(RDF.type, kind)) if self.is_dg(s)), key=self.sort_key)

    def sort_key(self, term: URIRef) -> tuple[str, str]:
        name = self.local(term) if self.is_dg(term) else self.curie(term)
        return (name.casefold(), name)

    # --- values -----------------------------------------------------------------------
    def texts(self, subject, predicate) -> list[str]:
        """The literal values, English (or untagged) ones first when there are any."""
        values = [o for o in self.g.objects(subject, predicate) if isinstance(o, Literal)]
        preferred = [o for o in values if o.language in (None, "en")] or values
        return sorted({squash(str(o)) for o in preferred})

    def text(self, subject, predicate) -> str | None:
        values = self.texts(subject, predicate)
        return values[0] if values else None

    def paragraphs(self, subject, predicate) -> list[str]:
        """Like texts(), but a blank line in the literal starts a new paragraph."""
        values = [o for o in self.g.objects(subject, predicate) if isinstance(o, Literal)]
        preferred = [o for o in values if o.language in (None, "en")] or values
        out: list[str] = []
        for value in sorted({str(o) for o in preferred}):
            out += [squash(p) for p in re.split(r"\n\s*\n", value) if p.strip()]
        return out

    def label(self, term) -> str:
        return self.text(term, RDFS.label) or (self.local(term) if isinstance(term, URIRef) else "")

    def objects(self, subject, predicate) -> list:
        return sorted(set(self.g.objects(subject, predicate)), key=self._node_key)

    def subjects(self, predicate, obj) -> list:
        return sorted(set(self.g.subjects(predicate, obj)), key=self._node_key)

    def _node_key(self, node) -> tuple:
        if isinstance(node, URIRef):
            return (0,) + self.sort_key(node)
        if isinstance(node, Literal):
            return (1, str(node), str(node.datatype or ""), node.language or "")
        return (2, self.expression_text(node))

    def members(self, node) -> list:
        """The items of an RDF list."""
        return list(Collection(self.g, node))

    def named(self, expression) -> list[URIRef]:
        """The named classes a domain or range covers: itself, or the members of a union."""
        if isinstance(expression, URIRef):
            return [expression]
        union = self.g.value(expression, OWL.unionOf)
        if union is not None:
            return [m for item in self.members(union) for m in self.named(item)]
        return []

    def expression_text(self, node) -> str:
        """A plain-text rendering of a class expression (used for sorting blank nodes)."""
        if isinstance(node, URIRef):
            return self.curie(node)
        for key, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            items = self.g.value(node, key)
            if items is not None:
                return "(" + word.join(self.expression_text(m) for m in self.members(items)) + ")"
        return str(sorted(str(p) + " " + str(o) for p, o in self.g.predicate_objects(node) if not isinstance(o, BNode)))

    # --- structure --------------------------------------------------------------------
    def superclasses(self, cls: URIRef) -> list:
        return self.objects(cls, RDFS.subClassOf)

    def subclasses(self, cls: URIRef) -> list[URIRef]:
        return [s for s in self.subjects(RDFS.subClassOf, cls) if isinstance(s, URIRef)]

    def ancestors(self, cls: URIRef) -> list[URIRef]:
        """All named superclasses, nearest first (breadth first), without repeats."""
        seen: list[URIRef] = []
        frontier = [cls]
        while frontier:
            nxt = []
            for c in frontier:
                for sup in self.superclasses(c):
                    if isinstance(sup, URIRef) and sup not in seen and sup != cls:
                        seen.append(sup)
                        nxt.append(sup)
            frontier = nxt
        return seen

    def descendants(self, cls: URIRef) -> list[URIRef]:
        out: set[URIRef] = set()
        frontier = [cls]
        while frontier:
            nxt = [s for c in frontier for s in self.subclasses(c) if s not in out]
            out.update(nxt)
            frontier = nxt
        return sorted(out, key=self.sort_key)

    def disjoint_with(self, cls: URIRef) -> list[URIRef]:
        found = set(self.g.objects(cls, OWL.disjointWith)) | set(self.g.subjects(OWL.disjointWith, cls))
        for axiom in self.g.subjects(RDF.type, OWL.AllDisjointClasses):
            for lst in self.g.objects(axiom, OWL.members):
                items = self.members(lst)
                if cls in items:
                    found.update(items)
        found.discard(cls)
        return sorted((c for c in found if isinstance(c, URIRef)), key=self.sort_key)

    def all_properties(self) -> list[URIRef]:
        return sorted({p for props in self.properties.values() for p in props}, key=self.sort_key)

    def with_domain(self, cls: URIRef) -> list[URIRef]:
        return [p for p in self.all_properties() if any(cls in self.named(d) for d in self.g.objects(p, RDFS.domain))]

    def with_range(self, cls: URIRef) -> list[URIRef]:
        return [p for p in self.all_properties() if any(cls in self.named(r) for r in self.g.objects(p, RDFS.range))]

    def kind_of(self, prop: URIRef) -> str:
        for kind, _, _, word in PROPERTY_KINDS:
            if (prop, RDF.type, kind) in self.g:
                return word
        return "property"

    def is_single_valued(self, prop: URIRef) -> bool:
        return any(isinstance(v, Literal) and v.toPython() is True for v in self.g.objects(prop, SINGLE_VALUED))

    def event_classes(self) -> list[URIRef]:
        """Subclasses of dg:Event carrying a PLOVER or CAMEO code (the rows of the code table)."""
        coded = (PLOVER_TYPE, PLOVER_MODE, PLOVER_CONTEXT, CAMEO_CODE)
        return [c for c in self.descendants(DG.Event) if self.is_dg(c) and any((c, p, None) in self.g for p in coded)]

    def external_declared(self) -> list[tuple[URIRef, str]]:
        out = []
        kinds = ((OWL.Class, "class"),) + tuple((k, w) for k, _, _, w in PROPERTY_KINDS)
        for kind, word in kinds:
            for s in set(self.g.subjects(RDF.type, kind)):
                if isinstance(s, URIRef) and not self.is_dg(s):
                    out.append((s, word))
        return sorted(out, key=lambda x: (self.curie(x[0]).casefold(), x[1]))
