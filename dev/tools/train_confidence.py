"""Fit the confidence model (loaders/extract/confidence.py) on the rules half: a logistic regression over
the closed-class features of each proposed event, labelled right or wrong by ``diplograph eval``'s own
matching (an extracted event matched to a reviewed one is right, a false alarm wrong).

Cross-validated first, five folds by article (article i of the sorted ids in fold i mod 5), out-of-fold
Brier score and ROC AUC against the hand-set confidence, and the precision and recall of the proposals
at or above each confidence, scored by eval's matching with the out-of-fold confidences; then fitted on
the whole rules half and written to ``loaders/extract/confidence_model.tsv`` with that in its header.
The held-out half is never read here::

    .venv/bin/python dev/tools/train_confidence.py [--dry-run] [--penalty 5.0] [--cache /tmp/conf.pkl]

Deterministic: Newton's method from zero weights, features in sorted order.  Features seen fewer than
``--min-count`` times are left out.  The hedge features (``confidence.HEDGES``) are kept at or below zero
(one that fits above is dropped and the rest refitted), so a hedged proposal never scores above the
same proposal without the hedge.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import subprocess
from pathlib import Path

import numpy as np
from diplograph.graph.evaluate import CONFIDENCE_STEPS, evaluate
from diplograph.loaders.extract.confidence import HEDGES, INTERCEPT, MODEL_FILE

ROOT = Path(__file__).resolve().parents[2]
FOLDS = 5


def samples(report) -> list[tuple[str, object, int]]:
    """(article, event, 1 if eval matched it else 0) for every extracted event, in the report's order."""
    out = []
    for article in report.articles:
        false = {id(e) for e in article.false_alarm_events}
        out += [(article.source, e, int(id(e) not in false)) for e in article.extracted_events]
    return out


def design(rows: list[list[str]], vocabulary: list[str]) -> np.ndarray:
    index = {f: i for i, f in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary) + 1))
    x[:, 0] = 1.0   # the intercept
    for r, features in enumerate(rows):
        for f in set(features):
            if f in index:
                x[r, index[f] + 1] = 1.0
    return x


def fit(x: np.ndarray, y: np.ndarray, penalty: float, frozen: set[int] = frozenset()) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (the intercept unpenalised); the columns in
    ``frozen`` stay at zero."""
    free = np.array([i for i in range(x.shape[1]) if i not in frozen])
    xf = x[:, free]
    w = np.zeros(len(free))
    ridge = np.full(len(free), penalty)
    ridge[free == 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(xf @ w)))
        gradient = xf.T @ (p - y) + ridge * w
        hessian = (xf * (p * (1 - p))[:, None]).T @ xf + np.diag(ridge + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    out = np.zeros(x.shape[1])
    out[free] = w
    return out


def fit_constrained(x, y, vocabulary: list[str], penalty: float) -> np.ndarray:
    """``fit``, with every hedge feature that fits above zero held at zero."""
    frozen: set[int] = set()
    while True:
        w = fit(x, y, penalty, frozen)
        rising = {i + 1 for i, f in enumerate(vocabulary) if f in HEDGES and w[i + 1] > 0}
        if not rising:
            return w
        frozen |= rising


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return np.round(1.0 / (1.0 + np.exp(-(x @ w))), 2)   # rounded as the extractor rounds


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC: the chance a right proposal scores above a wrong one (ties count half)."""
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def vocabulary_of(rows: list[list[str]], min_count: int) -> list[str]:
    counts: dict[str, int] = {}
    for features in rows:
        for f in set(features):
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, n in counts.items() if n >= min_count)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "dev" / "corpus"))
    ap.add_argument("--penalty", type=float, default=5.0, help="the L2 penalty on each weight")
    ap.add_argument("--min-count", type=int, default=3, help="features seen fewer times are left out")
    ap.add_argument("--dry-run", action="store_true", help="cross-validate and print; write no model file")
    ap.add_argument("--cache", help="keep the scored rules half here (a pickle) and reuse it on the next run")
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        report = pickle.loads(cache.read_bytes())
    else:
        report = evaluate(args.corpus, Path(args.corpus) / "texts", split="rules")
        if cache is not None:
            cache.write_bytes(pickle.dumps(report))
    data = samples(report)
    articles = sorted({a for a, _, _ in data})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    rows = [e.features for _, e, _ in data]
    y = np.array([label for _, _, label in data], dtype=float)
    folds = np.array([fold_of[a] for a, _, _ in data])
    prior = np.array([float(next((f.split("=")[1] for f in e.features if f.startswith("prior=")), "nan"))
                      for _, e, _ in data])

    out_of_fold = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        vocabulary = vocabulary_of([r for r, t in zip(rows, train) if t], args.min_count)
        w = fit_constrained(design([r for r, t in zip(rows, train) if t], vocabulary), y[train], vocabulary, args.penalty)
        out_of_fold[test] = predict(design([r for r, t in zip(rows, test) if t], vocabulary), w)
    brier = float(np.mean((out_of_fold - y) ** 2))
    base_rate = float(y.mean())
    lines = [(f"samples: {len(y)} proposals of {len(articles)} rules-half articles ({int(y.sum())} right, "
              f"{int(len(y) - y.sum())} false alarms); penalty {args.penalty}, features seen {args.min_count}+ times"),
             (f"cross-validated ({FOLDS} folds by article): Brier {brier:.4f} (the base rate alone "
              f"{base_rate * (1 - base_rate):.4f}), AUC {auc(out_of_fold, y):.3f} (the hand-set confidence {auc(prior, y):.3f})")]
    statements = np.array([e.type == "Statement" for _, e, _ in data])
    lines.append(f"cross-validated AUC, Statements {auc(out_of_fold[statements], y[statements]):.3f}, "
                 f"other types {auc(out_of_fold[~statements], y[~statements]):.3f}")
    # the eval table, by eval's matching, with the out-of-fold confidences
    for (_, event, _), p in zip(data, out_of_fold):
        event.confidence = float(p)
    table = []
    for t in (0.0, *CONFIDENCE_STEPS):   # (re-matched as eval does: a reviewed event a dropped proposal took may go to another)
        score = report.at_confidence(t)
        table.append(f"  at confidence >= {t:.2f}: P {score.precision:.2f} R {score.recall:.2f}  {score.tp}/{score.fp}/{score.fn}")
    print("\n".join(lines + ["cross-validated precision / recall at confidence (rules half):"] + table))

    vocabulary = vocabulary_of(rows, args.min_count)
    w = fit_constrained(design(rows, vocabulary), y, vocabulary, args.penalty)
    if args.dry_run:
        return
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    header = ["# diplograph's confidence model: a logistic regression over the closed-class features of each proposed",
              "# event (loaders/extract/confidence.py); confidence = 1 / (1 + exp(-(intercept + the weights of its features)))",
              f"# trained {dt.date.today().isoformat()} at commit {commit} by dev/tools/train_confidence.py on the rules half only",
              *[f"# {line}" for line in lines],
              "# cross-validated precision / recall of the proposals at or above a confidence (eval's matching; tp/fp/fn):",
              *[f"#{line}" for line in table],
              "# a feature not listed weighs 0; hedges are held at or below 0"]
    body = [f"{INTERCEPT}\t{w[0]:.4f}"] + [f"{f}\t{w[i + 1]:.4f}" for i, f in enumerate(vocabulary)]
    MODEL_FILE.write_text("\n".join(header + ["feature\tweight"] + body) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE.relative_to(ROOT)} ({len(vocabulary)} features)")


if __name__ == "__main__":
    main()
