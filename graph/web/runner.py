"""The query runner: a pool of long-lived worker processes, each with the store open read-only.

Why processes and not threads: pyoxigraph releases the GIL while it evaluates a query (two
threads do run two queries at once), but it cannot cancel one, so a runaway query in a thread
would hold that thread and a core for ever.  A worker process can be killed at the time limit and
replaced, and the service goes on.  Workers are reused across queries (no fork or store opening per
request), so a simple query costs one round trip through a pipe.

- ``workers`` processes answer at once; a request waits for a free one in a bounded queue: when
  ``max_queue`` requests already wait, the answer is 503 at once (``Retry-After``).
- A job running over ``timeout`` seconds: its worker is killed (→ 503 "query stopped"), and a new
  worker starts in its place, in the background.
- Runaway queries take at most the workers they run on; the others keep answering, and a
  replacement is started for every killed one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections import deque

from .jobs import worker_main
from .protocol import Response, text_response


def _mp_context(method: str | None = None):
    """``fork`` on Linux: no re-import of an unguarded ``__main__``.  Safe here because the parent never
    opens the store (no RocksDB state is inherited) and a worker only uses the store it opens itself."""
    if method is None:
        method = "fork" if sys.platform.startswith("linux") else None
    if method == "fork":
        warnings.filterwarnings("ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning)
    return multiprocessing.get_context(method)


class _Worker:
    def __init__(self, context, store_spec: str, base_iri: str, library: dict) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=worker_main, args=(child, store_spec, base_iri, library),
                                       daemon=True, name="diplograph-worker")
        self.process.start()
        child.close()

    def ready(self, timeout: float) -> Response:
        if not self.conn.poll(timeout):
            self.kill()
            return text_response(503, f"a query worker did not start within {timeout:g} s")
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return text_response(503, f"a query worker ended at start (exit code {self.process.exitcode})")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Runner:
    """Runs jobs on ``workers`` long-lived processes, each job for at most ``timeout`` seconds."""

    def __init__(self, store_spec: str, base_iri: str, library: dict, *, timeout: float, workers: int | None = None,
                 max_queue: int | None = None, start_method: str | None = None) -> None:
        self.store_spec, self.base_iri, self.library = store_spec, base_iri, library
        self.timeout = timeout
        self.workers = workers or max(4, min(8, 2 * (os.cpu_count() or 2)))
        self.max_queue = self.workers * 8 if max_queue is None else max_queue
        self.context = _mp_context(start_method)
        self._idle: deque[_Worker] = deque()
        self._all: set[_Worker] = set()
        self._cond = threading.Condition()
        self._waiting = 0
        self._closed = False
        first = self._start()  # fail now, with the reason, if the store cannot be opened
        status, _, body, _ = first.ready(60)
        if status != 200:
            first.kill()
            raise OSError(body.decode("utf-8", "replace").strip())
        self._add(first)
        for _ in range(self.workers - 1):
            threading.Thread(target=self._replace, daemon=True).start()

    def _start(self) -> _Worker:
        return _Worker(self.context, self.store_spec, self.base_iri, self.library)

    def _add(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
            self._idle.append(worker)
            self._cond.notify()

    def _replace(self) -> None:
        """Start a worker (in the background, after a kill) and put it in the pool once it is ready."""
        for attempt in range(3):
            worker = self._start()
            if worker.ready(60)[0] == 200:
                self._add(worker)
                return
            worker.kill()
            time.sleep(0.5 * (attempt + 1))

    def run(self, job: dict) -> Response:
        worker = self._acquire()
        if isinstance(worker, tuple):
            return worker
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                response = worker.conn.recv()
                self._release(worker)
                return response
        except (EOFError, OSError):
            self._retire(worker)
            return text_response(500, f"the query worker ended without an answer (exit code {worker.process.exitcode})")
        self._retire(worker)
        return text_response(503, f"query stopped: it ran over the {self.timeout:g} s time limit "
                                  "(add LIMIT or narrow the patterns)")

    def _acquire(self) -> _Worker | Response:
        def busy() -> Response:
            return text_response(503, f"the server is busy ({self.workers} queries running, {self._waiting} "
                                      "waiting); try again", (("Retry-After", "2"),))

        with self._cond:
            if self._closed:
                return text_response(503, "the server is stopping")
            if self._idle:
                return self._idle.popleft()
            if self._waiting >= self.max_queue:
                return busy()
            self._waiting += 1
            try:
                deadline = time.monotonic() + self.timeout
                while not self._idle:
                    left = deadline - time.monotonic()
                    if left <= 0 or self._closed:
                        return busy()
                    self._cond.wait(left)
                return self._idle.popleft()
            finally:
                self._waiting -= 1

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._idle.appendleft(worker)  # the warmest worker first
            self._cond.notify()

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker over time (pyoxigraph cannot be interrupted) and start its replacement."""
        with self._cond:
            self._all.discard(worker)
        worker.kill()
        if not self._closed:
            threading.Thread(target=self._replace, daemon=True, name="diplograph-worker-start").start()

    @property
    def active(self) -> list:
        """The worker processes alive now (a killed worker is reaped before its answer is sent)."""
        with self._cond:
            return [w.process for w in self._all if w not in self._idle]

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._cond.notify_all()
        for worker in workers:
            worker.kill()
