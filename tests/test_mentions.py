"""Who is who in an article: organs acting for their state, possessives and appositions, persons
the registry does not know.  Sentences of our own."""

from __future__ import annotations

import pytest
from diplograph.loaders.extract import parse_article
from diplograph.loaders.extract.pipeline import _Extractor
from test_extract import PADDING, REGISTRY, events

INTRO = "Pedro Lanza, a businessman, was a well-known figure in the capital. "


@pytest.mark.parametrize("sentence,expected", [
    # a court named after its seat acts for the seat's state
    (("Two years later, the Kiev District Military Court convicted him of treason and sentenced the engineer Pedro Lanza "
     "to 12 years in prison."), ("Sentence", ("ukraine",), ("pedro-lanza",))),
    # an acronym explained by an apposition naming its state
    ("The SBU, Ukraine's security service, arrested the businessman Pedro Lanza on Monday.",
     ("Arrest", ("ukraine",), ("pedro-lanza",))),
])
def test_named_organs_act_for_their_state(sentence, expected):
    found = events(INTRO + sentence + " " + PADDING, "2015-05-04")
    assert expected in found
    assert not any(t == expected[0] and a != expected[1] for t, a, _ in found), found


def test_a_states_envoy_named_in_apposition_is_a_person_of_that_state():
    found = events("On Friday, Quito recalled its ambassador to Peru for consultations and ordered Peru's envoy, "
                   "Luis Salas, to leave the country. " + PADDING, "2020-05-04")
    assert ("ExpulsionOfDiplomats", ("ecuador",), ("peru",)) in found
    assert not any("luis-salas" in target for _, _, target in found), found


def test_the_speaker_in_apposition_is_no_target():
    found = events("March 3, 1998 — Chile recognizes the junta as the legitimate government of Niger, its foreign "
                   "minister, Pedro Lanza, tells reporters. " + PADDING, "1998-03-04")
    assert not any("pedro-lanza" in target for _, _, target in found), found


def _extractor(text: str, published: str = "2020-05-04") -> _Extractor:
    extractor = _Extractor(parse_article((text + " " + PADDING).encode("utf-8"), published=published), REGISTRY, "test")
    extractor.run()
    return extractor


@pytest.mark.parametrize("text,person", [
    # a title before a name the name pattern cuts short (a hyphenated surname, a lower-case particle)
    ("Foreign Minister Javier Ortiz-Mena announced the rupture of relations with Chile on Monday.", "javier-ortiz-mena"),
    ("The army chief, General Abdel Karim al-Tayeb, expelled the Chadian ambassador on Monday.", "abdel-karim-al-tayeb"),
    # an apposition on a word that is no title
    ("Chile's minister met his Argentine counterpart, Jonas Lindqvist, in Santiago on Monday.", "jonas-lindqvist"),
])
def test_persons_the_registry_does_not_know(text, person):
    minted = {e.id for e in _extractor(text).gaz.entities.values() if e.new and e.type == "Person"}
    assert minted == {person}


def test_a_possessor_of_unknown_state_leaves_the_government_to_the_article():
    found = events("Pedro Lanza walked into the American embassy in Budapest and asked the United States for protection. "
                   "President Walter Brandt's government granted him asylum the same day. " + PADDING, "1956-11-05")
    assert ("AsylumGrant", ("united-states",), ("pedro-lanza",)) in found, found


def test_a_pronoun_can_stand_for_an_envoy_named_by_post():
    found = events("In May 2018, after President Daniel Ortega's government rigged the vote, Chile expelled Nicaragua's "
                   "ambassador and gave him three days to leave. " + PADDING, "2018-05-20")
    assert ("ExpulsionOfDiplomats", ("chile",), ("nicaragua",)) in found
    assert not any("daniel-ortega" in target for _, _, target in found), found


def test_scoring_matches_a_minted_entity_by_name_not_by_a_shared_surname():
    from diplograph.graph.evaluate import _same_entity

    names = {"maria-lanza": ("maria lanza", {"lanza"}), "holy-see": ("holy see", {"vatican"})}
    minted = {"pedro-lanza": ("pedro lanza", {"lanza"}, True), "maria-l": ("maria lanza", {"lanza"}, True),
              "vatican-state": ("holy see (vatican city state)", {"vatican"}, False)}
    assert not _same_entity("pedro-lanza", "maria-lanza", names, minted)   # a relative is someone else
    assert _same_entity("maria-l", "maria-lanza", names, minted)
    assert _same_entity("vatican-state", "holy-see", names, minted)        # a state's other name is its name
    assert _same_entity("holy-see", "holy-see", names, minted)


@pytest.mark.parametrize("sentence,expected", [
    ("Soldiers detained the Peruvian lawyer Pedro Lanza at his home on Monday.", ("Arrest", ("peru",), ("pedro-lanza",))),
    ("Police arrested Peru's former minister Pedro Lanza at his home on Monday.", ("Arrest", ("peru",), ("pedro-lanza",))),
    ("Soldiers detained Pedro Lanza, the president of Peru, at his home on Monday.", ("Arrest", ("peru",), ("pedro-lanza",))),
])
def test_an_unnamed_organ_acts_for_the_state_of_the_person_it_acts_on(sentence, expected):
    assert expected in events(sentence + " " + PADDING, "2020-05-04")


def test_the_organs_whose_lost_acts_are_mended_are_organ_words():
    """organ_acts.yaml's organs are a subset of organs.ORGAN_WORDS (kept apart on purpose, zreview36): a word
    added there alone would mend the acts of what the mentions take for no organ."""
    from loaders.extract.organ_acts import ORGANS
    from loaders.extract.organs import ORGAN_WORDS

    assert set(ORGANS) <= ORGAN_WORDS, set(ORGANS) - ORGAN_WORDS


def test_an_unnamed_organ_acting_on_a_person_of_unknown_state_names_no_state():
    found = events("Chile recalled its ambassador from Peru on Friday. Soldiers detained the lawyer Pedro Lanza at "
                   "his home on Monday. " + PADDING, "2020-05-04")
    assert not any(t == "Arrest" and agent for t, agent, _ in found), found


def test_a_passive_act_of_justice_is_the_act_of_the_state_of_the_person():
    extraction = __import__("test_extract").run("The Peruvian lawyer Pedro Lanza was arrested at his home in Lima on "
                                                "Monday. " + PADDING, "2020-05-04")
    arrests = [e for e in extraction.events if e.type == "Arrest"]
    assert [(e.agent, e.target) for e in arrests] == [(["peru"], ["pedro-lanza"])]
    assert "peru" in arrests[0].id


def test_a_bare_congress_acting_on_a_person_is_of_that_persons_state():
    text = ("Brazil said on Monday that Brazil would keep its embassy open, and Brazil asked for calm. "
            "The Honduran lawyer Pedro Lanza had called a referendum as leader of the country. Congress voted to remove him from "
            "office on Sunday. ")
    removals = [e for e in __import__("test_extract").run(text + PADDING, "2009-09-22").events if e.type == "RemovalFromOffice"]
    assert [(e.agent, e.target) for e in removals] == [(["congress-of-honduras"], ["pedro-lanza"])]


def test_a_high_commissioner_named_in_apposition_is_of_the_state_that_sent_him():
    extractor = _extractor("Chile's foreign ministry summoned Canada's high commissioner, Tomasz Wielgosz, on Tuesday.")
    assert extractor.person_states.get("tomasz-wielgosz") == "canada"


@pytest.mark.parametrize("text,expected", [
    # "those three countries": the list of states named just before, one event each
    (("Venezuela accused Peru, Chile and Uruguay of meddling. On Monday Caracas expelled the diplomats of those three "
     "countries."), [("ExpulsionOfDiplomats", ("venezuela",), (s,)) for s in ("peru", "chile", "uruguay")]),
    # "both countries": the last two
    ("Ecuador protested to Peru and Chile. The next day Quito expelled the ambassadors of both countries.",
     [("ExpulsionOfDiplomats", ("ecuador",), (s,)) for s in ("peru", "chile")]),
])
def test_a_definite_plural_of_states_is_the_list_named_before(text, expected):
    found = events(text + " " + PADDING, "2020-05-04")
    for event in expected:
        assert event in found, found


def test_a_group_noun_of_the_wrong_number_or_with_no_list_names_no_state():
    found = events("Venezuela accused Peru, Chile and Uruguay of meddling. On Monday Caracas expelled the diplomats of "
                   "those two countries. " + PADDING, "2020-05-04")
    assert not any(t == "ExpulsionOfDiplomats" and target in (("peru",), ("chile",), ("uruguay",))
                   for t, _, target in found), found
    found = events("On Monday Caracas expelled the diplomats of those three countries. " + PADDING, "2020-05-04")
    assert not any(t == "ExpulsionOfDiplomats" for t, _, _ in found), found


def test_a_residence_is_its_owners_not_the_places_it_stands_in():
    found = events("Soldiers of Iraq forced their way into the French ambassador's residence in Kuwait on Friday. "
                   + PADDING, "1990-09-15")
    assert ("EmbassyIncursion", ("iraq",), ("france",)) in found, found


@pytest.mark.parametrize("title,state", [("Taoiseach", "ireland"), ("Foreign Secretary", "united-kingdom")])
def test_a_title_only_one_state_uses_gives_the_persons_state(title, state):
    extractor = _extractor(f"Ireland and Britain held talks on trade. {title} Pedro Lanza said the talks went well.")
    assert extractor._actor_state("pedro-lanza") == state


def test_a_national_title_gives_no_state_the_article_does_not_name():
    extractor = _extractor("Peru and Chile held talks on trade. Chancellor Pedro Lanza said the talks went well.")
    assert extractor._actor_state("pedro-lanza") is None


def test_an_organisation_name_never_runs_over_a_sentence_end():
    extractor = _extractor("Peru named Vice President Raúl Prado. Parliament met on Monday. The Chilean Congress "
                           "voted on Tuesday.")
    labels = {e.label for e in extractor.gaz.entities.values() if e.new}
    assert not any("Prado" in label and "Parliament" in label for label in labels), labels
    assert not any(label.startswith("Tuesday") or ". " in label for label in labels), labels


@pytest.mark.parametrize("sentence,legislature", [
    ("In Ecuador, the National Assembly voted to remove President Luis Vega.", "national-assembly-of-ecuador"),
    ("In Chile, President María Soto was removed from office by Congress.", "congress-of-chile"),
])
def test_a_bare_legislature_is_of_the_state_its_sentence_is_set_in(sentence, legislature):
    # a titled official of another state nearby does not make the legislature that state's
    text = "Parliament dismissed Prime Minister Tomás Reyes of Haiti on Friday. " + sentence
    found = events(text + " " + PADDING, "2020-05-04")
    assert any(t == "RemovalFromOffice" and a == (legislature,) for t, a, _ in found), found


def test_an_organ_whose_name_says_its_state_acts_for_it():
    found = events("The State Department expelled two Russian diplomats on Friday. " + PADDING, "2020-05-04")
    assert ("ExpulsionOfDiplomats", ("united-states",), ("russia",)) in found, found
    extractor = _extractor("The State Department condemned Russia's decision to expel two American diplomats.")
    # the department speaks for its state (the codebook) and is kept as the announcer
    spoken = {(a, e.fields.get("announced_by")) for e in extractor.events if e.type == "Statement" for a in e.agent}
    assert ("united-states", "foreign-ministry-of-united-states") in spoken, spoken


def test_a_foreign_ministry_carries_its_full_name_for_matching():
    extractor = _extractor("India's foreign ministry condemned Canada's decision to expel an Indian diplomat.")
    ministry = extractor.gaz.entities["foreign-ministry-of-india"]
    assert "Ministry of External Affairs of India" in ministry.aliases
    # a short form another state's ministry shares is no alias ("Foreign Office")
    extractor = _extractor("Britain's foreign ministry condemned Russia's decision to expel a British diplomat.")
    assert "Foreign Office" not in extractor.gaz.entities["foreign-ministry-of-united-kingdom"].aliases


@pytest.mark.parametrize("sentence", ["Peruvian lawmakers removed President Luis Vega on Wednesday.",
                                      "Lawmakers in Peru voted to remove President Luis Vega on Wednesday."])
def test_lawmakers_act_for_the_legislature_the_article_names(sentence):
    found = events("Peru's Congress opened a new session on Monday. " + sentence + " " + PADDING, "2020-05-04")
    assert ("RemovalFromOffice", ("congress-of-peru",), ("luis-vega",)) in found, found


def test_the_gazetteers_tree_of_forms_finds_what_their_alternation_finds():
    """The forms are searched as a tree of their shared beginnings (gazetteer._trie); at every
    position it finds the longest form that ends a word, as an alternation longest first does —
    falling back to a shorter form where a longer one runs into a letter or a hyphen."""
    import re

    from diplograph.loaders.extract.surface_finder import _longest_at_each_position

    forms = frozenset({"Peru", "Peruvian", "Peruvians", "Peru's", "Per", "United States", "United Kingdom", "United",
                       "U.S.", "U.S", "Côte d'Ivoire", "Congo", "Congo-Brazzaville", "St. Lucia", "Saint Lucia",
                       "a+b", "(x)", "Washington", "Washington D.C."})
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    old = re.compile(rf"(?<![\w-])(?=({alternation})(?![\w-]))")
    new = _longest_at_each_position(forms)
    text = ("Peru, the Peruvians and a Peruvian envoy; Peru's consul; Perusal; the United States and the United "
            "Kingdom, United Nations, the U.S. and U.S-led talks; Côte d'Ivoire; Congo-Brazzaville and Congo-Kinshasa; "
            "St. Lucia, Saint Lucian; a+b (x) Washington D.C., Washington DC, pre-Peru, Peru-Bolivia, Per.")
    assert [(m.start(), m.group(1)) for m in new.finditer(text)] == [(m.start(), m.group(1)) for m in old.finditer(text)]
    found = [m.group(1) for m in new.finditer(text)]
    assert {"Peruvians", "Peruvian", "Peru's", "United States", "U.S.", "Congo-Brazzaville", "Washington D.C."} <= set(found)
