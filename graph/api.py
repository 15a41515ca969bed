"""The Python API: what the CLI calls, and what a notebook user calls.

>>> from diplograph import api                                     # doctest: +SKIP
>>> api.build(texts="../shared/seeds")                        # doctest: +SKIP
>>> api.run_query("asylum-grants").rows.values()              # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.ontology import ID, PREFIXES
from pyoxigraph import NamedNode, RdfFormat, serialize

from .backends import Backend, QueryResult, Rows, open_backend
from .conflicts import Conflict, find_conflicts, labels
from .errors import DiplographError, StoreError
from .formats import display, iris_in, shorten, to_csv, to_json, to_markdown, to_tsv
from .queries import QueryLibrary, StoredQuery, resolve_iri
from .queries import run as run_stored
from .settings import default_corpus, default_store, default_texts
from .sparql_guard import refuse_service

if TYPE_CHECKING:  # the builder imports the corpus loaders (pydantic, ruamel.yaml): only `build` needs them
    from . import builder as _build


def store_spec(store: str | Path | None) -> str:
    """Normalise a store argument: None → default; a bare path → ``oxigraph:PATH``."""
    if store is None:
        return default_store()
    text = str(store)
    if text.split(":", 1)[0] in ("oxigraph", "memory", "sparql", "http", "https"):
        return text
    return f"oxigraph:{text}"


def open_store(store: str | Path | None = None, *, read_only: bool = True) -> Backend:
    return open_backend(store_spec(store), read_only=read_only)


def build(corpus: str | Path | None = None, texts: str | Path | None = None, store: str | Path | None = None,
          *, validate: bool = True, extracted: list[str | Path] | tuple = (),
          allow_missing_texts: bool = False, full: bool = False, workers: int | None = None,
          on_problems=None, progress=None, validate_progress=None) -> _build.BuildSummary:
    """Build the persistent store from the corpus (see :func:`graph.builder.build`: only changed
    sources are reloaded unless ``full``); a missing article text is an error unless ``allow_missing_texts``."""
    from . import builder as _build

    spec = store_spec(store)
    scheme, _, path = spec.partition(":")
    if scheme != "oxigraph":
        raise StoreError(f"`build` writes an embedded store (oxigraph:PATH), not {spec!r}; "
                         "to fill a remote server, build locally and then `diplograph push`")
    corpus = corpus or default_corpus()
    texts = texts if texts is not None else default_texts(corpus)
    return _build.build(corpus, path, texts, validate=validate, extracted=extracted,
                        allow_missing_texts=allow_missing_texts, full=full, workers=workers,
                        on_problems=on_problems, progress=progress, validate_progress=validate_progress)


def init(folder: str | Path):
    """Create a project folder of one's own (corpus with the seed registry, texts, README); see
    :func:`graph.project.init_project`."""
    from .project import init_project

    return init_project(folder)


def validate(store: str | Path | Backend | None = None, *, engine: str = "sparql", graphs=None, progress=None):
    """SHACL shapes and check queries; ``engine`` is ``sparql`` (in the store) or ``pyshacl`` (the reference);
    ``graphs`` limits the shapes to these source graphs (with the registry)."""
    from .validate import validate_backend

    with _backend(store) as backend:
        return validate_backend(backend, engine=engine, graphs=graphs, progress=progress)


@dataclass
class ConflictReport:
    conflicts: list[Conflict]
    labels: dict[str, str] = field(default_factory=dict)
    rank: str = "all"  # "best": only the disagreements the curators' ranks leave unresolved

    def __len__(self) -> int:
        return len(self.conflicts)

    def _name(self, term) -> str:
        return display(term, self.labels) if isinstance(term, NamedNode) else term.value

    def as_text(self) -> str:
        if not self.conflicts:
            return ("no disagreement left unresolved by the curators' ranks" if self.rank == "best"
                    else "no disagreements between sources")
        lines = []
        for c in self.conflicts:
            if c.kind == "post holder":
                head = f"who held {self._name(c.aspect)} at {self._name(c.subject)}"
            else:
                head = f"{self._name(c.subject)} — {shorten(c.aspect.value)}"
            if c.resolved:
                head += f"  [resolved by the curators' ranks: {self._name(c.best[0].value)}]"
            lines.append(head)
            for v in c.values:
                value = self._name(v.value) + (f'  ("{v.phrase}")' if v.phrase else "")
                lines.append(f"  • {value}")
                for source, quotes in v.sources.items():
                    src = source.rsplit("/", 1)[-1]
                    lines.append(f"      {src}: " + " | ".join(f"“{q}”" for q in quotes))
                    if source in v.inferred:  # the curators' reading, not the text's words
                        lines.append(f"        inferred, not stated: {v.inferred[source] or '(no note)'}")
                    rank, reason = v.ranks.get(source, ("normal", None))
                    if rank != "normal" or reason:
                        lines.append(f"        rank: {rank}" + (f" — {reason}" if reason else ""))
            lines.append("")
        resolved = sum(c.resolved for c in self.conflicts)
        lines.append(f"{len(self.conflicts)} disagreements ({resolved} resolved by the curators' ranks)")
        return "\n".join(lines)

    def as_json(self) -> list[dict[str, Any]]:
        return [{
            "subject": c.subject.value, "subject_label": self.labels.get(c.subject.value),
            "aspect": c.aspect.value, "kind": c.kind, "resolved": c.resolved,
            "best": [v.value.value for v in c.best],
            "values": [{"value": v.value.value, "label": self.labels.get(v.value.value), "phrase": v.phrase,
                        "sources": [{"source": s, "evidence": q, "inferred": s in v.inferred,
                                     "note": v.inferred.get(s), "rank": v.rank_of(s),
                                     "rank_reason": v.ranks.get(s, (None, None))[1]}
                                    for s, q in v.sources.items()]} for v in c.values],
        } for c in self.conflicts]


def conflicts(store: str | Path | Backend | None = None, subject: str | None = None, *,
              rank: str = "all", as_of: str | None = None, corpus: str | Path | None = None) -> ConflictReport:
    """Every disagreement between sources, with values, sources, evidence and the curators' ranks;
    ``rank="best"``: only those the ranks leave unresolved (more than one value of the best rank)."""
    if rank not in ("all", "best"):
        raise DiplographError(f"rank must be 'all' or 'best', not {rank!r}")
    if as_of is not None:
        store = record_as_of(as_of, corpus)
    with _backend(store) as backend:
        subject_term = resolve_iri(subject, backend, "subject") if subject else None
        found = find_conflicts(backend, subject_term)
        if rank == "best":
            found = [c for c in found if not c.resolved]
        nodes = {c.subject for c in found} | {c.aspect for c in found} | {
            v.value for c in found for v in c.values}
        return ConflictReport(found, labels(backend, {n for n in nodes if isinstance(n, NamedNode)}), rank)


def reason(store: str | Path | Backend | None = None, *, write: bool = False):
    from .reason import reason_backend

    with _backend(store, read_only=not write) as backend:
        return reason_backend(backend, write=write)


def push(endpoint: str, store: str | Path | Backend | None = None, *, gsp: str | None = None, prune: bool = True,
         engine: str | None = None):
    """Upload the local graph to a remote SPARQL server, named graph by named graph (Graph Store Protocol).

    ``engine`` (oxigraph, fuseki, virtuoso, standard) is read from the server when not given."""
    from .remote import SparqlBackend
    from .remote import push as push_graphs

    remote = SparqlBackend(endpoint, gsp=gsp, engine=engine)
    with _backend(store) as local:
        return push_graphs(local, remote, prune=prune)


def query_library(folder: str | Path | None = None) -> QueryLibrary:
    return QueryLibrary(folder)


@dataclass
class LabelledResult(QueryResult):
    labels: dict[str, str] = field(default_factory=dict)


def record_as_of(when: str, corpus: str | Path | None = None, texts: str | Path | None = None) -> Backend:
    """The record as it stood at ``when`` (``YYYY-MM-DD``: the end of that day, UTC; or an ISO date-time):
    the corpus of the newest commit of its git history at or before then, built into an in-memory store.
    The persistent store is not used: it holds the record as it is now."""
    import tempfile

    from diplograph.loaders.history import corpus_as_of

    from .builder import build_in_memory

    corpus = corpus or default_corpus()
    texts = texts if texts is not None else default_texts(corpus)
    with tempfile.TemporaryDirectory(prefix="diplograph-as-of-") as scratch:
        folder, _commit, _time = corpus_as_of(corpus, when, scratch)
        backend, _ = build_in_memory(folder, texts)
    return backend


def run_query(name: str | StoredQuery, params: Mapping[str, Any] | None = None,
              store: str | Path | Backend | None = None, library: QueryLibrary | None = None, *,
              as_of: str | None = None, corpus: str | Path | None = None) -> LabelledResult:
    """Run a stored query by name with parameters bound by the engine; rows come with labels.
    ``as_of``: answer from the record as it stood then (see :func:`record_as_of`; ``corpus`` is its folder)."""
    query = name if isinstance(name, StoredQuery) else (library or QueryLibrary()).get(name)
    if as_of is not None:
        store = record_as_of(as_of, corpus)
    with _backend(store) as backend:
        return _with_labels(backend, run_stored(query, backend, params or {}))


def run_sparql(text: str, store: str | Path | Backend | None = None, *, allow_service: bool = False) -> LabelledResult:
    """Run an ad-hoc read-only query (updates are refused; SERVICE too, unless ``allow_service``).

    The default graph is the union of all graphs, as on the endpoint."""
    if not allow_service:
        refuse_service(text)  # by parsing: no request leaves this machine unless asked for
    with _backend(store) as backend:
        return _with_labels(backend, backend.query(text))


def _with_labels(backend: Backend, result: QueryResult) -> LabelledResult:
    # sources are shown by their id (src:003-…), which is shorter than their titles
    iris = {i for i in iris_in(result.rows) if not i.value.startswith(ID + "source/")} if result.rows is not None else set()
    found = labels(backend, iris)
    return LabelledResult(result.kind, result.rows, result.boolean, result.triples, found)


def format_rows(rows: Rows, format: str, labels: dict[str, str] | None = None) -> str:
    if format == "json":
        return to_json(rows)
    if format == "csv":
        return to_csv(rows)
    if format == "tsv":
        return to_tsv(rows)
    if format == "md":
        return to_markdown(rows, labels)
    if format == "table":
        return table_text(rows, labels)
    raise DiplographError(f"unknown format {format!r}")


def table_text(rows: Rows, labels: dict[str, str] | None = None) -> str:
    """A plain-text table with labels next to IRIs."""
    cells = [[display(row.get(v), labels) for v in rows.variables] for row in rows]
    widths = [min(60, max([len(v)] + [len(r[i]) for r in cells])) for i, v in enumerate(rows.variables)]

    def fit(text: str, width: int) -> str:
        return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)

    lines = ["  ".join(fit(v, w) for v, w in zip(rows.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fit(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def triples_to_turtle(triples) -> str:
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def triples_text(triples, format: str = "turtle") -> str:
    """A CONSTRUCT/DESCRIBE result as Turtle (with the project prefixes) or N-Triples, sorted in N-Triples
    order so that the same store always prints the same text."""
    ordered = sorted(triples, key=str)
    if format == "ntriples":
        return serialize(ordered, format=RdfFormat.N_TRIPLES).decode("utf-8")
    if format == "turtle":  # with the project prefixes that the triples use
        text = "\n".join(str(t) for t in ordered)
        used = {name: iri for name, iri in PREFIXES.items() if f"<{iri}" in text}
        return serialize(ordered, format=RdfFormat.TURTLE, prefixes=used).decode("utf-8")
    raise DiplographError(f"unknown graph format {format!r}; use turtle or ntriples")


class _Borrowed:
    """A backend passed in by the caller: used, not closed."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def __enter__(self) -> Backend:
        return self.backend

    def __exit__(self, *exc: object) -> None:
        pass


def _backend(store: str | Path | Backend | None, *, read_only: bool = True):
    if isinstance(store, Backend):
        return _Borrowed(store)
    return open_store(store, read_only=read_only)


__all__ = ["init", "build", "validate", "conflicts", "reason", "push", "query_library", "run_query", "run_sparql",
           "record_as_of",
           "open_store", "store_spec", "format_rows"]
