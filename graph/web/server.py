"""The HTTP server under :class:`.app.App`: uvicorn with its httptools parser (and uvloop where
installed), listening on a socket bound here, so that port 0 works and a port in use is one clear
error.

Connections that stay silent are closed after ``socket_timeout`` seconds: idle keep-alive ones
(uvicorn's keep-alive timeout), and — added here, uvicorn has no such limit — ones whose request
headers do not arrive in full (a new connection that sends nothing, or half a request); a body
that does not arrive in time gets 408 from the App."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .app import App, make_app
from .protocol import ServerError


class _Protocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a time limit on request headers: from the connection's
    first byte (or its opening) to the end of the headers, at most the keep-alive timeout."""

    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.timeout_keep_alive, self._cut_off)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _cut_off(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServerError(f"cannot listen on {host}:{port}: {exc.strerror or exc} (is another server using the "
                          "port? pass --port)") from None
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def _server(app: App, quiet: bool, socket_timeout: float) -> uvicorn.Server:
    config = uvicorn.Config(
        app, http=_Protocol, loop="auto", lifespan="off", interface="asgi3", server_header=False,
        timeout_keep_alive=socket_timeout, timeout_graceful_shutdown=2, access_log=not quiet,
        log_level="warning" if quiet else "info", log_config=None if quiet else uvicorn.config.LOGGING_CONFIG)
    return uvicorn.Server(config)


class ServerHandle:
    """A server running in a background thread (tests, notebooks); a context manager.

    >>> with ServerHandle("var/diplograph.oxigraph", timeout=2) as server:   # doctest: +SKIP
    ...     urllib.request.urlopen(server.url + "/sparql?query=ASK{}")
    """

    def __init__(self, store_path: str | Path, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True,
                 socket_timeout: float = 10.0, **kw) -> None:
        self.socket = _listen(host, port)
        try:
            self.app = make_app(store_path, socket_timeout=socket_timeout, **kw)
        except BaseException:
            self.socket.close()
            raise
        self.host, self.port = self.socket.getsockname()[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.server = _server(self.app, quiet, socket_timeout)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]},
                                       name="diplograph-serve", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.server.started:
            self.stop()
            raise ServerError(f"the server on {self.url} did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.socket.close()
        self.app.close()

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
    sock = _listen(host, port)
    try:
        app = make_app(store_path, timeout=timeout, max_rows=max_rows, base_iri=base_iri, workers=workers,
                       socket_timeout=socket_timeout)
    except BaseException:
        sock.close()
        raise
    url = f"http://{host if ':' not in host else f'[{host}]'}:{sock.getsockname()[1]}"
    print(f"diplograph: serving {app.store_path} read-only at {url}/ (SPARQL endpoint {url}/sparql, "
          f"time limit {timeout:g} s, at most {max_rows} results, {app.runner.workers} workers); Ctrl-C stops",
          flush=True)
    try:
        _server(app, quiet, socket_timeout).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        print("\ndiplograph: stopped", flush=True)
        sock.close()
        app.close()


__all__ = ["ServerHandle", "serve", "start_in_thread"]
