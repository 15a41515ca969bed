"""The HTML page of the ontology documentation: :class:`Renderer` turns an
:class:`~graph.docs_ontology.Ontology` into ``index.html`` (header, contents, one section per class,
property and named individual, the PLOVER / CAMEO code table, also as CSV) around the diagram's SVG.

Every text taken from the ontology is HTML-escaped; the project's one stylesheet is inlined, so
the page fetches nothing.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from diplograph import ontology as onto

from .docs_ontology import (
    CAMEO_CODE,
    PLOVER_CONTEXT,
    PLOVER_MODE,
    PLOVER_TYPE,
    PROPERTY_KINDS,
    Ontology,
)

DCT = Namespace(onto.PREFIXES["dct"])
VANN = Namespace("http://purl.org/vocab/vann/")

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
        meta.append(("Download", ('<a href="diplograph.ttl">Turtle</a> · <a href="diplograph.nt">N-Triples</a>'
                     ' · <a href="event-codes.csv">event codes (CSV)</a> · <a href="diagram.svg">diagram (SVG)</a>')))
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
