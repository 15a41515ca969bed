"""``diplograph`` commands that ask the graph: queries (the stored questions), query (one of them,
parameters bound by the engine), sparql (any read-only query)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from .cli_app import (
    AsOfCorpusOpt,
    AsOfOpt,
    EndpointOpt,
    StoreOpt,
    _store,
    api,
    app,
    out,
)
from .errors import DiplographError
from .formats import RESULT_FORMATS

GRAPH_FORMATS = ("turtle", "ntriples")

@app.command("queries")
def list_queries(tag: str | None = typer.Option(None, help="only queries with this tag")) -> None:
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
    store: str | None = StoreOpt,
    endpoint: str | None = EndpointOpt,
    rank: str | None = typer.Option(None, "--rank", help="best|all: the curators' best version of each "
                                       "claim, or every source's (same as -p rank=...; queries with a rank parameter)"),
    as_of: str | None = AsOfOpt,
    corpus: Path | None = AsOfCorpusOpt,
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
    store: str | None = StoreOpt,
    endpoint: str | None = EndpointOpt,
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
