"""The words of modality, attempts and removals are one list each, in the data (review27 #1, #2, #4, #16):
every module that asks reads the same list, and the frames agree with it.

Every sentence here is our own invention.
"""

from __future__ import annotations

import pytest
from diplograph.loaders.extract import attempted_acts, coups, deposed, estranged
from diplograph.loaders.extract.frame_file import default_frames
from diplograph.loaders.extract.governments import WORDS
from diplograph.loaders.extract.language import modal_roles
from diplograph.loaders.extract.modality import going_to, has_modal, is_modal
from diplograph.loaders.extract.parse import parse


def test_the_frame_tries_the_same_removal_verbs_the_coup_and_fall_readers_know():
    coup = next(f for f in default_frames().frames if f.type == "CoupAttempt")
    tried = {w for t in coup.triggers if t.attempted for w in t.lemmas}
    assert tried == set(WORDS["deposing"]) == set(deposed.DEPOSING_LEMMAS)
    assert set(WORDS["deposing"]) <= coups.FORCIBLE_REMOVALS
    assert deposed.by_fall(["the", "overthrown"]) and not deposed.by_fall(["the", "elected"])


def test_every_attempt_reader_reads_the_one_list_of_failure_words():
    for word in WORDS["failed"]:
        assert word in attempted_acts.FAILED_WORDS and word in coups.UNACCOMPLISHED and word in estranged.TRYING_WORDS


def test_the_modal_roles_are_subsets_of_the_one_modal_list():
    roles = modal_roles("en")
    assert {w for w, r in roles.items() if "demand" in r} == {"should", "must", "ought"}
    assert {w for w, r in roles.items() if "forecast" in r} == {"will", "would"}
    assert "poder" in modal_roles("es") and not modal_roles("es")["poder"]


@pytest.mark.parametrize("text, verb, modal, role", [
    ("Chile said it won't recall its envoy.", "recall", True, "intent"),
    ("Chile said it can't recall its envoy.", "recall", True, "intent"),
    ("Chile said it'll recall its envoy.", "recall", True, "forecast"),
    ("Chile said Peru should recall its envoy.", "recall", True, "demand"),
    ("Chile said it recalled its envoy.", "recalled", False, None),
])
def test_a_modal_is_read_by_its_lemma(text, verb, modal, role):
    token = next(t for t in parse(text) if t.text == verb)
    assert has_modal(token) is modal
    if role:
        assert has_modal(token, role) and any(is_modal(c, role) for c in token.children)


@pytest.mark.parametrize("text, verb, future", [
    ("Peru is going to expel the Chilean ambassador.", "expel", True),
    ("Peru was going to recognise Kosovo but changed course.", "recognise", True),
    ("Peru was going to the border to expel the Chilean ambassador.", "expel", False),
    ("Peru expelled the Chilean ambassador.", "expelled", False),
])
def test_going_to_is_read_on_the_parse(text, verb, future):
    token = next(t for t in parse(text) if t.text == verb)
    assert going_to(token) is future
