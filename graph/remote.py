"""A remote SPARQL 1.1 server as a backend (``sparql:URL``), and pushing the graph to one.

Queries go through SPARQLWrapper (SPARQL 1.1 Protocol); writes through the SPARQL 1.1 Graph
Store HTTP Protocol, one named graph at a time.  Standard SPARQL has no parameter protocol, so
parameters travel as a ``VALUES`` block built only from validated RDF terms (their N-Triples
form, which escapes everything) and placed at the top of the query's outer ``WHERE`` group;
stored queries compare parameters only at that level, so both backends give the same rows
(tests/test_backends.py runs one contract suite on both).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from pyoxigraph import (
    NamedNode, Quad, QueryBoolean, QueryResultsFormat, RdfFormat, Triple, parse, parse_query_results, serialize,
)

from diplograph.ontology import GRAPH, sparql_prefixes

from .backends import Backend, QueryResult, Rows, Term, looks_like_update
from .errors import QueryError, ReadOnlyError, StoreError
from .sparql_guard import is_update

_MASK = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^>\s]*>|#[^\n]*')
_KIND = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def _masked(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, offsets preserved."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), text)


def query_kind(text: str) -> str:
    m = _KIND.search(_masked(text))
    if not m:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return m.group(1).lower()


def with_values(text: str, bindings: Mapping[str, Term]) -> str:
    """Insert ``VALUES (?a ?b) { (<x> "y") }`` at the top of the outer WHERE group."""
    if not bindings:
        return text
    masked = _masked(text)
    m = re.search(r"\bWHERE\s*\{", masked, re.I)
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
             + " ".join(str(bindings[n]) for n in names) + ") }\n")
    return text[:at] + block + text[at:]


@dataclass
class SparqlBackend(Backend):
    """A remote SPARQL 1.1 endpoint (read side); ``gsp`` is its Graph Store Protocol URL."""

    endpoint: str
    gsp: str | None = None
    timeout: float = 60.0

    def __post_init__(self) -> None:
        self.name = f"sparql:{self.endpoint}"
        self.writable = False
        if self.gsp is None:
            self.gsp = default_gsp(self.endpoint)

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, prefixes: bool = True) -> QueryResult:
        from SPARQLWrapper import POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        if looks_like_update(sparql) or is_update(sparql):
            raise ReadOnlyError("updates are not allowed here: diplograph sends read-only queries "
                                "(SELECT, ASK, CONSTRUCT, DESCRIBE); use `diplograph push` to change the remote graph")
        kind = query_kind(sparql)
        text = (sparql_prefixes() if prefixes else "") + with_values(sparql, bindings or {})
        client = SPARQLWrapper(self.endpoint)
        client.setMethod(POST)
        client.setTimeout(int(self.timeout))
        client.setQuery(text)
        client.setOnlyConneg(True)
        accept = {"select": "application/sparql-results+json", "ask": "application/sparql-results+json",
                  "construct": "application/n-triples", "describe": "application/n-triples"}[kind]
        client.addCustomHttpHeader("Accept", accept)
        try:
            response = client.query().response
            body = response.read()
        except SPARQLWrapperException as exc:
            raise QueryError(f"the endpoint {self.endpoint} refused the query: {_first_line(exc)}") from None
        except urllib.error.URLError as exc:
            raise QueryError(f"cannot reach the endpoint {self.endpoint}: {exc.reason}") from None
        except OSError as exc:
            raise QueryError(f"cannot reach the endpoint {self.endpoint}: {exc}") from None
        if kind in ("construct", "describe"):
            return QueryResult("construct", triples=list(parse(body, format=RdfFormat.N_TRIPLES)))
        parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
        if isinstance(parsed, QueryBoolean):
            return QueryResult("ask", boolean=bool(parsed))
        variables = [v.value for v in parsed.variables]
        rows = [{n: s[n] for n in variables if s[n] is not None} for s in parsed]
        return QueryResult("select", rows=Rows(variables, rows))

    def graphs(self) -> list[NamedNode]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted((r["g"] for r in rows if isinstance(r.get("g"), NamedNode)), key=lambda g: g.value)

    def count(self, graph: NamedNode | None = None) -> int:
        bindings = {"g": graph} if graph is not None else {}
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", bindings)
        return int(rows[0]["n"].value)

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        bindings = {"g": graph} if graph is not None else {}
        for row in self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", bindings):
            yield Quad(row["s"], row["p"], row["o"], row.get("g", graph))

    # -- writing (Graph Store Protocol) ----------------------------------------------------------
    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple | Quad]) -> None:
        data = serialize((Triple(t.subject, t.predicate, t.object) for t in triples), format=RdfFormat.N_TRIPLES)
        self._gsp("PUT", graph, data)

    def delete_graph(self, graph: NamedNode) -> None:
        self._gsp("DELETE", graph)

    def _gsp(self, method: str, graph: NamedNode, data: bytes | None = None) -> None:
        if not self.gsp:
            raise StoreError(f"no Graph Store Protocol URL for {self.endpoint}: pass --gsp (e.g. http://host:3030/ds/data)")
        from urllib.parse import urlencode

        url = f"{self.gsp}{'&' if '?' in self.gsp else '?'}{urlencode({'graph': graph.value})}"
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={"Content-Type": "application/n-triples"} if data is not None else {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            if method == "DELETE" and exc.code == 404:
                return
            raise StoreError(f"{method} {graph.value} at {self.gsp} failed: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach {self.gsp}: {getattr(exc, 'reason', exc)}") from None


def default_gsp(endpoint: str) -> str | None:
    """Oxigraph serves queries at /query and the Graph Store Protocol at /store."""
    if endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("/query")] + "/store"
    return None


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
