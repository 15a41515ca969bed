"""Build the graph: corpus → quads → store, in one step, atomically.

A build reads and checks the whole corpus first (raising CorpusError before any store is
touched), fills a fresh store beside the target, and only then swaps it in: a failed build
leaves the previous graph as it was.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat

from diplograph.loaders.corpus import ONTOLOGY_GRAPH, Corpus, load_corpus
from diplograph.ontology import ONTOLOGY_TTL

from .backends import OxigraphBackend
from .errors import CorpusError, Problem, StoreError

#: The consolidated view: every fact any source states, without the claim/mention bookkeeping.
CONSOLIDATE = """
INSERT { GRAPH dgg:consolidated { ?s ?p ?o } }
WHERE {
  GRAPH dgg:meta { ?g prov:wasDerivedFrom ?source }
  GRAPH ?g { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?g { ?s a ?bookkeeping } VALUES ?bookkeeping { dg:Claim dg:Mention dg:Source } }
}
"""


@dataclass
class BuildSummary:
    store: str
    sources: int
    texts_verified: int
    claims: int
    events: int
    quads: int
    graphs: int
    conflicts: int | None = None
    conforms: bool | None = None
    violations: int | None = None
    warnings: list[str] = field(default_factory=list)


def fill_store(backend: OxigraphBackend, corpus: Corpus) -> None:
    """Load a checked corpus, the ontology and the consolidated view into an empty store."""
    store = backend.store
    store.bulk_extend(corpus.quads)
    store.bulk_load(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    backend.update(CONSOLIDATE)


def load_checked(corpus_dir: str | Path, texts: str | Path | None = None, extracted: list[str | Path] | tuple = (),
                 *, allow_missing_texts: bool = False) -> Corpus:
    """Load the corpus; a source whose text is missing is an error unless ``allow_missing_texts``
    (then its evidence is loaded unverified, with a warning)."""
    corpus = load_corpus(corpus_dir, texts, extracted)
    if corpus.missing_texts and not allow_missing_texts:
        problems = [Problem(p.file, p.line, p.message, p.hint + "; or build with --allow-missing-texts to load the "
                            "evidence unverified") for p in corpus.missing_texts]
        raise CorpusError(problems)
    return corpus


def build_in_memory(corpus_dir: str | Path, texts: str | Path | None = None, *,
                    allow_missing_texts: bool = False) -> tuple[OxigraphBackend, Corpus]:
    """Build into a fresh in-memory store (tests, notebooks)."""
    corpus = load_checked(corpus_dir, texts, allow_missing_texts=allow_missing_texts)
    backend = OxigraphBackend.open(None)
    fill_store(backend, corpus)
    return backend, corpus


def build(corpus_dir: str | Path, store_path: str | Path, texts: str | Path | None = None,
          *, validate: bool = True, extracted: list[str | Path] | tuple = (),
          allow_missing_texts: bool = False) -> BuildSummary:
    """Build the persistent store at ``store_path`` from the corpus; the old store survives any failure.

    ``extracted`` folders (from `diplograph extract`) add their unreviewed claims in their own
    graphs, ``dgg:extracted/source/{id}``.  A missing article text is an error unless
    ``allow_missing_texts``.
    """
    corpus = load_checked(corpus_dir, texts, extracted, allow_missing_texts=allow_missing_texts)  # raises first
    target = Path(store_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        backend = OxigraphBackend.open(staging)
        try:
            fill_store(backend, corpus)
            summary = summarize(backend, corpus, f"oxigraph:{target}", validate=validate)
        finally:
            backend.close()
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return summary


def summarize(backend: OxigraphBackend, corpus: Corpus, name: str, *, validate: bool = True) -> BuildSummary:
    from .conflicts import find_conflicts

    summary = BuildSummary(
        store=name, sources=len(corpus.sources), texts_verified=corpus.texts_found, claims=corpus.claim_count,
        events=len(corpus.event_ids), quads=backend.count(), graphs=len(backend.graphs()),
        warnings=list(corpus.warnings),
    )
    summary.conflicts = len(find_conflicts(backend))
    if validate:
        from .validate import validate_backend

        report = validate_backend(backend)
        summary.conforms = report.conforms
        summary.violations = len(report.results)
    return summary


def _swap(staging: Path, target: Path) -> None:
    """Put the staged store in place of the target; restore the old one if that fails."""
    backup = target.with_name(f".{target.name}.previous-{os.getpid()}")
    had_old = target.exists()
    try:
        if had_old:
            os.rename(target, backup)
        os.rename(staging, target)
    except OSError as exc:
        if had_old and backup.exists() and not target.exists():
            os.rename(backup, target)
        raise StoreError(f"could not put the new store in place at {target}: {exc}") from None
    if had_old:
        shutil.rmtree(backup, ignore_errors=True)
