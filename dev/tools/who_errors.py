"""Who is who: how many of the extractor's errors are the right act with the wrong actors.

Runs ``diplograph eval`` on a split of the development corpus and pairs each false alarm with a
miss of the same type told in the same sentence (the extracted evidence and a reviewed quote
overlap).  Each pair is the right act found with the wrong roles, sorted by why it failed:

  wrong agent / wrong target / both   the role holds another entity than the reviewed one
  missing role                        the reviewed event has the role, the extracted one is empty
  unmatched entity                    a minted entity that names a reviewed one (a shared word of
                                      its label/aliases) yet does not match it by label or alias

False alarms and misses left without a partner are counted apart (an act not found, or found
where there is none).  On the held-out split only counts are printed, never sentences or ids::

    .venv/bin/python dev/tools/who_errors.py --split rules [--show]
    .venv/bin/python dev/tools/who_errors.py --split heldout
"""

from __future__ import annotations

import argparse
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from diplograph.graph.evaluate import _fold, _roles_match, evaluate
from diplograph.loaders.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("wrong agent", "wrong target", "both", "missing role", "unmatched entity")
STOP = {"of", "the", "and", "de", "del", "la", "el", "for", "to", "in", "al", "bin", "ministry", "foreign",
        "government", "affairs", "republic"}


def _squash(text: str) -> str:
    return " ".join(text.split())


def same_sentence(evidence: list[str], quotes: list[str]) -> bool:
    """A reviewed quote and the extracted evidence hold each other, or share a long run of words."""
    for e in map(_squash, evidence):
        for q in map(_squash, quotes):
            if not q or not e:
                continue
            if q in e or e in q:
                return True
            m = SequenceMatcher(None, e, q, autojunk=False).find_longest_match(0, len(e), 0, len(q))
            if m.size >= 30:
                return True
    return False


def _words(label: str, aliases: set[str]) -> set[str]:
    return {w for text in {label, *aliases} for w in text.split() if len(w) > 2 and w not in STOP}


def kind_of(event, gold, names, minted) -> str:
    bad = [r for r in ("agent", "target")
           if not _roles_match(getattr(event, r), getattr(gold, r), names, minted)]
    if any(not getattr(event, r) for r in bad):
        return "missing role"
    for r in bad:
        for v in getattr(event, r):
            if v in minted and v not in names:
                mw = _words(minted[v][0], minted[v][1])
                if any(mw & _words(*names[g]) for g in getattr(gold, r) if g in names):
                    return "unmatched entity"
    return "both" if len(bad) == 2 else f"wrong {bad[0]}" if bad else "both"


def classify(report, names, lone_events: list | None = None):
    """(pair counts by kind, per-type pair counts, unpaired false alarms, unpaired misses, pairs); the
    unpaired false alarms themselves are appended to ``lone_events`` as (source, event) where given."""
    kinds, by_type, lone_fp, lone_fn, pairs = Counter(), Counter(), Counter(), Counter(), []
    for a in report.articles:
        missed = list(a.missed_events)
        for event in a.false_alarm_events:
            mate = next((g for g in missed if g.type == event.type and same_sentence(event.evidence, g.quotes)), None)
            if mate is None:
                lone_fp[event.type] += 1
                if lone_events is not None:
                    lone_events.append((a.source, event))
                continue
            missed.remove(mate)
            k = kind_of(event, mate, names, a.minted)
            kinds[k] += 1
            by_type[event.type, k] += 1
            pairs.append((a.source, k, event, mate))
        for g in missed:
            lone_fn[g.type] += 1
    return kinds, by_type, lone_fp, lone_fn, pairs


def split_parser(description: str, show: str) -> argparse.ArgumentParser:
    """The options the error tools share: the split, the corpus and --show (the rules split only)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--split", choices=("rules", "heldout"), required=True)
    ap.add_argument("--corpus", default=str(ROOT / "dev/corpus"))
    ap.add_argument("--texts", default=str(ROOT / "dev/corpus/texts"))
    ap.add_argument("--show", action="store_true", help=show)
    return ap


def parse_split_args(ap: argparse.ArgumentParser) -> argparse.Namespace:
    args = ap.parse_args()
    if args.show and args.split != "rules":
        ap.error("--show is for the rules split only: held-out sentences stay unseen")
    return args


def scored(args: argparse.Namespace):
    """The reviewed entities' names (for matching minted ones) and the eval report of the split."""
    gold = load_corpus(args.corpus, args.texts)
    names = {e.id: (_fold(e.label), {_fold(x) for x in e.aliases}) for e in gold.entities.values()}
    return names, evaluate(args.corpus, args.texts, split=args.split)


def print_shown(shown: list) -> None:
    """Print each (label, source, miss, note) with its roles and sentence, by label then type (rules split only)."""
    for label, source, miss, note in sorted(shown, key=lambda x: (x[0], x[2].type)):
        print(f"\n[{label}] {source} {miss.type} {miss.id}{note}\n  agent={sorted(miss.agent)} "
              f"target={sorted(miss.target)}\n  “{miss.evidence}”")


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n")[0], "print each pair and each false alarm without a partner with its sentence (rules split only)"))
    names, report = scored(args)
    lone_events: list = []
    kinds, by_type, lone_fp, lone_fn, pairs = classify(report, names, lone_events)
    o = report.overall
    print(f"{args.split}: tp {o.tp}  fp {o.fp}  fn {o.fn}  P {o.precision:.2f}  R {o.recall:.2f}")
    print(f"right act, wrong actors (false alarm paired with a miss of its type in its sentence): {sum(kinds.values())}")
    for k in KINDS:
        print(f"  {k:18s} {kinds[k]:4d}")
    print(f"false alarms without a partner: {sum(lone_fp.values())}   misses without a partner: {sum(lone_fn.values())}")
    print("per type (pairs by kind | lone fp | lone fn):")
    types = sorted({t for t, _ in by_type} | set(lone_fp) | set(lone_fn))
    for t in types:
        row = " ".join(f"{by_type[t, k]:3d}" for k in KINDS)
        print(f"  {t:28s} {row} | {lone_fp[t]:3d} | {lone_fn[t]:3d}")
    if args.show:
        for source, k, event, g in pairs:
            print(f"\n[{k}] {source} {event.type}\n  got  agent={event.agent} target={event.target}"
                  f"\n  gold agent={sorted(g.agent)} target={sorted(g.target)}\n  “{event.evidence[0]}”")
        for source, event in lone_events:
            print(f"\n[false alarm without a partner] {source} {event.type}\n  got  agent={event.agent} "
                  f"target={event.target}\n  “{event.evidence[0]}”")


if __name__ == "__main__":
    main()
