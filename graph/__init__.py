"""diplograph's library: build, store, validate, reason, find conflicts and query the graph.

The CLI (``graph.cli``) is a thin layer over :mod:`graph.api`.
"""

from .api import build, conflicts, open_store, query_library, reason, run_query, run_sparql, validate

__all__ = ["build", "conflicts", "open_store", "query_library", "reason", "run_query", "run_sparql", "validate"]
