"""Persons named after an honorific (honorific_names.py): the father's name after "bin" is no alias, stacked
honorifics and titles are no part of the name, "Amir" is a given name, and a word before the honorific is
part of a name only when the parse reads it as a proper noun of a name (sentences of our own)."""

from __future__ import annotations

import pytest
from test_persons_found import minted


def persons(text: str) -> dict:
    return {k: e for k, e in minted(text).items() if e.type == "Person"}


@pytest.mark.parametrize("text,person,father", [
    ("Emir Tamim bin Hamad recalled Qatar's ambassador from Cairo on Monday.", "tamim-bin-hamad", "Hamad"),
    ("Sheikh Mansour bin Zayed met the Egyptian envoy in Abu Dhabi on Sunday.", "mansour-bin-zayed", "Zayed"),
    ("Sheikha Latifa bint Rashid was seen in Dubai last week, her lawyers said.", "latifa-bint-rashid", "Rashid"),
])
def test_the_father_s_name_after_bin_is_no_alias(text, person, father):
    found = persons(text)
    assert person in found, sorted(found)
    assert father not in found[person].aliases, found[person].aliases


def test_a_surname_without_bin_stays_an_alias():
    found = persons("DHAKA — Sheikh Hasina Wazed fled to India on Monday, officials said.")
    assert "Wazed" in found["hasina-wazed"].aliases


@pytest.mark.parametrize("text", [
    "Qatar's Emir Sheikh Tamim bin Hamad Al Thani received the Iranian envoy on Monday.",
    "On Monday Emir Sheikh Tamim bin Hamad received the Iranian envoy in Doha.",
])
def test_stacked_honorifics_are_no_part_of_the_name(text):
    found = persons(text)
    assert not any(e.label.startswith(("Sheikh", "Emir")) for e in found.values()), [e.label for e in found.values()]
    assert any(e.label.startswith("Tamim") for e in found.values()), [e.label for e in found.values()]


@pytest.mark.parametrize("text,wrong", [
    ("Foreign Minister Amir Khan Muttaqi met the Pakistani envoy in Kabul on Sunday.", "khan-muttaqi"),
    ("Police arrested Imam Hasanov, a Chechen blogger, in Vienna on Friday.", "hasanov"),
])
def test_amir_and_imam_are_given_names(text, wrong):
    assert wrong not in persons(text), sorted(persons(text))


@pytest.mark.parametrize("text,wrong", [
    ("The Qatari Emir Tamim met the Saudi crown prince in Riyadh on Tuesday.", "tamim"),
    ("When Sheikh Hasina fled to India, the army took power in Dhaka.", "hasina"),
])
def test_a_word_before_the_honorific_is_of_a_name_only_as_a_proper_noun(text, wrong):
    assert wrong in persons(text), sorted(persons(text))


def test_a_word_of_a_name_before_sheikh_keeps_the_whole_name():
    found = persons("Somalia's president, Hassan Sheikh Mohamud, said on Monday that Ethiopia had violated its sovereignty.")
    assert "mohamud" not in found, sorted(found)
