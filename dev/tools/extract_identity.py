"""Whether a speed change kept the extractor's output byte for byte, and what it saved: the extractor of a
source tree (``--root``: this checkout, or another commit unpacked with ``git archive <commit> | tar -x
-C DIR``) run on the seeds and a split of ``dev/corpus``, each article parsed once.

  hash   one line per article: the sha256 of its claims, entities and counts (as ``extract`` writes
         them) and the article's file name, into ``--out``; on the held-out split only the number of
         articles and one digest over all are printed (compare two files with ``cmp``, never ``diff``)
  time   extraction alone (the parse given), CPU seconds of each of ``--repeat`` runs over the
         articles, and the best rate in sentences per CPU second

Alternate the two trees' ``time`` runs (or run them side by side) on a loaded machine: the load moves
every number.  The held-out texts are never printed::

    git archive <start> | tar -x -C /tmp/start
    .venv/bin/python dev/tools/extract_identity.py hash --root /tmp/start --split rules+seeds --out /tmp/a
    .venv/bin/python dev/tools/extract_identity.py hash --split rules+seeds --out /tmp/b && cmp /tmp/a /tmp/b
    .venv/bin/python dev/tools/extract_identity.py time --root /tmp/start --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]   # this checkout


def _use_tree(root: Path) -> None:
    """Import ``diplograph`` from ``root`` instead of this checkout (the editable install's map, rewritten)."""
    if root == HERE:
        return
    finder = next((sys.modules[m] for m in list(sys.modules) if m.startswith("__editable___diplograph")), None)
    if finder is None:
        raise SystemExit("--root needs the editable install of diplograph (pip install -e .)")
    finder.MAPPING.update({k: v.replace(str(HERE), str(root)) for k, v in finder.MAPPING.items()})
    finder.NAMESPACES.update({k: [p.replace(str(HERE), str(root)) for p in v] for k, v in finder.NAMESPACES.items()})


def _paths(split: str) -> list[Path]:
    from ruamel.yaml import YAML

    out: list[Path] = []
    for part in split.split("+"):
        if part == "seeds":
            seeds = os.environ.get("DIPLOGRAPH_TEXTS", "/work/shared/seeds")
            out += sorted(Path(seeds).glob("*.txt"))
        else:
            corpus = HERE / "dev" / "corpus"
            sources = YAML(typ="safe").load((corpus / "sources.yaml").read_text(encoding="utf-8")) or []
            out += sorted(corpus / "texts" / s["file"] for s in sources if s.get("split") == part)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("hash", "time"))
    parser.add_argument("--root", type=Path, default=HERE, help="the source tree whose extractor runs")
    parser.add_argument("--split", default="rules+seeds", help="seeds, rules, heldout, joined by +")
    parser.add_argument("--out", type=Path, help="hash: the file of per-article digests")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import __editable___diplograph_0_1_0_finder  # noqa: F401  (the map _use_tree rewrites)
    _use_tree(args.root.resolve())
    from diplograph.graph import extraction
    from diplograph.loaders.extract import read_article
    from diplograph.loaders.extract.parse import parse_many

    paths = _paths(args.split)
    articles = [read_article(p) for p in paths]
    extraction._start_worker(None)
    docs = list(parse_many([a.text for a in articles]))
    if args.mode == "hash":
        if args.out is None:
            raise SystemExit("hash: give --out")
        lines = []
        for path, article, doc in zip(paths, articles, docs):
            item = extraction._extract_one(article, doc)
            blob = json.dumps([item.source_id, item.claims, item.entities, item.sentences, item.events, item.tenures],
                              sort_keys=True, default=str, ensure_ascii=False)
            lines.append(f"{hashlib.sha256(blob.encode('utf-8')).hexdigest()} {path.name}")
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} articles; digest {hashlib.sha256(chr(10).join(lines).encode()).hexdigest()[:16]}")
        return
    sentences = sum(1 for doc in docs for _ in doc.sents)
    extraction._extract_one(articles[0], docs[0])   # (frames, gazetteer: loaded once)
    times = []
    for _ in range(args.repeat):
        start = time.process_time()
        for article, doc in zip(articles, docs):
            extraction._extract_one(article, doc)
        times.append(time.process_time() - start)
    print(f"{args.root}: {sentences} sentences; extraction CPU s {' '.join(f'{t:.1f}' for t in times)}; "
          f"best {sentences / min(times):.0f} sentences per CPU second; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
