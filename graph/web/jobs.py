"""What a worker process does with a job: run it on its read-only store and serialize the answer
within the row and byte limits.  Runs only in the worker processes of :mod:`.runner`."""

from __future__ import annotations

import io
import os
import re
import signal
import stat
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from diplograph.ontology import PREFIXES
from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    parse,
    parse_query_results,
    serialize,
)

from ..backends import Backend, open_backend, strip_comments_and_strings
from ..errors import DiplographError, ParameterError, QueryError, ReadOnlyError
from ..queries import StoredQuery, bind, refuse_stored_service
from ..remote import EndpointUnavailable
from ..sparql_guard import ServiceRefused, is_update, refuse_service
from .pages import PageContext, esc
from .protocol import (
    GRAPH_OFFERS,
    PAGE_OFFERS,
    READ_ONLY_MESSAGE,
    RESULT_OFFERS,
    HTTPError,
    Response,
    negotiate,
    text_response,
)

_UPDATE_ANYWHERE = re.compile(r"(?<![\w?$:.-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:.-])", re.IGNORECASE)


class _TooMany(Exception):
    pass


class _CappedWriter:
    """A binary sink for pyoxigraph's serializers that stops once it has seen ``max_lines`` lines."""

    def __init__(self, max_lines: int, max_bytes: int) -> None:
        self.max_lines = max_lines
        self.max_bytes = max_bytes
        self.lines = 0
        self.over = ""  # "rows" or "bytes" once a limit is passed
        self.buffer = io.BytesIO()

    def write(self, data) -> int:
        data = bytes(data)
        self.lines += data.count(b"\n")
        if self.lines > self.max_lines:
            self.over = "rows"
            raise _TooMany()
        if self.buffer.tell() + len(data) > self.max_bytes:
            self.over = "bytes"
            raise _TooMany()
        return self.buffer.write(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return self.buffer.getvalue()


def _capped(serializer: Callable[[_CappedWriter], Any], max_lines: int, limit_message: str, max_bytes: int) -> bytes:
    writer = _CappedWriter(max_lines, max_bytes)
    try:
        serializer(writer)
    except Exception as exc:
        if writer.over == "rows":
            raise HTTPError(413, limit_message) from None
        if writer.over == "bytes":
            raise HTTPError(413, f"the answer is over {max_bytes} bytes: add a LIMIT or select fewer or shorter "
                                 f"values (this endpoint sends at most {max_bytes} bytes per answer)") from None
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
        tsv = _capped(lambda w: result.serialize(w, format=QueryResultsFormat.TSV), max_rows + 1, limit, job["max_bytes"])
        if offer.format == QueryResultsFormat.TSV:
            return (200, offer.content_type, tsv, headers)
        solutions = parse_query_results(tsv, QueryResultsFormat.TSV)
        if offer.format == "html":
            return (200, offer.content_type, ctx.page(title, intro + ctx.solutions_table(solutions)), headers)
        return (200, offer.content_type, solutions.serialize(format=offer.format), headers)
    if isinstance(result, (QueryTriples, list)):  # a list: the triples a remote backend sent
        offer = negotiate(GRAPH_OFFERS, accept, formats, "CONSTRUCT/DESCRIBE results")
        write = ((lambda w: result.serialize(w, format=RdfFormat.N_TRIPLES)) if isinstance(result, QueryTriples) else
                 (lambda w: serialize(result, w, format=RdfFormat.N_TRIPLES)))
        nt = _capped(write, max_rows, limit, job["max_bytes"])
        triples = [q.triple for q in parse(nt, format=RdfFormat.N_TRIPLES)]
        if offer.format == "html":
            return (200, offer.content_type, ctx.page(title, intro + ctx.triples_table(triples)), headers)
        if offer.format == RdfFormat.N_TRIPLES:
            return (200, offer.content_type, nt, headers)
        return (200, offer.content_type, serialize(triples, format=offer.format, prefixes=PREFIXES), headers)
    raise HTTPError(500, f"unexpected result type {type(result).__name__}")


def _job_sparql(backend: Backend, job: dict, ctx: PageContext) -> Response:
    text = job["query"]
    # SERVICE is refused by parsing the query (graph.sparql_guard), here in the child: under the time limit
    try:
        refuse_service(text)
    except ServiceRefused as exc:
        raise HTTPError(403, str(exc)) from None
    except ReadOnlyError:
        raise HTTPError(403, READ_ONLY_MESSAGE) from None
    try:
        result = backend.results(text, default_graphs=[NamedNode(g) for g in job.get("default_graphs") or []],
                                 named_graphs=[NamedNode(g) for g in job.get("named_graphs") or []])
    except ReadOnlyError:
        raise HTTPError(403, READ_ONLY_MESSAGE) from None
    except EndpointUnavailable as exc:
        raise HTTPError(502, str(exc)) from None
    except QueryError as exc:
        if _UPDATE_ANYWHERE.search(strip_comments_and_strings(text)) or is_update(text):
            raise HTTPError(403, READ_ONLY_MESSAGE) from None
        raise HTTPError(400, str(exc)) from None
    intro = f"<pre class=query>{esc(text)}</pre>"
    return serialize_result(result, job, ctx, "SPARQL results", intro)


def _job_stored(backend: Backend, job: dict, ctx: PageContext) -> Response:
    """A stored query: parameters checked and bound by graph.queries.bind, run as graph.queries.run runs it."""
    query: StoredQuery = job["stored"]
    try:
        bindings = bind(query, job["values"], backend)
    except ParameterError as exc:
        raise HTTPError(400, str(exc)) from None
    try:
        refuse_stored_service(query)
    except ServiceRefused as exc:
        raise HTTPError(403, str(exc)) from None
    try:
        result = backend.results(query.body, bindings)
    except EndpointUnavailable as exc:
        raise HTTPError(502, f"stored query {query.name!r}: {exc}") from None
    except QueryError as exc:  # a stored query the store cannot run is the server's fault, not the client's
        raise HTTPError(500, f"stored query {query.name!r}: {exc}") from None
    return serialize_result(result, job, ctx, f"{query.name}: {query.summary}", ctx.stored_query_intro(query, job))


def _job_timeline(backend: Backend, job: dict, ctx: PageContext) -> Response:
    try:
        bindings = bind(job["stored"], job["values"], backend)
    except ParameterError as exc:
        raise HTTPError(400, str(exc)) from None
    return (200, "text/html; charset=utf-8", ctx.timeline_page(bindings["state_a"], bindings["state_b"]), ())


def _job_page(backend: Backend, job: dict, ctx: PageContext) -> Response:
    iri = NamedNode(job["iri"])
    if not ctx.exists(iri):
        raise HTTPError(404, f"nothing is known about <{iri.value}> in this graph "
                             f"(the page of an IRI {ctx.id_base}… lives at /id/…)")
    offer = negotiate(PAGE_OFFERS, job.get("accept", ""), job.get("formats", []), "entity pages")
    headers = (("Vary", "Accept"),)
    if offer.format == "html":
        return (200, offer.content_type, ctx.entity_page(iri, job), headers)
    quads = backend.quads_matching(iri)
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


def _job_home(backend: Backend, job: dict, ctx: PageContext) -> Response:
    return (200, "text/html; charset=utf-8", ctx.home_page(job), ())


def _job_store(backend: Backend, job: dict, ctx: PageContext) -> Response:
    """Graph Store Protocol, read side: one named graph (or the union of all, ``?default``) in the negotiated format."""
    graph = NamedNode(job["graph"]) if job.get("graph") else None
    offer = negotiate(PAGE_OFFERS[1:], job.get("accept", ""), job.get("formats", []), "the graph store")
    if graph is not None:
        if not backend.quads_matching(graph=graph, limit=1):
            raise HTTPError(404, f"no graph <{graph.value}> in this store (GET /sparql?query=SELECT DISTINCT ?g "
                                 "{GRAPH ?g {}} lists them)")
    limit = (f"more than {job['max_rows']} triples in the graph: use `diplograph export`, "
             "or CONSTRUCT with a LIMIT at /sparql")
    def distinct_triples():
        seen = set()
        # one graph holds no duplicate triples: max_rows + 1 of them are enough to see the limit passed
        for quad in backend.quads_matching(graph=graph, limit=job["max_rows"] + 1 if graph is not None else None):
            if quad.triple not in seen:
                seen.add(quad.triple)
                yield quad.triple

    nt = _capped(lambda w: serialize(distinct_triples(), w, format=RdfFormat.N_TRIPLES), job["max_rows"], limit,
                 job["max_bytes"])
    if offer.format == RdfFormat.N_TRIPLES:
        return (200, offer.content_type, nt, (("Vary", "Accept"),))
    triples = [q.triple for q in parse(nt, format=RdfFormat.N_TRIPLES)]
    if offer.format in (RdfFormat.TRIG, RdfFormat.N_QUADS) and graph is not None:
        body = serialize([Quad(t.subject, t.predicate, t.object, graph) for t in triples], format=offer.format,
                         prefixes=PREFIXES)
    else:
        body = serialize(triples, format=offer.format, prefixes=PREFIXES)
    return (200, offer.content_type, body, (("Vary", "Accept"),))


def _job_probe(backend: Backend, job: dict, ctx: PageContext) -> Response:
    return text_response(200, f"{backend.count()} quads")


JOBS = {"probe": _job_probe, "sparql": _job_sparql, "stored": _job_stored, "page": _job_page, "home": _job_home, "store": _job_store,
        "timeline": _job_timeline}


def _drop_inherited(conn) -> None:
    """A forked worker leaves the server's sockets (the listener, client connections, its siblings'
    pipes) and its event loop's signal plumbing to the server: a connection the server closes must
    close for the client, and a signal to this worker must not wake the server's loop."""
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:  # not the main thread (a spawned worker is; a forked one becomes it)
        pass
    keep = conn.fileno()
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc: nothing to look through
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in fds:
        if fd in (keep, null) or fd < 3:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.dup2(null, fd)  # not close: an inherited socket object may still close its number later
        except OSError:
            pass
    os.close(null)


def worker_main(conn, store_spec: str, base_iri: str, library: dict) -> None:
    """A worker process: open the store (a ``Backend``: ``oxigraph:PATH`` read-only, or ``sparql:URL``)
    once, then answer jobs from ``conn`` until it closes.

    The parent kills a worker whose job runs over the time limit (pyoxigraph cannot cancel a query)
    and starts another; a worker never writes to the store."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    _drop_inherited(conn)
    try:
        backend = open_backend(store_spec, read_only=True)
        if not backend.query("ASK {}").boolean:  # a remote store: reachable, and answering queries
            raise QueryError("ASK {} is not true")
    except (DiplographError, OSError) as exc:
        response = text_response(503, f"cannot open the store read-only: {exc}")
    else:
        response = text_response(200, "ready")
    try:
        conn.send(response)
    except OSError:  # the server stopped while this worker started
        return
    if response[0] != 200:
        return
    parent = os.getppid()
    while True:
        try:
            # a forked worker holds copies of its siblings' pipes, so the parent's death shows no EOF:
            # look at the parent every second instead
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            ctx = PageContext(backend, base_iri, library)
            response = JOBS[job["op"]](backend, job, ctx)
        except HTTPError as exc:
            response = exc.response
        except EndpointUnavailable as exc:  # a page's lookups on a remote store that stopped answering
            response = text_response(502, str(exc))
        except Exception as exc:  # noqa: BLE001 (the worker's last resort: any error is a 500 that says where)
            where = traceback.extract_tb(exc.__traceback__)[-1]
            response = text_response(500, f"internal error: {type(exc).__name__}: {exc} "
                                          f"(at {Path(where.filename).name}:{where.lineno})")
        try:
            conn.send(response)
        except (BrokenPipeError, OSError):
            return
