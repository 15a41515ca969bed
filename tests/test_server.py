"""`diplograph serve`: the SPARQL 1.1 Protocol endpoint, stored queries and entity pages, over real HTTP.

The store is built from the seed corpus into a temporary folder; the server runs in a thread of this
process on a free port of 127.0.0.1 (timeout 2 s, at most 500 results, so the limits are quick to hit).
Answers are compared with what the embedded store returns for the same query.  The browser tests run
the Debian ``chromium`` headless when it is installed, and are skipped otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.builder import build
from diplograph.graph.queries import QueryLibrary, run
from diplograph.graph.settings import default_corpus
from diplograph.graph.web import (
    PAGE_OFFERS,
    RESULT_OFFERS,
    ServerHandle,
    negotiate,
    start_in_thread,
)
from diplograph.graph.web.runner import SLOW_NICE
from diplograph.ontology import ID, PREFIXES
from pyoxigraph import (
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
)
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper

# the pages' queries must finish within TIMEOUT: with another xdist worker on the same cores they
# did not (503), so `make test` runs this file alone, after the parallel run
pytestmark = pytest.mark.serial

TIMEOUT = 2.0
MAX_ROWS = 500
BETSSY = "Betssy Chávez"
EVENT = "event/peru-severs-relations-with-mexico-2025"
SOURCE_003 = "003-4621cd742095797e"

# no proxy for 127.0.0.1, whatever the environment says (SPARQLWrapper uses the global opener too)
urllib.request.install_opener(urllib.request.build_opener(urllib.request.ProxyHandler({})))

REGISTRY_LABELS = "SELECT ?entity ?label WHERE { GRAPH dgg:registry { ?entity rdfs:label ?label } } ORDER BY ?entity ?label"
# no GRAPH: the default graph is the union of all graphs; ev:, dg: are predeclared
SOURCES_PER_EVENT = """
SELECT ?event (COUNT(DISTINCT ?source) AS ?sources) WHERE {
  ?claim a dg:Claim ; rdf:subject ?event ; dg:source ?source .
  FILTER (STRSTARTS(STR(?event), STR(ev:)))
} GROUP BY ?event ORDER BY ?event
"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, texts_dir):
    path = tmp_path_factory.mktemp("serve") / "diplograph.oxigraph"
    build(default_corpus(), path, texts_dir, validate=False)
    return path


@pytest.fixture(scope="module")
def server(store_path):
    with ServerHandle(store_path, timeout=TIMEOUT, max_rows=MAX_ROWS) as handle:
        yield handle


@pytest.fixture(scope="module")
def embedded(store_path):
    return Store.read_only(str(store_path))


def http(url: str, *, accept: str | None = None, data: bytes | None = None, content_type: str | None = None,
         method: str | None = None):
    """(status, headers, body) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, method=method)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def sparql_url(server, query: str, **params) -> str:
    return f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query, **params})


def client(server, query: str, fmt, method=None) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(server.url + "/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    if method is not None:
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(method)
    return wrapper


def local_rows(embedded, query: str) -> list[dict[str, str]]:
    solutions = embedded.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


def local_json(embedded, query: str) -> dict:
    result = embedded.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    return json.loads(result.serialize(format=QueryResultsFormat.JSON))


# --- SPARQL 1.1 Protocol: SELECT, ASK, CONSTRUCT with SPARQLWrapper ------------------------------

@pytest.mark.parametrize("query", [REGISTRY_LABELS, SOURCES_PER_EVENT], ids=["named-graph", "union-default-graph"])
def test_select_json_get_equals_embedded_store(server, embedded, query):
    answer = client(server, query, JSON).query().convert()
    expected = local_json(embedded, query)
    assert answer["head"]["vars"] == expected["head"]["vars"]
    assert answer["results"]["bindings"] == expected["results"]["bindings"]
    assert len(answer["results"]["bindings"]) > 10


def test_select_json_post_form_and_direct(server, embedded):
    expected = local_json(embedded, SOURCES_PER_EVENT)["results"]["bindings"]
    for method in (POST, POSTDIRECTLY):  # application/x-www-form-urlencoded, application/sparql-query
        wrapper = client(server, SOURCES_PER_EVENT, JSON, "urlencoded" if method == POST else POSTDIRECTLY)
        assert wrapper.query().convert()["results"]["bindings"] == expected


def test_select_xml(server, embedded):
    document = client(server, REGISTRY_LABELS, XML, "urlencoded").query().convert()  # minidom, via POST
    rows = []
    for result in document.getElementsByTagName("result"):
        row = {}
        for binding in result.getElementsByTagName("binding"):
            node = [n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE][0]
            row[binding.getAttribute("name")] = node.firstChild.data
            if node.tagName == "literal":
                assert node.getAttribute("xml:lang") == "en"
        rows.append(row)
    assert rows == local_rows(embedded, REGISTRY_LABELS)


def test_select_csv_and_tsv(server, embedded):
    csv_body = client(server, SOURCES_PER_EVENT, CSV).query().convert()
    table = list(csv.reader(io.StringIO(csv_body.decode("utf-8"))))
    assert table[0] == ["event", "sources"]
    assert [dict(zip(table[0], r)) for r in table[1:]] == local_rows(embedded, SOURCES_PER_EVENT)

    tsv_body = client(server, REGISTRY_LABELS, TSV, POSTDIRECTLY).query().convert()
    solutions = parse_query_results(tsv_body, QueryResultsFormat.TSV)
    got = [{n: str(s[n]) for n in ("entity", "label")} for s in solutions]
    local = embedded.query(REGISTRY_LABELS, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert got == [{n: str(s[n]) for n in ("entity", "label")} for s in local]
    assert any(row["label"] == f'"{BETSSY}"@en' for row in got)


def test_ask(server):
    assert client(server, "ASK { dgid:betssy-chavez a dg:Person }", JSON).query().convert() == {"head": {}, "boolean": True}
    assert client(server, "ASK { dgid:betssy-chavez a dg:State }", JSON).query().convert()["boolean"] is False
    document = client(server, "ASK { GRAPH dgg:registry { dgid:peru ?p ?o } }", XML).query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_construct_turtle(server, embedded):
    query = "CONSTRUCT { dgid:peru ?p ?o } WHERE { GRAPH dgg:registry { dgid:peru ?p ?o } }"
    body = client(server, query, TURTLE).query().convert()
    assert body.startswith(b"@prefix")
    got = {q.triple for q in parse(body, format=RdfFormat.TURTLE)}
    expected = set(embedded.query(query, prefixes=PREFIXES))
    assert got == expected and len(got) > 5
    assert any(t.object == NamedNode("http://www.wikidata.org/entity/Q419") for t in got)


def test_negotiation_format_parameter_and_cors(server):
    status, headers, body = http(sparql_url(server, REGISTRY_LABELS, format="csv"), accept="application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and body.startswith(b"entity,label\r\n")
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = http(sparql_url(server, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH dgg:registry { ?s ?p ?o } } LIMIT 3"),
                              accept="application/ld+json")
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    status, _, body = http(sparql_url(server, REGISTRY_LABELS, format="yaml"))
    assert status == 400 and b"unknown format" in body
    status, _, body = http(sparql_url(server, REGISTRY_LABELS, format="turtle"))
    assert status == 406 and b"not available for SELECT" in body
    status, _, body = http(server.url + "/sparql", accept="application/sparql-results+json")
    assert status == 400 and body.startswith(b"no query")  # results asked for, no query sent
    status, headers, _ = http(server.url + "/sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert [negotiate(RESULT_OFFERS, a, [], "").mime for a in ("", "*/*", "text/html,*/*;q=0.8", "application/json")] == [
        "application/sparql-results+json", "application/sparql-results+json", "text/html", "application/sparql-results+json"]
    assert negotiate(PAGE_OFFERS, "text/turtle;q=0.9, text/html;q=0.5", [], "").mime == "text/turtle"


def test_dataset_parameters(server, embedded):
    registry = PREFIXES["dgg"] + "registry"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, _, body = http(sparql_url(server, count, **{"default-graph-uri": registry}))
    expected = len(list(embedded.quads_for_pattern(None, None, None, NamedNode(registry))))
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected
    status, _, body = http(sparql_url(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                      **{"named-graph-uri": registry}))
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [registry]


def test_syntax_error_is_400_with_position(server):
    status, _, body = http(sparql_url(server, "SELECT ?s WHERE { ?s ?p }"))
    assert status == 400 and body.startswith(b"SPARQL syntax error: error at 1:")


# --- read-only -----------------------------------------------------------------------------------

def test_updates_are_refused_and_change_nothing(server, store_path):
    before = len(Store.read_only(str(store_path)))
    for query in ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "INSERT DATA { GRAPH dgg:registry { dgid:x rdfs:label 'x' } }"):
        for request_method in ("urlencoded", POSTDIRECTLY):  # update=… in a form, and application/sparql-update
            wrapper = SPARQLWrapper(server.url + "/sparql")
            wrapper.setMethod(POST)
            wrapper.setRequestMethod(request_method)
            wrapper.setQuery(query)
            with pytest.raises(urllib.error.HTTPError) as refused:
                wrapper.query()
            assert refused.value.code == 403
            assert b"read-only" in refused.value.read()
    status, _, body = http(server.url + "/sparql", data=b"CLEAR ALL", content_type="application/sparql-update")
    assert status == 403 and body.startswith(b"this SPARQL endpoint is read-only")
    for url in (sparql_url(server, "LOAD <http://example.org/data.ttl> INTO GRAPH dgg:registry"),
                sparql_url(server, "# a comment first\nDROP ALL"),
                f"{server.url}/sparql?" + urllib.parse.urlencode({"update": "DROP ALL"})):
        status, headers, body = http(url)
        assert status == 403 and b"read-only" in body and headers["Content-Type"].startswith("text/plain")
    after_store = Store.read_only(str(store_path))
    assert len(after_store) == before
    assert not after_store.query("ASK { GRAPH ?g { dgid:x ?p ?o } }", prefixes=PREFIXES)


def test_service_is_refused(server):
    status, _, body = http(sparql_url(server, "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"))
    assert status == 403 and b"SERVICE" in body
    status, _, _ = http(sparql_url(server, "select * where { service silent ?endpoint { ?s ?p ?o } }"))
    assert status == 403
    # the word in a string or a comment is not a SERVICE call
    status, _, _ = http(sparql_url(server, "# no SERVICE here\nSELECT * WHERE { BIND ('SERVICE' AS ?x) }"))
    assert status == 200


# --- limits ----------------------------------------------------------------------------------------

def test_slow_query_is_stopped(server):
    started = time.monotonic()
    status, _, body = http(sparql_url(server, SLOW))
    elapsed = time.monotonic() - started
    assert status == 503
    assert body.decode() == ("query stopped: it ran over the 2 s time limit (add LIMIT or narrow the patterns)\n")
    assert TIMEOUT <= elapsed < TIMEOUT + 3
    assert not server.app.runner.active  # the child was killed and reaped
    assert http(sparql_url(server, "ASK {}"))[0] == 200  # and the server answers on


def test_result_size_limit(server):
    status, _, body = http(sparql_url(server, "SELECT * WHERE { ?s ?p ?o }"))
    assert status == 413 and body.decode().startswith(f"more than {MAX_ROWS} results: add a LIMIT")
    status, _, _ = http(sparql_url(server, "CONSTRUCT WHERE { ?s ?p ?o }"))
    assert status == 413
    status, _, body = http(sparql_url(server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}", format="tsv"))
    assert status == 200 and body.count(b"\n") == MAX_ROWS + 1


# --- stored queries ----------------------------------------------------------------------------------

def test_stored_queries_list(server):
    status, headers, body = http(server.url + "/queries")
    assert status == 200 and headers["Content-Type"] == "application/json"
    queries = {q["name"]: q for q in json.loads(body)}
    grants = queries["asylum-grants"]
    assert grants["summary"] and grants["description"] and "asylee" in grants["returns"]
    assert {"name": "asylee", "type": "iri", "required": False, "example": BETSSY} .items() <= grants["params"][1].items()
    assert queries["entity-profile"]["params"][0]["required"] is True


def test_stored_query_by_name(server, store_path):
    status, headers, body = http(server.url + "/queries/asylum-grants?asylee=Betssy%20Ch%C3%A1vez")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    bindings = json.loads(body)["results"]["bindings"]
    assert len(bindings) == 4
    assert {b["asylee"]["value"] for b in bindings} == {ID + "betssy-chavez"}
    with OxigraphBackend.open(store_path, read_only=True) as backend:  # what `diplograph query` answers
        expected = run(QueryLibrary().get("asylum-grants"), backend, {"asylee": BETSSY}).rows.values()
    assert [{k: v["value"] for k, v in b.items()} for b in bindings] == [
        {k: v for k, v in row.items() if v is not None} for row in expected]
    status, headers, body = http(server.url + "/queries/asylum-grants?asylee=dgid:betssy-chavez", accept="text/csv")
    assert status == 200 and body.decode().count("\r\n") == 5


def test_stored_query_errors(server):
    status, _, body = http(server.url + "/queries/asylum-grant")
    assert status == 404 and b"asylum-grants" in body
    status, _, body = http(server.url + "/queries/asylum-grants?asylee=Nobody%20At%20All")
    assert status == 400 and b"parameter 'asylee'" in body and b"neither an IRI" in body
    status, _, body = http(server.url + "/queries/post-holder-on-date?post=President%20of%20Peru&date=3%20Nov")
    assert status == 400 and b"is not a date" in body
    status, _, body = http(server.url + "/queries/asylum-grants?colour=blue")
    assert status == 400 and b"no parameter 'colour'" in body
    status, _, body = http(server.url + "/queries/entity-profile")
    assert status == 400 and b"needs parameter 'entity'" in body


def test_stored_query_html_escapes_values(server):
    status, headers, body = http(server.url + "/queries/entity-search?text=%3Cscript%3Ex%3C/script%3E", accept="text/html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


# --- entity pages ----------------------------------------------------------------------------------

def test_entity_page_html(server):
    status, headers, body = http(server.url + "/id/betssy-chavez", accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert f"<h1>{BETSSY}</h1>" in page and "Betssy Chávez Chino" in page  # label and aliases
    disagreements = int(re.search(r"<h2>Disagreements \((\d+)\)</h2>", page).group(1))
    assert disagreements == page.count("class=conflict") >= 2
    for text in ("Events (", "Posts held", "Prime Minister of Peru", "Disagreements", "Claims (",
                 SOURCE_003, 'href="/id/source/003-4621cd742095797e"', 'href="/id/event/mexico-grants-asylum-to-chavez-2025"',
                 "“sought refuge in the Mexican embassy in November”"):
        assert text in page, text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("/", "?")) for h in hrefs)  # links between pages stay on this server
    loaded = re.findall(r'<script[^>]* src="([^"]*)"|<link rel="stylesheet" href="([^"]*)"', page)
    loaded = [a or b for a, b in loaded]
    assert loaded and all(u.startswith("/static/") for u in loaded)  # nothing loaded from elsewhere


def test_entity_page_rdf(server, embedded):
    status, headers, body = http(server.url + "/id/betssy-chavez", accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    triples = {q.triple for q in parse(body, format=RdfFormat.TURTLE)}
    subject = NamedNode(ID + "betssy-chavez")
    assert triples == {q.triple for q in embedded.quads_for_pattern(subject, None, None, None)}
    status, headers, body = http(server.url + "/id/betssy-chavez", accept="application/trig")
    graphs = {q.graph_name.value for q in parse(body, format=RdfFormat.TRIG)}
    assert PREFIXES["dgg"] + "registry" in graphs
    status, headers, body = http(server.url + "/id/betssy-chavez?format=jsonld")
    assert headers["Content-Type"] == "application/ld+json" and json.loads(body)[0]["@id"] == str(subject.value)
    status, _, body = http(server.url + "/id/no-such-entity")
    assert status == 404 and b"nothing is known" in body


def test_event_and_source_pages(server):
    status, _, body = http(server.url + "/id/" + EVENT, accept="text/html")
    page = body.decode()
    assert status == 200 and "What each source says" in page
    for text in ("000-cfc943054120e952", "002-2d1ef4a1174005c3", SOURCE_003, "004-cec08df9c9a3c1c3",
                 "2025-11-03", "late 2023", "on Tuesday", "José Jerí", "Dina Boluarte", "class=disputed"):
        assert text in page, text
    # the date, the president, the foreign minister and (issue 13) the announcer of the break: as
    # `diplograph conflicts` finds them
    assert "<h2>Disagreements (4)</h2>" in page and page.count("class=conflict") == 4
    status, _, body = http(server.url + "/id/source/" + SOURCE_003, accept="text/html")
    page = body.decode()
    assert status == 200 and "Peru&#x27;s Congress declares Sheinbaum persona non grata" in page
    assert "Claims (" in page and "4621cd742095797e.txt" in page


def test_home_page(server):
    status, headers, body = http(server.url + "/")
    page = body.decode()
    assert status == 200 and 'id="yasgui"' in page and 'href="/queries/asylum-grants' in page
    assert 'href="/id/source/003-4621cd742095797e"' in page


def test_start_in_thread(store_path):
    url, stop = start_in_thread(store_path, timeout=5)
    try:
        assert http(url + "/sparql?query=ASK%7B%7D")[0] == 200
    finally:
        stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=2)


# --- the web stack: headers, CORS, timeouts, limits, worker pool --------------------------------------

SECURITY = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"}


@pytest.mark.parametrize("path", ["/", "/sparql?query=ASK%7B%7D", "/queries", "/id/betssy-chavez", "/static/diplograph.css",
                                  "/no-such-page", "/sparql?query=SELEC"])
def test_security_headers_on_every_answer(server, path):
    status, headers, _ = http(server.url + path)
    for name, value in SECURITY.items():
        assert headers[name] == value, (path, name)
    assert "default-src 'self'" in headers["Content-Security-Policy"] and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Server"] == "diplograph"  # no version of Werkzeug or Python announced
    # CORS only on the read-only query routes
    cors = path.startswith(("/sparql", "/queries"))
    assert (headers.get("Access-Control-Allow-Origin") == "*") is cors, path


def test_service_description_and_graph_store(server, embedded):
    status, headers, body = http(server.url + "/sparql", accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    description = {(t.subject.value if hasattr(t.subject, "value") else "", t.predicate.value, t.object.value)
                   for t in (q.triple for q in parse(body, format=RdfFormat.TURTLE))}
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (server.url + "/sparql", sd + "endpoint", server.url + "/sparql") in description
    assert (server.url + "/sparql", sd + "feature", sd + "UnionDefaultGraph") in description
    assert {o for _, p, o in description if p == "http://www.w3.org/ns/shacl#namespace"} == set(PREFIXES.values())
    # Graph Store Protocol, read side: one named graph, as the store holds it
    registry = PREFIXES["dgg"] + "registry"
    status, headers, body = http(server.url + "/store?" + urllib.parse.urlencode({"graph": registry}),
                                 accept="application/n-triples")
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    got = {q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)}
    assert got == {q.triple for q in embedded.quads_for_pattern(None, None, None, NamedNode(registry))} and got
    status, headers, body = http(server.url + "/store?" + urllib.parse.urlencode({"graph": registry, "format": "trig"}))
    assert status == 200 and len(list(parse(body, format=RdfFormat.TRIG))) == len(got)
    assert http(server.url + "/store?graph=" + urllib.parse.quote(PREFIXES["dgg"] + "nothing"))[0] == 404
    assert http(server.url + "/store")[0] == 400


def test_byte_limit(store_path):
    """Few rows, many bytes: refused by the byte limit, not the row limit."""
    with ServerHandle(store_path, timeout=TIMEOUT, max_rows=MAX_ROWS, max_bytes=2000, workers=2) as small:
        status, _, body = http(sparql_url(small, "SELECT ?s ?p ?o WHERE { GRAPH dgg:registry { ?s ?p ?o } } LIMIT 100"))
        assert status == 413 and body.decode().startswith("the answer is over 2000 bytes"), body
        assert http(sparql_url(small, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"))[0] == 200


def test_half_sent_request_is_cut_off(store_path):
    """A POST that announces 20 bytes and sends 1, and an idle connection: closed after the socket timeout."""
    import socket
    with ServerHandle(store_path, timeout=TIMEOUT, max_rows=MAX_ROWS, socket_timeout=1.0, workers=2) as short:
        for request in ((b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                        b"Content-Length: 20\r\n\r\nA"), b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n"):
            started = time.monotonic()
            with socket.create_connection((short.host, short.port), timeout=10) as sock:
                sock.sendall(request)
                answer = b""
                while chunk := sock.recv(4096):  # until the server closes the connection
                    answer += chunk
            assert time.monotonic() - started < 5  # cut off by the 1 s timeout, not by the client's 10 s
            assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer
        # an idle keep-alive connection is closed too, and the server answers on
        with socket.create_connection((short.host, short.port), timeout=10) as sock:
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")
            first = sock.recv(65536)
            assert first.startswith(b"HTTP/1.1 200")
            started = time.monotonic()
            while sock.recv(4096):
                pass
            assert time.monotonic() - started < 5
        assert http(short.url + "/sparql?query=ASK%7B%7D")[0] == 200


def test_runaway_queries_do_not_block_a_simple_one(server):
    """Two runaway queries take two workers; ASK {} is answered by another at once, within the time limit."""
    import threading
    answers = []
    runaways = [threading.Thread(target=lambda: answers.append(http(sparql_url(server, SLOW))[0])) for _ in range(2)]
    for thread in runaways:
        thread.start()
    time.sleep(0.5)  # both are running, past SLOW_AFTER
    started = time.monotonic()
    status, _, body = http(sparql_url(server, "ASK {}"))
    elapsed = time.monotonic() - started
    assert status == 200 and b"true" in body
    assert elapsed < TIMEOUT  # not after the runaways are stopped
    running = server.app.runner.active
    assert len(running) == 2 and all(os.getpriority(os.PRIO_PROCESS, p.pid) == SLOW_NICE for p in running)
    for thread in runaways:
        thread.join(30)
    assert answers == [503, 503]
    assert http(sparql_url(server, "ASK {}"))[0] == 200  # the killed workers were replaced


def test_a_demoted_worker_gets_its_priority_back(server, monkeypatch):
    """Every job past SLOW_AFTER (here 0 s) runs at a lower priority; the worker serves the next at
    the normal one again (or is replaced, where raising a priority is not allowed)."""
    from diplograph.graph.web import runner
    monkeypatch.setattr(runner, "SLOW_AFTER", 0.0)
    for _ in range(5):
        assert http(sparql_url(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))[0] == 200
    monkeypatch.undo()
    deadline = time.monotonic() + 30
    while len(server.app.runner._all) < server.app.runner.workers and time.monotonic() < deadline:
        time.sleep(0.05)
    assert {os.getpriority(os.PRIO_PROCESS, w.process.pid) for w in list(server.app.runner._all)} == {0}


def test_full_queue_is_503(store_path):
    import threading
    with ServerHandle(store_path, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=1, max_queue=0) as tiny:
        runaway = threading.Thread(target=lambda: http(sparql_url(tiny, SLOW)))
        runaway.start()
        time.sleep(0.3)
        status, headers, body = http(sparql_url(tiny, "ASK {}"))
        assert status == 503 and body.startswith(b"the server is busy") and headers["Retry-After"]
        runaway.join(30)



@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc (Linux)")
def test_workers_hold_no_socket_of_the_server(server):
    """A forked worker keeps only its own pipe: not the listening socket (bound before the first
    workers start), nor a client's connection open while a replacement is forked (after a runaway:
    test_slow_query_is_stopped) — else a connection the server closes would stay open for the client."""
    import stat
    deadline = time.monotonic() + 30
    while len(server.app.runner._all) < server.app.runner.workers and time.monotonic() < deadline:
        time.sleep(0.05)  # replacements started in the background
    workers = [w.process.pid for w in list(server.app.runner._all)]
    assert len(workers) == server.app.runner.workers
    for pid in workers:
        sockets = []
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                if stat.S_ISSOCK(os.stat(f"/proc/{pid}/fd/{fd}").st_mode):
                    sockets.append(fd)
            except OSError:
                pass
        assert len(sockets) == 1, (pid, sockets)  # its pipe to the server
    assert http(sparql_url(server, "ASK {}"))[0] == 200

# --- a real browser (Debian chromium, headless, driven through the DevTools protocol) -----------------

from browser import CHROMIUM, Browser

needs_chromium = pytest.mark.skipif(CHROMIUM is None and os.environ.get("CI") != "true",
                                    reason="chromium is not installed")


@pytest.fixture
def browser(tmp_path):
    if CHROMIUM is None:  # in CI a browser test may not skip: it fails, saying what is missing
        pytest.fail("chromium is not installed (install Chromium, e.g. `apt-get install chromium`, as .ci/run does)")
    page = Browser(tmp_path / "chromium-profile")
    yield page
    page.close()


@needs_chromium
def test_browser_entity_page(server, browser):
    browser.open(f"{server.url}/id/betssy-chavez")
    assert browser.evaluate("document.querySelector('h1').textContent") == BETSSY
    text = browser.evaluate("document.body.innerText")
    assert SOURCE_003 in text  # claims with their sources …
    assert "“former Peruvian Prime Minister Betssy Chávez”" in text  # … and their evidence quotes
    # the shared stylesheet is applied (CSP allows 'self')
    assert browser.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor") == "rgb(31, 58, 95)"


@needs_chromium
def test_browser_yasgui_runs_a_query_and_shows_a_table(server, browser):
    browser.open(f"{server.url}/#run")
    rows = browser.wait_for("document.querySelectorAll('.yasr table.dataTable tbody tr').length")
    assert rows == 6, browser.console
    headers = browser.evaluate("[...document.querySelectorAll('.yasr table.dataTable thead th')].map(t => t.textContent.trim())")
    assert [h for h in headers if h] == ["grant", "grantor", "asylee", "source"]
    assert "dgid:betssy-chavez" in browser.evaluate("document.querySelector('.yasr table.dataTable tbody').innerText")
    # the stored queries are there as examples; the project's prefixes are declared in the editor
    names = browser.evaluate("[...document.querySelectorAll('#examples option')].map(o => o.textContent)")
    stored = {q["name"] for q in json.loads(http(server.url + "/queries")[2]) if not q["params"]}
    assert stored and stored <= set(names)
    assert "PREFIX dgid: <https://w3id.org/diplograph/id/>" in browser.evaluate(
        "diplographYasgui.getTab().getYasqe().getValue()")
    # paged table, and the download buttons
    assert browser.evaluate("!!document.querySelector('.yasr .pageSizeWrapper, .yasr select')")
    assert browser.evaluate("!!document.querySelector('.yasr .yasr_downloadIcon')")
    assert not browser.console


@needs_chromium
def test_browser_event_page_layout(server, browser, tmp_path):
    """The 'post holders at the time' row header stays inside its column (it spilled into the next)."""
    browser.open(f"{server.url}/id/{EVENT}")
    box = browser.evaluate("""(() => {
        const th = [...document.querySelectorAll('table.side tbody th')].find(t => t.textContent === 'post holders at the time');
        const next = th.nextElementSibling, r = th.getBoundingClientRect(), n = next.getBoundingClientRect();
        return {overflow: th.scrollWidth - th.clientWidth, right: r.right, nextLeft: n.left}; })()""")
    assert box["overflow"] <= 0 and box["right"] <= box["nextLeft"] + 1, box
    data = browser.screenshot(tmp_path / "event.png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a rendered page, not a blank one


@needs_chromium
def test_browser_source_page_layout(server, browser):
    """The 'source id' cell spans the rest of the row (it shrank to a small box)."""
    browser.open(f"{server.url}/id/source/{SOURCE_003}")
    box = browser.evaluate("""(() => {
        const th = [...document.querySelectorAll('th')].find(t => t.textContent === 'source id');
        const td = th.nextElementSibling, table = th.closest('table');
        return {display: getComputedStyle(td).display, right: td.getBoundingClientRect().right,
                tableRight: table.getBoundingClientRect().right, text: td.textContent}; })()""")
    assert box["display"] == "table-cell" and abs(box["right"] - box["tableRight"]) <= 2, box
    assert box["text"] == SOURCE_003


# --- pictures: timelines and the actor network (cytoscape.js, drawn from stored queries) ----------------

def stored_rows(embedded, name: str, **params) -> list[dict[str, str]]:
    backend = OxigraphBackend(embedded, "oxigraph:", writable=False)
    return run(QueryLibrary().get(name), backend, params).rows.values()


def test_entity_page_lists_events_by_date(server):
    page = http(server.url + "/id/mexico", accept="text/html")[2].decode()
    table = re.search(r"<table class=events>(.*?)</table>", page, re.DOTALL).group(1)
    firsts = []
    for row in re.findall(r"<tr><td>(.*?)</td>", table.split("<tbody>", 1)[1], re.DOTALL):
        dates = sorted(re.findall(r"<b>(?:[a-z]+ )?(\d{4}(?:-\d\d){0,2})</b>", row))
        firsts.append(dates[0] if dates else None)
    dated = [d for d in firsts if d]
    assert len(dated) >= 4 and dated == sorted(dated), firsts
    assert firsts == dated + [None] * (len(firsts) - len(dated)), "undated events come last"
    # the picture's data is named by URL (a stored query), not inlined in the page
    assert 'data-picture="actor-network" data-rows="/queries/actor-network?entity=https%3A%2F%2Fw3id.org' in page
    assert '<script src="/static/vendor/cytoscape/cytoscape.min.js" defer></script>' in page
    # a page with nothing to draw loads no drawing library
    assert b"cytoscape" not in http(server.url + "/id/source/" + SOURCE_003, accept="text/html")[2]


def test_timeline_page_and_its_refusals(server):
    status, _, body = http(server.url + "/timeline?state_a=Peru&state_b=Mexico")
    page = body.decode()
    assert status == 200 and "<h1>Relations between Peru and Mexico</h1>" in page
    assert 'data-rows="/queries/relations-timeline?state_a=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fperu' in page
    status, _, body = http(server.url + "/timeline?state_a=Peru")
    assert status == 400 and b"name two states" in body
    status, _, body = http(server.url + "/timeline?state_a=Peru&state_b=Atlantis")
    assert status == 400 and b"Atlantis" in body
    # a state's page links to its timelines, the stored query's page to the picture
    assert 'href="/timeline?state_a=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fperu&amp;state_b=' in \
        http(server.url + "/id/peru", accept="text/html")[2].decode()
    assert 'as a timeline</a>' in http(server.url + "/queries/relations-timeline?state_a=Peru&state_b=Mexico",
                                       accept="text/html")[2].decode()


def count_picture(browser, picture: str, selector: str = "") -> int:
    browser.wait_for(f"!!(window.diplographPictures && window.diplographPictures[{picture!r}])")
    return browser.evaluate(f"diplographPictures[{picture!r}].{'nodes' if 'edge' not in selector else 'edges'}"
                            f"({json.dumps(selector.replace('edge', '') if 'edge' in selector else selector)}).length")


@needs_chromium
def test_browser_relations_timeline(server, browser, embedded):
    rows = stored_rows(embedded, "relations-timeline", state_a="Peru", state_b="Mexico")
    disputed_events = {r["subject"] for r in stored_rows(embedded, "conflicts")}
    items = {(r["event"], r["source"], r.get("date")) for r in rows}
    browser.open(f"{server.url}/timeline?state_a=Peru&state_b=Mexico")
    assert count_picture(browser, "relations-timeline", ".item") == len(items) > 20
    assert count_picture(browser, "relations-timeline", ".lane") == len({r["source"] for r in rows}) == 5
    disputed = {i for i in items if i[0] in disputed_events}
    assert count_picture(browser, "relations-timeline", ".item.disputed") == len(disputed) > 0
    # one dashed line joins an event from lane to lane: (sources giving it - 1) per event
    per_event = {}
    for event, source, _ in items:
        per_event.setdefault(event, set()).add((source, _))
    assert count_picture(browser, "relations-timeline", "edge.same-event") == sum(len(v) - 1 for v in per_event.values())
    assert not browser.console


@needs_chromium
def test_browser_event_page_sources_timeline(server, browser, embedded):
    event_iri = ID + EVENT
    rows = stored_rows(embedded, "event-dates", event=event_iri)
    published = {r["source"] for r in rows if "published" in r}
    browser.open(f"{server.url}/id/{EVENT}")
    # one item per source for the date it gives (or says none), one per known publication date
    assert count_picture(browser, "event-sources", ".item") == len({r["source"] for r in rows}) + len(published) == 6
    assert count_picture(browser, "event-sources", ".item.published") == len(published) == 2
    # the date disagreement (2023 / 2025-11-03 / "on Tuesday") is marked on the three sources that date it
    date_conflicts = {r["source"] for r in stored_rows(embedded, "conflicts", subject=event_iri) if r["aspect"].endswith("#onDate")}
    assert count_picture(browser, "event-sources", ".item.disputed") == len(date_conflicts) == 3
    assert not browser.console


@needs_chromium
def test_browser_actor_network(server, browser, embedded):
    rows = stored_rows(embedded, "actor-network", entity="Peru")
    browser.open(f"{server.url}/id/peru")
    actors = {r["agent"] for r in rows} | {r["target"] for r in rows}
    assert count_picture(browser, "actor-network") == len(actors) > 5
    assert count_picture(browser, "actor-network", "edge") == len({(r["agent"], r["target"], r["kind"]) for r in rows})
    assert browser.evaluate("diplographPictures['actor-network'].nodes('.focus').map(n => n.id())") == [ID + "peru"]
    # an actor is a link to its page
    assert browser.evaluate(f"diplographPictures['actor-network'].getElementById({json.dumps(ID + 'mexico')}).data('href')") == "/id/mexico"
    assert not browser.console


def test_vendored_files_match_their_recorded_hashes():
    """The vendored libraries are the npm releases named in static/vendor/README.md, byte for byte."""
    import hashlib
    from pathlib import Path

    vendor = Path(__file__).resolve().parents[1] / "graph" / "web" / "static" / "vendor"
    recorded = dict((name, digest) for digest, name in
                    re.findall(r"^([0-9a-f]{64})  (\S+)$", (vendor / "README.md").read_text(), re.MULTILINE))
    shipped = {str(p.relative_to(vendor)) for p in vendor.rglob("*") if p.is_file() and p.name != "README.md"}
    assert set(recorded) == shipped
    for name, digest in recorded.items():
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name


def test_home_page_draws_a_timeline_between_two_states(server):
    page = http(server.url + "/")[2].decode()
    form = re.search(r'<form class="params" method="get" action="/timeline">(.*?)</form>', page, re.DOTALL).group(1)
    choices = re.findall(r'<option value="([^"]+)"', form)
    assert ID + "peru" in choices and ID + "mexico" in choices
    chosen = re.findall(r'<option value="([^"]+)" selected>', form)
    assert len(chosen) == 2 and chosen[0] != chosen[1]
    status, _, body = http(server.url + "/timeline?" + urllib.parse.urlencode({"state_a": chosen[0], "state_b": chosen[1]}))
    assert status == 200 and b'data-picture="relations-timeline"' in body


@needs_chromium
def test_browser_empty_timeline_says_so(server, browser, embedded):
    assert stored_rows(embedded, "relations-timeline", state_a="Bolivia", state_b="Peru") == []
    browser.open(f"{server.url}/timeline?state_a=Bolivia&state_b=Peru")
    browser.wait_for("document.getElementById('relations-timeline').dataset.drawn === '0'")
    assert "no events to draw" in browser.evaluate("document.getElementById('relations-timeline').textContent")
    assert not browser.console
