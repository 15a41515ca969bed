"""`diplograph serve --store sparql:URL`: the pages, stored queries and /sparql read through the
``Backend`` interface, here from a real Oxigraph server (the `oxigraph` wheel) on a loopback port.

The server runs read-only on the very store the seed corpus was built into, so every answer can be
compared with what `serve` gives over the embedded store: the same pages, the same rows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from diplograph.graph.builder import build
from diplograph.graph.errors import StoreError
from diplograph.graph.settings import default_corpus
from diplograph.graph.web import ServerHandle, make_app
from diplograph.ontology import PREFIXES
from pyoxigraph import RdfFormat, parse
from sparql_servers import free_port, missing, stop, wait_until_up
from test_server import EVENT, SOURCE_003, http

PAGES = ["/id/betssy-chavez", "/id/" + EVENT, "/id/source/" + SOURCE_003, "/id/peru", "/"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, texts_dir):
    path = tmp_path_factory.mktemp("serve-remote") / "diplograph.oxigraph"
    build(default_corpus(), path, texts_dir, validate=False)
    return path


@pytest.fixture(scope="module")
def oxigraph_server(store_path, tmp_path_factory):
    """The Oxigraph server reading the built store (union default graph, as `serve` has it)."""
    binary = shutil.which("oxigraph", path=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    if binary is None:
        missing("the oxigraph server", "pip install oxigraph")
    port = free_port()
    log = tmp_path_factory.mktemp("oxigraph-log") / "oxigraph.log"
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(store_path), "--union-default-graph",
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    wait_until_up(process, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 20, log)
    yield f"http://127.0.0.1:{port}/query"
    stop(process)


@pytest.fixture(scope="module")
def remote(oxigraph_server):
    with ServerHandle(f"sparql:{oxigraph_server}", timeout=10, max_rows=500, workers=2) as handle:
        yield handle


@pytest.fixture(scope="module")
def local(store_path):
    with ServerHandle(store_path, timeout=10, max_rows=500, workers=2) as handle:
        yield handle


@pytest.mark.parametrize("path", PAGES)
def test_pages_from_the_remote_store_equal_the_embedded_ones(remote, local, path):
    status, headers, body = http(remote.url + path, accept="text/html")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8", body[:300]
    assert body.decode() == http(local.url + path, accept="text/html")[2].decode()


def test_page_rdf_and_graph_store_from_the_remote_store(remote, local):
    for path in ("/id/betssy-chavez?format=trig", "/store?" + urllib.parse.urlencode({"graph": PREFIXES["dgg"] + "registry"})):
        status, _, body = http(remote.url + path, accept="application/n-quads")
        assert status == 200, body
        got = set(parse(body, format=RdfFormat.N_QUADS if "store" in path else RdfFormat.TRIG))
        assert got and got == set(parse(http(local.url + path, accept="application/n-quads")[2],
                                         format=RdfFormat.N_QUADS if "store" in path else RdfFormat.TRIG))
    assert http(remote.url + "/id/no-such-entity")[0] == 404


def test_sparql_and_stored_queries_through_the_remote_store(remote, local):
    query = "SELECT ?s ?label WHERE { GRAPH dgg:registry { ?s rdfs:label ?label } } ORDER BY ?s ?label LIMIT 50"
    url = "/sparql?" + urllib.parse.urlencode({"query": query})
    status, _, body = http(remote.url + url, accept="application/sparql-results+json")
    assert status == 200 and json.loads(body)["results"]["bindings"]
    assert json.loads(body) == json.loads(http(local.url + url, accept="application/sparql-results+json")[2])
    construct = "/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT { ?s rdfs:label ?l } WHERE { GRAPH ?g { ?s rdfs:label ?l } }"})
    triples = set(parse(http(remote.url + construct, accept="application/n-triples")[2], format=RdfFormat.N_TRIPLES))
    assert triples and triples == set(parse(http(local.url + construct, accept="application/n-triples")[2],
                                            format=RdfFormat.N_TRIPLES))
    for path in ("/queries/asylum-grants", "/queries/entity-profile?entity=betssy-chavez", "/queries/relations-timeline?state_a=Peru&state_b=Mexico"):
        status, _, body = http(remote.url + path, accept="text/csv")
        assert status == 200, (path, body)
        assert body == http(local.url + path, accept="text/csv")[2], path
    # the protocol's refusals hold whatever the store: no updates, no SERVICE, syntax errors are 400
    assert http(remote.url + "/sparql", data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                content_type="application/sparql-update")[0] == 403
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert http(remote.url + "/sparql?" + urllib.parse.urlencode({"query": service}))[0] == 403
    status, _, body = http(remote.url + "/sparql?query=SELEC")
    assert status == 400


def test_an_unreachable_remote_store_is_refused_at_start():
    with pytest.raises(StoreError, match="cannot reach"):
        make_app(f"sparql:http://127.0.0.1:{free_port()}/query", workers=1)


def test_service_description_does_not_promise_a_union_default_graph(remote, local):
    feature = b"sd:UnionDefaultGraph"
    assert feature in http(local.url + "/sparql", accept="text/turtle")[2]
    status, _, body = http(remote.url + "/sparql", accept="text/turtle")
    assert status == 200 and feature not in body and b"the SPARQL server this endpoint reads from" in body


def test_cli_serve_fronts_a_sparql_server(oxigraph_server, tmp_path):
    """`diplograph serve --store sparql:URL`, as a user runs it (it was refused before)."""
    process = subprocess.Popen([sys.executable, "-m", "diplograph.graph", "serve", "--store", f"sparql:{oxigraph_server}",
                                "--port", "0", "--quiet", "--workers", "1"], stdout=subprocess.PIPE,
                               stderr=(tmp_path / "serve.log").open("wb"), text=True)
    try:
        line = process.stdout.readline()
        url = re.search(r"read-only at (http://127\.0\.0\.1:\d+)/", line)
        assert url, (line, (tmp_path / "serve.log").read_text())
        status, headers, body = http(url.group(1) + "/id/peru", accept="text/html")
        assert status == 200 and "<h1>Peru</h1>" in body.decode()
        assert oxigraph_server in line  # it says what it serves
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_remote_store_that_stops_answering_is_a_502(store_path, tmp_path):
    """Not the client's fault (400) nor a crash (500): the store behind the server is gone."""
    binary = shutil.which("oxigraph", path=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    if binary is None:
        missing("the oxigraph server", "pip install oxigraph")
    port = free_port()
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(store_path), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(process, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 20)
    with ServerHandle(f"sparql:http://127.0.0.1:{port}/query", timeout=10, workers=1) as handle:
        assert http(handle.url + "/id/peru")[0] == 200
        stop(process)
        for path in ("/id/peru", "/sparql?query=ASK%7B%7D", "/queries/asylum-grants"):
            status, _, body = http(handle.url + path)
            assert status == 502 and b"cannot reach the endpoint" in body, (path, status, body)


def test_the_backend_keeps_its_connection_alive(oxigraph_server):
    """Queries to a remote store go over one kept-alive connection; one the server has dropped
    meanwhile is met once and the query sent again on a new connection."""
    import socket

    from diplograph.graph.remote import SparqlBackend

    backend = SparqlBackend(oxigraph_server, engine="oxigraph")
    assert backend.query("ASK { ?s ?p ?o }").boolean
    first = backend._local.conn.sock
    local_port = first.getsockname()[1]
    for _ in range(3):
        assert backend.select("SELECT ?g WHERE { GRAPH ?g {} } LIMIT 1")
    assert backend._local.conn.sock is first and first.getsockname()[1] == local_port  # the same connection
    first.shutdown(socket.SHUT_RDWR)  # as a server closing an idle connection would
    assert backend.query("ASK { ?s ?p ?o }").boolean
    assert backend._local.conn.sock is not first
