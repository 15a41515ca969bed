"""The behavioural test suite (tests/checklist/*.yaml): sentences of our own by capability and event
type.  Every item runs; the known failures (`known:` in the data) are xfail(strict=True), so a fix
that makes one pass fails here until its `known:` line is deleted (no silent drift).  The same run
checks that every trigger entry of frames.yaml has items on both sides (dev/tools/trigger_coverage.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from diplograph.loaders.extract.frame_file import default_frames

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("checklist", ROOT / "dev" / "tools" / "checklist.py")
checklist = sys.modules["checklist"] = importlib.util.module_from_spec(_spec)  # dataclasses look it up
_spec.loader.exec_module(checklist)

ITEMS = checklist.load_items()

_spec = importlib.util.spec_from_file_location("trigger_coverage", ROOT / "dev" / "tools" / "trigger_coverage.py")
trigger_coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trigger_coverage)
#: the frames' own examples, run beside the items for the trigger entries they cover
FRAME_ITEMS = trigger_coverage.frame_example_items()


@pytest.fixture(scope="module")
def extracted():
    """Every item's events, with one parse pass over every item and frame example, and what the frames did."""
    with trigger_coverage.recording() as record:
        found = checklist.extract_items(ITEMS + FRAME_ITEMS)
    return found, record


@pytest.fixture(scope="module")
def found(extracted):
    return extracted[0]


def test_items_are_well_formed():
    types = {f.type for f in default_frames().frames}
    assert len(ITEMS) >= 100
    for item in ITEMS:
        assert item.expect or item.absent, f"{item.id}: give expected events or absent types"
        assert all(len(e) in (3, 4) for e in item.expect), f"{item.id}: [type, agent, target(, date)]"
        assert item.types <= types, f"{item.id}: unknown event types {item.types - types}"


@pytest.mark.parametrize("item", [
    pytest.param(i, id=i.id, marks=[pytest.mark.xfail(strict=True, reason=i.known)] if i.known else [])
    for i in ITEMS])
def test_item(item, found):
    ok, why = checklist.judge(item, found[item.id])
    assert ok, f"{item.text!r}: {why}"


def test_every_trigger_entry_has_a_positive_and_a_negative_item(extracted):
    """Every word of every trigger of frames.yaml has a sentence of our own where it fires (an item that
    expects the frame's type and got a match from that entry) and one where the same word must not (an
    item that lists the type absent, with the frame tried on that word): dev/tools/trigger_coverage.py.
    A trigger another takes first everywhere ("drag" after a trigger that has it with the same subjects)
    shows here as one with no positive item: delete it."""
    missing = trigger_coverage.uncovered(ITEMS + FRAME_ITEMS, extracted[1])
    assert not missing, "trigger entries without items (give each a positive and a negative sentence of our own):\n" + \
        "\n".join(f"{frame}: '{word}' (in the frame's trigger {n} with it): no {why} item" for (frame, word, n), why in sorted(missing.items()))
