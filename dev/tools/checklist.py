"""Behavioural test suite (CheckList style) for the extractor: sentences of our own, by capability.

Reads ``tests/checklist/*.yaml`` (see the header of items.yaml for the format), extracts every item
with one spaCy load (``parse_many``) and prints the pass rate per capability and per event type;
``--show`` prints each failing item with what was found.  ``tests/test_checklist.py`` runs the same
items under pytest, the known failures as ``xfail(strict=True)``::

    .venv/bin/python dev/tools/checklist.py [--cap CAP] [--file 'GLOB.yaml'] [--show]
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
ITEMS = ROOT / "tests" / "checklist"
PUBLISHED = "2025-11-07"


@dataclass
class Item:
    id: str
    cap: str
    text: str
    expect: list[list] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    published: str = PUBLISHED
    known: str | None = None

    @property
    def types(self) -> set[str]:
        return {e[0] for e in self.expect} | set(self.absent)


def load_items(folder: Path = ITEMS, pattern: str = "*.yaml") -> list[Item]:
    items, seen = [], set()
    for path in sorted(folder.glob(pattern)):
        for raw in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["items"]:
            item = Item(**{k: v for k, v in raw.items()})
            assert item.id not in seen, f"{path}: item id {item.id} twice"
            seen.add(item.id)
            items.append(item)
    return items


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)).strip()


@dataclass
class Found:
    type: str
    agent: list[set[str]]    # per value: its folded label, aliases and id
    target: list[set[str]]
    date: str | None


def _matches(name: str | list | None, values: list[set[str]]) -> bool:
    if name is None:
        return True
    if isinstance(name, dict):   # {first: A}: A is the role's first value, the actor the extractor chose
        return bool(values) and _matches(name["first"], values[:1])
    if isinstance(name, list):   # [A, B]: exactly these, each once
        return len(name) == len(values) and all(_matches(n, values) for n in name)
    if name == "":
        return not values  # "": the role must be empty (a role the text leaves empty is not guessed)
    n = _fold(name)
    return any(n in names or n.replace(" ", "-") in names for names in values)


def _hits(expected: list, found: Found) -> bool:
    etype, agent, target, *date = expected
    return (found.type == etype and _matches(agent, found.agent) and _matches(target, found.target)
            and (not date or found.date == (None if date[0] is None else str(date[0]))))   # null: no date


def judge(item: Item, found: list[Found]) -> tuple[bool, str]:
    """(passes, why not): every expected event found; no other event of a checked type."""
    missing = [e for e in item.expect if not any(_hits(e, f) for f in found)]
    extra = [f for f in found if f.type in item.types and not any(_hits(e, f) for e in item.expect)]
    why = "; ".join([f"missing {e}" for e in missing] + [f"extra {show(f)}" for f in extra])
    return not why, why


def show(f: Found) -> str:
    # (the shortest name, the first in order among those as short: a set's order changes from run to run)
    first = lambda vs: [min(v, key=lambda name: (len(name), name)) for v in vs]
    return f"{f.type} {first(f.agent)} -> {first(f.target)} ({f.date})"


def extract_items(items: list[Item]) -> dict[str, list[Found]]:
    """Every item's events, with one parse pass over all texts."""
    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.extract.parse import parse_many
    from diplograph.loaders.extract.pipeline import extract
    from diplograph.loaders.extract.text import Article

    registry = load_corpus(ROOT / "corpus", texts=None).entities
    out = {}
    for item, doc in zip(items, parse_many(i.text for i in items)):
        x = extract(Article(None, item.text, published=item.published), registry, f"checklist-{item.id}", doc=doc)
        minted = {e.id: e for e in x.entities}

        def names(entity_id, minted=minted):
            rec = registry.get(entity_id) or minted.get(entity_id)
            labels = [rec.label, *getattr(rec, "aliases", [])] if rec else []
            return {_fold(entity_id), *map(_fold, labels)}
        out[item.id] = [Found(e.type, [names(a) for a in e.agent], [names(t) for t in e.target],
                              (e.fields.get("date") or {}).get("value")) for e in x.events]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cap", help="only the items of this capability")
    ap.add_argument("--file", default="*.yaml", help="only the items of the files matching this pattern (e.g. 'bank_*.yaml')")
    ap.add_argument("--show", action="store_true", help="print each failing item with what was found")
    args = ap.parse_args()
    items = [i for i in load_items(pattern=args.file) if not args.cap or i.cap == args.cap]
    if not items:   # (a pattern or capability that matches nothing: say so, not a division by zero)
        raise SystemExit(f"checklist.py: no items in {ITEMS}/{args.file}" + (f" of capability {args.cap!r}" if args.cap else ""))
    found = extract_items(items)
    by_cap, by_type = Counter(), Counter()
    passed_cap, passed_type = Counter(), Counter()
    flips = []
    for item in items:
        ok, why = judge(item, found[item.id])
        by_cap[item.cap] += 1
        passed_cap[item.cap] += ok
        for t in item.types or {"(none)"}:
            by_type[t] += 1
            passed_type[t] += ok
        if ok and item.known:
            flips.append(item.id)
        if args.show and not ok:
            print(f"FAIL {item.id} [{item.cap}]{' (known)' if item.known else ''}: {item.text!r}\n     {why}")
    for title, total, passed in (("capability", by_cap, passed_cap), ("event type", by_type, passed_type)):
        print(f"\n{title:<28} pass/total")
        for key in sorted(total):
            print(f"{key:<28} {passed[key]:>3}/{total[key]:<3} {passed[key] / total[key]:.2f}")
    n, ok = len(items), sum(passed_cap.values())
    print(f"\nALL {ok}/{n} = {ok / n:.2f}")
    if flips:
        print("now passing, delete their `known:` line:", ", ".join(flips))


if __name__ == "__main__":
    from diplograph.loaders.extract.parse import PipelineMissing

    try:
        main()
    except PipelineMissing as exc:  # no traceback for a missing pipeline: say how to get one
        print(f"checklist.py: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
