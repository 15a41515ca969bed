"""The query runner: a pool of long-lived worker processes, each with the store open read-only.

Why processes and not threads: pyoxigraph releases the GIL while it evaluates a query (two
threads do run two queries at once), but it cannot cancel one, so a runaway query in a thread
would hold that thread and a core for ever.  A worker process can be killed at the time limit and
replaced, and the service goes on.  Workers are reused across queries (no fork or store opening per
request), so a simple query costs one round trip through a pipe, read by the server's event loop.

- ``workers`` processes answer at once; a request waits for a free one in a bounded queue: when
  ``max_queue`` requests already wait, the answer is 503 at once (``Retry-After``).
- A job running over ``timeout`` seconds: its worker is killed (→ 503 "query stopped"), and a new
  worker starts in its place, in the background.
- Runaway queries take at most the workers they run on; the others keep answering, and a
  replacement is started for every killed one.  A job past ``SLOW_AFTER`` seconds runs on at a
  lower CPU priority, so short queries are not slowed by long ones on a busy machine.
"""

from __future__ import annotations

import asyncio

# imported before any worker is forked: this module registers fork hooks (acquire a lock before a
# fork, release it after), and registered while another thread forks, the release would come alone
import concurrent.futures.thread  # noqa: F401 (for its fork hooks, above)
import multiprocessing
import os
import pickle
import struct
import sys
import threading
import time
import warnings
from collections import deque

from .jobs import worker_main
from .protocol import Response, text_response

#: a job running longer than this (seconds) runs on at a lower priority (nice SLOW_NICE), so that
#: on a busy machine the runaway queries, not the simple ones, wait for a core
SLOW_AFTER = 0.25
SLOW_NICE = 10


def _mp_context(method: str | None = None):
    """``fork`` on Linux: no re-import of an unguarded ``__main__``.  Safe here because the parent never
    opens the store (no RocksDB state is inherited) and a worker only uses the store it opens itself."""
    if method is None:
        method = "fork" if sys.platform.startswith("linux") else None
    if method == "fork":
        warnings.filterwarnings("ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning)
    return multiprocessing.get_context(method)


class _Worker:
    demoted = False
    watched = False  # its pipe is watched by the event loop (from its first job on)

    def __init__(self, context, store_spec: str, base_iri: str, library: dict) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=worker_main, args=(child, store_spec, base_iri, library),
                                       daemon=True, name="diplograph-worker")
        self.process.start()
        child.close()
        self.fd = self.conn.fileno()
        self.buffer = bytearray()
        self.answer: asyncio.Future | None = None  # the running job's: its response, or EOF

    def send(self, job: dict) -> None:
        """The job, framed as ``Connection.recv`` in the worker reads it (length, then the pickle)."""
        data = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
        frame = struct.pack("!i", len(data)) + data
        written = os.write(self.fd, frame)  # the worker waits for it: the socket's buffer takes a query whole
        if written < len(frame):  # a very long query: the rest as the worker reads it
            os.set_blocking(self.fd, True)
            try:
                view = memoryview(frame)[written:]
                while view:
                    view = view[os.write(self.fd, view):]
            finally:
                os.set_blocking(self.fd, False)

    def readable(self) -> None:
        """The loop's callback: read what the worker wrote; a whole answer settles ``answer``."""
        try:
            data = os.read(self.fd, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the worker is gone: stop watching (a closed pipe stays readable)
            asyncio.get_running_loop().remove_reader(self.fd)
            self.watched = False
            if self.answer is not None:
                _settle(self.answer, EOFError())
            return
        buffer = self.buffer
        buffer += data
        while len(buffer) >= 4:
            size, = struct.unpack_from("!i", buffer)
            start = 4
            if size == -1:  # Connection.send of more than 2 GiB
                if len(buffer) < 12:
                    return
                size, = struct.unpack_from("!Q", buffer, 4)
                start = 12
            if len(buffer) < start + size:
                return
            response = pickle.loads(memoryview(buffer)[start:start + size])
            del buffer[:start + size]
            if self.answer is not None:
                _settle(self.answer, response)

    def ready(self, timeout: float) -> Response:
        if not self.conn.poll(timeout):
            self.kill()
            return text_response(503, f"a query worker did not start within {timeout:g} s")
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return text_response(503, f"a query worker ended at start (exit code {self.process.exitcode})")

    def demote(self) -> None:
        """A long query yields the CPU to short ones: the worker runs it at a lower priority."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, SLOW_NICE)
            self.demoted = True
        except (OSError, AttributeError):  # gone already, or no setpriority here
            pass

    def promote(self) -> bool:
        """Back to the normal priority after a long query; False when that is not allowed."""
        if not self.demoted:
            return True
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 0)
        except OSError:
            return False
        self.demoted = False
        return True

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Runner:
    """Runs jobs on ``workers`` long-lived processes, each job for at most ``timeout`` seconds.

    ``run`` is a coroutine of the server's event loop: each worker's pipe is watched by the loop
    (``add_reader``, once per worker) and read into its frames there, so a request costs the loop a
    write and a read, and no thread sits between the HTTP server and the workers.
    Workers started in the background (after a kill) join the pool through the loop."""

    def __init__(self, store_spec: str, base_iri: str, library: dict, *, timeout: float, workers: int | None = None,
                 max_queue: int | None = None, start_method: str | None = None) -> None:
        self.store_spec, self.base_iri, self.library = store_spec, base_iri, library
        self.timeout = timeout
        self.workers = workers or max(4, min(8, 2 * (os.cpu_count() or 2)))
        self.max_queue = self.workers * 8 if max_queue is None else max_queue
        self.context = _mp_context(start_method)
        self._idle: deque[_Worker] = deque()
        self._all: set[_Worker] = set()
        self._waiters: deque[asyncio.Future] = deque()  # requests waiting for a worker, oldest first
        self._lock = threading.Lock()  # the pool is the loop's, but background starts hand workers in
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        first = self._start()  # fail now, with the reason, if the store cannot be opened
        status, _, body, _ = first.ready(60)
        if status != 200:
            first.kill()
            raise OSError(body.decode("utf-8", "replace").strip())
        self._all.add(first)
        self._idle.append(first)
        for _ in range(self.workers - 1):
            threading.Thread(target=self._replace, daemon=True).start()

    def _start(self) -> _Worker:
        return _Worker(self.context, self.store_spec, self.base_iri, self.library)

    def _replace(self) -> None:
        """Start a worker (a background thread, after a kill) and hand it to the pool once it is ready."""
        for attempt in range(3):
            worker = self._start()
            if worker.ready(60)[0] == 200:
                with self._lock:
                    if self._closed:
                        loop = None
                    else:
                        self._all.add(worker)
                        loop = self._loop
                        if loop is None:  # no request yet: nobody waits
                            self._idle.append(worker)
                            return
                if loop is None:
                    worker.kill()
                    return
                try:
                    loop.call_soon_threadsafe(self._release, worker)
                except RuntimeError:  # the loop is closed: the server stopped
                    worker.kill()
                return
            worker.kill()
            time.sleep(0.5 * (attempt + 1))

    async def run(self, job: dict) -> Response:
        worker = self._acquire()
        if isinstance(worker, asyncio.Future):
            worker = await worker
        if isinstance(worker, tuple):
            return worker
        loop = self._loop
        answer = worker.answer = loop.create_future()
        try:
            if not worker.watched:  # once per worker: its pipe stays watched while it lives
                loop.add_reader(worker.fd, worker.readable)
                worker.watched = True
            worker.send(job)
        except OSError:
            self._retire(worker)
            return text_response(500, f"the query worker ended without an answer (exit code {worker.process.exitcode})")
        timer = loop.call_later(self.timeout, _settle, answer, None)
        demote = loop.call_later(SLOW_AFTER, worker.demote)
        try:
            response = await answer
        finally:
            timer.cancel()
            demote.cancel()
            worker.answer = None
        if isinstance(response, tuple):
            if worker.promote():
                self._release(worker)
            else:  # its priority cannot be raised again (not root): a fresh worker takes its place
                self._retire(worker)
            return response
        self._retire(worker)
        if isinstance(response, EOFError):
            return text_response(500, f"the query worker ended without an answer (exit code {worker.process.exitcode})")
        return text_response(503, f"query stopped: it ran over the {self.timeout:g} s time limit "
                                  "(add LIMIT or narrow the patterns)")

    def _acquire(self) -> _Worker | asyncio.Future | Response:
        """An idle worker; or a future that gets one (or the 503) when the queue has room; or the 503."""
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.get_running_loop()
            if self._closed:
                return text_response(503, "the server is stopping")
            if self._idle:
                return self._idle.popleft()
            waiting = sum(1 for w in self._waiters if not w.done())
            if waiting >= self.max_queue:
                return self._busy(waiting)
            future = self._loop.create_future()
            self._waiters.append(future)
        self._loop.call_later(self.timeout, _settle, future, self._busy(waiting + 1))
        return future

    def _busy(self, waiting: int) -> Response:
        return text_response(503, f"the server is busy ({self.workers} queries running, {waiting} waiting); "
                                  "try again", (("Retry-After", "2"),))

    def _release(self, worker: _Worker) -> None:
        """A worker is free (on the loop): to the oldest waiting request, or back to the pool."""
        with self._lock:
            if self._closed or worker not in self._all:
                return
            while self._waiters:
                future = self._waiters.popleft()
                if not future.done():
                    future.set_result(worker)
                    return
            self._idle.appendleft(worker)  # the warmest worker first

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker over time (pyoxigraph cannot be interrupted) and start its replacement."""
        with self._lock:
            self._all.discard(worker)
        if worker.watched:
            self._loop.remove_reader(worker.fd)
            worker.watched = False
        worker.kill()
        if not self._closed:
            threading.Thread(target=self._replace, daemon=True, name="diplograph-worker-start").start()

    @property
    def active(self) -> list:
        """The worker processes alive now (a killed worker is reaped before its answer is sent)."""
        with self._lock:
            return [w.process for w in self._all if w not in self._idle]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            waiters = list(self._waiters)
            self._waiters.clear()
        for future in waiters:
            if self._loop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(_settle, future, text_response(503, "the server is stopping"))
        for worker in workers:
            worker.kill()


def _settle(future: asyncio.Future, value) -> None:
    if not future.done():
        future.set_result(value)
