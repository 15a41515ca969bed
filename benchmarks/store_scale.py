"""The store at scale: bulk load and stored-query times at about --quads quads.

The seed graph is copied N times with its sources, claims, mentions, events and tenures renamed
per copy (the registry and the ontology stay shared), so the queries meet a graph shaped like a
large corpus: many sources reporting many events about the same actors.  Each stored query is
timed as the project runs it and as the raw engine runs the same text (``Store.query``), with
CPU seconds beside wall seconds and the load average (the machine may be shared).

    python benchmarks/store_scale.py [--quads 1000000] [--path /tmp/scale.oxigraph]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

from pyoxigraph import RdfFormat, Store, Variable, serialize

from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.builder import build_in_memory
from diplograph.graph.queries import QueryLibrary, bind, run
from diplograph.graph.settings import default_texts
from diplograph.ontology import PREFIXES

ROOT = Path(__file__).resolve().parents[1]  # the repository
QUERY_TARGET = 0.5  # seconds, at 1M quads (issue 11)


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())

PER_COPY = re.compile(r"(https://w3id\.org/diplograph/(?:id/(?:source|claim|mention|event|tenure|membership|participation)"
                      r"|graph/source)/[^>#\s]*)")


def synthetic_nquads(quads: int) -> tuple[bytes, int]:
    """About ``quads`` quads as N-Quads: the seed graph's per-source part copied with fresh IRIs."""
    seed, _ = build_in_memory(ROOT / "corpus", default_texts())
    lines = serialize(seed.quads(), format=RdfFormat.N_QUADS).decode().splitlines()
    shared = [l for l in lines if not PER_COPY.search(l)]
    copied = [l for l in lines if PER_COPY.search(l)]
    copies = max(1, (quads - len(shared)) // max(1, len(copied)))
    # copy 0 keeps its names, so the queries' example parameters still find something
    data = "\n".join(shared + copied + [PER_COPY.sub(lambda m, k=k: f"{m.group(1)}-x{k}", l)
                                        for k in range(1, copies) for l in copied]).encode() + b"\n"
    return data, copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--path", type=Path, default=None, help="on-disk store (default: a temporary folder)")
    args = parser.parse_args()

    data, copies = synthetic_nquads(args.quads)

    folder = args.path or Path(tempfile.mkdtemp(prefix="diplograph-scale-"))
    shutil.rmtree(folder, ignore_errors=True)
    store = Store(str(folder))
    start = time.perf_counter()
    store.bulk_load(data, format=RdfFormat.N_QUADS)
    store.flush()
    load = time.perf_counter() - start
    print(f"bulk load: {len(store):,} quads ({copies} copies of the seed claims) in {load:.1f} s")

    backend = OxigraphBackend(store, f"oxigraph:{folder}")
    # each stored query run by the project (parameters bound, rows collected: `diplograph query`'s path)
    # and its text sent straight to pyoxigraph (the raw engine), side by side; CPU seconds beside wall
    # seconds, as the machine may be shared
    print(f"# {load()}")
    print(f"{'query':36s} {'rows':>6s} {'project s':>9s} {'cpu s':>6s} {'raw s':>6s} {'cpu s':>6s} {'ratio':>6s}")
    for query in QueryLibrary():
        params = {p.name: p.example for p in query.params if p.example is not None}
        start, start_cpu = time.perf_counter(), cpu()
        rows = run(query, backend, params).rows
        seconds, cpu_s = time.perf_counter() - start, cpu() - start_cpu
        bindings = {Variable(k): v for k, v in bind(query, params, backend).items()}
        start, start_cpu = time.perf_counter(), cpu()
        list(store.query(query.body, prefixes=PREFIXES, substitutions=bindings or None, use_default_graph_as_union=True))
        raw, raw_cpu = time.perf_counter() - start, cpu() - start_cpu
        flag = "  SLOW" if seconds > QUERY_TARGET else ""
        print(f"{query.name:36s} {len(rows):6d} {seconds:9.2f} {cpu_s:6.2f} {raw:6.2f} {raw_cpu:6.2f} "
              f"{seconds / max(raw, 1e-9):6.2f}{flag}")
    print(f"# {load()}")
    # the curators' ranks (issue 13): the same question with every source's version and with the best only
    print(f"{'query (rank=all | rank=best)':36s} {'rows':>8s} {'seconds':>8s} {'rows':>8s} {'seconds':>8s} {'ratio':>6s}")
    for query in QueryLibrary():
        if not any(p.name == "rank" for p in query.params):
            continue
        params = {p.name: p.example for p in query.params if p.example is not None and p.name != "rank"}
        timed = []
        for rank in ("all", "best"):
            start = time.perf_counter()
            rows = run(query, backend, {**params, "rank": rank}).rows
            timed.append((len(rows), time.perf_counter() - start))
        (n_all, t_all), (n_best, t_best) = timed
        print(f"{query.name:36s} {n_all:8d} {t_all:8.2f} {n_best:8d} {t_best:8.2f} {t_best / max(t_all, 1e-9):6.2f}")
    if args.path is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
