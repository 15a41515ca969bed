"""The events table (`diplograph export -f events-csv|events-sqlite`) round-trips: every row's
event and source are in the graph, its codes are the ontology's annotations of the event's class,
and the SQLite file holds the same rows as the CSV."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest
from diplograph.graph.events_table import (
    MULTI,
    NAMES,
    QUOTES,
    event_rows,
    export_events,
)
from diplograph.ontology import PREFIXES
from pyoxigraph import NamedNode

ROOT = Path(__file__).resolve().parents[1]
DG = PREFIXES["dg"]


@pytest.fixture(scope="module")
def csv_rows(seed_graph) -> list[dict[str, str]]:
    out = io.BytesIO()
    count = export_events(seed_graph, "events-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert count == len(rows) > 0
    return rows


def annotations(graph, cls: str, prop: str) -> set[str]:
    rows = graph.select(f"SELECT ?v WHERE {{ GRAPH dgg:ontology {{ <{DG}{cls}> dg:{prop} ?v }} }}")
    return {r["v"].value for r in rows}


def test_header_and_one_row_per_event_per_source(csv_rows, seed_graph):
    assert tuple(csv_rows[0]) == NAMES
    keys = [(r["event"], r["source"]) for r in csv_rows]
    assert len(keys) == len(set(keys))
    # every (event, source) with a type claim is in the table
    stated = seed_graph.select("""SELECT DISTINCT ?event ?source WHERE { GRAPH ?g {
        ?c a dg:Claim ; rdf:subject ?event ; rdf:predicate rdf:type ; rdf:object ?t ; dg:source ?source }
        GRAPH dgg:ontology { ?t rdfs:subClassOf* dg:Event } FILTER (?t != dg:Event) }""")
    assert {(r["event"].value, r["source"].value) for r in stated} == set(keys)


def test_every_event_and_source_exists_in_the_graph(csv_rows, seed_graph):
    for row in csv_rows:
        assert seed_graph.query("ASK { GRAPH ?g { ?e a ?t } }", {"e": NamedNode(row["event"])}).boolean, row["event"]
        assert seed_graph.query("ASK { GRAPH ?g { ?s a dg:Source } }", {"s": NamedNode(row["source"])}).boolean
        # the source states this event's class
        assert seed_graph.query("""ASK { GRAPH ?g { ?c rdf:subject ?e ; rdf:predicate rdf:type ; rdf:object ?t ;
                                   dg:source ?s } }""",
                                {"e": NamedNode(row["event"]), "s": NamedNode(row["source"]),
                                 "t": NamedNode(DG + row["event_class"])}).boolean


def test_codes_are_the_ontology_annotations(csv_rows, seed_graph):
    coded = 0
    for row in csv_rows:
        cls = row["event_class"]
        assert set(filter(None, [row["plover_event_type"]])) == annotations(seed_graph, cls, "ploverEventType")
        assert set(filter(None, row["plover_mode"].split(MULTI))) == annotations(seed_graph, cls, "ploverMode")
        assert set(filter(None, row["plover_context"].split(MULTI))) == annotations(seed_graph, cls, "ploverContext")
        assert set(filter(None, [row["cameo_code"]])) == annotations(seed_graph, cls, "cameoCode")
        coded += bool(row["cameo_code"])
    assert coded > 0  # the seed has CAMEO-coded events (e.g. 1724, a coup attempt)


def test_actors_dates_and_quotes(csv_rows, seed_graph):
    states = 0
    for row in csv_rows:
        for side in ("source_actor", "target_actor"):
            codes = set()
            for actor in filter(None, row[side].split(MULTI)):  # an event may have several targets
                found = seed_graph.select("SELECT ?a ?cc WHERE { GRAPH dgg:registry { ?a a dg:State ; dg:countryCode ?cc } }",
                                          {"a": NamedNode(actor)})
                codes |= {pycountry.countries.get(alpha_2=r["cc"].value).alpha_3 for r in found}
            assert set(filter(None, row[f"{side}_iso3"].split(MULTI))) == codes
            states += len(codes)
        if row["date"]:
            assert row["date_precision"] == {4: "year", 7: "month", 10: "day"}[len(row["date"])]
        quotes = row["quote"].split(QUOTES) if row["quote"] else []
        assert int(row["quote_count"]) == len(quotes)
        for quote in quotes:  # each quote is evidence from this very source
            assert seed_graph.query("ASK { GRAPH ?g { ?c dg:source ?s ; dg:evidence/dg:quote ?q } }",
                                    {"s": NamedNode(row["source"]), "q": __import__("pyoxigraph").Literal(quote)}).boolean
    assert states > 0
    peru_mexico = [r for r in csv_rows if r["source_actor_iso3"] == "PER" and r["target_actor_iso3"] == "MEX"]
    assert any(r["event_class"] == "SeveranceOfRelations" for r in peru_mexico)


def test_sqlite_has_the_csv_rows_typed_and_indexed(seed_graph, csv_rows, tmp_path):
    path = tmp_path / "events.sqlite"
    assert export_events(seed_graph, "events-sqlite", str(path)) == len(csv_rows)
    db = sqlite3.connect(path)
    try:
        names = [c[1] for c in db.execute("PRAGMA table_info(events)")]
        assert tuple(names) == NAMES
        types = {c[1]: c[2] for c in db.execute("PRAGMA table_info(events)")}
        assert types["quote_count"] == "INTEGER" and types["date"] == "TEXT"
        indexed = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"events_date", "events_source_actor", "events_target_actor"} <= indexed
        got = [tuple("" if v is None else str(v) for v in r) for r in db.execute("SELECT * FROM events ORDER BY rowid")]
    finally:
        db.close()
    assert got == [tuple(r[n] for n in NAMES) for r in csv_rows]
    assert not list(tmp_path.glob(".events.sqlite.*"))  # no staging file left


def test_stable_from_run_to_run(seed_graph):
    assert event_rows(seed_graph) == event_rows(seed_graph)


def test_cli_export_events(tmp_path, texts_dir):
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True,
                              check=False, text=True, cwd=ROOT,
                              timeout=120, env={**__import__("os").environ, "DIPLOGRAPH_TEXTS": str(texts_dir)})

    store = str(tmp_path / "store")
    assert cli("build", "--store", store, "--no-validate").returncode == 0
    done = cli("export", "-f", "events-sqlite", "-o", str(tmp_path / "e.sqlite"), "--store", store)
    assert done.returncode == 0, done.stderr
    assert "rows written" in done.stderr
    table = cli("export", "-f", "events-csv", "--store", store)
    assert table.stdout.splitlines()[0] == ",".join(NAMES)
    with sqlite3.connect(tmp_path / "e.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == len(table.stdout.splitlines()) - 1
    wrong = cli("export", "-f", "events-xls", "--store", store)
    assert wrong.returncode == 2 and "events-csv" in wrong.stderr and "Traceback" not in wrong.stderr
