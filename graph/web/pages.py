"""Entity, event and source pages (and the home page), rendered in the worker processes from the
store they hold open, read through its ``Backend`` (the embedded store, or a remote SPARQL server).  The page shell is a Jinja2 template (``templates/page.html``, autoescaped);
the tables are built here from escaped values (:func:`esc`)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from diplograph.ontology import PREFIXES

from ..backends import Backend
from ..formats import shorten
from ..queries import StoredQuery

HERE = Path(__file__).resolve().parent
TEMPLATES = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                        trim_blocks=True, lstrip_blocks=True)


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)



_ROLE_ORDER = ["type", "agent", "target", "beneficiary", "place", "onDate", "announcedBy", "legalBasis", "recognizedAs",
               "charge", "penalty", "votesFor", "votesAgainst", "abstentions", "deadline", "office", "candidateFor",
               "onBehalfOf", "quotation"]

EXAMPLE_QUERY = """# Who granted asylum to whom, according to which source?
# Prefixes (dg: dgid: dgg: ev: src: rdf: ...) are predeclared.  The default graph is the union of
# all graphs; GRAPH ?g keeps each source's claims together (one named graph per source).
SELECT DISTINCT ?grant ?grantor ?asylee ?source WHERE {
  GRAPH ?g {
    ?grant a dg:AsylumGrant ; dg:agent ?grantor ; dg:target ?asylee .
    ?claim rdf:subject ?grant ; rdf:predicate rdf:type ; dg:source ?source .
  }
}
ORDER BY ?asylee ?grant ?source
"""


class _Library:
    """The stored queries a page needs (conflicts), passed to the child instead of the whole library."""

    def __init__(self, queries: dict[str, StoredQuery] | None) -> None:
        self.queries = queries or {}

    def get(self, name: str) -> StoredQuery:
        return self.queries[name]


class PageContext:
    """HTML rendering in the child: labels, dates and links looked up in the store, per IRI, with a cache."""

    def __init__(self, backend: Backend, base_iri: str, library: dict | None = None) -> None:
        self.backend = backend
        self.base = base_iri
        self.id_base = base_iri + "id/"
        self.library = _Library(library)
        self._labels: dict[str, str | None] = {}
        self._dates: dict[str, dict | None] = {}

    # queries (values are always bound by the engine)
    def select(self, text: str, **bindings) -> list[dict]:
        return self.backend.select(text, bindings).rows

    def exists(self, iri: NamedNode) -> bool:
        return bool(self.backend.quads_matching(iri, limit=1) or self.backend.quads_matching(object=iri, limit=1))

    # naming
    def label(self, term) -> str | None:
        if not isinstance(term, NamedNode):
            return None
        if term.value not in self._labels:
            rows = self.select("SELECT ?x ?l ?g WHERE { GRAPH ?g { ?x rdfs:label ?l } }", x=term)
            rows.sort(key=lambda r: (r["g"].value != PREFIXES["dgg"] + "registry", r["l"].value))
            self._labels[term.value] = rows[0]["l"].value if rows else None
        return self._labels[term.value]

    def local(self, iri: str) -> str | None:
        return iri[len(self.id_base):] if iri.startswith(self.id_base) else None

    def name(self, term) -> str:
        """A short human name: the label; for minted IRIs without one, their id; else a prefixed name."""
        if isinstance(term, Literal):
            return term.value
        if isinstance(term, BlankNode):
            return f"_:{term.value}"
        local = self.local(term.value)
        if local is not None and local.startswith("source/") and local.count("/") == 1:
            return local[len("source/"):]  # sources go by their id; their title is the tooltip
        label = self.label(term)
        if label:
            return label
        if local is not None:
            kind, _, rest = local.partition("/")
            if kind in ("tenure", "membership", "participation") and "--" in rest:
                a, b = rest.split("--", 1)
                joiner = {"tenure": " as ", "membership": " in ", "participation": " party to "}[kind]
                return f"{self.name(NamedNode(self.id_base + a))}{joiner}{self.name(NamedNode(self.id_base + b))}"
            if kind in ("event", "source") and rest:
                return rest
            return local
        if "#" in term.value and term.value.startswith(PREFIXES["dg"]):
            return term.value.rsplit("#", 1)[1]
        return shorten(term.value)

    def term_name(self, term) -> str:
        """Ontology terms (types, properties) by their local name."""
        if isinstance(term, NamedNode):
            value = term.value
            for cut in ("#", "/"):
                if cut in value and not value.startswith(self.id_base):
                    return value.rsplit(cut, 1)[1] or shorten(value)
        return self.name(term)

    def href(self, iri: str) -> str | None:
        if iri.startswith(self.id_base):
            return "/" + quote(iri[len(self.base):], safe="/-_.~:")
        if iri.startswith(("http://www.wikidata.org/", "https://www.wikidata.org/")):
            return iri.replace("http://", "https://", 1)
        return None

    def link(self, term, text: str | None = None) -> str:
        if isinstance(term, NamedNode):
            href = self.href(term.value)
            shown = esc(text if text is not None else self.name(term))
            if href:
                return f'<a href="{esc(href)}" title="{esc(term.value)}">{shown}</a>'
            return f'<span title="{esc(term.value)}">{shown}</span>'
        return esc(text if text is not None else self.name(term))

    def source_link(self, source) -> str:
        return f'<a class=src href="{esc(self.href(source.value) or "")}" title="{esc(self.label(source) or "")}">' \
               f'{esc(self.name(source))}</a>'

    # dates
    def date(self, term) -> dict | None:
        if not isinstance(term, NamedNode):
            return None
        if term.value not in self._dates:
            rows = self.select("""SELECT ?d ?v ?phrase ?qualifier ?weekday ?inferred ?basis WHERE { GRAPH ?g {
                ?d a dg:DateValue . OPTIONAL { ?d dg:dateValue ?v } OPTIONAL { ?d dg:datePhrase ?phrase }
                OPTIONAL { ?d dg:dateQualifier ?qualifier } OPTIONAL { ?d dg:weekday ?weekday }
                OPTIONAL { ?d dg:inferred ?inferred } OPTIONAL { ?d dg:dateBasis ?basis } } } LIMIT 1""", d=term)
            self._dates[term.value] = {k: v.value for k, v in rows[0].items() if k != "d"} if rows else None
        return self._dates[term.value]

    def date_text(self, info: dict) -> str:
        value = info.get("v")
        if value and info.get("qualifier"):
            value = f"{info['qualifier']} {value}"
        out = f"<b>{esc(value)}</b>" if value else '<span class=muted>unresolved</span>'
        if info.get("phrase"):
            out += f' <span class=muted>“{esc(info["phrase"])}”</span>'
        elif info.get("weekday"):
            out += f' <span class=muted>({esc(info["weekday"])})</span>'
        if info.get("inferred") == "true":
            out += f' <span class="muted small">inferred{": " + esc(info["basis"]) if info.get("basis") else ""}</span>'
        return out

    def value(self, term) -> str:
        """An object for people: a date as its value and phrase, an IRI as a link, a literal as text."""
        info = self.date(term)
        if info is not None:
            return self.date_text(info)
        if isinstance(term, Literal):
            text = esc(term.value)
            if term.language and term.language != "en":
                text += f' <span class="muted small">@{esc(term.language)}</span>'
            return text
        return self.link(term)

    # page shell
    def page(self, title: str, body: str, alternates: str = "", kind: str = "page") -> bytes:
        return TEMPLATES.get_template("page.html").render(
            title=title, body=Markup(body), alternates=Markup(alternates), kind=kind).encode("utf-8")

    def _formats_line(self, iri: str) -> tuple[str, str]:
        href = self.href(iri) or ""
        links = " · ".join(f'<a href="{esc(href)}?format={f}">{label}</a>' for f, label in
                           (("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("trig", "TriG"), ("nquads", "N-Quads")))
        alternates = "".join(f'<link rel=alternate type="{m}" href="{esc(href)}?format={f}">' for f, m in
                             (("turtle", "text/turtle"), ("jsonld", "application/ld+json"), ("trig", "application/trig")))
        return links, alternates

    # tables of results
    def solutions_table(self, solutions) -> str:
        names = [v.value for v in solutions.variables]
        rows = list(solutions)
        head = "".join(f"<th>{esc(n)}</th>" for n in names)
        body = []
        for s in rows:
            cells = []
            for n in names:
                term = s[n]
                cells.append("<td></td>" if term is None else f"<td>{self.cell(term)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        count = f"<p class=muted>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
        return count + f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"

    def triples_table(self, triples: list[Triple]) -> str:
        body = "".join(f"<tr><td>{self.cell(t.subject)}</td><td>{esc(shorten(t.predicate.value))}</td>"
                       f"<td>{self.cell(t.object)}</td></tr>" for t in triples)
        return (f"<p class=muted>{len(triples)} triples</p><table><thead><tr><th>subject</th><th>predicate</th>"
                f"<th>object</th></tr></thead><tbody>{body}</tbody></table>")

    def cell(self, term) -> str:
        if isinstance(term, NamedNode):
            short = shorten(term.value)
            if short.startswith("src:"):
                return self.link(term, short)  # sources by their id (the title is the tooltip)
            label = self.label(term)
            text = f"{label} ({short})" if label else short
            return self.link(term, text)
        return self.value(term) if isinstance(term, Literal) else esc(str(term))

    def stored_query_intro(self, query: StoredQuery, job: dict) -> str:
        values = job.get("values", {})
        inputs = "".join(
            f'<label>{esc(p.name)}{"*" if p.required else ""} <input name="{esc(p.name)}" '
            f'value="{esc(values.get(p.name, ""))}" placeholder="{esc("" if p.example is None else p.example)}" '
            f'title="{esc(p.description)} ({esc(p.type)})"></label>' for p in query.params)
        form = (f'<form class=params method=get action="/queries/{esc(query.name)}">{inputs}<button>Run</button></form>'
                if query.params else "")
        other = " · ".join(f'<a href="/queries/{esc(query.name)}?{esc(urlencode({**values, "format": f}))}">{f}</a>'
                           for f in ("json", "xml", "csv", "tsv"))
        return (f"<h1>{esc(query.name)}</h1><p>{esc(query.summary)}</p><p class='muted small'>{esc(query.description)}</p>"
                f"{form}<p class=small>as {other}</p>")

    # --- entity pages ---
    def entity_page(self, iri: NamedNode, job: dict) -> bytes:
        local = self.local(iri.value) or ""
        if local.startswith("event/") and "/" not in local[len("event/"):]:
            return self.event_page(iri)
        if local.startswith("source/") and "/" not in local[len("source/"):]:
            return self.source_page(iri)
        return self.thing_page(iri)

    def _header(self, iri: NamedNode, title: str, types: list) -> tuple[str, str]:
        links, alternates = self._formats_line(iri.value)
        tags = "".join(f'<span class=tag title="{esc(t.value)}">{esc(self.term_name(t))}</span>' for t in types)
        return (f"<h1>{esc(title)}</h1><div>{tags}</div>"
                f"<p class=iri>{esc(iri.value)} · as {links}</p>"), alternates

    def claims(self, pattern: str, **bindings) -> list[dict]:
        """Claims matching ``pattern`` (over ?claim in GRAPH ?g), each with its evidence, grouped per claim."""
        rows = self.select(f"""SELECT ?x ?claim ?s ?p ?o ?source ?note ?quote ?start ?end ?verified WHERE {{
            {pattern}
            GRAPH ?g {{ ?claim a dg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dg:source ?source .
              OPTIONAL {{ ?claim dg:curationNote ?note }}
              OPTIONAL {{ ?claim dg:evidence ?m . ?m dg:quote ?quote .
                         OPTIONAL {{ ?m dg:startOffset ?start }} OPTIONAL {{ ?m dg:endOffset ?end }}
                         OPTIONAL {{ ?m dg:verified ?verified }} }} }}
        }} ORDER BY ?source ?s ?p ?o ?start""", **bindings)
        claims: dict[str, dict] = {}
        for r in rows:
            c = claims.setdefault(r["claim"].value, {"claim": r["claim"], "s": r["s"], "p": r["p"], "o": r["o"],
                                                     "source": r["source"], "note": r.get("note"), "evidence": []})
            if "quote" in r:
                ev = (r["quote"].value, r.get("start"), r.get("end"), r.get("verified"))
                if ev not in c["evidence"]:
                    c["evidence"].append(ev)
        return list(claims.values())

    def evidence(self, claim: dict, seen: set | None = None) -> str:
        """The claim's evidence quotes (offsets, ✓ when verified against the text) and curation note.

        With ``seen`` (a set kept per table column), a quote or note already shown above is only referred to."""
        out, above = [], []
        for quote_text, start, end, verified in claim["evidence"]:
            where = f" [{start.value}–{end.value}]" if start is not None and end is not None else ""
            if seen is not None and quote_text in seen:
                above.append(where.strip() or "“…”")
                continue
            if seen is not None:
                seen.add(quote_text)
            check = " ✓" if verified is not None and verified.value == "true" else ""
            out.append(f'<span class=quote>“{esc(quote_text)}”<span class=off>{esc(where)}{check}</span></span>')
        if above:
            out.append(f'<span class="off above">evidence as above {esc(" ".join(above))}</span>')
        note = claim.get("note")
        if note is not None and not (seen is not None and ("note", note.value) in seen):
            if seen is not None:
                seen.add(("note", note.value))
            out.append(f'<span class=note>note: {esc(note.value)}</span>')
        return "".join(out)

    def claims_table(self, claims: list[dict], focus: NamedNode | None = None, *, one_source: bool = False) -> str:
        """One row per claim: source, subject, property, value, evidence.  For one source's claims
        (``one_source``) the source column is left out and a quote is shown once per subject."""
        if not claims:
            return "<p class=muted>no claims</p>"
        rows, seen, subject_before = [], set(), None
        for c in claims:
            subject = "<i>this</i>" if focus is not None and c["s"] == focus else self.link(c["s"])
            obj = "<i>this</i>" if focus is not None and c["o"] == focus else self.value(c["o"])
            if one_source and c["s"] != subject_before:
                seen, subject_before = set(), c["s"]
            source = "" if one_source else f"<td>{self.source_link(c['source'])}</td>"
            rows.append(f"<tr>{source}<td>{subject}</td>"
                        f"<td title='{esc(c['p'].value)}'>{esc(self.term_name(c['p']))}</td><td>{obj}</td>"
                        f"<td>{self.evidence(c, seen if one_source else None)}</td></tr>")
        head = "" if one_source else "<th>source</th>"
        return (f"<table><thead><tr>{head}<th>subject</th><th>property</th><th>value</th><th>evidence</th>"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def conflicts_html(self, keep: Callable) -> tuple[list, str]:
        """The disagreements (graph.conflicts.find_conflicts) that ``keep`` selects, and their HTML."""
        from ..conflicts import find_conflicts

        if not self.library.queries:
            return [], ""
        found = [c for c in find_conflicts(self.backend, library=self.library) if keep(c)]
        parts = []
        for c in found:
            if c.kind == "post holder":
                head = f"who held {self.link(c.aspect)} at {self.link(c.subject)}"
            else:
                head = f"{self.link(c.subject)} — {esc(self.term_name(c.aspect))}"
            items = []
            for v in c.values:
                shown = self.link(v.value) if isinstance(v.value, NamedNode) else f"<b>{esc(v.value.value)}</b>"
                if v.phrase:
                    shown += f' <span class=muted>“{esc(v.phrase)}”</span>'
                sources = "".join(
                    f"<div>{self.source_link(NamedNode(s))} " + "".join(f'<span class=quote>“{esc(q)}”</span>' for q in quotes)
                    + "</div>" for s, quotes in v.sources.items())
                items.append(f"<li>{shown}{sources}</li>")
            parts.append(f"<div class=conflict><div>{head}</div><ul>{''.join(items)}</ul></div>")
        return found, "".join(parts)

    def all_triples(self, iri: NamedNode, open_: bool = False) -> str:
        quads = sorted(self.backend.quads_matching(iri),
                       key=lambda q: (str(q.graph_name), q.predicate.value, str(q.object)))
        rows = "".join(f"<tr><td class=small>{esc(shorten(q.graph_name.value) if isinstance(q.graph_name, NamedNode) else 'default')}"
                       f"</td><td title='{esc(q.predicate.value)}'>{esc(shorten(q.predicate.value))}</td>"
                       f"<td>{self.value(q.object)}</td></tr>" for q in quads)
        inbound = self.backend.quads_matching(object=iri)
        inbound = [q for q in inbound if q.predicate.value not in (PREFIXES["rdf"] + "subject", PREFIXES["rdf"] + "object")]
        inbound.sort(key=lambda q: (str(q.graph_name), q.predicate.value, str(q.subject)))
        in_rows = "".join(f"<tr><td class=small>{esc(shorten(q.graph_name.value) if isinstance(q.graph_name, NamedNode) else 'default')}"
                          f"</td><td>{self.link(q.subject)}</td><td>{esc(shorten(q.predicate.value))}</td></tr>"
                          for q in inbound[:500])
        return (f"<details{' open' if open_ else ''}><summary>All triples about this IRI ({len(quads)}), "
                f"and {len(inbound)} pointing to it, by graph</summary>"
                f"<table><thead><tr><th>graph</th><th>property</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>"
                + (f"<h3>Pointing to it</h3><table><thead><tr><th>graph</th><th>subject</th><th>property</th></tr></thead>"
                   f"<tbody>{in_rows}</tbody></table>" if inbound else "") + "</details>")

    def thing_page(self, iri: NamedNode) -> bytes:
        registry = self.select("SELECT ?x ?p ?o WHERE { GRAPH dgg:registry { ?x ?p ?o } } ORDER BY ?p ?o", x=iri)
        rdf_type, label_p = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label"
        alt_p, match_p = PREFIXES["skos"] + "altLabel", PREFIXES["skos"] + "exactMatch"
        types = [r["o"] for r in registry if r["p"].value == rdf_type]
        if not types:
            types = sorted({r["t"] for r in self.select("SELECT DISTINCT ?x ?t WHERE { GRAPH ?g { ?x a ?t } }", x=iri)},
                           key=lambda t: t.value)
        title = self.name(iri)
        head, alternates = self._header(iri, title, types)
        parts = [head]
        aliases = [r["o"].value for r in registry if r["p"].value == alt_p]
        matches = [r["o"] for r in registry if r["p"].value == match_p]
        facts = []
        if aliases:
            facts.append(f"<dt>also known as</dt><dd>{esc(', '.join(aliases))}</dd>")
        for m in matches:
            href = self.href(m.value) or m.value
            facts.append(f'<dt>Wikidata</dt><dd><a href="{esc(href)}">{esc(shorten(m.value))}</a> '
                         f'<span class="muted small">skos:exactMatch</span></dd>')
        if facts:
            parts.append(f"<dl class=facts>{''.join(facts)}</dl>")

        other = [r for r in registry if r["p"].value not in (rdf_type, label_p, alt_p, match_p)]
        inbound = self.select("SELECT ?x ?s ?p WHERE { GRAPH dgg:registry { ?s ?p ?x } } ORDER BY ?p ?s", x=iri)
        if other or inbound:
            rows = "".join(f"<tr><th title='{esc(r['p'].value)}'>{esc(self.term_name(r['p']))}</th><td>{self.value(r['o'])}</td></tr>"
                           for r in other)
            rows += "".join(f"<tr><th>{self.link(r['s'])}</th><td><span class=muted>{esc(self.term_name(r['p']))}</span> "
                            f"<i>this</i></td></tr>" for r in inbound)
            parts.append(f"<h2>Registry facts</h2><p class='muted small'>curated by the project (graph dgg:registry), "
                         f"not claims of any article</p><table><tbody>{rows}</tbody></table>")

        claims = self.claims("{ GRAPH ?g { ?claim rdf:subject ?x } } UNION { GRAPH ?g { ?claim rdf:object ?x } }", x=iri)
        event_base = self.id_base + "event/"
        events: dict[tuple[str, str], dict] = {}
        for c in claims:
            if c["o"] == iri and c["s"].value.startswith(event_base):
                e = events.setdefault((c["s"].value, c["p"].value), {"event": c["s"], "role": c["p"], "sources": []})
                if c["source"] not in e["sources"]:
                    e["sources"].append(c["source"])
        related = {k[0] for k in events}
        if events:
            rows = []
            for e in sorted(events.values(), key=lambda e: (e["event"].value, e["role"].value)):
                types_by, dates_by = self.event_versions(e["event"])
                reporting = self._distinct(s for sources in types_by.values() for s in sources)
                rows.append(f"<tr><td>{self.link(e['event'])}</td><td>{esc(self.term_name(e['role']))}</td>"
                            f"<td>{self.grouped(types_by, lambda t: esc(self.term_name(t)), reporting)}</td>"
                            f"<td>{self.grouped(dates_by, self.value, reporting)}</td>"
                            f"<td>{' '.join(self.source_link(s) for s in e['sources'])}</td></tr>")
            parts.append(f"<h2>Events ({len(related)})</h2><table><thead><tr><th>event</th><th>role</th>"
                         "<th>type (per source)</th><th>date (per source)</th><th>role stated by</th></tr></thead>"
                         f"<tbody>{''.join(rows)}</tbody></table>")

        tenures = self.select("""SELECT DISTINCT ?x ?tenure ?post ?source ?acting ?start ?end ?at WHERE { GRAPH ?g {
              ?tenure dg:holder ?x ; dg:post ?post .
              ?claim a dg:Claim ; rdf:subject ?tenure ; rdf:predicate dg:holder ; rdf:object ?x ; dg:source ?source .
              OPTIONAL { ?tenure dg:acting ?acting } OPTIONAL { ?tenure dg:startDate ?start }
              OPTIONAL { ?tenure dg:endDate ?end } OPTIONAL { ?tenure dg:heldAt ?at } } }
            ORDER BY ?post ?source ?at""", x=iri)
        if tenures:
            posts: dict[str, dict] = {}
            for t in tenures:
                p = posts.setdefault(t["tenure"].value, {"post": t["post"], "tenure": t["tenure"], "by": {}})
                details = p["by"].setdefault(t["source"].value, {"source": t["source"], "lines": []})
                bits = []
                if "acting" in t and t["acting"].value == "true":
                    bits.append("acting")
                if "start" in t:
                    bits.append("from " + self.value(t["start"]))
                if "end" in t:
                    bits.append("until " + self.value(t["end"]))
                if "at" in t:
                    bits.append("held at " + self.link(t["at"]))
                    related.add(t["at"].value)
                for b in bits:
                    if b not in details["lines"]:
                        details["lines"].append(b)
            rows = []
            for p in posts.values():
                per_source = "".join(f"<div>{self.source_link(d['source'])} {'; '.join(d['lines']) or '<span class=muted>held the post</span>'}</div>"
                                     for d in p["by"].values())
                rows.append(f"<tr><td>{self.link(p['post'])}<div class='muted small'>{self.link(p['tenure'], 'tenure')}</div></td>"
                            f"<td>{per_source}</td></tr>")
            parts.append(f"<h2>Posts held ({len(posts)})</h2><table><thead><tr><th>post</th><th>what each source says</th>"
                         f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")

        disagreements, conflicts = self.conflicts_html(
            lambda c: c.subject.value in related or c.subject == iri or any(v.value == iri for v in c.values))
        if disagreements:
            parts.append(f"<h2>Disagreements ({len(disagreements)})</h2><p class='muted small'>where sources give incompatible "
                         f"values about events this entity is part of; every version is kept</p>{conflicts}")
        parts.append(f"<h2>Claims ({len(claims)})</h2><p class='muted small'>every claim about this entity or pointing "
                     f"to it, with its source and the exact words of its evidence</p>{self.claims_table(claims, iri)}")
        parts.append(self.all_triples(iri, open_=not (claims or registry)))
        return self.page(title, "".join(parts), alternates)

    def event_versions(self, event: NamedNode) -> tuple[dict, dict]:
        """(type → sources, date node → sources) as each source states them."""
        rows = self.select("""SELECT ?e ?source ?type ?d WHERE { GRAPH ?g {
              ?claim a dg:Claim ; rdf:subject ?e ; rdf:predicate rdf:type ; rdf:object ?type ; dg:source ?source .
              OPTIONAL { ?e dg:onDate ?d } } } ORDER BY ?source""", e=event)
        types: dict = {}
        dates: dict = {}
        for r in rows:
            if r["source"] not in types.setdefault(r["type"], []):
                types[r["type"]].append(r["source"])
            if "d" in r:
                dates.setdefault(r["d"], [])
                if r["source"] not in dates[r["d"]]:
                    dates[r["d"]].append(r["source"])
        return types, dates

    def grouped(self, by_value: dict, show: Callable, reporting: list) -> str:
        """Values with the sources that give them; unattributed only when every reporting source agrees."""
        if not by_value:
            return "<span class=none>—</span>"
        merged: dict[str, list] = {}  # identical shown values (the same date from two sources) merged
        for value, sources in by_value.items():
            bucket = merged.setdefault(show(value), [])
            bucket.extend(s for s in sources if s not in bucket)
        if len(merged) == 1 and set(next(iter(merged.values()))) >= set(reporting):
            return next(iter(merged))
        return "".join(f"<span class=value>{shown} <span class=muted>— {' '.join(self.source_link(s) for s in sources)}</span></span>"
                       for shown, sources in merged.items())

    def event_page(self, iri: NamedNode) -> bytes:
        claims = self.claims("{ GRAPH ?g { ?claim rdf:subject ?x } } UNION { GRAPH ?g { ?claim rdf:object ?x } }", x=iri)
        about = [c for c in claims if c["s"] == iri]
        pointing = [c for c in claims if c["s"] != iri]
        sources = sorted({c["source"] for c in claims}, key=lambda s: s.value)
        rdf_type = PREFIXES["rdf"] + "type"
        types = sorted({c["o"] for c in about if c["p"].value == rdf_type}, key=lambda t: t.value)
        agents = self._distinct(c["o"] for c in about if self.term_name(c["p"]) == "agent")
        targets = self._distinct(c["o"] for c in about if self.term_name(c["p"]) == "target")
        kind = " / ".join(_words(self.term_name(t)) for t in types) or "Event"
        who = " / ".join(self.name(a) for a in agents)
        whom = " / ".join(self.name(t) for t in targets)
        title = kind + (f": {who}" if who else "") + (f" → {whom}" if whom else "")
        head, alternates = self._header(iri, title, types)
        parts = [head, f"<p class=muted>event <b>{esc(self.name(iri))}</b> as {len(sources)} "
                       f"source{'s' if len(sources) != 1 else ''} report it</p>"]

        disagreements, conflicts = self.conflicts_html(lambda c: c.subject == iri)
        disputed = {c.aspect.value for c in disagreements}  # a property, or a post (who held it at this event)

        # the side-by-side table: one column per source, one row per property
        by_prop: dict[str, dict[str, list[dict]]] = {}
        for c in about:
            by_prop.setdefault(c["p"].value, {}).setdefault(c["source"].value, []).append(c)
        holders: dict[str, list[dict]] = {}
        for c in pointing:
            if self.term_name(c["p"]) == "heldAt":
                holders.setdefault(c["source"].value, []).append(c)

        def order(p: str) -> tuple:
            name = "type" if p == rdf_type else self.term_name(NamedNode(p))
            return (_ROLE_ORDER.index(name) if name in _ROLE_ORDER else len(_ROLE_ORDER), name)

        head_cells = "".join(f"<th>{self.source_link(s)}<div class='muted small' style='font-weight:normal'>"
                             f"{esc(self.label(s) or '')}</div></th>" for s in sources)
        rows = []
        seen: dict[str, set] = {s.value: set() for s in sources}  # quotes already shown, per column
        for p in sorted(by_prop, key=order):
            name = "type" if p == rdf_type else self.term_name(NamedNode(p))
            cls = " class=disputed" if p in disputed else ""
            cells = []
            for s in sources:
                found = by_prop[p].get(s.value, [])
                if not found:
                    cells.append("<td><span class=none>—</span></td>")
                    continue
                shown = "".join(f"<span class=value>{esc(self.term_name(c['o'])) if p == rdf_type else self.value(c['o'])}"
                                f"{self.evidence(c, seen[s.value])}</span>" for c in found)
                cells.append(f"<td>{shown}</td>")
            rows.append(f"<tr{cls}><th title='{esc(p)}'>{esc(name)}</th>{''.join(cells)}</tr>")
        if holders:
            post_disputed = any(not a.startswith(PREFIXES["dg"]) for a in disputed)
            cells = []
            for s in sources:
                found = holders.get(s.value, [])
                shown = "".join(f"<span class=value>{self.link(c['s'])}{self.evidence(c, seen[s.value])}</span>"
                                for c in found)
                cells.append(f"<td>{shown or '<span class=none>—</span>'}</td>")
            rows.append(f"<tr{' class=disputed' if post_disputed else ''}><th>post holders at the time</th>"
                        f"{''.join(cells)}</tr>")
        parts.append("<h2>What each source says</h2><p class='muted small'>one column per source; "
                     "rows marked ⚠ are where sources disagree</p>"
                     f"<table class=side><thead><tr><th>property</th>{head_cells}</tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")
        if disagreements:
            parts.append(f"<h2>Disagreements ({len(disagreements)})</h2>{conflicts}")
        others = [c for c in pointing if self.term_name(c["p"]) != "heldAt"]
        if others:
            parts.append(f"<h2>Claims pointing to this event ({len(others)})</h2>{self.claims_table(others, iri)}")
        parts.append(f"<details><summary>All claims about this event ({len(claims)}), as a list</summary>"
                     f"{self.claims_table(claims, iri)}</details>")
        parts.append(self.all_triples(iri))
        return self.page(title, "".join(parts), alternates)

    def source_page(self, iri: NamedNode) -> bytes:
        meta = self.select("SELECT ?x ?p ?o WHERE { GRAPH ?g { ?x ?p ?o } } ORDER BY ?p ?o", x=iri)
        rdf_type = PREFIXES["rdf"] + "type"
        types = self._distinct(r["o"] for r in meta if r["p"].value == rdf_type)
        title = self.label(iri) or self.name(iri)
        head, alternates = self._header(iri, title, types)
        rows = [f"<tr><th>source id</th><td><span class=src>{esc(self.name(iri))}</span></td></tr>"]
        seen = set()
        for r in meta:
            if r["p"].value in (rdf_type, PREFIXES["rdfs"] + "label") or (r["p"].value, str(r["o"])) in seen:
                continue
            seen.add((r["p"].value, str(r["o"])))
            value = r["o"]
            if isinstance(value, NamedNode) and value.value.startswith(("http://", "https://")) and not self.href(value.value) \
                    and self.term_name(r["p"]) in ("url",):
                shown = f'<a href="{esc(value.value)}" rel="noreferrer">{esc(value.value)}</a>'
            else:
                shown = self.value(value)
            rows.append(f"<tr><th title='{esc(r['p'].value)}'>{esc(self.term_name(r['p']))}</th><td>{shown}</td></tr>")
        prov = self.select("""SELECT ?x ?graph ?verified ?build ?time WHERE { GRAPH dgg:meta {
              ?graph prov:wasDerivedFrom ?x . OPTIONAL { ?graph dg:verified ?verified }
              OPTIONAL { ?graph prov:wasGeneratedBy ?build . OPTIONAL { ?build prov:endedAtTime ?time } } } }""", x=iri)
        for r in prov:
            rows.append(f"<tr><th>named graph</th><td>{esc(shorten(r['graph'].value))}"
                        + (f" · evidence verified against the text: <b>{esc(r['verified'].value)}</b>" if "verified" in r else "")
                        + (f" · built {esc(r['time'].value)}" if "time" in r else "") + "</td></tr>")
        claims = self.claims("GRAPH ?g { ?claim dg:source ?x }", x=iri)
        events = self._distinct(c["s"] for c in claims if c["s"].value.startswith(self.id_base + "event/"))
        parts = [head, f"<table><tbody>{''.join(rows)}</tbody></table>"]
        if events:
            parts.append(f"<h2>Events it reports ({len(events)})</h2><ul class=cols>"
                         + "".join(f"<li>{self.link(e)}</li>" for e in sorted(events, key=lambda e: e.value)) + "</ul>")
        parts.append(f"<h2>Claims ({len(claims)})</h2><p class='muted small'>everything this article claims, "
                     f"with the exact words of the evidence and their character offsets in the text</p>"
                     f"{self.claims_table(sorted(claims, key=lambda c: (c['s'].value, c['p'].value)), one_source=True)}")
        return self.page(title, "".join(parts), alternates)

    @staticmethod
    def _distinct(terms: Iterable) -> list:
        out = []
        for t in terms:
            if t not in out:
                out.append(t)
        return out

    # --- the home page ---
    def home_page(self, job: dict) -> bytes:
        """The query editor (YASGUI, vendored) with the stored queries as examples, and the browse lists."""
        queries = job.get("queries", [])
        sources = self.select("""SELECT ?s ?label WHERE { GRAPH ?g { ?s a dg:Source . OPTIONAL { ?s rdfs:label ?label } } }
                                 ORDER BY ?s""")
        events = self.select("""SELECT DISTINCT ?e WHERE { GRAPH ?g { ?c a dg:Claim ; rdf:subject ?e }
                                 FILTER (STRSTARTS(STR(?e), STR(ev:))) } ORDER BY ?e""")
        examples = [{"name": "example: asylum grants by source", "query": EXAMPLE_QUERY}]
        examples += [{"name": q["name"], "query": q["text"]} for q in queries if q.get("text") and not q["params"]]
        config = {"idBase": self.id_base, "base": self.base, "prefixes": PREFIXES, "examples": examples}
        return TEMPLATES.get_template("home.html").render(
            title="diplograph", kind="home", config=config, example=EXAMPLE_QUERY, queries=queries,
            checks=[q for q in queries if q["kind"] == "check"],
            sources=[{"link": Markup(self.source_link(r["s"])), "label": r["label"].value if "label" in r else ""}
                     for r in sources],
            events=[Markup(self.link(r["e"])) for r in events]).encode("utf-8")


def _words(name: str) -> str:
    """'SeveranceOfRelations' → 'Severance of relations'."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)
    if not words:
        return name
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[0].upper() + text[1:]
