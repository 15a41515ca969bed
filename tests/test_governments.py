"""Governments described rather than named (governments.py): which words make a description of a
government, of what kind, with which owner; which words tell a seizure of power.  The whole
resolution (whose state, which body) is run on sentences by tests/checklist/governments.yaml.

Every sentence here is our own invention.
"""

from __future__ import annotations

import pytest
from diplograph.loaders.extract.governments import (
    BODIES,
    HEADS,
    QUALIFIED,
    description,
    seized_power,
)
from diplograph.loaders.extract.parse import parse


def _described(text: str, word: str):
    doc = parse(text)
    head = next(t for t in doc if t.text == word)
    return description(head)


@pytest.mark.parametrize("text, word, kind, owner", [
    ("On Friday the junta expelled the French ambassador.", "junta", "junta", None),
    ("The military government of Colonel Assimi Toure recalled its envoy.", "government", "junta", "Toure"),
    ("Kofi Mensah's government recalled its ambassador from Togo.", "government", "government", "Mensah"),
    ("The Harjo administration suspended relations with Malaysia.", "administration", "government", "Harjo"),
    ("The transitional council recalled its ambassador from Sudan.", "council", "interim", None),
    ("The coup leaders expelled the Ghanaian ambassador.", "leaders", "junta", None),
    ("Kazakhstan recognised the interim government in May.", "government", "interim", None),
])
def test_a_government_described(text, word, kind, owner):
    found = _described(text, word)
    assert found is not None and found[0] == kind, found
    assert (found[1].text if found[1] is not None else None) == owner


@pytest.mark.parametrize("text, word", [
    ("The council expelled the French ambassador.", "council"),       # a council that rules nothing told
    ("The rulers of the old kingdom built the palace.", "rulers"),
    ("The government spokesman said nothing.", "government"),         # a compound: the spokesman is described
])
def test_not_a_government_described(text, word):
    assert _described(text, word) is None


def test_the_new_rulers_replaced_another():
    kind, owner, new = _described("In August the new rulers expelled the Peruvian ambassador.", "rulers")
    assert (kind, owner, new) == ("government", None, True)


@pytest.mark.parametrize("text, word, told", [
    ("Soldiers seized power in Niger in July.", "seized", True),
    ("The coup in Myanmar angered Thailand.", "coup", True),
    ("Army officers overthrew President Ana Ruiz in July.", "overthrew", True),
    ("Police seized the embassy's documents.", "seized", False),          # seizing is no coup without power
    ("The army took power on Sunday.", "took", True),
    ("Ghana took control of the talks.", "took", False),
    ("Ghana took part in the talks.", "took", False),
])
def test_a_seizure_of_power(text, word, told):
    doc = parse(text)
    assert seized_power(next(t for t in doc if t.text == word)) is told


def test_words_data_is_consistent():
    # every qualified noun names a government; the bodies are those a kind can be
    assert set(QUALIFIED.values()) <= {"government", "junta", "interim"}
    assert set(HEADS.values()) <= {"government", "junta", "interim"}
    assert set(BODIES) == {"junta", "interim"}
