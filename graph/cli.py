"""The ``diplograph`` command: a thin layer over the Python API in :mod:`graph`.

Each command parses its options, calls one API function and prints the result.  Expected
errors (bad corpus, unknown query, missing store, ...) become messages and exit status 2;
``validate`` exits 1 when the graph has violations.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import CorpusError, DiplographError
from .formats import RESULT_FORMATS

GRAPH_FORMATS = ("turtle", "ntriples")


class _LazyApi:
    """graph.api, imported when a command first calls it: `diplograph --help` does not pay for the
    store engine, the corpus loaders (pydantic, ruamel.yaml) and what they import."""

    def __getattr__(self, name: str):
        from . import api as module

        return getattr(module, name)


api = _LazyApi()

# Help texts and messages are printed as written: no rich markup, so "[a]ccept" or a quote holding
# "[/b]" reaches the user unchanged.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="diplograph: a knowledge graph of diplomatic actors and relations, claim by claim from news articles.")
# Wide enough for tables when piped (rich assumes 80 columns without a terminal).
# markup/emoji off: user text (quotes, paths, labels) is never read as "[style]" or ":emoji:".
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160, markup=False, emoji=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 160, markup=False, emoji=False,
              highlight=False)


def _say(console: Console, label: str, style: str, message: str) -> None:
    """Print ``label: message`` with the label coloured and the message exactly as it is."""
    console.print(Text.assemble((f"{label}:", style), " ", message))

StoreOpt = typer.Option(None, "--store", "-s", help="store: oxigraph:PATH, a PATH, memory: or sparql:URL "
                        "(default $DIPLOGRAPH_STORE or oxigraph:var/diplograph.oxigraph)")
EndpointOpt = typer.Option(None, "--endpoint", "-e", help="a remote SPARQL endpoint URL (instead of the local store)")
AsOfOpt = typer.Option(None, "--as-of", metavar="DATE", help="answer from the record as it stood then (YYYY-MM-DD: "
                       "the end of that day, UTC; or an ISO date-time): the corpus's git history, not the store")
AsOfCorpusOpt = typer.Option(None, "--corpus", help="with --as-of: the corpus folder whose history is read "
                             "(default: ./corpus or $DIPLOGRAPH_CORPUS)")


def _store(store: Optional[str], endpoint: Optional[str] = None) -> str:
    if endpoint:
        return f"sparql:{endpoint}"
    return api.store_spec(store)


@app.command()
def init(folder: Path = typer.Argument(..., help="the project folder to create (new, or empty)")) -> None:
    """Create a project folder of your own: corpus/ (the seed registry, no articles yet), texts/, a README."""
    project = api.init(folder)
    out.print(f"project created in {project.folder}: corpus in {project.corpus}, article texts in {project.texts}",
              markup=False, highlight=False)
    out.print(f"next: cd {project.folder} && diplograph extract ARTICLE.txt --out var/extracted  (see its README.md)",
              markup=False, highlight=False)


@app.command()
def build(
    corpus: Optional[Path] = typer.Option(None, help="corpus folder (default: ./corpus or $DIPLOGRAPH_CORPUS)"),
    texts: Optional[Path] = typer.Option(None, help="folder of article texts (default: texts/ beside the corpus "
                                                    "when present, else $DIPLOGRAPH_TEXTS)"),
    store: Optional[str] = StoreOpt,
    validate: bool = typer.Option(True, help="run SHACL validation as part of the summary"),
    extracted: list[Path] = typer.Option([], metavar="DIR", help="also load this `diplograph extract` folder's UNREVIEWED claims, "
                                                  "into their own graphs dgg:extracted/source/ID (repeatable)"),
    allow_missing_texts: bool = typer.Option(False, "--allow-missing-texts",
                                             help="load the evidence of sources whose text is missing unverified "
                                                  "(with a warning) instead of failing"),
    full: bool = typer.Option(False, "--full", help="reload every source (default: only those whose claims, text or "
                                                    "registry entry changed since the last build)"),
    workers: Optional[int] = typer.Option(None, min=1, help="processes reading claims files (default: one per core)"),
) -> None:
    """Build the graph from the corpus into the store (atomically: a failed build changes nothing)."""
    shown: list = []

    def report(problems) -> None:  # each file's problems as soon as it is read, not after the whole corpus
        shown.extend(problems)
        for problem in problems:
            _say(err, "error", "red", str(problem))

    from .progress import progress_phases

    with progress_phases(err) as phase:
        try:
            summary = api.build(corpus=corpus, texts=texts, store=store, validate=validate, extracted=extracted,
                                allow_missing_texts=allow_missing_texts, full=full, workers=workers,
                                on_problems=report, progress=phase("reading claims files"),
                                validate_progress=phase("validating"))
        except CorpusError as exc:
            if shown and len(shown) == len(exc.problems):
                n = len(shown)
                raise DiplographError(f"{n} problem{'s' if n != 1 else ''} in the corpus (above); nothing was stored") from None
            raise
    for warning in summary.warnings:
        _say(err, "warning", "yellow", warning)
    table = Table(title=f"built {summary.store}", show_header=False)
    for key, value in [
        ("sources", summary.sources), ("texts verified", summary.texts_verified), ("claims", summary.claims),
        ("events", summary.events), ("quads", summary.quads), ("named graphs", summary.graphs),
        ("reloaded", f"{len(summary.changed_sources)} source graphs" + (" (incremental)" if summary.incremental else "")),
        ("conflicts", summary.conflicts if summary.conflicts is not None else
         f"not counted ({'incremental' if summary.incremental else '--no-validate'}: `diplograph conflicts`)"),
        ("SHACL", "skipped" if summary.conforms is None else
         ("conforms" if summary.conforms else f"{summary.violations} results (run `diplograph validate`)")),
    ]:
        table.add_row(key, str(value))
    out.print(table)


@app.command()
def validate(
    store: Optional[str] = StoreOpt,
    report: Optional[Path] = typer.Option(None, help="also write the standard SHACL report (Turtle) here"),
    engine: str = typer.Option("sparql", help="sparql: the shapes compiled to SPARQL, run in the store (fast); "
                                              "pyshacl: the reference implementation (slow on large graphs)"),
) -> None:
    """Check the graph against the SHACL shapes; exit status 1 on violations."""
    from .progress import progress_bar

    with progress_bar(err, "validating") as tick:
        result = api.validate(store=store, engine=engine, progress=tick)
    if report:
        result.write_turtle(report)
        err.print(f"SHACL report written to {report}")
    for r in result.results:
        name = f"{r.focus_label} " if r.focus_label else ""
        colour = "red" if r.severity == "Violation" else "yellow"
        out.print(Text.assemble((r.severity, colour), f" {name}<{r.focus}>"))
        out.print(f"    {r.path or '(node)'}: {r.message}" + (f"  [value: {r.value}]" if r.value else ""))
        if r.sources:
            out.print(f"    sources: {', '.join(r.sources)}")
    violations = len(result.violations)
    if result.conforms or violations == 0:
        out.print(f"conforms ({len(result.results)} warnings)" if result.results else "conforms", style="green")
    else:
        out.print(f"{violations} violation{'s' if violations != 1 else ''}", style="red")
        raise typer.Exit(1)


@app.command()
def conflicts(
    store: Optional[str] = StoreOpt,
    subject: Optional[str] = typer.Option(None, help="only this event (IRI, prefixed name, id or label)"),
    format: str = typer.Option("text", help="text or json"),
    rank: str = typer.Option("all", "--rank", help="all: every disagreement, with the curators' ranks; "
                             "best: only those the ranks leave unresolved"),
    as_of: Optional[str] = AsOfOpt,
    corpus: Optional[Path] = AsOfCorpusOpt,
) -> None:
    """List what the sources disagree on: every value, its sources, their evidence and the curators' ranks."""
    if format not in ("text", "json"):
        raise DiplographError(f"--format {format!r}: unknown format (use text or json)")
    report = api.conflicts(store=store, subject=subject, rank=rank, as_of=as_of, corpus=corpus)
    if format == "json":
        out.print_json(data=report.as_json())
        return
    out.print(report.as_text(), markup=False, highlight=False)


@app.command()
def reason(
    store: Optional[str] = StoreOpt,
    write: bool = typer.Option(False, help="write the inferred triples into the graph dgg:inferred"),
) -> None:
    """Run HermiT (owlready2) over ontology + claims; report inconsistencies in plain words."""
    result = api.reason(store=store, write=write)
    out.print(result.as_text(), markup=False, highlight=False)
    if not result.consistent:
        raise typer.Exit(1)


@app.command()
def push(
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="the remote SPARQL query endpoint URL"),
    gsp: Optional[str] = typer.Option(None, help="its Graph Store Protocol URL (default for Oxigraph: .../store; Fuseki: http://host:3030/DS/data)"),
    store: Optional[str] = StoreOpt,
    prune: bool = typer.Option(True, help="delete diplograph graphs the local store no longer has"),
    engine: Optional[str] = typer.Option(None, help="the server's dialect: oxigraph, fuseki, virtuoso or standard "
                                         "(default: read from the server's answer)"),
) -> None:
    """Upload the graph to a remote SPARQL server, replacing each named graph there."""
    summary = api.push(endpoint, store=store, gsp=gsp, prune=prune, engine=engine)
    out.print(f"pushed {summary.graphs} graphs ({summary.triples} triples) to {summary.endpoint}")
    for graph in summary.deleted:
        out.print(f"  deleted {graph} (no longer in the local store)")


@app.command()
def export(
    format: str = typer.Option("nquads", "--format", "-f", help="turtle|ntriples|nquads|trig|jsonld|rdfxml, or a table: events-csv|events-sqlite"),
    graph: str = typer.Option("all", "--graph", "-g", help="all, ontology, registry, consolidated, meta, inferred, "
                              "source:ID, a graph IRI, or several joined by commas"),
    output: str = typer.Option("-", "--output", "-o", help="file to write (- for standard output)"),
    describe: bool = typer.Option(True, help="add the VoID/DCAT dataset description (graph dgg:void)"),
    derived: bool = typer.Option(False, help="add the index the build derives from each source "
                                 "(dgg:derived/…): the same as adding ',derived' to --graph"),
    endpoint: str = typer.Option("http://127.0.0.1:8000/sparql", help="SPARQL endpoint named in the description"),
    store: Optional[str] = StoreOpt,
    as_of: Optional[str] = AsOfOpt,
    corpus: Optional[Path] = AsOfCorpusOpt,
) -> None:
    """Export the graph (deterministic: same store, same bytes); quad formats keep the named graphs."""
    from .events_table import TABLE_FORMATS
    from .export import EXPORT_FORMATS, export as export_graph
    from .formats import rdf_format

    if format not in TABLE_FORMATS:  # the events tables are not RDF; every other name goes through the registry
        try:
            rdf_format(format, what="--format", allowed=EXPORT_FORMATS)
        except DiplographError as exc:
            raise DiplographError(f"{exc}, {', '.join(TABLE_FORMATS)}") from None
    source = api.record_as_of(as_of, corpus) if as_of else api.open_store(api.store_spec(store))
    with source as backend:
        selection = f"{graph},derived" if derived else graph
        count = export_graph(backend, format, selection, None if output == "-" else output, describe=describe, endpoint=endpoint)
    if output != "-":
        err.print(f"{count} {'rows' if format in TABLE_FORMATS else 'statements'} written to {output}")


@app.command()
def serve(
    store: Optional[str] = StoreOpt,
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, help="port"),
    timeout: float = typer.Option(10.0, help="seconds a query may run before it is stopped"),
    max_rows: int = typer.Option(10000, help="largest result served (rows or triples)"),
    quiet: bool = typer.Option(False, help="do not log requests"),
    workers: Optional[int] = typer.Option(None, help="query worker processes (default: 2 per CPU, 4 to 8)"),
    socket_timeout: float = typer.Option(10.0, help="seconds a connection may stay silent (idle, or a slow body)"),
) -> None:
    """Serve the graph: a read-only SPARQL 1.1 endpoint (/sparql), the stored queries (/queries/NAME),
    a page per entity at its IRI path (/id/...), timelines (/timeline), and a query page (/).
    --store sparql:URL serves a remote SPARQL server's graph the same way."""
    from .web import serve as serve_graph

    spec = api.store_spec(store)
    if not spec.startswith(("oxigraph:", "sparql:", "http:", "https:")):
        raise DiplographError(f"`serve` serves a built store (oxigraph:PATH) or a SPARQL server (sparql:URL), not {spec!r}")
    serve_graph(spec, host=host, port=port, timeout=timeout, max_rows=max_rows, quiet=quiet, workers=workers,
                socket_timeout=socket_timeout)


@app.command()
def docs(output: Path = typer.Option(Path("var/docs"), "--output", "-o", help="folder to write the HTML into")) -> None:
    """Write HTML documentation of the ontology (classes, properties, PLOVER/CAMEO codes, a diagram)."""
    from .docs import write_docs

    index = write_docs(output)
    out.print(f"ontology documentation written to {index}")


@app.command("extract")
def extract_cmd(
    articles: list[Path] = typer.Argument(..., help="article files, plain text (.txt) or HTML, or folders of them"),
    out_dir: Path = typer.Option(Path("var/extracted"), "--out", "-o", help="the extraction folder to write"),
    published: Optional[str] = typer.Option(None, help="publication date (YYYY-MM-DD) when the text does not say"),
    corpus: Optional[Path] = typer.Option(None, help="corpus whose entity registry to resolve actors against"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="processes extracting articles side by side (same output for any number)"),
) -> None:
    """Propose claims from new articles (rules; offline) for review; nothing joins the corpus yet."""
    from .extraction import extract_articles

    if published is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise DiplographError(f"--published {published!r} is not a date (YYYY-MM-DD)") from None
    from .progress import progress_bar

    with progress_bar(err, "extracting") as tick:
        extracted = extract_articles(articles, out_dir, corpus_dir=corpus, published=published, jobs=jobs,
                                     progress=tick)
    for r in extracted:
        out.print(f"{r.path}: {r.events} events, {r.tenures} tenures, {r.new_entities} new entities "
                  f"from {r.sentences} sentences → {r.claims_file}")
        if r.published is None:
            _say(err, "warning", "yellow", f"{r.path}: no publication date found: relative dates stay unresolved (use --published)")
        out.print(f"review with: diplograph review {r.claims_file}")


@app.command()
def review(
    claims_file: Path = typer.Argument(..., help="a claims file written by `diplograph extract`"),
    accept: str = typer.Option("", help="claim numbers to accept, e.g. 1,2,5 (or 'all')"),
    reject: str = typer.Option("", help="claim numbers to reject (or 'all')"),
    edit: list[str] = typer.Option([], metavar="N:FIELD=VALUE", help="N:field=value, e.g. 3:target=peru (the claim is then accepted)"),
    min_confidence: Optional[float] = typer.Option(None, help="accept claims at or above this confidence, reject the rest"),
    corpus: Optional[Path] = typer.Option(None, help="your project's corpus to add accepted claims to (default ./corpus; "
                                                     "make one with `diplograph init DIR`)"),
    texts: Optional[Path] = typer.Option(None, help="folder to copy the article into (default: texts/ beside the corpus)"),
) -> None:
    """Accept, reject or edit each extracted claim beside its evidence; accepted claims join the corpus.

    Without --accept/--reject/--edit/--min-confidence it asks, claim by claim: [a]ccept, [r]eject,
    [e]dit, [s]kip (decide later), [q]uit (skip the rest).
    """
    from .extraction import review as review_claims

    scripted = bool(accept or reject or edit or min_confidence is not None)
    decide = _scripted(accept, reject, edit, min_confidence) if scripted else _interactive()
    summary = review_claims(claims_file, decide, corpus_dir=corpus, texts_dir=texts)
    out.print(f"accepted {summary.accepted}, rejected {summary.rejected}, left for later {summary.skipped}")
    if summary.corpus_file:
        out.print(f"accepted claims are in {summary.corpus_file}; run `diplograph build` to take them in")
    if summary.entities_added:
        out.print(f"new entities in {corpus or 'corpus'}/entities.d/extracted.yaml: {', '.join(summary.entities_added)}",
                  markup=False, highlight=False)
    if summary.text_copied_to:
        out.print(f"article text copied to {summary.text_copied_to}", markup=False, highlight=False)


def _numbers(spec: str) -> set[int] | str:
    if spec.strip() == "all":
        return "all"
    try:
        return {int(x) for x in spec.replace(" ", "").split(",") if x}
    except ValueError:
        raise DiplographError(f"expected claim numbers like 1,2,5 or 'all', got {spec!r}") from None


def _scripted(accept: str, reject: str, edits: list[str], min_confidence):
    accepted, rejected = _numbers(accept), _numbers(reject)
    changes: dict[int, dict] = {}
    for item in edits:
        number, sep, assignment = item.partition(":")
        field, eq, value = assignment.partition("=")
        if not (sep and eq and number.strip().isdigit() and field):
            raise DiplographError(f"--edit takes N:field=value, got {item!r}")
        changes.setdefault(int(number), {})[field.strip()] = value.strip()

    def decide(index: int, claim: dict, text: str):
        n = index + 1
        if n in changes:
            return "accept", {**claim, **changes[n]}
        if accepted == "all" or (isinstance(accepted, set) and n in accepted):
            return "accept", None
        if rejected == "all" or (isinstance(rejected, set) and n in rejected):
            return "reject", None
        if min_confidence is not None:
            return ("accept" if claim.get("confidence", 0) >= min_confidence else "reject"), None
        return "skip", None

    return decide


def _interactive():
    from rich.panel import Panel

    from .extraction import describe_claim

    state = {"quit": False}

    def decide(index: int, claim: dict, text: str):
        if state["quit"]:
            return "skip", None
        evidence = claim.get("evidence", [])
        first = evidence[0] if evidence else {}
        start = first.get("start", 0) if isinstance(first, dict) else max(0, text.find(first))
        quote = first.get("quote", "") if isinstance(first, dict) else first
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", start + len(quote))
        context = text[left:right if right >= 0 else None]
        shown = Text(context)
        if quote and quote in context:
            at = context.index(quote)
            shown.stylize("bold yellow", at, at + len(quote))
        title = Text(f"claim {index + 1}: {describe_claim(claim)}  (confidence {claim.get('confidence')})")
        out.print(Panel(shown, title=title))
        while True:
            answer = typer.prompt("[a]ccept [r]eject [e]dit [s]kip [q]uit", default="s").strip().lower()[:1]
            if answer == "a":
                return "accept", None
            if answer == "r":
                return "reject", None
            if answer == "q":
                state["quit"] = True
                return "skip", None
            if answer == "s":
                return "skip", None
            if answer == "e":
                edited = dict(claim)
                while True:
                    line = typer.prompt("field=value (empty line to finish)", default="", show_default=False)
                    if not line.strip():
                        return "accept", edited
                    field, eq, value = line.partition("=")
                    if eq:
                        edited[field.strip()] = value.strip()

    return decide


@app.command("eval")
def eval_cmd(
    corpus: Path = typer.Option(Path("dev/corpus"), help="a corpus with reviewed claims to score against"),
    texts: Optional[Path] = typer.Option(None, help="its texts (default CORPUS/texts, else $DIPLOGRAPH_TEXTS)"),
    split: Optional[str] = typer.Option(None, help="only articles of this split (rules or heldout)"),
    show_sentences: Optional[bool] = typer.Option(
        None, "--show-sentences/--hide-sentences", "--details/--no-details",
        help="list every miss and false alarm with its sentence (default: only when no held-out article is scored)"),
) -> None:
    """Score the extractor against reviewed claims: precision, recall, F1, per event type, dates.

    The sentences of held-out articles are printed only with --show-sentences, so that whoever
    writes extraction rules next has still not read them."""
    from .evaluate import evaluate
    from .settings import default_texts

    texts_dir = texts or (corpus / "texts" if (corpus / "texts").is_dir() else default_texts())
    if texts_dir is None:
        raise DiplographError("no texts folder: pass --texts or set DIPLOGRAPH_TEXTS")
    from .progress import progress_bar

    with progress_bar(err, "scoring articles") as tick:
        report = evaluate(corpus, texts_dir, split=split, progress=tick)
    heldout = report.heldout
    details = show_sentences if show_sentences is not None else not heldout
    out.print(report.as_text(details=details), markup=False, highlight=False)
    if heldout and show_sentences is None:
        out.print(f"\n(sentences not shown: {len(heldout)} held-out articles are scored, and their text stays out of "
                  "view; --show-sentences prints the misses and false alarms with their sentences)", markup=False, highlight=False)


@app.command("queries")
def list_queries(tag: Optional[str] = typer.Option(None, help="only queries with this tag")) -> None:
    """List the stored queries (name, summary, parameters)."""
    table = Table("name", "kind", "summary", "parameters")
    table.columns[0].no_wrap = True
    for q in api.query_library():
        if tag and tag not in q.tags:
            continue
        params = ", ".join(f"{p.name}:{p.type}" + ("" if p.required else "?") for p in q.params)
        table.add_row(q.name, q.kind + (f" ({q.severity})" if q.severity else ""), q.summary, params)
    out.print(table)


def _parse_params(params: list[str]) -> dict[str, str]:
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise DiplographError(f"--param takes NAME=VALUE, got {item!r}")
        values[key.strip()] = value
    return values


@app.command()
def query(
    name: str = typer.Argument(..., help="a stored query name (see `diplograph queries`)"),
    param: list[str] = typer.Option([], "--param", "-p", metavar="NAME=VALUE", help="NAME=VALUE (repeatable)"),
    format: str = typer.Option("table", "--format", "-f", help="|".join(RESULT_FORMATS) + " (rows); "
                               + "|".join(GRAPH_FORMATS) + " (CONSTRUCT, DESCRIBE; turtle by default)"),
    store: Optional[str] = StoreOpt,
    endpoint: Optional[str] = EndpointOpt,
    rank: Optional[str] = typer.Option(None, "--rank", help="best|all: the curators' best version of each "
                                       "claim, or every source's (same as -p rank=...; queries with a rank parameter)"),
    as_of: Optional[str] = AsOfOpt,
    corpus: Optional[Path] = AsOfCorpusOpt,
) -> None:
    """Run a stored query with parameters bound by the engine."""
    params = _parse_params(param)
    if rank is not None:
        params["rank"] = rank
    result = api.run_query(name, params, store=None if as_of else _store(store, endpoint), as_of=as_of, corpus=corpus)
    _print_result(result, format)


@app.command()
def sparql(
    file: str = typer.Argument(..., help="a .rq file, or - for standard input"),
    format: str = typer.Option("table", "--format", "-f", help="|".join(RESULT_FORMATS) + " (SELECT); "
                               + "|".join(GRAPH_FORMATS) + " (CONSTRUCT, DESCRIBE; turtle by default)"),
    store: Optional[str] = StoreOpt,
    endpoint: Optional[str] = EndpointOpt,
    allow_service: bool = typer.Option(False, "--allow-service", help="let SERVICE clauses fetch from the "
                                       "servers they name (refused by default: nothing is sent over the network)"),
) -> None:
    """Run an ad-hoc read-only query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of all graphs;
    updates are refused, and SERVICE unless --allow-service."""
    text = sys.stdin.read() if file == "-" else _read(file)
    result = api.run_sparql(text, store=_store(store, endpoint), allow_service=allow_service)
    _print_result(result, format)


def _read(file: str) -> str:
    from diplograph.loaders.files import FileRefused, decode_utf8, read_regular_file

    try:  # a directory, FIFO or device is refused before it is opened
        return decode_utf8(read_regular_file(file, 10_000_000))
    except FileRefused as exc:
        where = f"{file}:{exc.line}" if exc.line else file
        raise DiplographError(f"cannot read {where}: {exc.message} ({exc.hint})") from None


def _print_result(result, format: str) -> None:
    if format not in RESULT_FORMATS + GRAPH_FORMATS:
        raise DiplographError(f"--format {format!r}: unknown format (use one of {', '.join(RESULT_FORMATS + GRAPH_FORMATS)})")
    if result.kind == "ask":
        out.print("true" if result.boolean else "false")
        return
    if result.kind == "construct":
        if format in RESULT_FORMATS and format != "table":
            raise DiplographError(f"a CONSTRUCT or DESCRIBE query gives triples, not rows: use --format "
                                  f"{' or '.join(GRAPH_FORMATS)}, not {format!r}")
        sys.stdout.write(api.triples_text(result.triples, "ntriples" if format == "ntriples" else "turtle"))
        return
    if format in GRAPH_FORMATS:
        raise DiplographError(f"a {result.kind.upper()} query gives rows, not triples: use --format "
                              f"{' or '.join(RESULT_FORMATS)}, not {format!r}")
    text = api.format_rows(result.rows, format, labels=result.labels)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _check_utf8(args: list[str]) -> None:
    """Refuse an argument that is not UTF-8 (Python keeps its bytes as lone surrogates), naming it."""
    for position, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError as exc:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            byte = arg[exc.start].encode("utf-8", "surrogateescape")
            raise DiplographError(f"argument {position} '{shown}': byte 0x{byte[0]:02x} at position {exc.start} is not "
                                  "UTF-8 (pass UTF-8 text; rename a file whose name is not UTF-8)") from None


def main() -> None:
    try:
        _check_utf8(sys.argv[1:])
        app(standalone_mode=False)
    except (DiplographError, CorpusError) as exc:
        _say(err, "error", "red", str(exc))
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    except Exception as exc:  # usage errors (typer's click): shown the usual way
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
