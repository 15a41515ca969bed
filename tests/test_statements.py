"""Statements (loaders/extract/statements.py): who speaks, whom the words are about, and what is no
Statement.  Every sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities
BACKGROUND = "Mexico granted asylum to a former Peruvian minister on Monday, and Peru protested. "


def statements(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    article = parse_article((BACKGROUND + text).encode("utf-8"), published="2025-11-07")
    return {(tuple(e.agent), tuple(e.target)) for e in extract(article, REGISTRY, "test").events if e.type == "Statement"}


@pytest.mark.parametrize("sentence", [
    "Analysts in Lima said Mexico had broken the convention.",                       # unnamed speakers
    "A statement read on state television called Mexico's decision \"hostile\".",  # no one named speaks
    "Several diplomats said the move had taken Peru by surprise.",
])
def test_no_statement_from_unnamed_speakers(sentence):
    found = statements(sentence)
    assert not {a for agent, _ in found for a in agent} & {"peru", "mexico"}, found


def test_officials_placed_in_a_capital_speak_for_its_state():
    # located_speakers.py: "officials in Lima" are Peru's; a list of seats names no one state
    assert (("peru",), ("mexico",)) in statements("Officials in Lima said Mexico had broken the convention.")
    found = statements("Officials in Lima and Quito said Mexico had broken the convention.")
    assert not {a for agent, _ in found for a in agent} & {"peru", "ecuador"}, found


def test_no_statement_where_nothing_is_said():
    assert statements("Mexico's foreign ministry responded within hours, and its embassy closed for the day.") == set()


def test_a_spokesperson_or_an_office_speaks_for_the_one_it_names():
    found = statements("Sheinbaum's office said on Tuesday that Peru had \"broken every rule of asylum\".")
    assert (("claudia-sheinbaum",), ("peru",)) in found, found


def test_a_list_of_reactions_names_the_speaker_and_the_speakers_state_first():
    found = statements("Mexico — Claudia Sheinbaum, the president, said the protest was \"an insult to a tradition\".")
    assert any(agent == ("claudia-sheinbaum",) for agent, _ in found), found
    # an official the registry does not know speaks for the state heading the line: never its own target
    found = statements("Peru — Prime Minister Tomás Quispe said Peru regretted the decision and would not be "
                       "\"lectured by anyone\".")
    assert found and all("peru" not in target for _, target in found), found
    assert any("mexico" in target for _, target in found), found


def test_coordinated_speakers_make_one_statement_each():
    found = statements("Bolivia, Argentina and Peru voiced support for President Claudia Sheinbaum.")
    assert {("bolivia",), ("peru",)} <= {agent for agent, target in found if "claudia-sheinbaum" in target}, found


def test_the_speech_verbs_object_is_the_target():
    found = statements("Boluarte accused Mexico of meddling in Peru's affairs.")
    assert (("dina-boluarte",), ("mexico",)) in found, found


def test_quoted_words_that_only_announce_an_act_are_that_acts_announcement():
    article = parse_article((BACKGROUND + "\"Peru has decided to recall its ambassador from Mexico,\" Boluarte said on "
                             "Tuesday.").encode("utf-8"), published="2025-11-07")
    found = extract(article, REGISTRY, "test").events
    assert any(e.type == "RecallOfAmbassador" and e.agent == ["peru"] for e in found), found
    assert not any(e.type == "Statement" and e.agent == ["dina-boluarte"] for e in found), found
    # a verb that judges makes the words the point: a Statement
    found = statements("Boluarte condemned the asylum as \"an insult to the Peruvian people\".")
    assert any(agent == ("dina-boluarte",) for agent, _ in found), found


def test_reported_words_naming_no_one_are_addressed_to_the_other_side():
    found = statements("Peru's foreign minister, Tomás Quispe, said he deeply regretted what had happened.")
    assert any("mexico" in target and "peru" not in target for _, target in found), found


def test_a_follow_on_remark_goes_on_with_the_first():
    article = parse_article((BACKGROUND + "Peru's foreign minister, Tomás Quispe, said Mexico had broken the convention. "
                             "He added that Mexico had ignored two diplomatic notes.").encode("utf-8"), published="2025-11-07")
    found = [e for e in extract(article, REGISTRY, "test").events if e.type == "Statement" and e.agent == ["tomas-quispe"]]
    # "He added": since the twentieth session's convention the same remark goes on (continued_remarks.py):
    # one Statement, both sentences its evidence
    assert len(found) == 1 and "mexico" in found[0].target and found[0].sentences == {1, 2}, found


def test_what_the_speakers_own_description_names_is_not_spoken_about():
    found = statements("Tomás Quispe, a spokesman for Peru's foreign ministry, said the asylum was \"an unfriendly act\".")
    assert found and all("peru" not in target and "foreign-ministry-of-peru" not in target for _, target in found), found


def test_a_quotation_is_about_whom_its_own_speech_verb_names():
    found = statements("Sheinbaum issued a statement welcoming the envoys and calling Peru's government \"a regime\".")
    assert (("claudia-sheinbaum",), ("peru",)) in found, found


def test_a_speaker_never_speaks_about_their_own_side():
    # an official speaks for the state the article gives them: words about it go to the other side
    found = statements("Peru's information minister, Ana Ruiz, said Peru \"will not be lectured by anyone\".")
    assert found and all("peru" not in target for _, target in found), found
    assert any("mexico" in target for _, target in found), found
    # a journalist is no official: a national may speak about their own country
    found = statements("Peruvian journalist Ana Ruiz wrote that Peru \"must restore trust in its courts\".")
    assert any("peru" in target for _, target in found), found


def _statements_of(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    article = parse_article(text.encode("utf-8"), published="2025-11-07")
    return {(tuple(e.agent), tuple(e.target)) for e in extract(article, REGISTRY, "test").events if e.type == "Statement"}


def test_an_act_the_speech_verb_names_gives_the_target():
    # "the Bolivian decision": the act's author is named with it
    found = statements("Boluarte called the Bolivian decision \"an insult\".")
    assert (("dina-boluarte",), ("bolivia",)) in found, found
    # the speaker's own act ("the decision" = Peru's recall) is about the act's target, not the speaker's state
    found = _statements_of("Mexico and Peru traded accusations all week. Peru recalled its ambassador from Bolivia "
                           "on Tuesday. Peru's president, Dina Boluarte, called the decision \"overdue and necessary\".")
    assert any("bolivia" in target for agent, target in found if agent == ("dina-boluarte",)), found
    # "a similar step" refers to no act reported before
    found = _statements_of("Bolivia expelled Peru's ambassador on Tuesday. Chile's foreign minister, Ana Ruiz, said "
                           "she was weighing a similar step against Argentina.")
    assert not any("bolivia" in target for agent, target in found if agent == ("ana-ruiz",)), found


def test_a_body_the_text_does_not_name_again_speaks():
    # "It added": the body that spoke just before
    found = _statements_of(BACKGROUND + "Peru's foreign ministry said Mexico had broken the convention. It added that "
                           "Mexico had ignored two diplomatic notes.")
    # a ministry speaks for its state (the codebook), the ministry kept as the announcer
    assert [agent for agent, _ in found].count(("peru",)) >= 1, found
    article = parse_article((BACKGROUND + "Peru's foreign ministry said Mexico had broken the convention. It added that "
                             "Mexico had ignored two diplomatic notes.").encode("utf-8"), published="2025-11-07")
    by_ministry = [e for e in extract(article, REGISTRY, "test").events
                   if e.type == "Statement" and e.agent == ["peru"]
                   and e.fields.get("announced_by") == "foreign-ministry-of-peru"]
    # (one Statement, its two sentences, since the twentieth session's convention: continued_remarks.py)
    assert len(by_ministry) == 1 and "mexico" in by_ministry[0].target and len(by_ministry[0].evidence) == 2, by_ministry
    # "the foreign ministry" without its state: the state named before it in the sentence
    assert (("peru",), ("mexico",)) in statements(
        "In Lima, the foreign ministry said Mexico had broken the convention.")
    # a seat that houses the foreign ministry speaks as the ministry, i.e. for its state
    assert (("brazil",), ("mexico",)) in statements(
        "The Itamaraty said Mexico had acted within its rights.")
    # "It said" with no body speaking before: nobody named speaks
    assert not any(agent == ("mexico",) for agent, _ in statements("It said Mexico had broken the convention.")), \
        statements("It said Mexico had broken the convention.")


def test_a_participle_reports_the_words_of_its_clauses_subject():
    found = _statements_of(BACKGROUND + "Bolivia broke off relations with Peru on Tuesday, saying Peru had ignored "
                           "every warning.")
    assert (("bolivia",), ("peru",)) in found, found
    # what is said that is the act itself ("has not issued ..., stating it is analysing ...") is no Statement
    # (the background's "..., and Peru protested" is one since zstmt30: a bare protest by a party to an act
    # the article tells, speech_content.said_bare; so the sentence's own Statements are looked at)
    text = BACKGROUND + "The Peruvian government has not yet issued the safe passage Mexico asked for, stating it is analyzing the request."
    found = [e for e in extract(parse_article(text.encode("utf-8"), published="2025-11-07"), REGISTRY, "test").events
             if e.type == "Statement" and any("stating" in evidence for evidence in e.evidence)]
    assert not any(e.agent in (["peru"], ["government-of-peru"]) for e in found), found


def test_a_second_clause_with_its_own_speaker_is_a_statement_of_its_own():
    found = statements("Bolivia voiced support for Mexico, and the Kremlin warned Peru against any retaliation.")
    assert (("russia",), ("peru",)) in found, found
    assert any(agent == ("bolivia",) for agent, _ in found), found


def test_a_government_named_after_its_leader_is_that_leader_spoken_of():
    found = statements("Bolivia's foreign minister, Ana Ruiz, called the government of President Dina "
                       "Boluarte \"illegitimate\".")
    assert any("dina-boluarte" in target for agent, target in found if agent == ("ana-ruiz",)), found


def test_an_official_named_without_a_state_serves_the_state_whose_act_the_sentence_reports():
    # own side: Zambia, whose expulsion the sentence naming the minister reports, is not spoken about
    found = statements("Foreign Minister Grace Phiri announced on Monday that Zambia had expelled two Malawian "
                       "diplomats. Phiri later said the envoys had spied on Zambia for months and called their conduct shameful.")
    assert any(agent == ("grace-phiri",) and "zambia" not in target for agent, target in found), found


def test_the_person_an_act_is_done_to_does_not_serve_its_author():
    found = statements("Zambia declared the ambassador Peter Banda persona non grata on Monday. "
                       "Ambassador Banda later called Zambia's conduct shameful.")
    assert (("peter-banda",), ("zambia",)) in found, found


def test_a_demonym_qualifying_whom_the_words_address_names_its_state():
    found = statements("Attorney General Mark Hale wrote to the Russian justice minister that the suspect "
                       "would not face the death penalty.")
    assert any(agent == ("mark-hale",) and "russia" in target for agent, target in found), found
