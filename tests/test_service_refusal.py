"""SERVICE is refused by what the parser sees, on every path, and nothing reaches the network.

A loopback TCP listener records every connection made to it; each SERVICE form below names it as
its endpoint.  Every form is sent to ``/sparql`` of a real server (``ServerHandle``, as in
tests/test_server.py), to ``diplograph sparql`` and to the Python API, and is refused there with
zero connections recorded.  The same forms run with the guard off (``allow_service=True``) do
connect — so each is a live attack on the engine, and the listener can see a connection when one
is made — except those the engine itself cannot parse (escapes outside strings), which are refused
all the same.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from diplograph.graph import api
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.cli import main as cli_main
from diplograph.graph.errors import QueryError, ReadOnlyError
from diplograph.graph.queries import QueryLibrary
from diplograph.graph.sparql_guard import (
    ServiceRefused,
    mentions_service,
    refuse_service,
)
from diplograph.graph.web import ServerHandle
from pyoxigraph import Literal, NamedNode, Quad, Store

ROOT = Path(__file__).resolve().parents[1]
urllib.request.install_opener(urllib.request.build_opener(urllib.request.ProxyHandler({})))

# name → (query with {url}/{base} for the listener, live: the engine itself would connect without the guard)
FORMS = {
    "glued-after-filter": ('SELECT * { FILTER(1<2)SERVICE<{url}>{?s ?p ?o} }', True),
    "lower-case": ('select * { service <{url}> { ?s ?p ?o } }', True),
    "mixed-case": ('SELECT * { SeRvIcE <{url}> { ?s ?p ?o } }', True),
    "silent": ('SELECT * { SERVICE SILENT <{url}> { ?s ?p ?o } }', True),
    "variable-endpoint": ('SELECT * { VALUES ?endpoint { <{url}> } FILTER EXISTS { SERVICE ?endpoint { ?s ?p ?o } } }', True),
    "variable-endpoint-unbound": ('SELECT * { SERVICE ?endpoint { ?s ?p ?o } }', False),
    "prefixed-endpoint": ('PREFIX remote: <{base}> SELECT * { SERVICE remote:sparql { ?s ?p ?o } }', True),
    "nested-groups": ('SELECT * { { { SERVICE <{url}> { ?s ?p ?o } } } }', True),
    "in-graph-pattern": ('SELECT * { GRAPH ?g { ?a ?b ?c } SERVICE <{url}> { ?s ?p ?o } }', True),
    "optional": ('SELECT * { ?a ?b ?c OPTIONAL { SERVICE <{url}> { ?s ?p ?o } } }', True),
    "minus": ('SELECT * { ?a ?b ?c MINUS { SERVICE <{url}> { ?a ?p ?o } } }', True),
    "union": ('SELECT * { { ?a ?b ?c } UNION { SERVICE <{url}> { ?s ?p ?o } } }', True),
    "filter-exists": ('SELECT * { ?a ?b ?c FILTER EXISTS { SERVICE <{url}> { ?a ?p ?o } } }', True),
    "filter-not-exists": ('SELECT * { ?a ?b ?c FILTER NOT EXISTS { SERVICE <{url}> { ?a ?p ?o } } }', True),
    "exists-in-bind": ('SELECT * { ?a ?b ?c BIND (EXISTS { SERVICE <{url}> { ?a ?p ?o } } AS ?x) }', True),
    "subquery": ('SELECT * { { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } } }', True),
    "ask": ('ASK { SERVICE <{url}> { ?s ?p ?o } }', True),
    "construct": ('CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }', True),
    "describe": ('DESCRIBE ?s WHERE { SERVICE <{url}> { ?s ?p ?o } }', True),
    "comments-with-triple-quotes": ('SELECT * { ?a ?b ?c # """\n SERVICE <{url}> { ?s ?p ?o } # """\n}', True),
    "comment-ended-by-cr": ('SELECT * { ?a ?b ?c # note\r SERVICE <{url}> { ?s ?p ?o }\n}', True),
    "codepoint-escape-u": ('SELECT * { \\u0053ERVICE <{url}> { ?s ?p ?o } }', False),
    "codepoint-escape-U": ('SELECT * { \\U00000073ervice <{url}> { ?s ?p ?o } }', False),
    "escaped-quotes-around": ('SELECT * { ?a ?b "\\u0022" SERVICE <{url}> { ?s ?p ?o } "\\u0022" }', False),
}
# "service" as a word of data, a name or a comment: not a SERVICE clause, answered normally
HARMLESS = [
    'SELECT ?service WHERE { VALUES ?service { "civil service" } }',
    'SELECT * WHERE { VALUES ?x { <http://example.org/service> } } # no service here',
    'PREFIX service: <http://example.org/> SELECT ?x WHERE { BIND (service:a AS ?x) }',
    'ASK { ?s ?p "SERVICE <http://127.0.0.1:9/> {}" }',
    'ASK { ?s ?p "x"@service }',
]
HIDDEN_UPDATE = '# """\nINSERT DATA { GRAPH <http://example.org/g> { <http://a/s> <http://a/p> "x" } } # """\n'


class Listener:
    """A loopback TCP server that accepts, records and closes every connection."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._loop, daemon=True, name="service-listener")
        self.thread.start()

    def _loop(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def count(self) -> int:
        """Connections so far, once any pending one has been accepted."""
        time.sleep(0.02)
        return self.connections

    def query(self, name: str) -> str:
        text, _ = FORMS[name]
        return text.replace("{url}", f"http://127.0.0.1:{self.port}/sparql").replace("{base}", f"http://127.0.0.1:{self.port}/")

    def close(self) -> None:
        self._stop = True
        self.socket.close()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """A small real store on disk: a few quads in two named graphs (the engine joins SERVICE with them)."""
    path = tmp_path_factory.mktemp("service") / "store"
    store = Store(str(path))
    for i, graph in enumerate(("http://example.org/g1", "http://example.org/g2")):
        store.add(Quad(NamedNode(f"http://example.org/s{i}"), NamedNode("http://example.org/p"), Literal(f"v{i}"),
                       NamedNode(graph)))
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def server(store_path):
    with ServerHandle(store_path, timeout=5, max_rows=100) as handle:
        yield handle


@pytest.fixture(scope="module")
def backend(store_path):
    opened = OxigraphBackend.open(store_path, read_only=True)
    yield opened
    opened.close()


def http(url: str, data: bytes | None = None, content_type: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def run_cli(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """`diplograph ARGS` in this process (the real entry point, its exit code and output)."""
    monkeypatch.setattr(sys, "argv", ["diplograph", *args])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = 0
    try:
        cli_main()
    except SystemExit as exc:
        code = exc.code or 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def diplograph(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """`diplograph ARGS` as a user runs it, in its own process."""
    return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True,
                          check=False, text=True,
                          cwd=ROOT, input=stdin, env=dict(os.environ), timeout=120)


# --- the guard --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FORMS)
def test_guard_refuses_every_form(name):
    with pytest.raises(ServiceRefused, match="SERVICE"):
        refuse_service(FORMS[name][0].replace("{url}", "http://127.0.0.1:9/").replace("{base}", "http://127.0.0.1:9/"))


@pytest.mark.parametrize("text", HARMLESS)
def test_guard_lets_the_word_service_pass_as_data(text):
    refuse_service(text)


def test_ordinary_queries_skip_the_parse():
    # the cheap pre-check clears every stored query, so none of them is parsed a second time
    # (speed itself is measured by benchmarks, not asserted here)
    bodies = [q.body for q in QueryLibrary()]
    assert not any(mentions_service(b) for b in bodies)
    for body in bodies:
        refuse_service(body)  # and none is refused


# --- the Python API ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FORMS)
def test_api_refuses_and_nothing_connects_while_the_unguarded_engine_would(name, listener, backend):
    text = listener.query(name)
    before = listener.count()
    with pytest.raises(ServiceRefused):
        api.run_sparql(text, backend)
    assert listener.count() == before, "a refused query opened a connection"
    if FORMS[name][1]:  # the control: the same text with the guard off reaches the listener
        try:
            api.run_sparql(text, backend, allow_service=True)
        except QueryError:
            pass  # the listener closes the connection at once: the engine reports it
        assert listener.count() > before, f"{name}: the form did not reach the engine's HTTP client"


def test_api_answers_queries_that_only_mention_service(backend):
    for text in HARMLESS:
        result = api.run_sparql(text, backend)
        assert result.kind in ("select", "ask")
    assert api.run_sparql(HARMLESS[0], backend).rows.values() == [{"service": "civil service"}]


def test_api_refuses_an_update_hidden_behind_comments(backend):
    with pytest.raises(ReadOnlyError, match="updates are not allowed"):
        api.run_sparql(HIDDEN_UPDATE, backend)


# --- the endpoint -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FORMS)
def test_endpoint_refuses_with_403_and_nothing_connects(name, listener, server):
    text = listener.query(name)
    before = listener.count()
    status, body = http(f"{server.url}/sparql?" + urllib.parse.urlencode({"query": text}))
    assert status == 403 and "SERVICE" in body, (status, body)
    assert listener.count() == before, "a refused query opened a connection"


@pytest.mark.parametrize("name", ["glued-after-filter", "comments-with-triple-quotes", "codepoint-escape-u"])
def test_endpoint_refuses_posted_queries_too(name, listener, server):
    text = listener.query(name)
    before = listener.count()
    status, body = http(f"{server.url}/sparql", text.encode("utf-8"), "application/sparql-query")
    assert status == 403 and "SERVICE" in body, (status, body)
    status, body = http(f"{server.url}/sparql", urllib.parse.urlencode({"query": text}).encode(),
                        "application/x-www-form-urlencoded")
    assert status == 403 and "SERVICE" in body, (status, body)
    assert listener.count() == before, "a refused query opened a connection"


def test_endpoint_answers_queries_that_only_mention_service(server):
    for text in HARMLESS:
        status, body = http(f"{server.url}/sparql?" + urllib.parse.urlencode({"query": text, "format": "csv"}))
        assert status == 200, (text, body)


def test_endpoint_refuses_an_update_hidden_behind_comments(server):
    status, body = http(f"{server.url}/sparql", HIDDEN_UPDATE.encode("utf-8"), "application/sparql-query")
    assert status == 403 and "read-only" in body, (status, body)


# --- stored queries: a SERVICE in a query file is refused (a parameter could name the endpoint) ---

@pytest.fixture(scope="module")
def service_library(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("queries")
    (folder / "fetch-remote.rq").write_text(
        "#+ summary: Fetches from elsewhere\n#+ description: A stored query with a SERVICE clause.\n"
        "#+ params:\n#+   endpoint: {type: iri, required: true, example: \"http://example.org/sparql\"}\n"
        "SELECT ?endpoint ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } }\n", encoding="utf-8")
    return folder


def test_stored_query_with_service_is_refused_everywhere(service_library, listener, backend, store_path,
                                                         monkeypatch, capsys):
    library = QueryLibrary(service_library)
    endpoint = f"http://127.0.0.1:{listener.port}/sparql"
    before = listener.count()
    with pytest.raises(ServiceRefused, match="fetch-remote.rq"):
        api.run_query("fetch-remote", {"endpoint": endpoint}, backend, library=library)
    with ServerHandle(store_path, timeout=5, queries=service_library) as handle:
        status, body = http(f"{handle.url}/queries/fetch-remote?" + urllib.parse.urlencode({"endpoint": endpoint}))
    assert status == 403 and "SERVICE" in body, (status, body)
    assert listener.count() == before
    # the control: the engine, given the same body and binding without the guard, does connect
    try:
        backend.query(library.get("fetch-remote").body, {"endpoint": NamedNode(endpoint)})
    except QueryError:
        pass
    assert listener.count() > before


# --- diplograph sparql ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FORMS)
def test_cli_refuses_with_exit_2_and_nothing_connects(name, listener, store_path, monkeypatch, capsys):
    before = listener.count()
    code, out, err = run_cli(monkeypatch, capsys, "sparql", "-", "--store", str(store_path), stdin=listener.query(name))
    assert code == 2 and "SERVICE" in err and "Traceback" not in err, (code, out, err)
    assert out == ""
    assert listener.count() == before, "a refused query opened a connection"


def test_cli_in_its_own_process_refuses_and_allow_service_is_the_positive_control(listener, store_path):
    before = listener.count()
    for name in ("comments-with-triple-quotes",):  # every form is run through the same entry point above
        result = diplograph("sparql", "-", "--store", str(store_path), stdin=listener.query(name))
        assert result.returncode == 2 and "SERVICE (federated query) is refused" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert listener.count() == before
    allowed = diplograph("sparql", "-", "--allow-service", "--store", str(store_path), stdin=listener.query("silent"))
    assert allowed.returncode == 0, allowed.stderr
    assert listener.count() > before, "--allow-service sent nothing: the listener would not see a leak either"


def test_cli_answers_queries_that_only_mention_service_and_refuses_hidden_updates(store_path, monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, "sparql", "-", "--store", str(store_path), "-f", "csv", stdin=HARMLESS[0])
    assert code == 0 and out.splitlines() == ["service", "civil service"], (out, err)
    code, out, err = run_cli(monkeypatch, capsys, "sparql", "-", "--store", str(store_path), stdin=HIDDEN_UPDATE)
    assert code == 2 and "updates are not allowed" in err, err
