"""A corpus's registry → checked records and the registry graph's quads.

The registry is what every claims file refers to: the sources (``sources.yaml``, and each
extraction folder's), the entities (``entities.yaml``, ``entities.d/*.yaml``) and the article texts,
each checked against the checksum its source gives.  :class:`RegistryReader` reads them and collects
every problem found; :class:`diplograph.loaders.corpus._Loader` reads the claims files on top of it.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from diplograph.ontology import ORG, RDF, RDFS, SKOS, WD, dg
from pydantic import TypeAdapter
from pyoxigraph import Literal, Quad

from .country_codes import known_state_code
from .dates import DateError
from .errors import CorpusError, Problem
from .files import FileRefused, decode_utf8, read_regular_file
from .iris import REGISTRY_GRAPH, entity_iri
from .schema import EntityRecord, SourceRecord
from .texts import sha256_text
from .yamlfile import line_of, read_yaml, validate

_SOURCE_LIST = TypeAdapter(list[SourceRecord])
MAX_TEXT_BYTES = 20_000_000  # an article is tens of kilobytes; far more is the wrong file (or a device)


def _records(model, data: list, path: Path, problems: list[Problem]):
    """(index, validated record, line) for each item of a YAML list; invalid items go to ``problems``."""
    for i, item in enumerate(data):
        try:
            record = validate(model, item, path, (i,), data)
        except CorpusError as exc:
            problems.extend(exc.problems)
            continue
        yield i, record, line_of(data, (i,))


class RegistryReader:
    """Sources, entities and texts of one corpus (and its extraction folders), read and checked."""

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
        self.by_id: dict[str, SourceRecord] = {}
        #: sources files as the last build read them, by name: {sha256, records: [[record, line, sha256 line]]}
        self.known_sources: dict[str, dict] = {}
        self.sources_cache: dict[str, dict] = {}  # the same, of this read (a build's manifest keeps it)

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
            sources += self._collect(lambda b=bundle, known=sources: self._read_sources(b / "sources.yaml", b / "texts", known=known))
            self._collect(lambda b=bundle: self._read_entities(sorted((b / "entities.d").glob("*.yaml")), keep=True))
        if self.problems:  # claims refer to sources and entities: fix those first
            raise CorpusError(self.problems)
        texts: dict[str, str | None] = {}
        for source in sources:
            texts[source.id] = self._read_text(source)
        self.by_id = {s.id: s for s in sources}
        return sources, texts

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
                if record.country_code and not known_state_code(record.country_code):
                    # states of the past keep their former code (ISO 3166-3: YU, SU, DD, CS)
                    problems.append(Problem(path, line, f"{record.country_code!r} is not an ISO 3166-1 alpha-2 code "
                                            "(nor a former one, ISO 3166-3, nor one of country_codes.STATES_OUTSIDE_ISO)",
                                            "see pycountry / ISO 3166"))
                self.entities[record.id] = record
                reported.discard(record.id)
                lines[record.id] = (path, line)
                for prov in record.provisions:
                    self.provisions.add(f"{record.id}/{prov.id}")
        for eid, record in self.entities.items():
            for fld in ("located_in", "sending_state", "receiving_state", "post_in", "organ_of"):
                ref = getattr(record, fld)
                if ref is not None and ref not in self.entities and ref not in reported:
                    problems.append(Problem(lines[eid][0], lines[eid][1], f"{eid}.{fld}: unknown entity {ref!r}", self.suggest(ref)))
        if problems:
            raise CorpusError(problems)
        self.quads += registry_quads(list(self.entities.values())[first_new:])

    def suggest(self, ref: str, pool: Iterable[str] | None = None) -> str:
        pool = list(pool if pool is not None else list(self.entities) + sorted(self.provisions))
        close = difflib.get_close_matches(ref, pool, n=3, cutoff=0.6)
        if close:
            return "did you mean " + " or ".join(repr(c) for c in close) + "?"
        return "add it to corpus/entities.yaml or fix the id"


def registry_quads(records: list[EntityRecord]) -> list[Quad]:
    """The registry graph's quads of these entities."""
    g = REGISTRY_GRAPH
    out: list[Quad] = []
    add = out.append
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
    return out
