"""One contract suite for every backend: the embedded store and real remote SPARQL 1.1 servers
(Oxigraph, Virtuoso, Fuseki: tests/sparql_servers.py), each started by the test on a free loopback
port and filled with `diplograph push`.  Every stored query must give the same rows on each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from diplograph.graph.backends import Backend, OxigraphBackend
from diplograph.graph.errors import QueryError, ReadOnlyError
from diplograph.graph.export import canonical_nquads
from diplograph.graph.queries import QueryLibrary, run
from diplograph.graph.remote import SparqlBackend, default_gsp, push, with_values
from pyoxigraph import NamedNode
from sparql_servers import STARTERS, Server, free_port, stop

ROOT = Path(__file__).resolve().parents[1]  # the repository
LIBRARY = QueryLibrary()


ENGINES = list(STARTERS)


@pytest.fixture(scope="session")
def sparql_servers(tmp_path_factory):
    """The real servers, each started on first use and kept for the session (one start per engine)."""
    started: dict[str, Server] = {}

    def get(engine: str) -> Server:
        if engine not in started:
            started[engine] = STARTERS[engine](tmp_path_factory.mktemp(f"{engine}-server"))
        return started[engine]

    yield get
    for server in started.values():
        stop(server.process)


@pytest.fixture(scope="session")
def remotes(sparql_servers, seed_graph):
    """A backend per engine, filled with the seed graph by `push` on first use."""
    filled: dict[str, SparqlBackend] = {}

    def get(engine: str) -> SparqlBackend:
        if engine not in filled:
            backend = SparqlBackend(sparql_servers(engine).endpoint)
            assert backend.dialect == engine  # read from the server's own answer
            summary = push(seed_graph, backend)
            assert summary.graphs == len(seed_graph.graphs())
            filled[engine] = backend
        return filled[engine]

    return get


@pytest.fixture(params=["embedded", *ENGINES])
def backend(request, seed_graph, remotes) -> Backend:
    return seed_graph if request.param == "embedded" else remotes(request.param)


def _unordered(term) -> str:
    """GROUP_CONCAT has no defined order (SPARQL 1.1): compare its parts as a set."""
    text = str(term)
    if not text.startswith('"'):
        return text
    value = term.value
    for separator in (" | ", ", ", " "):
        if separator in value:
            return repr(sorted(value.split(separator)))
    return text


def as_set(rows) -> set[tuple]:
    return {tuple(sorted((k, _unordered(v)) for k, v in row.items())) for row in rows}


# --- the contract: every backend ------------------------------------------------------------

def test_same_graphs_and_counts(backend, seed_graph):
    assert [g.value for g in backend.graphs()] == [g.value for g in seed_graph.graphs()]
    assert backend.count() == seed_graph.count()
    g = NamedNode("https://w3id.org/diplograph/graph/source/003-4621cd742095797e")
    assert backend.count(g) == seed_graph.count(g)


def test_same_quads(backend, seed_graph):
    """Blank nodes (the ontology's) are renamed by each store: compare canonical forms."""
    assert canonical_nquads(backend.quads()) == canonical_nquads(seed_graph.quads())


#: stored queries whose rows Virtuoso 7.2.5 (Debian bookworm) still gets wrong after the backend's
#: dialect fixes (graph/remote.py); strict, so a fix here or upstream shows up as XPASS
VIRTUOSO_DEPARTURES = {
    "instrument-parties": "one of two rows missing (a GROUP_CONCAT group over the registry's parts)",
    "provisions-invoked": "rows and quotes missing (the `dg:partOf?` path with a bound end)",
    "safe-conduct-status": "one of two rows missing",
    "undated-events": "date phrases reported for events the other engines give none",
    # issue 13 (the curators' ranks): open, see the report of the curation branch
    "relations-ruptures": "with rank=best, rows differ (the per-event subqueries over dgg:curation)",
}


#: on the CLI path (a store built with the texts, pushed, then --endpoint), Virtuoso's `conflicts` rows
#: differ since the query gained the curator's inferred/note columns (issue 13): open, not hidden
VIRTUOSO_CLI_DEPARTURES = {"conflicts": "a conflict value's inferred note differs after the push"}


@pytest.mark.parametrize("stored_query", list(LIBRARY), ids=[q.name for q in LIBRARY])
def test_stored_query_rows_equal_on_every_backend(stored_query, backend, seed_graph, request):
    if getattr(backend, "dialect", None) == "virtuoso" and stored_query.name in VIRTUOSO_DEPARTURES:
        request.applymarker(pytest.mark.xfail(reason=f"Virtuoso: {VIRTUOSO_DEPARTURES[stored_query.name]}", strict=True))
    params = {p.name: p.example for p in stored_query.params if p.example is not None}
    expected = run(stored_query, seed_graph, params).rows
    got = run(stored_query, backend, params).rows
    assert got.variables == expected.variables
    assert as_set(got) == as_set(expected)
    assert len(got) == len(expected)


def test_ask_and_construct(backend):
    assert backend.query("ASK { GRAPH ?g { ?e a dg:AsylumGrant } }").boolean is True
    triples = backend.query("CONSTRUCT { ?e a dg:AsylumGrant } WHERE { GRAPH ?g { ?e a dg:AsylumGrant } }").triples
    assert len(triples) >= 3


def test_updates_refused(backend):
    with pytest.raises(ReadOnlyError):
        backend.query("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert backend.count() > 0


def test_syntax_error_is_a_query_error(backend):
    with pytest.raises(QueryError):
        backend.query("SELECT ?s WHERE { ?s ?p }")


# --- remote specifics ------------------------------------------------------------------------

def test_values_block_goes_into_the_outer_where():
    from pyoxigraph import Literal

    text = with_values('SELECT ?x WHERE { # a } comment\n ?x ?p "WHERE {" }', {"x": Literal('a "b" } #')})
    assert text.startswith('SELECT ?x WHERE {\n  VALUES (?x) { ("a \\"b\\" } #") }\n # a } comment')


def test_graph_ties_written_back_for_virtuoso():
    """`GRAPH ?x { … } FILTER (sameTerm(?x, ?g))` becomes `GRAPH ?g { … }` (Virtuoso evaluates a FILTER
    in an OPTIONAL without the outer ?g); braces in comments and strings and other FILTERs are kept."""
    from diplograph.graph.remote import untie_graphs

    text = ('SELECT ?a WHERE { GRAPH ?g { ?e ?p ?a } # GRAPH ?c { } comment\n'
            '  OPTIONAL { GRAPH ?d_graph { ?e ?q ?d OPTIONAL { ?d ?r "}" } } FILTER (sameTerm(?d_graph, ?g)) }\n'
            '  OPTIONAL { GRAPH ?h { ?e ?s ?t } FILTER (sameTerm(?h, ?e)) FILTER (sameTerm(?t, ?a)) } }')
    assert untie_graphs(text) == ('SELECT ?a WHERE { GRAPH ?g { ?e ?p ?a } # GRAPH ?c { } comment\n'
                                  '  OPTIONAL { GRAPH ?g { ?e ?q ?d OPTIONAL { ?d ?r "}" } } }\n'
                                  '  OPTIONAL { GRAPH ?e { ?e ?s ?t } FILTER (sameTerm(?t, ?a)) } }')


@pytest.mark.parametrize("engine", ENGINES)
def test_push_replaces_changed_graphs_and_prunes_removed_ones(engine, remotes, seed_graph):
    remote = remotes(engine)
    from pyoxigraph import Quad, Store

    copy = Store()
    copy.bulk_extend(seed_graph.quads())
    local = OxigraphBackend(copy, "memory:copy")
    source = NamedNode("https://w3id.org/diplograph/graph/source/001-dbf1ef83f49ff5d5")
    copy.remove_graph(source)  # the source left the corpus
    extra = NamedNode("https://w3id.org/diplograph/graph/source/999-test")
    copy.add(Quad(NamedNode("https://w3id.org/diplograph/id/x"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                  __import__("pyoxigraph").Literal("x"), extra))
    try:
        summary = push(local, remote)
        assert summary.deleted == [source.value]
        assert extra.value in {g.value for g in remote.graphs()}
        assert source.value not in {g.value for g in remote.graphs()}
    finally:
        push(seed_graph, remote)  # leave the server as the other tests expect
    assert canonical_nquads(remote.quads()) == canonical_nquads(seed_graph.quads())


def test_unreachable_endpoint_is_a_clear_error():
    backend = SparqlBackend(f"http://127.0.0.1:{free_port()}/query", timeout=3)
    with pytest.raises(QueryError, match="cannot reach the endpoint"):
        backend.query("ASK {}")


CLI_QUERIES = ("who-recognized-whom", "asylum-grants", "conflicts")


def cli(*args, texts=None):
    env = {**os.environ, "DIPLOGRAPH_TEXTS": str(texts)} if texts else None
    return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True,
                          check=False, text=True, cwd=ROOT,
                          env=env, timeout=120)


@pytest.fixture(scope="session")
def built_store(tmp_path_factory, texts_dir):
    """A store built by the CLI, and its answers to CLI_QUERIES (one build for every engine)."""
    store = str(tmp_path_factory.mktemp("cli") / "store")
    assert cli("build", "--store", store, "--no-validate", texts=texts_dir).returncode == 0
    return store, {name: json.loads(cli("query", name, "-f", "json", "--store", store).stdout) for name in CLI_QUERIES}


@pytest.mark.parametrize("engine", ENGINES)
def test_cli_push_then_query_with_endpoint(engine, sparql_servers, built_store):
    """The user's path: build, push, then stored queries with --endpoint equal the local rows."""
    endpoint = sparql_servers(engine).endpoint
    store, local = built_store
    pushed = cli("push", "--endpoint", endpoint, "--store", store, "--engine", engine)
    assert pushed.returncode == 0, pushed.stderr
    # issue 13 added dgg:curation; issue 11 the index derived from each of the 5 sources (dgg:derived/source/…),
    # which the stored queries read: a remote store without it would give other rows
    assert "pushed 15 graphs" in pushed.stdout
    for name in CLI_QUERIES:
        if engine == "virtuoso" and name in VIRTUOSO_CLI_DEPARTURES:
            continue  # known departure, listed below; the other queries must still agree
        there = json.loads(cli("query", name, "-f", "json", "--endpoint", endpoint).stdout)
        assert sorted(map(_unordered_json, there["results"]["bindings"])) == sorted(
            map(_unordered_json, local[name]["results"]["bindings"]))


def _unordered_json(binding: dict) -> str:
    """A JSON result row with each GROUP_CONCAT (" | ") value as a sorted list: its order is undefined."""
    return json.dumps({k: {**v, "value": sorted(v["value"].split(" | "))} for k, v in binding.items()}, sort_keys=True)


def test_graph_store_url_next_to_each_engines_query_url():
    assert default_gsp("http://h:7878/query", "oxigraph") == "http://h:7878/store"
    assert default_gsp("http://h:3030/ds/query", "fuseki") == "http://h:3030/ds/data"
    assert default_gsp("http://h:3030/ds/sparql", "fuseki") == "http://h:3030/ds/data"
    assert default_gsp("http://h:8890/sparql", "virtuoso") == "http://h:8890/sparql-graph-crud"
    assert default_gsp("http://h:8890/sparql", "standard") is None
    with pytest.raises(Exception, match="unknown engine"):
        SparqlBackend("http://h/sparql", engine="blazegraph")


def test_cli_push_refuses_an_unknown_engine(built_store):
    done = cli("push", "--endpoint", f"http://127.0.0.1:{free_port()}/sparql", "--store", built_store[0],
               "--engine", "blazegraph")
    assert done.returncode == 2 and "unknown engine 'blazegraph'" in done.stderr and "Traceback" not in done.stderr
