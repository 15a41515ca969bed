"""Extraction does not depend on Python's string-hash order (PYTHONHASHSEED): where a choice ranks
candidates held in a set, a tie goes by the text's order, not by the set's.  Run in fresh interpreters
under two hash seeds, since one process has one seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# two men named once each in the lead, a woman quoted last, then "he": the two men tie as the
# article's protagonist (article_anaphora.py), and the tie goes to the one named first
TEXT = """Ministers meet in Lisbon

Foreign Minister Pedro Ribeiro of Portugal and Foreign Minister Tomas Kral of the Czech Republic met in Lisbon on Monday.

The talks lasted four hours.

Trade was on the agenda.

Energy prices were also discussed.

The weather in the capital was warm.

Crowds gathered near the river.

The meeting ended in the evening, spokeswoman Maria Lopes told reporters.

On Tuesday, he condemned Russia's attack on Ukraine.
"""

SCRIPT = """
import json, sys
from pathlib import Path
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import Article, extract
registry = load_corpus(Path(sys.argv[1]) / "corpus", texts=None).entities
result = extract(Article(None, sys.stdin.read(), published="2024-05-02"), registry, "hash-order")
print(json.dumps(sorted([e.type, list(e.agent), list(e.target)] for e in result.events)))
"""


def _events(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], input=TEXT, capture_output=True, text=True,
                          env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_tie_of_salience_goes_by_text_order_under_any_hash_seed():
    # (seeds 1 and 2 chose different men before the tie went by text order)
    first, second = _events("1"), _events("2")
    assert first == second
    assert ["Statement", ["pedro-ribeiro"], ["russia", "ukraine"]] in first
