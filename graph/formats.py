"""Writing query results: a readable table, Markdown, and the SPARQL 1.1 CSV/TSV/JSON formats."""

from __future__ import annotations

import csv
import io
import json

from pyoxigraph import BlankNode, Literal, NamedNode

from diplograph.ontology import PREFIXES

from .backends import Rows, Term

RESULT_FORMATS = ("table", "csv", "tsv", "json", "md")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def shorten(iri: str) -> str:
    """A prefixed name for an IRI when a project prefix covers it."""
    for prefix, base in _BY_LENGTH:
        if iri.startswith(base) and iri != base:
            return f"{prefix}:{iri[len(base):]}"
    return f"<{iri}>"


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
