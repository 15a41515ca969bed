"""The actor dictionary of persons (person_dictionary.py): which roles count at the story's date,
namesakes of two states, surnames alone; its converter (dev/tools/actor_dictionary.py); the curated
supplement of 2014-2025 merged into it and its check (dev/tools/check_actor_supplement.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from diplograph.loaders.extract.person_dictionary import (
    SUPPLEMENT_FILE,
    Role,
    _merged,
    dictionary_state,
    name_key,
    organisation_id,
    state_at,
)

ROOT = Path(__file__).resolve().parents[1]


def _converter(name="actor_dictionary"):
    spec = importlib.util.spec_from_file_location(name, ROOT / f"dev/tools/{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # (its dataclass looks its module up there)
    spec.loader.exec_module(module)
    return module


def test_roles_at_the_story_date():
    roles = (Role("CM", "ELI", "1951-01-01", "1975-06-30"), Role("GA", "GOV", "1990-01-01", "2000-01-01"),
             Role("CM", "ELI", "-", "-"))
    assert state_at(roles, "1995-05-01") == "GA"      # a covering role decides
    assert state_at(roles, "1970-05-01") == "CM"
    assert state_at(roles, "2010-05-01") == "CM"      # none covers: the undated role (listed as CM's elite)
    dated = (Role("MZ", "GOV", "2008-04-01", "-"),)
    assert state_at(dated, "2010-06-04") == "MZ"
    assert state_at(dated, "1995-06-02") is None      # before every role: the dictionary does not know him yet
    former = (Role("VE", "GOV", "1999-02-02", "2013-03-05"),)
    assert state_at(former, "2019-01-01") == "VE"     # after it: a former official stays his state's national
    assert state_at(former, "2019-01-01", {"VE", "CO"}) == "VE"   # where the story names his state
    assert state_at(former, "2019-01-01", {"CO"}) is None


def test_names_full_only_and_one_state():
    assert dictionary_state(["Paul Biya"], "2019-03-08") == "CM"
    assert dictionary_state(["Sergei Lavrov"], "2020-01-01") == "RU"      # a variant of the entry
    assert dictionary_state(["Sérgei  LAVROV"], "2020-01-01") == "RU"      # accents, case, spaces aside
    assert dictionary_state(["Lavrov"], "2020-01-01") is None              # a surname alone: never
    assert dictionary_state(["Salva Kiir"], "2019-03-08") is None          # held under two states (SD, SS)
    assert dictionary_state(["Nobody Atall"], "2019-03-08") is None
    assert name_key("Mohamed Ould Abdel-Aziz") == "mohamed ould abdel aziz"


def test_converter_keeps_persons_their_variants_and_state_roles():
    source = """CAMEROON_  [CMR]
+CAMEROONIAN_
PAUL_BIYA_  # CountryInfo.txt
+BIYA_
+PRESIDENT_PAUL_BIYA_
+PAUL_BARTHELEMY_BIYA_
\t[CMRELI 510101-750630]
\t[CMRGOV >821106]
\t[CMRELI]
\t[IGOUNO 900101-910101]
CROATIA_
+REPUBLIC_OF_CROATIA_
# Presidents
IVO_JOSIPOVIC_
JOSIPOVIC_
\t[HRVGOV >20120219]
NATIONAL_ARMY_
\t[CMRMIL]
JOHN_DOE_  # CountryInfo.txt
\t[BMUGOV 030101-040101]
""".splitlines(keepends=True)
    found = {p.names[0]: p for p in _converter().persons(source)}
    assert set(found) == {"Paul Biya", "Ivo Josipovic"}   # no country, institution or territory's official
    biya = found["Paul Biya"]
    assert biya.names == ["Paul Biya", "Paul Barthelemy Biya"]   # no surname alone, no titled variant
    assert biya.roles == [("CM", "ELI", "1951-01-01", "1975-06-30"), ("CM", "GOV", "1982-11-06", "-"),
                          ("CM", "ELI", "-", "-")]
    assert found["Ivo Josipovic"].roles == [("HR", "GOV", "2012-02-19", "-")]


def test_converted_file_names_its_source():
    head = (ROOT / "loaders/extract/actors_persons.tsv").read_text(encoding="utf-8")[:600]
    assert "openeventdata/petrarch2" in head and "MIT" in head and "commit " in head


def test_converter_gives_roles_before_a_succession_to_the_older_state():
    source = """GEORGIA_  [GEO]
\t[USRGEO <910409]
RUSSIA_  [RUS]
ANNA_PETROVA_  # CountryInfo.txt
\t[RUSELI 700101-850101]
\t[RUSGOV 880101-950101]
\t[RUSELI]
NINO_BERIDZE_  # CountryInfo.txt
\t[GEOGOV >920101]
""".splitlines(keepends=True)
    found = {p.names[0]: p for p in _converter().persons(source)}
    assert found["Anna Petrova"].roles == [("SU", "ELI", "1970-01-01", "1985-01-01"),      # before: the Soviet Union's
                                          ("SU", "GOV", "1988-01-01", "1991-12-26"),      # split at the day
                                          ("RU", "GOV", "1991-12-26", "1995-01-01"),
                                          ("RU", "ELI", "-", "-")]                         # undated: the successor's
    assert found["Nino Beridze"].roles == [("GE", "GOV", "1992-01-01", "-")]               # after the source's day


def test_converter_adds_an_organisations_roles_to_the_person_of_that_name():
    countries = _converter().persons("""KOREA_  [KOR]
JOHN_KIM_  # CountryInfo.txt
\t[KORGOV 040101-061201]
""".splitlines(keepends=True))
    international = """THE_UNITED_NATIONS_ [IGOUNO]
JOHN_KIM_
+SECRETARY-GENERAL_JOHN_KIM_
\t[IGOUNO >20070101]
JOHN_KIM_\t[IGOUNO >20070101]
ANNA_BERG_\t[IGOEUREEC 650701-651231] # president of the CoEU from ITALY
MONITORS_\t[IGOUNO]
OTTO_LANG_\t[IGOWSTNAT 800101-850101]
""".splitlines(keepends=True)
    converter = _converter()
    found = {p.names[0]: p for p in converter.merged(countries, converter.officials(international, {}))}
    assert set(found) == {"John Kim", "Otto Lang"}   # no organisation, no minister in the Council's chair
    assert found["John Kim"].names == ["John Kim"]   # no titled variant; its second entry added once
    assert found["John Kim"].roles == [("KR", "GOV", "2004-01-01", "2006-12-01"), ("IGO", "UNO", "2007-01-01", "-")]


def test_an_official_of_an_organisation_speaks_for_it_while_he_holds_the_office():
    roles = (Role("KR", "GOV", "2004-01-01", "2006-12-01"), Role("IGO", "UNO", "2007-01-01", "2016-12-31"))
    assert state_at(roles, "2005-01-01") == "KR"
    assert state_at(roles, "2010-01-01") == "IGO:UNO"
    assert organisation_id(state_at(roles, "2010-01-01")) == "united-nations"
    assert state_at(roles, "2019-01-01", {"KR"}) == "KR"          # after: a former official of his state
    assert state_at((Role("IGO", "UNO", "1997-01-01", "2006-12-31"),), "2010-01-01", {"KR"}) is None
    assert organisation_id("IGO:UNOHLHWHO") is None and organisation_id("KR") is None


def _person(names, roles):
    return frozenset(name_key(n) for n in names), roles


def test_the_supplement_wins_over_the_base():
    base = [_person(["John Kim"], "KR GOV 2004-01-01 2006-12-01;IGO UNO 2007-01-01 -"),
            _person(["Anna Berg", "Anna Maria Berg"], "SE GOV 2010-01-01 -;SE ELI - -"),
            _person(["Otto Lang"], "GB GOV 2007-07-01 2008-10-01;IGO EUREEC - -"),
            _person(["Carl Vidal"], "PE GOV 2003-01-01 2005-01-01"),
            _person(["Carl Vidal"], "HN GOV 2003-01-01 2006-01-01")]
    supplement = [_person(["John Kim"], "IGO UNO 2007-01-01 2017-01-01"),
                  _person(["Anna Berg"], "SE GOV 2010-01-01 2015-01-01;IGO WSTNAT 2015-01-01 -"),
                  _person(["Otto Lang"], "IGO EUREEC 2009-12-01 2014-11-01"),
                  _person(["Carl Vidal"], "PE GOV 2016-01-01 2018-01-01")]
    index = _merged(base, supplement)
    # the base's open role the supplement dates is closed; the rest of the person kept
    assert index["john kim"] == ("KR GOV 2004-01-01 2006-12-01;IGO UNO 2007-01-01 2017-01-01",)
    # one person under every name of the base's entry; a state's undated role (its elite) stays
    assert index["anna maria berg"] == index["anna berg"] == (
        "SE ELI - -;SE GOV 2010-01-01 2015-01-01;IGO WSTNAT 2015-01-01 -",)
    # an organisation's undated role is the office the supplement dates
    assert index["otto lang"] == ("GB GOV 2007-07-01 2008-10-01;IGO EUREEC 2009-12-01 2014-11-01",)
    # namesakes: merged with the one of the same state; the other stays a person of his own
    assert sorted(index["carl vidal"]) == ["HN GOV 2003-01-01 2006-01-01",
                                           "PE GOV 2003-01-01 2005-01-01;PE GOV 2016-01-01 2018-01-01"]


def test_supplement_officials_after_2014():
    assert dictionary_state(["Ban Ki-moon"], "2015-03-06") == "IGO:UNO"
    assert dictionary_state(["Ban Ki-moon"], "2018-03-06", set()) is None      # no longer the UN's
    assert dictionary_state(["Ban Ki-moon"], "2018-03-06", {"KR"}) == "KR"     # a former official of his state
    assert dictionary_state(["António Guterres"], "2020-05-01") == "IGO:UNO"
    assert dictionary_state(["Luis Almagro"], "2019-11-19") == "IGO:OAS"
    assert dictionary_state(["Luis Almagro"], "2012-01-01") == "UY"
    assert dictionary_state(["Jens Stoltenberg"], "2018-03-06") == "IGO:WSTNAT"
    assert dictionary_state(["Catherine Ashton"], "2016-03-08", set()) is None  # the base's undated EU role closed
    assert dictionary_state(["Claudia Sheinbaum"], "2025-11-07") == "MX"
    assert dictionary_state(["Claudia Sheinbaum"], "2019-05-07") is None       # before her role
    assert dictionary_state(["Sergei Lavrov"], "2023-01-01") == "RU"


def test_the_supplement_checks_clean_and_its_check_finds_faults(tmp_path):
    check = _converter("check_actor_supplement")
    assert "Wikidata P39/P27" in SUPPLEMENT_FILE.read_text(encoding="utf-8")[:2000]
    assert check.check(SUPPLEMENT_FILE) == ([], [])
    assert check.line_errors(3, "Anna Berg\t\tXX GOV 2010-01-01 -") == ["3: 'XX' is not an ISO 3166-1 alpha-2 code"]
    assert check.line_errors(3, "Anna Berg\t\tSE GOV 2010-13-01 -")[0].endswith("not YYYY-MM-DD or '-'")
    assert check.line_errors(3, "Anna Berg\t\tSE GOV 2012-01-01 2010-01-01")[0].endswith("ends before it starts")
    assert check.line_errors(3, "Anna Berg\t\tIGO XYZ 2012-01-01 -")[0].endswith("ORGANISATIONS maps")
    bad = tmp_path / "supplement.tsv"
    bad.write_text("Anna Berg\t\tSE GOV 2010-01-01 -\nAnna  BERG\t\tNO GOV 2010-01-01 -\n", encoding="utf-8")
    assert check.check(bad)[0] == ["2: the name 'anna berg' is held by line 1 too"]
    clash = tmp_path / "clash.tsv"
    clash.write_text("Anna Berg\t\tSE GOV 2010-01-01 2016-01-01;IGO UNO 2014-01-01 -\n", encoding="utf-8")
    assert check.check(clash)[1] == ["'anna berg': holds two at once: [('IGO:UNO', 'SE')]"]
