"""Validation of the graph: SHACL shapes (pyshacl) plus the stored check queries.

pyshacl works on rdflib graphs: the store's quads (all graphs, ontology included, so that
``rdfs:subClassOf`` is visible to class targets) are handed over once as N-Triples, the
fastest path between the two libraries.  Constraints that need SPARQL are not SHACL-SPARQL
(pyshacl runs those node by node, 20x slower here) but check queries in ``queries/checks/``,
run by the store's own engine; both land in one report.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, serialize
from rdflib.namespace import SH

from diplograph.ontology import SHAPES_TTL

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


def validate_backend(backend: Backend, *, checks: bool = True) -> ValidationReport:
    data = union_graph(backend)
    conforms, report = validate_graph(data)
    results = []
    for r in report.objects(None, SH.result):  # top-level results (not pyshacl's nested sh:detail)
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        severity = report.value(r, SH.resultSeverity)
        value = report.value(r, SH.value)
        results.append(ValidationResult(
            focus=str(focus), focus_label=_label(data, focus),
            path=_shorten(str(path)) if isinstance(path, rdflib.URIRef) else (str(path) if path is not None else None),
            message=str(report.value(r, SH.resultMessage) or "constraint not met"),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            shape=str(report.value(r, SH.sourceShape)),
            value=str(value) if value is not None else None,
        ))
    if checks:
        results += run_checks(backend)
    conforms = not any(r.severity == "Violation" for r in results)
    _attach_sources(backend, results)
    results.sort(key=lambda x: (x.severity != "Violation", x.focus, x.path or "", x.message))
    return ValidationReport(conforms, results, report)


def run_checks(backend: Backend) -> list[ValidationResult]:
    """Every stored check query (kind: check): each row is a result of the check's severity."""
    from .conflicts import labels
    from .queries import QueryLibrary, run

    from pyoxigraph import NamedNode

    results = []
    for check in QueryLibrary().checks():
        for row in run(check, backend).rows:  # type: ignore[union-attr]
            entity = row.get("entity")
            results.append(ValidationResult(
                focus=entity.value if entity is not None else "",
                focus_label=None,
                path=_shorten(row["property"].value) if "property" in row else None,
                message=f"{check.summary} (check {check.name})",
                severity="Violation" if check.severity == "error" else "Warning",
                shape=f"queries/checks/{check.name}.rq",
                value=row["value"].value if "value" in row else None,
            ))
    names = labels(backend, {NamedNode(r.focus) for r in results if r.focus.startswith("http")})
    for r in results:
        r.focus_label = names.get(r.focus)
    return results


def _shorten(iri: str) -> str:
    from .formats import shorten

    return shorten(iri)


def _label(data: rdflib.Graph, node) -> str | None:
    label = data.value(node, rdflib.RDFS.label)
    return str(label) if label is not None else None


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
