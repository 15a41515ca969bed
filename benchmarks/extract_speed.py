"""How fast the extractor reads: sentences per second on one core.

The corpus is generated: the seed and development articles (when their texts are available)
are concatenated into long articles of about --sentences sentences each; the rules run over
them as over any new article (registry lookups, mentions, triggers, arguments, dates).

    python benchmarks/extract_speed.py [--sentences 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from diplograph.graph.settings import default_texts
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import parse_article
from diplograph.loaders.extract import extract

ROOT = Path(__file__).resolve().parents[1]  # the repository


def corpus_texts() -> list[str]:
    texts = []
    for folder in (default_texts(), ROOT / "dev" / "corpus" / "texts"):
        if folder and Path(folder).is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    if not texts:
        raise SystemExit("no article texts found: set DIPLOGRAPH_TEXTS (or add dev/corpus/texts)")
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=5000, help="about how many sentences to read per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    registry = load_corpus(ROOT / "corpus", texts=None).entities
    texts = corpus_texts()
    articles, total = [], 0
    while total < args.sentences:
        for text in texts:
            article = parse_article(text.encode("utf-8"), published="2025-11-10")
            articles.append(article)
            total += text.count(". ") + text.count("\n")
            if total >= args.sentences:
                break
    best = None
    for _ in range(args.repeat):
        sentences = 0
        events = 0
        start = time.perf_counter()
        for i, article in enumerate(articles):
            result = extract(article, registry, f"bench-{i}")
            sentences += len(result.sentences)
            events += len(result.events)
        elapsed = time.perf_counter() - start
        rate = sentences / elapsed
        best = max(best or 0, rate)
        print(f"{sentences} sentences, {len(articles)} articles, {events} events in {elapsed:.2f} s: {rate:,.0f} sentences/s")
    print(f"best: {best:,.0f} sentences per second (one core)")


if __name__ == "__main__":
    main()
