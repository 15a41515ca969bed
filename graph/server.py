"""``diplograph serve``: a local, read-only SPARQL 1.1 Protocol endpoint and linked-data pages.

A plain WSGI application on the standard library (``wsgiref`` + ``socketserver.ThreadingMixIn``)
over the built on-disk store:

- ``/sparql``          SPARQL 1.1 Protocol query operation (GET ``?query=``, POST form, POST
  ``application/sparql-query``); the default graph is the union of all graphs, named graphs are
  there for ``GRAPH``, the project prefixes are predeclared.  Results are negotiated (Accept
  header, or a ``format`` parameter that overrides it).  Updates, ``LOAD`` and ``SERVICE`` → 403.
- ``/queries``         the stored queries (JSON); ``/queries/NAME?param=value`` runs one, its
  parameters bound by the engine as RDF terms, exactly as ``diplograph query`` does.
- ``/id/...``          the page of ``https://w3id.org/diplograph/id/...``: HTML for browsers
  (label, types, aliases, Wikidata link, registry facts, events and roles, posts, every claim
  with its source and evidence quotes, disagreements); Turtle, N-Triples, JSON-LD, RDF/XML
  (its triples, union of all graphs) or TriG / N-Quads (with graphs) for machines.  Event pages
  show each source's version side by side; source pages the article's metadata and claims.
- ``/``                a query page (inline JS, no external resources) and the stored queries.

Limits.  pyoxigraph cannot cancel a running query, so everything that reads the store runs in
a child process (``fork`` on Linux; the HTTP process itself never opens the store, so a child
inherits no store state).  The child opens ``Store.read_only(path)`` itself, runs the query, serializes the answer and sends the bytes back through a pipe; the
parent waits ``timeout`` seconds and kills the child when it runs over (→ 503).  Rows are
counted while the child serializes: the solutions (or triples) stream as TSV (or N-Triples)
into a writer that stops at ``max_rows`` + 1 lines (→ 413), and only an answer within the
limit is re-serialized by pyoxigraph in the negotiated format.  The HTTP process never opens
the store, so nothing it does can change it.
"""

from __future__ import annotations

import difflib
import html
import io
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import traceback
import warnings
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, quote, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from pyoxigraph import (
    BlankNode, Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples,
    RdfFormat, Store, Triple, Variable, parse, parse_query_results, serialize,
)

from diplograph.ontology import BASE, PREFIXES

from .backends import OxigraphBackend, looks_like_update, strip_comments_and_strings
from .errors import DiplographError, ParameterError, ReadOnlyError, StoreError
from .formats import shorten
from .queries import QueryLibrary, StoredQuery, bind, refuse_stored_service
from .sparql_guard import ServiceRefused, is_update, preload, refuse_service

__all__ = ["make_app", "serve", "start_in_thread", "ServerHandle", "ServerError"]

MAX_BODY = 1 << 20  # bytes of a POSTed query
READ_ONLY_MESSAGE = ("this SPARQL endpoint is read-only: updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, "
                     "ADD, MOVE, COPY) are refused; the graph changes only through `diplograph build`")
_UPDATE_ANYWHERE = re.compile(r"(?<![\w?$:.-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:.-])", re.I)
_FORMAT_PARAMS = ("format",)
_IGNORED_PARAMS = ("format", "output", "results")  # SPARQLWrapper sends all three


class ServerError(DiplographError):
    """The server cannot start (port in use, bad address)."""


# --- responses -------------------------------------------------------------------------------

Response = tuple  # (status: int, content type: str, body: bytes, extra headers: tuple[(name, value), ...])


class HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = tuple(headers)

    @property
    def response(self) -> Response:
        return text_response(self.status, self.message, self.headers)


def text_response(status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> Response:
    return (status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), tuple(headers))


# --- content negotiation ---------------------------------------------------------------------

@dataclass(frozen=True)
class Offer:
    """One representation: the media type sent, the names (``format=``) and media types that ask for it."""

    mime: str
    names: tuple[str, ...]
    format: Any  # QueryResultsFormat | RdfFormat | "html"
    charset: bool = False

    @property
    def content_type(self) -> str:
        return f"{self.mime}; charset=utf-8" if self.charset else self.mime

    def accepts(self, name: str) -> bool:
        return name == self.mime or name in self.names


RESULT_OFFERS = (  # SELECT and ASK; the first is the default
    Offer("application/sparql-results+json", ("json", "srj", "application/json", "text/javascript",
                                              "application/javascript"), QueryResultsFormat.JSON),
    Offer("application/sparql-results+xml", ("xml", "srx", "application/xml", "text/xml"), QueryResultsFormat.XML),
    Offer("text/csv", ("csv",), QueryResultsFormat.CSV, charset=True),
    Offer("text/tab-separated-values", ("tsv", "tab"), QueryResultsFormat.TSV, charset=True),
    Offer("text/html", ("html",), "html", charset=True),
)
GRAPH_OFFERS = (  # CONSTRUCT and DESCRIBE
    Offer("text/turtle", ("turtle", "ttl", "application/turtle", "application/x-turtle"), RdfFormat.TURTLE, True),
    Offer("application/n-triples", ("ntriples", "n-triples", "nt"), RdfFormat.N_TRIPLES),
    Offer("application/rdf+xml", ("rdfxml", "rdf+xml", "rdf", "xml", "application/xml", "text/xml"), RdfFormat.RDF_XML),
    Offer("application/ld+json", ("jsonld", "json-ld", "json", "application/json", "application/x-json+ld"),
          RdfFormat.JSON_LD),
    Offer("text/n3", ("n3", "text/rdf+n3", "application/n3"), RdfFormat.N3, True),
    Offer("text/html", ("html",), "html", charset=True),
)
PAGE_OFFERS = (  # entity pages: HTML for browsers (and */*), RDF for machines
    Offer("text/html", ("html", "application/xhtml+xml"), "html", charset=True),
    Offer("text/turtle", ("turtle", "ttl", "application/turtle", "application/x-turtle"), RdfFormat.TURTLE, True),
    Offer("application/ld+json", ("jsonld", "json-ld", "json", "application/json"), RdfFormat.JSON_LD),
    Offer("application/n-triples", ("ntriples", "n-triples", "nt"), RdfFormat.N_TRIPLES),
    Offer("application/rdf+xml", ("rdfxml", "rdf+xml", "rdf", "xml"), RdfFormat.RDF_XML),
    Offer("application/trig", ("trig",), RdfFormat.TRIG, True),
    Offer("application/n-quads", ("nquads", "n-quads", "nq"), RdfFormat.N_QUADS),
)
KNOWN_FORMATS = sorted({n for offers in (RESULT_OFFERS, GRAPH_OFFERS, PAGE_OFFERS) for o in offers
                        for n in (o.mime, *o.names)})


def parse_accept(header: str) -> list[tuple[str, float]]:
    """``Accept`` → [(media range, q)], in header order."""
    ranges = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(mime: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range that matches ``mime`` (exact > type/* > */*)."""
    best: tuple[int, float] = (-1, 0.0)
    kind = mime.split("/")[0]
    for rng, q in ranges:
        if rng == mime:
            spec = 2
        elif rng == f"{kind}/*":
            spec = 1
        elif rng == "*/*":
            spec = 0
        else:
            continue
        if spec > best[0]:
            best = (spec, q)
    return best[1]


def negotiate(offers: tuple[Offer, ...], accept: str, formats: list[str], what: str) -> Offer:
    """The representation to send: a ``format`` parameter wins; else the best Accept match; else the default."""
    if formats:
        for name in formats:
            for offer in offers:
                if offer.accepts(name):
                    return offer
        names = ", ".join(o.names[0] for o in offers)
        raise HTTPError(406, f"format {formats[0]!r} is not available for {what}; use one of: {names}")
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    chosen, chosen_q = offers[0], 0.0
    for offer in offers:
        q = max(_quality(m, ranges) for m in (offer.mime, *(n for n in offer.names if "/" in n)))
        if q > chosen_q:
            chosen, chosen_q = offer, q
    return chosen  # nothing acceptable: the default (lenient, as most endpoints are)


def requested_formats(params: dict[str, list[str]]) -> list[str]:
    formats = [v.strip().lower() for k in _FORMAT_PARAMS for v in params.get(k, []) if v.strip()]
    for name in formats:
        if name not in KNOWN_FORMATS:
            raise HTTPError(400, f"unknown format {name!r}; use a media type or one of: json, xml, csv, tsv, html, "
                                 "turtle, ntriples, rdfxml, jsonld, n3, trig, nquads")
    return formats


# --- the child process: everything that reads the store --------------------------------------

class _TooMany(Exception):
    pass


class _CappedWriter:
    """A binary sink for pyoxigraph's serializers that stops once it has seen ``max_lines`` lines."""

    def __init__(self, max_lines: int) -> None:
        self.max_lines = max_lines
        self.lines = 0
        self.over = False
        self.buffer = io.BytesIO()

    def write(self, data) -> int:
        data = bytes(data)
        self.lines += data.count(b"\n")
        if self.lines > self.max_lines:
            self.over = True
            raise _TooMany()
        return self.buffer.write(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return self.buffer.getvalue()


def _capped(serializer: Callable[[_CappedWriter], Any], max_lines: int, limit_message: str) -> bytes:
    writer = _CappedWriter(max_lines)
    try:
        serializer(writer)
    except Exception as exc:
        if writer.over:
            raise HTTPError(413, limit_message) from None
        if isinstance(exc, HTTPError):
            raise
        raise HTTPError(400, f"the query failed: {exc}") from None
    return writer.getvalue()


def serialize_result(result, job: dict, ctx: PageContext, title: str = "SPARQL results",
                     intro: str = "") -> Response:
    """An ASK/SELECT/CONSTRUCT result → response bytes in the negotiated format, within max_rows."""
    max_rows = job["max_rows"]
    limit = (f"more than {max_rows} results: add a LIMIT (this endpoint returns at most {max_rows} "
             "rows or triples per query)")
    accept, formats = job.get("accept", ""), job.get("formats", [])
    headers = (("Vary", "Accept"),)
    if isinstance(result, QueryBoolean):
        offer = negotiate(RESULT_OFFERS, accept, formats, "ASK results")
        if offer.format == "html":
            body = ctx.page(title, intro + f"<p class=answer>{'yes (true)' if bool(result) else 'no (false)'}</p>")
        else:
            body = result.serialize(format=offer.format)
        return (200, offer.content_type, body, headers)
    if isinstance(result, QuerySolutions):
        offer = negotiate(RESULT_OFFERS, accept, formats, "SELECT results")
        tsv = _capped(lambda w: result.serialize(w, format=QueryResultsFormat.TSV), max_rows + 1, limit)
        if offer.format == QueryResultsFormat.TSV:
            return (200, offer.content_type, tsv, headers)
        solutions = parse_query_results(tsv, QueryResultsFormat.TSV)
        if offer.format == "html":
            return (200, offer.content_type, ctx.page(title, intro + ctx.solutions_table(solutions)), headers)
        return (200, offer.content_type, solutions.serialize(format=offer.format), headers)
    if isinstance(result, QueryTriples):
        offer = negotiate(GRAPH_OFFERS, accept, formats, "CONSTRUCT/DESCRIBE results")
        nt = _capped(lambda w: result.serialize(w, format=RdfFormat.N_TRIPLES), max_rows, limit)
        triples = [q.triple for q in parse(nt, format=RdfFormat.N_TRIPLES)]
        if offer.format == "html":
            return (200, offer.content_type, ctx.page(title, intro + ctx.triples_table(triples)), headers)
        if offer.format == RdfFormat.N_TRIPLES:
            return (200, offer.content_type, nt, headers)
        return (200, offer.content_type, serialize(triples, format=offer.format, prefixes=PREFIXES), headers)
    raise HTTPError(500, f"unexpected result type {type(result).__name__}")


def _job_sparql(store: Store, job: dict, ctx: PageContext) -> Response:
    kwargs: dict[str, Any] = {}
    if job.get("default_graphs"):
        kwargs["default_graph"] = [NamedNode(g) for g in job["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.get("named_graphs"):
        kwargs["named_graphs"] = [NamedNode(g) for g in job["named_graphs"]]
    text = job["query"]
    # SERVICE is refused by parsing the query (graph.sparql_guard), here in the child: under the time limit
    try:
        refuse_service(text)
    except ServiceRefused as exc:
        raise HTTPError(403, str(exc)) from None
    except ReadOnlyError:
        raise HTTPError(403, READ_ONLY_MESSAGE) from None
    try:
        result = store.query(text, prefixes=PREFIXES, **kwargs)
    except SyntaxError as exc:
        if _UPDATE_ANYWHERE.search(strip_comments_and_strings(text)) or is_update(text):
            raise HTTPError(403, READ_ONLY_MESSAGE) from None
        raise HTTPError(400, f"SPARQL syntax error: {exc}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise HTTPError(400, f"the query failed: {exc}") from None
    intro = f"<pre class=query>{esc(text)}</pre>"
    return serialize_result(result, job, ctx, "SPARQL results", intro)


def _job_stored(store: Store, job: dict, ctx: PageContext) -> Response:
    """A stored query: parameters checked and bound by graph.queries.bind, run as graph.queries.run runs it."""
    query: StoredQuery = job["stored"]
    backend = OxigraphBackend(store, f"oxigraph:{job['store_path']}", writable=False)
    try:
        bindings = bind(query, job["values"], backend)
    except ParameterError as exc:
        raise HTTPError(400, str(exc)) from None
    try:
        refuse_stored_service(query)
    except ServiceRefused as exc:
        raise HTTPError(403, str(exc)) from None
    # the same call as OxigraphBackend.query (what run() does), keeping pyoxigraph's result to serialize it
    try:
        result = store.query(query.body, prefixes=PREFIXES, use_default_graph_as_union=True,
                             substitutions={Variable(k): v for k, v in bindings.items()} or None)
    except SyntaxError as exc:
        raise HTTPError(500, f"stored query {query.name!r} does not parse: {exc}") from None
    return serialize_result(result, job, ctx, f"{query.name}: {query.summary}", ctx.stored_query_intro(query, job))


def _job_page(store: Store, job: dict, ctx: PageContext) -> Response:
    iri = NamedNode(job["iri"])
    if not ctx.exists(iri):
        raise HTTPError(404, f"nothing is known about <{iri.value}> in this graph "
                             f"(the page of an IRI {ctx.id_base}… lives at /id/…)")
    offer = negotiate(PAGE_OFFERS, job.get("accept", ""), job.get("formats", []), "entity pages")
    headers = (("Vary", "Accept"),)
    if offer.format == "html":
        return (200, offer.content_type, ctx.entity_page(iri, job), headers)
    quads = list(store.quads_for_pattern(iri, None, None, None))
    if offer.format in (RdfFormat.TRIG, RdfFormat.N_QUADS):
        body = serialize(quads, format=offer.format, prefixes=PREFIXES)
    else:
        seen, triples = set(), []
        for q in quads:
            if q.triple not in seen:
                seen.add(q.triple)
                triples.append(q.triple)
        body = serialize(triples, format=offer.format, prefixes=PREFIXES)
    return (200, offer.content_type, body, headers)


def _job_home(store: Store, job: dict, ctx: PageContext) -> Response:
    return (200, "text/html; charset=utf-8", ctx.home_page(job), ())


def _job_probe(store: Store, job: dict, ctx: PageContext) -> Response:
    return text_response(200, f"{len(store)} quads")


_JOBS = {"probe": _job_probe, "sparql": _job_sparql, "stored": _job_stored, "page": _job_page, "home": _job_home}


def _child_main(conn, store_path: str, job: dict) -> None:
    """Runs in the child process: open the store read-only, answer, send (status, type, body, headers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business: it kills us
    try:
        try:
            store = Store.read_only(store_path)
        except OSError as exc:
            raise HTTPError(503, f"cannot open the store read-only: {exc}") from None
        ctx = PageContext(store, job["base_iri"], job.get("library"))
        response = _JOBS[job["op"]](store, job, ctx)
    except HTTPError as exc:
        response = exc.response
    except Exception as exc:  # noqa: BLE001  (reported to the client; nothing written to stderr from a fork)
        where = traceback.extract_tb(exc.__traceback__)[-1]
        response = text_response(500, f"internal error: {type(exc).__name__}: {exc} "
                                      f"(at {Path(where.filename).name}:{where.lineno})")
    try:
        conn.send(response)
    finally:
        conn.close()


def _mp_context(method: str | None = None):
    """``fork`` on Linux (as the brief allows): no re-import of an unguarded ``__main__`` script, ~30 ms a
    request.  It is safe here because the HTTP process never opens the store (no RocksDB state is
    inherited) and the child only uses the store it opens itself.  ``forkserver``/``spawn`` on request."""
    if method is None:
        method = "fork" if sys.platform.startswith("linux") else None
    if method == "fork":
        # Python >= 3.12 warns about fork() in a threaded process; see the docstring for why it is fine here.
        warnings.filterwarnings("ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning)
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["diplograph.graph.server"])
    return ctx


class Runner:
    """Runs jobs in child processes, at most ``max_concurrent`` at a time, each for at most ``timeout`` s."""

    def __init__(self, store_path: str, timeout: float, max_concurrent: int, start_method: str | None = None) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self.context = _mp_context(start_method)
        self.slots = threading.BoundedSemaphore(max_concurrent)
        self.max_concurrent = max_concurrent
        self.active: set = set()
        self._lock = threading.Lock()

    def run(self, job: dict) -> Response:
        if not self.slots.acquire(timeout=self.timeout):
            return text_response(503, f"the server is busy ({self.max_concurrent} queries running); try again",
                                 (("Retry-After", "5"),))
        try:
            return self._run(job)
        finally:
            self.slots.release()

    def _run(self, job: dict) -> Response:
        receiver, sender = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_child_main, args=(sender, self.store_path, job), daemon=True,
                                       name=f"diplograph-{job['op']}")
        process.start()
        sender.close()
        with self._lock:
            self.active.add(process)
        answered = False
        try:
            if receiver.poll(self.timeout):
                try:
                    response = receiver.recv()
                    answered = True
                    return response
                except EOFError:
                    process.join(1)
                    return text_response(500, f"the query process ended without an answer (exit code {process.exitcode})")
            return text_response(503, f"query stopped: it ran over the {self.timeout:g} s time limit "
                                      "(add LIMIT or narrow the patterns)")
        finally:
            receiver.close()
            if answered:
                process.join(1)  # it has sent its answer and is exiting
            if process.is_alive():
                process.kill()  # over time (or stuck after answering): pyoxigraph cannot be interrupted
            process.join(5)
            with self._lock:
                self.active.discard(process)

    def kill_all(self) -> None:
        with self._lock:
            running = list(self.active)
        for process in running:
            if process.is_alive():
                process.kill()


# --- the WSGI application (parent process: never opens the store) -----------------------------

class App:
    """The WSGI callable: routing, protocol checks, and jobs for the runner."""

    def __init__(self, store_path: str | Path, *, timeout: float = 10.0, max_rows: int = 10000,
                 base_iri: str = BASE, max_concurrent: int | None = None, queries: str | Path | None = None,
                 start_method: str | None = None) -> None:
        path = Path(str(store_path).removeprefix("oxigraph:"))
        if not path.is_dir():
            raise StoreError(f"no store at {path}: run `diplograph build` first (or pass --store)")
        self.store_path = str(path)
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.base_iri = base_iri if base_iri.endswith("/") else base_iri + "/"
        self.library = QueryLibrary(queries)
        preload()  # the SPARQL parser of the SERVICE guard, imported once here rather than in each forked job
        self.runner = Runner(self.store_path, self.timeout, max_concurrent or max(2, min(8, os.cpu_count() or 2)),
                             start_method)
        conflicts = self.library.queries.get("conflicts")
        self._page_library = {"conflicts": conflicts} if conflicts else {}
        # fail now, not at the first request (in a child: this process never opens the store)
        status, _, body, _ = self.runner.run(self._job("probe"))
        if status != 200:
            raise StoreError(f"cannot open the store at {path} read-only: {body.decode('utf-8', 'replace').strip()}")

    # WSGI entry point
    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET").upper()
        try:
            response = self.route(environ, method)
        except HTTPError as exc:
            response = exc.response
        except Exception as exc:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
            response = text_response(500, f"internal error: {type(exc).__name__}: {exc}")
        status, content_type, body, extra = response
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body))),
                   ("Access-Control-Allow-Origin", "*"), *extra]
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [b""] if method == "HEAD" else [body]

    def close(self) -> None:
        self.runner.kill_all()

    # routing
    def route(self, environ, method: str) -> Response:
        try:
            path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8")
        except UnicodeError:
            raise HTTPError(400, "the path is not valid UTF-8") from None
        if method == "OPTIONS":
            return (204, "text/plain", b"", (("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS"),
                                             ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                                             ("Access-Control-Max-Age", "86400"), ("Allow", "GET, POST, HEAD, OPTIONS")))
        params = self._query_string(environ)
        if path == "/sparql":
            if method not in ("GET", "HEAD", "POST"):
                raise HTTPError(405, "use GET or POST", (("Allow", "GET, POST, HEAD, OPTIONS"),))
            return self.sparql(environ, method, params)
        if method not in ("GET", "HEAD"):
            raise HTTPError(405, f"{path} answers GET only", (("Allow", "GET, HEAD, OPTIONS"),))
        if path in ("/", "/index.html"):
            return self.runner.run(self._job("home", queries=self._query_list()))
        if path in ("/queries", "/queries/"):
            body = json.dumps(self._query_list(), ensure_ascii=False, indent=1, default=str) + "\n"
            return (200, "application/json", body.encode("utf-8"), ())
        if path.startswith("/queries/"):
            return self.stored(path[len("/queries/"):], environ, params)
        if path.startswith("/id/") and len(path) > 4:
            iri = self.base_iri + path[1:]
            try:
                NamedNode(iri)
            except ValueError:
                raise HTTPError(404, f"{path} is not the path of a valid IRI") from None
            return self.runner.run(self._job("page", iri=iri, accept=environ.get("HTTP_ACCEPT", ""),
                                             formats=requested_formats(params), library=self._page_library))
        raise HTTPError(404, f"no page at {path}: try / (query page), /sparql, /queries or /id/…")

    def _job(self, op: str, **fields) -> dict:
        return {"op": op, "base_iri": self.base_iri, "max_rows": self.max_rows, "store_path": self.store_path, **fields}

    @staticmethod
    def _query_string(environ) -> dict[str, list[str]]:
        try:
            return parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True, errors="strict")
        except UnicodeError:
            raise HTTPError(400, "the query string is not valid UTF-8") from None

    @staticmethod
    def _body(environ) -> bytes:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise HTTPError(400, "bad Content-Length") from None
        if length > MAX_BODY:
            raise HTTPError(413, f"the request body is over {MAX_BODY} bytes")
        return environ["wsgi.input"].read(length) if length > 0 else b""

    # /sparql
    def sparql(self, environ, method: str, params: dict[str, list[str]]) -> Response:
        if method == "POST":
            content_type = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
            if content_type == "application/sparql-update":
                raise HTTPError(403, READ_ONLY_MESSAGE)
            body = self._body(environ)
            try:
                text = body.decode("utf-8")
            except UnicodeError:
                raise HTTPError(400, "the request body is not valid UTF-8") from None
            if content_type == "application/x-www-form-urlencoded":
                try:
                    form = parse_qs(text, keep_blank_values=True, errors="strict")
                except UnicodeError:
                    raise HTTPError(400, "the form is not valid UTF-8") from None
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            elif content_type == "application/sparql-query":
                if "query" in params:
                    raise HTTPError(400, "the query is both in the body and in the URL: send it once")
                params["query"] = [text]
            else:
                raise HTTPError(415, "POST a query as application/x-www-form-urlencoded (query=...) or as "
                                     "application/sparql-query; this endpoint accepts no updates")
        if "update" in params:
            raise HTTPError(403, READ_ONLY_MESSAGE)
        queries = params.get("query") or []
        if not queries and method != "POST" and negotiate(
                (Offer("text/html", (), "html"), *RESULT_OFFERS), environ.get("HTTP_ACCEPT", ""), [], "").format == "html":
            return (303, "text/plain; charset=utf-8", b"see /#query\n", (("Location", "/#query"),))  # a browser
        if not queries or not queries[0].strip():
            raise HTTPError(400, "no query: send GET /sparql?query=..., or POST it (form field query=, or "
                                 "Content-Type application/sparql-query); / has a query page")
        if len(queries) > 1:
            raise HTTPError(400, "several query parameters: send one query per request")
        text = queries[0]
        refuse_unsafe(text)
        graphs = {}
        for key in ("default-graph-uri", "named-graph-uri"):
            graphs[key] = params.get(key, [])
            for value in graphs[key]:
                try:
                    NamedNode(value)
                except ValueError:
                    raise HTTPError(400, f"{key}: {value!r} is not an IRI") from None
        return self.runner.run(self._job(
            "sparql", query=text, default_graphs=graphs["default-graph-uri"], named_graphs=graphs["named-graph-uri"],
            accept=environ.get("HTTP_ACCEPT", ""), formats=requested_formats(params)))

    # /queries
    def _query_list(self) -> list[dict]:
        out = []
        for q in self.library:
            params = [{"name": p.name, "type": p.type, "required": p.required, "example": p.example,
                       "default": p.default, "description": p.description} for p in q.params]
            example = {p.name: str(p.example) for p in q.params if p.required and p.example is not None}
            out.append({"name": q.name, "summary": q.summary, "description": q.description, "kind": q.kind,
                        "params": params, "returns": list(q.returns), "tags": list(q.tags),
                        "url": f"/queries/{q.name}" + (f"?{urlencode(example)}" if example else "")})
        return out

    def stored(self, name: str, environ, params: dict[str, list[str]]) -> Response:
        query = self.library.queries.get(name)
        if query is None:
            close = difflib.get_close_matches(name, list(self.library.queries), n=3, cutoff=0.3)
            hint = f"; the closest: {', '.join(close)}" if close else ""
            raise HTTPError(404, f"no stored query named {name!r}{hint} (GET /queries lists them all)")
        values: dict[str, str] = {}
        for key, given in params.items():
            if key in _IGNORED_PARAMS:
                continue
            try:
                query.param(key)
            except ParameterError as exc:
                raise HTTPError(400, str(exc)) from None
            if len(given) > 1:
                raise HTTPError(400, f"parameter {key!r} is given {len(given)} times; give it once")
            values[key] = given[0]
        # values are checked by graph.queries.bind in the job, as on the CLI and in the Python API
        return self.runner.run(self._job("stored", stored=query, values=values, accept=environ.get("HTTP_ACCEPT", ""),
                                         formats=requested_formats(params), library=self._page_library))


def refuse_unsafe(text: str) -> None:
    """An update that says so in its first words → 403 at once; SERVICE is refused by the job, after parsing."""
    if looks_like_update(text):
        raise HTTPError(403, READ_ONLY_MESSAGE)


def make_app(store_path: str | Path, *, timeout: float = 10.0, max_rows: int = 10000,
             base_iri: str = "https://w3id.org/diplograph/", **kw) -> App:
    """The WSGI application over the built store at ``store_path`` (opened read-only, per request, in a child)."""
    return App(store_path, timeout=timeout, max_rows=max_rows, base_iri=base_iri, **kw)


# --- serving ---------------------------------------------------------------------------------

class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002
        pass


def _make_server(app: App, host: str, port: int, quiet: bool):
    try:
        return make_server(host, port, app, server_class=ThreadingWSGIServer,
                           handler_class=_QuietHandler if quiet else WSGIRequestHandler)
    except OSError as exc:
        raise ServerError(f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                          "(is another server using the port? pass --port)") from None


class ServerHandle:
    """A server running in a background thread (tests, notebooks); a context manager.

    >>> with ServerHandle("var/diplograph.oxigraph", timeout=2) as server:   # doctest: +SKIP
    ...     urllib.request.urlopen(server.url + "/sparql?query=ASK{}")
    """

    def __init__(self, store_path: str | Path, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True,
                 **kw) -> None:
        self.app = make_app(store_path, **kw)
        self.server = _make_server(self.app, host, port, quiet)
        self.host, self.port = self.server.server_address[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name="diplograph-serve", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.app.close()
        self.thread.join(5)

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_in_thread(store_path: str | Path, **kw) -> tuple[str, Callable[[], None]]:
    """Start the server on a free port of 127.0.0.1 in a background thread → (base URL, stop function)."""
    handle = ServerHandle(store_path, **kw)
    return handle.url, handle.stop


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 10.0,
          max_rows: int = 10000, base_iri: str = "https://w3id.org/diplograph/", quiet: bool = False) -> None:
    """Serve the store until Ctrl-C: prints the URL; logs requests to stderr unless ``quiet``."""
    app = make_app(store_path, timeout=timeout, max_rows=max_rows, base_iri=base_iri)
    server = _make_server(app, host, port, quiet)
    url = f"http://{host if ':' not in host else f'[{host}]'}:{server.server_address[1]}"
    print(f"diplograph: serving {app.store_path} read-only at {url}/ (SPARQL endpoint {url}/sparql, "
          f"time limit {timeout:g} s, at most {max_rows} results); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\ndiplograph: stopped", flush=True)
    finally:
        server.server_close()
        app.close()


# --- HTML ------------------------------------------------------------------------------------

def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


CSS = """
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;color:#1d2733;background:#f5f6f8}
header{background:#1f3a5f;color:#fff;padding:.55rem 1.5rem;display:flex;gap:1.2rem;align-items:baseline}
header a{color:#fff;text-decoration:none}header a.brand{font-weight:700;font-size:1.05rem}
main{max-width:1240px;margin:0 auto;padding:.8rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.7rem 0 .15rem}h2{font-size:1.12rem;margin:1.9rem 0 .55rem;padding-bottom:.2rem;border-bottom:1px solid #d3d9e1}
h3{font-size:1rem;margin:1rem 0 .3rem}
a{color:#1a56a8}a:hover{text-decoration:underline}
.iri{color:#5b6b7d;font-size:.84rem;word-break:break-all;margin:.1rem 0 .5rem}
.tag{display:inline-block;background:#e3ebf6;color:#1f3a5f;border-radius:3px;padding:0 .4rem;font-size:.8rem;margin:0 .25rem .15rem 0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem;margin:.3rem 0}
th,td{border:1px solid #dbe1e8;padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e9eef4;font-weight:600}tbody th{background:#f3f6f9;font-weight:600;white-space:nowrap}
table.side{table-layout:fixed}table.side thead th:first-child{width:9.5rem}
.quote{display:block;color:#4b5563;font-style:italic;font-size:.82rem;margin:.15rem 0 0 .1rem;border-left:2px solid #c9d3de;padding-left:.4rem}
.off{font-style:normal;color:#8a96a3;font-size:.75rem}.above{display:block;margin:.1rem 0 0 .1rem}
.src{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.78rem;white-space:nowrap;display:inline-block;margin-right:.35rem}
.muted{color:#6b7785}.small{font-size:.82rem}.none{color:#a0aab5}
.note{display:block;color:#7a5b12;font-size:.78rem}
.conflict{border-left:4px solid #c2410c;background:#fff6ee;padding:.45rem .8rem;margin:.55rem 0}
.conflict ul{margin:.2rem 0 .1rem;padding-left:1.2rem}
tr.disputed>th{background:#fde6d3;color:#9a3412}tr.disputed>th::after{content:" \\26A0";}
.value{display:block;margin-bottom:.35rem}.value:last-child{margin-bottom:0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}dl.facts dt{font-weight:600;color:#394856}dl.facts dd{margin:0}
details{margin-top:1.4rem}summary{cursor:pointer;font-weight:600}
textarea{width:100%;min-height:11rem;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:.5rem;border:1px solid #c3ccd6;border-radius:4px}
button{background:#1f3a5f;color:#fff;border:0;border-radius:4px;padding:.45rem 1.2rem;font-size:.95rem;cursor:pointer;margin:.4rem .6rem .4rem 0}
pre{background:#fff;border:1px solid #dbe1e8;padding:.5rem;overflow:auto;font-size:.82rem}
pre.error{color:#9f1d1d;border-color:#e8b4b4;background:#fff5f5;white-space:pre-wrap}
ul.cols{columns:3 18rem;padding-left:1.1rem}ul.cols li{break-inside:avoid}
.answer{font-size:1.3rem;font-weight:600}
form.params label{margin-right:.8rem}form.params input{padding:.2rem .35rem;border:1px solid #c3ccd6;border-radius:3px}
"""

_ROLE_ORDER = ["type", "agent", "target", "beneficiary", "place", "onDate", "announcedBy", "legalBasis", "recognizedAs",
               "charge", "penalty", "votesFor", "votesAgainst", "abstentions", "deadline", "office", "candidateFor",
               "onBehalfOf", "quotation"]

EXAMPLE_QUERY = """# Who granted asylum to whom, according to which source?
# Prefixes (dg: dgid: dgg: ev: src: rdf: ...) are predeclared.  The default graph is the union of
# all graphs; GRAPH ?g keeps each source's claims together (one named graph per source).
SELECT DISTINCT ?grant ?grantor ?asylee ?source WHERE {
  GRAPH ?g {
    ?grant a dg:AsylumGrant ; dg:agent ?grantor ; dg:target ?asylee .
    ?claim rdf:subject ?grant ; rdf:predicate rdf:type ; dg:source ?source .
  }
}
ORDER BY ?asylee ?grant ?source
"""


class _Library:
    """The stored queries a page needs (conflicts), passed to the child instead of the whole library."""

    def __init__(self, queries: dict[str, StoredQuery] | None) -> None:
        self.queries = queries or {}

    def get(self, name: str) -> StoredQuery:
        return self.queries[name]


class PageContext:
    """HTML rendering in the child: labels, dates and links looked up in the store, per IRI, with a cache."""

    def __init__(self, store: Store, base_iri: str, library: dict | None = None) -> None:
        self.store = store
        self.base = base_iri
        self.id_base = base_iri + "id/"
        self.library = _Library(library)
        self._labels: dict[str, str | None] = {}
        self._dates: dict[str, dict | None] = {}

    # queries (values are always bound by the engine)
    def select(self, text: str, **bindings) -> list[dict]:
        solutions = self.store.query(text, prefixes=PREFIXES,
                                     substitutions={Variable(k): v for k, v in bindings.items()} or None)
        names = [v.value for v in solutions.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in solutions]

    def exists(self, iri: NamedNode) -> bool:
        for _ in self.store.quads_for_pattern(iri, None, None, None):
            return True
        for _ in self.store.quads_for_pattern(None, None, iri, None):
            return True
        return False

    # naming
    def label(self, term) -> str | None:
        if not isinstance(term, NamedNode):
            return None
        if term.value not in self._labels:
            rows = self.select("SELECT ?x ?l ?g WHERE { GRAPH ?g { ?x rdfs:label ?l } }", x=term)
            rows.sort(key=lambda r: (r["g"].value != PREFIXES["dgg"] + "registry", r["l"].value))
            self._labels[term.value] = rows[0]["l"].value if rows else None
        return self._labels[term.value]

    def local(self, iri: str) -> str | None:
        return iri[len(self.id_base):] if iri.startswith(self.id_base) else None

    def name(self, term) -> str:
        """A short human name: the label; for minted IRIs without one, their id; else a prefixed name."""
        if isinstance(term, Literal):
            return term.value
        if isinstance(term, BlankNode):
            return f"_:{term.value}"
        local = self.local(term.value)
        if local is not None and local.startswith("source/") and local.count("/") == 1:
            return local[len("source/"):]  # sources go by their id; their title is the tooltip
        label = self.label(term)
        if label:
            return label
        if local is not None:
            kind, _, rest = local.partition("/")
            if kind in ("tenure", "membership", "participation") and "--" in rest:
                a, b = rest.split("--", 1)
                joiner = {"tenure": " as ", "membership": " in ", "participation": " party to "}[kind]
                return f"{self.name(NamedNode(self.id_base + a))}{joiner}{self.name(NamedNode(self.id_base + b))}"
            if kind in ("event", "source") and rest:
                return rest
            return local
        if "#" in term.value and term.value.startswith(PREFIXES["dg"]):
            return term.value.rsplit("#", 1)[1]
        return shorten(term.value)

    def term_name(self, term) -> str:
        """Ontology terms (types, properties) by their local name."""
        if isinstance(term, NamedNode):
            value = term.value
            for cut in ("#", "/"):
                if cut in value and not value.startswith(self.id_base):
                    return value.rsplit(cut, 1)[1] or shorten(value)
        return self.name(term)

    def href(self, iri: str) -> str | None:
        if iri.startswith(self.id_base):
            return "/" + quote(iri[len(self.base):], safe="/-_.~:")
        if iri.startswith(("http://www.wikidata.org/", "https://www.wikidata.org/")):
            return iri.replace("http://", "https://", 1)
        return None

    def link(self, term, text: str | None = None) -> str:
        if isinstance(term, NamedNode):
            href = self.href(term.value)
            shown = esc(text if text is not None else self.name(term))
            if href:
                return f'<a href="{esc(href)}" title="{esc(term.value)}">{shown}</a>'
            return f'<span title="{esc(term.value)}">{shown}</span>'
        return esc(text if text is not None else self.name(term))

    def source_link(self, source) -> str:
        return f'<a class=src href="{esc(self.href(source.value) or "")}" title="{esc(self.label(source) or "")}">' \
               f'{esc(self.name(source))}</a>'

    # dates
    def date(self, term) -> dict | None:
        if not isinstance(term, NamedNode):
            return None
        if term.value not in self._dates:
            rows = self.select("""SELECT ?d ?v ?phrase ?qualifier ?weekday ?inferred ?basis WHERE { GRAPH ?g {
                ?d a dg:DateValue . OPTIONAL { ?d dg:dateValue ?v } OPTIONAL { ?d dg:datePhrase ?phrase }
                OPTIONAL { ?d dg:dateQualifier ?qualifier } OPTIONAL { ?d dg:weekday ?weekday }
                OPTIONAL { ?d dg:inferred ?inferred } OPTIONAL { ?d dg:dateBasis ?basis } } } LIMIT 1""", d=term)
            self._dates[term.value] = {k: v.value for k, v in rows[0].items() if k != "d"} if rows else None
        return self._dates[term.value]

    def date_text(self, info: dict) -> str:
        value = info.get("v")
        if value and info.get("qualifier"):
            value = f"{info['qualifier']} {value}"
        out = f"<b>{esc(value)}</b>" if value else '<span class=muted>unresolved</span>'
        if info.get("phrase"):
            out += f' <span class=muted>“{esc(info["phrase"])}”</span>'
        elif info.get("weekday"):
            out += f' <span class=muted>({esc(info["weekday"])})</span>'
        if info.get("inferred") == "true":
            out += f' <span class="muted small">inferred{": " + esc(info["basis"]) if info.get("basis") else ""}</span>'
        return out

    def value(self, term) -> str:
        """An object for people: a date as its value and phrase, an IRI as a link, a literal as text."""
        info = self.date(term)
        if info is not None:
            return self.date_text(info)
        if isinstance(term, Literal):
            text = esc(term.value)
            if term.language and term.language != "en":
                text += f' <span class="muted small">@{esc(term.language)}</span>'
            return text
        return self.link(term)

    # page shell
    def page(self, title: str, body: str, alternates: str = "") -> bytes:
        doc = (f"<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
               f"<meta name=viewport content='width=device-width, initial-scale=1'>"
               f"<title>{esc(title)} · diplograph</title>{alternates}<style>{CSS}</style></head><body>"
               f"<header><a class=brand href='/'>diplograph</a><a href='/#query'>SPARQL</a>"
               f"<a href='/#stored'>stored queries</a><a href='/#browse'>sources &amp; events</a></header>"
               f"<main>{body}</main></body></html>\n")
        return doc.encode("utf-8")

    def _formats_line(self, iri: str) -> tuple[str, str]:
        href = self.href(iri) or ""
        links = " · ".join(f'<a href="{esc(href)}?format={f}">{label}</a>' for f, label in
                           (("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("trig", "TriG"), ("nquads", "N-Quads")))
        alternates = "".join(f'<link rel=alternate type="{m}" href="{esc(href)}?format={f}">' for f, m in
                             (("turtle", "text/turtle"), ("jsonld", "application/ld+json"), ("trig", "application/trig")))
        return links, alternates

    # tables of results
    def solutions_table(self, solutions) -> str:
        names = [v.value for v in solutions.variables]
        rows = list(solutions)
        head = "".join(f"<th>{esc(n)}</th>" for n in names)
        body = []
        for s in rows:
            cells = []
            for n in names:
                term = s[n]
                cells.append("<td></td>" if term is None else f"<td>{self.cell(term)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        count = f"<p class=muted>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
        return count + f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"

    def triples_table(self, triples: list[Triple]) -> str:
        body = "".join(f"<tr><td>{self.cell(t.subject)}</td><td>{esc(shorten(t.predicate.value))}</td>"
                       f"<td>{self.cell(t.object)}</td></tr>" for t in triples)
        return (f"<p class=muted>{len(triples)} triples</p><table><thead><tr><th>subject</th><th>predicate</th>"
                f"<th>object</th></tr></thead><tbody>{body}</tbody></table>")

    def cell(self, term) -> str:
        if isinstance(term, NamedNode):
            short = shorten(term.value)
            if short.startswith("src:"):
                return self.link(term, short)  # sources by their id (the title is the tooltip)
            label = self.label(term)
            text = f"{label} ({short})" if label else short
            return self.link(term, text)
        return self.value(term) if isinstance(term, Literal) else esc(str(term))

    def stored_query_intro(self, query: StoredQuery, job: dict) -> str:
        values = job.get("values", {})
        inputs = "".join(
            f'<label>{esc(p.name)}{"*" if p.required else ""} <input name="{esc(p.name)}" '
            f'value="{esc(values.get(p.name, ""))}" placeholder="{esc("" if p.example is None else p.example)}" '
            f'title="{esc(p.description)} ({esc(p.type)})"></label>' for p in query.params)
        form = (f'<form class=params method=get action="/queries/{esc(query.name)}">{inputs}<button>Run</button></form>'
                if query.params else "")
        other = " · ".join(f'<a href="/queries/{esc(query.name)}?{esc(urlencode({**values, "format": f}))}">{f}</a>'
                           for f in ("json", "xml", "csv", "tsv"))
        return (f"<h1>{esc(query.name)}</h1><p>{esc(query.summary)}</p><p class='muted small'>{esc(query.description)}</p>"
                f"{form}<p class=small>as {other}</p>")

    # --- entity pages ---
    def entity_page(self, iri: NamedNode, job: dict) -> bytes:
        local = self.local(iri.value) or ""
        if local.startswith("event/") and "/" not in local[len("event/"):]:
            return self.event_page(iri)
        if local.startswith("source/") and "/" not in local[len("source/"):]:
            return self.source_page(iri)
        return self.thing_page(iri)

    def _header(self, iri: NamedNode, title: str, types: list) -> tuple[str, str]:
        links, alternates = self._formats_line(iri.value)
        tags = "".join(f'<span class=tag title="{esc(t.value)}">{esc(self.term_name(t))}</span>' for t in types)
        return (f"<h1>{esc(title)}</h1><div>{tags}</div>"
                f"<p class=iri>{esc(iri.value)} · as {links}</p>"), alternates

    def claims(self, pattern: str, **bindings) -> list[dict]:
        """Claims matching ``pattern`` (over ?claim in GRAPH ?g), each with its evidence, grouped per claim."""
        rows = self.select(f"""SELECT ?x ?claim ?s ?p ?o ?source ?note ?quote ?start ?end ?verified WHERE {{
            {pattern}
            GRAPH ?g {{ ?claim a dg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dg:source ?source .
              OPTIONAL {{ ?claim dg:curationNote ?note }}
              OPTIONAL {{ ?claim dg:evidence ?m . ?m dg:quote ?quote .
                         OPTIONAL {{ ?m dg:startOffset ?start }} OPTIONAL {{ ?m dg:endOffset ?end }}
                         OPTIONAL {{ ?m dg:verified ?verified }} }} }}
        }} ORDER BY ?source ?s ?p ?o ?start""", **bindings)
        claims: dict[str, dict] = {}
        for r in rows:
            c = claims.setdefault(r["claim"].value, {"claim": r["claim"], "s": r["s"], "p": r["p"], "o": r["o"],
                                                     "source": r["source"], "note": r.get("note"), "evidence": []})
            if "quote" in r:
                ev = (r["quote"].value, r.get("start"), r.get("end"), r.get("verified"))
                if ev not in c["evidence"]:
                    c["evidence"].append(ev)
        return list(claims.values())

    def evidence(self, claim: dict, seen: set | None = None) -> str:
        """The claim's evidence quotes (offsets, ✓ when verified against the text) and curation note.

        With ``seen`` (a set kept per table column), a quote or note already shown above is only referred to."""
        out, above = [], []
        for quote_text, start, end, verified in claim["evidence"]:
            where = f" [{start.value}–{end.value}]" if start is not None and end is not None else ""
            if seen is not None and quote_text in seen:
                above.append(where.strip() or "“…”")
                continue
            if seen is not None:
                seen.add(quote_text)
            check = " ✓" if verified is not None and verified.value == "true" else ""
            out.append(f'<span class=quote>“{esc(quote_text)}”<span class=off>{esc(where)}{check}</span></span>')
        if above:
            out.append(f'<span class="off above">evidence as above {esc(" ".join(above))}</span>')
        note = claim.get("note")
        if note is not None and not (seen is not None and ("note", note.value) in seen):
            if seen is not None:
                seen.add(("note", note.value))
            out.append(f'<span class=note>note: {esc(note.value)}</span>')
        return "".join(out)

    def claims_table(self, claims: list[dict], focus: NamedNode | None = None, *, one_source: bool = False) -> str:
        """One row per claim: source, subject, property, value, evidence.  For one source's claims
        (``one_source``) the source column is left out and a quote is shown once per subject."""
        if not claims:
            return "<p class=muted>no claims</p>"
        rows, seen, subject_before = [], set(), None
        for c in claims:
            subject = "<i>this</i>" if focus is not None and c["s"] == focus else self.link(c["s"])
            obj = "<i>this</i>" if focus is not None and c["o"] == focus else self.value(c["o"])
            if one_source and c["s"] != subject_before:
                seen, subject_before = set(), c["s"]
            source = "" if one_source else f"<td>{self.source_link(c['source'])}</td>"
            rows.append(f"<tr>{source}<td>{subject}</td>"
                        f"<td title='{esc(c['p'].value)}'>{esc(self.term_name(c['p']))}</td><td>{obj}</td>"
                        f"<td>{self.evidence(c, seen if one_source else None)}</td></tr>")
        head = "" if one_source else "<th>source</th>"
        return (f"<table><thead><tr>{head}<th>subject</th><th>property</th><th>value</th><th>evidence</th>"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def conflicts_html(self, keep: Callable) -> tuple[list, str]:
        """The disagreements (graph.conflicts.find_conflicts) that ``keep`` selects, and their HTML."""
        from .conflicts import find_conflicts

        if not self.library.queries:
            return [], ""
        backend = OxigraphBackend(self.store, "oxigraph:", writable=False)
        found = [c for c in find_conflicts(backend, library=self.library) if keep(c)]
        parts = []
        for c in found:
            if c.kind == "post holder":
                head = f"who held {self.link(c.aspect)} at {self.link(c.subject)}"
            else:
                head = f"{self.link(c.subject)} — {esc(self.term_name(c.aspect))}"
            items = []
            for v in c.values:
                shown = self.link(v.value) if isinstance(v.value, NamedNode) else f"<b>{esc(v.value.value)}</b>"
                if v.phrase:
                    shown += f' <span class=muted>“{esc(v.phrase)}”</span>'
                sources = "".join(
                    f"<div>{self.source_link(NamedNode(s))} " + "".join(f'<span class=quote>“{esc(q)}”</span>' for q in quotes)
                    + "</div>" for s, quotes in v.sources.items())
                items.append(f"<li>{shown}{sources}</li>")
            parts.append(f"<div class=conflict><div>{head}</div><ul>{''.join(items)}</ul></div>")
        return found, "".join(parts)

    def all_triples(self, iri: NamedNode, open_: bool = False) -> str:
        quads = sorted(self.store.quads_for_pattern(iri, None, None, None),
                       key=lambda q: (str(q.graph_name), q.predicate.value, str(q.object)))
        rows = "".join(f"<tr><td class=small>{esc(shorten(q.graph_name.value) if isinstance(q.graph_name, NamedNode) else 'default')}"
                       f"</td><td title='{esc(q.predicate.value)}'>{esc(shorten(q.predicate.value))}</td>"
                       f"<td>{self.value(q.object)}</td></tr>" for q in quads)
        inbound = list(self.store.quads_for_pattern(None, None, iri, None))
        inbound = [q for q in inbound if q.predicate.value not in (PREFIXES["rdf"] + "subject", PREFIXES["rdf"] + "object")]
        inbound.sort(key=lambda q: (str(q.graph_name), q.predicate.value, str(q.subject)))
        in_rows = "".join(f"<tr><td class=small>{esc(shorten(q.graph_name.value) if isinstance(q.graph_name, NamedNode) else 'default')}"
                          f"</td><td>{self.link(q.subject)}</td><td>{esc(shorten(q.predicate.value))}</td></tr>"
                          for q in inbound[:500])
        return (f"<details{' open' if open_ else ''}><summary>All triples about this IRI ({len(quads)}), "
                f"and {len(inbound)} pointing to it, by graph</summary>"
                f"<table><thead><tr><th>graph</th><th>property</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>"
                + (f"<h3>Pointing to it</h3><table><thead><tr><th>graph</th><th>subject</th><th>property</th></tr></thead>"
                   f"<tbody>{in_rows}</tbody></table>" if inbound else "") + "</details>")

    def thing_page(self, iri: NamedNode) -> bytes:
        registry = self.select("SELECT ?x ?p ?o WHERE { GRAPH dgg:registry { ?x ?p ?o } } ORDER BY ?p ?o", x=iri)
        rdf_type, label_p = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label"
        alt_p, match_p = PREFIXES["skos"] + "altLabel", PREFIXES["skos"] + "exactMatch"
        types = [r["o"] for r in registry if r["p"].value == rdf_type]
        if not types:
            types = sorted({r["t"] for r in self.select("SELECT DISTINCT ?x ?t WHERE { GRAPH ?g { ?x a ?t } }", x=iri)},
                           key=lambda t: t.value)
        title = self.name(iri)
        head, alternates = self._header(iri, title, types)
        parts = [head]
        aliases = [r["o"].value for r in registry if r["p"].value == alt_p]
        matches = [r["o"] for r in registry if r["p"].value == match_p]
        facts = []
        if aliases:
            facts.append(f"<dt>also known as</dt><dd>{esc(', '.join(aliases))}</dd>")
        for m in matches:
            href = self.href(m.value) or m.value
            facts.append(f'<dt>Wikidata</dt><dd><a href="{esc(href)}">{esc(shorten(m.value))}</a> '
                         f'<span class="muted small">skos:exactMatch</span></dd>')
        if facts:
            parts.append(f"<dl class=facts>{''.join(facts)}</dl>")

        other = [r for r in registry if r["p"].value not in (rdf_type, label_p, alt_p, match_p)]
        inbound = self.select("SELECT ?x ?s ?p WHERE { GRAPH dgg:registry { ?s ?p ?x } } ORDER BY ?p ?s", x=iri)
        if other or inbound:
            rows = "".join(f"<tr><th title='{esc(r['p'].value)}'>{esc(self.term_name(r['p']))}</th><td>{self.value(r['o'])}</td></tr>"
                           for r in other)
            rows += "".join(f"<tr><th>{self.link(r['s'])}</th><td><span class=muted>{esc(self.term_name(r['p']))}</span> "
                            f"<i>this</i></td></tr>" for r in inbound)
            parts.append(f"<h2>Registry facts</h2><p class='muted small'>curated by the project (graph dgg:registry), "
                         f"not claims of any article</p><table><tbody>{rows}</tbody></table>")

        claims = self.claims("{ GRAPH ?g { ?claim rdf:subject ?x } } UNION { GRAPH ?g { ?claim rdf:object ?x } }", x=iri)
        event_base = self.id_base + "event/"
        events: dict[tuple[str, str], dict] = {}
        for c in claims:
            if c["o"] == iri and c["s"].value.startswith(event_base):
                e = events.setdefault((c["s"].value, c["p"].value), {"event": c["s"], "role": c["p"], "sources": []})
                if c["source"] not in e["sources"]:
                    e["sources"].append(c["source"])
        related = {k[0] for k in events}
        if events:
            rows = []
            for e in sorted(events.values(), key=lambda e: (e["event"].value, e["role"].value)):
                types_by, dates_by = self.event_versions(e["event"])
                reporting = self._distinct(s for sources in types_by.values() for s in sources)
                rows.append(f"<tr><td>{self.link(e['event'])}</td><td>{esc(self.term_name(e['role']))}</td>"
                            f"<td>{self.grouped(types_by, lambda t: esc(self.term_name(t)), reporting)}</td>"
                            f"<td>{self.grouped(dates_by, self.value, reporting)}</td>"
                            f"<td>{' '.join(self.source_link(s) for s in e['sources'])}</td></tr>")
            parts.append(f"<h2>Events ({len(related)})</h2><table><thead><tr><th>event</th><th>role</th>"
                         "<th>type (per source)</th><th>date (per source)</th><th>role stated by</th></tr></thead>"
                         f"<tbody>{''.join(rows)}</tbody></table>")

        tenures = self.select("""SELECT DISTINCT ?x ?tenure ?post ?source ?acting ?start ?end ?at WHERE { GRAPH ?g {
              ?tenure dg:holder ?x ; dg:post ?post .
              ?claim a dg:Claim ; rdf:subject ?tenure ; rdf:predicate dg:holder ; rdf:object ?x ; dg:source ?source .
              OPTIONAL { ?tenure dg:acting ?acting } OPTIONAL { ?tenure dg:startDate ?start }
              OPTIONAL { ?tenure dg:endDate ?end } OPTIONAL { ?tenure dg:heldAt ?at } } }
            ORDER BY ?post ?source ?at""", x=iri)
        if tenures:
            posts: dict[str, dict] = {}
            for t in tenures:
                p = posts.setdefault(t["tenure"].value, {"post": t["post"], "tenure": t["tenure"], "by": {}})
                details = p["by"].setdefault(t["source"].value, {"source": t["source"], "lines": []})
                bits = []
                if "acting" in t and t["acting"].value == "true":
                    bits.append("acting")
                if "start" in t:
                    bits.append("from " + self.value(t["start"]))
                if "end" in t:
                    bits.append("until " + self.value(t["end"]))
                if "at" in t:
                    bits.append("held at " + self.link(t["at"]))
                    related.add(t["at"].value)
                for b in bits:
                    if b not in details["lines"]:
                        details["lines"].append(b)
            rows = []
            for p in posts.values():
                per_source = "".join(f"<div>{self.source_link(d['source'])} {'; '.join(d['lines']) or '<span class=muted>held the post</span>'}</div>"
                                     for d in p["by"].values())
                rows.append(f"<tr><td>{self.link(p['post'])}<div class='muted small'>{self.link(p['tenure'], 'tenure')}</div></td>"
                            f"<td>{per_source}</td></tr>")
            parts.append(f"<h2>Posts held ({len(posts)})</h2><table><thead><tr><th>post</th><th>what each source says</th>"
                         f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")

        disagreements, conflicts = self.conflicts_html(
            lambda c: c.subject.value in related or c.subject == iri or any(v.value == iri for v in c.values))
        if disagreements:
            parts.append(f"<h2>Disagreements ({len(disagreements)})</h2><p class='muted small'>where sources give incompatible "
                         f"values about events this entity is part of; every version is kept</p>{conflicts}")
        parts.append(f"<h2>Claims ({len(claims)})</h2><p class='muted small'>every claim about this entity or pointing "
                     f"to it, with its source and the exact words of its evidence</p>{self.claims_table(claims, iri)}")
        parts.append(self.all_triples(iri, open_=not (claims or registry)))
        return self.page(title, "".join(parts), alternates)

    def event_versions(self, event: NamedNode) -> tuple[dict, dict]:
        """(type → sources, date node → sources) as each source states them."""
        rows = self.select("""SELECT ?e ?source ?type ?d WHERE { GRAPH ?g {
              ?claim a dg:Claim ; rdf:subject ?e ; rdf:predicate rdf:type ; rdf:object ?type ; dg:source ?source .
              OPTIONAL { ?e dg:onDate ?d } } } ORDER BY ?source""", e=event)
        types: dict = {}
        dates: dict = {}
        for r in rows:
            if r["source"] not in types.setdefault(r["type"], []):
                types[r["type"]].append(r["source"])
            if "d" in r:
                dates.setdefault(r["d"], [])
                if r["source"] not in dates[r["d"]]:
                    dates[r["d"]].append(r["source"])
        return types, dates

    def grouped(self, by_value: dict, show: Callable, reporting: list) -> str:
        """Values with the sources that give them; unattributed only when every reporting source agrees."""
        if not by_value:
            return "<span class=none>—</span>"
        merged: dict[str, list] = {}  # identical shown values (the same date from two sources) merged
        for value, sources in by_value.items():
            bucket = merged.setdefault(show(value), [])
            bucket.extend(s for s in sources if s not in bucket)
        if len(merged) == 1 and set(next(iter(merged.values()))) >= set(reporting):
            return next(iter(merged))
        return "".join(f"<span class=value>{shown} <span class=muted>— {' '.join(self.source_link(s) for s in sources)}</span></span>"
                       for shown, sources in merged.items())

    def event_page(self, iri: NamedNode) -> bytes:
        claims = self.claims("{ GRAPH ?g { ?claim rdf:subject ?x } } UNION { GRAPH ?g { ?claim rdf:object ?x } }", x=iri)
        about = [c for c in claims if c["s"] == iri]
        pointing = [c for c in claims if c["s"] != iri]
        sources = sorted({c["source"] for c in claims}, key=lambda s: s.value)
        rdf_type = PREFIXES["rdf"] + "type"
        types = sorted({c["o"] for c in about if c["p"].value == rdf_type}, key=lambda t: t.value)
        agents = self._distinct(c["o"] for c in about if self.term_name(c["p"]) == "agent")
        targets = self._distinct(c["o"] for c in about if self.term_name(c["p"]) == "target")
        kind = " / ".join(_words(self.term_name(t)) for t in types) or "Event"
        who = " / ".join(self.name(a) for a in agents)
        whom = " / ".join(self.name(t) for t in targets)
        title = kind + (f": {who}" if who else "") + (f" → {whom}" if whom else "")
        head, alternates = self._header(iri, title, types)
        parts = [head, f"<p class=muted>event <b>{esc(self.name(iri))}</b> as {len(sources)} "
                       f"source{'s' if len(sources) != 1 else ''} report it</p>"]

        disagreements, conflicts = self.conflicts_html(lambda c: c.subject == iri)
        disputed = {c.aspect.value for c in disagreements}  # a property, or a post (who held it at this event)

        # the side-by-side table: one column per source, one row per property
        by_prop: dict[str, dict[str, list[dict]]] = {}
        for c in about:
            by_prop.setdefault(c["p"].value, {}).setdefault(c["source"].value, []).append(c)
        holders: dict[str, list[dict]] = {}
        for c in pointing:
            if self.term_name(c["p"]) == "heldAt":
                holders.setdefault(c["source"].value, []).append(c)

        def order(p: str) -> tuple:
            name = "type" if p == rdf_type else self.term_name(NamedNode(p))
            return (_ROLE_ORDER.index(name) if name in _ROLE_ORDER else len(_ROLE_ORDER), name)

        head_cells = "".join(f"<th>{self.source_link(s)}<div class='muted small' style='font-weight:normal'>"
                             f"{esc(self.label(s) or '')}</div></th>" for s in sources)
        rows = []
        seen: dict[str, set] = {s.value: set() for s in sources}  # quotes already shown, per column
        for p in sorted(by_prop, key=order):
            name = "type" if p == rdf_type else self.term_name(NamedNode(p))
            cls = " class=disputed" if p in disputed else ""
            cells = []
            for s in sources:
                found = by_prop[p].get(s.value, [])
                if not found:
                    cells.append("<td><span class=none>—</span></td>")
                    continue
                shown = "".join(f"<span class=value>{esc(self.term_name(c['o'])) if p == rdf_type else self.value(c['o'])}"
                                f"{self.evidence(c, seen[s.value])}</span>" for c in found)
                cells.append(f"<td>{shown}</td>")
            rows.append(f"<tr{cls}><th title='{esc(p)}'>{esc(name)}</th>{''.join(cells)}</tr>")
        if holders:
            post_disputed = any(not a.startswith(PREFIXES["dg"]) for a in disputed)
            cells = []
            for s in sources:
                found = holders.get(s.value, [])
                shown = "".join(f"<span class=value>{self.link(c['s'])}{self.evidence(c, seen[s.value])}</span>"
                                for c in found)
                cells.append(f"<td>{shown or '<span class=none>—</span>'}</td>")
            rows.append(f"<tr{' class=disputed' if post_disputed else ''}><th>post holders at the time</th>"
                        f"{''.join(cells)}</tr>")
        parts.append("<h2>What each source says</h2><p class='muted small'>one column per source; "
                     "rows marked ⚠ are where sources disagree</p>"
                     f"<table class=side><thead><tr><th>property</th>{head_cells}</tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")
        if disagreements:
            parts.append(f"<h2>Disagreements ({len(disagreements)})</h2>{conflicts}")
        others = [c for c in pointing if self.term_name(c["p"]) != "heldAt"]
        if others:
            parts.append(f"<h2>Claims pointing to this event ({len(others)})</h2>{self.claims_table(others, iri)}")
        parts.append(f"<details><summary>All claims about this event ({len(claims)}), as a list</summary>"
                     f"{self.claims_table(claims, iri)}</details>")
        parts.append(self.all_triples(iri))
        return self.page(title, "".join(parts), alternates)

    def source_page(self, iri: NamedNode) -> bytes:
        meta = self.select("SELECT ?x ?p ?o WHERE { GRAPH ?g { ?x ?p ?o } } ORDER BY ?p ?o", x=iri)
        rdf_type = PREFIXES["rdf"] + "type"
        types = self._distinct(r["o"] for r in meta if r["p"].value == rdf_type)
        title = self.label(iri) or self.name(iri)
        head, alternates = self._header(iri, title, types)
        rows = [f"<tr><th>source id</th><td class=src>{esc(self.name(iri))}</td></tr>"]
        seen = set()
        for r in meta:
            if r["p"].value in (rdf_type, PREFIXES["rdfs"] + "label") or (r["p"].value, str(r["o"])) in seen:
                continue
            seen.add((r["p"].value, str(r["o"])))
            value = r["o"]
            if isinstance(value, NamedNode) and value.value.startswith(("http://", "https://")) and not self.href(value.value) \
                    and self.term_name(r["p"]) in ("url",):
                shown = f'<a href="{esc(value.value)}" rel="noreferrer">{esc(value.value)}</a>'
            else:
                shown = self.value(value)
            rows.append(f"<tr><th title='{esc(r['p'].value)}'>{esc(self.term_name(r['p']))}</th><td>{shown}</td></tr>")
        prov = self.select("""SELECT ?x ?graph ?verified ?build ?time WHERE { GRAPH dgg:meta {
              ?graph prov:wasDerivedFrom ?x . OPTIONAL { ?graph dg:verified ?verified }
              OPTIONAL { ?graph prov:wasGeneratedBy ?build . OPTIONAL { ?build prov:endedAtTime ?time } } } }""", x=iri)
        for r in prov:
            rows.append(f"<tr><th>named graph</th><td>{esc(shorten(r['graph'].value))}"
                        + (f" · evidence verified against the text: <b>{esc(r['verified'].value)}</b>" if "verified" in r else "")
                        + (f" · built {esc(r['time'].value)}" if "time" in r else "") + "</td></tr>")
        claims = self.claims("GRAPH ?g { ?claim dg:source ?x }", x=iri)
        events = self._distinct(c["s"] for c in claims if c["s"].value.startswith(self.id_base + "event/"))
        parts = [head, f"<table><tbody>{''.join(rows)}</tbody></table>"]
        if events:
            parts.append(f"<h2>Events it reports ({len(events)})</h2><ul class=cols>"
                         + "".join(f"<li>{self.link(e)}</li>" for e in sorted(events, key=lambda e: e.value)) + "</ul>")
        parts.append(f"<h2>Claims ({len(claims)})</h2><p class='muted small'>everything this article claims, "
                     f"with the exact words of the evidence and their character offsets in the text</p>"
                     f"{self.claims_table(sorted(claims, key=lambda c: (c['s'].value, c['p'].value)), one_source=True)}")
        return self.page(title, "".join(parts), alternates)

    @staticmethod
    def _distinct(terms: Iterable) -> list:
        out = []
        for t in terms:
            if t not in out:
                out.append(t)
        return out

    # --- the home page ---
    def home_page(self, job: dict) -> bytes:
        queries = job.get("queries", [])
        sources = self.select("""SELECT ?s ?label WHERE { GRAPH ?g { ?s a dg:Source . OPTIONAL { ?s rdfs:label ?label } } }
                                 ORDER BY ?s""")
        events = self.select("""SELECT DISTINCT ?e WHERE { GRAPH ?g { ?c a dg:Claim ; rdf:subject ?e } 
                                 FILTER (STRSTARTS(STR(?e), STR(ev:))) } ORDER BY ?e""")
        stored = "".join(f'<li><a href="{esc(q["url"])}">{esc(q["name"])}</a> — {esc(q["summary"])}'
                         + (f' <span class="muted small">({esc(", ".join(p["name"] for p in q["params"]))})</span>'
                            if q["params"] else "") + "</li>" for q in queries if q["kind"] != "check")
        checks = "".join(f'<li><a href="{esc(q["url"])}">{esc(q["name"])}</a> — {esc(q["summary"])}</li>'
                         for q in queries if q["kind"] == "check")
        src_list = "".join(f"<li>{self.source_link(r['s'])} {esc(r['label'].value if 'label' in r else '')}</li>"
                           for r in sources)
        ev_list = "".join(f"<li>{self.link(r['e'])}</li>" for r in events)
        config = json.dumps({"idBase": self.id_base, "base": self.base}).replace("<", "\\u003c")
        body = f"""
<h1>diplograph</h1>
<p>A knowledge graph of diplomatic events, claim by claim from news articles. This server is read-only.
The SPARQL endpoint is <code>/sparql</code> (SPARQL 1.1 Protocol; the default graph is the union of all graphs,
named graphs are there for <code>GRAPH</code>, the prefixes <code>dg: dgid: dgg: ev: src:</code> … are predeclared).</p>
<h2 id=query>Query</h2>
<form id=qform><textarea id=q name=query spellcheck=false>{esc(EXAMPLE_QUERY)}</textarea>
<button type=submit>Run</button><span id=status class=muted></span></form>
<div id=out></div>
<h2 id=stored>Stored queries</h2>
<p class='muted small'>each answers GET <code>/queries/NAME?param=value</code>; the list as JSON: <a href="/queries">/queries</a></p>
<ul>{stored}</ul>
<details><summary>Data-quality checks ({len([q for q in queries if q["kind"] == "check"])})</summary><ul>{checks}</ul></details>
<h2 id=browse>Sources</h2><ul>{src_list}</ul>
<h2>Events ({len(events)})</h2><ul class=cols>{ev_list}</ul>
<script>
const CONFIG = {config};
const out = document.getElementById('out'), status = document.getElementById('status');
function cell(term) {{
  const td = document.createElement('td');
  if (!term) return td;
  if (term.type === 'uri' && term.value.startsWith(CONFIG.idBase)) {{
    const a = document.createElement('a');
    a.href = '/' + term.value.slice(CONFIG.base.length); a.textContent = term.value.slice(CONFIG.idBase.length);
    a.title = term.value; td.appendChild(a);
  }} else {{
    td.textContent = term.type === 'bnode' ? '_:' + term.value : term.value;
    if (term['xml:lang']) td.title = '@' + term['xml:lang'];
    else if (term.datatype) td.title = term.datatype;
  }}
  return td;
}}
document.getElementById('qform').addEventListener('submit', async (event) => {{
  event.preventDefault();
  out.textContent = ''; status.textContent = ' running…';
  const started = performance.now();
  try {{
    const response = await fetch('/sparql', {{method: 'POST',
      headers: {{'Content-Type': 'application/x-www-form-urlencoded',
                'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}},
      body: new URLSearchParams({{query: document.getElementById('q').value}})}});
    const type = response.headers.get('Content-Type') || '';
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {{
      const pre = document.createElement('pre'); pre.className = 'error';
      pre.textContent = response.status + ' ' + response.statusText + '\\n' + await response.text();
      out.appendChild(pre); status.textContent = ''; return;
    }}
    if (type.startsWith('application/sparql-results+json')) {{
      const data = await response.json();
      if ('boolean' in data) {{
        const p = document.createElement('p'); p.className = 'answer'; p.textContent = String(data.boolean);
        out.appendChild(p); status.textContent = ' ' + seconds + ' s'; return;
      }}
      const vars = data.head.vars, rows = data.results.bindings;
      const table = document.createElement('table'), thead = table.createTHead(), tr = thead.insertRow();
      for (const v of vars) {{ const th = document.createElement('th'); th.textContent = v; tr.appendChild(th); }}
      const tbody = table.createTBody();
      for (const row of rows) {{ const r = tbody.insertRow(); for (const v of vars) r.appendChild(cell(row[v])); }}
      out.appendChild(table);
      status.textContent = ' ' + rows.length + ' row' + (rows.length === 1 ? '' : 's') + ' in ' + seconds + ' s';
    }} else {{
      const pre = document.createElement('pre'); pre.textContent = await response.text(); out.appendChild(pre);
      status.textContent = ' ' + seconds + ' s';
    }}
  }} catch (error) {{
    const pre = document.createElement('pre'); pre.className = 'error'; pre.textContent = String(error);
    out.appendChild(pre); status.textContent = '';
  }}
}});
// /#run runs the example at once (a link to share, and how the browser test drives this page)
if (location.hash === '#run') document.getElementById('qform').requestSubmit();
</script>"""
        return self.page("diplograph", body)


def _words(name: str) -> str:
    """'SeveranceOfRelations' → 'Severance of relations'."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)
    if not words:
        return name
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[0].upper() + text[1:]
