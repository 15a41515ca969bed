"""``diplograph`` commands that publish the graph: push (to a SPARQL server), export (dumps and
events tables), serve (the web endpoint and pages), docs (the ontology's HTML documentation)."""

from __future__ import annotations

from pathlib import Path

import typer

from .cli_app import AsOfCorpusOpt, AsOfOpt, StoreOpt, api, app, err, out
from .errors import DiplographError


@app.command()
def push(
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="the remote SPARQL query endpoint URL"),
    gsp: str | None = typer.Option(None, help="its Graph Store Protocol URL (default for Oxigraph: .../store; Fuseki: http://host:3030/DS/data)"),
    store: str | None = StoreOpt,
    prune: bool = typer.Option(True, help="delete diplograph graphs the local store no longer has"),
    engine: str | None = typer.Option(None, help="the server's dialect: oxigraph, fuseki, virtuoso or standard "
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
    store: str | None = StoreOpt,
    as_of: str | None = AsOfOpt,
    corpus: Path | None = AsOfCorpusOpt,
) -> None:
    """Export the graph (deterministic: same store, same bytes); quad formats keep the named graphs."""
    from .export import export as export_graph
    from .formats import EXPORT_FORMATS, TABLE_FORMATS, rdf_format

    if format not in TABLE_FORMATS:  # the events tables are not RDF; every other name goes through the registry
        try:
            rdf_format(format, what="--format", allowed=EXPORT_FORMATS)
        except DiplographError as exc:
            raise DiplographError(f"{exc}, {', '.join(TABLE_FORMATS)}") from None
    source = api.record_as_of(as_of, corpus) if as_of else api.open_store(api.store_spec(store))
    with source as backend:
        selection = f"{graph},derived" if derived else graph
        count = export_graph(backend, format, selection, None if output == "-" else output, describe=describe,
                             endpoint=endpoint)
    if output != "-":
        err.print(f"{count} {'rows' if format in TABLE_FORMATS else 'statements'} written to {output}")


@app.command()
def serve(
    store: str | None = StoreOpt,
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, help="port"),
    timeout: float = typer.Option(10.0, help="seconds a query may run before it is stopped"),
    max_rows: int = typer.Option(10000, help="largest result served (rows or triples)"),
    quiet: bool = typer.Option(False, help="do not log requests"),
    workers: int | None = typer.Option(None, help="query worker processes (default: 2 per CPU, 4 to 8)"),
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
