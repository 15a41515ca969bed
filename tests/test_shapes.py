"""Every SHACL shape in ontology/shapes.ttl, run on cases that conform and cases that violate it.

The cases live in ``tests/shapes/``, one small Turtle file each, named after the local name of
the node shape they exercise:

* ``<Shape>.pass.ttl`` (and optional ``<Shape>.pass-<what>.ttl``): must give no result at all,
  neither violation nor warning, from any shape;
* ``<Shape>.fail.ttl`` (and optional ``<Shape>.fail-<what>.ttl``): must give at least one
  result, and every result must come from ``<Shape>`` (its sh:sourceShape is the shape or one
  of the property shapes / SPARQL constraints nested in it).

The shapes are enumerated from shapes.ttl at collection time, so a shape without both kinds of
case is a failing test, and so is a case file for a shape that does not exist.

Each case is parsed after a shared header (the prefixes of ``ontology.PREFIXES`` and
``@base <https://w3id.org/diplograph/id/>``, so ``<event/x>`` is ``ev:x``) and
validated together with ``tests/shapes/_background.ttl`` (a tiny registry and one source that
conform) and the ontology, the way the build validates the union of the named graphs.
``tests/shapes/example.trig`` is a complete realistic source graph plus registry.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
import warnings
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the project is not necessarily installed into the venv
    sys.path.insert(0, str(ROOT))

from diplograph.ontology import (
    DG,
    EVENT_CLASSES,
    ID,
    ONTOLOGY_TTL,
    PREFIXES,
    SHAPES_TTL,
    TERMS,
)

CASES = Path(__file__).resolve().parent / "shapes"
BACKGROUND = CASES / "_background.ttl"
EXAMPLE = CASES / "example.trig"
EXAMPLE_TEXT = CASES / "example-article.txt"

HEADER = "".join(f"@prefix {p}: <{iri}> . " for p, iri in PREFIXES.items()) + f"@base <{ID}> .\n"
DGNS = Namespace(DG)

# --- the ontology ------------------------------------------------------------------------

@functools.cache
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@functools.cache
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def node_shapes(shapes: Graph) -> list[URIRef]:
    """The named node shapes: IRIs typed sh:NodeShape or with a target."""
    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(SH.targetClass, None))
    return sorted(s for s in found if isinstance(s, URIRef))


@functools.cache
def owners() -> dict:
    """Every node inside a named shape (property shapes, SPARQL constraints, lists ...) -> that shape."""
    shapes = shapes_graph()
    owner: dict = {}
    for shape in node_shapes(shapes):
        owner[shape] = shape
        stack = [shape]
        while stack:
            for o in shapes.objects(stack.pop(), None):
                if isinstance(o, BNode) and o not in owner:
                    owner[o] = shape
                    stack.append(o)
    return owner


def shape_names() -> list[str]:
    return [str(s)[len(DG):] for s in node_shapes(shapes_graph())]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "shape" in metafunc.fixturenames:
        metafunc.parametrize("shape", shape_names())


# --- validation --------------------------------------------------------------------------


@functools.cache
def background() -> Graph:
    return parse_case(BACKGROUND)


def parse_case(path: Path) -> Graph:
    return Graph().parse(data=HEADER + path.read_text(encoding="utf-8"), format="turtle")


def validate(data: Graph) -> list[dict]:
    """The results of validating data + ontology against all shapes, as plain dicts."""
    data_graph = Graph()
    data_graph += data
    data_graph += ontology_graph()  # rdfs:subClassOf in the data graph, as in the build
    _, report, text = pyshacl.validate(
        data_graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph() if ONTOLOGY_TTL.exists() else None,
        inference="none",
        advanced=True,
        allow_warnings=False,
        inplace=True,  # data_graph is ours and thrown away: no need for pyshacl to copy it
    )
    if not isinstance(report, Graph):  # pyshacl could not run the shapes at all
        raise AssertionError(f"pyshacl failed: {report} {text}")
    results = []
    # top-level results only (pyshacl also types the sh:detail of an sh:node result as a result)
    for result in report.objects(None, SH.result):
        source = report.value(result, SH.sourceShape)
        results.append({
            "shape": owners().get(source),
            "severity": report.value(result, SH.resultSeverity),
            "focus": report.value(result, SH.focusNode),
            "path": report.value(result, SH.resultPath),
            "value": report.value(result, SH.value),
            "message": str(report.value(result, SH.resultMessage)),
        })
    return results


def describe(results: list[dict]) -> str:
    def short(node) -> str:
        text = str(node)
        for prefix in (DG, ID, str(SH)):
            if text.startswith(prefix):
                return text[len(prefix):]
        return text

    return "\n".join(
        f"  [{short(r['severity'])}] {short(r['shape'])} on {short(r['focus'])}"
        f" ({short(r['path'])}={r['value']}): {r['message']}"
        for r in results
    ) or "  (no results)"


def cases(shape: str, kind: str) -> list[Path]:
    return sorted(CASES.glob(f"{shape}.{kind}.ttl")) + sorted(CASES.glob(f"{shape}.{kind}-*.ttl"))


# --- the shapes themselves ---------------------------------------------------------------


def test_shapes_parse_and_are_named() -> None:
    shapes = shapes_graph()
    names = node_shapes(shapes)
    assert len(names) >= 30
    for s in names:
        assert str(s).startswith(DG) and str(s).endswith("Shape"), s


def test_shapes_graph_is_valid_shacl() -> None:
    """shapes.ttl against the SHACL-for-SHACL shapes (catches e.g. a misspelt sh: term)."""
    from pyshacl.entrypoints import meta_validate

    conforms, _, text = meta_validate(shapes_graph(), inference="none")
    assert conforms, text


def test_shape_metadata(shape: str) -> None:
    """Label, researcher message, severity and a class target on every node shape; a message and
    a severity on every property shape and SPARQL constraint that reports by itself."""
    shapes = shapes_graph()
    node = DGNS[shape]
    assert shapes.value(node, RDFS.label) is not None, f"{shape}: no rdfs:label"
    assert shapes.value(node, SH.message) is not None, f"{shape}: no sh:message"
    assert shapes.value(node, SH.severity) in (SH.Violation, SH.Warning), f"{shape}: sh:severity"
    assert list(shapes.objects(node, SH.targetClass)), f"{shape}: no sh:targetClass"
    stack = [node]
    while stack:
        current = stack.pop()
        for prop in shapes.objects(current, SH.property):
            assert shapes.value(prop, SH.message) is not None, f"{shape}: a property shape has no sh:message"
            assert shapes.value(prop, SH.severity) == shapes.value(node, SH.severity), (
                f"{shape}: a property shape's sh:severity differs from the node shape's"
            )
            stack.append(prop)
        for sparql in shapes.objects(current, SH.sparql):
            assert shapes.value(sparql, SH.message) is not None, f"{shape}: a SPARQL constraint has no sh:message"


def test_event_types_listed_in_shapes_match_the_vocabulary() -> None:
    """dg:EventShape's list of specific event classes is ontology.EVENT_CLASSES."""
    shapes = shapes_graph()
    lists = [
        list(shapes.items(lst))
        for qvs in shapes.objects(None, SH.qualifiedValueShape)
        for lst in shapes.objects(qvs, SH["in"])
    ]
    assert sorted(str(c) for c in lists[0]) == sorted(DG + c for c in EVENT_CLASSES)
    assert len(lists) == 1


def test_shapes_use_only_declared_terms() -> None:
    """Every dg: term the shapes use (other than the shapes themselves) is a term of ontology/__init__.py,
    so a typo in shapes.ttl does not silently check nothing."""
    used = {
        str(term)[len(DG):]
        for triple in shapes_graph()
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(DG)
    }
    used |= set(re.findall(r"\bdg:(\w+)", "\n".join(str(q) for q in shapes_graph().objects(None, SH.select))))
    unknown = sorted(t for t in used if not t.endswith("Shape") and t not in TERMS)
    assert not unknown, f"shapes.ttl uses undeclared terms: {unknown}"


def test_every_case_file_belongs_to_a_shape() -> None:
    names = set(shape_names())
    for path in CASES.glob("*.ttl"):
        if path.name.startswith("_"):
            continue
        match = re.fullmatch(r"(\w+)\.(pass|fail)(-[\w-]+)?\.ttl", path.name)
        assert match, f"{path.name}: name it <Shape>.pass.ttl, <Shape>.fail.ttl or <Shape>.fail-<what>.ttl"
        assert match[1] in names, f"{path.name}: no shape dg:{match[1]} in shapes.ttl"


# --- the cases ---------------------------------------------------------------------------


@functools.cache
def message_patterns() -> list[re.Pattern]:
    """The sh:message texts of shapes.ttl, with {?var} / {$this} placeholders as wildcards."""
    out = []
    for message in set(shapes_graph().objects(None, SH.message)):
        parts = re.split(r"\{[?$]\w+\}", str(message))
        out.append(re.compile(".*".join(re.escape(p) for p in parts), re.DOTALL))
    return out


def test_background_conforms() -> None:
    results = validate(background())
    assert not results, "the shared background does not conform:\n" + describe(results)


def test_conforming_cases(shape: str) -> None:
    paths = cases(shape, "pass")
    assert paths, f"dg:{shape} has no conforming case: add tests/shapes/{shape}.pass.ttl"
    for path in paths:
        data = parse_case(path)
        assert any(True for _ in data.subjects()), f"{path.name} is empty"
        results = validate(data + background())
        assert not results, f"{path.name} should conform but gives:\n" + describe(results)


def test_violating_cases(shape: str) -> None:
    paths = cases(shape, "fail")
    assert paths, f"dg:{shape} has no violating case: add tests/shapes/{shape}.fail.ttl"
    target = DGNS[shape]
    expected = shapes_graph().value(target, SH.severity)
    for path in paths:
        results = validate(parse_case(path) + background())
        assert results, f"{path.name} should violate dg:{shape} but conforms"
        others = [r for r in results if r["shape"] != target]
        assert not others, f"{path.name} should violate only dg:{shape}, but also gives:\n" + describe(others)
        for r in results:
            assert r["severity"] == expected, f"{path.name}: severity\n" + describe([r])
            assert any(p.fullmatch(r["message"]) for p in message_patterns()), (
                f"{path.name}: a result without a message of ours (add sh:message):\n" + describe([r])
            )


# --- a complete, realistic example --------------------------------------------------------


@functools.cache
def example_union() -> Graph:
    """The union of the named graphs of example.trig."""
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib's TriG parser uses its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(EXAMPLE, format="trig")
    union = Graph()
    for graph in dataset.graphs():
        union += graph
    return union


def test_realistic_example_conforms() -> None:
    """One source graph and the registry (TriG): a source, an asylum grant with its date, a
    claim with a verified mention, a tenure, a mission, a provision. Zero results."""
    union = example_union()
    assert len(union) > 50
    for cls in ("Source", "Claim", "Mention", "AsylumGrant", "DateValue", "Tenure",
                "Embassy", "Provision"):
        assert (None, RDF.type, DGNS[cls]) in union, f"the example has no dg:{cls}"
    results = validate(union)
    assert not results, "the realistic example should conform but gives:\n" + describe(results)


def test_realistic_example_matches_its_article() -> None:
    """The example's checksum, length and mention offsets are those of example-article.txt."""
    union = example_union()
    raw = EXAMPLE_TEXT.read_bytes()
    text = raw.decode("utf-8")
    (source,) = union.subjects(RDF.type, DGNS.Source)
    assert str(union.value(source, DGNS.sha256)) == hashlib.sha256(raw).hexdigest()
    assert union.value(source, DGNS.charCount).toPython() == len(text)
    mentions = list(union.subjects(RDF.type, DGNS.Mention))
    assert mentions
    for mention in mentions:
        start = union.value(mention, DGNS.startOffset).toPython()
        end = union.value(mention, DGNS.endOffset).toPython()
        assert text[start:end] == str(union.value(mention, DGNS.quote))
        assert str(mention).endswith(f"/{start}-{end}")
        assert union.value(mention, DGNS.verified) == Literal(True)
