"""Who "he", "she", "the former vice president" and "the ministry" are: the resolver on real parses.

Every sentence here is our own invention.  Mentions are found the way the gazetteer hands them over
(character spans with an entity id and a kind); the parse is the configured spaCy pipeline's.
"""

from __future__ import annotations

import re

import pytest
from diplograph.loaders.extract.coref import resolve_references, resolve_referents
from diplograph.loaders.extract.gazetteer import Entity, Mention
from diplograph.loaders.extract.parse import parse

ENTITIES = {e.id: e for e in [
    Entity("ana-ruiz", "Person", "Ana Ruiz", {"Ruiz"}),
    Entity("carlos-ortega", "Person", "Carlos Ortega", {"Ortega"}),
    Entity("luis-vega", "Person", "Luis Vega", {"Vega"}),
    Entity("pedro-lima", "Person", "Pedro Lima"),
    Entity("maria-soto", "Person", "María Soto", {"Soto"}),
    Entity("jose-paz", "Person", "José Paz", {"Paz"}),
    Entity("peru", "State", "Peru", {"Peruvian"}, "PE"),
    Entity("chile", "State", "Chile", {"Chilean"}, "CL"),
    Entity("bolivia", "State", "Bolivia", set(), "BO"),
    Entity("brazil", "State", "Brazil", set(), "BR"),
    Entity("mexico", "State", "Mexico", set(), "MX"),
    Entity("niger", "State", "Niger", set(), "NE"),
    Entity("foreign-ministry-of-peru", "GovernmentBody", "Ministry of Foreign Affairs of Peru", {"Foreign Ministry of Peru"},
           attrs={"organ_of": "peru"}),
    Entity("judiciary-of-peru", "Court", "Judiciary of Peru", attrs={"organ_of": "peru"}),
    Entity("embassy-of-mexico-in-lima", "Embassy", "Embassy of Mexico in Lima", {"Mexican embassy in Lima"},
           attrs={"sending_state": "mexico"}),
]}
#: surface → (entity, kind), longest first, as the gazetteer's single alternation finds them
SURFACES = {"Foreign Ministry of Peru": ("foreign-ministry-of-peru", "organ"),
            "Mexican embassy in Lima": ("embassy-of-mexico-in-lima", "mission")}
for _e in ENTITIES.values():
    if _e.type in ("Person", "State"):
        SURFACES[_e.label] = (_e.id, "name")
        SURFACES.update({a: (_e.id, "demonym" if a.endswith("an") and _e.type == "State" else "alias") for a in _e.aliases})
_SURFACE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(SURFACES, key=len, reverse=True)) + r")(?![\w-])")
_TITLE = re.compile(r"(?:Foreign Minister|Vice President|President|Ambassador)\s+$")


def _mentions(text: str) -> list[Mention]:
    found = []
    for m in _SURFACE.finditer(text):
        entity, kind = SURFACES[m.group(0)]
        title = _TITLE.search(text[:m.start()])
        if title and ENTITIES[entity].type == "Person":   # the pipeline's title mentions carry the title
            found.append(Mention(m.start(), m.end(), entity, "Person", text[title.start():m.end()], "title"))
        else:
            found.append(Mention(m.start(), m.end(), entity, ENTITIES[entity].type, m.group(0), kind))
    return found


def _resolve(text: str, organ=None) -> dict[str, tuple[str, ...]]:
    """Resolved expressions as 'surface@n' (the n-th occurrence of that surface) → entity ids."""
    out = resolve_referents(parse(text), _mentions(text), ENTITIES, organ=organ)
    named = {}
    for (start, end), ids in out.items():
        surface = text[start:end]
        n = len(re.findall(rf"(?<![\w]){re.escape(surface)}(?![\w])", text[:start]))
        named[f"{surface}@{n}"] = ids
    return named


def _one(ids: tuple[str, ...] | None) -> str | None:
    return ids[0] if ids and len(ids) == 1 else None


# -- pronouns --------------------------------------------------------------------------------------
def test_a_pronoun_after_a_named_person_is_that_person():
    got = _resolve("Ana Ruiz reached the border on Monday. She asked for asylum at the crossing.")
    assert got == {"She@0": ("ana-ruiz",)}


def test_gender_chooses_between_two_persons():
    got = _resolve("Ana Ruiz received Carlos Ortega at the palace. He thanked her for the invitation.")
    assert got["He@0"] == ("carlos-ortega",)
    assert got["her@0"] == ("ana-ruiz",)


def test_gender_chooses_the_object_when_the_subject_does_not_fit():
    got = _resolve("Carlos Ortega met Ana Ruiz in the capital. She later praised his patience.")
    assert got["She@0"] == ("ana-ruiz",)
    assert got["his@0"] == ("carlos-ortega",)


def test_the_previous_subject_wins_over_the_previous_object():
    got = _resolve("Luis Vega telephoned Carlos Ortega late on Friday. He said the talks would resume.")
    assert got["He@0"] == ("luis-vega",)


def test_the_main_clause_wins_over_a_clause_below_it_for_a_later_sentence():
    got = _resolve("Luis Vega left Lima on Monday because Carlos Ortega had warned him. Bolivia granted him asylum.")
    assert got["him@1"] == ("luis-vega",)
    got = _resolve("When Carlos Ortega was arrested, Luis Vega fled to Chile. Chile granted him asylum.")
    assert got["him@0"] == ("luis-vega",)


def test_a_reported_clause_is_the_main_news_and_a_quotation_is_not():
    got = _resolve("Luis Vega told reporters that Carlos Ortega had fled to Chile. Chile granted him asylum.")
    assert got["him@0"] == ("carlos-ortega",)
    got = _resolve('The dissident Luis Vega said on Monday: "Carlos Ortega has betrayed Peru." Chile granted him asylum.')
    assert got["him@0"] == ("luis-vega",)


def test_the_possessor_of_a_thing_subject_is_whom_a_later_he_stands_for():
    got = _resolve("Luis Vega shared a cell with Carlos Ortega. Ortega's release in March surprised the guards. "
                   "In April he flew to Chile.")
    assert got["he@0"] == ("carlos-ortega",)
    got = _resolve("Luis Vega fled to Chile in May. Carlos Ortega's brother had driven him to the border. "
                   "In June he flew to Peru.")   # a person's possessor stays in that person's shadow
    assert got["he@0"] == ("luis-vega",)


def test_him_is_never_the_subject_of_its_own_clause():
    text = "Carlos Ortega fled to the Mexican embassy in Lima. The ambassador, Pedro Lima, granted him asylum."
    got = _resolve(text)
    assert got["him@0"] == ("carlos-ortega",)
    assert got["The ambassador@0"] == ("pedro-lima",)


def test_her_before_the_object_of_a_giving_verb_is_not_the_giver():
    # "gave her asylum" is parsed as "her asylum" (a possessive): still the one given to, not the giver
    text = "Ana Ruiz fled to the Mexican embassy in Lima. The ambassador, María Soto, gave her asylum."
    got = _resolve(text)
    assert got["her@0"] == ("ana-ruiz",)


def test_him_skips_the_most_salient_person_when_that_person_is_the_subject():
    got = _resolve("Luis Vega spoke with Carlos Ortega on Friday. Luis Vega later invited him to dinner.")
    assert got["him@0"] == ("carlos-ortega",)


def test_her_as_object_is_not_the_subject_even_when_both_fit():
    got = _resolve("Ana Ruiz met María Soto in Quito. Ruiz later thanked her in a letter.")
    assert got["her@0"] == ("maria-soto",)


def test_an_object_pronoun_in_reported_speech_is_rarely_the_reporter():
    text = ("Carlos Ortega left the embassy at dawn. The foreign minister, Luis Vega, said "
            "Brazil would grant him asylum.")
    assert _resolve(text)["him@0"] == ("carlos-ortega",)


def test_a_subject_pronoun_in_reported_speech_is_the_reporter():
    got = _resolve("Carlos Ortega met Luis Vega on Monday. Vega said he would not resign.")
    assert got["he@0"] == ("luis-vega",)


def test_he_introducing_speech_after_a_quotation_is_the_last_speaker():
    text = ("“The talks are over,” Luis Vega said after meeting Carlos Ortega. "
            "“We did everything we could for Ortega,” he added.")
    assert _resolve(text)["he@0"] == ("luis-vega",)


def test_a_person_inside_a_modifier_of_the_subject_is_less_salient():
    text = ("Carlos Ortega asked for protection in July. Brazil, then governed by Luis Vega, "
            "granted him asylum in August.")
    assert _resolve(text)["him@0"] == ("carlos-ortega",)


def test_a_possessive_is_not_the_phrase_it_sits_in():
    got = _resolve("Luis Vega was removed on Friday. José Paz, his deputy, took the oath.")
    assert got["his@0"] == ("luis-vega",)


def test_a_reflexive_binds_to_the_subject_of_its_clause():
    got = _resolve("Carlos Ortega met Luis Vega, and Vega declared himself innocent.")
    assert got["himself@0"] == ("luis-vega",)


def test_a_feminine_reflexive_binds_to_its_subject():
    got = _resolve("Ana Ruiz described herself as a victim of persecution.")
    assert got == {"herself@0": ("ana-ruiz",)}


def test_a_pronoun_with_no_antecedent_stays_unresolved():
    assert _resolve("He said the negotiations had collapsed overnight.") == {}


def test_a_pronoun_never_looks_forward():
    got = _resolve("Before she left the country, Ana Ruiz thanked the embassy staff.")
    assert "she@0" not in got


def test_a_pronoun_that_fits_no_one_in_reach_stays_unresolved():
    got = _resolve("Peru recalled its ambassador from Chile. She said the decision was final.")
    assert got["its@0"] == ("peru",)
    assert "She@0" not in got


def test_the_look_back_is_bounded():
    text = ("Ana Ruiz arrived in the capital. The talks began at noon. Delegates argued for hours. "
            "Rain fell outside. The session closed late. She left at midnight.")
    assert "She@0" not in _resolve(text)


def test_a_pronoun_carries_the_chain_beyond_the_look_back():
    text = ("Ana Ruiz arrived in the capital. She met delegates at noon. She argued for hours. "
            "She rested in the evening. She left at midnight.")
    got = _resolve(text)
    assert [got.get(f"She@{n}") for n in range(4)] == [("ana-ruiz",)] * 4


def test_pleonastic_it_is_no_actor():
    got = _resolve("Peru recalled its ambassador. It is unclear whether talks will resume.")
    assert got == {"its@0": ("peru",)}


# -- plural ----------------------------------------------------------------------------------------
def test_their_after_two_coordinated_states_is_both():
    text = "Peru and Chile recalled their ambassadors on Monday."
    assert _resolve(text) == {"their@0": ("peru", "chile")}
    assert resolve_references(parse(text), _mentions(text), ENTITIES) == {}   # not one entity


def test_they_in_the_next_sentence_is_both_states():
    got = _resolve("Bolivia and Brazil signed the accord in March. They later expelled the envoy.")
    assert got["They@0"] == ("bolivia", "brazil")


# -- quotations ------------------------------------------------------------------------------------
def test_a_quoted_i_is_the_speaker_named_after_the_quotation():
    got = _resolve("“I will not resign,” Ana Ruiz said on Tuesday.")
    assert got == {"I@0": ("ana-ruiz",)}


def test_a_quoted_i_is_the_speaker_named_by_a_pronoun():
    got = _resolve("Ana Ruiz spoke to reporters outside the court. “I have done nothing wrong,” she said.")
    assert got["I@0"] == ("ana-ruiz",)
    assert got["she@0"] == ("ana-ruiz",)


def test_he_in_a_quotation_is_not_the_speaker():
    got = _resolve("Carlos Ortega met Luis Vega on Monday. “He lied to me,” Vega said.")
    assert got["He@0"] == ("carlos-ortega",)
    assert got["me@0"] == ("luis-vega",)


# -- descriptions of persons -------------------------------------------------------------------------
def test_an_apposition_binds_the_title_to_the_name():
    got = _resolve("Ana Ruiz, the foreign minister, landed in Quito. The foreign minister denied the report.")
    assert got["the foreign minister@0"] == ("ana-ruiz",)
    assert got["The foreign minister@0"] == ("ana-ruiz",)


def test_a_title_before_a_name_makes_the_description():
    got = _resolve("Foreign Minister Ana Ruiz flew to Quito. The minister met the president there.")
    assert got["The minister@0"] == ("ana-ruiz",)
    assert "the president@0" not in got   # no president named: not a guess


def test_the_former_vice_president_after_vice_president_x():
    got = _resolve("Vice President Carlos Ortega was arrested on Monday. The former vice president denied the charges.")
    assert got["The former vice president@0"] == ("carlos-ortega",)


def test_the_president_is_not_the_vice_president():
    got = _resolve("Vice President Carlos Ortega met President Luis Vega. The president said the meeting went well.")
    assert got["The president@0"] == ("luis-vega",)


def test_binding_sees_through_a_subject_described_by_a_named_apposition():
    got = _resolve("Soldiers arrested Carlos Ortega. Their commander, General Luis Vega, proclaimed himself president.")
    assert got["himself@0"] == ("luis-vega",)
    got = _resolve("Carlos Ortega fled on Monday. Their commander, General Luis Vega, sheltered him.")
    assert got["him@0"] == ("carlos-ortega",)


def test_a_title_given_later_in_the_article_still_describes_the_person_in_reach():
    text = ("Luis Vega met Carlos Ortega. The talks with Ortega failed. The president's aides left. "
            "Years earlier, President Carlos Ortega had broken with Vega.")
    assert _resolve(text)["The president@0"] == ("carlos-ortega",)


def test_an_age_and_a_profession_from_an_apposition():
    text = "Carlos Ortega, a 70-year-old lawyer, fled to Brazil. The 70-year-old said he feared arrest. The lawyer left."
    got = _resolve(text)
    assert got["The 70-year-old@0"] == ("carlos-ortega",)
    assert got["he@0"] == ("carlos-ortega",)
    assert got["The lawyer@0"] == ("carlos-ortega",)


# -- organs ----------------------------------------------------------------------------------------
def test_the_ministry_is_the_foreign_ministry_of_the_state_in_focus():
    minted = []

    def organ(state: str, word: str) -> str:
        minted.append((state, word))
        return f"{word.replace(' ', '-')}-of-{state}"

    got = _resolve("Bolivia expelled the Chilean consul on Monday. The ministry said the consul had broken the law.",
                   organ=organ)
    assert got["The ministry@0"] == ("foreign-ministry-of-bolivia",)
    assert minted == [("bolivia", "foreign ministry")]


def test_the_ministry_just_named_is_that_ministry():
    got = _resolve("The Foreign Ministry of Peru summoned the envoy. The ministry called the remarks unacceptable.")
    assert got["The ministry@0"] == ("foreign-ministry-of-peru",)


def test_the_government_and_its_are_the_state():
    got = _resolve("Bolivia recalled its ambassador from Brazil on Tuesday. The government said relations were frozen.")
    assert got["its@0"] == ("bolivia",)
    assert got["The government@0"] == ("bolivia",)


def test_the_junta_is_the_state_in_focus():
    got = _resolve("Soldiers seized power in Niger in July. The junta expelled the French ambassador.")
    assert got["The junta@0"] == ("niger",)


def test_the_court_is_the_judiciary_of_the_state_in_focus():
    got = _resolve("Peru charged Carlos Ortega with treason. The court ordered his arrest.")
    assert got["The court@0"] == ("judiciary-of-peru",)
    assert got["his@0"] == ("carlos-ortega",)


def test_the_embassy_is_the_mission_just_named():
    got = _resolve("Carlos Ortega entered the Mexican embassy in Lima. Police surrounded the embassy on Friday.")
    assert got["the embassy@0"] == ("embassy-of-mexico-in-lima",)


def test_descriptions_with_nothing_before_them_stay_unresolved():
    got = _resolve("The ministry said the embassy would close. The minister declined to comment.")
    assert got == {}


@pytest.mark.parametrize("text", [
    "Ana Ruiz met Carlos Ortega. She thanked him. He thanked her.",
    "Peru and Chile recalled their ambassadors. The government said it would respond.",
])
def test_resolution_is_deterministic(text):
    assert _resolve(text) == _resolve(text)


# -- the language's words ----------------------------------------------------------------------------
def test_the_lexicon_file_names_what_it_lacks(tmp_path):
    from diplograph.loaders.extract.coref_lexicon import LEXICON_FILE, _lexicon

    assert _lexicon(LEXICON_FILE)["language"] == "en"
    broken = tmp_path / "coref.yaml"
    broken.write_text("language: xx\npronouns: {}\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        _lexicon(broken)
    assert str(broken) in str(err.value) and "speech" in str(err.value)


def test_the_ministry_acting_on_a_foreign_envoy_is_not_the_envoys_states():
    # "The ministry summoned the Chilean ambassador": one summons another state's envoy
    text = ("Peru and Chile quarrelled over fishing rights on Monday. The ministry summoned the Chilean ambassador, "
            "Luis Vega, on Tuesday.")
    mentions = _mentions(text)
    start = text.index("Chilean")
    mentions.append(Mention(start, start + len("Chilean ambassador"), "chile", "State", "Chilean ambassador", "post"))
    resolved = resolve_referents(parse(text), mentions, ENTITIES, organ=lambda state, word: f"foreign-ministry-of-{state}")
    ministry = next(ids for (s, e), ids in resolved.items() if text[s:e] == "The ministry")
    assert ministry == ("foreign-ministry-of-peru",)


# -- groups and bodies described ---------------------------------------------------------------------
BODIES = {**ENTITIES, "european-union": Entity("european-union", "InternationalOrganization", "European Union", {"EU"})}


def test_the_two_governments_are_the_two_states_named_together():
    got = _resolve("Peru and Chile recalled their ambassadors on Monday. Bolivia said the two governments had acted in haste.")
    assert got["the two governments@0"] == ("peru", "chile")


def test_both_countries_are_the_two_states_named_together():
    got = _resolve("Bolivia and Brazil signed the accord in March. Mexico said both countries had broken it.")
    assert got["both countries@0"] == ("bolivia", "brazil")


def test_a_counted_group_out_of_reach_is_the_leads_coordination():
    text = ("Peru and Chile cut ties with Bolivia on Monday. Brazil regretted it. Mexico regretted it. "
            "Niger regretted it. Bolivia said the two governments had acted in haste.")
    assert _resolve(text)["the two governments@0"] == ("peru", "chile")


def test_a_counted_group_needs_as_many_actors_named_together():
    got = _resolve("Peru and Chile cut ties with Bolivia. Brazil said the three countries should talk.")
    assert "the three countries@0" not in got
    assert "the two countries@0" not in _resolve("Peru said the two countries would talk.")


def test_the_bloc_is_the_international_organisation_named_last():
    text = "The European Union expelled the envoy of Peru. Peru said the bloc would regret it."
    out = resolve_referents(parse(text), _mentions(text) + [Mention(4, 18, "european-union", "InternationalOrganization",
                                                                    "European Union", "name")], BODIES)
    assert out[(text.index("the bloc"), text.index("the bloc") + len("the bloc"))] == ("european-union",)
    assert not any(text[s:e] == "the bloc" for s, e in resolve_referents(parse(text), _mentions(text), ENTITIES))


# -- the speaker's own pronoun in an adverbial clause of the speech verb ---------------------------
_SALIENT_VEGA = "Luis Vega expelled the envoy on Monday. Luis Vega later spoke of betrayal. "


def test_he_in_an_as_clause_of_a_speech_verb_is_the_speaker():
    got = _resolve(_SALIENT_VEGA + '"We will not give in," Carlos Ortega told reporters as he announced that the talks had failed.')
    assert got["he@0"] == ("carlos-ortega",)


def test_he_in_an_after_clause_of_speaking_is_the_speaker():
    got = _resolve(_SALIENT_VEGA + "Carlos Ortega, Peru's envoy, spoke to the senate after he had met the cabinet.")
    assert got["he@0"] == ("carlos-ortega",)


def test_he_in_a_fronted_when_clause_is_the_speaker_named_after_it():
    got = _resolve(_SALIENT_VEGA + "When he spoke to reporters, Carlos Ortega said the talks had failed.")
    assert got["he@0"] == ("carlos-ortega",)


def test_a_fronted_clause_whose_speaker_does_not_fit_looks_back():
    got = _resolve(_SALIENT_VEGA + "When he spoke to reporters, Ana Ruiz said the talks had failed.")
    assert got["he@0"] == ("luis-vega",)


def test_an_object_pronoun_in_the_reported_clause_is_not_the_speaker():
    got = _resolve(_SALIENT_VEGA + "Carlos Ortega said Peru would never forgive him.")
    assert got["him@0"] == ("luis-vega",)


def test_a_kin_noun_in_apposition_gives_the_gender():
    got = _resolve("Pedro Lima was detained in Lima in May. His fiancée, José Paz, waited outside. Peru said he had confessed.")
    assert got["he@0"] == ("pedro-lima",)


# -- "it" right after a body told by a common noun alone --------------------------------------------
def test_it_after_an_unnamed_body_is_that_body_not_a_state_before_it():
    got = _resolve("Ana Ruiz reached Chile in May and asked Bolivia for asylum. The commission met for a month. "
                   "In June it granted her refugee status.")
    assert "it@0" not in got   # the commission, whose state the text does not say: no guess


def test_it_after_the_ministry_is_the_ministry():
    got = _resolve("Peru recalled its ambassador from Chile. The ministry studied the case for a week. Then it summoned Chile's envoy.")
    assert got["it@0"] == ("foreign-ministry-of-peru",)


def test_it_after_a_named_subject_keeps_the_usual_rules():
    got = _resolve("Peru recalled its ambassador from Chile on Monday. In June it expelled two Chilean diplomats.")
    assert got["it@0"] == ("peru",)
