"""World facts with validity dates: a capital or seat of government stands for the state of the
story's time (world_history.yaml), and states of the past are named as the press names them."""

from __future__ import annotations

import pytest
from diplograph.loaders.extract.world import HISTORICAL_STATES, Period, state_at
from test_extract import PADDING, events


@pytest.mark.parametrize("place,when,today,expected", [
    ("Belgrade", "1956-11-04", "RS", "YU"),
    ("Belgrade", "2010", "RS", "RS"),
    ("Moscow", "1970", "RU", "SU"),
    ("Moscow", "1991", "RU", "SU"),        # the Soviet Union still stood for most of 1991
    ("Moscow", "1992-01", "RU", "RU"),
    ("Prague", "1993", "CZ", "CZ"),        # Czechoslovakia ended on the year's first day
    ("Bonn", "1975", None, "BRD"),      # West Germany, as the press of the time named it
    ("Bonn", "1992-01", None, "DE"),       # reunified Germany's seat of government until the summer of 1999
    ("Bonn", "2001", None, None),          # a city again
    ("Berlin", "1961-08-13", "DE", None),  # divided: no one state's capital
    ("Lima", "1956", "PE", "PE"),          # no history listed: today's state
    ("Moscow", None, "RU", "RU"),          # no time known: today's state
])
def test_a_capital_stands_for_the_state_of_its_time(place, when, today, expected):
    assert state_at(place, when, today) == expected


def test_periods_compare_at_the_precision_given():
    ended = Period("X", "1950-05-10", "1960-03-01")
    assert ended.holds("1950") and ended.holds("1960") and ended.holds("1960-02") and not ended.holds("1960-03")
    assert not ended.holds("1949") and not Period("X", None, "1993-01-01").holds("1993")


def test_states_of_the_past_are_data():
    assert {"SU", "YU", "CS", "DD"} <= set(HISTORICAL_STATES)
    assert "Soviet" in HISTORICAL_STATES["SU"].demonyms


@pytest.mark.parametrize("published,agent", [("1961-03-06", "yugoslavia"), ("2015-03-06", "serbia")])
def test_a_capital_acting_is_the_state_of_the_story_time(published, agent):
    found = events("Belgrade recalled its ambassador from Paris on Monday after the arrest of two of its citizens. " + PADDING, published)
    assert ("RecallOfAmbassador", (agent,), ("france",)) in found


@pytest.mark.parametrize("published,agent", [("1975-06-02", "soviet-union"), ("2020-06-02", "russia")])
def test_a_seat_of_government_is_the_state_of_the_story_time(published, agent):
    found = events("The Kremlin expelled two Norwegian diplomats on Friday, accusing them of spying. " + PADDING, published)
    assert any(t == "ExpulsionOfDiplomats" and a == (agent,) for t, a, _ in found), found


def test_a_demonym_of_the_past_names_its_state():
    found = events("The dissident Pedro Lanza sought asylum at the Soviet embassy in Vienna on Monday. " + PADDING, "1970-05-04")
    assert any(t == "AsylumRequest" and "soviet-union" in target for t, _, target in found), found


def test_west_germany_is_named_as_the_press_of_its_time_named_it():
    found = events("West Germany recalled its ambassador from Tehran on Monday, the government in Bonn said. " + PADDING,
                   "1989-02-20")
    assert ("RecallOfAmbassador", ("west-germany",), ("iran",)) in found, found


def test_a_papal_envoy_is_the_holy_sees():
    found = events("Managua expelled the papal nuncio, Archbishop Tomasz Wielgosz, on Saturday. " + PADDING, "2022-03-12")
    assert ("ExpulsionOfDiplomats", ("nicaragua",), ("holy-see",)) in found, found


def test_every_state_of_the_past_writes_an_entity_the_registry_loads(tmp_path):
    """A state of the past is written with its ISO 3166-3 former code (or none): the entities file
    that `extract` writes for it must load."""
    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.extract.gazetteer import Gazetteer

    gaz = Gazetteer({})
    codes = [gaz.state(code).country for code in sorted(HISTORICAL_STATES)]
    assert "YU" in codes and "SU" in codes and None in codes   # West Germany: no code of its own
    (tmp_path / "entities.yaml").write_text("".join(
        f"- {{id: past-{i}, type: State, label: Past {i}" + (f", country_code: {c}}}\n" if c else "}\n")
        for i, c in enumerate(codes)), encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("[]\n", encoding="utf-8")
    assert len(load_corpus(tmp_path, texts=None).entities) == len(codes)


def test_a_code_that_never_was_is_still_refused(tmp_path):
    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.errors import CorpusError

    (tmp_path / "entities.yaml").write_text("- {id: x, type: State, label: X, country_code: XB}\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="ISO 3166"):
        load_corpus(tmp_path, texts=None)


def test_bonn_stands_for_reunified_germany_until_the_government_moved():
    found = events("Bonn recalled its ambassador from Belgrade on Monday, accusing Serbia of aggression. " + PADDING,
                   "1992-01-20")
    assert ("RecallOfAmbassador", ("germany",), ("yugoslavia",)) in found or any(
        t == "RecallOfAmbassador" and a == ("germany",) for t, a, _ in found), found
    found = events("Bonn recalled its ambassador from Belgrade on Monday, accusing Serbia of aggression. " + PADDING,
                   "2003-01-20")
    assert not any(t == "RecallOfAmbassador" and a == ("germany",) for t, a, _ in found), found
