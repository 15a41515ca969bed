"""Validation, start-up and stored queries at scale, side by side with the reference.

One run prints:
* SHACL validation of a synthetic store of about --quads quads (copies of the seed graph with
  fresh IRIs, as benchmarks/store_scale.py makes them): the shapes compiled to SPARQL in the
  store (engine ``sparql``) against pyshacl, with both engines' result counts (which must be
  equal); pyshacl takes minutes at 1M quads: --skip-pyshacl leaves it out;
* `diplograph --help` against a bare `python -c pass` (median of --repeat runs);
* the seed corpus built and validated (`diplograph build` in a fresh process);
* every stored query (and check query) on the synthetic store, run by the project
  (``diplograph query``'s path: parameters bound, rows collected) and the same text sent straight
  to pyoxigraph's ``Store.query`` (the raw engine), side by side, flagged above 0.5 s;
* with --profile, each node shape's batched queries (graph/shacl_sparql.py) and each check query
  (queries/checks/) with their CPU time, one at a time.

The machine may be shared: the load average is printed before and after, and CPU seconds of this
process beside wall seconds (Oxigraph runs the validation on a thread per core).

    python benchmarks/validate_scale.py [--quads 1000000] [--skip-pyshacl] [--repeat 10] [--profile]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from pyoxigraph import RdfFormat, Store, Variable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.queries import QueryLibrary, bind, run
from diplograph.graph.validate import validate_backend
from diplograph.ontology import PREFIXES
from store_scale import synthetic_nquads

ROOT = Path(__file__).resolve().parents[1]
QUERY_TARGET = 0.5


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def timed_cpu(fn):
    start, start_cpu = time.perf_counter(), cpu()
    value = fn()
    return value, time.perf_counter() - start, cpu() - start_cpu


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def median_run(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def key(r) -> tuple:
    return (r.focus if r.focus.startswith("http") else "_:", r.path, r.component, r.severity, r.message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--skip-pyshacl", action="store_true", help="leave out pyshacl (minutes at 1M quads)")
    parser.add_argument("--repeat", type=int, default=10, help="runs of each start-up command")
    parser.add_argument("--profile", action="store_true", help="time each node shape's batched queries")
    args = parser.parse_args()
    print(f"# {os.cpu_count()} cores, {load()}")

    folder = Path(tempfile.mkdtemp(prefix="diplograph-validate-scale-"))
    try:
        data, copies = synthetic_nquads(args.quads)
        store = Store(str(folder / "store"))
        _, t_load = timed(lambda: (store.bulk_load(data, format=RdfFormat.N_QUADS), store.flush()))
        backend = OxigraphBackend(store, "bench")
        print(f"synthetic store: {len(store):,} quads ({copies} copies of the seed claims), raw bulk_load {t_load:.1f} s\n")

        print(f"{'validation':40s} {'results':>8s} {'wall s':>8s} {'cpu s':>8s}")
        ours, t_ours, c_ours = timed_cpu(lambda: validate_backend(backend, engine="sparql", checks=False))
        print(f"{'shapes in the store (engine sparql)':40s} {len(ours.results):8d} {t_ours:8.2f} {c_ours:8.2f}")
        if not args.skip_pyshacl:
            theirs, t_theirs, c_theirs = timed_cpu(lambda: validate_backend(backend, engine="pyshacl", checks=False))
            same = Counter(map(key, ours.results)) == Counter(map(key, theirs.results))
            print(f"{'pyshacl (reference)':40s} {len(theirs.results):8d} {t_theirs:8.2f} {c_theirs:8.2f}")
            print(f"{'  ratio pyshacl / sparql':40s} {'':8s} {t_theirs / t_ours:7.1f}x   results identical: {same}")
        full, t_full, c_full = timed_cpu(lambda: validate_backend(backend))
        print(f"{'shapes + check queries (validate)':40s} {len(full.results):8d} {t_full:8.2f} {c_full:8.2f}"
              f"   (target 11 s: Apache Jena SHACL at this size)")
        if args.profile:
            profile_shapes(backend)

        print(f"\n{'start-up (median of ' + str(args.repeat) + ')':40s} {'':8s} {'seconds':>8s}")
        t_bare = median_run([sys.executable, "-c", "pass"], args.repeat)
        t_help = median_run([sys.executable, "-m", "diplograph.graph", "--help"], args.repeat)
        print(f"{'python -c pass':40s} {'':8s} {t_bare:8.3f}")
        print(f"{'diplograph --help':40s} {'':8s} {t_help:8.3f}   (+{t_help - t_bare:.3f} s; target 0.3 s)")
        seed_store = folder / "seed.oxigraph"
        t_seed = median_run([sys.executable, "-m", "diplograph.graph", "build", "--full", "--store", str(seed_store)],
                            max(1, args.repeat // 3))
        print(f"{'seed corpus build + validate':40s} {'':8s} {t_seed:8.3f}   (target 2 s)")

        print(f"\n{'stored query (' + format(len(store), ',') + ' quads)':36s} {'rows':>6s} {'project s':>9s} "
              f"{'cpu s':>6s} {'raw s':>6s} {'ratio':>6s}")
        for query in QueryLibrary():  # the check queries included
            params = {p.name: p.example for p in query.params if p.example is not None}
            result, seconds, cpu_s = timed_cpu(lambda query=query, params=params: run(query, backend, params))
            bindings = {Variable(k): v for k, v in bind(query, params, backend).items()}
            _, raw = timed(lambda query=query, bindings=bindings: list(store.query(query.body, prefixes=PREFIXES, substitutions=bindings or None,
                                                    use_default_graph_as_union=True)))
            flag = "  SLOW" if seconds > QUERY_TARGET else ""
            print(f"{query.name:36s} {len(result.rows):6d} {seconds:9.2f} {cpu_s:6.2f} {raw:6.2f} "
                  f"{seconds / max(raw, 1e-9):6.2f}{flag}")
        print(f"# {load()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def profile_shapes(backend) -> None:
    """Which shapes cost what: each node shape's batched queries, CPU seconds, one at a time."""
    from diplograph.graph.shacl_sparql import Compiler, subclass_reader
    from diplograph.graph.validate import _select, _shapes

    shapes = _shapes()
    compiler = Compiler(shapes, subclass_reader(lambda q: _select(backend, q, None)))
    timings = []
    for owner in shapes.node_shapes():
        for batch in compiler.shape_queries(owner):
            rows, seconds, cpu_s = timed_cpu(lambda batch=batch: _select(backend, batch.query, None))
            timings.append((cpu_s, seconds, owner.value.rsplit("#", 1)[-1], batch.kind, len(batch.constraints), len(rows)))
    print(f"\n{'node shape (batched query)':44s} {'constraints':>11s} {'rows':>6s} {'wall s':>7s} {'cpu s':>6s}")
    for cpu_s, seconds, name, kind, n, rows in sorted(timings, reverse=True)[:12]:
        print(f"{name + ' ' + kind:44s} {n:11d} {rows:6d} {seconds:7.2f} {cpu_s:6.2f}")
    print(f"{'(all ' + str(len(timings)) + ' batches, one at a time)':44s} {'':11s} {'':6s} "
          f"{sum(t[1] for t in timings):7.2f} {sum(t[0] for t in timings):6.2f}")
    # the check queries (queries/checks/), which `validate` runs on the same pool as the shapes
    from diplograph.graph.validate import _check_rows, stored_checks

    checks = []
    for check in stored_checks():
        rows, seconds, cpu_s = timed_cpu(lambda check=check: _check_rows(check, backend, None))
        checks.append((cpu_s, seconds, check.name, len(rows)))
    print(f"\n{'check query':44s} {'':11s} {'rows':>6s} {'wall s':>7s} {'cpu s':>6s}")
    for cpu_s, seconds, name, rows in sorted(checks, reverse=True):
        print(f"{name:44s} {'':11s} {rows:6d} {seconds:7.2f} {cpu_s:6.2f}")
    print(f"{'(all ' + str(len(checks)) + ' check queries, one at a time)':44s} {'':11s} {'':6s} "
          f"{sum(t[1] for t in checks):7.2f} {sum(t[0] for t in checks):6.2f}")


if __name__ == "__main__":
    main()
