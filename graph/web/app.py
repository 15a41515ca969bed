"""``diplograph serve``: routes, security headers, and the HTTP server.

Why Werkzeug (and not Starlette + uvicorn): every request ends in a blocking round trip to a worker
process (:mod:`.runner`), so an async loop would only hand the wait to a thread pool anyway; a
threaded WSGI server with keep-alive does the same in less code, and Werkzeug gives maintained
request parsing (forms, bodies, query strings), responses and static files.  Its server sets a
socket timeout on every connection (``Handler.timeout``): an idle keep-alive connection, or a POST
that announces more bytes than it sends, is closed after that many seconds.

The HTTP process never opens the store: the workers do, read-only, so nothing here can change it.
"""

from __future__ import annotations

import difflib
import json
import sys
import threading
import traceback
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlencode

from pyoxigraph import NamedNode, RdfFormat, parse, serialize
from werkzeug.exceptions import ClientDisconnected, NotFound
from werkzeug.serving import BaseWSGIServer, ThreadedWSGIServer, WSGIRequestHandler
from werkzeug.utils import send_from_directory
from werkzeug.wrappers import Request, Response

from diplograph.ontology import BASE

from ..backends import looks_like_update
from ..errors import DiplographError, ParameterError, StoreError
from ..queries import QueryLibrary
from ..sparql_guard import preload
from .protocol import (GRAPH_OFFERS, HTML, IGNORED_PARAMS, MAX_BODY, READ_ONLY_MESSAGE, RESULT_OFFERS, HTTPError,
                       ServerError, _quality, negotiate, parse_accept, requested_formats, service_description,
                       text_response)
from .render import HERE
from .runner import Runner

STATIC = HERE / "static"
# every answer: no framing, no sniffing, no referrer to other sites; scripts and styles only from here
# (YASGUI and CodeMirror set style attributes, hence 'unsafe-inline' for styles only)
SECURITY_HEADERS = (
    ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
                                "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
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
    """The WSGI application: routing and protocol checks here, store work in the runner's workers."""

    def __init__(self, store_path: str | Path, *, timeout: float = 10.0, max_rows: int = 10000,
                 max_bytes: int = 64 << 20, base_iri: str = BASE, workers: int | None = None,
                 max_queue: int | None = None, queries: str | Path | None = None,
                 start_method: str | None = None, max_concurrent: int | None = None) -> None:
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

    def __call__(self, environ, start_response):
        request = Request(environ)
        request.max_content_length = MAX_BODY
        path = request.path
        try:
            status, content_type, body, extra = self.route(request, path)
            response = Response(body, status=status, content_type=content_type, headers=list(extra))
        except HTTPError as exc:
            status, content_type, body, extra = exc.response
            response = Response(body, status=status, content_type=content_type, headers=list(extra))
        except NotFound:
            status, content_type, body, extra = text_response(404, f"no file at {path}")
            response = Response(body, status=status, content_type=content_type)
        except _Static as static:
            response = static.response
        except Exception as exc:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
            status, content_type, body, _ = text_response(500, f"internal error: {type(exc).__name__}: {exc}")
            response = Response(body, status=status, content_type=content_type)
        headers = response.headers
        for name, value in SECURITY_HEADERS:
            headers.setdefault(name, value)
        if _cors_route(path):
            headers.setdefault(*CORS[0])
        return response(environ, start_response)

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
            return self.runner.run(self._job("home", queries=queries))
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
            return self.runner.run(self._job("page", iri=iri, accept=request.headers.get("Accept", ""),
                                             formats=requested_formats(params)))
        raise HTTPError(404, f"no page at {path}: try / (query page), /sparql, /queries, /store, /timeline or /id/…")

    def _job(self, op: str, **fields) -> dict:
        return {"op": op, "max_rows": self.max_rows, "max_bytes": self.max_bytes, **fields}

    @staticmethod
    def _body(request: Request) -> bytes:
        length = request.content_length or 0
        if length > MAX_BODY:
            raise HTTPError(413, f"the request body is over {MAX_BODY} bytes")
        try:
            return request.stream.read(length) if length > 0 else b""
        except (OSError, ClientDisconnected):  # the socket timeout: the client announced more than it sent
            raise HTTPError(408, "the request body did not arrive in time") from None

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
        return self.runner.run(self._job(
            "sparql", query=text, default_graphs=graphs["default-graph-uri"], named_graphs=graphs["named-graph-uri"],
            accept=accept, formats=requested_formats(params)))

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
        return self.runner.run(self._job("store", graph=graphs[0] if graphs else None,
                                         accept=request.headers.get("Accept", ""), formats=requested_formats(params)))

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
        return self.runner.run(self._job("timeline", stored=query, values=values))

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
        return self.runner.run(self._job("stored", stored=query, values=values,
                                         accept=request.headers.get("Accept", ""), formats=requested_formats(params)))


class _Static(Exception):
    """A static file's response (its own headers: ETag, caching), passed up through ``route``."""

    def __init__(self, response: Response) -> None:
        self.response = response


def make_app(store_path: str | Path, *, timeout: float = 10.0, max_rows: int = 10000,
             base_iri: str = "https://w3id.org/diplograph/", **kw) -> App:
    """The WSGI application over the built store at ``store_path`` (opened read-only by the workers), or
    over a remote SPARQL server (``sparql:URL``), read through the same ``Backend`` interface."""
    return App(store_path, timeout=timeout, max_rows=max_rows, base_iri=base_iri, **kw)


# --- serving ---------------------------------------------------------------------------------

class Handler(WSGIRequestHandler):
    """Werkzeug's handler with a socket timeout, keep-alive, and no server version announced."""

    protocol_version = "HTTP/1.1"
    timeout = 10.0  # seconds a connection may stay silent (idle keep-alive, a body that does not come)
    quiet = False

    def version_string(self) -> str:
        return "diplograph"

    def log_request(self, code="-", size="-") -> None:
        if not self.quiet:
            super().log_request(code, size)


def _make_server(app: App, host: str, port: int, quiet: bool, socket_timeout: float) -> BaseWSGIServer:
    handler = type("Handler", (Handler,), {"timeout": socket_timeout, "quiet": quiet})
    try:
        server = ThreadedWSGIServer(host, port, app, handler)
    except (OSError, SystemExit) as exc:
        app.close()
        reason = getattr(exc, "strerror", None) or exc
        raise ServerError(f"cannot listen on {host}:{port}: {reason} (is another server using the port? "
                          "pass --port)") from None
    server.daemon_threads = True
    return server


class ServerHandle:
    """A server running in a background thread (tests, notebooks); a context manager.

    >>> with ServerHandle("var/diplograph.oxigraph", timeout=2) as server:   # doctest: +SKIP
    ...     urllib.request.urlopen(server.url + "/sparql?query=ASK{}")
    """

    def __init__(self, store_path: str | Path, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True,
                 socket_timeout: float = 10.0, **kw) -> None:
        self.app = make_app(store_path, **kw)
        self.server = _make_server(self.app, host, port, quiet, socket_timeout)
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
          max_rows: int = 10000, base_iri: str = "https://w3id.org/diplograph/", quiet: bool = False,
          workers: int | None = None, socket_timeout: float = 10.0) -> None:
    """Serve the store until Ctrl-C: prints the URL; logs requests to stderr unless ``quiet``."""
    app = make_app(store_path, timeout=timeout, max_rows=max_rows, base_iri=base_iri, workers=workers)
    server = _make_server(app, host, port, quiet, socket_timeout)
    url = f"http://{host if ':' not in host else f'[{host}]'}:{server.server_address[1]}"
    print(f"diplograph: serving {app.store_path} read-only at {url}/ (SPARQL endpoint {url}/sparql, "
          f"time limit {timeout:g} s, at most {max_rows} results, {app.runner.workers} workers); Ctrl-C stops",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\ndiplograph: stopped", flush=True)
    finally:
        server.server_close()
        app.close()


__all__ = ["App", "make_app", "serve", "start_in_thread", "ServerHandle", "ServerError", "DiplographError"]
