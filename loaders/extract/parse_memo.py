"""Answers of pure functions of the parse, kept once the parse is final.

The repairs (repairs.py, run by article_frames.match_doc before the frames) are the last to move a head,
a label, a tag or a lemma; after them the same question about the same token always has the same answer,
and the frames, the Statements and the resolvers ask many of them again and again ("is this verb passive?",
"who is its logical subject?": up to ten times a token).  ``parse_final(doc)`` marks the doc whose parse
is final; a function decorated with ``per_token`` (first argument a token) or ``per_doc`` (first argument
the doc) then answers each question once for that doc.  Before the mark, and for any other doc, it runs as
written.  Lists and iterators are handed out as fresh copies, so that a caller's change never reaches the
next one.  One doc at a time, as the extractor reads one article at a time (``tree.tokens`` keeps its
token list the same way).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_FINAL: list = [None, None]   # the doc whose parse is final, and its answers: (function, position, args) → answer
_MISSING = object()


def parse_final(doc) -> None:
    """Mark ``doc``'s parse as final: no repair will change it any more (article_frames.match_doc)."""
    _FINAL[0], _FINAL[1] = doc, {}


def parse_changes() -> None:
    """Forget every answer: a repair is about to change a parse (article_frames.match_doc, before its repairs)."""
    _FINAL[0], _FINAL[1] = None, None


def _memoised(fn: F, returns: str, of_token: bool) -> F:
    if returns not in ("value", "list", "iterator"):
        raise ValueError(f"returns={returns!r}: 'value', 'list' or 'iterator'")

    @functools.wraps(fn)
    def memoised(first, *args, **kwargs):
        doc = first.doc if of_token and first is not None else first
        if doc is None or _FINAL[0] is not doc:
            return fn(first, *args, **kwargs)
        key = (fn, first.i if of_token else None, args, tuple(kwargs.items()) if kwargs else ())
        memo = _FINAL[1]
        value = memo.get(key, _MISSING)
        if value is _MISSING:
            value = fn(first, *args, **kwargs)
            if returns != "value":
                value = tuple(value)   # (kept as a tuple: what a caller does to its copy stays its own)
            memo[key] = value
        if returns == "list":
            return list(value)
        if returns == "iterator":
            return iter(value)
        return value
    return memoised   # type: ignore[return-value]


def per_token(returns: str = "value") -> Callable[[F], F]:
    """Keep a pure function of a token's final parse (its first argument; further arguments hashable).
    ``returns``: "value" (a token, string, number, None or tuple: handed out as kept), "list" or "iterator"."""
    return lambda fn: _memoised(fn, returns, of_token=True)


def per_doc(returns: str = "value") -> Callable[[F], F]:
    """Keep a pure function of a doc's final parse (its first argument; further arguments hashable)."""
    return lambda fn: _memoised(fn, returns, of_token=False)
