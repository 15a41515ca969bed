"""Validation, start-up and stored queries at scale, side by side with the reference.

One run prints:
* SHACL validation of a synthetic store of about --quads quads (copies of the seed graph with
  fresh IRIs, as benchmarks/store_scale.py makes them): the shapes compiled to SPARQL in the
  store (engine ``sparql``) against pyshacl, with both engines' result counts (which must be
  equal); pyshacl takes minutes at 1M quads: --skip-pyshacl leaves it out;
* `diplograph --help` against a bare `python -c pass` (median of --repeat runs);
* the seed corpus built and validated (`diplograph build` in a fresh process);
* every stored query (and check query) on the synthetic store, flagged above 0.5 s.

    python benchmarks/validate_scale.py [--quads 1000000] [--skip-pyshacl] [--repeat 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from pyoxigraph import RdfFormat, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_scale import synthetic_nquads  # noqa: E402

from diplograph.graph.backends import OxigraphBackend  # noqa: E402
from diplograph.graph.queries import QueryLibrary, run  # noqa: E402
from diplograph.graph.validate import validate_backend  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERY_TARGET = 0.5


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


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
    args = parser.parse_args()
    print(f"# {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    folder = Path(tempfile.mkdtemp(prefix="diplograph-validate-scale-"))
    try:
        data, copies = synthetic_nquads(args.quads)
        store = Store(str(folder / "store"))
        store.bulk_load(data, format=RdfFormat.N_QUADS)
        store.flush()
        backend = OxigraphBackend(store, "bench")
        print(f"synthetic store: {len(store):,} quads ({copies} copies of the seed claims)\n")

        print(f"{'validation':40s} {'results':>8s} {'seconds':>8s}")
        ours, t_ours = timed(lambda: validate_backend(backend, engine="sparql", checks=False))
        print(f"{'shapes in the store (engine sparql)':40s} {len(ours.results):8d} {t_ours:8.2f}")
        if not args.skip_pyshacl:
            theirs, t_theirs = timed(lambda: validate_backend(backend, engine="pyshacl", checks=False))
            same = Counter(map(key, ours.results)) == Counter(map(key, theirs.results))
            print(f"{'pyshacl (reference)':40s} {len(theirs.results):8d} {t_theirs:8.2f}")
            print(f"{'  ratio pyshacl / sparql':40s} {'':8s} {t_theirs / t_ours:7.1f}x   results identical: {same}")
        full, t_full = timed(lambda: validate_backend(backend))
        print(f"{'shapes + check queries (validate)':40s} {len(full.results):8d} {t_full:8.2f}")

        print(f"\n{'start-up (median of ' + str(args.repeat) + ')':40s} {'':8s} {'seconds':>8s}")
        t_bare = median_run([sys.executable, "-c", "pass"], args.repeat)
        t_help = median_run([sys.executable, "-m", "diplograph.graph", "--help"], args.repeat)
        print(f"{'python -c pass':40s} {'':8s} {t_bare:8.3f}")
        print(f"{'diplograph --help':40s} {'':8s} {t_help:8.3f}   (+{t_help - t_bare:.3f} s)")
        seed_store = folder / "seed.oxigraph"
        t_seed = median_run([sys.executable, "-m", "diplograph.graph", "build", "--store", str(seed_store)],
                            max(1, args.repeat // 3))
        print(f"{'seed corpus build + validate':40s} {'':8s} {t_seed:8.3f}")

        print(f"\n{'stored query (' + format(len(store), ',') + ' quads)':40s} {'rows':>8s} {'seconds':>8s}")
        library = QueryLibrary()
        for query in library:  # the check queries included
            params = {p.name: p.example for p in query.params if p.example is not None}
            result, seconds = timed(lambda: run(query, backend, params))
            flag = "  SLOW" if seconds > QUERY_TARGET else ""
            print(f"{query.name:40s} {len(result.rows):8d} {seconds:8.2f}{flag}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
