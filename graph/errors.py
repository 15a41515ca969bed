"""Expected failures: each becomes a one-paragraph message at the CLI, never a traceback."""

from diplograph.loaders.errors import CorpusError, Problem  # noqa: F401 (the graph's modules take the loaders' errors from here)


class DiplographError(Exception):
    """Base of every expected error: the message says what is wrong and how to fix it."""


class StoreError(DiplographError):
    """The store cannot be opened, built or written."""


class QueryError(DiplographError):
    """A query is unknown, malformed, not allowed, or failed on the backend."""


class ParameterError(QueryError):
    """A stored query's parameter is missing, unknown or of the wrong type."""


class ReadOnlyError(QueryError):
    """An update was sent where only reading is allowed."""
