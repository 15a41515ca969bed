"""``diplograph serve``: routes, protocol checks and security headers, as an ASGI application.

Why uvicorn (with httptools and uvloop) under a plain ASGI callable, and Werkzeug for the request:
a simple query is a short round trip to a worker process (:mod:`.runner`), so the HTTP layer is most
of its cost; an event loop with a C parser answers several times more requests per core than a
threaded WSGI server, and the wait for a worker is a file descriptor watched by the loop, not a
thread.  Werkzeug still parses what a request carries (query strings, forms, headers, media types)
and serves the static files.  The server (:mod:`.server`) closes connections that stay silent
(idle, half-sent headers); a body that does not arrive in time gets 408 here.

The HTTP process never opens the store: the workers do, read-only, so nothing here can change it.
"""

from __future__ import annotations

import asyncio
import difflib
import io
import json
import sys
import traceback
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from diplograph.ontology import BASE
from pyoxigraph import NamedNode, RdfFormat, parse, serialize
from werkzeug.exceptions import NotFound
from werkzeug.utils import send_from_directory
from werkzeug.wrappers import Request, Response

from ..backends import looks_like_update
from ..errors import DiplographError, ParameterError, StoreError
from ..queries import QueryLibrary
from ..sparql_guard import preload
from .protocol import (
    GRAPH_OFFERS,
    HTML,
    IGNORED_PARAMS,
    MAX_BODY,
    READ_ONLY_MESSAGE,
    RESULT_OFFERS,
    HTTPError,
    _quality,
    negotiate,
    parse_accept,
    requested_formats,
    service_description,
    text_response,
)
from .render import HERE
from .runner import Runner

STATIC = HERE / "static"
# every answer: no framing, no sniffing, no referrer to other sites; scripts and styles only from here
# (YASGUI and CodeMirror set style attributes, hence 'unsafe-inline' for styles only)
SECURITY_HEADERS = (
    ("Server", "diplograph"),  # no version of the server or of Python announced
    ("Content-Security-Policy", ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
                                "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
)
CORS = (("Access-Control-Allow-Origin", "*"),)
CORS_PREFLIGHT = (("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS"),
                  ("Access-Control-Allow-Headers", "Content-Type, Accept"), ("Access-Control-Max-Age", "86400"))


def _cors_route(path: str) -> bool:
    """The read-only query routes: any web page may query them (they change nothing, carry no cookies)."""
    return path == "/sparql" or path.startswith("/queries/") or path == "/queries"


class App:
    """The ASGI application: routing and protocol checks here, store work in the runner's workers."""

    def __init__(self, store_path: str | Path, *, timeout: float = 10.0, max_rows: int = 10000,
                 max_bytes: int = 64 << 20, base_iri: str = BASE, workers: int | None = None,
                 max_queue: int | None = None, queries: str | Path | None = None,
                 start_method: str | None = None, max_concurrent: int | None = None,
                 socket_timeout: float = 10.0) -> None:
        spec = str(store_path)
        if spec.startswith(("sparql:", "http://", "https://")):  # a remote store, read through its Backend
            self.store_spec = spec if spec.startswith("sparql:") else f"sparql:{spec}"
            self.store_path = path = self.store_spec.removeprefix("sparql:")
        else:
            path = Path(spec.removeprefix("oxigraph:"))
            if not path.is_dir():
                raise StoreError(f"no store at {path}: run `diplograph build` first (or pass --store)")
            self.store_path = str(path)
            self.store_spec = f"oxigraph:{path}"
        self.timeout = float(timeout)
        self.socket_timeout = float(socket_timeout)
        self.max_rows = int(max_rows)
        self.max_bytes = int(max_bytes)
        self.base_iri = base_iri if base_iri.endswith("/") else base_iri + "/"
        self.library = QueryLibrary(queries)
        preload()  # the SPARQL parser of the SERVICE guard, imported before the workers fork
        conflicts = self.library.queries.get("conflicts")
        self._query_list_cache = self._query_list()
        try:
            self.runner = Runner(self.store_spec, self.base_iri, {"conflicts": conflicts} if conflicts else {},
                                 timeout=self.timeout, workers=workers or max_concurrent, max_queue=max_queue,
                                 start_method=start_method)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path} read-only: {exc}") from None

    async def __call__(self, scope, receive, send) -> None:
        """ASGI: one HTTP request → one answer (the lifespan protocol has nothing to do: the workers
        start with the App and stop with ``close``)."""
        if scope["type"] == "lifespan":
            while (message := await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        path = scope["path"]
        try:
            body = await self._read_body(scope, receive)
            if body is None:  # the client went away
                return
            request = Request(_environ(scope, body))
            request.max_content_length = MAX_BODY
            answer = self.route(request, path)
            if isinstance(answer, Job):
                answer = await self.runner.run(answer)
        except HTTPError as exc:
            answer = exc.response
        except NotFound:
            answer = text_response(404, f"no file at {path}")
        except _Static as static:
            answer = _wsgi_answer(static.response, request.environ)
        except Exception as exc:  # noqa: BLE001 (the server's last resort: any error is a 500, its traceback logged)
            traceback.print_exc(file=sys.stderr)
            answer = text_response(500, f"internal error: {type(exc).__name__}: {exc}")
        status, content_type, data, extra = answer
        headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in extra]
        given = {name for name, _ in headers}
        if content_type and b"content-type" not in given:
            headers.append((b"content-type", content_type.encode("latin-1")))
        if b"content-length" not in given:
            headers.append((b"content-length", str(len(data)).encode("ascii")))
        headers += [h for h in _SECURITY_RAW if h[0] not in given]
        if _cors_route(path) and b"access-control-allow-origin" not in given:
            headers.append(_CORS_RAW)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    async def _read_body(self, scope, receive) -> bytes | None:
        """The request body, whole, within the socket timeout (→ 408) and MAX_BODY (→ 413)."""
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return b""
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > MAX_BODY:
                raise HTTPError(413, f"the request body is over {MAX_BODY} bytes", _CLOSE)
        chunks, size, more = [], 0, True
        while more:
            try:
                message = await asyncio.wait_for(receive(), self.socket_timeout)
            except asyncio.TimeoutError:
                raise HTTPError(408, "the request body did not arrive in time", _CLOSE) from None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY:
                raise HTTPError(413, f"the request body is over {MAX_BODY} bytes", _CLOSE)
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    def close(self) -> None:
        self.runner.close()

    # routing
    def route(self, request: Request, path: str):
        method = request.method
        if method == "OPTIONS":
            allow = (("Allow", "GET, POST, HEAD, OPTIONS"),)
            return (204, "text/plain", b"", (*CORS_PREFLIGHT, *allow) if _cors_route(path) else allow)
        params = {k: request.args.getlist(k) for k in request.args}
        if path == "/sparql":
            if method not in ("GET", "HEAD", "POST"):
                raise HTTPError(405, "use GET or POST", (("Allow", "GET, POST, HEAD, OPTIONS"),))
            return self.sparql(request, method, params)
        if method not in ("GET", "HEAD"):
            raise HTTPError(405, f"{path} answers GET only", (("Allow", "GET, HEAD, OPTIONS"),))
        if path.startswith("/static/"):
            raise _Static(send_from_directory(STATIC, path[len("/static/"):], request.environ, max_age=3600))
        if path in ("/", "/index.html"):
            queries = [dict(q, text=self.library.queries[q["name"]].body) for q in self._query_list_cache]
            return self._job("home", queries=queries)
        if path in ("/queries", "/queries/"):
            body = json.dumps(self._query_list_cache, ensure_ascii=False, indent=1, default=str) + "\n"
            return (200, "application/json", body.encode("utf-8"), ())
        if path.startswith("/queries/"):
            return self.stored(path[len("/queries/"):], request, params)
        if path == "/store":
            return self.graph_store(request, params)
        if path == "/timeline":
            return self.timeline(params)
        if path.startswith("/id/") and len(path) > 4:
            iri = self.base_iri + path[1:]
            try:
                NamedNode(iri)
            except ValueError:
                raise HTTPError(404, f"{path} is not the path of a valid IRI") from None
            return self._job("page", iri=iri, accept=request.headers.get("Accept", ""),
                             formats=requested_formats(params))
        raise HTTPError(404, f"no page at {path}: try / (query page), /sparql, /queries, /store, /timeline or /id/…")

    def _job(self, op: str, **fields) -> Job:
        return Job(op=op, max_rows=self.max_rows, max_bytes=self.max_bytes, **fields)

    @staticmethod
    def _body(request: Request) -> bytes:
        return request.get_data()  # read whole by ``_read_body``, within its time and size limits

    # /sparql
    def sparql(self, request: Request, method: str, params: dict[str, list[str]]):
        accept = request.headers.get("Accept", "")
        if method == "POST":
            content_type = (request.mimetype or "").lower()
            if content_type == "application/sparql-update":
                raise HTTPError(403, READ_ONLY_MESSAGE)
            body = self._body(request)
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
        if not queries and method != "POST":
            formats = requested_formats(params)
            wants_html = _quality("text/html", parse_accept(accept)) > 0
            if not formats and wants_html and negotiate((HTML, *RESULT_OFFERS), accept, [], "").format == "html":
                return (303, "text/plain; charset=utf-8", b"see /#query\n", (("Location", "/#query"),))  # a browser
            rdf = [o for o in GRAPH_OFFERS if o.format != "html"]
            if formats or not accept or any(_quality(o.mime, parse_accept(accept)) > 0 for o in rdf):
                # the SPARQL 1.1 Service Description (GET /sparql with no query), in the RDF format asked for
                offer = negotiate(tuple(rdf), accept, formats, "the service description")
                description = service_description(request.base_url, not self.store_spec.startswith("sparql:"))
                body = (description.encode("utf-8") if offer.format == RdfFormat.TURTLE else
                        serialize(parse(description, format=RdfFormat.TURTLE), format=offer.format))
                return (200, offer.content_type, body, (("Vary", "Accept"),))
        if not queries or not queries[0].strip():
            raise HTTPError(400, "no query: send GET /sparql?query=..., or POST it (form field query=, or "
                                 "Content-Type application/sparql-query); / has a query page")
        if len(queries) > 1:
            raise HTTPError(400, "several query parameters: send one query per request")
        text = queries[0]
        if looks_like_update(text):  # the rest (SERVICE, updates further in) after parsing, in the worker
            raise HTTPError(403, READ_ONLY_MESSAGE)
        graphs = {}
        for key in ("default-graph-uri", "named-graph-uri"):
            graphs[key] = params.get(key, [])
            for value in graphs[key]:
                try:
                    NamedNode(value)
                except ValueError:
                    raise HTTPError(400, f"{key}: {value!r} is not an IRI") from None
        return self._job(
            "sparql", query=text, default_graphs=graphs["default-graph-uri"], named_graphs=graphs["named-graph-uri"],
            accept=accept, formats=requested_formats(params))

    # /store?graph=IRI (Graph Store Protocol, read side)
    def graph_store(self, request: Request, params: dict[str, list[str]]):
        graphs, default = params.get("graph", []), "default" in params
        if len(graphs) + default != 1:
            raise HTTPError(400, "name one graph: GET /store?graph=IRI (or /store?default for the union of all graphs)")
        if graphs:
            try:
                NamedNode(graphs[0])
            except ValueError:
                raise HTTPError(400, f"graph: {graphs[0]!r} is not an IRI") from None
        return self._job("store", graph=graphs[0] if graphs else None,
                         accept=request.headers.get("Accept", ""), formats=requested_formats(params))

    # /timeline?state_a=…&state_b=… (the relations between two states, drawn from the stored query)
    def timeline(self, params: dict[str, list[str]]):
        query = self.library.queries.get("relations-timeline")
        if query is None:
            raise HTTPError(404, "this server has no stored query relations-timeline to draw a timeline from")
        values = {}
        for key in ("state_a", "state_b"):
            given = params.get(key, [])
            if len(given) != 1:
                raise HTTPError(400, f"name two states, once each: /timeline?state_a=Peru&state_b=Mexico ({key!r} is "
                                     f"given {len(given)} times)")
            values[key] = given[0]
        return self._job("timeline", stored=query, values=values)

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

    def stored(self, name: str, request: Request, params: dict[str, list[str]]):
        query = self.library.queries.get(name)
        if query is None:
            close = difflib.get_close_matches(name, list(self.library.queries), n=3, cutoff=0.3)
            hint = f"; the closest: {', '.join(close)}" if close else ""
            raise HTTPError(404, f"no stored query named {name!r}{hint} (GET /queries lists them all)")
        values: dict[str, str] = {}
        for key, given in params.items():
            if key in IGNORED_PARAMS:
                continue
            try:
                query.param(key)
            except ParameterError as exc:
                raise HTTPError(400, str(exc)) from None
            if len(given) > 1:
                raise HTTPError(400, f"parameter {key!r} is given {len(given)} times; give it once")
            values[key] = given[0]
        # values are checked by graph.queries.bind in the worker, as on the CLI and in the Python API
        return self._job("stored", stored=query, values=values,
                         accept=request.headers.get("Accept", ""), formats=requested_formats(params))


def _environ(scope, body: bytes) -> dict:
    """The WSGI environ of an ASGI request, for Werkzeug's request parsing (body already read)."""
    server = scope.get("server") or ("127.0.0.1", 80)
    environ = {
        "REQUEST_METHOD": scope["method"], "SCRIPT_NAME": "",
        "PATH_INFO": scope["path"].encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope["query_string"].decode("latin-1"), "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]), "SERVER_PROTOCOL": f"HTTP/{scope['http_version']}",
        "REMOTE_ADDR": (scope.get("client") or ("", 0))[0], "wsgi.url_scheme": scope["scheme"],
        "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr, "wsgi.multithread": False,
        "wsgi.multiprocess": False, "wsgi.run_once": False, "wsgi.version": (1, 0),
        "CONTENT_LENGTH": str(len(body)),
    }
    for name, value in scope["headers"]:
        key = name.decode("latin-1").upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        elif key == "CONTENT_LENGTH":
            continue
        text = value.decode("latin-1")
        environ[key] = f"{environ[key]},{text}" if key in environ else text
    return environ


def _wsgi_answer(response: Response, environ: dict):
    """A Werkzeug response (a static file: ETag, caching, 304) as (status, type, body, headers)."""
    got = {}

    def start_response(status, headers, exc_info=None):
        got["status"], got["headers"] = int(status.split()[0]), headers

    chunks = response(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        getattr(chunks, "close", lambda: None)()
    # the server sends its own Date
    return (got["status"], None, body, tuple(h for h in got["headers"] if h[0].lower() != "date"))


_CLOSE = (("Connection", "close"),)
_SECURITY_RAW = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS]
_CORS_RAW = (CORS[0][0].lower().encode("latin-1"), CORS[0][1].encode("latin-1"))


class Job(dict):
    """What ``route`` hands to the runner: a job for a worker process (a plain dict, as it is pickled)."""


class _Static(Exception):
    """A static file's response (its own headers: ETag, caching), passed up through ``route``."""

    def __init__(self, response: Response) -> None:
        self.response = response


def make_app(store_path: str | Path, *, timeout: float = 10.0, max_rows: int = 10000,
             base_iri: str = "https://w3id.org/diplograph/", **kw) -> App:
    """The ASGI application over the built store at ``store_path`` (opened read-only by the workers), or
    over a remote SPARQL server (``sparql:URL``), read through the same ``Backend`` interface."""
    return App(store_path, timeout=timeout, max_rows=max_rows, base_iri=base_iri, **kw)


__all__ = ["App", "Job", "make_app", "DiplographError"]
