"""'the engineer', 'the captain', 'the man': descriptions by a common noun resolved over the article
(person_descriptions.py), on real parses.  Every sentence here is our own invention."""

from __future__ import annotations

from test_coref import _resolve


def test_an_apposition_noun_describes_the_person_named():
    got = _resolve("Luis Vega, a Peruvian engineer, was held at the airport. Chile charged the engineer with spying.")
    assert got["the engineer@0"] == ("luis-vega",)


def test_a_rank_before_the_name_describes_the_person():
    got = _resolve("Captain Luis Vega seized the radio station. Bolivia granted the captain asylum in May.")
    assert got["the captain@0"] == ("luis-vega",)


def test_a_description_no_one_was_given_stays_unresolved():
    got = _resolve("Luis Vega, a Peruvian engineer, was held at the airport. Chile charged the pilot with spying.")
    assert "the pilot@0" not in got


def test_two_persons_so_described_leave_the_description_open():
    got = _resolve("Luis Vega, an engineer, and Pedro Lima, an engineer too, were held. Chile charged the engineer.")
    assert "the engineer@0" not in got


def test_the_man_is_the_one_man_in_reach():
    got = _resolve("Ana Ruiz met Carlos Ortega at the border. Chile arrested the man on Tuesday.")
    assert got["the man@0"] == ("carlos-ortega",)
    got = _resolve("Carlos Ortega met Luis Vega at the border. Chile arrested the man on Tuesday.")
    assert "the man@0" not in got   # two men: the clause cannot decide
