"""The state codes the project accepts, in one place: ISO 3166-1 alpha-2 (pycountry), the former
codes of ISO 3166-3 for states of the past (YU, SU, DD, CS), and the user-assigned code of a state
the press names that ISO lists under none (Kosovo, XK, as GeoNames, the EU and the World Bank code
it: a dateline "PRISTINA, Nov 5 —" is placed there).
"""

from __future__ import annotations

import pycountry

#: alpha-2 → (the state's name, its alpha-3) for the states ISO 3166-1 gives no code
STATES_OUTSIDE_ISO: dict[str, tuple[str, str]] = {"XK": ("Kosovo", "XKX")}


def known_state_code(code: str) -> bool:
    """Whether a registry's ``country_code`` names a state: today's, of the past, or outside ISO."""
    return (pycountry.countries.get(alpha_2=code) is not None
            or pycountry.historic_countries.get(alpha_2=code) is not None
            or code in STATES_OUTSIDE_ISO)


def alpha3(alpha2: str | None) -> str:
    """The alpha-3 code for an alpha-2 one ('' when there is none): a state of the past keeps its
    former code (ISO 3166-3: YUG, SUN)."""
    if not alpha2:
        return ""
    if alpha2 in STATES_OUTSIDE_ISO:
        return STATES_OUTSIDE_ISO[alpha2][1]
    country = pycountry.countries.get(alpha_2=alpha2) or pycountry.historic_countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else ""
