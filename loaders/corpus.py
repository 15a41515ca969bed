"""Curated corpus files (+ article texts when available) → RDF quads.

Pure: reads files, returns quads; no store, no network.  Every problem found is collected and
raised together as one :class:`CorpusError`, before anything is returned, so a caller never
stores half a corpus.  The work is in four modules: the registry (``registry.py``: sources,
entities, texts), each source's claims (``claim_quads.py``), the meta graph (``meta.py``) and the
IRIs they mint (``iris.py``); this one reads the claims files and checks what holds across them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.ontology import RDF, dg
from pyoxigraph import NamedNode, Quad

from .claim_quads import ACTOR_TYPES, SourceEmitter
from .derived import RegistryIndex, event_reports
from .errors import CorpusError, Problem
from .iris import (
    CONSOLIDATED_GRAPH,
    INFERRED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    REGISTRY_GRAPH,
    entity_iri,
    event_iri,
    source_graph,
    source_iri,
)
from .meta import build_time, meta_quads
from .registry import RegistryReader
from .schema import CLAIM_KINDS, ClaimsFileHeader, EntityRecord, SourceRecord
from .texts import texts_folder
from .yamlfile import line_of, read_yaml, validate

__all__ = [  # the names other parts of diplograph import from here
    "ACTOR_TYPES", "CONSOLIDATED_GRAPH", "Corpus", "INFERRED_GRAPH", "META_GRAPH", "ONTOLOGY_GRAPH",
    "REGISTRY_GRAPH", "build_time", "entity_iri", "event_iri", "load_corpus", "source_graph", "source_iri",
]


@dataclass
class Corpus:
    """What a load produced: the quads and what a summary needs."""

    quads: list[Quad]
    sources: list[SourceRecord]
    entities: dict[str, EntityRecord]
    claim_count: int
    event_ids: set[str]
    texts_found: int
    warnings: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # corpus file → sha256
    #: sources whose text was not found (each at its line in sources.yaml); a build refuses these
    #: unless told to load their evidence unverified
    missing_texts: list[Problem] = field(default_factory=list)


def load_corpus(corpus_dir: str | Path, texts: str | Path | None = None,
                extracted: list[str | Path] | tuple = ()) -> Corpus:
    """Read ``corpus_dir`` (sources.yaml, entities.yaml, claims/*.yaml) into quads.

    ``texts`` is the folder of article texts (default: $DIPLOGRAPH_TEXTS); without it the claims
    are loaded unverified and a warning says so.  ``extracted`` are folders written by
    `diplograph extract` (sources.yaml, entities.d/, claims/, texts/): their unreviewed claims go
    into their own graphs, ``dgg:extracted/source/{id}``.  Raises CorpusError listing every problem.
    """
    return _Loader(Path(corpus_dir), texts_folder(texts), [Path(p) for p in extracted]).run()


class _Loader(RegistryReader):
    """Reads the claims files on top of the registry (:class:`RegistryReader`)."""

    def __init__(self, corpus_dir: Path, texts_dir: Path | None, extracted: list[Path] | None = None) -> None:
        super().__init__(corpus_dir, texts_dir, extracted)
        self.event_types: dict[str, tuple[str, Path, int | None]] = {}
        self.claim_count = 0
        self.event_refs: list[tuple[str, Path, int | None]] = []
        #: every event claim read: (event id, type, line of the claim, line of its type), for checks across files
        self.event_uses: list[tuple[str, str, int | None, int | None]] = []
        self.claims_source: tuple[str, int | None] | None = None  # the last claims file's source and its line

    # -- driver ---------------------------------------------------------------------
    def run(self) -> Corpus:
        sources, texts = self.read_registry()
        seen_sources: dict[str, Path] = {}
        for path in self.claim_files():
            self._collect(lambda p=path: self._read_claims(p, self.by_id, texts, seen_sources))
        self.check_event_refs()
        self._collect(self._check_ranks)
        if self.problems:
            raise CorpusError(self.problems)
        self._emit_meta(sources, texts)
        return Corpus(self.quads, sources, self.entities, self.claim_count, set(self.event_types),
                      sum(t is not None for t in texts.values()), self.warnings, self.files, self.missing_texts)

    def claim_files(self) -> list[Path]:
        # by name (the order of Paths within one folder; comparing Path objects was a second at 8,000 files)
        files = sorted((self.dir / "claims").glob("*.yaml"), key=lambda p: p.name)
        return files + [p for b in self.bundles for p in sorted((b / "claims").glob("*.yaml"), key=lambda p: p.name)]

    def _check_ranks(self) -> None:
        """The curators' ranks (curation.yaml): each about a claim these claims files make (the quads are
        loaded into dgg:curation by the build, see diplograph.loaders.curation)."""
        from .curation import CURATION_FILE, missing_claims, read_curation

        ranks = read_curation(self.dir, set(self.by_id))
        made = {(q.subject, q.graph_name) for q in self.quads if q.predicate == RDF.type and q.object == dg.Claim}
        missing = missing_claims(ranks, lambda c, g: (c, g) in made, self.dir / CURATION_FILE)
        if missing:
            raise CorpusError(missing)

    def check_event_refs(self) -> None:
        for event_id, path, line in self.event_refs:
            if event_id not in self.event_types:
                self.problems.append(Problem(path, line, f"unknown event {event_id!r}",
                                             self.suggest(event_id, self.event_types)))

    # -- claims ------------------------------------------------------------------------
    def _read_claims(self, path: Path, sources: dict[str, SourceRecord], texts: dict[str, str | None],
                     seen_sources: dict[str, Path]) -> None:
        data = read_yaml(path)
        self._file_sha(path)
        header = validate(ClaimsFileHeader, data, path)
        self.claims_source = (header.source, line_of(data, ("source",)))
        if header.source not in sources:
            close = difflib.get_close_matches(header.source, list(sources), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "add the article to corpus/sources.yaml"
            raise CorpusError([Problem(path, line_of(data, ("source",)), f"unknown source {header.source!r}", hint)])
        if header.source in seen_sources:
            raise CorpusError([Problem(path, line_of(data, ("source",)), f"source {header.source!r} already has a claims file",
                                       f"merge it into {seen_sources[header.source]}")])
        seen_sources[header.source] = path
        source = sources[header.source]
        emitter = SourceEmitter(self, path, data, source, texts.get(source.id), header.extraction)
        problems: list[Problem] = []
        for i, item in enumerate(header.claims):
            loc = ("claims", i)
            kinds = [k for k in CLAIM_KINDS if isinstance(item, dict) and k in item]
            if len(kinds) != 1:
                problems.append(Problem(path, line_of(data, loc),
                    "a claim needs exactly one of: " + ", ".join(CLAIM_KINDS), "start the item with '- event:', '- tenure:', ..."))
                continue
            try:
                claim = validate(CLAIM_KINDS[kinds[0]], item, path, loc, data)
                emitter.emit(claim, loc)
            except CorpusError as exc:
                problems.extend(exc.problems)
        problems.extend(emitter.problems)
        if problems:
            raise CorpusError(problems)
        self.quads.extend(emitter.quads)
        self.claim_count += emitter.claim_count
        # the index the build derives from these claims and the registry, in a graph of its own (loaders/derived.py)
        self.quads.extend(event_reports(emitter.quads, self.registry_index()))

    def registry_index(self) -> RegistryIndex:
        """The registry's closure, made once (forked workers inherit it with the loader's entities)."""
        index = self.__dict__.get("_registry_index")
        if index is None or index[0] is not self.entities:
            index = self._registry_index = (self.entities, RegistryIndex(self.entities))
        return index[1]

    # -- metadata ------------------------------------------------------------------------
    def _emit_meta(self, sources: list[SourceRecord], texts: dict[str, str | None]) -> None:
        self.quads += meta_quads(self.dir, self.files, sources, texts, self.graph_of)

    def graph_of(self, source_id: str) -> NamedNode:
        """A source's graph: an extraction folder's sources (their texts beside them) in dgg:extracted/."""
        return source_graph(source_id, extracted=self.text_dirs.get(source_id) != self.texts_dir)
