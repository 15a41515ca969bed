"""`diplograph build` at scale, side by side with a raw pyoxigraph bulk load of the same quads.

A synthetic corpus is made at the YAML level: the seed articles copied N times, each copy a new
source (fresh id, its own copy of the text in a temporary folder, the same claims), for about
100k and 1M quads (and 10M with --large).  For each size, in child processes (peak memory from
``resource.getrusage`` of the child):

- full ``diplograph build --no-validate --full`` against ``Store.bulk_load`` of its N-Quads dump;
- one changed article (one claims file edited) rebuilt and re-validated incrementally (``build``);
- ``diplograph export`` in each format against the engine serialising the same store itself
  (``Store.dump`` for the quad formats; for the triple formats, which write the union of the
  graphs, the engine's ``CONSTRUCT`` of the distinct triples serialised by ``QueryTriples.serialize``);
and once, the seed corpus built with and without validation.

    python benchmarks/build_scale.py [--large] [--sizes 100000 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_QUADS_PER_COPY = 6_000  # quads one copy of the five seed articles adds (measured on the seed build)

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
took = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(took, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime)
"""

RAW_LOAD = """
import sys
from pyoxigraph import RdfFormat, Store
store = Store(sys.argv[1])
store.bulk_load(path=sys.argv[2], format=RdfFormat.N_QUADS)
store.flush()
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
EXPORT_FORMATS = ("nquads", "trig", "ntriples", "turtle", "rdfxml", "jsonld")


CPU: dict[tuple, float] = {}  # CPU seconds (user + system, the command's processes) of each measured command


def measure(*command: str) -> tuple[float, float]:
    """(seconds, peak MB) of a command run in a child process; its CPU seconds are kept in CPU."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    took, rss_kb, code, cpu = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed (exit {code})")
    CPU[command] = float(cpu)
    return float(took), int(rss_kb) / 1024


def cpu_of(*command: str) -> float:
    return CPU[command]


def synthetic_corpus(folder: Path, copies: int, texts: Path) -> tuple[Path, Path]:
    """The seed corpus copied ``copies`` times (copy 0 is the seed itself), in ``folder``."""
    corpus, text_dir = folder / "corpus", folder / "texts"
    shutil.rmtree(folder, ignore_errors=True)
    (corpus / "claims").mkdir(parents=True)
    text_dir.mkdir()
    shutil.copy(ROOT / "corpus" / "entities.yaml", corpus / "entities.yaml")
    registry = (ROOT / "corpus" / "sources.yaml").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=- id: )", registry)
    seed_ids = [re.match(r"- id: (\S+)", e).group(1) for e in entries if e.startswith("- id: ")]
    files = {sid: re.search(r"\n  file: (\S+)", e).group(1) for sid, e in
             zip(seed_ids, [e for e in entries if e.startswith("- id: ")])}
    claims = {sid: (ROOT / "corpus" / "claims" / f"{sid}.yaml").read_text(encoding="utf-8") for sid in seed_ids}
    out = [entries[0] if not entries[0].startswith("- id: ") else ""]
    for k in range(copies):
        for entry, sid in zip([e for e in entries if e.startswith("- id: ")], seed_ids):
            new_id, new_file = (sid, files[sid]) if k == 0 else (f"{sid}-c{k}", f"c{k}_{files[sid]}")
            out.append(entry.replace(f"- id: {sid}", f"- id: {new_id}", 1).replace(files[sid], new_file, 1))
            shutil.copy(texts / files[sid], text_dir / new_file)
            (corpus / "claims" / f"{new_id}.yaml").write_text(
                claims[sid].replace(f"source: {sid}", f"source: {new_id}", 1), encoding="utf-8")
    (corpus / "sources.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return corpus, text_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", action="store_true", help="also 10M quads")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="*", default=list(EXPORT_FORMATS), help="export formats to time")
    parser.add_argument("--keep", type=Path, default=None, help="work folder (default: a temporary one, removed)")
    args = parser.parse_args()
    sizes = args.sizes + ([10_000_000] if args.large else [])
    from diplograph.graph.settings import default_texts

    texts = default_texts()
    if texts is None:
        raise SystemExit("set DIPLOGRAPH_TEXTS to the seed article texts")
    work = args.keep or Path(tempfile.mkdtemp(prefix="diplograph-build-scale-"))
    diplograph = [sys.executable, "-m", "diplograph.graph"]
    rows, exports = [], []
    load_start = os.getloadavg()[0]
    try:
        seed_store = work / "seed.oxigraph"
        seed_plain, _ = measure(*diplograph, "build", "--corpus", str(ROOT / "corpus"), "--texts", str(texts),
                                "--store", str(seed_store), "--no-validate", "--full")
        print(f"seed: build --no-validate {seed_plain:.2f} s", flush=True)
        seed_valid, _ = measure(*diplograph, "build", "--corpus", str(ROOT / "corpus"), "--texts", str(texts),
                                "--store", str(seed_store), "--full")
        for size in sizes:
            copies = max(1, size // SEED_QUADS_PER_COPY)
            corpus, text_dir = synthetic_corpus(work / f"corpus-{size}", copies, texts)
            store = work / f"store-{size}.oxigraph"
            build_cmd = (*diplograph, "build", "--corpus", str(corpus), "--texts", str(text_dir),
                         "--store", str(store), "--no-validate", "--full")
            build_s, build_mb = measure(*build_cmd)
            dump = work / f"dump-{size}.nq"
            # --derived: the raw engine loads every quad the build made, the derived index included
            subprocess.run(diplograph + ["export", "--store", str(store), "-f", "nquads", "--derived", "-o", str(dump)],
                           check=True, stdout=subprocess.DEVNULL)
            quads = sum(1 for _ in dump.open("rb"))
            raw_store = work / f"raw-{size}.oxigraph"
            raw_cmd = (sys.executable, "-c", RAW_LOAD, str(raw_store), str(dump))
            raw_s, raw_mb = measure(*raw_cmd)
            changed = corpus / "claims" / sorted(os.listdir(corpus / "claims"))[-1]
            changed.write_text(changed.read_text(encoding="utf-8").replace("  - event:", "  - confidence: 0.5\n    event:", 1),
                               encoding="utf-8")
            inc_cmd = (*diplograph, "build", "--corpus", str(corpus), "--texts", str(text_dir), "--store", str(store))
            inc_s, inc_mb = measure(*inc_cmd)
            rows.append((size, quads, copies * 5, raw_s, build_s, raw_s / build_s, raw_mb, build_mb, inc_s, inc_mb,
                         cpu_of(*raw_cmd), cpu_of(*build_cmd), cpu_of(*inc_cmd), os.getloadavg()[0]))
            print("so far:", rows[-1], flush=True)  # a long run under load: what is measured is kept
            for fmt in args.formats:
                out = work / f"export-{size}.{fmt}"
                raw_e, raw_emb = measure(sys.executable, "-c", RAW_EXPORT, str(store.resolve()), fmt, str(out))
                raw_bytes = out.stat().st_size
                # --derived: the same content as the raw engine's dump of the whole store
                ours_e, ours_emb = measure(*diplograph, "export", "--store", str(store), "-f", fmt, "--derived",
                                           "-o", str(out))
                exports.append((quads, fmt, raw_e, ours_e, raw_e / ours_e, raw_emb, ours_emb, raw_bytes, out.stat().st_size))
                print("so far:", exports[-1], f"load {os.getloadavg()[0]:.1f}", flush=True)
                out.unlink()
            for path in (dump, raw_store):
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {os.cpu_count()} cores, load average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print(f"seed corpus (5 articles): build --no-validate {seed_plain:.2f} s, build with validation {seed_valid:.2f} s "
          "(targets: ≤ 2 s with validation; process start included)")
    print("(wall s / CPU s: the CPU seconds of all the command's processes, a measure the machine's load moves less)")
    print("| quads | articles | raw bulk_load s | build --no-validate s | speed vs raw (≥ 0.5) | raw peak MB "
          "| build peak MB (≤ 1024 at 1M) | one article changed: build + validate, s (≤ 1 at 1M) | its peak MB "
          "| load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (size, quads, articles, raw_s, build_s, ratio, raw_mb, build_mb, inc_s, inc_mb,
         raw_cpu, build_cpu, inc_cpu, load) in rows:
        print(f"| {quads:,} | {articles:,} | {raw_s:.2f} / {raw_cpu:.1f} | {build_s:.2f} / {build_cpu:.1f} "
              f"| {ratio:.2f}× (CPU {raw_cpu / build_cpu:.2f}×) | {raw_mb:.0f} | {build_mb:.0f} "
              f"| {inc_s:.2f} / {inc_cpu:.2f} | {inc_mb:.0f} | {load:.1f} |")

    print()
    print("| quads | format | raw engine s | `diplograph export` s | speed vs raw (≥ 0.8) | raw peak MB "
          "| export peak MB (≤ 512) | raw MB written | export MB written |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for quads, fmt, raw_e, ours_e, ratio, raw_emb, ours_emb, raw_bytes, ours_bytes in exports:
        print(f"| {quads:,} | {fmt} | {raw_e:.2f} | {ours_e:.2f} | {ratio:.2f}× | {raw_emb:.0f} | {ours_emb:.0f} "
              f"| {raw_bytes / 1e6:.0f} | {ours_bytes / 1e6:.0f} |")


if __name__ == "__main__":
    main()
