"""Ontology documentation: a self-contained static site generated from ``diplograph.ttl``.

pyLODE needs Python >= 3.12; this project runs on 3.11, so this module does the same job
with rdflib alone.  :func:`write_docs` writes into one folder:

* ``index.html``: the ontology header (title, IRI, version, licence, description), a table of
  contents, a diagram of the core model (an inline SVG drawn here, no Graphviz), the
  namespaces, one section per class and per property (anchor id = local name), the table of
  PLOVER / CAMEO codes of the event classes and the external terms the ontology aligns to;
* ``diplograph.ttl`` (the ontology file as it is) and ``diplograph.nt`` (canonical, sorted
  N-Triples), ``event-codes.csv`` (the code table) and ``diagram.svg`` (the diagram alone).

The page fetches nothing: no JavaScript, inline CSS only (the project's one stylesheet,
``graph/web/static/diplograph.css``, which the server's pages link to).  Every text taken from the
ontology is HTML-escaped, and the output is deterministic (everything sorted, no dates), so
the same ontology gives byte-identical files.

``python -m diplograph.graph.docs OUTPUT_DIR [ONTOLOGY.ttl]`` runs it from the shell.
"""

from __future__ import annotations

import csv
import html
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from diplograph import ontology as onto

DCT = Namespace(onto.PREFIXES["dct"])
VANN = Namespace("http://purl.org/vocab/vann/")
DG = Namespace(onto.DG)

#: Annotation properties on event classes (their codes in PLOVER and CAMEO).
PLOVER_TYPE, PLOVER_MODE, PLOVER_CONTEXT, CAMEO_CODE = (
    DG.ploverEventType, DG.ploverMode, DG.ploverContext, DG.cameoCode,
)
SINGLE_VALUED = DG.singleValued

#: Alignment annotations, in the order they are shown.
ALIGNMENTS = (
    (SKOS.exactMatch, "exact match"),
    (SKOS.closeMatch, "close match"),
    (SKOS.broadMatch, "broader match"),
    (SKOS.narrowMatch, "narrower match"),
    (SKOS.relatedMatch, "related match"),
    (OWL.equivalentClass, "equivalent class"),
    (OWL.equivalentProperty, "equivalent property"),
    (RDFS.seeAlso, "see also"),
)

CHARACTERISTICS = (
    (OWL.FunctionalProperty, "functional"),
    (OWL.InverseFunctionalProperty, "inverse functional"),
    (OWL.TransitiveProperty, "transitive"),
    (OWL.SymmetricProperty, "symmetric"),
    (OWL.AsymmetricProperty, "asymmetric"),
    (OWL.ReflexiveProperty, "reflexive"),
    (OWL.IrreflexiveProperty, "irreflexive"),
)

PROPERTY_KINDS = (
    (OWL.ObjectProperty, "objectproperties", "Object properties", "object property"),
    (OWL.DatatypeProperty, "datatypeproperties", "Datatype properties", "datatype property"),
    (OWL.AnnotationProperty, "annotationproperties", "Annotation properties", "annotation property"),
)

CLASS_GROUPS = (
    ("Actors", onto.ACTOR_CLASSES),
    ("Places", onto.PLACE_CLASSES),
    ("Offices", onto.OFFICE_CLASSES),
    ("Legal instruments", onto.LEGAL_CLASSES),
    ("Events", onto.EVENT_GROUP_CLASSES + onto.EVENT_CLASSES),
    ("Provenance", onto.PROVENANCE_CLASSES),
)

LICENCES = {
    "https://creativecommons.org/licenses/by/4.0/": "Creative Commons Attribution 4.0 (CC BY 4.0)",
    "http://creativecommons.org/licenses/by/4.0/": "Creative Commons Attribution 4.0 (CC BY 4.0)",
    "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
}

#: Section ids of the page; term anchors are local names, which never contain a hyphen.
SECTION_IDS = ("sec-overview", "sec-diagram", "sec-namespaces", "sec-classes", "sec-individuals", "sec-codes",
               "sec-external")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def squash(text: str) -> str:
    """Whitespace collapsed: how a text of the ontology is shown (and compared in the tests)."""
    return " ".join(text.split())


# =====================================================================================
#  Reading the ontology
# =====================================================================================


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


# =====================================================================================
#  HTML rendering
# =====================================================================================


class Renderer:
    def __init__(self, ont: Ontology) -> None:
        self.o = ont

    # --- inline pieces ----------------------------------------------------------------
    def ref(self, term) -> str:
        """A link to a term: its section for dg: terms, its IRI for external ones."""
        o = self.o
        if isinstance(term, BNode):
            return self.expression(term)
        if isinstance(term, Literal):
            return f"<code>{esc(term)}</code>"
        if o.is_dg(term) and o.local(term) in o.terms:
            return (f'<a class="t" href="#{esc(o.local(term))}" title="{esc(o.label(term))}">'
                    f"dg:{esc(o.local(term))}</a>")
        title = o.text(term, RDFS.label)
        title_attr = f' title="{esc(title)}"' if title else ""
        return f'<a class="t ext" href="{esc(term)}"{title_attr}>{esc(o.curie(term))}</a>'

    def expression(self, node) -> str:
        o = self.o
        if not isinstance(node, BNode):
            return self.ref(node)
        for key, word in ((OWL.unionOf, "or"), (OWL.intersectionOf, "and")):
            items = o.g.value(node, key)
            if items is not None:
                inner = f' <span class="kw">{word}</span> '.join(self.expression(m) for m in o.members(items))
                return f"({inner})"
        value = o.g.value(node, OWL.complementOf)
        if value is not None:
            return f'<span class="kw">not</span> {self.expression(value)}'
        items = o.g.value(node, OWL.oneOf)
        if items is not None:
            return "{" + ", ".join(self.ref(m) for m in o.members(items)) + "}"
        prop = o.g.value(node, OWL.onProperty)
        if prop is not None:
            for key, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"), (OWL.hasValue, "value")):
                value = o.g.value(node, key)
                if value is not None:
                    return f'({self.ref(prop)} <span class="kw">{word}</span> {self.expression(value)})'
            for key, word in (
                (OWL.minCardinality, "min"), (OWL.maxCardinality, "max"), (OWL.cardinality, "exactly"),
                (OWL.minQualifiedCardinality, "min"), (OWL.maxQualifiedCardinality, "max"),
                (OWL.qualifiedCardinality, "exactly"),
            ):
                value = o.g.value(node, key)
                if value is not None:
                    on = o.g.value(node, OWL.onClass) or o.g.value(node, OWL.onDataRange)
                    tail = f" {self.expression(on)}" if on is not None else ""
                    return f'({self.ref(prop)} <span class="kw">{word}</span> {esc(value)}{tail})'
        return '<span class="kw">(anonymous expression)</span>'

    def prose(self, text: str) -> str:
        """Escaped text; `code` spans become <code>, dg:Names of declared terms become links."""
        out = esc(text)
        out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)

        def link(m: re.Match) -> str:
            name = m.group(1)
            if name in self.o.terms:
                return f'<a class="t" href="#{name}">dg:{name}</a>'
            return m.group(0)

        return re.sub(r"(?<![\w/#:-])dg:([A-Za-z][A-Za-z0-9]*)", link, out)

    def refs(self, terms) -> str:
        return ", ".join(self.ref(t) for t in terms) if terms else '<span class="none">—</span>'

    @staticmethod
    def row(head: str, body: str) -> str:
        return f"<tr><th>{head}</th><td>{body}</td></tr>\n"

    def alignments(self, term, external_supers: list, sup_word: str) -> str:
        o = self.o
        items = [f'{sup_word} {self.ref(s)}' for s in external_supers]
        for prop, word in ALIGNMENTS:
            for value in o.objects(term, prop):
                items.append(f"{word} {self.ref(value)}")
        return "<ul class=\"plain\">" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""

    def codes(self, values: list[str]) -> str:
        return ", ".join(f"<code>{esc(v)}</code>" for v in values) if values else '<span class="none">—</span>'

    # --- sections ---------------------------------------------------------------------
    def class_section(self, cls: URIRef) -> str:
        o = self.o
        rows = [self.row("IRI", f"<code>{esc(cls)}</code>")]
        definition = o.texts(cls, SKOS.definition)
        if definition:
            rows.append(self.row("Definition", " ".join(f'<span class="def">{self.prose(d)}</span>' for d in definition)))
        for comment in o.texts(cls, RDFS.comment):
            rows.append(self.row("Comment", self.prose(comment)))
        supers = o.superclasses(cls)
        rows.append(self.row("Superclasses", self.refs(supers)))
        rows.append(self.row("Subclasses", self.refs(o.subclasses(cls))))
        disjoint = o.disjoint_with(cls)
        if disjoint:
            rows.append(self.row("Disjoint with", self.refs(disjoint)))
        external = [s for s in supers if isinstance(s, URIRef) and not o.is_dg(s)]
        aligned = self.alignments(cls, external, "subclass of")
        if aligned:
            rows.append(self.row("Alignments", aligned))
        plover = [
            ("type", o.texts(cls, PLOVER_TYPE)),
            ("mode", o.texts(cls, PLOVER_MODE)),
            ("context", o.texts(cls, PLOVER_CONTEXT)),
        ]
        cameo = o.texts(cls, CAMEO_CODE)
        if any(values for _, values in plover) or cameo:
            body = "<br>".join(f'<span class="k">{k}</span> {self.codes(v)}' for k, v in plover)
            rows.append(self.row("PLOVER", body))
            rows.append(self.row("CAMEO code", self.codes(cameo)))
        rows.append(self.row("In domain of", self.refs(o.with_domain(cls))))
        rows.append(self.row("In range of", self.refs(o.with_range(cls))))
        inherited = []
        for anc in o.ancestors(cls):
            props = o.with_domain(anc)
            if props and o.is_dg(anc):
                inherited.append(f"from {self.ref(anc)}: {self.refs(props)}")
        if inherited:
            rows.append(self.row("Inherited (domain of a superclass)", "<br>".join(inherited)))
        return self.term_section(cls, "class", rows)

    def property_section(self, prop: URIRef) -> str:
        o = self.o
        kind = o.kind_of(prop)
        rows = [self.row("IRI", f"<code>{esc(prop)}</code>")]
        definition = o.texts(prop, SKOS.definition)
        if definition:
            rows.append(self.row("Definition", " ".join(f'<span class="def">{self.prose(d)}</span>' for d in definition)))
        for comment in o.texts(prop, RDFS.comment):
            rows.append(self.row("Comment", self.prose(comment)))
        if kind != "annotation property" or (prop, RDFS.domain, None) in o.g:
            rows.append(self.row("Domain", self.refs(o.objects(prop, RDFS.domain))))
        if kind != "annotation property" or (prop, RDFS.range, None) in o.g:
            rows.append(self.row("Range", self.refs(o.objects(prop, RDFS.range))))
        supers = o.objects(prop, RDFS.subPropertyOf)
        rows.append(self.row("Super-properties", self.refs(supers)))
        subs = [s for s in o.subjects(RDFS.subPropertyOf, prop) if isinstance(s, URIRef)]
        if subs:
            rows.append(self.row("Sub-properties", self.refs(subs)))
        inverse = o.objects(prop, OWL.inverseOf) + o.subjects(OWL.inverseOf, prop)
        if inverse:
            rows.append(self.row("Inverse of", self.refs(inverse)))
        if kind != "annotation property":
            chars = [word for klass, word in CHARACTERISTICS if (prop, RDF.type, klass) in o.g]
            rows.append(self.row("Characteristics", esc(", ".join(chars)) if chars else '<span class="none">—</span>'))
        external = [s for s in supers if isinstance(s, URIRef) and not o.is_dg(s)]
        aligned = self.alignments(prop, external, "sub-property of")
        if aligned:
            rows.append(self.row("Alignments", aligned))
        if kind != "annotation property":
            if o.is_single_valued(prop):
                single = ('<strong>yes</strong> (<code>dg:singleValued true</code>): different values stated by '
                          "different sources for the same subject are a disagreement, compared and reported by "
                          "<code>diplograph conflicts</code>")
            else:
                single = "no: not compared by <code>diplograph conflicts</code>"
            rows.append(self.row("Single valued", single))
        return self.term_section(prop, kind, rows)

    def individual_section(self, term: URIRef) -> str:
        o = self.o
        rows = [self.row("IRI", f"<code>{esc(term)}</code>"),
                self.row("Type", self.refs([t for t in o.objects(term, RDF.type) if t != OWL.NamedIndividual]))]
        for d in o.texts(term, SKOS.definition):
            rows.append(self.row("Definition", f'<span class="def">{self.prose(d)}</span>'))
        for notation in o.texts(term, SKOS.notation):
            rows.append(self.row("Notation", f"<code>{esc(notation)}</code> (the word <code>corpus/curation.yaml</code> uses)"))
        reason_for = o.objects(term, URIRef(onto.DG + "reasonFor"))
        if reason_for:
            rows.append(self.row("Reason for", self.refs(reason_for)))
        aligned = self.alignments(term, [], "")
        if aligned:
            rows.append(self.row("Alignments", aligned))
        return self.term_section(term, "named individual", rows)

    def term_section(self, term: URIRef, kind: str, rows: list[str]) -> str:
        o = self.o
        name = esc(o.local(term))
        return (
            f'<section class="term" id="{name}">\n'
            f'<h3><a class="anchor" href="#{name}">dg:{name}</a> <span class="label">{esc(o.label(term))}</span>'
            f' <span class="kind">{esc(kind)}</span></h3>\n'
            f'<table class="facts">\n{"".join(rows)}</table>\n</section>\n'
        )

    def code_rows(self) -> list[tuple[URIRef, URIRef | None, list[str], list[str], list[str], list[str]]]:
        o = self.o
        rows = []
        for cls in o.event_classes():
            group = next((s for s in o.superclasses(cls) if o.is_dg(s)), None)
            rows.append((cls, group, o.texts(cls, PLOVER_TYPE), o.texts(cls, PLOVER_MODE),
                         o.texts(cls, PLOVER_CONTEXT), o.texts(cls, CAMEO_CODE)))
        rows.sort(key=lambda r: ((o.sort_key(r[1]) if r[1] is not None else ("", "")), o.sort_key(r[0])))
        return rows

    def code_table(self) -> str:
        body = []
        for cls, group, ptype, mode, context, cameo in self.code_rows():
            body.append(
                f"<tr><td>{self.ref(cls)}</td><td>{self.ref(group) if group is not None else ''}</td>"
                f"<td>{self.codes(ptype)}</td><td>{self.codes(mode)}</td><td>{self.codes(context)}</td>"
                f"<td>{self.codes(cameo)}</td></tr>\n"
            )
        return (
            '<table class="grid codes">\n<thead><tr><th>event class</th><th>group</th><th>PLOVER type</th>'
            "<th>PLOVER mode</th><th>PLOVER context</th><th>CAMEO code</th></tr></thead>\n<tbody>\n"
            + "".join(body) + "</tbody>\n</table>\n"
        )

    def code_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["class", "iri", "group", "plover_event_type", "plover_mode", "plover_context", "cameo_code"])
        o = self.o
        for cls, group, ptype, mode, context, cameo in self.code_rows():
            writer.writerow([
                f"dg:{o.local(cls)}", str(cls), f"dg:{o.local(group)}" if group is not None else "",
                "|".join(ptype), "|".join(mode), "|".join(context), "|".join(cameo),
            ])
        return buf.getvalue()

    # --- the page ---------------------------------------------------------------------
    def class_groups(self) -> list[tuple[str, str, list[URIRef]]]:
        o = self.o
        placed: set[URIRef] = set()
        groups = []
        for title, names in CLASS_GROUPS:
            members = [c for c in o.classes if o.local(c) in names]
            placed.update(members)
            if members:
                groups.append((title, "cls-" + re.sub(r"\W+", "-", title.lower()), members))
        rest = [c for c in o.classes if c not in placed]
        if rest:
            groups.append(("Other classes", "cls-other", rest))
        return groups

    def page(self, svg: str) -> str:
        o = self.o
        g = o.g
        title = o.text(o.iri, DCT.title) or o.label(o.iri) or "Ontology"
        version = o.text(o.iri, OWL.versionInfo)
        version_iri = g.value(o.iri, OWL.versionIRI)
        licences = o.objects(o.iri, DCT.license)
        created = o.text(o.iri, DCT.created)
        prefix = o.text(o.iri, VANN.preferredNamespacePrefix)
        namespace = o.text(o.iri, VANN.preferredNamespaceUri)

        meta = [("IRI", f"<code>{esc(o.iri)}</code>")]
        if version or version_iri is not None:
            v = esc(version or "")
            if version_iri is not None:
                v += f' (<code>{esc(version_iri)}</code>)'
            meta.append(("Version", v))
        if licences:
            meta.append(("Licence", ", ".join(
                f'<a href="{esc(lic)}">{esc(LICENCES.get(str(lic), str(lic)))}</a>' for lic in licences)))
        if created:
            meta.append(("Created", esc(created)))
        if prefix or namespace:
            meta.append(("Namespace", f"<code>{esc(prefix or '')}:</code> <code>{esc(namespace or '')}</code>"))
        meta.append(("Download", '<a href="diplograph.ttl">Turtle</a> · <a href="diplograph.nt">N-Triples</a>'
                     ' · <a href="event-codes.csv">event codes (CSV)</a> · <a href="diagram.svg">diagram (SVG)</a>'))
        counts = [(len(o.classes), "classes")] + [
            (len(o.properties[kind]), plural.lower()) for kind, _, plural, _ in PROPERTY_KINDS
        ]
        meta.append(("Terms", esc(", ".join(f"{n} {w}" for n, w in counts))))
        header = "".join(f"<dt>{k}</dt><dd>{v}</dd>\n" for k, v in meta)

        groups = self.class_groups()
        toc = ['<nav id="toc" aria-label="Contents"><h2>Contents</h2>\n<ol class="toc">\n',
               '<li><a href="#sec-overview">Overview</a></li>\n',
               '<li><a href="#sec-diagram">The core model (diagram)</a></li>\n',
               '<li><a href="#sec-namespaces">Namespaces</a></li>\n',
               '<li><a href="#sec-classes">Classes</a><ul>\n']
        for gtitle, gid, members in groups:
            toc.append(f'<li><a href="#{gid}">{esc(gtitle)}</a>: '
                       + ", ".join(f'<a href="#{esc(o.local(c))}">{esc(o.local(c))}</a>' for c in members)
                       + "</li>\n")
        toc.append("</ul></li>\n")
        for kind, sid, plural, _ in PROPERTY_KINDS:
            props = o.properties[kind]
            toc.append(f'<li><a href="#{sid}">{esc(plural)}</a>: '
                       + ", ".join(f'<a href="#{esc(o.local(p))}">{esc(o.local(p))}</a>' for p in props)
                       + "</li>\n")
        toc.append('<li><a href="#sec-individuals">Named individuals</a>: '
                   + ", ".join(f'<a href="#{esc(o.local(i))}">{esc(o.local(i))}</a>' for i in o.individuals) + "</li>\n")
        toc.append('<li><a href="#sec-codes">Event codes (PLOVER, CAMEO)</a></li>\n')
        toc.append('<li><a href="#sec-external">External terms</a></li>\n</ol></nav>\n')

        overview = "".join(f"<p>{self.prose(p)}</p>\n" for p in o.paragraphs(o.iri, DCT.description))
        overview += "".join(f'<p class="note">{self.prose(p)}</p>\n' for p in o.paragraphs(o.iri, RDFS.comment))

        ns_rows = "".join(
            f"<tr><td><code>{esc(p)}:</code></td><td><code>{esc(ns)}</code></td><td>{note}</td></tr>\n"
            for p, ns, note in sorted(
                [(p, ns, "") for p, ns in onto.PREFIXES.items()]
                + [(p, ns, "used in the ontology file only") for p, ns in o.extra_prefixes.items()]
            )
        )

        class_html = []
        for gtitle, gid, members in groups:
            class_html.append(f'<h3 class="group" id="{gid}">{esc(gtitle)}</h3>\n')
            class_html += [self.class_section(c) for c in members]

        prop_html = []
        for kind, sid, plural, _ in PROPERTY_KINDS:
            prop_html.append(f'<section class="kind-group" id="{sid}">\n<h2>{esc(plural)}</h2>\n')
            prop_html += [self.property_section(p) for p in o.properties[kind]]
            prop_html.append("</section>\n")

        ext_rows = "".join(
            f"<tr><td>{self.ref(t)}</td><td>{esc(kind)}</td><td>{esc(o.text(t, RDFS.label) or '')}</td>"
            f"<td><code>{esc(t)}</code></td></tr>\n"
            for t, kind in o.external_declared()
        )

        return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="diplograph graph/docs.py">
<title>{esc(title)}</title>
<link rel="alternate" type="text/turtle" href="diplograph.ttl">
<style>
{CSS}</style>
</head>
<body class="docs">
<header>
<h1>{esc(title)}</h1>
<dl class="meta">
{header}</dl>
</header>
<main>
{"".join(toc)}
<section id="sec-overview">
<h2>Overview</h2>
{overview}</section>
<section id="sec-diagram">
<h2>The core model</h2>
<p>Boxes are classes (click one for its section), solid arrows are properties from their domain
to their range, hollow-headed arrows mean “subclass of”.  <a class="t" href="#agent">dg:agent</a>,
<a class="t" href="#target">dg:target</a> and <a class="t" href="#holder">dg:holder</a> may point to any
<a class="t" href="#Actor">dg:Actor</a> (state, person, organization, group): the diagram shows the typical
one.  Every fact triple is also a <a class="t" href="#Claim">dg:Claim</a> of one source, whose
<code>rdf:subject</code> is the event, tenure or entity the fact is about.</p>
<figure class="diagram">
{svg}<figcaption>The core of the diplograph model (five of the {len(o.event_classes())} coded event classes shown).</figcaption>
</figure>
</section>
<section id="sec-namespaces">
<h2>Namespaces</h2>
<p>The prefixes used on this page, in the stored queries and in the data
(<code>ontology.PREFIXES</code>).</p>
<table class="grid">
<thead><tr><th>prefix</th><th>namespace</th><th></th></tr></thead>
<tbody>
{ns_rows}</tbody>
</table>
</section>
<section id="sec-classes">
<h2>Classes</h2>
{"".join(class_html)}</section>
{"".join(prop_html)}<section id="sec-individuals">
<h2>Named individuals</h2>
<p>The curators' ranks of claims and the reasons they give (graph <code>dgg:curation</code>), after Wikidata's
statement ranks.</p>
{"".join(self.individual_section(i) for i in o.individuals)}</section>
<section id="sec-codes">
<h2>Event codes (PLOVER, CAMEO)</h2>
<p>Every coded event class with its PLOVER event type, mode and context
(<a class="t" href="#ploverEventType">dg:ploverEventType</a>, <a class="t" href="#ploverMode">dg:ploverMode</a>,
<a class="t" href="#ploverContext">dg:ploverContext</a>) and its CAMEO code
(<a class="t" href="#cameoCode">dg:cameoCode</a>), to join diplograph events with GDELT (CAMEO) or
POLECAT (PLOVER) data.  The same table as CSV: <a href="event-codes.csv">event-codes.csv</a>.
Where a coding is a judgement or the sources of the codes disagree, the class's comment says so.</p>
{self.code_table()}</section>
<section id="sec-external">
<h2>External terms</h2>
<p>Terms of other vocabularies that the ontology declares (so that it is OWL 2 DL without imports)
and aligns to.</p>
<table class="grid">
<thead><tr><th>term</th><th>kind</th><th>label</th><th>IRI</th></tr></thead>
<tbody>
{ext_rows}</tbody>
</table>
</section>
</main>
<footer><p>Generated from <a href="diplograph.ttl">diplograph.ttl</a> by diplograph’s <code>graph/docs.py</code>.</p></footer>
</body>
</html>
"""


#: the project's one stylesheet, shared with the server's pages, inlined so the page fetches nothing
CSS_PATH = Path(__file__).resolve().parent / "web" / "static" / "diplograph.css"
CSS = CSS_PATH.read_text(encoding="utf-8")


# =====================================================================================
#  The diagram of the core model (inline SVG, fixed layout)
# =====================================================================================

WIDTH, HEIGHT = 1280, 800
BOX_W, BOX_H = 190, 52
SUB_W, SUB_H = 236, 44
BUS_X = 975          # the vertical line that gathers the event subclasses
LABEL_FONT = 12      # px, edge labels
CHAR_W = 0.62        # estimated average glyph width, in em (generous for DejaVu Sans)

STYLES = {
    "prov": ("#fff6d6", "#a07800"),
    "event": ("#dbeafe", "#1d4ed8"),
    "actor": ("#dcfce7", "#15803d"),
    "office": ("#ede9fe", "#6d28d9"),
    "place": ("#ffedd5", "#c2410c"),
    "legal": ("#eef2f6", "#475569"),
    "date": ("#fce7f3", "#be185d"),
}

#: name -> (centre x, centre y, style); the event subclasses are added below.
NODES: dict[str, tuple[float, float, str]] = {
    "Source": (150, 80, "prov"),
    "Claim": (640, 190, "prov"),
    "Mention": (1130, 80, "prov"),
    "LegalInstrument": (150, 200, "legal"),
    "Provision": (150, 320, "legal"),
    "Tenure": (150, 450, "office"),
    "Event": (640, 450, "event"),
    "DateValue": (1130, 200, "date"),
    "Post": (150, 650, "office"),
    "Person": (400, 650, "actor"),
    "State": (640, 710, "actor"),
    "DiplomaticMission": (1010, 710, "place"),
}
EVENT_SUBCLASSES = ("AsylumGrant", "SeveranceOfRelations", "ExpulsionOfDiplomats", "Arrest", "Statement")
SUB_YS = (330, 390, 450, 510, 570)

#: (from, to, label, perpendicular offset of a parallel edge, label position along the edge,
#:  label shift (dx, dy) off the line)
EDGES: tuple[tuple[str, str, str, float, float, tuple[float, float]], ...] = (
    ("Claim", "Event", "rdf:subject", 0, 0.5, (0, 0)),
    ("Claim", "Source", "dg:source", 0, 0.5, (0, 0)),
    ("Claim", "Mention", "dg:evidence", 0, 0.5, (0, 0)),
    ("Mention", "Source", "dg:inSource", 0, 0.5, (0, 0)),
    ("Event", "State", "dg:agent", 0, 0.45, (0, 0)),
    ("Event", "Person", "dg:target", 0, 0.5, (0, 0)),
    ("Event", "DiplomaticMission", "dg:place", 0, 0.5, (0, 0)),
    ("Event", "DateValue", "dg:onDate", 0, 0.5, (0, 0)),
    ("Event", "Provision", "dg:legalBasis", 0, 0.5, (0, 0)),
    ("Event", "LegalInstrument", "dg:legalBasis", 0, 0.5, (0, 0)),
    ("Provision", "LegalInstrument", "dg:partOf", 0, 0.5, (0, 0)),
    ("Tenure", "Person", "dg:holder", 0, 0.5, (0, 0)),
    ("Tenure", "Post", "dg:post", 0, 0.5, (0, 0)),
    ("Tenure", "Event", "dg:heldAt", 0, 0.5, (0, 0)),
    ("DiplomaticMission", "State", "dg:sendingState", 9, 0.5, (0, -22)),
    ("DiplomaticMission", "State", "dg:receivingState", -9, 0.5, (0, 22)),
)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Rect, margin: float = 0) -> bool:
        return not (self.x + self.w + margin <= other.x or other.x + other.w + margin <= self.x
                    or self.y + self.h + margin <= other.y or other.y + other.h + margin <= self.y)

    def inside(self, width: float, height: float) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and self.y + self.h <= height

    def shrunk(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)


@dataclass
class Node:
    name: str
    rect: Rect
    style: str
    lines: tuple[str, str]


@dataclass
class Edge:
    points: list[tuple[float, float]]
    label: str = ""
    label_rect: Rect | None = None
    label_at: tuple[float, float] = (0, 0)
    ends: tuple[str, ...] = ()            # the nodes it may touch
    marker: str = "arrow"                  # arrow | subclass | none
    dashed: bool = False


@dataclass
class Layout:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    legend: list[tuple[Rect, str]] = field(default_factory=list)


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_W


def _clip(rect: Rect, inside: tuple[float, float], toward: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from a point inside ``rect`` toward another point leaves the rectangle."""
    (x0, y0), (x1, y1) = inside, toward
    dx, dy = x1 - x0, y1 - y0
    ts = []
    if dx:
        ts.append(((rect.x + rect.w if dx > 0 else rect.x) - x0) / dx)
    if dy:
        ts.append(((rect.y + rect.h if dy > 0 else rect.y) - y0) / dy)
    t = min(t for t in ts if t >= 0)
    return (x0 + t * dx, y0 + t * dy)


def _segment_hits(rect: Rect, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Liang-Barsky: does the segment a-b pass through the rectangle?"""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.x), (dx, rect.x + rect.w - x0), (-dy, y0 - rect.y), (dy, rect.y + rect.h - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def diagram_layout(ont: Ontology | None = None) -> Layout:
    """The fixed layout: boxes, edges (as polylines) and label rectangles, in SVG units."""
    layout = Layout()

    def label_of(name: str) -> str:
        if ont is None:
            return name
        return ont.label(DG[name])

    for name, (cx, cy, style) in NODES.items():
        rect = Rect(cx - BOX_W / 2, cy - BOX_H / 2, BOX_W, BOX_H)
        layout.nodes[name] = Node(name, rect, style, (f"dg:{name}", label_of(name)))
    for name, cy in zip(EVENT_SUBCLASSES, SUB_YS):
        cx = NODES["Mention"][0]
        rect = Rect(cx - SUB_W / 2, cy - SUB_H / 2, SUB_W, SUB_H)
        if ont is not None:
            ptype = ont.text(DG[name], PLOVER_TYPE) or "—"
            cameo = ont.text(DG[name], CAMEO_CODE)
            codes = f"PLOVER {ptype}" + (f" · CAMEO {cameo}" if cameo else "")
        else:
            codes = ""
        layout.nodes[name] = Node(name, rect, "event", (f"dg:{name}", codes))

    # Subclass tree: each subclass to the bus, the bus, the bus to dg:Event (hollow head).
    event = layout.nodes["Event"].rect
    for name in EVENT_SUBCLASSES:
        r = layout.nodes[name].rect
        layout.edges.append(Edge([(r.x, r.cy), (BUS_X, r.cy)], ends=(name,), marker="none"))
    first, last = layout.nodes[EVENT_SUBCLASSES[0]].rect, layout.nodes[EVENT_SUBCLASSES[-1]].rect
    layout.edges.append(Edge([(BUS_X, first.cy), (BUS_X, last.cy)], marker="none"))
    layout.edges.append(Edge([(BUS_X, event.cy), (event.x + event.w, event.cy)], ends=("Event",), marker="subclass"))

    for src, dst, label, offset, at, (ldx, ldy) in EDGES:
        a, b = layout.nodes[src].rect, layout.nodes[dst].rect
        (ax, ay), (bx, by) = (a.cx, a.cy), (b.cx, b.cy)
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        nx, ny = -(by - ay) / length * offset, (bx - ax) / length * offset
        p0 = _clip(a, (ax + nx, ay + ny), (bx + nx, by + ny))
        p1 = _clip(b, (bx + nx, by + ny), (ax + nx, ay + ny))
        lx, ly = p0[0] + (p1[0] - p0[0]) * at + ldx, p0[1] + (p1[1] - p0[1]) * at + ldy
        w, h = text_width(label, LABEL_FONT) + 8, LABEL_FONT + 6
        layout.edges.append(Edge([p0, p1], label, Rect(lx - w / 2, ly - h / 2, w, h), (lx, ly), (src, dst)))

    # Legend, bottom left.
    y = HEIGHT - 34
    layout.legend = [
        (Rect(20, y - 10, 560, 26), "legend"),
    ]
    return layout


def layout_problems(layout: Layout) -> list[str]:
    """What would make the diagram hard to read: overlaps of labels, boxes and lines."""
    problems = []
    nodes = list(layout.nodes.values())
    labelled = [e for e in layout.edges if e.label_rect is not None]
    for i, n in enumerate(nodes):
        if not n.rect.inside(WIDTH, HEIGHT):
            problems.append(f"box {n.name} leaves the canvas")
        for m in nodes[i + 1:]:
            if n.rect.overlaps(m.rect, margin=10):
                problems.append(f"boxes {n.name} and {m.name} overlap")
        title, sub = n.lines
        if text_width(title, 13) * 1.08 > n.rect.w - 10 or text_width(sub, 11) > n.rect.w - 10:
            problems.append(f"text of box {n.name} is wider than the box")
        for rect, what in layout.legend:
            if n.rect.overlaps(rect, margin=4):
                problems.append(f"box {n.name} overlaps the {what}")
    for i, e in enumerate(labelled):
        assert e.label_rect is not None
        if not e.label_rect.inside(WIDTH, HEIGHT):
            problems.append(f"label {e.label} leaves the canvas")
        for f in labelled[i + 1:]:
            assert f.label_rect is not None
            if e.label_rect.overlaps(f.label_rect, margin=4):
                problems.append(f"labels {e.label} ({'-'.join(e.ends)}) and {f.label} ({'-'.join(f.ends)}) overlap")
        for n in nodes:
            if e.label_rect.overlaps(n.rect, margin=3):
                problems.append(f"label {e.label} ({'-'.join(e.ends)}) overlaps box {n.name}")
        for f in layout.edges:
            if f is e:
                continue
            for a, b in zip(f.points, f.points[1:]):
                if _segment_hits(e.label_rect, a, b):
                    problems.append(f"label {e.label} ({'-'.join(e.ends)}) lies on the line {'-'.join(f.ends) or 'bus'}")
                    break
        for rect, what in layout.legend:
            if e.label_rect.overlaps(rect, margin=4):
                problems.append(f"label {e.label} overlaps the {what}")
    for e in layout.edges:
        for a, b in zip(e.points, e.points[1:]):
            for n in nodes:
                if n.name in e.ends:
                    continue
                if _segment_hits(n.rect.shrunk(-2), a, b):
                    problems.append(f"line {'-'.join(e.ends) or 'bus'} crosses box {n.name}")
    return sorted(set(problems))


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def diagram_svg(ont: Ontology) -> str:
    layout = diagram_layout(ont)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="diagram-title" font-family="DejaVu Sans, Verdana, sans-serif">\n',
        '<title id="diagram-title">The core classes of the diplograph ontology and the properties between them</title>\n',
        "<defs>\n"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#3b4252"/></marker>\n'
        '<marker id="subclass" viewBox="0 0 14 14" refX="14" refY="7" markerWidth="16" markerHeight="16" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M1,1 L14,7 L1,13 z" fill="#fff" stroke="#1d4ed8" '
        'stroke-width="1.5"/></marker>\n'
        "</defs>\n",
        '<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>\n',
        '<g id="edges" fill="none" stroke-width="1.4">\n',
    ]
    for e in layout.edges:
        d = "M" + " L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in e.points)
        colour = "#1d4ed8" if e.marker in ("subclass", "none") else "#3b4252"
        marker = f' marker-end="url(#{e.marker})"' if e.marker != "none" else ""
        out.append(f'<path d="{d}" stroke="{colour}"{marker}/>\n')
    out.append("</g>\n")
    out.append('<g id="nodes" text-anchor="middle">\n')
    for n in layout.nodes.values():
        fill, stroke = STYLES[n.style]
        r = n.rect
        title, sub = n.lines
        out.append(
            f'<a href="#{esc(n.name)}"><g>'
            f'<rect x="{_fmt(r.x)}" y="{_fmt(r.y)}" width="{_fmt(r.w)}" height="{_fmt(r.h)}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
            f'<text x="{_fmt(r.cx)}" y="{_fmt(r.cy - 3)}" font-size="13" font-weight="bold" fill="#111">{esc(title)}</text>'
            f'<text x="{_fmt(r.cx)}" y="{_fmt(r.cy + 13)}" font-size="11" fill="#444">{esc(sub)}</text>'
            "</g></a>\n"
        )
    out.append("</g>\n")
    out.append(f'<g id="labels" text-anchor="middle" font-size="{LABEL_FONT}" fill="#222">\n')
    for e in layout.edges:
        if e.label_rect is None:
            continue
        r = e.label_rect
        x, y = e.label_at
        out.append(
            f'<rect x="{_fmt(r.x)}" y="{_fmt(r.y)}" width="{_fmt(r.w)}" height="{_fmt(r.h)}" rx="3" fill="#ffffff" '
            f'fill-opacity="0.92"/><text x="{_fmt(x)}" y="{_fmt(y + LABEL_FONT * 0.35)}">{esc(e.label)}</text>\n'
        )
    out.append("</g>\n")
    # Legend.
    y = HEIGHT - 34
    out.append(
        f'<g id="legend" font-size="12" fill="#333">'
        f'<path d="M30,{y} L80,{y}" stroke="#3b4252" stroke-width="1.4" marker-end="url(#arrow)"/>'
        f'<text x="90" y="{y + 4}">property (domain → range)</text>'
        f'<path d="M280,{y} L330,{y}" stroke="#1d4ed8" stroke-width="1.4" fill="none" marker-end="url(#subclass)"/>'
        f'<text x="340" y="{y + 4}">subclass of</text>'
        "</g>\n"
    )
    out.append("</svg>\n")
    return "".join(out)


# =====================================================================================
#  Writing the site
# =====================================================================================


def ntriples(path: Path) -> bytes:
    """The ontology as canonical (RDFC-1.0 blank nodes), sorted N-Triples."""
    dataset = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object)
                         for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS).splitlines()  # default graph only: N-Triples
    return b"\n".join(sorted(lines)) + b"\n"


def write_docs(output_dir: str | Path, ontology_path: Path | None = None) -> Path:
    """Write the documentation site into ``output_dir``; return the path of its index.html."""
    source = Path(ontology_path) if ontology_path is not None else onto.ONTOLOGY_TTL
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    ont = Ontology(source)
    renderer = Renderer(ont)
    svg = diagram_svg(ont)
    index = out / "index.html"
    index.write_text(renderer.page(svg), encoding="utf-8", newline="\n")
    (out / "diagram.svg").write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + svg, encoding="utf-8", newline="\n")
    (out / "event-codes.csv").write_text(renderer.code_csv(), encoding="utf-8", newline="\n")
    (out / "diplograph.ttl").write_bytes(source.read_bytes())
    (out / "diplograph.nt").write_bytes(ntriples(source))
    return index


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or len(args) > 2 or args[0] in ("-h", "--help"):
        print("usage: python -m diplograph.graph.docs OUTPUT_DIR [ONTOLOGY.ttl]", file=sys.stderr)
        return 2
    index = write_docs(args[0], Path(args[1]) if len(args) > 1 else None)
    print(index)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
