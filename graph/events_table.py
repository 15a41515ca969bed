"""The events table: one row per event per source, in the shape of POLECAT/ICEWS event data.

Each row: the event and its diplograph class, the date the source gives (ISO, with its precision
and phrase), the PLOVER type/mode/context and CAMEO code of the class (the ontology's annotations
``dg:ploverEventType``, ``dg:ploverMode``, ``dg:ploverContext``, ``dg:cameoCode``), the source and
target actors (IRI, label, ISO 3166-1 alpha-3 code where the actor is a state), the article
(source IRI, URL, publisher, publication date) and the evidence quotes.  So the graph joins
with GDELT or POLECAT in pandas or R on date, country codes and CAMEO/PLOVER codes.

One SPARQL query (:data:`EVENTS_QUERY`) reads everything from the store, through any backend;
Python only merges an event's several actors or dates within one source into one row.  Written
as CSV (RFC 4180, UTF-8) or as an SQLite file (table ``events``, declared column types, indexes
on date and actors; datasette opens it as it is).
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import BinaryIO

from diplograph.loaders.country_codes import alpha3

from .backends import Backend

#: the columns, with their SQLite types
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event", "TEXT"), ("event_class", "TEXT"),
    ("date", "TEXT"), ("date_precision", "TEXT"), ("date_phrase", "TEXT"),
    ("plover_event_type", "TEXT"), ("plover_mode", "TEXT"), ("plover_context", "TEXT"), ("cameo_code", "TEXT"),
    ("source_actor", "TEXT"), ("source_actor_label", "TEXT"), ("source_actor_iso3", "TEXT"),
    ("target_actor", "TEXT"), ("target_actor_label", "TEXT"), ("target_actor_iso3", "TEXT"),
    ("source", "TEXT"), ("source_url", "TEXT"), ("publisher", "TEXT"), ("published", "TEXT"),
    ("quote", "TEXT"), ("quote_count", "INTEGER"),
)
NAMES = tuple(name for name, _ in COLUMNS)
#: within a cell, several values (two targets, two PLOVER contexts) are joined by this
MULTI = "; "
#: the evidence quotes of a row are joined by this
QUOTES = " | "
_UNIT = "\u001f"  # GROUP_CONCAT separator: a control character no quote contains

EVENTS_QUERY = """
SELECT ?event ?class ?date ?unit ?date_phrase ?plover_type ?plover_mode ?plover_context ?cameo
       ?agent ?agent_label ?agent_cc ?target ?target_label ?target_cc
       ?source ?url ?publisher ?published ?quotes
WHERE {
  # the event's class as this source states it (the most specific: dg:Event itself left out)
  { SELECT ?event ?source ?g (MIN(STR(?t)) AS ?class) WHERE {
      GRAPH ?g { ?claim a dg:Claim ; rdf:subject ?event ; rdf:predicate rdf:type ; rdf:object ?t ; dg:source ?source }
      GRAPH dgg:ontology { ?t rdfs:subClassOf* dg:Event }
      FILTER (?t != dg:Event)
    } GROUP BY ?event ?source ?g }
  BIND (IRI(?class) AS ?class_iri)
  OPTIONAL { GRAPH dgg:ontology { ?class_iri dg:ploverEventType ?plover_type } }
  OPTIONAL { GRAPH dgg:ontology { ?class_iri dg:cameoCode ?cameo } }
  OPTIONAL { SELECT ?class_iri (GROUP_CONCAT(DISTINCT ?m; separator="; ") AS ?plover_mode)
             WHERE { GRAPH dgg:ontology { ?class_iri dg:ploverMode ?m } } GROUP BY ?class_iri }
  OPTIONAL { SELECT ?class_iri (GROUP_CONCAT(DISTINCT ?c; separator="; ") AS ?plover_context)
             WHERE { GRAPH dgg:ontology { ?class_iri dg:ploverContext ?c } } GROUP BY ?class_iri }
  OPTIONAL { GRAPH ?g { ?event dg:onDate ?d .
                        OPTIONAL { ?d dg:dateValue ?date } OPTIONAL { ?d time:unitType ?unit }
                        OPTIONAL { ?d dg:datePhrase ?date_phrase } } }
  OPTIONAL { GRAPH ?g { ?event dg:agent ?agent }
             OPTIONAL { GRAPH dgg:registry { ?agent rdfs:label ?agent_label } }
             OPTIONAL { GRAPH dgg:registry { ?agent a dg:State ; dg:countryCode ?agent_cc } } }
  OPTIONAL { GRAPH ?g { ?event dg:target ?target }
             OPTIONAL { GRAPH dgg:registry { ?target rdfs:label ?target_label } }
             OPTIONAL { GRAPH dgg:registry { ?target a dg:State ; dg:countryCode ?target_cc } } }
  OPTIONAL { GRAPH ?g { ?source schema:url ?url } }
  OPTIONAL { GRAPH ?g { ?source dct:publisher ?publisher } }
  OPTIONAL { GRAPH ?g { ?source dg:publicationDate/dg:dateValue ?published } }
  OPTIONAL { SELECT ?event ?g (GROUP_CONCAT(DISTINCT ?q; separator="\\u001F") AS ?quotes)
             WHERE { GRAPH ?g { ?c a dg:Claim ; rdf:subject ?event ; dg:evidence/dg:quote ?q } } GROUP BY ?event ?g }
}
"""

_PRECISION = {"unitDay": "day", "unitMonth": "month", "unitYear": "year"}


def event_rows(backend: Backend) -> list[dict[str, str | int]]:
    """The table's rows, sorted by date (undated last), event and source."""
    merged: dict[tuple[str, str], dict[str, set[str]]] = {}
    for row in backend.select(EVENTS_QUERY):
        value = {k: v.value for k, v in row.items()}
        key = (value["event"], value["source"])
        cells = merged.setdefault(key, {name: set() for name in NAMES})
        unit = value.get("unit", "").rpartition("#")[2]
        found = {
            "event": value["event"], "event_class": value["class"].rpartition("#")[2],
            "date": value.get("date"), "date_precision": _PRECISION.get(unit, unit) or None,
            "date_phrase": value.get("date_phrase"),
            "plover_event_type": value.get("plover_type"), "plover_mode": value.get("plover_mode"),
            "plover_context": value.get("plover_context"), "cameo_code": value.get("cameo"),
            "source_actor": value.get("agent"), "source_actor_label": value.get("agent_label"),
            "source_actor_iso3": alpha3(value.get("agent_cc")) or None,
            "target_actor": value.get("target"), "target_actor_label": value.get("target_label"),
            "target_actor_iso3": alpha3(value.get("target_cc")) or None,
            "source": value["source"], "source_url": value.get("url"), "publisher": value.get("publisher"),
            "published": value.get("published"),
        }
        for name, cell in found.items():
            if cell:  # GROUP_CONCAT has no order: its parts are sorted here, so the table is stable
                cells[name].update(cell.split(MULTI) if name in ("plover_mode", "plover_context") else [cell])
        cells["quote"].update(q for q in value.get("quotes", "").split(_UNIT) if q)
    rows = []
    for cells in merged.values():
        row: dict[str, str | int] = {name: MULTI.join(sorted(cells[name])) for name in NAMES}
        row["quote"] = QUOTES.join(sorted(cells["quote"]))
        row["quote_count"] = len(cells["quote"])
        rows.append(row)
    rows.sort(key=lambda r: (r["date"] == "", r["date"], r["event"], r["source"]))
    return rows


def to_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(NAMES)
    for row in rows:
        writer.writerow([row[name] for name in NAMES])
    return out.getvalue().encode("utf-8")


def write_sqlite(rows: list[dict], path: Path) -> None:
    """A fresh SQLite file at ``path`` (written beside it, then renamed: never half-written)."""
    path = Path(path)
    fd, staging = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with sqlite3.connect(staging) as db:
            columns = ", ".join(f"{name} {kind}{' NOT NULL' if name in ('event', 'source') else ''}"
                                for name, kind in COLUMNS)
            db.execute(f"CREATE TABLE events ({columns})")
            db.executemany(f"INSERT INTO events VALUES ({', '.join('?' for _ in NAMES)})",
                           ([row[name] if row[name] != "" else None for name in NAMES] for row in rows))
            for column in ("date", "source_actor", "target_actor", "source_actor_iso3", "target_actor_iso3"):
                db.execute(f"CREATE INDEX events_{column} ON events ({column})")
        db.close()
        os.replace(staging, path)
    except BaseException:
        Path(staging).unlink(missing_ok=True)
        raise


def export_events(backend: Backend, format: str, output: BinaryIO | str | Path | None = None) -> int:
    """Write the events table as ``events-csv`` or ``events-sqlite``; returns the number of rows.

    ``output`` as in :func:`graph.export.export` (an SQLite file written to standard output or a
    stream is built in a temporary file first)."""
    rows = event_rows(backend)
    if format == "events-sqlite":
        if isinstance(output, (str, Path)) and str(output) != "-":
            write_sqlite(rows, Path(output))
            return len(rows)
        with tempfile.TemporaryDirectory() as folder:
            write_sqlite(rows, Path(folder) / "events.sqlite")
            data = (Path(folder) / "events.sqlite").read_bytes()
    else:
        data = to_csv(rows)
    from .export import write_output  # export imports this module lazily: no cycle

    write_output(data, output)
    return len(rows)
