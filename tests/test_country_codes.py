"""The state codes the project accepts (loaders/country_codes.py): ISO 3166-1, the former codes of
ISO 3166-3, and the user-assigned code of a state ISO lists under none (Kosovo, XK).  The registry,
the events table and the extractor's gazetteer read the same table."""

from __future__ import annotations

import pytest
from diplograph.loaders.country_codes import alpha3, known_state_code
from diplograph.loaders.extract.world_surfaces import state_naming, world_surfaces


@pytest.mark.parametrize(("code", "known"), [("PE", True), ("YU", True), ("XK", True), ("XX", False), ("ZZ", False)])
def test_known_state_codes(code, known):
    assert known_state_code(code) is known


@pytest.mark.parametrize(("code", "iso3"), [("PE", "PER"), ("SU", "SUN"), ("XK", "XKX"), ("XX", ""), (None, "")])
def test_alpha3(code, iso3):
    assert alpha3(code) == iso3


def test_a_state_outside_iso_is_named_and_indexed_like_the_others():
    assert state_naming("XK") == ("Kosovo", {"Kosovar", "Kosovan"})
    surfaces = {surface: target for surface, target in world_surfaces() if target[0] == "state:XK"}
    assert surfaces["Kosovo"] == ("state:XK", "name")
    assert surfaces["Pristina"] == ("state:XK", "capital")
    assert surfaces["Kosovar"] == ("state:XK", "demonym")


def test_a_state_is_named_as_the_press_names_it():
    assert state_naming("KR")[0] == "South Korea"
    assert state_naming("VA")[0] == "Holy See"


def test_an_unknown_code_is_refused_with_its_reason():
    with pytest.raises(KeyError, match="no state has the code 'XX'"):
        state_naming("XX")


def test_the_registry_accepts_a_state_outside_iso_and_refuses_an_unknown_code(corpus_copy):
    from diplograph.loaders.corpus import load_corpus
    from diplograph.loaders.errors import CorpusError

    with (corpus_copy / "entities.yaml").open("a", encoding="utf-8") as f:
        f.write("- {id: kosovo-test, type: State, label: Kosovo Test, country_code: XK}\n"
                "- {id: ruritania, type: State, label: Ruritania, country_code: XX}\n")
    with pytest.raises(CorpusError) as refused:
        load_corpus(corpus_copy)
    message = str(refused.value)
    assert "'XX' is not an ISO 3166-1 alpha-2 code" in message
    assert "'XK'" not in message
