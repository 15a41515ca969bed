"""The behavioural test suite (tests/checklist/*.yaml): sentences of our own by capability and event
type.  Every item runs; the known failures (`known:` in the data) are xfail(strict=True), so a fix
that makes one pass fails here until its `known:` line is deleted (no silent drift)."""

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


@pytest.fixture(scope="module")
def found():
    return checklist.extract_items(ITEMS)  # one parse pass over every item


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
