"""The endpoint under load, side by side with the Oxigraph server on the same store, in one run.

Both servers run as their own processes on loopback: ``diplograph serve`` and ``oxigraph
serve-read-only --union-default-graph`` (the ``oxigraph`` wheel) over the same on-disk store.  For each:

- simple queries per second with ``--clients`` client processes (keep-alive connections), p50 and p99,
  the servers taking turns for ``--rounds`` rounds (each keeps its median round);
- a stored query (``/queries/NAME``) the same way (diplograph only: Oxigraph has none — its text is sent
  to Oxigraph's /query instead, for comparison);
- the p99 of a simple query while two runaway queries run;
- ``diplograph serve --store sparql:URL`` fronting that Oxigraph server (the remote-backend path:
  every query and page goes through the ``Backend`` over HTTP);
- and the Oxigraph server without ``--timeout-s`` (simple and stored queries only: it could not
  stop a runaway), since its time limit slows it down.

The load average is printed before and after: on a shared machine the numbers mean little above ~1.5.

    python benchmarks/endpoint_load.py [--store PATH] [--seconds 5] [--clients 4] [--rounds 3]

Without ``--store`` the seed corpus is built into a temporary folder first.  Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

SIMPLE = "ASK { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } }"
STORED = "asylum-grants"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, path: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not start")


def client(port: int, path: str, seconds: float, out) -> None:
    """One client: the same GET over one keep-alive connection for ``seconds``; latencies to ``out``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times, errors = [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1  # an error answer is no answer: it counts in no rate or latency
                ok = False
            else:
                ok = True
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        except OSError:
            errors += 1
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        if ok:
            times.append(time.perf_counter() - started)
    out.put((times, errors))


def load(port: int, path: str, clients: int, seconds: float) -> dict:
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client, args=(port, path, seconds, queue)) for _ in range(clients)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    times = sorted(t for r in results for t in r[0])
    return {"qps": len(times) / seconds, "p50": pct(times, 50), "p99": pct(times, 99),
            "errors": sum(r[1] for r in results)}


def median(rounds: list[dict]) -> dict:
    """The round with the median rate."""
    return sorted(rounds, key=lambda r: r["qps"])[len(rounds) // 2]


def pct(times: list[float], p: float) -> float:
    return times[min(len(times) - 1, int(len(times) * p / 100))] * 1000 if times else float("nan")


def under_runaways(port: int, simple_path: str, runaway_path: str, seconds: float) -> dict:
    """Two runaway queries in flight; one client sends the simple query meanwhile."""
    stop = threading.Event()

    def runaway():
        while not stop.is_set():
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                conn.request("GET", runaway_path)
                conn.getresponse().read()
            except OSError:
                pass

    threads = [threading.Thread(target=runaway, daemon=True) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    result = load(port, simple_path, 1, seconds)
    stop.set()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=None, help="a built store (default: build the seed corpus)")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="turns per server (each keeps its median round)")
    parser.add_argument("--workers", type=int, default=None, help="diplograph serve --workers")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="endpoint-load-"))
    store = args.store
    if store is None:
        from diplograph.graph.builder import build
        from diplograph.graph.settings import default_corpus, default_texts
        store = tmp / "seed.oxigraph"
        build(default_corpus(), store, default_texts(), validate=False)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    ours_port, theirs_port, front_port, bare_port = free_port(), free_port(), free_port(), free_port()
    load_before = os.getloadavg()
    ours_cmd = [sys.executable, "-m", "diplograph.graph", "serve", "--store", str(store), "--port", str(ours_port),
                "--quiet", "--timeout", "10"]
    if args.workers:
        ours_cmd += ["--workers", str(args.workers)]
    servers = [subprocess.Popen(ours_cmd, stdout=subprocess.DEVNULL),
               subprocess.Popen([oxigraph, "serve-read-only", "--location", str(store), "--union-default-graph",
                                 "--bind", f"127.0.0.1:{theirs_port}", "--timeout-s", "10"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        q = lambda text: urllib.parse.urlencode({"query": text})
        wait_up(ours_port, "/sparql?" + q(SIMPLE))
        wait_up(theirs_port, "/query?" + q(SIMPLE))
        # Oxigraph without its time limit: faster on simple queries (its --timeout-s costs it half its
        # rate with 4 clients here), but a runaway query would run on for ever, so no runaways for it
        servers.append(subprocess.Popen([oxigraph, "serve-read-only", "--location", str(store), "--union-default-graph",
                                         "--bind", f"127.0.0.1:{bare_port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_up(bare_port, "/query?" + q(SIMPLE))
        front_cmd = [*ours_cmd[:4], "--store", f"sparql:http://127.0.0.1:{theirs_port}/query", *ours_cmd[6:]]
        front_cmd[front_cmd.index("--port") + 1] = str(front_port)
        servers.append(subprocess.Popen(front_cmd, stdout=subprocess.DEVNULL))
        wait_up(front_port, "/sparql?" + q(SIMPLE))
        from diplograph.graph.queries import QueryLibrary
        from diplograph.ontology import PREFIXES
        stored_text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + \
            QueryLibrary().queries[STORED].body
        servers_paths = (
            ("diplograph serve", ours_port, "/sparql?" + q(SIMPLE), f"/queries/{STORED}", "/sparql?" + q(RUNAWAY)),
            ("oxigraph serve-read-only", theirs_port, "/query?" + q(SIMPLE), "/query?" + q(stored_text),
             "/query?" + q(RUNAWAY)),
            ("diplograph serve sparql:", front_port, "/sparql?" + q(SIMPLE), f"/queries/{STORED}",
             "/sparql?" + q(RUNAWAY)),
            ("oxigraph, no --timeout-s", bare_port, "/query?" + q(SIMPLE), "/query?" + q(stored_text), None))
        for _, port, simple, _, _ in servers_paths:
            load(port, simple, args.clients, 1.0)  # warm up
        # the servers take turns, round after round, and each keeps its median round: on a shared
        # machine the load drifts, and turns spread the drift over both sides
        simple_rounds = {name: [] for name, *_ in servers_paths}
        stored_rounds = {name: [] for name, *_ in servers_paths}
        for _ in range(args.rounds):
            for name, port, simple, stored, _ in servers_paths:
                simple_rounds[name].append(load(port, simple, args.clients, args.seconds))
                stored_rounds[name].append(load(port, stored, args.clients, args.seconds))
        rows = [(name, median(simple_rounds[name]), median(stored_rounds[name]),
                 under_runaways(port, simple, runaway, args.seconds) if runaway else {"p99": float("nan"), "errors": 0})
                for name, port, simple, _, runaway in servers_paths]
        print(f"\n{os.cpu_count()} CPUs, {args.clients} clients, {args.seconds:g} s each; simple = {SIMPLE!r}, "
              f"stored = {STORED}; load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}\n")
        print(f"{'server':26} {'simple q/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'stored q/s':>10} {'p50 ms':>7} "
              f"{'p99 ms':>7} {'simple p99 ms, 2 runaways':>26} {'errors':>6}")
        for name, simple, stored, busy in rows:
            print(f"{name:26} {simple['qps']:10.0f} {simple['p50']:7.2f} {simple['p99']:7.2f} {stored['qps']:10.0f} "
                  f"{stored['p50']:7.2f} {stored['p99']:7.2f} {busy['p99']:26.2f} "
                  f"{simple['errors'] + stored['errors'] + busy['errors']:6d}")
        ours, theirs = rows[0][1]["qps"], rows[1][1]["qps"]
        print(f"\nsimple queries: diplograph / oxigraph = {ours / theirs:.2f}; "
              f"diplograph over sparql: / oxigraph = {rows[2][1]['qps'] / theirs:.2f}; "
              f"stored: diplograph / oxigraph = {rows[0][2]['qps'] / rows[1][2]['qps']:.2f}; "
              f"simple: diplograph / oxigraph without a time limit = {ours / rows[3][1]['qps']:.2f}")
        print(f"issue 12's marks: >= 1000 simple q/s: {ours:.0f} ({'met' if ours >= 1000 else 'NOT met'}); "
              f">= 0.25 x oxigraph: {ours / theirs:.2f} ({'met' if ours >= 0.25 * theirs else 'NOT met'}); "
              f"simple p99 <= 50 ms with 2 runaways: {rows[0][3]['p99']:.1f} ms "
              f"({'met' if rows[0][3]['p99'] <= 50 else 'NOT met'})")
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
