"""Scoring the extractor (graph/evaluate.py): the date metric counts a missing date as wrong."""

from __future__ import annotations

from types import SimpleNamespace

from diplograph.graph.evaluate import EvalReport, GoldEvent, _score
from diplograph.loaders.extract.pipeline import Event


def extracted(event_id: str, agent: str, target: str, date: dict | None = None) -> Event:
    return Event(event_id, "Expulsion", [agent], [target], {"date": date} if date else {}, ["Our own sentence."])


def test_found_events_without_their_date_count_as_wrong_dates():
    gold = {
        "e1": GoldEvent("e1", "Expulsion", {"peru"}, {"mexico"}, {"2025-11-03"}),
        "e2": GoldEvent("e2", "Expulsion", {"chile"}, {"russia"}, {"2025-03"}),
        "e3": GoldEvent("e3", "Expulsion", {"bolivia"}, {"chile"}, {"2024-01-05"}),
        "e4": GoldEvent("e4", "Expulsion", {"ecuador"}, {"mexico"}),          # the gold gives no date: not scored
    }
    extraction = SimpleNamespace(sentences=[], events=[
        extracted("x1", "peru", "mexico", {"phrase": "on Monday, November 3, 2025", "value": "2025-11-03"}),
        extracted("x2", "chile", "russia", {"phrase": "on 4 March 2025", "value": "2025-03-04"}),  # finer: agrees
        extracted("x3", "bolivia", "chile"),                                                        # no date
        extracted("x4", "ecuador", "mexico", {"phrase": "in 2020", "value": "2020"}),
    ])
    report = _score("src", gold, extraction, names={}, minted={}, published="2025-11-10")
    assert report.score.tp == 4
    assert (report.dated_right, report.dated_gold) == (2, 3)          # the honest figure: x3 carries no date
    assert (report.dates_right, report.dates_compared) == (2, 2)      # the old one: only where both sides date
    assert [d.split()[1] for d, _ in report.date_misses] == ["e3"]
    assert (report.dated_anyway, report.undated_gold) == (1, 1)       # x4 dated where the text gives no date
    text = EvalReport([report]).as_text()
    assert "dates: 2/3 = 0.67 of matched events the gold dates carry the right date" in text
    assert "dates: 2/2 matched events with both dates agree" in text
    assert "dates: 1/1 matched events the gold leaves undated are dated all the same" in text
    assert "DATE  Expulsion e3" in text


def test_a_wrong_date_is_wrong_in_both_figures():
    gold = {"e1": GoldEvent("e1", "Expulsion", {"peru"}, {"mexico"}, {"2025-11-03"})}
    extraction = SimpleNamespace(sentences=[], events=[
        extracted("x1", "peru", "mexico", {"phrase": "on Friday", "value": "2025-11-07"})])
    report = _score("src", gold, extraction, names={}, minted={}, published="2025-11-10")
    assert (report.dated_right, report.dated_gold, report.dates_right, report.dates_compared) == (0, 1, 0, 1)


def test_of_two_reviewed_acts_that_fit_alike_the_one_told_in_the_same_words_is_matched():
    gold = {
        "monday": GoldEvent("monday", "Expulsion", {"peru"}, {"mexico"}, {"2025-11-03"},
                            quotes=["Peru expelled the consul on Monday"]),
        "friday": GoldEvent("friday", "Expulsion", {"peru"}, {"mexico"}, {"2025-11-07"},
                            quotes=["On Friday Peru expelled two attachés"]),
    }
    friday = Event("x1", "Expulsion", ["peru"], ["mexico"], {"date": {"phrase": "On Friday", "value": "2025-11-07"}},
                   ["On Friday Peru expelled two attachés of the embassy."])
    report = _score("src", gold, SimpleNamespace(sentences=[], events=[friday]), names={}, minted={}, published="2025-11-10")
    assert report.score.tp == 1 and (report.dated_right, report.dated_gold) == (1, 1)
    assert [d.split()[1] for d, _ in report.misses] == ["monday"]


def test_a_wrong_date_is_counted_by_its_cause():
    from diplograph.graph.evaluate import date_miss_cause
    assert date_miss_cause({"1971-10-08"}, None, "no date") == "no date"
    assert date_miss_cause({"1971-10-08"}, "2020-10-08", "on 8 October") == "wrong year"
    assert date_miss_cause({"2010-02-18"}, "2010-02-19", "on Friday") == "wrong day (weekday)"
    assert date_miss_cause({"2010-02-18"}, "2010-02-19", "the next day") == "wrong day"
    assert date_miss_cause({"2018-03"}, "2019-04-11", "within hours") == "wrong precision"
    assert date_miss_cause({"2013-07-03"}, "2013-11-23", "on Saturday") == "wrong month"


def test_a_minted_organ_is_the_reviewed_organ_of_its_state_that_bears_its_word():
    """'Ecuador's Congress voted ...' with no legislature of Ecuador in the extractor's registry mints
    'Congress of Ecuador'; the reviewers' registry calls it 'National Congress of Ecuador' (our own
    entries below): the same organ of the same state, the organ's word in its name."""
    from diplograph.graph.evaluate import _same_entity, organ_key

    names = {"national-congress-of-ecuador": ("national congress of ecuador", set(), organ_key("Legislature", "ecuador")),
             "senate-of-chile": ("senate of chile", set(), organ_key("Legislature", "chile")),
             "national-congress-of-chile": ("national congress of chile", set(), organ_key("Legislature", "chile"))}
    minted = {"congress-of-ecuador": ("congress of ecuador", {"ecuador's congress"}, False, organ_key("Legislature", "ecuador")),
              "congress-of-chile": ("congress of chile", {"chile's congress"}, False, organ_key("Legislature", "chile")),
              "parliament-of-ecuador": ("parliament of ecuador", set(), False, organ_key("Legislature", "ecuador")),
              "police-of-ecuador": ("police of ecuador", set(), False, organ_key("GovernmentBody", "ecuador"))}
    assert _same_entity("congress-of-ecuador", "national-congress-of-ecuador", names, minted)
    assert _same_entity("congress-of-chile", "national-congress-of-chile", names, minted)
    assert not _same_entity("congress-of-chile", "senate-of-chile", names, minted)            # another chamber
    assert not _same_entity("congress-of-ecuador", "national-congress-of-chile", names, minted)  # another state
    assert not _same_entity("parliament-of-ecuador", "national-congress-of-ecuador", names, minted)   # not its word
    assert not _same_entity("police-of-ecuador", "national-congress-of-ecuador", names, minted)   # another kind
    # (the tuples of the tools that build their own, without the organ, still match by name only)
    assert not _same_entity("congress-of-ecuador", "x", {"x": ("national congress of ecuador", set())},
                            {"congress-of-ecuador": ("congress of ecuador", set(), False)})


def test_a_match_made_only_through_a_later_value_of_a_role_is_counted_beside_all():
    # a role matches when any value is shared, so an event that lists more guesses matches more often;
    # eval says how many of its matches needed a guess beyond the first
    gold = {
        "e1": GoldEvent("e1", "Expulsion", {"peru"}, {"mexico"}),
        "e2": GoldEvent("e2", "Expulsion", {"chile"}, {"russia"}),
    }
    first = Event("x1", "Expulsion", ["peru"], ["mexico", "spain"], {}, ["Our own sentence."])
    later = Event("x2", "Expulsion", ["chile"], ["cuba", "russia"], {}, ["Our own sentence."])
    report = _score("src", gold, SimpleNamespace(sentences=[], events=[first, later]), names={}, minted={},
                    published="2025-11-10")
    assert report.score.tp == 2 and report.later_value_matches == 1
    assert "matches made only through a role's second or later value: 1 of 2" in EvalReport([report]).as_text()


def test_role_matching_any_first_all():
    # "any": one shared value; "first": the actor the extractor chose; "all": no value the reviewer did not name
    gold = {
        "e1": GoldEvent("e1", "Expulsion", {"peru"}, {"mexico"}),
        "e2": GoldEvent("e2", "Expulsion", {"chile"}, {"russia"}),
        "e3": GoldEvent("e3", "Expulsion", {"bolivia"}, {"cuba", "venezuela"}),   # the reviewer accepts either
    }
    events = [Event("x1", "Expulsion", ["peru"], ["mexico", "spain"], {}, ["Our own sentence."]),
              Event("x2", "Expulsion", ["chile"], ["cuba", "russia"], {}, ["Our own sentence."]),
              Event("x3", "Expulsion", ["bolivia"], ["venezuela", "cuba"], {}, ["Our own sentence."])]
    scores = {roles: _score("src", gold, SimpleNamespace(sentences=[], events=events), names={}, minted={},
                            published=None, roles=roles).score for roles in ("any", "first", "all")}
    assert (scores["any"].tp, scores["any"].fp) == (3, 0)
    assert (scores["first"].tp, scores["first"].fp, scores["first"].fn) == (2, 1, 1)   # x2 chose cuba
    assert (scores["all"].tp, scores["all"].fp, scores["all"].fn) == (1, 2, 2)         # x1 adds spain, x2 cuba
