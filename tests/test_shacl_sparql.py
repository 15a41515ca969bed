"""The shapes compiled to SPARQL give pyshacl's results, result by result.

Both engines run on the same store: every case of tests/shapes/ (passing and failing, with the
background registry and the ontology, as tests/test_shapes.py runs them), the seed graph, and
copies of the seed graph broken on purpose.  A result is compared by focus node, path, value,
source shape (its IRI; a nested property shape by its message), constraint component, severity
and message.  Also: ``graphs=`` restricts validation to the given sources, the report is a
standard sh:ValidationReport, and an untranslated component is refused by name.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.validate import ValidationResult, validate_backend
from diplograph.ontology import DG, ID, ONTOLOGY_TTL, PREFIXES
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Store, parse

CASES = Path(__file__).resolve().parent / "shapes"
HEADER = "".join(f"@prefix {p}: <{iri}> . " for p, iri in PREFIXES.items()) + f"@base <{ID}> .\n"
GRAPH = "https://w3id.org/diplograph/graph/"
CASE_FILES = sorted(p.name for p in CASES.glob("*Shape.*.ttl"))


def key(r: ValidationResult) -> tuple:
    value = r.terms.get("value")
    if value is None:
        value_text = None
    elif isinstance(value, BlankNode) or type(value).__name__ == "BNode":
        value_text = "_:"
    else:
        value_text = r.value
    focus = "_:" if isinstance(r.terms.get("focus"), BlankNode) or type(r.terms.get("focus")).__name__ == "BNode" \
        else r.focus
    shape = r.shape if r.shape.startswith("http") else "(property shape)"
    return (focus, r.path, value_text, shape, r.component, r.severity, r.message)


def same_results(backend) -> Counter:
    ours = Counter(key(r) for r in validate_backend(backend, engine="sparql", checks=False).results)
    theirs = Counter(key(r) for r in validate_backend(backend, engine="pyshacl", checks=False).results)
    assert ours == theirs, f"only sparql: {ours - theirs}\nonly pyshacl: {theirs - ours}"
    return ours


def case_store(*files: Path) -> OxigraphBackend:
    store = Store()
    with open(ONTOLOGY_TTL, "rb") as handle:
        store.load(handle, format=RdfFormat.TURTLE, to_graph=NamedNode(GRAPH + "ontology"))
    for i, path in enumerate(files):
        graph = NamedNode(GRAPH + ("registry" if path.name.startswith("_") else f"source/case-{i}"))
        store.load(HEADER.encode() + path.read_bytes(), format=RdfFormat.TURTLE, to_graph=graph)
    return OxigraphBackend(store, "memory:")


@pytest.mark.parametrize("case", CASE_FILES)
def test_every_shape_case_gives_pyshacls_results(case: str) -> None:
    results = same_results(case_store(CASES / "_background.ttl", CASES / case))
    if ".fail" in case:  # the comparison is not vacuous: a failing case has results
        assert results, case


def test_seed_graph_gives_pyshacls_results(seed_graph) -> None:
    same_results(seed_graph)


def broken_copy(seed_graph, edit) -> OxigraphBackend:
    store = Store()
    store.extend(seed_graph.quads())
    edit(store)
    return OxigraphBackend(store, "memory:")


def _first(store: Store, predicate: str):
    return next(iter(store.quads_for_pattern(None, NamedNode(predicate), None, None)))


BREAKS = {
    "a label removed": lambda s: s.remove(_first(s, "http://www.w3.org/2000/01/rdf-schema#label")),
    "evidence removed": lambda s: [s.remove(q) for q in list(s.quads_for_pattern(None, NamedNode(DG + "evidence"), None, None))[:3]],
    "quote too long": lambda s: s.add(Quad(_first(s, DG + "quote").subject, NamedNode(DG + "quote"), Literal("x" * 300),
                                           _first(s, DG + "quote").graph_name)),
    "ill-typed offset": lambda s: s.add(Quad(_first(s, DG + "startOffset").subject, NamedNode(DG + "startOffset"),
                                             Literal("many", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                                             _first(s, DG + "startOffset").graph_name)),
    "confidence out of range": lambda s: s.add(Quad(_first(s, DG + "evidence").subject, NamedNode(DG + "confidence"),
                                                    Literal("1.5", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                                                    _first(s, DG + "evidence").graph_name)),
    # one break per batched form (graph/shacl_sparql.py): a qualified count over a negated value,
    # a count above its maximum, a satisfier missing, a qualified class count missing, a class test
    "evidence unverified": lambda s: [s.remove(q) for q in list(s.quads_for_pattern(None, NamedNode(DG + "verified"), None, None))[:2]],
    "two extraction methods": lambda s: s.add(Quad(_first(s, DG + "extractionMethod").subject, NamedNode(DG + "extractionMethod"),
                                                   Literal("guessed"), _first(s, DG + "extractionMethod").graph_name)),
    "extraction method removed": lambda s: s.remove(_first(s, DG + "extractionMethod")),
    "asylum granted by a person": lambda s: _retarget_agent(s, DG + "AsylumGrant"),
    "source not a source": lambda s: s.add(Quad(_first(s, DG + "source").subject, NamedNode(DG + "source"),
                                                NamedNode(ID + "not-a-source"), _first(s, DG + "source").graph_name)),
}


def _retarget_agent(store: Store, event_class: str) -> None:
    """The agent of one event of this class replaced by the asylee (a person, not a state)."""
    event = next(iter(store.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(event_class), None))).subject
    target = next(iter(store.quads_for_pattern(event, NamedNode(DG + "target"), None, None)))
    for agent in list(store.quads_for_pattern(event, NamedNode(DG + "agent"), None, None)):  # every source's
        store.remove(agent)
        store.add(Quad(event, NamedNode(DG + "agent"), target.object, agent.graph_name))


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_broken_seed_copies_give_pyshacls_results(seed_graph, name: str) -> None:
    results = same_results(broken_copy(seed_graph, BREAKS[name]))
    assert any(r[5] == "Violation" for r in results), name


def test_graphs_limits_validation_to_the_given_sources() -> None:
    backend = case_store(CASES / "_background.ttl", CASES / "ArrestShape.pass.ttl", CASES / "ArrestShape.fail.ttl")
    everything = validate_backend(backend, checks=False).results
    assert everything
    only_pass = validate_backend(backend, graphs=[GRAPH + "source/case-1"], checks=False)
    only_fail = validate_backend(backend, graphs=[GRAPH + "source/case-2"], checks=False)
    assert only_pass.results == []
    assert Counter(key(r) for r in only_fail.results) == Counter(key(r) for r in everything)
    pyshacl = validate_backend(backend, engine="pyshacl", graphs=[GRAPH + "source/case-2"], checks=False)
    assert Counter(key(r) for r in pyshacl.results) == Counter(key(r) for r in only_fail.results)


def test_report_is_a_standard_validation_report(tmp_path) -> None:
    backend = case_store(CASES / "_background.ttl", CASES / "EventShape.fail-votes.ttl")
    report = validate_backend(backend, checks=False)
    path = tmp_path / "report.ttl"
    report.write_turtle(path)
    SH = "http://www.w3.org/ns/shacl#"
    triples = list(parse(path=str(path), format=RdfFormat.TURTLE))
    results = [t.object for t in triples if t.predicate == NamedNode(SH + "result")]
    assert len(results) == len(report.results) > 0
    conforms = [t.object for t in triples if t.predicate == NamedNode(SH + "conforms")]
    assert conforms == [Literal(False)]
    components = {t.object.value for t in triples if t.predicate == NamedNode(SH + "sourceConstraintComponent")}
    assert components == {SH + r.component + "ConstraintComponent" for r in report.results}


def test_an_untranslated_component_is_refused_by_name(tmp_path) -> None:
    from diplograph.graph.shacl_sparql import Compiler, ShapesError, ShapesGraph

    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . <x:S> sh:targetClass <x:C> ; "
                      "sh:property [ sh:path <x:p> ; sh:lessThan <x:q> ] .")
    graph = ShapesGraph(shapes)
    compiler = Compiler(graph, lambda c: [c])
    with pytest.raises(ShapesError, match="sh:lessThan"):
        list(compiler.constraints(graph.node_shapes()[0]))


def test_graphs_limits_the_check_queries_to_the_given_sources(seed_graph) -> None:
    """After an incremental build only the changed sources are checked: a claim that lost its source
    is found when its graph is among ``graphs``, and not when only another source is."""
    claim_source = next(iter(seed_graph.store.quads_for_pattern(None, NamedNode(DG + "source"), None, None)))
    backend = broken_copy(seed_graph, lambda s: s.remove(claim_source))
    broken_graph = claim_source.graph_name
    other_graph = next(g for g in backend.graphs() if "/source/" in g.value and g != broken_graph)
    check = "queries/checks/claim-source-violation.rq"
    found = lambda graphs: sorted(r.focus for r in validate_backend(backend, graphs=graphs).results
                                  if r.shape == check)
    everywhere = found(None)
    assert claim_source.subject.value in everywhere
    assert found([broken_graph]) == everywhere
    assert found([other_graph]) == []
