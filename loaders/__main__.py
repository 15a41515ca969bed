"""``python -m diplograph.loaders [CORPUS_DIR] [TEXTS_DIR]``: load the corpus and report problems (no store)."""

import sys

from .corpus import load_corpus
from .errors import CorpusError

corpus = sys.argv[1] if len(sys.argv) > 1 else "corpus"
texts = sys.argv[2] if len(sys.argv) > 2 else None
try:
    result = load_corpus(corpus, texts)
except CorpusError as exc:
    print(exc, file=sys.stderr)
    sys.exit(1)
for warning in result.warnings:
    print("warning:", warning, file=sys.stderr)
print(f"ok: {len(result.sources)} sources, {result.claim_count} claims, {len(result.event_ids)} events, "
      f"{len(result.quads)} quads, {result.texts_found} texts verified")
