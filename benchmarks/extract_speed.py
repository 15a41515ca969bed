"""How fast the extractor reads, with the parser: sentences of the articles per CPU second on one
core for the bare spaCy pipeline and for the whole extractor side by side (their ratio; every
sentence of every article is parsed, with the components the extractor reads: tagger, parser,
lemmatiser, named-entity recogniser), where the pipeline's time goes by component, how time grows
with an article's length (one article 1×, 2× and 4× as long), and the wall time of
``extract --jobs 1`` against ``--jobs N`` on a folder of articles.

The articles are the seed texts (``DIPLOGRAPH_TEXTS``) and the development articles of the rules
half (``dev/corpus``, ``split: rules``; the held-out half is never read).  The per-core rates
come from one process with one thread, repeated over the articles until about --sentences
sentences are read, divided by the CPU time the process used (so other work on the machine counts
against it only through shared caches and cores); the best of --repeat runs is reported, with the
load average before and after, since other work on the machine slows every number.  The --jobs
comparison is wall time.  Not a timed test: run it by hand.

    python benchmarks/extract_speed.py [--sentences 2000] [--repeat 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per process, as the rates claim

import dataclasses
import shutil
import tempfile
import time
from pathlib import Path

from diplograph.graph.errors import DiplographError
from diplograph.graph.extraction import extract_articles, registry
from diplograph.graph.settings import default_texts
from diplograph.loaders.extract import extract, read_article
from diplograph.loaders.extract.parse import load_pipeline, parse, parse_many
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]  # the repository
DEV = ROOT / "dev" / "corpus"


def article_paths() -> list[Path]:
    """The seed texts and the rules half of the development articles (never the held-out half)."""
    paths = []
    seeds = default_texts()
    if seeds and Path(seeds).is_dir():
        paths += sorted(Path(seeds).glob("*.txt"))
    if (DEV / "sources.yaml").is_file():
        sources = YAML(typ="safe").load((DEV / "sources.yaml").read_text(encoding="utf-8")) or []
        paths += sorted(DEV / "texts" / s["file"] for s in sources if s.get("split") == "rules"
                        and (DEV / "texts" / s["file"]).is_file())
    if not paths:
        raise SystemExit("no article texts found: set DIPLOGRAPH_TEXTS (or add dev/corpus texts of the rules split)")
    return paths


def per_core(articles, known, target: int, repeat: int) -> tuple[float, float, float, int]:
    """(parse-only, extraction-only, parse + extraction) sentences per CPU second in this process,
    and sentences per run."""
    best_parse = best_extract = best_full = 0.0
    sentences = 0
    texts = [a.text for a in articles]
    for _ in range(repeat):
        done, start = 0, time.process_time()
        while done < target:
            docs = list(parse_many(texts))
            done += sum(1 for doc in docs for _ in doc.sents)
        best_parse = max(best_parse, done / (time.process_time() - start))
        done, start = 0, time.process_time()
        while done < target:
            for i, (article, doc) in enumerate(zip(articles, docs)):
                extract(article, known, f"bench-{i}", doc=doc)
                done += sum(1 for _ in doc.sents)
        best_extract = max(best_extract, done / (time.process_time() - start))
        sentences, start = 0, time.process_time()
        while sentences < target:
            for i, (article, doc) in enumerate(zip(articles, parse_many(texts))):
                extract(article, known, f"bench-{i}", doc=doc)
                sentences += sum(1 for _ in doc.sents)
        best_full = max(best_full, sentences / (time.process_time() - start))
    return best_parse, best_extract, best_full, sentences


def by_component(texts: list[str], repeat: int) -> list[tuple[str, float]]:
    """CPU seconds of each step of the pipeline over the articles (the tokenizer, then every
    enabled component in order, each over all documents), the best of ``repeat``."""
    nlp = load_pipeline()
    best: dict[str, float] = {}
    for _ in range(repeat):
        start = time.process_time()
        docs = [nlp.make_doc(text) for text in texts]
        times = {"tokenizer": time.process_time() - start}
        for name, component in nlp.pipeline:
            start = time.process_time()
            docs = list(component.pipe(docs, batch_size=8)) if hasattr(component, "pipe") else [component(d) for d in docs]
            times[name] = time.process_time() - start
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return list(best.items())


def growth(articles, known, repeat: int) -> list[tuple[int, int, float, float]]:
    """The longest article read 1×, 2× and 4× over (the text repeated): (times, characters, parse
    CPU seconds, extraction CPU seconds), the best of ``repeat``: both should double with the length."""
    longest = max(articles, key=lambda a: len(a.text))
    rows = []
    for times in (1, 2, 4):
        article = dataclasses.replace(longest, text="\n\n".join([longest.text] * times))
        best_parse = best_extract = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            doc = parse(article.text)
            middle = time.process_time()
            extract(article, known, "bench-growth", doc=doc)
            best_parse, best_extract = min(best_parse, middle - start), min(best_extract, time.process_time() - middle)
        rows.append((times, len(article.text), best_parse, best_extract))
    return rows


def wall_time(paths: list[Path], jobs: int) -> tuple[float, str]:
    """Seconds for ``extract_articles`` with ``jobs`` processes, and its outcome."""
    out = Path(tempfile.mkdtemp(prefix=f"extract-jobs{jobs}-"))
    try:
        start = time.perf_counter()
        try:
            extract_articles(paths, out, jobs=jobs)
            outcome = "ok"
        except DiplographError as exc:  # the final load check failed: the work was still done
            outcome = f"written, but does not load: {str(exc).splitlines()[-1].strip()}"
        return time.perf_counter() - start, outcome
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=2000, help="about how many sentences to read per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel run")
    args = parser.parse_args()
    load_before = os.getloadavg()
    paths = article_paths()
    articles = [read_article(p) for p in paths]
    start = time.process_time()
    known = registry()
    load_pipeline()
    extract(articles[0], known, "warm-up")  # loads the frames and compiles the gazetteer once
    startup = time.process_time() - start
    parse_rate, extract_rate, full_rate, sentences = per_core(articles, known, args.sentences, args.repeat)
    components = by_component([a.text for a in articles], args.repeat)
    lengths = growth(articles, known, args.repeat)
    (one, outcome), (many, _) = wall_time(paths, 1), wall_time(paths, args.jobs)
    load_after = os.getloadavg()
    rows = [
        ("articles", f"{len(paths)}"),
        ("sentences per run", f"{sentences}"),
        ("start-up: registry, pipeline, frames (CPU)", f"{startup:.1f} s, once per process"),
        ("bare spaCy pipeline (every sentence), sentences per CPU second", f"{parse_rate:,.0f}"),
        ("extraction alone (parse given), sentences per CPU second", f"{extract_rate:,.0f}"),
        ("whole extractor: parse + extraction, every sentence parsed, sentences per CPU second",
         f"{full_rate:,.0f}  (target ≥ 300; ×{full_rate / parse_rate:.2f} of the bare pipeline)"),
        ("the pipeline's CPU time by step", ", ".join(
            f"{name.removeprefix('diplograph_')} {100 * t / sum(x for _, x in components):.0f}%"
            for name, t in sorted(components, key=lambda c: -c[1]) if t >= 0.005 * sum(x for _, x in components))),
    ]
    base_parse, base_extract = lengths[0][2], lengths[0][3]
    for times, chars, parse_s, extract_s in lengths:
        rows.append((f"one article ×{times} ({chars:,} characters), CPU",
                     (f"parse {parse_s:.2f} s (×{parse_s / base_parse:.1f}), extraction {extract_s:.2f} s "
                     f"(×{extract_s / base_extract:.1f})")))
    rows += [
        ("extract --jobs 1, wall time", f"{one:.1f} s"),
        (f"extract --jobs {args.jobs}, wall time", f"{many:.1f} s  (×{one / many:.2f})"),
        ("cores on this machine", f"{os.cpu_count()}"),
        ("load average (1, 5, 15 min)", "before " + ", ".join(f"{x:.1f}" for x in load_before)
         + "; after " + ", ".join(f"{x:.1f}" for x in load_after)),
    ]
    if outcome != "ok":
        rows.append(("note", outcome))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
