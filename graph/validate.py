"""Validation of the graph: SHACL shapes plus the stored check queries.

Two engines run the shapes.  ``sparql`` (the default) compiles them into SPARQL run by the
store itself (graph/shacl_sparql.py says how and why).  ``pyshacl`` is the reference.
pyshacl works on rdflib graphs: the store's quads (all graphs, ontology included, so that
``rdfs:subClassOf`` is visible to class targets) are handed over once as N-Triples, the
fastest path between the two libraries.  Constraints that need SPARQL are not SHACL-SPARQL
(pyshacl runs those node by node, 20x slower here) but check queries in ``queries/checks/``,
run by the store's own engine; both land in one report.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.ontology import SHAPES_TTL
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from .backends import Backend, OxigraphBackend
from .errors import DiplographError

if TYPE_CHECKING:
    import rdflib

ENGINES = ("sparql", "pyshacl")


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
    component: str | None = None  # e.g. "MinCount" (sh:MinCountConstraintComponent); None for check queries
    terms: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # focus/value/shape/path nodes


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult]
    graph: rdflib.Graph | None = None  # pyshacl's own report; the sparql engine writes its own

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def write_turtle(self, path: str | Path) -> None:
        """The standard SHACL validation report (sh:ValidationReport) as Turtle."""
        if self.graph is not None:
            self.graph.serialize(destination=str(path), format="turtle")
            return
        from diplograph.ontology import PREFIXES

        Path(path).write_bytes(serialize(report_triples(self), format=RdfFormat.TURTLE,
                                         prefixes={**PREFIXES, "sh": SH_NS}))


def union_graph(backend: Backend) -> rdflib.Graph:
    """Every triple of every graph of the store, as one rdflib Graph."""
    import rdflib

    triples = backend.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").triples or []
    data = serialize(triples, format=RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    return graph


@functools.cache
def shapes_graph() -> rdflib.Graph:  # read once per process; pyshacl does not change it
    import rdflib

    return rdflib.Graph().parse(SHAPES_TTL, format="turtle")


def validate_graph(data: rdflib.Graph) -> tuple[bool, rdflib.Graph]:
    import pyshacl

    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True,
    )
    return bool(conforms), report


def validate_backend(backend: Backend, *, engine: str = "sparql", graphs: Iterable[NamedNode | str] | None = None,
                     checks: bool = True, progress=None) -> ValidationReport:
    """Validate the store against the shapes (and the check queries).

    ``graphs`` limits the shapes to the union of these source graphs with the registry and the
    ontology (after an incremental build: only what changed), and the check queries to those
    graphs and the shared ones (``_check_rows``).
    ``progress(done, total)`` is called after each query."""
    if engine not in ENGINES:
        raise DiplographError(f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}")
    report_graph = None
    if engine == "sparql":
        results = shapes_results(backend, graphs=graphs, progress=progress, checks=checks)
    else:
        results, report_graph = _pyshacl_results(backend, graphs)
        if checks:
            results += run_checks(backend, graphs=graphs)
    conforms = not any(r.severity == "Violation" for r in results)
    _attach_sources(backend, results)
    results.sort(key=lambda x: (x.severity != "Violation", x.focus, x.path or "", x.message, x.value or ""))
    return ValidationReport(conforms, results, report_graph)


SH_NS = "http://www.w3.org/ns/shacl#"
REGISTRY = NamedNode("https://w3id.org/diplograph/graph/registry")
ONTOLOGY = NamedNode("https://w3id.org/diplograph/graph/ontology")
SHARED_FOR_CHECKS = {NamedNode(f"https://w3id.org/diplograph/graph/{name}")
                     for name in ("registry", "ontology", "meta", "curation")}


def _dataset(graphs: Iterable[NamedNode | str] | None) -> list[NamedNode] | None:
    if graphs is None:
        return None
    chosen = {g if isinstance(g, NamedNode) else NamedNode(str(g)) for g in graphs} | {REGISTRY, ONTOLOGY}
    return sorted(chosen, key=lambda g: g.value)


def _select(backend: Backend, query: str, dataset: list[NamedNode] | None) -> list[dict]:
    """Rows of a generated query over the union of all graphs, or of the ``dataset`` graphs only."""
    if isinstance(backend, OxigraphBackend):
        solutions = backend.store.query(query, use_default_graph_as_union=dataset is None, default_graph=dataset)
        names = [v.value for v in solutions.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in solutions]
    if dataset is not None:  # a remote store: the same restriction as a SPARQL dataset clause
        head, _, body = query.partition(" WHERE ")
        query = head + "".join(f" FROM {g}" for g in dataset) + " WHERE " + body
    return list(backend.query(query, prefixes=False).rows)  # type: ignore[arg-type]


def shapes_results(backend: Backend, *, graphs=None, progress=None, checks: bool = False) -> list[ValidationResult]:
    """SHACL results of the shapes compiled to SPARQL (graph/shacl_sparql.py), run in the store,
    and with ``checks`` the check queries' results, all run on one pool of threads."""
    from .shacl_sparql import Compiler, subclass_reader

    dataset = _dataset(graphs)
    shapes = _shapes()
    compiler = Compiler(shapes, subclass_reader(lambda q: _select(backend, q, None)))
    batches = [q for owner in shapes.node_shapes() for q in compiler.shape_queries(owner)]
    check_queries = stored_checks() if checks else []
    jobs = [lambda q=q: _select(backend, q.query, dataset) for q in batches]
    jobs += [lambda c=c: _check_rows(c, backend, dataset) for c in check_queries]
    results: list[ValidationResult] = []
    # Oxigraph releases the GIL while it evaluates a query: one query per core at a time (measured:
    # two threads use both cores).
    workers = min(8, os.cpu_count() or 1) if isinstance(backend, OxigraphBackend) else 1
    with ThreadPoolExecutor(workers) as pool:
        answers = pool.map(lambda job: job(), jobs)
        for done, (job, rows) in enumerate(zip(batches + check_queries, answers), 1):
            if done <= len(batches):
                results += [_result(c, focus, value, shapes) for c, focus, value in job.results(rows)]
            else:
                results += _check_results(job, rows)
            if progress is not None:
                progress(done, len(jobs))
    names = _labels(backend, {NamedNode(r.focus) for r in results if r.focus.startswith("http")})
    for r in results:
        r.focus_label = names.get(r.focus)
    return results


def _result(c, focus, value, shapes) -> ValidationResult:
    return ValidationResult(
        focus=focus.value, focus_label=None, path=_path_text(c.path_text), message=c.message or
        f"{c.component} constraint not met", severity=c.severity,
        shape=c.shape.value if isinstance(c.shape, NamedNode) else str(c.shape),
        value=value.value if value is not None else None, component=c.component,
        terms={"focus": focus, "value": value, "shape": c.shape, "path": c.path, "shapes": shapes},
    )


@functools.cache
def _shapes():
    from .shacl_sparql import ShapesGraph

    return ShapesGraph(SHAPES_TTL)


def _labels(backend: Backend, nodes: set) -> dict[str, str]:
    from .conflicts import labels

    return labels(backend, nodes) if nodes else {}


def _path_text(path: str | None) -> str | None:
    """A SPARQL path as the report shows it: prefixed names, no outer brackets."""
    import re

    if path is None:
        return None
    text = re.sub(r"<([^>]*)>", lambda m: _shorten(m.group(1)), path)
    return text[1:-1] if text.startswith("(") and text.endswith(")") else text


def _pyshacl_results(backend: Backend, graphs) -> tuple[list[ValidationResult], rdflib.Graph]:
    import rdflib
    from rdflib.namespace import SH

    dataset = _dataset(graphs)
    if dataset is None:
        data = union_graph(backend)
    else:
        data = rdflib.Graph()
        for g in dataset:
            data.parse(data=serialize((q.triple for q in backend.quads(g)), format=RdfFormat.N_TRIPLES), format="nt")
    _, report = validate_graph(data)
    results = []
    for r in report.objects(None, SH.result):  # top-level results (not pyshacl's nested sh:detail)
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        severity = report.value(r, SH.resultSeverity)
        value = report.value(r, SH.value)
        component = report.value(r, SH.sourceConstraintComponent)
        results.append(ValidationResult(
            focus=str(focus), focus_label=_label(data, focus),
            path=_rdflib_path_text(report, path),
            message=str(report.value(r, SH.resultMessage) or "constraint not met"),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            shape=str(report.value(r, SH.sourceShape)),
            value=str(value) if value is not None else None,
            component=str(component)[len(SH_NS):-len("ConstraintComponent")] if component is not None else None,
            terms={"focus": focus, "value": value, "shape": report.value(r, SH.sourceShape), "path": path},
        ))
    return results, report


def _rdflib_path_text(graph, path) -> str | None:
    """pyshacl's sh:resultPath (an IRI or a path node in its report) written like ``_path_text``."""
    import rdflib
    from rdflib.namespace import SH

    def walk(node) -> str:
        if isinstance(node, rdflib.URIRef):
            return _shorten(str(node))
        if graph.value(node, rdflib.RDF.first) is not None:
            return "(" + "/".join(walk(p) for p in graph.items(node)) + ")"
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(walk(p) for p in graph.items(alternatives)) + ")"
        for name, fmt in (("inversePath", "^({})"), ("zeroOrMorePath", "({})*"), ("oneOrMorePath", "({})+"),
                          ("zeroOrOnePath", "({})?")):
            inner = graph.value(node, SH[name])
            if inner is not None:
                return fmt.format(walk(inner))
        return str(node)

    if path is None:
        return None
    text = walk(path)
    return text[1:-1] if text.startswith("(") and text.endswith(")") else text


def report_triples(report: ValidationReport) -> list[Triple]:
    """The sh:ValidationReport of the sparql engine's results (the check queries' rows included)."""
    sh = lambda name: NamedNode(SH_NS + name)
    root = BlankNode()
    out = [Triple(root, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), sh("ValidationReport")),
           Triple(root, sh("conforms"), Literal(str(report.conforms).lower(),
                                                datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean")))]
    copied: set = set()
    for r in report.results:
        node = BlankNode()
        out += [Triple(root, sh("result"), node),
                Triple(node, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), sh("ValidationResult")),
                Triple(node, sh("resultSeverity"), sh(r.severity)),
                Triple(node, sh("resultMessage"), Literal(r.message))]
        focus = r.terms.get("focus") or (NamedNode(r.focus) if r.focus.startswith("http") else None)
        if focus is not None:
            out.append(Triple(node, sh("focusNode"), focus))
        if r.terms.get("value") is not None:
            out.append(Triple(node, sh("value"), r.terms["value"]))
        if r.component:
            out.append(Triple(node, sh("sourceConstraintComponent"), sh(r.component + "ConstraintComponent")))
        shapes = r.terms.get("shapes")
        for key, predicate in (("shape", "sourceShape"), ("path", "resultPath")):
            term = r.terms.get(key)
            if term is None:
                continue
            out.append(Triple(node, sh(predicate), term))
            if isinstance(term, BlankNode) and shapes is not None and term not in copied:
                out += _describe(shapes, term, copied)  # a blank shape or path is described, as pyshacl does
    return out


def _describe(shapes, node, seen: set) -> list[Triple]:
    """The triples of a blank node of the shapes graph and of the blank nodes under it."""
    seen.add(node)
    out = []
    for predicate, objects in shapes.edges.get(node, {}).items():
        for o in objects:
            out.append(Triple(node, NamedNode(predicate), o))
            if isinstance(o, BlankNode) and o not in seen:
                out += _describe(shapes, o, seen)
    return out


def run_checks(backend: Backend, *, graphs: Iterable[NamedNode | str] | None = None) -> list[ValidationResult]:
    """Every stored check query (kind: check): each row is a result of the check's severity.

    ``graphs`` (source graphs) limits the named graphs the checks see to these and the shared
    graphs (``_check_rows``): an incremental build checks what changed."""
    from .conflicts import labels

    dataset = _dataset(graphs)
    results = []
    for check in stored_checks():
        results += _check_results(check, _check_rows(check, backend, dataset))
    names = labels(backend, {NamedNode(r.focus) for r in results if r.focus.startswith("http")})
    for r in results:
        r.focus_label = names.get(r.focus)
    return results


def stored_checks() -> list:
    """The stored check queries, read once per process while their files stay as they are (reading
    the headers of the whole library costs 0.3-0.5 s: most of an incremental re-validation)."""
    from .settings import default_queries

    folder = default_queries()
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.rglob("*.rq")))
    return _checks_of(folder, stamp)


@functools.lru_cache(maxsize=4)
def _checks_of(folder: Path, stamp: tuple) -> list:
    from .queries import QueryLibrary

    return QueryLibrary(folder).checks()


def _check_rows(check, backend: Backend, dataset: list[NamedNode] | None) -> list:
    """A check query's rows; with ``dataset`` (an incremental build) over those graphs only, plus the
    shared ones the checks consult (registry, ontology, meta, curation), so the unchanged sources
    are not read again: the checks compare nodes within one source graph.  Remote stores: all."""
    from .queries import run

    if dataset is None or not isinstance(backend, OxigraphBackend):
        return list(run(check, backend).rows)  # type: ignore[union-attr, arg-type]
    graphs = sorted(set(dataset) | SHARED_FOR_CHECKS, key=lambda g: g.value)
    return list(OxigraphBackend._collect(backend.results(check.body, default_graphs=graphs, named_graphs=graphs)).rows)


def _check_results(check, rows) -> list[ValidationResult]:
    results = []
    for row in rows:
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
    return results


def _shorten(iri: str) -> str:
    from .formats import shorten

    return shorten(iri)


def _label(data: rdflib.Graph, node) -> str | None:
    import rdflib

    label = data.value(node, rdflib.RDFS.label)
    return str(label) if label is not None else None


def _attach_sources(backend: Backend, results: list[ValidationResult]) -> None:
    """Which source graphs state something about each focus node (for the report)."""
    focus_iris = sorted({r.focus for r in results if r.focus.startswith("http")})
    found: dict[str, set[str]] = {}
    # a few queries of many focus nodes each (one query per node cost 12 s for 656 results at 1M quads);
    # the VALUES hold only IRIs that came out of the store itself, written by pyoxigraph
    for start in range(0, len(focus_iris), 500):
        values = " ".join(str(NamedNode(iri)) for iri in focus_iris[start:start + 500])
        rows = backend.select(
            "SELECT ?focus ?source WHERE { { SELECT DISTINCT ?focus ?g WHERE { VALUES ?focus { " + values + " } "
            "GRAPH ?g { ?focus ?p ?o } } } GRAPH dgg:meta { ?g prov:wasDerivedFrom ?source } }")
        for row in rows:
            found.setdefault(row["focus"].value, set()).add(row["source"].value.rsplit("/", 1)[-1])
    for r in results:
        r.sources = sorted(found.get(r.focus, ()))


def report_text(report: ValidationReport) -> str:
    out = io.StringIO()
    for r in report.results:
        name = f"{r.focus_label} <{r.focus}>" if r.focus_label else f"<{r.focus}>"
        out.write(f"[{r.severity}] {name}\n    {r.path or ''}: {r.message}\n")
        if r.sources:
            out.write(f"    sources: {', '.join(r.sources)}\n")
    return out.getvalue()
