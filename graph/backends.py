"""Stores behind one small interface, chosen by a string (oaklib's ``get_adapter`` style).

- ``oxigraph:PATH`` — the embedded persistent store (default; no server needed)
- ``memory:`` — an embedded in-memory store (tests, notebooks)
- ``sparql:URL`` — a remote SPARQL 1.1 endpoint (see :mod:`graph.remote`)

Every backend answers SELECT/ASK/CONSTRUCT with parameters bound as RDF terms, lists its named
graphs, counts quads and dumps RDF.  Results are pyoxigraph terms whatever the backend.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from diplograph.ontology import PREFIXES
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
)

from .errors import QueryError, ReadOnlyError, StoreError

Term = NamedNode | BlankNode | Literal

_UPDATE_WORDS = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE | re.MULTILINE)


# one pass, left to right: a quote inside a comment or a '#' inside a string or IRI is never misread
_COMMENT_STRING_IRI = re.compile(r'''("""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n\r]|\\.)*"'''
                                 r'''|'(?:[^'\\\n\r]|\\.)*')|(<[^<>"{}|^`\\\x00-\x20]*>)|(#[^\n\r]*)''', re.DOTALL)


def strip_comments_and_strings(text: str) -> str:
    """SPARQL text without comments and string literals (to look for keywords safely)."""
    return _COMMENT_STRING_IRI.sub(lambda m: '""' if m.group(1) else "<>" if m.group(2) else "", text)


def looks_like_update(text: str) -> bool:
    body = strip_comments_and_strings(text)
    body = re.sub(r"^\s*(PREFIX\s+\S*\s*<>|BASE\s*<>)\s*", "", body, flags=re.IGNORECASE | re.MULTILINE)
    return bool(_UPDATE_WORDS.search(body))


@dataclass
class Rows:
    """A SELECT result: variable names and one dict per row (unbound variables absent)."""

    variables: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Term]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    def values(self) -> list[dict[str, str]]:
        """Rows as plain strings (IRIs and literal values), DataFrame-friendly."""
        return [{k: term_value(v) for k, v in row.items()} for row in self.rows]


def term_value(term: Term | None) -> str | None:
    if term is None:
        return None
    return term.value


@dataclass
class QueryResult:
    """The result of any read query: ``kind`` is select, ask or construct."""

    kind: str
    rows: Rows | None = None
    boolean: bool | None = None
    triples: list[Triple] | None = None


class Backend(ABC):
    """What diplograph needs of a store.  Each backend implements all of it."""

    name: str
    writable: bool

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, prefixes: bool = True) -> QueryResult:
        """Run a read-only SPARQL query, with ``bindings`` bound by the engine, never pasted."""

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Rows:
        result = self.query(sparql, bindings)
        if result.kind != "select":
            raise QueryError(f"expected a SELECT query, got {result.kind.upper()}")
        return result.rows  # type: ignore[return-value]

    @abstractmethod
    def graphs(self) -> list[NamedNode]:
        """The named graphs, sorted."""

    @abstractmethod
    def count(self, graph: NamedNode | None = None) -> int:
        """Number of quads (in one graph, or in all)."""

    @abstractmethod
    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        """All quads (of one graph, or of all)."""

    @abstractmethod
    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple | Quad]) -> None:
        """Replace one named graph's content (raises StoreError when not writable)."""

    @abstractmethod
    def results(self, sparql: str, bindings: Mapping[str, Term] | None = None, *,
                default_graphs: list[NamedNode] | None = None, named_graphs: list[NamedNode] | None = None):
        """A read query's answer as pyoxigraph's own result objects, to be serialized as they are:
        ``QuerySolutions``, ``QueryBoolean``, or (CONSTRUCT/DESCRIBE) an iterable of triples.

        Without ``default_graphs`` the default graph is what the store makes it (the union of all
        graphs on the embedded store).  Raises QueryError (syntax included) or ReadOnlyError."""

    def quads_matching(self, subject: Term | None = None, predicate: NamedNode | None = None,
                       object: Term | None = None, graph: NamedNode | None = None,
                       limit: int | None = None) -> list[Quad]:
        """The quads in named graphs matching a pattern (None matches anything), by one SELECT."""
        bindings = {k: v for k, v in (("s", subject), ("p", predicate), ("o", object), ("g", graph)) if v is not None}
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
                           + (f" LIMIT {int(limit)}" if limit is not None else ""), bindings)
        return [Quad(r.get("s", subject), r.get("p", predicate), r.get("o", object), r.get("g", graph)) for r in rows]

    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> Backend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OxigraphBackend(Backend):
    """The embedded pyoxigraph store, in memory or on disk."""

    def __init__(self, store: Store, name: str, writable: bool = True) -> None:
        self.store = store
        self.name = name
        self.writable = writable

    @classmethod
    def open(cls, path: str | Path | None, *, read_only: bool = False) -> OxigraphBackend:
        if path is None:
            return cls(Store(), "memory:")
        path = Path(path)
        if not path.exists():  # a build killed while switching stores: put the last good one back
            from .storefolder import recover

            recover(path)
        if read_only:
            if not path.is_dir():
                raise StoreError(f"no store at {path}: run `diplograph build` first (or pass --store)")
            try:
                return cls(Store.read_only(str(path)), f"oxigraph:{path}", writable=False)
            except OSError as exc:
                raise StoreError(f"cannot open the store at {path}: {exc}") from None
        try:
            return cls(Store(str(path)), f"oxigraph:{path}")
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path} for writing ({exc}); "
                             "is another diplograph process (e.g. serve) using it?") from None

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, prefixes: bool = True) -> QueryResult:
        substitutions = {Variable(k): v for k, v in (bindings or {}).items()}
        try:
            # the default graph is the union of all graphs, as on the endpoint: one meaning for a query everywhere
            result = self.store.query(sparql, prefixes=PREFIXES if prefixes else None,
                                      substitutions=substitutions or None, use_default_graph_as_union=True)
            return self._collect(result)  # solutions are computed while iterated: their errors are caught here too
        except SyntaxError as exc:
            from .sparql_guard import is_update

            if looks_like_update(sparql) or is_update(sparql):
                raise ReadOnlyError("updates are not allowed here: diplograph answers read-only queries "
                                    "(SELECT, ASK, CONSTRUCT, DESCRIBE); the graph changes only through `diplograph build`") from None
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"the query failed: {exc}") from None

    @staticmethod
    def _collect(result) -> QueryResult:
        if isinstance(result, QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = []
            for solution in result:
                row = {}
                for name in variables:
                    value = solution[name]
                    if value is not None:
                        row[name] = value
                rows.append(row)
            return QueryResult("select", rows=Rows(variables, rows))
        if isinstance(result, QueryTriples):
            return QueryResult("construct", triples=list(result))
        raise QueryError(f"unexpected result type {type(result).__name__}")

    def results(self, sparql: str, bindings: Mapping[str, Term] | None = None, *,
                default_graphs: list[NamedNode] | None = None, named_graphs: list[NamedNode] | None = None):
        kwargs: dict = {"default_graph": default_graphs} if default_graphs else {"use_default_graph_as_union": True}
        if named_graphs:
            kwargs["named_graphs"] = named_graphs
        substitutions = {Variable(k): v for k, v in (bindings or {}).items()}
        try:  # lazy: errors met while the solutions are read surface where they are serialized
            return self.store.query(sparql, prefixes=PREFIXES, substitutions=substitutions or None, **kwargs)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"the query failed: {exc}") from None

    def quads_matching(self, subject: Term | None = None, predicate: NamedNode | None = None,
                       object: Term | None = None, graph: NamedNode | None = None,
                       limit: int | None = None) -> list[Quad]:
        found = []
        for quad in self.store.quads_for_pattern(subject, predicate, object, graph):
            if isinstance(quad.graph_name, DefaultGraph):
                continue  # as on every backend: the named graphs only
            found.append(quad)
            if limit is not None and len(found) >= limit:
                break
        return found

    def update(self, sparql: str) -> None:
        """Internal: the build uses SPARQL Update to derive graphs (never user input)."""
        if not self.writable:
            raise StoreError(f"{self.name} is open read-only")
        self.store.update(sparql, prefixes=PREFIXES)

    def graphs(self) -> list[NamedNode]:
        return sorted((g for g in self.store.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value)

    def count(self, graph: NamedNode | None = None) -> int:
        if graph is None:
            return len(self.store)
        sol = self.store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                               substitutions={Variable("g"): graph})
        return sum(int(row["n"].value) for row in sol)

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        return iter(self.store.quads_for_pattern(None, None, None, graph))

    def replace_graph(self, graph: NamedNode, triples: Iterable[Triple | Quad]) -> None:
        if not self.writable:
            raise StoreError(f"{self.name} is open read-only")
        self.store.clear_graph(graph)
        self.store.extend(Quad(t.subject, t.predicate, t.object, graph) for t in triples)

    def dump(self, output: IO[bytes] | str | Path, format: RdfFormat, graph: NamedNode | DefaultGraph | None = None) -> None:
        if graph is None:
            self.store.dump(output, format)
        else:
            self.store.dump(output, format, from_graph=graph)

    def close(self) -> None:
        if self.writable:
            self.store.flush()
        del self.store


def open_backend(spec: str, *, read_only: bool = True) -> Backend:
    """Open a backend from its string: ``oxigraph:PATH``, ``memory:`` or ``sparql:URL``."""
    scheme, _, rest = spec.partition(":")
    if scheme == "oxigraph" and rest:
        return OxigraphBackend.open(rest, read_only=read_only)
    if scheme == "memory":
        return OxigraphBackend.open(None)
    if scheme == "sparql" and rest:
        from .remote import SparqlBackend

        return SparqlBackend(rest)
    if scheme in ("http", "https"):
        from .remote import SparqlBackend

        return SparqlBackend(spec)
    raise StoreError(f"unknown store {spec!r}: use oxigraph:PATH, memory: or sparql:URL")
