"""Curated corpus files (+ article texts when available) → RDF quads.

Pure: reads files, returns quads; no store, no network.  Every problem found is collected and
raised together as one :class:`CorpusError`, before anything is returned, so a caller never
stores half a corpus.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote as percent_encode

import pycountry
from pydantic import TypeAdapter
from pyoxigraph import Literal, NamedNode, Quad

from diplograph.ontology import ACTOR_CLASSES, EXTRACTED_GRAPHS, GRAPHS, ID, SOURCE_GRAPHS, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, WD, XSD, DCT, dg
from . import __version__
from .derived import RegistryIndex, event_reports
from .dates import DateError, ResolvedDate, resolve, weekday_of
from .errors import CorpusError, Problem
from .schema import (
    CLAIM_KINDS, ClaimBase, ClaimsFileHeader, DateSpec, EntityRecord, EventClaim, MembershipClaim,
    ParticipationClaim, SourceRecord, TenureClaim,
)
from .files import FileRefused, decode_utf8, read_regular_file
from .texts import find_quote, near_miss, sha256_text, texts_folder
from .yamlfile import line_of, read_yaml, validate

REGISTRY_GRAPH = NamedNode(GRAPHS["registry"])
META_GRAPH = NamedNode(GRAPHS["meta"])
CONSOLIDATED_GRAPH = NamedNode(GRAPHS["consolidated"])
ONTOLOGY_GRAPH = NamedNode(GRAPHS["ontology"])
INFERRED_GRAPH = NamedNode(GRAPHS["inferred"])

#: the actor classes an entity of the registry can have (the abstract ones excluded)
ACTOR_TYPES = frozenset(ACTOR_CLASSES) - {"Actor", "Organization"}
_SOURCE_LIST = TypeAdapter(list[SourceRecord])
#: YAML field of an event claim → (property, what the value may be)
EVENT_FIELDS: dict[str, tuple[str, str]] = {
    "agent": ("agent", "entity"), "target": ("target", "entity"), "place": ("place", "entity"),
    "announced_by": ("announcedBy", "entity"), "legal_basis": ("legalBasis", "legal"),
    "recognized_as": ("recognizedAs", "entity"), "charge": ("charge", "entity"),
    "beneficiary": ("beneficiary", "entity"), "candidate_for": ("candidateFor", "entity"),
    "on_behalf_of": ("onBehalfOf", "entity"), "office": ("office", "entity"),
}
MAX_TEXT_BYTES = 20_000_000  # an article is tens of kilobytes; far more is the wrong file (or a device)
UNIT = {"day": TIME.unitDay, "month": TIME.unitMonth, "year": TIME.unitYear}
DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
TIME_PROPERTY = {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}


def build_time(sources: list[SourceRecord] | tuple = ()) -> str | None:
    """The time a build records: $SOURCE_DATE_EPOCH when set, else the newest publication date of
    the sources (midnight UTC), never the clock, so that the same corpus gives the same bytes;
    None when no source is dated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    dates = [(s.published.value + "-01-01")[:10] for s in sources if s.published and s.published.value]
    return f"{max(dates)}T00:00:00Z" if dates else None


def source_iri(source_id: str) -> NamedNode:
    return NamedNode(f"{ID}source/{source_id}")


def source_graph(source_id: str, extracted: bool = False) -> NamedNode:
    """A source's graph: reviewed claims in dgg:source/{id}, unreviewed machine-extracted ones in
    dgg:extracted/source/{id} (never mixed)."""
    return NamedNode(f"{EXTRACTED_GRAPHS}source/{source_id}" if extracted else SOURCE_GRAPHS + source_id)


def entity_iri(ref: str) -> NamedNode:
    return NamedNode(ID + ref)


def event_iri(event_id: str) -> NamedNode:
    return NamedNode(f"{ID}event/{event_id}")


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


def _records(model, data: list, path: Path, problems: list[Problem]):
    """(index, validated record, line) for each item of a YAML list; invalid items go to ``problems``."""
    for i, item in enumerate(data):
        try:
            record = validate(model, item, path, (i,), data)
        except CorpusError as exc:
            problems.extend(exc.problems)
            continue
        yield i, record, line_of(data, (i,))


class _Loader:
    def __init__(self, corpus_dir: Path, texts_dir: Path | None, extracted: list[Path] | None = None) -> None:
        self.dir = corpus_dir
        self.texts_dir = texts_dir
        self.bundles = extracted or []
        self.text_dirs: dict[str, Path | None] = {}
        self.source_lines: dict[str, tuple[Path, int | None]] = {}  # source id → its sources.yaml entry
        self.sha256_lines: dict[str, int | None] = {}
        self.missing_texts: list[Problem] = []
        #: texts an earlier build verified, by path: [size, mtime_ns, sha256] (the build's manifest keeps them)
        self.known_texts: dict[str, list] = {}
        self.text_stats: dict[str, list] = {}
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.quads: list[Quad] = []
        self.entities: dict[str, EntityRecord] = {}
        self.provisions: set[str] = set()
        self.files: dict[str, str] = {}
        self.event_types: dict[str, tuple[str, Path, int | None]] = {}
        self.claim_count = 0
        self.event_refs: list[tuple[str, Path, int | None]] = []
        #: every event claim read: (event id, type, line of the claim, line of its type), for checks across files
        self.event_uses: list[tuple[str, str, int | None, int | None]] = []
        self.by_id: dict[str, SourceRecord] = {}
        self.claims_source: tuple[str, int | None] | None = None  # the last claims file's source and its line
        #: sources files as the last build read them, by name: {sha256, records: [[record, line, sha256 line]]}
        self.known_sources: dict[str, dict] = {}
        self.sources_cache: dict[str, dict] = {}  # the same, of this read (a build's manifest keeps it)

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

    def read_registry(self) -> tuple[list[SourceRecord], dict[str, str | None]]:
        """Sources, entities (the registry graph's quads) and the texts; raises on registry problems."""
        if not self.dir.is_dir():
            what = "not a folder" if self.dir.exists() else "corpus folder not found"
            raise CorpusError([Problem(self.dir, None, what, "pass the folder holding sources.yaml")])
        sources = self._collect(lambda: self._read_sources(self.dir / "sources.yaml", self.texts_dir))
        self._collect(lambda: self._read_entities([self.dir / "entities.yaml"] + sorted((self.dir / "entities.d").glob("*.yaml"))))
        for bundle in self.bundles:
            if not (bundle / "sources.yaml").is_file():
                self.problems.append(Problem(bundle, None, "not a folder written by `diplograph extract` (no sources.yaml)"))
                continue
            sources += self._collect(lambda b=bundle: self._read_sources(b / "sources.yaml", b / "texts", known=sources))
            self._collect(lambda b=bundle: self._read_entities(sorted((b / "entities.d").glob("*.yaml")), keep=True))
        if self.problems:  # claims refer to sources and entities: fix those first
            raise CorpusError(self.problems)
        texts: dict[str, str | None] = {}
        for source in sources:
            texts[source.id] = self._read_text(source)
        self.by_id = {s.id: s for s in sources}
        return sources, texts

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
                                             self._suggest(event_id, self.event_types)))

    def _collect(self, step) -> Any:
        try:
            return step()
        except CorpusError as exc:
            self.problems.extend(exc.problems)
            return []

    def file_name(self, path: Path) -> str:
        """A corpus file's name as the meta graph records it (relative to the corpus folder)."""
        text, folder = str(path), str(self.dir) + os.sep
        if text.startswith(folder) and ".." not in text:  # the common case, without pathlib's parsing
            return text[len(folder):]
        try:
            return str(path.relative_to(self.dir))
        except ValueError:
            return str(path)

    def _file_sha(self, path: Path) -> None:
        self.files[self.file_name(path)] = hashlib.sha256(path.read_bytes()).hexdigest()


    # -- sources ----------------------------------------------------------------------
    def _read_sources(self, path: Path, texts_dir: Path | None, known: list[SourceRecord] = ()) -> list[SourceRecord]:
        problems: list[Problem] = []
        cached = self._cached_sources(path)
        if cached is not None:
            data, records = None, cached
        else:
            data = read_yaml(path)
            self._file_sha(path)
            if not isinstance(data, list):
                raise CorpusError([Problem(path, 1, "expected a list of sources", "each item starts with '- id:'")])
            records = [(record, line, line_of(data, (i, "sha256")), i) for i, record, line in
                       _records(SourceRecord, data, path, problems)]
        sources, seen = [], {s.id: "another sources file" for s in known}
        for record, line, sha256_line, i in records:
            if record.id in seen:
                problems.append(Problem(path, line, f"duplicate source id {record.id!r}", f"first defined on line {seen[record.id]}"))
                continue
            seen[record.id] = line
            self.text_dirs[record.id] = texts_dir
            self.source_lines[record.id] = (path, line)
            self.sha256_lines[record.id] = sha256_line
            if cached is not None:  # its dates were checked when it was cached
                sources.append(record)
                continue
            if record.published and record.published.value:
                try:
                    from .dates import check_iso
                    check_iso(record.published.value)
                except DateError as exc:
                    problems.append(Problem(path, line_of(data, (i, "published", "value")),
                                            f"bad date: {exc}", "use YYYY, YYYY-MM or YYYY-MM-DD"))
            sources.append(record)
        if problems:
            raise CorpusError(problems)
        if cached is None:
            self.sources_cache[self.file_name(path)] = {
                "sha256": self.files[self.file_name(path)],
                "records": [[r.model_dump(mode="json", exclude_unset=True), line, sha_line] for r, line, sha_line, _ in records]}
        return sources

    def _cached_sources(self, path: Path) -> list | None:
        """The records of a sources file as the last build read them, when its bytes are the same
        (a registry of thousands of sources is read in milliseconds, not a second of YAML)."""
        entry = self.known_sources.get(self.file_name(path))
        if not entry:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        digest = hashlib.sha256(raw).hexdigest()
        if entry.get("sha256") != digest:
            return None
        try:
            records = _SOURCE_LIST.validate_python([r for r, _, _ in entry["records"]])
        except (ValueError, TypeError, KeyError):
            return None
        self.files[self.file_name(path)] = digest
        self.sources_cache[self.file_name(path)] = entry
        return [(record, line, sha_line, None) for record, (_, line, sha_line) in zip(records, entry["records"])]

    def _read_text(self, source: SourceRecord) -> str | None:
        texts_dir = self.text_dirs.get(source.id, self.texts_dir)
        registry, line = self.source_lines.get(source.id, (self.dir / "sources.yaml", None))
        if texts_dir is None:
            if not any("no texts folder" in w for w in self.warnings):
                self.warnings.append("no texts folder given (set DIPLOGRAPH_TEXTS or --texts): evidence is loaded unverified")
                self.missing_texts.append(Problem(registry, None, "no texts folder given: no evidence can be verified",
                                                  "set DIPLOGRAPH_TEXTS or pass --texts DIR"))
            return None
        path = texts_dir / source.file
        if not path.exists():
            self.warnings.append(f"text of {source.id} not found at {path}: its evidence is loaded unverified")
            self.missing_texts.append(Problem(registry, line, f"the text of source {source.id!r} is not at {path}",
                                              "put the article there, fix `file`, or point --texts at the right folder"))
            return None
        try:
            stat = path.stat()
        except OSError:
            stat = None
        mark = [stat.st_size, stat.st_mtime_ns, source.sha256] if stat else None
        if mark is not None and self.known_texts.get(str(path)) == mark:
            self.text_stats[str(path)] = mark
            return ""  # verified by an earlier build and unchanged since (size, time): not read again
        try:
            text = decode_utf8(read_regular_file(path, MAX_TEXT_BYTES))
        except FileRefused as exc:
            self.problems.append(Problem(path, exc.line, f"text of source {source.id!r}: {exc.message}", exc.hint))
            return None
        digest = sha256_text(text)
        if digest != source.sha256:
            self.problems.append(Problem(registry, self.sha256_lines.get(source.id, line),
                f"checksum mismatch for {source.file}: the text has sha256 {digest}, the registry says {source.sha256}",
                "the text changed since it was curated: re-check its claims, then update sha256"))
            return None
        if mark is not None:
            self.text_stats[str(path)] = mark
        return text

    # -- entity registry ----------------------------------------------------------------
    def _read_entities(self, paths: list[Path], keep: bool = False) -> None:
        """entities.yaml, then entities.d/*.yaml (more registry files, e.g. a corpus's own additions).

        With ``keep`` (an extraction's new entities), an id the registry already has is kept as it is.
        """
        problems: list[Problem] = []
        lines: dict[str, tuple[Path, int | None]] = getattr(self, "_entity_lines", {})
        self._entity_lines = lines
        first_new = len(self.entities)
        reported: set[str] = set()  # ids of entries already reported as invalid: no follow-on "unknown entity"
        for path in paths:
            data = read_yaml(path)
            self._file_sha(path)
            if not isinstance(data, list):
                problems.append(Problem(path, 1, "expected a list of entities", "each item starts with '- id:'"))
                continue
            reported.update(str(item["id"]) for item in data if isinstance(item, dict) and item.get("id"))
            for i, record, line in _records(EntityRecord, data, path, problems):
                if record.id in self.entities and keep:
                    continue
                if record.id in self.entities:
                    first_path, first_line = lines[record.id]
                    where = f"line {first_line}" if first_path == path else f"{first_path}:{first_line}"
                    problems.append(Problem(path, line, f"duplicate entity id {record.id!r}", f"first defined on {where}"))
                    continue
                if record.country_code and pycountry.countries.get(alpha_2=record.country_code) is None \
                        and pycountry.historic_countries.get(alpha_2=record.country_code) is None:
                    # states of the past keep their former code (ISO 3166-3: YU, SU, DD, CS)
                    problems.append(Problem(path, line, f"{record.country_code!r} is not an ISO 3166-1 alpha-2 code "
                                            "(nor a former one, ISO 3166-3)", "see pycountry / ISO 3166"))
                self.entities[record.id] = record
                reported.discard(record.id)
                lines[record.id] = (path, line)
                for prov in record.provisions:
                    self.provisions.add(f"{record.id}/{prov.id}")
        for eid, record in self.entities.items():
            for fld in ("located_in", "sending_state", "receiving_state", "post_in", "organ_of"):
                ref = getattr(record, fld)
                if ref is not None and ref not in self.entities and ref not in reported:
                    problems.append(Problem(lines[eid][0], lines[eid][1], f"{eid}.{fld}: unknown entity {ref!r}", self._suggest(ref)))
        if problems:
            raise CorpusError(problems)
        self._emit_registry(list(self.entities.values())[first_new:])

    def _emit_registry(self, records: list[EntityRecord]) -> None:
        g = REGISTRY_GRAPH
        add = self.quads.append
        for record in records:
            s = entity_iri(record.id)
            add(Quad(s, RDF.type, dg[record.type], g))
            add(Quad(s, RDFS.label, Literal(record.label, language="en"), g))
            for alias in record.aliases:
                add(Quad(s, SKOS.altLabel, Literal(alias, language="en"), g))
            if record.description:
                add(Quad(s, SKOS.scopeNote, Literal(record.description, language="en"), g))
            if record.wikidata:
                add(Quad(s, SKOS.exactMatch, WD[record.wikidata], g))
            if record.country_code:
                add(Quad(s, dg.countryCode, Literal(record.country_code), g))
            for fld, prop in (("located_in", dg.locatedIn), ("sending_state", dg.sendingState),
                              ("receiving_state", dg.receivingState), ("post_in", dg.postIn),
                              ("organ_of", ORG.subOrganizationOf)):
                ref = getattr(record, fld)
                if ref:
                    add(Quad(s, prop, entity_iri(ref), g))
            if record.single_holder is not None:
                add(Quad(s, dg.singleHolder, Literal(record.single_holder), g))
            for prov in record.provisions:
                p = entity_iri(f"{record.id}/{prov.id}")
                add(Quad(p, RDF.type, dg.Provision, g))
                add(Quad(p, RDFS.label, Literal(f"{prov.label} of the {record.label}", language="en"), g))
                add(Quad(p, dg.partOf, s, g))
                add(Quad(p, dg.provisionNumber, Literal(prov.number), g))

    def _suggest(self, ref: str, pool: Iterable[str] | None = None) -> str:
        pool = list(pool if pool is not None else list(self.entities) + sorted(self.provisions))
        close = difflib.get_close_matches(ref, pool, n=3, cutoff=0.6)
        if close:
            return "did you mean " + " or ".join(repr(c) for c in close) + "?"
        return "add it to corpus/entities.yaml or fix the id"

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
        emitter = _SourceEmitter(self, path, data, source, texts.get(source.id), header.extraction)
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
        g = META_GRAPH
        add = self.quads.append
        build = NamedNode(f"{ID}build/{hashlib.sha1(repr(sorted(self.files.items())).encode()).hexdigest()[:16]}")
        add(Quad(build, RDF.type, PROV.Activity, g))
        add(Quad(build, RDF.type, dg.ExtractionActivity, g))
        add(Quad(build, RDFS.label, Literal("diplograph corpus load", language="en"), g))
        add(Quad(build, dg.loaderVersion, Literal(__version__), g))
        ended = build_time(sources)
        if ended is not None:
            add(Quad(build, PROV.endedAtTime, Literal(ended, datatype=XSD.dateTime), g))
        for name, digest in sorted(self.files.items()):
            f = NamedNode(f"{ID}corpus-file/{percent_encode(name, safe='/')}")
            add(Quad(f, RDF.type, PROV.Entity, g))
            add(Quad(f, dg.fileName, Literal(name), g))
            add(Quad(f, dg.sha256, Literal(digest), g))
            add(Quad(build, PROV.used, f, g))
        from .history import recorded_times

        # when each source's claims entered the corpus and last changed there (its git history; none outside git)
        times = recorded_times(self.dir)
        for source in sources:
            graph = source_graph(source.id, extracted=self.text_dirs.get(source.id) != self.texts_dir)
            recorded = times.get(f"claims/{source.id}.yaml")
            if recorded and not graph.value.startswith(EXTRACTED_GRAPHS):
                add(Quad(graph, DCT.created, Literal(recorded[0], datatype=XSD.dateTime), g))
                add(Quad(graph, DCT.modified, Literal(recorded[1], datatype=XSD.dateTime), g))
            add(Quad(graph, RDF.type, PROV.Entity, g))
            add(Quad(graph, PROV.wasDerivedFrom, source_iri(source.id), g))
            add(Quad(graph, PROV.wasGeneratedBy, build, g))
            add(Quad(graph, dg.verified, Literal(texts.get(source.id) is not None), g))


class _SourceEmitter:
    """Turns one source's claims into quads in that source's named graph."""

    def __init__(self, loader: _Loader, path: Path, data: Any, source: SourceRecord, text: str | None,
                 extraction: str) -> None:
        self.loader = loader
        self.path = path
        self.data = data
        self.source = source
        self.text = text
        self.extraction = extraction
        self.graph = source_graph(source.id, extracted=extraction == "extracted")
        self.src = source_iri(source.id)
        self.quads: list[Quad] = []
        self.problems: list[Problem] = []
        self.claims: dict[NamedNode, set[NamedNode]] = {}
        self.claim_count = 0
        self.published = source.published.value if source.published else None
        self._emit_source()

    def add(self, s, p, o) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def problem(self, loc: tuple, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line_of(self.data, loc), message, hint))

    # -- the source itself -------------------------------------------------------------
    def _emit_source(self) -> None:
        s, src = self.src, self.source
        self.add(s, RDF.type, dg.Source)
        self.add(s, RDF.type, SCHEMA.NewsArticle)
        self.add(s, RDF.type, PROV.Entity)
        self.add(s, RDFS.label, Literal(src.title or src.label or src.id, language="en"))
        if src.title:
            self.add(s, DCT.title, Literal(src.title, language="en"))
        if src.publisher:
            self.add(s, DCT.publisher, Literal(src.publisher))
        if src.url:
            self.add(s, SCHEMA.url, NamedNode(src.url))
        self.add(s, DCT.language, Literal(src.language))
        self.add(s, SCHEMA.genre, Literal(src.genre))
        self.add(s, dg.fileName, Literal(src.file))
        self.add(s, dg.sha256, Literal(src.sha256))
        if self.text is not None:
            self.add(s, dg.charCount, Literal(len(self.text)))
        if src.published and src.published.value is None:
            self.add(s, RDFS.comment, Literal(f"Publication date unknown: {src.published.basis}", language="en"))
        elif src.published:
            node = NamedNode(f"{s.value}/publicationDate")
            self.add(s, dg.publicationDate, node)
            self._emit_date_node(node, ResolvedDate(None, src.published.value, inferred=src.published.inferred,
                                                     basis=src.published.basis))

    # -- claims -----------------------------------------------------------------------------
    def emit(self, claim: ClaimBase, loc: tuple) -> None:
        mentions = [m for m in (self._mention(q, loc + ("evidence", i)) for i, q in enumerate(claim.evidence)) if m]
        triples: list[tuple] = []
        if isinstance(claim, EventClaim):
            triples = self._event(claim, loc)
        elif isinstance(claim, TenureClaim):
            triples = self._tenure(claim, loc)
        elif isinstance(claim, MembershipClaim):
            triples = self._membership(claim, loc)
        elif isinstance(claim, ParticipationClaim):
            triples = self._participation(claim, loc)
        for s, p, o in triples:
            self.add(s, p, o)
            self._claim(s, p, o, mentions, claim.note, claim.confidence, claim.basis == "inferred")

    def _claim(self, s, p, o, mentions: list[NamedNode], note: str | None, confidence: float | None = None,
               inferred: bool = False) -> None:
        key = hashlib.sha1(f"{s}|{p}|{o}".encode()).hexdigest()[:12]
        c = NamedNode(f"{ID}claim/{self.source.id}/{key}")
        if c not in self.claims:
            self.claims[c] = set()
            self.claim_count += 1
            self.add(c, RDF.type, dg.Claim)
            self.add(c, RDF.type, RDF.Statement)
            self.add(c, RDF.subject, s)
            self.add(c, RDF.predicate, p)
            self.add(c, RDF.object, o)
            self.add(c, dg.source, self.src)
            self.add(c, PROV.wasDerivedFrom, self.src)
            self.add(c, dg.extractionMethod, Literal(self.extraction))
        for m in mentions:
            if m not in self.claims[c]:
                self.claims[c].add(m)
                self.add(c, dg.evidence, m)
        if note:
            self.add(c, dg.curationNote, Literal(note))
        if inferred:  # the curator's reading, not the text's words: shown as such downstream
            self.add(c, dg.inferred, Literal(True))
        if confidence is not None:
            self.add(c, dg.confidence, Literal(f"{confidence:.2f}", datatype=XSD.decimal))

    def _mention(self, evidence, loc: tuple) -> NamedNode | None:
        quote = evidence if isinstance(evidence, str) else evidence.quote
        if not isinstance(evidence, str) and self.text is not None:
            if self.text[evidence.start:evidence.start + len(quote)] != quote:
                self.problem(loc, f"the quote is not at offset {evidence.start} of {self.source.file}: {quote!r}",
                             "fix the offset or drop it (the loader then finds the quote)")
                return None
            start = evidence.start
            m = NamedNode(f"{ID}mention/{self.source.id}/{start}-{start + len(quote)}")
            self._emit_mention(m, quote, start, start + len(quote), verified=True)
            return m
        if self.text is None:
            m = NamedNode(f"{ID}mention/{self.source.id}/q-{hashlib.sha1(quote.encode()).hexdigest()[:12]}")
            self._emit_mention(m, quote, None, None, verified=False)
            return m
        span = find_quote(self.text, quote)
        if span is None:
            near = near_miss(self.text, quote)
            hint = f"the text has {near!r}" if near else "copy the words exactly from the article text"
            self.problem(loc, f"quote not in the text of {self.source.file}: {quote!r}", hint)
            return None
        m = NamedNode(f"{ID}mention/{self.source.id}/{span.start}-{span.end}")
        self._emit_mention(m, quote, span.start, span.end, verified=True)
        return m

    def _emit_mention(self, m, quote, start, end, verified) -> None:
        self.add(m, RDF.type, dg.Mention)
        self.add(m, dg.inSource, self.src)
        self.add(m, dg.quote, Literal(quote))
        if start is not None:
            self.add(m, dg.startOffset, Literal(start))
            self.add(m, dg.endOffset, Literal(end))
        self.add(m, dg.verified, Literal(verified))

    # -- references --------------------------------------------------------------------------
    def _ref(self, ref: str, loc: tuple, kind: str = "entity") -> NamedNode | None:
        ents = self.loader.entities
        if "/" in ref:
            if ref in self.loader.provisions and kind == "legal":
                return entity_iri(ref)
            self.problem(loc, f"unknown provision {ref!r}", self.loader._suggest(ref, sorted(self.loader.provisions)))
            return None
        if ref not in ents:
            self.problem(loc, f"unknown entity {ref!r}", self.loader._suggest(ref))
            return None
        if kind == "legal" and ents[ref].type not in ("Treaty", "Convention", "Protocol"):
            self.problem(loc, f"{ref!r} is a {ents[ref].type}, not a legal instrument or provision", "legal_basis takes an instrument or 'instrument/provision'")
            return None
        return entity_iri(ref)

    def _typed_ref(self, ref: str, loc: tuple, allowed: set[str], what: str) -> NamedNode | None:
        node = self._ref(ref, loc)
        if node is not None and self.loader.entities[ref].type not in allowed:
            self.problem(loc, f"{ref!r} is a {self.loader.entities[ref].type}, but {what}", "use an entity of the right type")
            return None
        return node

    def _date(self, subject: NamedNode, prop: NamedNode, spec: DateSpec, loc: tuple) -> list[tuple]:
        if spec.phrase is not None and self.text is not None and spec.phrase not in self.text:
            self.problem(loc + ("phrase",), f"date phrase not in the text of {self.source.file}: {spec.phrase!r}",
                         "copy the date's words exactly, or give only a value with a basis")
            return []
        try:
            resolved = resolve(spec.phrase, self.published, value=spec.value, qualifier=spec.qualifier, basis=spec.basis)
        except DateError as exc:
            self.problem(loc + ("value",), f"bad date: {exc}", "use a real date as YYYY, YYYY-MM or YYYY-MM-DD")
            return []
        local = prop.value.rsplit("#", 1)[-1]
        node = NamedNode(f"{subject.value}/{local}/{self.source.id}")
        self._emit_date_node(node, resolved)
        return [(subject, prop, node)]

    def _emit_date_node(self, node: NamedNode, d: ResolvedDate) -> None:
        self.add(node, RDF.type, dg.DateValue)
        self.add(node, RDF.type, TIME.Instant)
        if d.value is not None:
            precision = d.precision
            self.add(node, dg.dateValue, Literal(d.value, datatype=DATATYPE[precision]))
            self.add(node, TIME_PROPERTY[precision], Literal(d.value, datatype=DATATYPE[precision]))
            self.add(node, TIME.unitType, UNIT[precision])
        weekday = d.weekday or weekday_of(d.value)
        if weekday:
            self.add(node, dg.weekday, Literal(weekday))
        if d.phrase:
            self.add(node, dg.datePhrase, Literal(d.phrase))
        if d.qualifier:
            self.add(node, dg.dateQualifier, Literal(d.qualifier))
        if d.inferred:
            self.add(node, dg.inferred, Literal(True))
        if d.basis:
            self.add(node, dg.dateBasis, Literal(d.basis))

    # -- claim kinds --------------------------------------------------------------------------
    def _event(self, claim: EventClaim, loc: tuple) -> list[tuple]:
        e = event_iri(claim.event)
        known = self.loader.event_types.get(claim.event)
        if known and known[0] != claim.type:
            self.problem(loc + ("type",), f"event {claim.event!r} is a {claim.type} here but a {known[0]} in {known[1]}:{known[2]}",
                         "one event id, one type: fix the type or use another event id")
            return []
        if not known:
            self.loader.event_types[claim.event] = (claim.type, self.path, line_of(self.data, loc))
        self.loader.event_uses.append((claim.event, claim.type, line_of(self.data, loc), line_of(self.data, loc + ("type",))))
        triples: list[tuple] = [(e, RDF.type, dg[claim.type])]
        for fld, (prop, kind) in EVENT_FIELDS.items():
            for i, ref in enumerate(getattr(claim, fld)):
                if fld == "agent":
                    node = self._typed_ref(ref, loc + (fld, i), ACTOR_TYPES, "an agent must be an actor")
                elif fld == "place":
                    node = self._typed_ref(ref, loc + (fld, i), {"City", "Embassy", "DiplomaticMission", "State"}, "a place must be a city, mission or state")
                elif fld == "charge":
                    node = self._typed_ref(ref, loc + (fld, i), {"CriminalOffence"}, "a charge must be a criminal offence")
                else:
                    node = self._ref(ref, loc + (fld, i), kind)
                if node is not None:
                    triples.append((e, dg[prop], node))
        if claim.date:
            triples += self._date(e, dg.onDate, claim.date, loc + ("date",))
        if claim.penalty:
            triples.append((e, dg.penalty, Literal(claim.penalty)))
        if claim.deadline:
            triples.append((e, dg.deadline, Literal(claim.deadline)))
        if claim.votes:
            triples.append((e, dg.votesFor, Literal(claim.votes.in_favour)))
            if claim.votes.against is not None:
                triples.append((e, dg.votesAgainst, Literal(claim.votes.against)))
            if claim.votes.abstain is not None:
                triples.append((e, dg.abstentions, Literal(claim.votes.abstain)))
        if claim.quotation:
            if self.text is not None and claim.quotation not in self.text:
                near = near_miss(self.text, claim.quotation)
                self.problem(loc + ("quotation",), f"quotation not in the text of {self.source.file}: {claim.quotation!r}",
                             f"the text has {near!r}" if near else "copy the words exactly")
            else:
                triples.append((e, dg.quotation, Literal(claim.quotation)))
        return triples

    def _tenure(self, claim: TenureClaim, loc: tuple) -> list[tuple]:
        holder = self._typed_ref(claim.tenure.holder, loc + ("tenure", "holder"), {"Person"}, "a post holder must be a person")
        post = self._typed_ref(claim.tenure.post, loc + ("tenure", "post"), {"Post"}, "a tenure is of a post")
        if holder is None or post is None:
            return []
        t = NamedNode(f"{ID}tenure/{claim.tenure.holder}--{claim.tenure.post}")
        triples: list[tuple] = [(t, RDF.type, dg.Tenure), (t, RDF.type, ORG.Membership),
                                (t, dg.holder, holder), (t, dg.post, post)]
        for i, event_id in enumerate(claim.at):
            triples.append((t, dg.heldAt, event_iri(event_id)))
            # events may be defined in a later file: checked once all files are read
            self.loader.event_refs.append((event_id, self.path, line_of(self.data, loc + ("at", i))))
        if claim.start:
            triples += self._date(t, dg.startDate, claim.start, loc + ("start",))
        if claim.end:
            triples += self._date(t, dg.endDate, claim.end, loc + ("end",))
        if claim.acting is not None:
            triples.append((t, dg.acting, Literal(claim.acting)))
        return triples

    def _membership(self, claim: MembershipClaim, loc: tuple) -> list[tuple]:
        member = self._ref(claim.membership.member, loc + ("membership", "member"))
        org = self._typed_ref(claim.membership.organization, loc + ("membership", "organization"),
                              ACTOR_TYPES - {"State", "Person", "Group"}, "members join organisations")
        if member is None or org is None:
            return []
        m = NamedNode(f"{ID}membership/{claim.membership.member}--{claim.membership.organization}")
        triples: list[tuple] = [(m, RDF.type, ORG.Membership), (m, ORG.member, member), (m, ORG.organization, org)]
        if claim.start:
            triples += self._date(m, dg.startDate, claim.start, loc + ("start",))
        if claim.end:
            triples += self._date(m, dg.endDate, claim.end, loc + ("end",))
        return triples

    def _participation(self, claim: ParticipationClaim, loc: tuple) -> list[tuple]:
        state = self._typed_ref(claim.party_to.state, loc + ("party_to", "state"), {"State"}, "parties to instruments are states")
        inst = self._ref(claim.party_to.instrument, loc + ("party_to", "instrument"), "legal")
        if state is None or inst is None:
            return []
        p = NamedNode(f"{ID}participation/{claim.party_to.state}--{claim.party_to.instrument}")
        return [(p, RDF.type, dg.TreatyParticipation), (p, dg.partyState, state), (p, dg.instrument, inst)]
