"""Event identity (loaders/extract/identity.py): ids scoped by source; same-event candidates explicit."""

from __future__ import annotations

from diplograph.loaders.extract.identity import (
    ReportedEvent,
    dates_compatible,
    event_id,
    reported_events,
    same_as_candidates,
    source_short,
)


def test_two_articles_never_mint_the_same_event_id():
    a = event_id("bolivia-expels-envoys-1f2e3d4c", "ExpulsionOfDiplomats", ["bolivia"], ["mexico"])
    b = event_id("bolivia-expels-envoys-9a8b7c6d", "ExpulsionOfDiplomats", ["bolivia"], ["mexico"])
    assert a != b
    assert "expulsion-of-diplomats-bolivia-mexico" in a  # readable


def test_ids_are_deterministic_and_ordinals_separate_acts_of_one_article():
    first = event_id("src:002-2d1ef4a1174005c3", "RecallOfAmbassador", ["peru"], ["mexico"])
    assert first == event_id("src:002-2d1ef4a1174005c3", "RecallOfAmbassador", ["peru"], ["mexico"])
    assert first == "002-2d1ef4a1174005c3-recall-of-ambassador-peru-mexico"
    assert event_id("src:002-2d1ef4a1174005c3", "RecallOfAmbassador", ["peru"], ["mexico"], 2) == first + "-2"


def test_long_source_ids_are_shortened_without_collisions():
    one = source_short("a-very-long-article-file-name-about-an-embassy-raid-11111111")
    two = source_short("a-very-long-article-file-name-about-an-embassy-raid-22222222")
    assert one != two and len(one) <= 24 and one.startswith("a-very")


def test_many_parties_are_summarised():
    ident = event_id("s1", "ExpulsionOfDiplomats", ["nicaragua"], ["france", "germany", "italy", "spain"])
    assert ident == "s1-expulsion-of-diplomats-nicaragua-france-germany-and-others"


def test_same_as_candidates_carry_their_evidence_and_never_pair_one_source():
    claims_a = [{"event": "a-sev", "type": "SeveranceOfRelations", "agent": "peru", "target": "mexico",
                 "date": {"phrase": "on Monday", "value": "2025-11-03"}},
                {"event": "a-sev-2", "type": "SeveranceOfRelations", "agent": "peru", "target": "mexico"}]
    claims_b = [{"event": "b-sev", "type": "SeveranceOfRelations", "agent": "peru", "target": "mexico",
                 "date": {"phrase": "in November 2025", "value": "2025-11"}},
                {"event": "b-other", "type": "SeveranceOfRelations", "agent": "peru", "target": "venezuela"},
                {"event": "b-old", "type": "SeveranceOfRelations", "agent": "peru", "target": "mexico",
                 "date": {"value": "2022-12"}},
                {"tenure": {"holder": "x", "post": "y"}}]
    pairs = same_as_candidates(reported_events("a", claims_a) + reported_events("b", claims_b))
    found = {(p["event"], p["same_as"]) for p in pairs}
    assert ("a-sev", "b-sev") in found and ("a-sev-2", "b-sev") in found
    assert ("a-sev", "a-sev-2") not in found            # one source: its own ordinals decided that
    assert not any("b-other" in pair for pair in found)  # another target: another act
    assert ("a-sev", "b-old") not in found               # incompatible dates
    assert ("a-sev-2", "b-old") in found                 # undated on one side: still a candidate
    evidence = next(p for p in pairs if p["event"] == "a-sev" and p["same_as"] == "b-sev")["evidence"]
    assert evidence == {"type": "SeveranceOfRelations", "agent": ["peru"], "target": ["mexico"],
                        "dates": ["2025-11-03", "2025-11"]}


def test_candidates_against_a_reviewed_corpus():
    new = [ReportedEvent("x", "x-grant", "AsylumGrant", ("mexico",), ("betssy-chavez",), "2025-11")]
    corpus = [ReportedEvent("c1", "mexico-grants-asylum", "AsylumGrant", ("mexico",), ("betssy-chavez",), None),
              ReportedEvent("c2", "mexico-grants-asylum", "AsylumGrant", ("mexico",), ("betssy-chavez",), None)]
    pairs = same_as_candidates(new, corpus)
    assert [(p["same_as_source"], p["same_as"]) for p in pairs] == [("c1", "mexico-grants-asylum"),
                                                                     ("c2", "mexico-grants-asylum")]


def test_dates_compatible():
    assert dates_compatible("2025-11-03", "2025-11") and dates_compatible(None, "2020")
    assert not dates_compatible("2025-11-03", "2025-11-04")
