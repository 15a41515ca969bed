"""SHACL validation of the graph (pyshacl), with a readable report.

pyshacl works on rdflib graphs: the store's quads (all graphs, ontology included, so that
``rdfs:subClassOf`` is visible to class targets) are handed over once as N-Triples, the
fastest path between the two libraries.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, serialize
from rdflib.namespace import RDF, SH

from ontology import SHAPES_TTL

from .backends import Backend


@dataclass
class ValidationResult:
    focus: str
    focus_label: str | None
    path: str | None
    message: str
    severity: str  # Violation | Warning | Info
    shape: str | None
    value: str | None
    sources: list[str] = field(default_factory=list)


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult]
    graph: rdflib.Graph

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def write_turtle(self, path: str | Path) -> None:
        """The standard SHACL validation report (sh:ValidationReport) as Turtle."""
        self.graph.serialize(destination=str(path), format="turtle")


def union_graph(backend: Backend) -> rdflib.Graph:
    """Every triple of every graph of the store, as one rdflib Graph."""
    triples = backend.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").triples or []
    data = serialize(triples, format=RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    return graph


def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_TTL, format="turtle")


def validate_graph(data: rdflib.Graph) -> tuple[bool, rdflib.Graph]:
    import pyshacl

    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True,
    )
    return bool(conforms), report


def validate_backend(backend: Backend) -> ValidationReport:
    data = union_graph(backend)
    conforms, report = validate_graph(data)
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        severity = report.value(r, SH.resultSeverity)
        value = report.value(r, SH.value)
        results.append(ValidationResult(
            focus=str(focus), focus_label=_label(data, focus),
            path=_short(data, path) if path is not None else None,
            message=str(report.value(r, SH.resultMessage) or "constraint not met"),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            shape=str(report.value(r, SH.sourceShape)),
            value=str(value) if value is not None else None,
        ))
    _attach_sources(backend, results)
    results.sort(key=lambda x: (x.severity != "Violation", x.focus, x.path or "", x.message))
    return ValidationReport(conforms, results, report)


def _label(data: rdflib.Graph, node) -> str | None:
    label = data.value(node, rdflib.RDFS.label)
    return str(label) if label is not None else None


def _short(data: rdflib.Graph, node) -> str:
    try:
        return data.namespace_manager.normalizeUri(node) if isinstance(node, rdflib.URIRef) else str(node)
    except Exception:  # noqa: BLE001 - display only
        return str(node)


def _attach_sources(backend: Backend, results: list[ValidationResult]) -> None:
    """Which source graphs state something about each focus node (for the report)."""
    from pyoxigraph import NamedNode

    focus_iris = {r.focus for r in results if r.focus.startswith("http")}
    if not focus_iris:
        return
    found: dict[str, list[str]] = {}
    for iri in focus_iris:
        rows = backend.query(
            "SELECT DISTINCT ?focus ?source WHERE { GRAPH ?g { ?focus ?p ?o } GRAPH dgg:meta { ?g prov:wasDerivedFrom ?source } }",
            {"focus": NamedNode(iri)},
        ).rows
        found[iri] = sorted(row["source"].value.rsplit("/", 1)[-1] for row in rows)  # type: ignore[union-attr]
    for r in results:
        r.sources = found.get(r.focus, [])


def report_text(report: ValidationReport) -> str:
    out = io.StringIO()
    for r in report.results:
        name = f"{r.focus_label} <{r.focus}>" if r.focus_label else f"<{r.focus}>"
        out.write(f"[{r.severity}] {name}\n    {r.path or ''}: {r.message}\n")
        if r.sources:
            out.write(f"    sources: {', '.join(r.sources)}\n")
    return out.getvalue()
