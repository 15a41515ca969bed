"""One contract suite for every backend: the embedded store and a real remote SPARQL 1.1 server
(the `oxigraph` server from PyPI, started by the test on a free loopback port and filled with
`diplograph push`).  Every stored query must give the same rows on both."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import subprocess
import time
import urllib.request

from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from diplograph.graph.backends import Backend, OxigraphBackend
from diplograph.graph.errors import QueryError, ReadOnlyError
from diplograph.graph.export import canonical_nquads
from diplograph.graph.queries import QueryLibrary, run
from diplograph.graph.remote import SparqlBackend, push, with_values

ROOT = Path(__file__).resolve().parents[1]  # the repository
LIBRARY = QueryLibrary()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph SPARQL server on 127.0.0.1, stopped after the module."""
    # the server comes with the `oxigraph` package, next to this Python (the venv may not be on PATH)
    binary = shutil.which("oxigraph", path=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    if binary is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"oxigraph server did not start: {process.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def remote(oxigraph_server, seed_graph) -> SparqlBackend:
    backend = SparqlBackend(f"{oxigraph_server}/query")
    summary = push(seed_graph, backend)
    assert summary.graphs == len(seed_graph.graphs())
    return backend


@pytest.fixture(params=["embedded", "remote"])
def backend(request, seed_graph) -> Backend:
    return seed_graph if request.param == "embedded" else request.getfixturevalue("remote")


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


@pytest.mark.parametrize("stored_query", list(LIBRARY), ids=[q.name for q in LIBRARY])
def test_stored_query_rows_equal_on_every_backend(stored_query, backend, seed_graph):
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


def test_push_replaces_changed_graphs_and_prunes_removed_ones(remote, seed_graph):
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


def test_cli_push_then_query_with_endpoint(oxigraph_server, tmp_path, texts_dir):
    """The user's path: build, push, then every stored query with --endpoint equals the local rows."""
    import json
    import os

    
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "DIPLOGRAPH_TEXTS": str(texts_dir)}, timeout=120)

    store = str(tmp_path / "store")
    assert cli("build", "--store", store, "--no-validate").returncode == 0
    pushed = cli("push", "--endpoint", f"{oxigraph_server}/query", "--store", store)
    assert pushed.returncode == 0, pushed.stderr
    assert "pushed 9 graphs" in pushed.stdout
    for name in ("who-recognized-whom", "asylum-grants", "conflicts"):
        local = json.loads(cli("query", name, "-f", "json", "--store", store).stdout)
        there = json.loads(cli("query", name, "-f", "json", "--endpoint", f"{oxigraph_server}/query").stdout)
        assert sorted(map(json.dumps, there["results"]["bindings"])) == sorted(map(json.dumps, local["results"]["bindings"]))
