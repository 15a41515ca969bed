"""Which trigger entries of ``frames.yaml`` have sentences of our own on both sides: a positive item
(an item that expects the frame's type, or a frame's positive example) in which a match of that type
came from the entry, and a negative one (an item that lists the type as absent, or a frame's negative
example) in which the frame was tried on a word of the entry and gave no such event.

An entry is one word of one trigger: (frame type, lemma, which of the frame's triggers with that word it
is, from 1), so that a trigger added or moved leaves the other entries' names as they were.  The
extraction is watched, not changed: ``recording()`` wraps ``frames.triggered`` and
``frames.match_sentence`` while the items run.  ``tests/test_checklist.py`` checks that every entry
is covered (so none is added untested); this script prints the entries that are not::

    .venv/bin/python dev/tools/trigger_coverage.py [--file 'GLOB.yaml']
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

Entry = tuple[str, str, int]   # (frame type, lemma, which of the frame's triggers with that lemma, from 1)


def entry_of(frame, place: int, word: str) -> Entry:
    """The entry of a word in the trigger at ``place`` of a frame."""
    return frame.type, word, sum(word in t.lemmas for t in frame.triggers[:place + 1])


def entries() -> list[Entry]:
    """Every trigger entry of the English frames."""
    from diplograph.loaders.extract.frame_file import default_frames

    return [entry_of(f, n, w) for f in default_frames().frames for n, t in enumerate(f.triggers) for w in sorted(t.lemmas)]


class Record:
    """What the frames did on each text: the entries that made a match, and the (frame, word) pairs tried."""

    def __init__(self) -> None:
        self.matched: dict[str, set[Entry]] = defaultdict(set)
        self.tried: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._fired: dict[tuple[int, int, str], Entry] = {}


@contextlib.contextmanager
def recording():
    """Watch the frames while the block runs; yields the Record (texts are the keys)."""
    from diplograph.loaders.extract import frames

    rec, triggered, match_sentence = Record(), frames.triggered, frames.match_sentence

    def watched_triggered(frame, token, *args, **kwargs):
        trig = triggered(frame, token, *args, **kwargs)
        text = token.doc.text
        rec.tried[text].update((frame.type, w) for w in {token.lemma_.lower(), token.lower_})
        if trig is not None:
            word = token.lemma_.lower() if token.lemma_.lower() in trig.lemmas else token.lower_
            rec._fired[(id(token.doc), token.i, frame.type)] = entry_of(frame, frame.triggers.index(trig), word)
        return trig

    def watched_match_sentence(*args, **kwargs):
        out = match_sentence(*args, **kwargs)
        for m in out:
            entry = rec._fired.get((id(m.trigger.doc), m.trigger.i, m.type))
            if entry is not None:
                rec.matched[m.trigger.doc.text].add(entry)
        return out

    frames.triggered, frames.match_sentence = watched_triggered, watched_match_sentence
    try:
        yield rec
    finally:
        frames.triggered, frames.match_sentence = triggered, match_sentence


def frame_example_items() -> list:
    """The frames' own examples as checklist items (positive: the types expected; negative: the frame's type absent)."""
    from diplograph.loaders.extract.frame_file import default_frames

    checklist = _checklist()
    out = []
    for f in default_frames().frames:
        out += [checklist.Item(f"frame-{f.type}+{n}", "frame", ex["text"], expect=[list(e) for e in ex["expect"]])
                for n, ex in enumerate(f.positive)]
        out += [checklist.Item(f"frame-{f.type}-{n}", "frame", text, absent=[f.type]) for n, text in enumerate(f.negative)]
    return out


def uncovered(items: list, rec: Record) -> dict[Entry, str]:
    """Entry → what it lacks ("positive", "negative" or both) over these items, as recorded."""
    positive, negative = set(), set()
    for item in items:
        expected = {e[0] for e in item.expect}
        positive |= {e for e in rec.matched.get(item.text, ()) if e[0] in expected}
        negative |= {(t, w) for t, w in rec.tried.get(item.text, ()) if t in item.absent}
    out = {}
    for entry in entries():
        lacks = [side for side, ok in (("positive", entry in positive), ("negative", entry[:2] in negative)) if not ok]
        if lacks:
            out[entry] = " and ".join(lacks)
    return out


def _checklist():
    if "checklist" not in sys.modules:
        spec = importlib.util.spec_from_file_location("checklist", ROOT / "dev" / "tools" / "checklist.py")
        sys.modules["checklist"] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules["checklist"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", default="*.yaml", help="only the bank files matching this pattern")
    args = ap.parse_args()
    checklist = _checklist()
    items = checklist.load_items(pattern=args.file) + frame_example_items()
    with recording() as rec:
        checklist.extract_items(items)
    missing = uncovered(items, rec)
    for (etype, word, n), lacks in sorted(missing.items()):
        print(f"{etype:<28} {word:<20} {n}  no {lacks} item")
    print(f"{len(missing)} of {len(entries())} entries lack an item")


if __name__ == "__main__":
    main()
