"""A remote SPARQL 1.1 server as a backend (``sparql:URL``), and pushing the graph to one.

Queries go over kept-alive connections (SPARQL 1.1 Protocol); writes through the SPARQL 1.1 Graph
Store HTTP Protocol, one named graph at a time.  Standard SPARQL has no parameter protocol, so
parameters travel as a ``VALUES`` block built only from validated RDF terms (their N-Triples
form, which escapes everything) and placed at the top of the query's outer ``WHERE`` group;
stored queries compare parameters only at that level, so both backends give the same rows
(tests/test_backends.py runs one contract suite on both).
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from diplograph.ontology import GRAPH, sparql_prefixes
from pyoxigraph import (
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from .backends import Backend, QueryResult, Rows, Term, looks_like_update
from .errors import QueryError, ReadOnlyError, StoreError
from .sparql_guard import is_update


class EndpointUnavailable(QueryError):
    """The remote server could not answer (unreachable, or a server error): not the query's fault."""


_MASK = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^>\s]*>|#[^\n]*')
_KIND = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _masked(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, offsets preserved."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), text)


def query_kind(text: str) -> str:
    m = _KIND.search(_masked(text))
    if not m:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return m.group(1).lower()


def with_values(text: str, bindings: Mapping[str, Term], *, typed_strings: bool = False) -> str:
    """Insert ``VALUES (?a ?b) { (<x> "y") }`` at the top of the outer WHERE group.

    ``typed_strings`` writes simple literals as ``"y"^^xsd:string`` (the same RDF 1.1 term):
    Virtuoso compares a plain VALUES string with non-ASCII letters unequal to the same stored text."""
    if not bindings:
        return text
    masked = _masked(text)
    m = re.search(r"\bWHERE\s*\{", masked, re.IGNORECASE)
    if m is None:
        kind = _KIND.search(masked)
        brace = masked.find("{", kind.end() if kind else 0)
        if brace < 0:
            raise QueryError("cannot bind parameters: the query has no WHERE group")
        at = brace + 1
    else:
        at = m.end()
    names = sorted(bindings)
    block = ("\n  VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(_term_text(bindings[n], typed_strings) for n in names) + ") }\n")
    return text[:at] + block + text[at:]


_TIED_GRAPH = re.compile(r"GRAPH\s+\?(\w+)\s*\{")
_GRAPH_TIE = re.compile(r"\s*FILTER\s*\(\s*sameTerm\s*\(\s*\?(\w+)\s*,\s*\?(\w+)\s*\)\s*\)", re.IGNORECASE)


def untie_graphs(text: str) -> str:
    """``GRAPH ?x { … } FILTER (sameTerm(?x, ?g))`` written back as ``GRAPH ?g { … }``, for Virtuoso.

    The stored queries tie an OPTIONAL part to the graph ?g of the rows found that way, so that
    Oxigraph looks the part up row by row (``OPTIONAL { GRAPH ?g { … } }`` made it read the part over
    the whole store first); the two forms give the same rows where ?g is bound outside.  Virtuoso 7
    evaluates a FILTER inside OPTIONAL { } without the variables bound outside it, so the tie never
    holds there: it gets the plain form."""
    masked = _masked(text)
    edits = []
    for m in _TIED_GRAPH.finditer(masked):
        depth, end = 1, m.end()
        while depth and end < len(masked):
            depth += {"{": 1, "}": -1}.get(masked[end], 0)
            end += 1
        tie = _GRAPH_TIE.match(masked, end)
        if depth == 0 and tie and tie.group(1) == m.group(1):
            edits += [(m.start(1), m.end(1), tie.group(2)), (tie.start(), tie.end(), "")]
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _term_text(term: Term, typed_strings: bool) -> str:
    if typed_strings and isinstance(term, Literal) and not term.language and term.datatype.value == _XSD_STRING:
        return f"{term}^^<{_XSD_STRING}>"
    return str(term)


@dataclass
class SparqlBackend(Backend):
    """A remote SPARQL 1.1 endpoint (read side); ``gsp`` is its Graph Store Protocol URL."""

    endpoint: str
    gsp: str | None = None
    timeout: float = 60.0
    #: the server's dialect (one of :data:`ENGINES`); None: read from its ``Server`` header on first use
    engine: str | None = None

    def __post_init__(self) -> None:
        self._local = threading.local()  # each thread's kept-alive connection, made on first use
        self.name = f"sparql:{self.endpoint}"
        self.writable = False
        if self.engine is not None and self.engine not in ENGINES:
            raise StoreError(f"unknown engine {self.engine!r}: use one of {', '.join(ENGINES)}")

    @property
    def dialect(self) -> str:
        if self.engine is None:
            self.engine = detect_engine(self.endpoint, self.timeout)
        return self.engine

    @property
    def gsp_url(self) -> str | None:
        if self.gsp is None:
            self.gsp = default_gsp(self.endpoint, self.dialect)
        return self.gsp

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, prefixes: bool = True) -> QueryResult:
        if looks_like_update(sparql) or is_update(sparql):
            raise ReadOnlyError("updates are not allowed here: diplograph sends read-only queries "
                                "(SELECT, ASK, CONSTRUCT, DESCRIBE); use `diplograph push` to change the remote graph")
        kind = query_kind(sparql)
        if self.dialect == "virtuoso":
            sparql = untie_graphs(sparql)
        text = (sparql_prefixes() if prefixes else "") + with_values(sparql, bindings or {},
                                                                     typed_strings=self.dialect == "virtuoso")
        body = self._post([("query", text)], _ACCEPT[kind])
        if kind in ("construct", "describe"):
            return QueryResult("construct", triples=list(parse(body, format=RdfFormat.N_TRIPLES)))
        if self.dialect == "virtuoso":
            body = _virtuoso_terms(body)
        parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
        if isinstance(parsed, QueryBoolean):
            return QueryResult("ask", boolean=bool(parsed))
        variables = [v.value for v in parsed.variables]
        if kind == "ask" and variables == ["__ASK_RETVAL"]:
            # Virtuoso answers ASK in JSON as a one-row SELECT of an integer 0/1
            return QueryResult("ask", boolean=any(s["__ASK_RETVAL"].value not in ("0", "false") for s in parsed))
        rows = [{n: s[n] for n in variables if s[n] is not None} for s in parsed]
        return QueryResult("select", rows=Rows(variables, rows))

    def results(self, sparql: str, bindings: Mapping[str, Term] | None = None, *,
                default_graphs: list[NamedNode] | None = None, named_graphs: list[NamedNode] | None = None):
        """The endpoint's answer parsed into pyoxigraph's result objects (SPARQL 1.1 Protocol: the
        dataset goes as ``default-graph-uri``/``named-graph-uri``, the query by POST)."""
        if looks_like_update(sparql) or is_update(sparql):
            raise ReadOnlyError("updates are not allowed here: diplograph sends read-only queries")
        kind = query_kind(sparql)
        if self.dialect == "virtuoso":
            sparql = untie_graphs(sparql)
        text = sparql_prefixes() + with_values(sparql, bindings or {}, typed_strings=self.dialect == "virtuoso")
        form = [("query", text)] + [("default-graph-uri", g.value) for g in default_graphs or []] \
            + [("named-graph-uri", g.value) for g in named_graphs or []]
        body = self._post(form, _ACCEPT[kind])
        if kind in ("construct", "describe"):
            return [q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)]
        if self.dialect == "virtuoso":
            body = _virtuoso_terms(body)
        return parse_query_results(body, format=QueryResultsFormat.JSON)

    def _post(self, form: list[tuple[str, str]], accept: str) -> bytes:
        """POST a query (SPARQL 1.1 Protocol, form-encoded) over a kept-alive connection → the body.

        Why one kept-alive ``http.client`` connection (per thread) and not a connection per query
        (urllib, SPARQLWrapper), nor urllib3's pool: a new TCP connection per query costs the server
        and the client more than a small query itself, and urllib3's layers cost a small query's
        client about twice the time of the standard library's.  A kept-alive connection the server
        has closed meanwhile is met once and the query sent again on a new one; a timeout is not
        retried."""
        from urllib.parse import urlencode

        data = urlencode(form).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        for attempt in (1, 2):
            conn = getattr(self._local, "conn", None)
            reused = conn is not None
            if conn is None:
                conn = self._local.conn = self._connect()
            try:
                conn.request("POST", self._target, body=data, headers=headers)
                response = conn.getresponse()
                body = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                conn.close()
                self._local.conn = None
                if not reused or attempt == 2:  # not a stale kept-alive connection: the server is gone
                    raise EndpointUnavailable(f"cannot reach the endpoint {self.endpoint}: {_reason(exc)}") from None
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                self._local.conn = None
                raise EndpointUnavailable(f"cannot reach the endpoint {self.endpoint}: {_reason(exc)}") from None
        if response.will_close:
            conn.close()
            self._local.conn = None
        if response.status >= 400:
            detail = _first_line(Exception(body.decode("utf-8", "replace"))) if body else response.reason
            error = EndpointUnavailable if response.status >= 500 else QueryError
            raise error(f"the endpoint {self.endpoint} refused the query: HTTP {response.status}: {detail}")
        return body

    def _connect(self) -> http.client.HTTPConnection:
        from urllib.parse import urlsplit

        url = urlsplit(self.endpoint)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise EndpointUnavailable(f"cannot reach the endpoint {self.endpoint}: not an http(s) URL")
        self._target = (url.path or "/") + (f"?{url.query}" if url.query else "")
        kind = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        proxy = urllib.request.getproxies().get(url.scheme)
        if proxy and not urllib.request.proxy_bypass(url.hostname):  # the proxy the environment names
            via = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
            if url.scheme == "https":
                conn = kind(via.hostname, via.port, timeout=self.timeout)
                conn.set_tunnel(url.hostname, url.port)
            else:
                conn = http.client.HTTPConnection(via.hostname, via.port, timeout=self.timeout)
                self._target = self.endpoint
            return conn
        return kind(url.hostname, url.port, timeout=self.timeout)

    def _data_graphs(self) -> str:
        """A FILTER keeping the dataset's graphs: Virtuoso lists its own system graphs beside them."""
        if self.dialect != "virtuoso":
            return ""
        return "FILTER (" + " && ".join(f'!STRSTARTS(STR(?g), "{p}")' for p in VIRTUOSO_SYSTEM_GRAPHS) + ")"

    def graphs(self) -> list[NamedNode]:
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._data_graphs()} }}")
        return sorted((r["g"] for r in rows if isinstance(r.get("g"), NamedNode)), key=lambda g: g.value)

    def count(self, graph: NamedNode | None = None) -> int:
        bindings = {"g": graph} if graph is not None else {}
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._data_graphs()} }}", bindings)
        return int(rows[0]["n"].value)

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        bindings = {"g": graph} if graph is not None else {}
        for row in self.select(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._data_graphs()} }}", bindings):
            yield Quad(row["s"], row["p"], row["o"], row.get("g", graph))

    # -- writing (Graph Store Protocol) ----------------------------------------------------------
    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple | Quad]) -> None:
        data = serialize((Triple(t.subject, t.predicate, t.object) for t in triples), format=RdfFormat.N_TRIPLES)
        self._gsp("PUT", graph, data)

    def delete_graph(self, graph: NamedNode) -> None:
        self._gsp("DELETE", graph)

    def _gsp(self, method: str, graph: NamedNode, data: bytes | None = None) -> None:
        gsp = self.gsp_url
        if not gsp:
            raise StoreError(f"no Graph Store Protocol URL for {self.endpoint}: pass --gsp (e.g. http://host:3030/ds/data)")
        from urllib.parse import urlencode

        url = f"{gsp}{'&' if '?' in gsp else '?'}{urlencode({'graph': graph.value})}"
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={"Content-Type": "application/n-triples"} if data is not None else {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            if method == "DELETE" and exc.code == 404:
                return
            hint = (" (Virtuoso: grant SPARQL_UPDATE to the \"SPARQL\" user, or pass --gsp)"
                    if exc.code in (401, 403) and self.dialect == "virtuoso" else "")
            raise StoreError(f"{method} {graph.value} at {gsp} failed: HTTP {exc.code} {exc.reason}{hint}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach {gsp}: {getattr(exc, 'reason', exc)}") from None


#: the servers whose departures from the standard the backend knows ("standard": none assumed)
ENGINES = ("standard", "oxigraph", "fuseki", "virtuoso")
#: graphs a fresh Virtuoso holds for itself (its RDF views, LDP, the URIQA host's graph)
VIRTUOSO_SYSTEM_GRAPHS = ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/")


def detect_engine(endpoint: str, timeout: float = 10.0) -> str:
    """The engine behind ``endpoint``, from the ``Server`` header of a trivial query's answer."""
    from urllib.parse import quote

    request = urllib.request.Request(f"{endpoint}{'&' if '?' in endpoint else '?'}query={quote('ASK {}')}",
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            server = response.headers.get("Server", "")
    except urllib.error.HTTPError as exc:
        server = exc.headers.get("Server", "") if exc.headers else ""
    except (urllib.error.URLError, OSError):
        return "standard"  # unreachable: the query itself will say so
    lowered = server.lower()
    for engine in ("virtuoso", "oxigraph", "fuseki"):
        if engine in lowered:
            return engine
    return "fuseki" if "jetty" in lowered else "standard"


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _virtuoso_terms(body: bytes) -> bytes:
    """Virtuoso's JSON results in standard terms.  It names blank nodes ``nodeID://b10001``, which
    is no blank node label: each character outside [A-Za-z0-9] is spelt ``_XX`` (its hex code), so
    distinct names stay distinct.  It writes the booleans it stored as "1"/"0": back to true/false.
    It gives GROUP_CONCAT over no values as "" where Oxigraph and Jena leave the variable unbound:
    an empty plain string is dropped (the project stores no empty strings: its shapes refuse them)."""
    import json

    doc = json.loads(body)
    for solution in doc.get("results", {}).get("bindings", []):
        for name, term in list(solution.items()):
            if term.get("type") == "literal" and term.get("value") == "" and not term.get("xml:lang") and not term.get("datatype"):
                del solution[name]
                continue
            if term.get("type") == "bnode":
                term["value"] = "v" + re.sub(r"[^A-Za-z0-9]", lambda m: f"_{ord(m.group(0)):02x}", term["value"])
            elif term.get("datatype") == _XSD_BOOLEAN and term.get("value") in ("1", "0"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return json.dumps(doc).encode()


def default_gsp(endpoint: str, engine: str = "standard") -> str | None:
    """Where the Graph Store Protocol is, next to the query endpoint, on the servers we know.

    Oxigraph: queries at /query, the store at /store.  Fuseki: /DS/query (or /DS/sparql) and
    /DS/data.  Virtuoso: /sparql and /sparql-graph-crud (writable once the "SPARQL" user has the
    SPARQL_UPDATE role)."""
    base = endpoint.rstrip("/")
    if engine == "virtuoso" and base.endswith("/sparql"):
        return base + "-graph-crud"
    if engine == "fuseki":
        for tail in ("/query", "/sparql"):
            if base.endswith(tail):
                return base[: -len(tail)] + "/data"
    if base.endswith("/query"):
        return base[: -len("/query")] + "/store"
    return None


_ACCEPT = {"select": "application/sparql-results+json", "ask": "application/sparql-results+json",
           "construct": "application/n-triples", "describe": "application/n-triples"}


def _reason(exc: Exception) -> str:
    """What a connection error says: 'Connection refused', 'timed out'."""
    text = getattr(exc, "strerror", None) or str(exc)
    return text.strip() or type(exc).__name__


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@dataclass
class PushSummary:
    endpoint: str
    graphs: int
    triples: int
    deleted: list[str]


def push(local: Backend, remote: SparqlBackend, *, prune: bool = True) -> PushSummary:
    """Upload every named graph of ``local`` to ``remote``, replacing each graph there.

    With ``prune``, diplograph graphs on the remote that the local store no longer has (a source
    removed from the corpus) are deleted; graphs of other datasets are never touched.
    """
    graphs = local.graphs()
    triples = 0
    for graph in graphs:
        quads = list(local.quads(graph))
        remote.replace_graph(graph, quads)
        triples += len(quads)
    deleted = []
    if prune:
        local_names = {g.value for g in graphs}
        for graph in remote.graphs():
            if graph.value.startswith(GRAPH) and graph.value not in local_names:
                remote.delete_graph(graph)
                deleted.append(graph.value)
    return PushSummary(remote.endpoint, len(graphs), triples, deleted)
