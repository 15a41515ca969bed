"""The world's cities (world_cities.py): a provincial city gives its state; a name two states'
cities share, a small town, a person's name or a common word give none."""

from __future__ import annotations

from types import SimpleNamespace

from diplograph.loaders.extract.world_cities import _codes, city_code


def _token(text: str, ent: str, pos: str = "PROPN"):
    token = SimpleNamespace(text=text, ent_type_=ent, pos_=pos, dep_="pobj", i=0)
    token.head = token
    token.subtree = [token]
    return token


def test_provincial_cities_have_their_state():
    codes = _codes()
    assert codes["pskov"] == "RU" and codes["gaziantep"] == "TR" and codes["velikiy novgorod"] == "RU"


def test_shared_and_small_names_have_none():
    codes = _codes()
    assert "cordoba" not in codes and "hamilton" not in codes   # cities of two states at that size
    assert "luhamaa" not in codes                                 # a border post, no city


def test_place_tag_or_place_position():
    assert city_code(_token("Pskov", "GPE")) == "RU"
    assert city_code(_token("Tomsk", "ORG")) is None             # not tagged a place, no place's position
    assert city_code(_token("Tomsk", "ORG"), placed=True) == "RU"  # "investigators in Tomsk"


def test_persons_and_common_words_place_nothing():
    assert city_code(_token("Florence", "PERSON"), placed=True) is None
    assert city_code(_token("split", "", pos="VERB"), placed=True) is None
