"""The one format registry (RDF serializations and SPARQL result formats, on pyoxigraph's own
``RdfFormat`` / ``QueryResultsFormat``), used by export, the CLI and the server; and writing query
results: a readable table, Markdown, and the SPARQL 1.1 CSV/TSV/JSON formats."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from diplograph.ontology import PREFIXES
from pyoxigraph import BlankNode, Literal, NamedNode, QueryResultsFormat, RdfFormat

from .backends import Rows, Term
from .errors import DiplographError


@dataclass(frozen=True)
class Format:
    """One serialization: its canonical name, the other names people type, the media types HTTP clients
    send for it (besides pyoxigraph's own), and pyoxigraph's format object."""

    name: str
    format: Any  # RdfFormat | QueryResultsFormat
    aliases: tuple[str, ...] = ()
    also_accepts: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        return self.format.media_type.split(";")[0]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.format.file_extension, *self.aliases)

    @property
    def text(self) -> bool:
        """Sent with ``; charset=utf-8``."""
        return self.media_type.startswith("text/")

    @property
    def keeps_graphs(self) -> bool:
        return bool(getattr(self.format, "supports_datasets", False))


def _registry(*entries: Format) -> dict[str, Format]:
    return {e.name: e for e in entries}


RDF_FORMATS = _registry(
    Format("turtle", RdfFormat.TURTLE, ("turtle", "ttl"), ("application/turtle", "application/x-turtle")),
    Format("ntriples", RdfFormat.N_TRIPLES, ("n-triples", "nt")),
    Format("nquads", RdfFormat.N_QUADS, ("n-quads", "nq")),
    Format("trig", RdfFormat.TRIG),
    Format("jsonld", RdfFormat.JSON_LD, ("json-ld", "json"), ("application/x-json+ld",)),
    Format("rdfxml", RdfFormat.RDF_XML, ("rdf+xml", "rdf", "rdf/xml", "xml")),
    Format("n3", RdfFormat.N3, (), ("text/rdf+n3", "application/n3")),
)
RESULTS_FORMATS = _registry(
    Format("json", QueryResultsFormat.JSON, ("srj",), ("application/json",)),
    Format("xml", QueryResultsFormat.XML, ("srx",), ("application/xml", "text/xml")),
    Format("csv", QueryResultsFormat.CSV),
    Format("tsv", QueryResultsFormat.TSV, ("tab",)),
)


def rdf_format(name: str, *, what: str = "format", allowed: tuple[str, ...] | None = None) -> Format:
    """The RDF format a user named (any alias or media type, any case); a DiplographError names the choices."""
    key = name.strip().lower()
    for entry in RDF_FORMATS.values():
        if (allowed is None or entry.name in allowed) and (key in entry.names or key == entry.media_type
                                                           or key in entry.also_accepts):
            return entry
    choices = ", ".join(n for n in RDF_FORMATS if allowed is None or n in allowed)
    raise DiplographError(f"unknown {what} {name!r}: use one of {choices}")


#: What ``diplograph export`` writes: these RDF formats (graph/export.py), and tables of events
#: (graph/events_table.py).
EXPORT_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")
#: formats that keep the named graphs; the others write the union of the selected graphs
QUAD_FORMATS = tuple(n for n in EXPORT_FORMATS if RDF_FORMATS[n].keeps_graphs)
MEDIA_TYPES = {n: RDF_FORMATS[n].media_type for n in EXPORT_FORMATS}
TABLE_FORMATS = ("events-csv", "events-sqlite")


def export_format(name: str) -> str:
    """The export format (RDF) a user named, by its canonical name."""
    return rdf_format(name, what="export format", allowed=EXPORT_FORMATS).name


RESULT_FORMATS = ("table", "csv", "tsv", "json", "md")

_PREFIXES_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))
_PREFIX_OF = {base: prefix for prefix, base in reversed(_PREFIXES_BY_LENGTH)}  # the first prefix of a namespace wins
# one regular expression tried longest namespace first, as a loop over them would (an export calls this per term)
_NAMESPACE_MATCH = re.compile("(" + "|".join(re.escape(base) for _, base in _PREFIXES_BY_LENGTH) + r")(?!//)(?=[\s\S])").match


def compact_iri(iri: str) -> str:
    """A prefixed name (``dgid:peru``) when a project prefix covers the IRI, else the IRI: the longest
    namespace that leaves a non-empty local part not starting with ``//``."""
    found = _NAMESPACE_MATCH(iri)
    if found is None:
        return iri
    base = found.group(1)
    return f"{_PREFIX_OF[base]}:{iri[len(base):]}"


def shorten(iri: str) -> str:
    """A prefixed name for an IRI when a project prefix covers it (:func:`compact_iri`), else ``<IRI>``."""
    short = compact_iri(iri)
    return f"<{iri}>" if short == iri else short


def display(term: Term | None, labels: dict[str, str] | None = None) -> str:
    """A term for people: 'Peru (dgid:peru)' for labelled IRIs, the lexical form for literals."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        short = shorten(term.value)
        label = (labels or {}).get(term.value)
        return f"{label} ({short})" if label else short
    return term.value


def to_json(rows: Rows) -> str:
    """SPARQL 1.1 Query Results JSON."""
    def encode(term: Term) -> dict:
        if isinstance(term, NamedNode):
            return {"type": "uri", "value": term.value}
        if isinstance(term, BlankNode):
            return {"type": "bnode", "value": term.value}
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != PREFIXES["xsd"] + "string":
            out["datatype"] = term.datatype.value
        return out

    doc = {"head": {"vars": rows.variables},
           "results": {"bindings": [{k: encode(v) for k, v in row.items()} for row in rows]}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def to_csv(rows: Rows) -> str:
    """SPARQL 1.1 Query Results CSV (plain values; blank nodes as ``_:label``, as the spec says)."""
    def plain(term: Term) -> str:
        return f"_:{term.value}" if isinstance(term, BlankNode) else term.value

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for row in rows:
        writer.writerow([plain(row[v]) if v in row else "" for v in rows.variables])
    return out.getvalue()


def to_tsv(rows: Rows) -> str:
    """SPARQL 1.1 Query Results TSV (terms in SPARQL/Turtle syntax)."""
    lines = ["\t".join(f"?{v}" for v in rows.variables)]
    for row in rows:
        lines.append("\t".join(str(row[v]).replace("\t", "\\t") if v in row else "" for v in rows.variables))
    return "\n".join(lines) + "\n"


def to_markdown(rows: Rows, labels: dict[str, str] | None = None) -> str:
    def cell(t):
        return display(t, labels).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(rows.variables) + " |", "|" + "---|" * len(rows.variables)]
    for row in rows:
        lines.append("| " + " | ".join(cell(row.get(v)) for v in rows.variables) + " |")
    return "\n".join(lines) + "\n"


def iris_in(rows: Rows) -> set[NamedNode]:
    return {v for row in rows for v in row.values() if isinstance(v, NamedNode)}


def is_literal(term: Term) -> bool:
    return isinstance(term, Literal)
