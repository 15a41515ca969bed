"""Claims files → N-Quads, file by file, in a pool of processes, for a streaming build.

The registry (sources, entities, texts' checksums) is read once in the parent, as
:func:`load_corpus` does; then each claims file is read, checked and turned into the N-Quads of
its source's graph in a worker process (YAML parsing and quote finding are pure Python: one core
each).  Results come back in file order, one file at a time, so a caller streams them into the
store and reports a file's problems as soon as it is read; no list of the whole corpus's quads is
ever held.  Checks across files (one type per event id, ``at:`` references to events, one claims
file per source) are made in the parent from what each file reports.
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.ontology import RDF, dg
from pyoxigraph import Quad, RdfFormat, serialize

from .corpus import _Loader
from .errors import CorpusError, Problem
from .files import decode_utf8, read_regular_file
from .iris import CONSOLIDATED_GRAPH
from .registry import MAX_TEXT_BYTES
from .texts import texts_folder

SMALL_CORPUS = 16  # claims files; fewer are read in-process (starting workers costs more than it saves)
IN_FLIGHT_PER_WORKER = 8  # files read ahead of the store per worker: keeps workers busy, bounds memory


@dataclass
class FileResult:
    """One claims file, read and checked."""

    path: Path
    name: str  # as recorded in the meta graph
    sha256: str
    source: str | None
    graph: str | None
    nquads: bytes
    claim_count: int = 0
    event_uses: list = field(default_factory=list)  # (event id, type, line, type line)
    event_refs: list = field(default_factory=list)  # (event id, line)
    problems: list[Problem] = field(default_factory=list)
    source_line: int | None = None
    #: the graph's facts (every triple but the claim, mention and source bookkeeping) in dgg:consolidated
    facts: bytes = b""


class CorpusReader:
    """The registry of a corpus, read and checked; claims files are read on demand."""

    def __init__(self, corpus_dir: str | Path, texts: str | Path | None = None,
                 extracted: list[str | Path] | tuple = (), *, known_texts: dict[str, list] | None = None,
                 known_sources: dict[str, dict] | None = None) -> None:
        self.loader = _Loader(Path(corpus_dir), texts_folder(texts), [Path(p) for p in extracted])
        self.loader.known_texts = dict(known_texts or {})  # verified by the last build: not read again if unchanged
        self.loader.known_sources = dict(known_sources or {})  # sources files as the last build read them
        self.sources, texts_read = self.loader.read_registry()  # raises CorpusError on registry problems
        self.verified = {sid: text is not None for sid, text in texts_read.items()}
        self.loader.registry_index()  # made once here, shared by every file's loader (and the forked workers)
        self.registry_quads = list(self.loader.quads)
        self.loader.quads.clear()
        self.claim_files = self.loader.claim_files()

    @property
    def problems(self) -> list[Problem]:
        """Problems with the texts (checksums), found while reading the registry."""
        return self.loader.problems

    def file_name(self, path: Path) -> str:
        return self.loader.file_name(path)

    def read(self, paths: list[Path], workers: int | None = None) -> Iterator[FileResult]:
        """Read ``paths`` (claims files), in parallel when there are many; results in their order."""
        global _READER
        if len(paths) < SMALL_CORPUS or (workers or os.cpu_count() or 1) < 2:
            _READER = self
            yield from map(_read_one, paths)
            return
        _READER = self  # inherited by the forked workers
        ctx = multiprocessing.get_context("fork")
        processes = workers or os.cpu_count() or 1
        with ctx.Pool(processes) as pool:
            # a bounded window of files in flight, not ``imap``: its results queue up without limit when the
            # store takes them more slowly than the workers make them (gigabytes of N-Quads at 10M quads)
            pending: deque = deque()
            upcoming = iter(paths)
            for path in itertools.islice(upcoming, IN_FLIGHT_PER_WORKER * processes):
                pending.append(pool.apply_async(_read_one, (path,)))
            while pending:
                result = pending.popleft().get()
                for path in itertools.islice(upcoming, 1):
                    pending.append(pool.apply_async(_read_one, (path,)))
                yield result


_READER: CorpusReader | None = None


class _VerifiedTexts:
    """The texts a claims file's checks need, read when asked (the registry checked their checksums)."""

    def __init__(self, reader: CorpusReader) -> None:
        self.reader = reader

    def get(self, source_id: str) -> str | None:
        if not self.reader.verified.get(source_id):
            return None
        loader = self.reader.loader
        source = loader.by_id[source_id]
        texts_dir = loader.text_dirs.get(source_id, loader.texts_dir)
        return decode_utf8(read_regular_file(texts_dir / source.file, MAX_TEXT_BYTES))


def _read_one(path: Path) -> FileResult:
    reader = _READER
    base = reader.loader
    loader = _Loader(base.dir, base.texts_dir, base.bundles)
    for name in ("entities", "provisions", "text_dirs", "source_lines", "sha256_lines", "by_id", "_registry_index"):
        setattr(loader, name, getattr(base, name))
    raw = path.read_bytes()
    result = FileResult(path, reader.file_name(path), hashlib.sha256(raw).hexdigest(), None, None, b"")
    try:
        loader._read_claims(path, base.by_id, _VerifiedTexts(reader), {})
    except CorpusError as exc:
        result.problems = exc.problems
    if loader.claims_source is not None:  # which source the file is about, for the checks across files
        result.source, result.source_line = loader.claims_source
    if not result.problems:
        result.nquads = serialize(loader.quads, format=RdfFormat.N_QUADS)
        result.graph = loader.quads[0].graph_name.value if loader.quads else None
        result.facts = serialize(consolidated_facts(loader.quads), format=RdfFormat.N_QUADS)
    result.claim_count = loader.claim_count
    result.event_uses = loader.event_uses
    result.event_refs = [(event_id, line) for event_id, _, line in loader.event_refs]
    return result


_BOOKKEEPING = frozenset({dg.Claim, dg.Mention, dg.Source})


def consolidated_facts(quads: list[Quad]) -> list[Quad]:
    """One source graph's contribution to the consolidated view, made here rather than by one SPARQL
    ``INSERT`` over the whole store (a quarter of a full build): every triple whose subject the
    graph does not type as a claim, mention or source, in dgg:consolidated (the rows of
    :data:`graph.builder.CONSOLIDATE` for that graph)."""
    if not quads:
        return []
    graph = quads[0].graph_name  # the source graph (its derived graph follows it: not facts of the source)
    bookkeeping = {q.subject for q in quads if q.predicate == RDF.type and q.object in _BOOKKEEPING}
    return [Quad(q.subject, q.predicate, q.object, CONSOLIDATED_GRAPH) for q in quads
            if q.subject not in bookkeeping and q.graph_name == graph]


class CrossChecks:
    """What must hold across files, checked as results arrive (in file order)."""

    def __init__(self) -> None:
        self.event_types: dict[str, tuple[str, Path, int | None]] = {}
        self.event_refs: list[tuple[str, Path, int | None]] = []
        self.sources: dict[str, Path] = {}

    def add(self, result: FileResult) -> list[Problem]:
        """Record one file; returns its problems across files (one claims file per source, event types)."""
        problems: list[Problem] = []
        if result.source is not None and result.source in self.sources:
            return [Problem(result.path, result.source_line, f"source {result.source!r} already has a claims file",
                            f"merge it into {self.sources[result.source]}")]
        if result.source is not None:
            self.sources[result.source] = result.path
        own: set[str] = set()
        for event_id, kind, line, type_line in result.event_uses:
            known = self.event_types.get(event_id)
            if known and event_id not in own and known[0] != kind:
                problems.append(Problem(result.path, type_line,
                                        f"event {event_id!r} is a {kind} here but a {known[0]} in {known[1]}:{known[2]}",
                                        "one event id, one type: fix the type or use another event id"))
        for event_id, kind, line, _ in result.event_uses:
            if event_id not in self.event_types:
                self.event_types[event_id] = (kind, result.path, line)
                own.add(event_id)
        self.event_refs += [(event_id, result.path, line) for event_id, line in result.event_refs]
        return problems

    def finish(self, loader: _Loader) -> list[Problem]:
        loader.event_types = self.event_types
        loader.event_refs = self.event_refs
        before = len(loader.problems)
        loader.check_event_refs()
        found = loader.problems[before:]
        del loader.problems[before:]
        return found
