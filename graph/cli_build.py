"""``diplograph`` commands that make and check the graph: init, build, validate, conflicts, reason."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from .cli_app import AsOfCorpusOpt, AsOfOpt, StoreOpt, _say, api, app, err, out
from .errors import CorpusError, DiplographError


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
    corpus: Path | None = typer.Option(None, help="corpus folder (default: ./corpus or $DIPLOGRAPH_CORPUS)"),
    texts: Path | None = typer.Option(None, help="folder of article texts (default: texts/ beside the corpus "
                                                    "when present, else $DIPLOGRAPH_TEXTS)"),
    store: str | None = StoreOpt,
    validate: bool = typer.Option(True, help="run SHACL validation as part of the summary"),
    extracted: list[Path] = typer.Option([], metavar="DIR", help="also load this `diplograph extract` folder's UNREVIEWED claims, "
                                                  "into their own graphs dgg:extracted/source/ID (repeatable)"),
    allow_missing_texts: bool = typer.Option(False, "--allow-missing-texts",
                                             help="load the evidence of sources whose text is missing unverified "
                                                  "(with a warning) instead of failing"),
    full: bool = typer.Option(False, "--full", help="reload every source (default: only those whose claims, text or "
                                                    "registry entry changed since the last build)"),
    workers: int | None = typer.Option(None, min=1, help="processes reading claims files (default: one per core)"),
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
        ("SHACL", shacl_line(summary)),
    ]:
        table.add_row(key, str(value))
    out.print(table)


def shacl_line(summary) -> str:
    """What the build's validation checked and found: an incremental build checks only the source graphs it
    reloaded (so a store with old violations and no change must not read "conforms")."""
    if summary.conforms is None:
        return "skipped"
    found = "conforms" if summary.conforms else f"{summary.violations} results"
    if not summary.incremental:
        return found if summary.conforms else f"{found} (run `diplograph validate`)"
    if not summary.changed_sources:
        return "not re-checked: nothing changed (`diplograph validate` checks the whole store)"
    n = len(summary.changed_sources)
    return (f"{found} in the {n} reloaded source graph{'s' if n != 1 else ''} "
            "(the others not re-checked: `diplograph validate` checks the whole store)")


@app.command()
def validate(
    store: str | None = StoreOpt,
    report: Path | None = typer.Option(None, help="also write the standard SHACL report (Turtle) here"),
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
    store: str | None = StoreOpt,
    subject: str | None = typer.Option(None, help="only this event (IRI, prefixed name, id or label)"),
    format: str = typer.Option("text", help="text or json"),
    rank: str = typer.Option("all", "--rank", help="all: every disagreement, with the curators' ranks; "
                             "best: only those the ranks leave unresolved"),
    as_of: str | None = AsOfOpt,
    corpus: Path | None = AsOfCorpusOpt,
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
    store: str | None = StoreOpt,
    write: bool = typer.Option(False, help="write the inferred triples into the graph dgg:inferred"),
) -> None:
    """Run HermiT (owlready2) over ontology + claims; report inconsistencies in plain words."""
    result = api.reason(store=store, write=write)
    out.print(result.as_text(), markup=False, highlight=False)
    if not result.consistent:
        raise typer.Exit(1)
