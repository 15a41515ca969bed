"""The ``diplograph`` command's frame: the Typer app every command group registers on (graph/cli.py
imports the groups), the two consoles, the options several commands share, and graph.api imported
when a command first calls it."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.text import Text


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


def _store(store: str | None, endpoint: str | None = None) -> str:
    if endpoint:
        return f"sparql:{endpoint}"
    return api.store_spec(store)
