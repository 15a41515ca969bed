"""Where sources disagree: grouped from the stored query ``queries/conflicts.rq``."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from .backends import Backend, Term
from .queries import QueryLibrary, run


@dataclass
class ConflictValue:
    value: Term
    phrase: str | None
    sources: dict[str, list[str]] = field(default_factory=dict)  # source IRI → evidence quotes
    #: source IRI → the curator's note, for the sources whose value is inferred, not stated
    inferred: dict[str, str] = field(default_factory=dict)
    #: source IRI → (the curators' rank of its claim: preferred, normal or deprecated; the reason, or None)
    ranks: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def rank_of(self, source: str) -> str:
        return self.ranks.get(source, ("normal", None))[0]


@dataclass
class Conflict:
    subject: Term
    aspect: Term
    values: list[ConflictValue]

    @property
    def kind(self) -> str:
        local = self.aspect.value.rsplit("#", 1)[-1]
        if local in ("onDate", "startDate", "endDate"):
            return "date"
        if "#" not in self.aspect.value:
            return "post holder"
        return local

    @property
    def best(self) -> list[ConflictValue]:
        """The values of the best rank (Wikidata's rule): those some source's preferred claim gives, where
        there is one; otherwise those some source's normal claim gives; a deprecated claim never counts."""
        ranks = {v.rank_of(s) for v in self.values for s in v.sources}
        wanted = "preferred" if "preferred" in ranks else "normal"
        return [v for v in self.values if any(v.rank_of(s) == wanted for s in v.sources)]

    @property
    def resolved(self) -> bool:
        """True when the curators' ranks leave one value standing."""
        return len(self.best) == 1


def find_conflicts(backend: Backend, subject: Term | str | None = None, library: QueryLibrary | None = None) -> list[Conflict]:
    """Every disputed (subject, aspect) with each value, its sources and their evidence."""
    query = (library or QueryLibrary()).get("conflicts")
    rows = run(query, backend, {"subject": subject} if subject is not None else {}).rows
    grouped: dict[tuple[str, str], dict[str, ConflictValue]] = {}
    keys: dict[tuple[str, str], tuple[Term, Term]] = {}
    for row in rows:  # type: ignore[union-attr]
        key = (row["subject"].value, row["aspect"].value)
        keys[key] = (row["subject"], row["aspect"])
        values = grouped.setdefault(key, {})
        vkey = str(row["value"])
        cv = values.setdefault(vkey, ConflictValue(row["value"], row["phrase"].value if "phrase" in row else None))
        quotes = cv.sources.setdefault(row["source"].value, [])
        if row["quote"].value not in quotes:
            quotes.append(row["quote"].value)
        if "rank" in row:
            why = [row[k].value for k in ("rank_reason", "rank_note") if k in row]
            cv.ranks[row["source"].value] = (row["rank"].value, ": ".join(why) or None)
        if "inferred" in row and row["inferred"].value == "true":
            cv.inferred[row["source"].value] = row["note"].value if "note" in row else ""
    return [Conflict(keys[k][0], keys[k][1], list(v.values())) for k, v in grouped.items()]


def labels(backend: Backend, nodes: set[NamedNode]) -> dict[str, str]:
    """English labels of IRIs (registry, ontology or source graphs), for display."""
    if not nodes:
        return {}
    values = " ".join(f"<{n.value}>" for n in nodes if isinstance(n, NamedNode))
    # The VALUES block holds only IRIs that came out of the store itself, never user text.
    rows = backend.select(
        "SELECT ?node (SAMPLE(?l) AS ?label) WHERE { VALUES ?node { " + values + " } "
        "GRAPH ?g { ?node rdfs:label ?l } FILTER (LANG(?l) = 'en' || LANG(?l) = '') } GROUP BY ?node"
    )
    return {r["node"].value: r["label"].value for r in rows if "label" in r}
