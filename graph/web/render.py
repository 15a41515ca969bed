"""What every page is made of, rendered in the worker processes from the store they hold open, read
through its ``Backend`` (the embedded store, or a remote SPARQL server): names, links and dates
looked up per IRI (cached), result tables, pictures, and the page shell, a Jinja2 template
(``templates/page.html``, autoescaped).  Tables are built from escaped values (:func:`esc`)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from diplograph.ontology import PREFIXES
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyoxigraph import BlankNode, Literal, NamedNode, Store, Triple

from ..backends import Backend, OxigraphBackend
from ..formats import shorten
from ..queries import StoredQuery

HERE = Path(__file__).resolve().parent
TEMPLATES = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                        trim_blocks=True, lstrip_blocks=True)


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


#: what each picture draws from: its stored query, and the disagreements it marks (all, or one event's)
PICTURE_QUERIES = {"relations-timeline": ("relations-timeline", "all"), "event-sources": ("event-dates", "subject"),
                   "actor-network": ("actor-network", "")}


class _Library:
    """The stored queries a page needs (conflicts), passed to the child instead of the whole library."""

    def __init__(self, queries: dict[str, StoredQuery] | None) -> None:
        self.queries = queries or {}

    def get(self, name: str) -> StoredQuery:
        return self.queries[name]


class Renderer:
    """HTML rendering in the child: labels, dates and links looked up in the store, per IRI, with a cache."""

    def __init__(self, backend: Backend | Store, base_iri: str, library: dict | None = None) -> None:
        if isinstance(backend, Store):  # an open pyoxigraph store (tests, notebooks): read through its Backend
            backend = OxigraphBackend(backend, "oxigraph:", writable=False)
        self.backend = backend
        self.base = base_iri
        self.id_base = base_iri + "id/"
        self.library = _Library(library)
        self._labels: dict[str, str | None] = {}
        self._dates: dict[str, dict | None] = {}
        self.pictures = 0  # drawn on the page being rendered: its scripts are loaded only then

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
            title=title, body=Markup(body), alternates=Markup(alternates), kind=kind,
            pictures=self.pictures > 0).encode("utf-8")

    def picture(self, what: str, heading: str, caption: str, params: dict[str, str], focus: str = "") -> str:
        """A picture drawn in the browser (static/pictures.js) from stored queries, named by URL."""
        query, conflicts = PICTURE_QUERIES[what]
        self.pictures += 1
        rows = f"/queries/{query}?{urlencode(params)}"
        conflicts_url = f"/queries/conflicts?{urlencode({'subject': params['event']})}" if conflicts == "subject" else \
            "/queries/conflicts" if conflicts else ""
        return (f"<h2>{esc(heading)}</h2><p class='muted small'>{esc(caption)} · "
                f'<a href="{esc(rows)}">the rows</a></p>'
                f'<div class=picture id="{esc(what)}" role=img aria-label="{esc(heading)}: {esc(caption)}" '
                f'data-picture="{esc(what)}" data-rows="{esc(rows)}" '
                f'data-conflicts="{esc(conflicts_url)}" data-id-base="{esc(self.id_base)}" data-focus="{esc(focus)}"></div>')

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
        if query.name == "relations-timeline" and values.get("state_a") and values.get("state_b"):
            other += f' · <a href="/timeline?{esc(urlencode({k: values[k] for k in ("state_a", "state_b")}))}">as a timeline</a>'
        return (f"<h1>{esc(query.name)}</h1><p>{esc(query.summary)}</p><p class='muted small'>{esc(query.description)}</p>"
                f"{form}<p class=small>as {other}</p>")
