"""Reading new articles: extract → review → (build), and evaluation against reviewed claims.

``extract_articles`` writes an *extraction folder* shaped like a small corpus: ``sources.yaml``,
``entities.d/{source}.yaml`` (entities the rules minted), ``claims/{source}.yaml`` (curated
format, ``extraction: extracted``, each claim with its evidence offsets and confidence) and
``texts/`` (the article texts, so evidence can be verified), and ``same-as.yaml``: pairs of events
that two sources may both report (same type, a shared agent or target, compatible dates), with
that evidence, for the reviewer to decide; events are never merged across sources silently.
Folders of articles are read in name order, and ``jobs`` processes extract them (each loads the
registry and the parser once); the output is the same for any number of jobs.  Nothing there joins the reviewed
corpus until ``review`` accepts it; ``diplograph build --extracted DIR`` can load it, unreviewed,
into its own named graphs (``dgg:extracted/source/{id}``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.errors import CorpusError
from diplograph.loaders.extract import ExtractionInputError, read_article
from diplograph.loaders.extract.identity import reported_events, same_as_candidates
from diplograph.loaders.files import describe
from diplograph.loaders.schema import EntityRecord
from diplograph.loaders.yamlfile import read_yaml
from ruamel.yaml import YAML

from .errors import DiplographError
from .settings import (
    TEXTS_ENV,
    default_corpus,
    project_texts,
    registry_corpus,
    seed_corpus,
)


def _yaml() -> YAML:
    y = YAML()
    y.indent(mapping=2, sequence=2, offset=0)  # "- id: ..." at the margin, as the curated files are
    y.width = 120
    y.allow_unicode = True
    return y


def _dump(data: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


def registry(corpus_dir: str | Path | None = None) -> dict[str, EntityRecord]:
    """The entity registry of a corpus (texts are not needed to read it)."""
    return load_corpus(registry_corpus(corpus_dir), texts=None).entities


@dataclass
class ExtractedArticle:
    path: Path
    source_id: str
    claims_file: Path
    sentences: int
    events: int
    tenures: int
    new_entities: int
    published: str | None
    truncated: bool = False       # the page is for subscribers: its text may be only the story's start


#: the files a folder of articles is read for
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def article_files(paths: list[str | Path]) -> list[Path]:
    """The articles named: files as given, folders as their .txt/.html files in name order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            named = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and not p.is_dir())
            # a FIFO would block, a device never end: named like articles, they are refused, not skipped
            for entry in named:
                kind = describe(entry)
                if kind is not None:
                    raise DiplographError(f"{entry}: {kind}, not an article file (remove it from the folder, "
                                          "or name the article files themselves)")
            if not named:
                raise DiplographError(f"{path}: no articles in this folder (looked for {', '.join(ARTICLE_SUFFIXES)} files; "
                                      "put the articles there, or name the article files themselves)")
            files += named
        else:
            files.append(path)
    return files


def extract_articles(paths: list[str | Path], out_dir: str | Path, *, corpus_dir: str | Path | None = None,
                     published: str | None = None, jobs: int = 1, progress=None) -> list[ExtractedArticle]:
    """Extract claims from each article (or folder of articles) into ``out_dir``, with ``jobs``
    processes; a bad article raises before anything is written.  ``progress(done, total)`` is called
    as articles are done."""
    if jobs < 1:
        raise DiplographError(f"--jobs {jobs}: give a number of processes of at least 1")
    out = Path(out_dir)
    articles = []
    for path in article_files(paths):  # every article is checked before the parser loads (seconds)
        try:
            articles.append(read_article(path, published=published))
        except ExtractionInputError as exc:
            raise DiplographError(f"{exc}; nothing was written") from None
    require_parser()
    # small batches: spaCy parses a batch faster than its articles one by one, and N workers
    # still share the work evenly
    size = max(1, min(PARSE_BATCH, -(-len(articles) // jobs)))
    batches = [articles[i:i + size] for i in range(0, len(articles), size)]
    extracted: list[_Extracted] = []

    def collect(done_batches) -> None:
        for batch in done_batches:  # in the order given
            extracted.extend(batch)
            if progress is not None:
                progress(len(extracted), len(articles))

    if jobs == 1 or len(batches) < 2:
        _start_worker(corpus_dir)
        collect(_extract_batch(batch) for batch in batches)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), initializer=_start_worker,
                                 initargs=(corpus_dir,)) as pool:
            collect(pool.map(_extract_batch, batches))
    results = [_write_one(item, out) for item in extracted]
    _write_same_as(out, corpus_dir)
    # what was written must load as a corpus would (evidence verified against the copied texts)
    try:
        load_corpus(registry_corpus(corpus_dir), texts=None, extracted=[out])
    except CorpusError as exc:
        raise DiplographError(f"the extraction written to {out} does not load (a bug in the rules): {exc}") from None
    return results


def require_parser() -> None:
    """Load the spaCy pipeline now, so that a missing one is a clear error before any work."""
    from diplograph.loaders.extract.language import LanguageError
    from diplograph.loaders.extract.parse import PipelineMissing, load_pipeline

    try:
        load_pipeline()
    except (PipelineMissing, LanguageError) as exc:
        raise DiplographError(str(exc)) from None


_WORKER: dict[str, Any] = {}
#: articles parsed together (``nlp.pipe``) by one worker
PARSE_BATCH = 4


def _start_worker(corpus_dir: str | Path | None) -> None:
    """Load what every article needs once per process: the registry and the parser."""
    from diplograph.loaders.extract.parse import load_pipeline

    key = str(corpus_dir or default_corpus())
    if _WORKER.get("corpus") != key:
        _WORKER.update(corpus=key, registry=registry(corpus_dir))
    load_pipeline()


@dataclass
class _Extracted:
    """One article's extraction, as plain data (it crosses process boundaries)."""
    article: Any
    source_id: str
    digest: str
    claims: list[dict]
    entities: list[dict]
    sentences: int
    events: int
    tenures: int


def _extract_batch(articles: list) -> list[_Extracted]:
    from diplograph.loaders.extract.parse import parse_many

    return [_extract_one(article, doc) for article, doc in zip(articles, parse_many([a.text for a in articles]))]


def _extract_one(article, doc=None) -> _Extracted:
    # imported here: the pipeline takes a second to load, and commands that refuse input need none of it
    from diplograph.loaders.extract import extract
    from diplograph.loaders.extract.gazetteer import slug

    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    stem = slug(article.path.stem)[:40].strip("-") or "article"  # cut at a hyphen, "x--y" is no id
    source_id = f"{stem}-{digest[:8]}"
    extraction = extract(article, _WORKER["registry"], source_id, doc=doc)
    return _Extracted(article, source_id, digest, extraction.claims(), [e.record() for e in extraction.entities],
                      len(extraction.sentences), len(extraction.events), len(extraction.tenures))


def _write_one(item: _Extracted, out: Path) -> ExtractedArticle:
    article, source_id, digest = item.article, item.source_id, item.digest
    text = article.text
    for sub in ("texts", "claims", "entities.d"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    file_name = f"{source_id}.txt"
    (out / "texts" / file_name).write_text(text, encoding="utf-8")
    record: dict[str, Any] = {"id": source_id, "file": file_name, "sha256": digest}
    if article.title:
        record["title"] = article.title
    else:
        record["label"] = f"article {article.path.name}"
    if article.publisher:
        record["publisher"] = article.publisher
    if article.url:
        record["url"] = article.url
    record["language"] = "en"
    record["genre"] = "news"
    if article.published:
        record["published"] = {"value": article.published, "inferred": "--published" not in (article.published_basis or ""),
                               "basis": article.published_basis or "given"}
    else:
        record["published"] = {"basis": "the text states no publication date; give --published to resolve relative dates"}
    _merge_sources(out / "sources.yaml", record)
    entities = item.entities
    (out / "entities.d" / f"{source_id}.yaml").write_text(
        "# entities the extraction rules minted for this article (not in the registry)\n" + (_dump(entities) if entities else "[]\n"),
        encoding="utf-8")
    header = (f"# Machine-extracted claims of {article.path.name} — NOT reviewed.\n"
              f"# Review them with: diplograph review {out / 'claims' / (source_id + '.yaml')}\n")
    if article.truncated:
        header += ("# The page is for subscribers (its JSON-LD says isAccessibleForFree: false): its text may be only\n"
                   "# the story's start, and these claims cover only what it shows.\n")
    claims_file = out / "claims" / f"{source_id}.yaml"
    claims_file.write_text(header + _dump({"source": source_id, "extraction": "extracted", "claims": item.claims}),
                           encoding="utf-8")
    return ExtractedArticle(article.path, source_id, claims_file, item.sentences, item.events,
                            item.tenures, len(entities), article.published, article.truncated)


def _claims_of(folder: Path) -> list[tuple[str, list[dict]]]:
    out = []
    for path in sorted((folder / "claims").glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and data.get("source"):
            out.append((data["source"], data.get("claims") or []))
    return out


def _write_same_as(out: Path, corpus_dir: str | Path | None) -> None:
    """``same-as.yaml``: events of the extraction folder that another source (extracted or in
    the reviewed corpus) may report too, each pair with its evidence, for the reviewer."""
    extracted = [e for source, claims in _claims_of(out) for e in reported_events(source, claims)]
    corpus = Path(corpus_dir or default_corpus())
    reviewed = [e for source, claims in _claims_of(corpus) for e in reported_events(source, claims)] if corpus.is_dir() else []
    pairs = same_as_candidates(extracted, reviewed)
    (out / "same-as.yaml").write_text(
        "# Events two sources may both report: same type, a shared agent or target, compatible dates.\n"
        "# Candidates only, never merged: a reviewer who agrees gives both claims the same event id.\n"
        + (_dump(pairs) if pairs else "[]\n"), encoding="utf-8")


def _merge_sources(path: Path, record: dict) -> None:
    items = YAML(typ="safe").load(path.read_text(encoding="utf-8")) if path.exists() else []
    items = [i for i in (items or []) if i.get("id") != record["id"]] + [record]
    path.write_text(_dump(items), encoding="utf-8")


# --- review ---------------------------------------------------------------------------------------

@dataclass
class ReviewSummary:
    accepted: int = 0
    rejected: int = 0
    skipped: int = 0
    corpus_file: Path | None = None
    entities_added: list[str] = field(default_factory=list)
    text_copied_to: Path | None = None


Decide = Callable[[int, dict, str], tuple[str, dict | None]]


def describe_claim(claim: dict) -> str:
    if "event" in claim:
        parts = [f"{claim['type']}"]
        for role in ("agent", "target", "place", "announced_by", "legal_basis", "charge", "penalty", "deadline",
                     "quotation", "recognized_as"):
            if role in claim:
                parts.append(f"{role}={claim[role]}")
        if "date" in claim:
            parts.append(f"date=“{claim['date'].get('phrase') or claim['date'].get('value')}”")
        if "votes" in claim:
            parts.append(f"votes={dict(claim['votes'])}")
        return " ".join(parts)
    if "tenure" in claim:
        return f"Tenure holder={claim['tenure']['holder']} post={claim['tenure']['post']} at={claim.get('at', [])}"
    key = next(iter(claim))
    return f"{key}: {claim[key]}"


def review(claims_file: str | Path, decide: Decide, *, corpus_dir: str | Path | None = None,
           texts_dir: str | Path | None = None) -> ReviewSummary:
    """Accept, reject, edit or skip each extracted claim (``decide`` returns the decision and, for
    an edit, the edited claim); accepted claims join the corpus, which must still load afterwards,
    else every file is restored and the problems are raised."""
    claims_path = Path(claims_file)
    bundle = claims_path.parent.parent
    corpus = Path(corpus_dir or default_corpus())
    texts_dir = _own_texts(corpus, texts_dir)
    if not claims_path.is_file():
        raise DiplographError(f"no extraction file at {claims_path}")
    data = read_yaml(claims_path)  # a broken file is a file:line message, never a traceback
    if not isinstance(data, dict) or data.get("extraction") != "extracted":
        raise DiplographError(f"{claims_path} is not a file written by `diplograph extract` (extraction: extracted)")
    source_id = data["source"]
    sources = read_yaml(bundle / "sources.yaml") or []
    source = next((s for s in sources if isinstance(s, dict) and s.get("id") == source_id), None)
    if source is None:
        raise DiplographError(f"{bundle / 'sources.yaml'}: no source {source_id!r} for {claims_path} "
                              "(extract the article again, or restore the extraction folder's sources.yaml)")
    text = (bundle / "texts" / source["file"]).read_text(encoding="utf-8")
    summary = ReviewSummary()
    accepted, remaining = [], []
    for index, claim in enumerate(data["claims"]):
        decision, edited = decide(index, claim, text)
        if decision == "accept":
            accepted.append(_reviewed(edited or claim))
            summary.accepted += 1
        elif decision == "reject":
            summary.rejected += 1
        else:
            remaining.append(claim)
            summary.skipped += 1
    if accepted:
        summary.corpus_file = corpus / "claims" / f"{source_id}.yaml"
        _join_corpus(corpus, bundle, source, accepted, summary, texts_dir)
    if remaining:
        data["claims"] = remaining
        claims_path.write_text(claims_path.read_text(encoding="utf-8").split("source:", 1)[0] + _dump(data), encoding="utf-8")
    else:
        claims_path.unlink()
    return summary


def _own_texts(corpus: Path, texts_dir: str | Path | None) -> Path:
    """Where an accepted article's text goes: the project's ``texts/`` beside its corpus (or
    ``texts_dir``).  Review writes only into the corpus it was given and that folder: never into
    the seed corpus shipped with diplograph, nor the shared texts folder ($DIPLOGRAPH_TEXTS)."""
    if not (corpus / "sources.yaml").is_file():
        raise DiplographError(f"{corpus}: no corpus here (no sources.yaml); create a project with "
                              "`diplograph init DIR` and review inside it, or pass --corpus")
    if corpus.resolve() == seed_corpus().resolve():
        raise DiplographError(f"{corpus}: this is the seed corpus shipped with diplograph, which review does not change; "
                              "create a project of your own with `diplograph init DIR`, then review inside it "
                              "(or pass --corpus DIR/corpus)")
    own = project_texts(corpus)
    target = Path(texts_dir) if texts_dir is not None else own
    shared = os.environ.get(TEXTS_ENV)
    shared_folders = [Path(shared)] if shared else []
    shared_folders.append(Path("..") / "shared" / "seeds")
    if target.resolve() != own.resolve() and any(target.resolve() == f.resolve() for f in shared_folders):
        raise DiplographError(f"{target}: the shared texts folder is read, never written, by review; accepted "
                              f"articles go into the project's own {own} (leave out --texts)")
    target.mkdir(parents=True, exist_ok=True)
    return target


def _reviewed(claim: dict) -> dict:
    claim = dict(claim)
    confidence = claim.pop("confidence", None)
    today = dt.date.today().isoformat()
    note = f"machine-extracted (confidence {confidence}), accepted in review {today}"
    claim["note"] = f"{claim['note']}; {note}" if claim.get("note") else note
    return claim


def _join_corpus(corpus: Path, bundle: Path, source: dict, accepted: list[dict], summary: ReviewSummary,
                 texts_dir: str | Path | None) -> None:
    touched = [corpus / "sources.yaml", corpus / "claims" / f"{source['id']}.yaml",
               corpus / "entities.d" / "extracted.yaml"]
    backups = {p: (p.read_bytes() if p.exists() else None) for p in touched}
    try:
        # 1. the source
        listing = (corpus / "sources.yaml").read_text(encoding="utf-8")
        sources = YAML(typ="safe").load(listing) or []
        if not sources:  # a new project's `[]` (comments kept): the list starts here
            listing = "".join(line for line in listing.splitlines(keepends=True) if line.strip() != "[]")
            (corpus / "sources.yaml").write_text(listing + _dump([source]), encoding="utf-8")
        elif not any(s["id"] == source["id"] for s in sources):
            with (corpus / "sources.yaml").open("a", encoding="utf-8") as f:
                f.write("\n" + _dump([source]))
        # 2. the entities the accepted claims use that the registry lacks
        minted = YAML(typ="safe").load((bundle / "entities.d" / f"{source['id']}.yaml").read_text(encoding="utf-8")) or []
        wanted = _referenced(accepted, {e["id"]: e for e in minted})
        extra_path = corpus / "entities.d" / "extracted.yaml"
        present = YAML(typ="safe").load(extra_path.read_text(encoding="utf-8")) if extra_path.exists() else []
        present = present or []
        have = {e["id"] for e in present} | set(registry(corpus))
        new = [e for e in minted if e["id"] in wanted and e["id"] not in have]
        if new:
            extra_path.parent.mkdir(parents=True, exist_ok=True)
            extra_path.write_text("# entities added by `diplograph review` from machine-extracted claims\n"
                                  + _dump(present + new), encoding="utf-8")
            summary.entities_added = [e["id"] for e in new]
        # 3. the claims
        target = corpus / "claims" / f"{source['id']}.yaml"
        existing = YAML(typ="safe").load(target.read_text(encoding="utf-8")) if target.exists() else None
        claims = (existing or {}).get("claims", []) + accepted
        target.write_text(_dump({"source": source["id"], "claims": claims}), encoding="utf-8")
        # 4. the text, in the project's texts folder where the build will look for it
        if texts_dir:
            destination = Path(texts_dir) / source["file"]
            if not destination.exists():
                shutil.copyfile(bundle / "texts" / source["file"], destination)
                summary.text_copied_to = destination
        load_corpus(corpus, texts=texts_dir)  # the corpus must still load
    except BaseException as exc:
        for path, content in backups.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)
        if isinstance(exc, CorpusError):
            raise DiplographError(f"the accepted claims do not load into the corpus, nothing was changed:\n{exc}") from None
        raise


def _referenced(claims: list[dict], minted: dict[str, dict]) -> set[str]:
    """Ids of minted entities the claims use, with the entities those point to (a mission's city...)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str) and value in minted and value not in found:
            found.add(value)
            for ref in ("located_in", "sending_state", "receiving_state", "post_in", "organ_of"):
                walk(minted[value].get(ref))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(claims)
    return found
