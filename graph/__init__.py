"""diplograph's library: build, store, validate, reason, find conflicts and query the graph.

The CLI (``graph.cli``) is a thin layer over :mod:`graph.api`.  The API names are imported on
first use, so that importing a light module of this package (or `diplograph --help`) does not
load the engine, the corpus loaders and their libraries.
"""

__all__ = ["build", "conflicts", "open_store", "query_library", "reason", "run_query", "run_sparql", "validate"]


def __getattr__(name: str):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
