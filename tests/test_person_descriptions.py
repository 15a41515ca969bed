"""'the engineer', 'the captain', 'the man': descriptions by a common noun resolved over the article
(person_descriptions.py), on real parses.  Every sentence here is our own invention."""

from __future__ import annotations

import re

from diplograph.loaders.extract.coref import resolve_referents
from diplograph.loaders.extract.gazetteer import Entity, Mention
from diplograph.loaders.extract.parse import parse
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


#: persons whose first names tell no gender (the world's name lists have neither)
UNTOLD = {e.id: e for e in (Entity("karim-haddad", "Person", "Karim Haddad"), Entity("nuri-baraka", "Person", "Nuri Baraka"))}


def _resolve_untold(text: str) -> dict[str, tuple[str, ...]]:
    """'the man@0' → ids, over mentions of the two persons above only."""
    mentions = [Mention(m.start(), m.end(), e.id, "Person", e.label, "name")
                for e in UNTOLD.values() for m in re.finditer(re.escape(e.label), text)]
    return {f"{text[a:b]}@0": ids for (a, b), ids in resolve_referents(parse(text), mentions, UNTOLD).items()}


def test_the_man_is_the_one_person_in_reach_of_untold_gender():
    got = _resolve_untold("Police detained Karim Haddad in Madrid. A court sentenced the man in May.")
    assert got["the man@0"] == ("karim-haddad",)
    got = _resolve_untold("Police detained Karim Haddad and Nuri Baraka in Madrid. A court sentenced the man in May.")
    assert "the man@0" not in got   # two of untold gender: either
    got = _resolve_untold("Karim Haddad ruled the country for years. On Monday the man who overthrew him won the election.")
    assert "the man@0" not in got   # the clause says who he is: someone else
