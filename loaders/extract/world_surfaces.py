"""The world's states as the gazetteer indexes them: every state's names, demonyms and capitals as
surfaces, and the name and aliases a state is minted with.  Names and codes come from pycountry
(ISO 3166-1), then from ``country_codes.STATES_OUTSIDE_ISO`` for the states it lists under no code (Kosovo,
XK), so a code any of our tables gives (GeoNames' cities included) names a state.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pycountry

from ..country_codes import STATES_OUTSIDE_ISO
from .world import (
    CAPITALS,
    DEMONYMS,
    DEMONYMS_OF_A_PERIOD,
    HISTORICAL_STATES,
    OTHER_NAMES,
    SHARED_SHORT_NAMES,
)


def _table_names(code: str) -> tuple[str, str | None, str | None] | None:
    """A state's name, common name and official name as its code's table gives them, or None for a
    code no table knows."""
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        return country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)
    if code in STATES_OUTSIDE_ISO:
        return STATES_OUTSIDE_ISO[code][0], None, None
    return None


def _codes() -> Iterator[str]:
    yield from (country.alpha_2 for country in pycountry.countries)
    yield from STATES_OUTSIDE_ISO


@functools.lru_cache(maxsize=4)
def world_surfaces(language: str = "en") -> tuple[tuple[str, tuple[str, str]], ...]:
    """Every state's names, demonyms and capitals as (surface, ("state:XX", kind)), in the order the
    gazetteer indexes them (built once per process, not once per article); another language adds
    the names and demonyms its language file gives ("México", "chileno")."""
    out = []
    for code in _codes():
        names = set(_table_names(code) or ()) | set(OTHER_NAMES.get(code, ()))
        for name in filter(None, names):
            if "," not in name:
                out.append((name, ("state:" + code, "name")))
        for demonym in DEMONYMS.get(code, ()):
            out.append((demonym, ("state:" + code, "demonym")))
            if demonym.endswith(("an", "i")):  # the nationals themselves: "expelled 23 Russians", "two Israelis"
                out.append((demonym + "s", ("state:" + code, "demonym")))
        for capital in CAPITALS.get(code, ()):
            out.append((capital, ("state:" + code, "capital")))
    for name, states in SHARED_SHORT_NAMES.items():   # "Congo": each state's too (article_mentions.py chooses)
        out += [(name, ("state:" + code, "name")) for code, _ in states]
    # states of the past ("the Soviet Union", "Yugoslav")
    for code, past in HISTORICAL_STATES.items():
        out += [(name, ("state:" + code, "name")) for name in (past.name, *past.aliases)]
        out += [(demonym, ("state:" + code, "demonym")) for demonym in past.demonyms]
    for code, forms in DEMONYMS_OF_A_PERIOD.items():
        out += [(demonym, ("state:" + code, "demonym")) for demonym in forms]
    if language != "en":
        from .language import world_words

        for code, names in world_words(language, "country_names").items():
            out += [(name, ("state:" + code, "name")) for name in names]
        for code, forms in world_words(language, "demonyms").items():
            out += [(form, ("state:" + code, "demonym")) for form in forms]
    return tuple(out)


def state_naming(code: str) -> tuple[str, set[str]]:
    """The name a state is minted with (the press's: its common name, a short name for the 'Korea,
    Republic of' kind) and its aliases (the press's other names, its demonyms).  KeyError for a code
    no table knows."""
    names = _table_names(code)
    if names is None:
        raise KeyError(f"no state has the code {code!r} (not in ISO 3166-1 nor in country_codes.STATES_OUTSIDE_ISO)")
    iso_name, common_name, _ = names
    name = common_name or iso_name
    others = [n for n in OTHER_NAMES.get(code, ()) if not n.startswith("the ")]
    if "," in name or "Federation" in name:
        name = others[0] if others else name.split(",")[0]
    name = name.split(" (")[0]   # "Holy See (Vatican City State)": the press says "Holy See"
    aliases = set(DEMONYMS.get(code, ())) | set(others) | {iso_name} - {name}
    return name, {a for a in aliases if "," not in a}
