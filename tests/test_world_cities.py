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


def test_a_two_word_city_is_the_whole_name_not_its_last_word():
    """"New York" is the American city (our own list), never York; York alone keeps its own state."""
    york = _token("York", "GPE")
    new = SimpleNamespace(text="New", ent_type_="GPE", pos_="PROPN", dep_="compound", i=-1, head=york)
    york.subtree = [new, york]
    assert city_code(york) == "US"
    alone = _token("York", "GPE")
    assert city_code(alone) == "GB"
    # a longer name GeoNames does not know gives nothing rather than its last word's city
    port = _token("York", "GPE")
    port.subtree = [SimpleNamespace(text="Port", ent_type_="GPE", pos_="PROPN", dep_="compound", i=-1, head=port), port]
    assert city_code(port) is None
