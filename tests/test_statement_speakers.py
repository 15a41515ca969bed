"""Statements found at all (loaders/extract/statements.py, speech.py, speech_speakers.py,
body_speakers.py): speakers the parse names, collective and body speakers, relative clauses,
nominal speech acts, and what is one remark or no remark.  Every sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract
from diplograph.loaders.extract.text import Article

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


def statements(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    article = Article(None, text, published="2025-11-07")  # short texts of our own: no length check
    return [(tuple(e.agent), tuple(e.target)) for e in extract(article, REGISTRY, "test").events if e.type == "Statement"]


def test_a_name_the_recogniser_finds_speaks_as_the_subject_of_a_speech_verb():
    found = statements("Kenya expelled the Somali ambassador on Monday. \"Our patience has run out,\" "
                       "Abdi Warsame told a rally in Mogadishu.")
    assert [agent for agent, _ in found] == [("abdi-warsame",)], found


@pytest.mark.parametrize("text, speaker", [
    (("Chad expelled the Sudanese ambassador on Thursday. Sudan's prime minister, Ali Kamil, cut short a visit to Cairo. "
     "His government said Chad had violated the border agreement."), "sudan"),
    ("Belarus detained the journalist Roman Pratasevich on Sunday. EU leaders demanded that Belarus release him.",
     "european-union"),
])
def test_a_collective_subject_speaks_for_the_state_or_body_its_modifier_names(text, speaker):
    found = statements(text)
    assert [agent for agent, _ in found] == [(speaker,)], found


def test_a_relative_clause_in_the_past_tells_a_remark_and_is_one_with_the_frames_statement():
    found = statements("Russia recognised the independence of Abkhazia on Monday. The move was denounced by "
                       "Georgia's president, Salome Zurabishvili, who called it an annexation.")
    assert found == [(("salome-zurabishvili",), ("russia",))], found


def test_the_ministry_after_an_act_is_the_acting_states():
    found = statements("Algeria recalled its ambassador from Madrid on Saturday. "
                       "\"Spain has betrayed its commitments,\" the ministry said.")
    assert found == [(("algeria",), ("spain",))], found  # a ministry speaks for its state (codebook)


def test_a_line_of_a_list_of_reactions_gives_the_ministry_its_state():
    found = statements("Russia recognised the independence of Abkhazia and South Ossetia on Tuesday.\n\n"
                       "France: The foreign ministry called the recognition a violation of Georgia's sovereignty.")
    assert (("france",), ("russia",)) in found, found  # a ministry speaks for its state (codebook)


@pytest.mark.parametrize("text", [
    # the reported clause before the speech verb: the source of a report of the act
    "Kenya recalled its ambassador from Somalia on Monday, Foreign Minister Musalia Mudavadi told reporters in Nairobi.",
    # a summons and a directive
    "On Tuesday, Foreign Minister Ana Duarte called the head of the EU delegation, Marta Lind, to the ministry.",
    "Iran's parliament voted to downgrade relations with Britain and told the government to send the ambassador home.",
    # an act the lead tells, announced again by a plain report
    ("Somalia severed diplomatic ties with Kenya on Monday.\n\nLate on Monday, Somalia's foreign ministry said it had "
    "informed Nairobi that it was cutting relations with immediate effect."),
])
def test_no_remark(text):
    assert statements(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Polish border guards detained two Belarusian soldiers on Sunday. Belarus sent Poland a protest note on Monday.",
     (("belarus",), ("poland",))),
    ("Chile closed the border on Friday. Peru lodged a formal protest with Chile on Saturday.",
     (("peru",), ("chile",))),
])
def test_a_speech_act_delivered_as_a_noun_is_a_statement(text, expected):
    assert statements(text) == [expected]


def test_a_headlines_remark_told_again_in_the_story_is_one_statement():
    found = statements("Activist leaves embassy after six days; Beijing demands apology\n\n"
                       "BEIJING, May 2 — The activist left the American embassy on Wednesday. "
                       "China demanded an apology from the United States for sheltering him.")
    assert found == [(("china",), ("united-states",))], found


def test_a_position_of_the_speakers_own_state_is_addressed_to_the_other_side():
    found = statements("Cambodia appointed Thaksin Shinawatra as an adviser on Wednesday. Thailand recalled its "
                       "ambassador from Phnom Penh. Prime Minister Abhisit Vejjajiva said Thailand would not close the border.")
    assert found == [(("abhisit-vejjajiva",), ("cambodia",))], found
