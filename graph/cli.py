"""The ``diplograph`` command: a thin layer over the Python API in :mod:`graph`.

Each command parses its options, calls one API function and prints the result.  Expected
errors (bad corpus, unknown query, missing store, ...) become messages and exit status 2;
``validate`` exits 1 when the graph has violations.

The commands live in groups, each a module: cli_build.py (init, build, validate, conflicts,
reason), cli_publish.py (push, export, serve, docs), cli_extract.py (extract, review, eval) and
cli_query.py (queries, query, sparql), registered on the app of cli_app.py; this module runs it.
"""

from __future__ import annotations

import sys

import typer

# Each group registers its commands on the app as it is imported: this order (not alphabetical) is the
# order `diplograph --help` lists them in.
# isort: off
from . import cli_build, cli_publish, cli_extract, cli_query  # noqa: F401 (imported to register their commands)
# isort: on
from .cli_app import _say, app, err
from .errors import CorpusError, DiplographError


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
