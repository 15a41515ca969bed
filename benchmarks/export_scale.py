"""`diplograph export` against the raw engine serialising the same store, in each format.

One run builds a synthetic store of about --quads quads (copies of the seed claims with fresh
IRIs, as benchmarks/store_scale.py makes them) and prints, for each format, side by side:

* the raw engine: ``Store.dump`` for the quad formats; for the triple formats, which write the
  union of the graphs, its ``CONSTRUCT`` of the distinct triples through ``QueryTriples.serialize``;
* ``diplograph export`` (the CLI in a fresh process, imports included) of the same store;

each in its own child process: wall seconds, CPU seconds (user + system of the child), peak memory
(its maximum resident set), bytes written, and the speed ratio raw / ours by CPU and by wall.
The machine may be shared: ratios of CPU seconds hold under load where wall seconds do not, and
the load average is printed with each row.  Targets (issue 11): ≥ 0.8× the raw engine, peak
≤ 512 MB at 1M quads, the same bytes run after run (tests/test_export_stream.py).

    python benchmarks/export_scale.py [--quads 1000000] [--formats nquads trig ...] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyoxigraph import RdfFormat, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_scale import synthetic_nquads

FORMATS = ("nquads", "trig", "ntriples", "turtle", "rdfxml", "jsonld")

# a child's own figures: wall seconds, CPU seconds, peak resident KB of the command it runs
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
took = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)
"""

RAW_EXPORT = """
import sys
from pyoxigraph import RdfFormat, Store
store = Store.read_only(sys.argv[1])
fmt = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "ntriples": RdfFormat.N_TRIPLES,
       "turtle": RdfFormat.TURTLE, "rdfxml": RdfFormat.RDF_XML, "jsonld": RdfFormat.JSON_LD}[sys.argv[2]]
with open(sys.argv[3], "wb") as out:
    if fmt.supports_datasets:
        store.dump(out, fmt)
    else:
        store.query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
                    ).serialize(out, fmt)
"""


def measure(*command: str) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of a command run in a child process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    took, cpu, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed (exit {code})")
    return float(took), float(cpu), int(rss_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side (the fastest by CPU is kept)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="diplograph-export-scale-"))
    try:
        data, copies = synthetic_nquads(args.quads)
        store = Store(str(folder / "store"))
        store.bulk_load(data, format=RdfFormat.N_QUADS)
        store.flush()
        quads = len(store)
        del store  # closed: the children open it read-only
        print(f"# {os.cpu_count()} cores; synthetic store: {quads:,} quads ({copies} copies of the seed claims)")
        print("| quads | format | raw s | raw CPU s | export s | export CPU s | speed vs raw, CPU (≥ 0.8) | by wall "
              "| raw peak MB | export peak MB (≤ 512) | raw MB | export MB | load |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        # --derived: the whole store, as the raw engine writes it (the derived index included)
        diplograph = [sys.executable, "-m", "diplograph.graph", "export", "--store", str(folder / "store"), "--derived"]
        for fmt in args.formats:
            out = folder / f"out.{fmt}"
            raw = min((measure(sys.executable, "-c", RAW_EXPORT, str(folder / "store"), fmt, str(out))
                       for _ in range(args.repeat)), key=lambda m: m[1])
            raw_bytes = out.stat().st_size
            ours = min((measure(*diplograph, "-f", fmt, "-o", str(out)) for _ in range(args.repeat)),
                       key=lambda m: m[1])
            print(f"| {quads:,} | {fmt} | {raw[0]:.1f} | {raw[1]:.1f} | {ours[0]:.1f} | {ours[1]:.1f} "
                  f"| {raw[1] / ours[1]:.2f}× | {raw[0] / ours[0]:.2f}× | {raw[2]:.0f} | {ours[2]:.0f} "
                  f"| {raw_bytes / 1e6:.0f} | {out.stat().st_size / 1e6:.0f} | {os.getloadavg()[0]:.1f} |", flush=True)
            out.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
