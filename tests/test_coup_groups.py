"""coup_groups: a coup told twice against the same leader is one coup; the group of men the text names
is its agent.  (The group's minting from the parse is checked by tests/checklist/zcoup30.yaml.)"""

from pathlib import Path

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article
from diplograph.loaders.extract.coup_groups import one_coup_per_leader
from diplograph.loaders.extract.events import Event

ROOT = Path(__file__).resolve().parents[1]
STATES = {"armed-forces-of-gabon": "gabon", "gabonese-officers-of-the-coup": "gabon",
          "armed-forces-of-mali": "mali"}
GROUPS = {"gabonese-officers-of-the-coup": "gabon"}


def _coup(i, agent, target, date=None, basis=None):
    fields = {"date": {"value": date, **({"basis": basis} if basis else {})}} if date else {}
    return Event(id=f"e{i}", type="CoupAttempt", agent=[agent], target=[target], fields=fields,
                 evidence=[f"telling {i}"], spans=[(i, i + 1)], sentences={i})


def test_the_same_coup_told_twice_is_one_and_keeps_both_tellings():
    events = one_coup_per_leader([_coup(0, "armed-forces-of-gabon", "ali-ndong", "2023-07-03"),
                                  _coup(1, "armed-forces-of-gabon", "ali-ndong", "2023-11-23",
                                        basis="the story's time, given by the dateline")], STATES.get, GROUPS)
    assert len(events) == 1 and events[0].evidence == ["telling 0", "telling 1"]


def test_a_weekday_counted_from_the_dateline_dates_its_own_coup():
    """"on Thursday" counted from the dateline is the act's own date, not the story's time: a coup years before
    against the same leader is another (zcoup38)."""
    events = one_coup_per_leader([_coup(0, "armed-forces-of-gabon", "ali-ndong", "1990-03-01",
                                        basis="'on Thursday' counted from the dateline (1990-03-03)"),
                                  _coup(1, "armed-forces-of-gabon", "ali-ndong", "1983-08")], STATES.get, GROUPS)
    assert len(events) == 2


def test_the_group_the_text_names_is_the_agent_of_the_one_coup():
    events = one_coup_per_leader([_coup(0, "armed-forces-of-gabon", "ali-ndong"),
                                  _coup(1, "gabonese-officers-of-the-coup", "ali-ndong")], STATES.get, GROUPS)
    assert [e.agent for e in events] == [["gabonese-officers-of-the-coup"]]


def test_two_dates_two_coups_and_other_states_forces_stay_apart():
    events = one_coup_per_leader([_coup(0, "armed-forces-of-gabon", "ali-ndong", "2009-03"),
                                  _coup(1, "armed-forces-of-gabon", "ali-ndong", "2013-05"),
                                  _coup(2, "armed-forces-of-mali", "ali-ndong")], STATES.get, GROUPS)
    assert len(events) == 3


def test_an_overthrow_and_the_detention_since_the_removal_are_one_coup():
    text = ("LIBREVILLE, November 23 — Since the army's overthrow of President "
            "Omar Ndong of Gabon on July 3, the council has ruled by decree. Ndong himself has been held by the "
            "army at a barracks since his removal.")
    registry = load_corpus(ROOT / "corpus", texts=None).entities
    found = extract(parse_article(text.encode("utf-8"), published="2025-11-24"), registry, "test").events
    assert [(e.agent, e.target) for e in found if e.type == "CoupAttempt"] == [(["armed-forces-of-gabon"], ["omar-ndong"])]
