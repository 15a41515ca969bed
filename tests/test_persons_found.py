"""Persons an article introduces (names.py, described_persons.py, patron_states.py): sentences of our own
from many naming traditions, and the places, bodies and papers that must stay no person."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import parse_article
from diplograph.loaders.extract.pipeline import _Extractor

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


#: a sentence that names no one, to make an article of the right length
PADDING = ("The dispute has deepened over the past weeks, analysts in the region said, and both governments "
           "have traded accusations about the case at the centre of it.")


def extractor(text: str) -> _Extractor:
    ex = _Extractor(parse_article((text + " " + PADDING).encode("utf-8"), published="2025-11-07"), REGISTRY, "test")
    ex.run()
    return ex


def minted(text: str) -> dict:
    """The entities the article added to the gazetteer (whether or not an event used them)."""
    return {k: e for k, e in extractor(text).gaz.entities.items() if e.new}


@pytest.mark.parametrize("text,person,alias", [
    # Fijian, described in an apposition; the recogniser calls the name a place
    (("Josefa Ratu, the Fijian dictator, expelled the New Zealand high commissioner on Friday. Ratu said the envoy "
     "had meddled."), "josefa-ratu", "Ratu"),
    # one word, described
    ("Kohver, an Estonian security officer, was sentenced by a Russian court on Wednesday.", "kohver", None),
    # a courtesy word before a surname is no part of it
    ("Mrs Wanjiru condemned the expulsion on Monday. Wanjiru is a senior figure in Nairobi.", "wanjiru", None),
    ("Ms Rangi, a Maori activist, was arrested by police in Auckland on Friday.", "rangi", None),
    ("Dr Tedros, the Ethiopian diplomat, was charged in Addis Ababa on Friday.", "tedros", None),
    # the description before the name, in apposition
    ("The Kazakh dissident, Nurlan Sarsenbayev, fled to Kyiv on Monday. Sarsenbayev said he feared arrest.",
     "nurlan-sarsenbayev", "Sarsenbayev"),
])
def test_described_persons_are_found(text, person, alias):
    found = minted(text)
    assert person in found and found[person].type == "Person", sorted(found)
    assert alias is None or alias in found[person].aliases
    assert not any(k.startswith(("dr-", "ms-", "mrs-", "mr-")) for k in found)


@pytest.mark.parametrize("text,name", [
    ("Kramatorsk, a frontline city, was shelled on Monday.", "kramatorsk"),
    ("Rosneft, the state oil company, signed the deal on Monday. Rosneft said it would pay.", "rosneft"),
    ("Wagner, the mercenary group, seized the airport on Friday.", "wagner"),
    ("Amnesty International, a rights group, condemned the arrest of the journalist.", "amnesty-international"),
])
def test_places_and_bodies_described_are_no_persons(text, name):
    found = minted(text)
    assert name not in found or found[name].type != "Person"


def test_a_title_across_a_verb_is_the_object_s():
    ex = extractor("Amara Kone, who summoned the French ambassador on Tuesday, said relations were under review.")
    assert "amara-kone" in ex.gaz.entities and "amara-kone" not in ex.person_posts, ex.person_posts
    ex = extractor("Amara Kone, the French ambassador, said on Tuesday that relations were under review.")
    assert ex.gaz.state_of(ex.person_posts.get("amara-kone")) == "france"


def test_a_named_patron_gives_the_state():
    ex = extractor("President Ivan Horvat of Croatia and President Marko Petrovic of Serbia met on Sunday. "
                   "Petrovic's foreign minister, Dragan Ilic, spoke on Monday.")
    assert ex.gaz.state_of(ex.person_posts.get("marko-petrovic")) == "serbia"
    assert ex.person_states.get("dragan-ilic") == "serbia"


@pytest.mark.parametrize("text,person,short", [
    ("Abdel Karim al-Masri, a Syrian activist, was arrested in Damascus on Monday. Al-Masri denied the charges.",
     "abdel-karim-al-masri", "Al-Masri"),
    ("Police in Baghdad detained Hamid al-Zubaidi on Tuesday. Al-Zubaidi had criticised the government.",
     "hamid-al-zubaidi", "Al-Zubaidi"),
])
def test_a_surname_with_a_joined_article_is_one_person(text, person, short):
    found = minted(text)
    assert person in found and short in found[person].aliases, {k: e.aliases for k, e in found.items()}
    assert [k for k, e in found.items() if e.type == "Person"] == [person]


def test_an_office_of_a_state_s_body_is_no_office_of_the_state():
    """'The president of Chile's Senate, Ana Ruiz': the Senate's president, not Chile's (review21 finding 7)."""
    ex = extractor("The president of Chile's Senate, Ana Ruiz, condemned the expulsion on Monday.")
    assert ex.gaz.state_of(ex.person_posts.get("ana-ruiz")) != "chile", ex.person_posts
    ex = extractor("The president of Chile, Ana Ruiz, condemned the expulsion on Monday.")
    assert ex.gaz.state_of(ex.person_posts.get("ana-ruiz")) == "chile", ex.person_posts


def test_a_regnal_number_ends_the_name_and_the_name_before_it_is_the_short_form():
    # (zname38) "King Tomas IV": one person, "Tomas" his short form, not the number
    found = minted("King Tomas IV said on Monday that Russia had insulted Norway. Tomas spoke in Oslo.")
    assert "tomas-iv" in found and found["tomas-iv"].type == "Person", sorted(found)
    assert "Tomas" in found["tomas-iv"].aliases and "IV" not in found["tomas-iv"].aliases


def test_a_lone_capital_i_after_a_titled_name_is_the_pronoun_not_a_regnal_number():
    found = minted("The envoy said that under President Ruiz I had no access to the foreign minister of Peru.")
    assert not any(k.endswith("-i") for k in found), sorted(found)


def test_a_surname_with_a_particle_is_called_by_it_and_not_by_a_capitals_name():
    # (zname38) "Marta de Lima": "de Lima", "De Lima" (a sentence's first words); "Lima" is Peru's capital
    found = minted("Venezuelan police arrested Marta de Lima on Friday. De Lima said the arrest was illegal.")
    person = found["marta-de-lima"]
    assert {"de Lima", "De Lima"} <= person.aliases and "Lima" not in person.aliases
    # a surname that names no state keeps its word alone as well
    found = minted("Dutch police arrested the activist Pieter van Dolder on Friday. Van Dolder said the arrest was illegal.")
    person = found["pieter-van-dolder"]
    assert {"van Dolder", "Van Dolder", "Dolder"} <= person.aliases
