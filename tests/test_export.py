"""Exports: every format × selection parses back to the store's content plus its VoID graph,
byte-identical when repeated; the dataset description; the JSON-LD context; query results formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
from diplograph.graph.backends import OxigraphBackend, Rows
from diplograph.graph.dataset_description import (
    DATASET,
    VOID_GRAPH,
    dataset_description,
)
from diplograph.graph.errors import DiplographError
from diplograph.graph.export import canonical_nquads, export, export_bytes
from diplograph.graph.formats import (
    EXPORT_FORMATS,
    QUAD_FORMATS,
    to_csv,
    to_json,
    to_tsv,
)
from diplograph.graph.graph_selection import select_graphs
from diplograph.graph.jsonld import (
    CONTEXT_IRI,
    CONTEXT_PATH,
    context_text,
    jsonld_context,
)
from diplograph.graph.queries import QueryLibrary
from diplograph.loaders.corpus import (
    CONSOLIDATED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    REGISTRY_GRAPH,
    source_graph,
)
from diplograph.loaders.derived import is_derived_graph
from diplograph.ontology import PREFIXES
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
)

SOURCE = "003-4621cd742095797e"
SOURCES = ("000-cfc943054120e952", "001-dbf1ef83f49ff5d5", "002-2d1ef4a1174005c3", SOURCE, "004-cec08df9c9a3c1c3")
SELECTIONS = {
    "all": "all but derived",  # the index the build derives from each source is left out unless asked for
    "all,derived": None,
    "ontology": [ONTOLOGY_GRAPH],
    f"source:{SOURCE}": [source_graph(SOURCE)],
    "consolidated": [CONSOLIDATED_GRAPH],
}
PARSE_FORMAT = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "nquads": RdfFormat.N_QUADS,
                "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML}
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
                 "rdfxml": "xml"}

VOID = PREFIXES["void"]
DCT = PREFIXES["dct"]
SH = PREFIXES["sh"]
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")


@pytest.fixture(scope="module")
def dumps(seed_graph):
    """(format, selection) → (bytes, count), each export made once for the module."""
    cache: dict = {}

    def get(fmt: str, selection: str):
        if (fmt, selection) not in cache:
            cache[fmt, selection] = export_bytes(seed_graph, fmt, selection)
        return cache[fmt, selection]

    return get


def store_content(backend, graphs):
    if graphs == "all but derived":
        return {q for q in backend.quads(None) if not is_derived_graph(q.graph_name.value)}
    return set(backend.quads(None)) if graphs is None else {q for g in graphs for q in backend.quads(g)}


def expected_quads(backend, fmt, selection):
    """What a dump must hold: the selected store content (+ the VoID graph), as N-Quads-able quads."""
    quads = store_content(backend, SELECTIONS[selection])
    if fmt in QUAD_FORMATS:
        data = quads
        description = dataset_description(backend, selection, len(data), format=fmt)
    else:
        data = {Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads}
        description = [Quad(q.subject, q.predicate, q.object, DefaultGraph())
                       for q in dataset_description(backend, selection, len(data), format=fmt)]
    return data, description


def parsed(data: bytes, fmt: str) -> list[Quad]:
    return list(parse(data, format=PARSE_FORMAT[fmt]))


@pytest.fixture
def exact_rdflib(monkeypatch):
    """rdflib otherwise rewrites lexical forms ("…Z" → "…+00:00"): keep them as written."""
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)


def rdflib_quads(data: bytes, fmt: str) -> list[Quad]:
    """Parse with rdflib (a second, independent parser), handed back as pyoxigraph quads."""
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMAT[fmt])
    return list(parse(dataset.serialize(format="nquads", encoding="utf-8"), format=RdfFormat.N_QUADS))


def void_graph(quads) -> dict:
    """subject → predicate → sorted object values, of the VoID graph's statements."""
    out: dict = {}
    for q in quads:
        out.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object.value)
    return {s: {p: sorted(v) for p, v in po.items()} for s, po in out.items()}


# --- round trips ----------------------------------------------------------------------------

@pytest.mark.parametrize("selection", list(SELECTIONS))
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_dump_parses_back_to_the_selected_content_plus_void(seed_graph, dumps, fmt, selection):
    data, count = dumps(fmt, selection)
    back = parsed(data, fmt)
    content, description = expected_quads(seed_graph, fmt, selection)
    assert canonical_nquads(back) == canonical_nquads(list(content) + description)
    assert count == len(back) == len(content) + len(description)
    if fmt in QUAD_FORMATS:  # the description is its own graph; the data keeps its graphs
        selected = {q.graph_name for q in store_content(seed_graph, SELECTIONS[selection])}
        assert {q for q in back if q.graph_name == VOID_GRAPH} and all(
            q.graph_name == VOID_GRAPH or q.graph_name in selected for q in back)
    else:
        assert all(q.graph_name == DefaultGraph() for q in back)
    assert export_bytes(seed_graph, fmt, selection) == (data, count), "export is not deterministic"


@pytest.mark.parametrize("selection", ["all", "consolidated"])
@pytest.mark.parametrize("fmt", ["jsonld", "turtle", "rdfxml", "trig"])
def test_rdflib_reads_the_same_dataset(seed_graph, dumps, exact_rdflib, fmt, selection):
    data, _ = dumps(fmt, selection)
    assert canonical_nquads(rdflib_quads(data, fmt)) == canonical_nquads(parsed(data, fmt))


def test_same_content_with_other_blank_node_labels_gives_the_same_bytes(seed_graph, dumps):
    """RDFC-1.0 labels: a copy of the store (blank nodes renamed, inserted in reverse) dumps identically."""
    fresh: dict[str, BlankNode] = {}

    def rename(term):
        return fresh.setdefault(term.value, BlankNode()) if isinstance(term, BlankNode) else term

    quads = list(seed_graph.quads())
    assert any(isinstance(q.subject, BlankNode) for q in quads), "the seed graph has no blank node to test"
    store = Store()
    store.extend(Quad(rename(q.subject), q.predicate, rename(q.object), q.graph_name) for q in reversed(quads))
    copy = OxigraphBackend(store, "memory:")
    for fmt in ("turtle", "nquads", "jsonld"):
        assert export_bytes(copy, fmt, "ontology") == dumps(fmt, "ontology")
    assert export_bytes(copy, "trig", "all") == dumps("trig", "all")


def test_ntriples_and_nquads_lines_are_sorted(dumps):
    for fmt in ("ntriples", "nquads"):
        lines = dumps(fmt, "all")[0].splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_turtle_and_trig_prefixes_in_project_order(dumps):
    """pyoxigraph writes @prefix lines in hash-map order; the export puts them in PREFIXES order."""
    for fmt in ("turtle", "trig"):
        head = [line for line in dumps(fmt, "consolidated")[0].splitlines() if line.startswith(b"@prefix ")]
        assert head == [f"@prefix {p}: <{iri}> .".encode() for p, iri in PREFIXES.items()]


def test_without_description(seed_graph):
    data, count = export_bytes(seed_graph, "nquads", "consolidated", describe=False)
    assert count == seed_graph.count(CONSOLIDATED_GRAPH)
    assert canonical_nquads(parsed(data, "nquads")) == canonical_nquads(seed_graph.quads(CONSOLIDATED_GRAPH))


def test_export_writes_to_a_path_a_stream_or_stdout(seed_graph, tmp_path, capsysbinary):
    data, count = export_bytes(seed_graph, "turtle", "consolidated")
    assert export(seed_graph, "turtle", "consolidated", tmp_path / "out.ttl") == count
    assert (tmp_path / "out.ttl").read_bytes() == data
    assert export(seed_graph, "ttl", "consolidated", str(tmp_path / "out2.ttl")) == count  # alias, str path
    assert (tmp_path / "out2.ttl").read_bytes() == data
    stream = io.BytesIO()
    assert export(seed_graph, "turtle", "consolidated", stream) == count
    assert stream.getvalue() == data
    assert export(seed_graph, "turtle", "consolidated", "-") == count
    assert capsysbinary.readouterr().out == data


# --- selections -------------------------------------------------------------------------------

def test_select_graphs(seed_graph):
    # "all": every graph but the index the build derives from each source, unless "derived" is named too
    derived = [g for g in seed_graph.graphs() if is_derived_graph(g.value)]
    assert len(derived) == len(SOURCES)
    assert select_graphs(seed_graph, "all") == sorted(set(seed_graph.graphs()) - set(derived), key=lambda g: g.value)
    assert select_graphs(seed_graph, "all,derived") is None
    assert select_graphs(seed_graph, "derived") == sorted(derived, key=lambda g: g.value)
    assert select_graphs(seed_graph, "ontology") == [ONTOLOGY_GRAPH]
    assert select_graphs(seed_graph, "registry") == [REGISTRY_GRAPH]
    assert select_graphs(seed_graph, "meta") == [META_GRAPH]
    assert select_graphs(seed_graph, f"source:{SOURCE}") == [source_graph(SOURCE)]
    assert select_graphs(seed_graph, "source:003") == [source_graph(SOURCE)]  # a unique prefix
    assert select_graphs(seed_graph, CONSOLIDATED_GRAPH.value) == [CONSOLIDATED_GRAPH]
    assert select_graphs(seed_graph, f"<{CONSOLIDATED_GRAPH.value}>") == [CONSOLIDATED_GRAPH]
    assert select_graphs(seed_graph, "dgg:registry") == [REGISTRY_GRAPH]
    assert select_graphs(seed_graph, "registry, ontology") == [ONTOLOGY_GRAPH, REGISTRY_GRAPH]


@pytest.mark.parametrize("selection", ["everything", "source:999", "source:00", "https://example.org/graph",
                                       "inferred", ""])
def test_unknown_selection_lists_the_choices(seed_graph, selection):
    with pytest.raises(DiplographError) as info:
        select_graphs(seed_graph, selection)
    message = str(info.value)
    if selection == "inferred":  # the seed build does not reason: say how to get the graph
        assert "reason --write" in message
        return
    assert all(source in message for source in SOURCES), message
    if selection not in ("source:999", "source:00"):
        assert all(name in message for name in ("all", "ontology", "registry", "consolidated", "meta", "source:ID"))


def test_unknown_format(seed_graph):
    with pytest.raises(DiplographError, match="turtle, ntriples, nquads, trig, jsonld, rdfxml"):
        export_bytes(seed_graph, "yaml", "all")


# --- the dataset description ----------------------------------------------------------------

def test_void_description_of_the_whole_dataset(seed_graph, dumps):
    data, count = dumps("nquads", "all")
    back = parsed(data, "nquads")
    void = void_graph(q for q in back if q.graph_name == VOID_GRAPH)
    dataset = void[DATASET.value]
    assert {VOID + "Dataset", PREFIXES["dcat"] + "Dataset"} <= set(dataset[PREFIXES["rdf"] + "type"])
    kept = [g for g in seed_graph.graphs() if not is_derived_graph(g.value)]  # "all": the derived index left out
    assert dataset[VOID + "triples"] == [str(sum(seed_graph.count(g) for g in kept))] \
        == [str(len([q for q in back if q.graph_name != VOID_GRAPH]))]
    assert dataset[DCT + "license"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert dataset[PREFIXES["owl"] + "versionInfo"] == dataset[PREFIXES["dcat"] + "version"] == ["0.1.0"]
    assert dataset[VOID + "uriSpace"] == ["https://w3id.org/diplograph/id/"]
    assert dataset[VOID + "sparqlEndpoint"] == ["http://127.0.0.1:8000/sparql"]
    assert dataset[DCT + "title"] and dataset[DCT + "description"]
    ended = seed_graph.select("SELECT ?t WHERE { GRAPH dgg:meta { ?b prov:endedAtTime ?t } }")[0]["t"].value
    assert dataset[DCT + "created"] == [ended]
    assert dataset[DCT + "source"] == [f"https://w3id.org/diplograph/id/source/{s}" for s in SOURCES]
    assert {PREFIXES[p] for p in ("dg", "rdf", "rdfs", "owl", "prov", "time", "skos")} <= set(dataset[VOID + "vocabulary"])
    assert not any(v.startswith("https://w3id.org/diplograph/id/") for v in dataset[VOID + "vocabulary"])
    # one subset per named graph, with its size
    assert dataset[VOID + "subset"] == sorted(g.value for g in kept)
    for graph in kept:
        assert void[graph.value][VOID + "triples"] == [str(seed_graph.count(graph))]
    assert void[source_graph(SOURCE).value][DCT + "source"] == [f"https://w3id.org/diplograph/id/source/{SOURCE}"]


def test_void_lists_the_stored_queries_as_runnable_examples(seed_graph, dumps):
    back = parsed(dumps("turtle", "consolidated")[0], "turtle")
    examples = {q.subject for q in back if q.predicate == RDF_TYPE and q.object == NamedNode(SH + "SPARQLExecutable")}
    assert len(examples) >= 15
    stored = {q.name: q for q in QueryLibrary() if q.kind != "check"}
    assert {e.value.rsplit("/", 1)[1] for e in examples} == set(stored)
    void = void_graph(back)
    for example in examples:
        props = void[example.value]
        name = props[DCT + "identifier"][0]
        assert props[PREFIXES["rdfs"] + "label"] == [stored[name].summary]
        assert props[PREFIXES["schema"] + "target"] == ["http://127.0.0.1:8000/sparql"]
        (text,) = props.get(SH + "select") or props.get(SH + "construct") or props.get(SH + "ask")
        result = seed_graph.query(text, prefixes=False)  # its own PREFIX lines suffice
        assert result.kind == stored[name].kind


def test_void_of_one_source_and_of_the_ontology(seed_graph, dumps):
    for selection, sources in ((f"source:{SOURCE}", [SOURCE]), ("consolidated", list(SOURCES)), ("ontology", [])):
        content, _ = expected_quads(seed_graph, "trig", selection)
        back = parsed(dumps("trig", selection)[0], "trig")
        dataset = void_graph(q for q in back if q.graph_name == VOID_GRAPH)[DATASET.value]
        assert dataset[VOID + "triples"] == [str(len(content))]
        assert dataset.get(DCT + "source", []) == [f"https://w3id.org/diplograph/id/source/{s}" for s in sources]
        assert dataset[VOID + "subset"] == [g.value for g in SELECTIONS[selection]]


def test_void_triples_count_the_union_in_triple_formats(seed_graph, dumps):
    back = parsed(dumps("ntriples", "all")[0], "ntriples")
    dataset = void_graph(back)[DATASET.value]
    union = {q.triple for q in seed_graph.quads() if not is_derived_graph(q.graph_name.value)}
    assert dataset[VOID + "triples"] == [str(len(union))]
    assert len(union) < seed_graph.count()  # the consolidated graph repeats the sources' facts


def test_endpoint_is_a_parameter(seed_graph):
    quads = dataset_description(seed_graph, "registry", 1, endpoint="https://example.org/sparql")
    assert Quad(DATASET, NamedNode(VOID + "sparqlEndpoint"), NamedNode("https://example.org/sparql"), VOID_GRAPH) in quads
    data, _ = export_bytes(seed_graph, "nquads", "registry", endpoint="https://example.org/sparql")
    assert b"<https://example.org/sparql>" in data and b"127.0.0.1" not in data


# --- JSON-LD and its context ------------------------------------------------------------------

def test_context_file_is_generated_from_the_ontology():
    assert CONTEXT_PATH.read_text(encoding="utf-8") == context_text()
    context = jsonld_context()["@context"]
    assert all(context[p] == iri for p, iri in PREFIXES.items())
    assert context["agent"] == {"@id": "dg:agent", "@type": "@id"}
    assert context["startOffset"] == {"@id": "dg:startOffset", "@type": "xsd:integer"}
    assert context["verified"] == {"@id": "dg:verified", "@type": "xsd:boolean"}
    assert context["quote"] == {"@id": "dg:quote"}  # a plain string: no coercion


def test_jsonld_uses_the_context(seed_graph, dumps):
    data, _ = dumps("jsonld", f"source:{SOURCE}")
    doc = json.loads(data)
    assert list(doc) == ["@context", "@graph"]
    assert doc["@context"] == jsonld_context()["@context"]  # inline: parses offline
    graphs = {g["@id"]: g["@graph"] for g in doc["@graph"]}
    assert set(graphs) == {f"dgg:source/{SOURCE}", "dgg:void"}
    nodes = {n["@id"]: n for n in graphs[f"dgg:source/{SOURCE}"]}
    mention = next(n for n in nodes.values() if n.get("@type") == "dg:Mention")
    assert isinstance(mention["startOffset"], str) and mention["verified"] in ("true", "false")
    assert mention["inSource"] == f"src:{SOURCE}"
    event = nodes["ev:peru-severs-relations-with-mexico-2025"]
    assert event["agent"] == "dgid:peru"
    assert "https://w3id.org/diplograph/" not in json.dumps(graphs[f"dgg:source/{SOURCE}"])  # all compacted
    # the published context is referenced by its IRI in the description of the dump
    void = {n["@id"]: n for n in graphs["dgg:void"]}
    assert void["dgid:dataset/jsonld"]["dct:conformsTo"] == {"@id": CONTEXT_IRI}
    assert void["dgid:dataset"]["dcat:distribution"] == {"@id": "dgid:dataset/jsonld"}


def test_jsonld_round_trips_through_rdflib(seed_graph, dumps, exact_rdflib):
    for selection in SELECTIONS:
        data, count = dumps("jsonld", selection)
        content, description = expected_quads(seed_graph, "jsonld", selection)
        back = rdflib_quads(data, "jsonld")
        assert len(back) == count
        assert canonical_nquads(back) == canonical_nquads(list(content) + description)


# --- SPARQL query results formats ---------------------------------------------------------------

@pytest.fixture(scope="module")
def result_rows(seed_graph) -> Rows:
    """Every kind of term: IRIs, blank nodes, plain/language/typed literals, awkward text, unbound."""
    rows = seed_graph.select("""
        SELECT ?s ?p ?o ?unbound WHERE {
          { GRAPH dgg:ontology { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o) || isLiteral(?o)) } }
          UNION { GRAPH ?g { ?s dg:curationNote|dg:verified|dg:startOffset|dg:dateValue ?o ; ?p ?o } }
          OPTIONAL { ?s dg:noSuchProperty ?unbound }
        } ORDER BY ?s ?p ?o""")
    tricky = Literal('a "quoted", comma; tab\tand\nnew line\r\\ back')
    rows.rows.append({"s": NamedNode("https://example.org/x?a=1,2"), "o": tricky})
    rows.rows.append({"p": BlankNode("b1"), "o": Literal("x", language="es-PE")})
    return rows


def same_terms(expected, got) -> bool:
    if isinstance(expected, BlankNode):
        return isinstance(got, BlankNode)
    return expected == got


@pytest.mark.parametrize("write,results_format", [(to_json, QueryResultsFormat.JSON), (to_tsv, QueryResultsFormat.TSV)],
                         ids=["json", "tsv"])
def test_sparql_results_parse(result_rows, write, results_format):
    assert len(result_rows) > 100
    solutions = parse_query_results(write(result_rows), format=results_format)
    assert [v.value for v in solutions.variables] == result_rows.variables
    got = list(solutions)
    assert len(got) == len(result_rows)
    for row, solution in zip(result_rows, got):
        for var in result_rows.variables:
            assert (var in row) == (solution[var] is not None)
            if var in row:
                assert same_terms(row[var], solution[var]), (var, row[var], solution[var])


def test_sparql_csv_results_parse(result_rows):
    """CSV is lossy (pyoxigraph refuses to parse it): rdflib reads it; values are the lexical forms."""
    text = to_csv(result_rows)
    assert text.startswith(",".join(result_rows.variables) + "\r\n")  # names without '?', CRLF
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert len(records) == len(result_rows) + 1
    result = rdflib.query.Result.parse(io.BytesIO(text.encode("utf-8")), format="csv")
    assert [str(v) for v in result.vars] == result_rows.variables
    got = list(result)
    assert len(got) == len(result_rows)
    for row, parsed_row in zip(result_rows, got):
        for var, value in zip(result_rows.variables, parsed_row):
            term = row.get(var)
            if term is None:
                assert value is None
            elif isinstance(term, BlankNode):
                assert isinstance(value, rdflib.BNode) and str(value) == f"_:{term.value}"
            elif isinstance(term, NamedNode):
                assert isinstance(value, rdflib.URIRef) and str(value) == term.value
            else:
                assert str(value) == term.value


@pytest.mark.parametrize("name, canonical", [("n-triples", "ntriples"), ("NT", "ntriples"), ("ttl", "turtle"),
                                             ("application/ld+json", "jsonld"), ("json", "jsonld"), ("n-quads", "nquads"),
                                             ("rdf/xml", "rdfxml"), ("TriG", "trig")])
def test_format_names_come_from_the_one_registry(name, canonical):
    from diplograph.graph.formats import RDF_FORMATS, export_format, rdf_format
    from diplograph.graph.web.protocol import GRAPH_OFFERS, PAGE_OFFERS
    assert export_format(name) == canonical == rdf_format(name).name
    # the server offers the same pyoxigraph format under the same media type
    entry = RDF_FORMATS[canonical]
    assert all(o.format == entry.format for o in (*GRAPH_OFFERS, *PAGE_OFFERS) if o.mime == entry.media_type)
