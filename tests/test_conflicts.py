"""Disagreements between sources: all the known ones surface, each value with sources and
evidence; a value that changed over time is not a disagreement."""

from __future__ import annotations

import re

import pytest
from diplograph.graph import api
from diplograph.graph.conflicts import find_conflicts

S000, S002, S003, S004 = ("000-cfc943054120e952", "002-2d1ef4a1174005c3", "003-4621cd742095797e",
                          "004-cec08df9c9a3c1c3")


def short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@pytest.fixture(scope="module")
def conflicts(seed_graph):
    """{(subject, aspect): {value: {source: [quotes]}}}"""
    table = {}
    for c in find_conflicts(seed_graph):
        table[(short(c.subject.value), short(c.aspect.value))] = {
            short(v.value.value) if v.value.value.startswith("http") else v.value.value:
                {short(s): q for s, q in v.sources.items()} for v in c.values}
    return table


def test_date_of_perus_break_with_mexico(conflicts):
    values = conflicts[("peru-severs-relations-with-mexico-2025", "onDate")]
    assert set(values) == {"2025-11-03", "2023", "unresolved"}
    assert set(values["2025-11-03"]) == {S003}
    assert set(values["2023"]) == {S000}
    assert set(values["unresolved"]) == {S004}  # "on Tuesday": 3 November 2025 was a Monday
    assert any("late 2023" in q for q in values["2023"][S000])


def test_who_was_perus_president_and_foreign_minister_then(conflicts):
    president = conflicts[("peru-severs-relations-with-mexico-2025", "president-of-peru")]
    assert {k: set(v) for k, v in president.items()} == {"jose-jeri": {S003}, "dina-boluarte": {S004}}
    minister = conflicts[("peru-severs-relations-with-mexico-2025", "foreign-minister-of-peru")]
    assert {k: set(v) for k, v in minister.items()} == {"hugo-de-zela": {S002}, "ana-cecilia-gervasi": {S004}}
    assert minister["hugo-de-zela"][S002] == ["Foreign Minister Hugo de Zela"]


def test_which_mexican_president_granted_the_asylum(conflicts):
    values = conflicts[("mexico-grants-asylum-to-chavez-2025", "president-of-mexico")]
    assert set(values["andres-manuel-lopez-obrador"]) == {S004}
    assert set(values["claudia-sheinbaum"]) >= {S002, S003}


def test_when_chavez_entered_the_embassy(conflicts):
    values = conflicts[("chavez-seeks-asylum-at-mexican-embassy-2025", "onDate")]
    assert set(values) == {"2025-11", "2022-12"}
    assert set(values["2025-11"]) == {S000} and set(values["2022-12"]) == {S004}


def test_two_persona_non_grata_declarations_are_two_events(conflicts, seed_graph):
    """003: Congress declares President Sheinbaum (vote, Thursday 6 November); 004: the executive
    declares Mexico's ambassador (Tuesday). Different organs, persons and days: two events, so no
    manufactured agent, target or date disagreement (issue 13; corpus/README.md 'Same event?')."""
    assert not [k for k in conflicts if k[0] == "peru-persona-non-grata-2025"]
    rows = seed_graph.select(
        "SELECT ?event ?agent WHERE { GRAPH ?g { ?event a dg:PersonaNonGrataDeclaration ; dg:agent ?agent } }")
    assert {(short(r["event"].value), short(r["agent"].value)) for r in rows} == {
        ("peru-persona-non-grata-2025", "congress-of-peru"),
        ("peru-declares-mexican-ambassador-persona-non-grata-2025", "peru")}


def test_every_value_has_sources_and_evidence(conflicts):
    for values in conflicts.values():
        assert len(values) >= 2
        for by_source in values.values():
            assert by_source and all(quotes and all(quotes) for quotes in by_source.values())


def test_a_charge_then_a_sentence_is_not_a_conflict(conflicts):
    """Prosecutors sought 25 years (002, 003); she was later sentenced to 11 (000): two events."""
    subjects = {s for s, _ in conflicts}
    assert "prosecutors-charge-chavez" not in subjects
    assert "chavez-sentenced-2025" not in subjects


def test_compatible_precisions_are_not_a_conflict(seed_graph):
    """2025-11 and 2025-11-03 agree; only incompatible dates are reported."""
    from pyoxigraph import NamedNode

    found = find_conflicts(seed_graph, NamedNode("https://w3id.org/diplograph/id/event/castillo-self-coup-attempt-2022"))
    assert found == []  # 001 says "December 2022", 002/003 "December 7, 2022"


def test_report_text(seed_graph):
    text = api.conflicts(seed_graph).as_text()
    assert "who held President of Peru (dgid:president-of-peru) at ev:peru-severs-relations-with-mexico-2025" in text
    assert "“Foreign Minister Hugo de Zela”" in text
    # issue 13: the count is followed by how many the curators' ranks resolve
    assert re.search(r"\d+ disagreements \(\d+ resolved by the curators' ranks\)$", text.rstrip())


def test_an_inferred_value_is_shown_as_inferred(seed_graph):
    """004's date for Chávez entering the embassy is the curators' reading (a value with a basis),
    not the text's words: conflicts says so, with the curator's note, for that source only."""
    found = {(short(c.subject.value), short(c.aspect.value)): c for c in find_conflicts(seed_graph)}
    values = found[("chavez-seeks-asylum-at-mexican-embassy-2025", "onDate")].values
    inferred = {short(s): note for v in values for s, note in v.inferred.items()}
    assert set(inferred) == {S004}
    assert "December 2022" in inferred[S004]
    text = api.ConflictReport(list(found.values())).as_text()
    assert "inferred, not stated: this article's date for her entering the embassy" in text


def test_basis_inferred_marks_the_claim(seed_graph):
    rows = seed_graph.select(
        "SELECT ?note WHERE { GRAPH ?g { ?c dg:inferred true ; "
        "rdf:subject <https://w3id.org/diplograph/id/event/peru-defers-safe-conduct-for-chavez-2025> ; "
        "dg:source <https://w3id.org/diplograph/id/source/002-2d1ef4a1174005c3> ; dg:curationNote ?note } }")
    assert rows and all("reports no safe-conduct request" in r["note"].value for r in rows)
