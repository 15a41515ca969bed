"""What a SPARQL text may ask: no SERVICE (federated query) anywhere, no update — decided by parsing.

Why a parser and not pyoxigraph: pyoxigraph 0.5 runs SERVICE calls itself (its HTTP client is
compiled in) and its ``Store.query`` has no option to turn them off, nor does it expose the parsed
algebra; so the query is parsed with rdflib's SPARQL 1.1 parser and its parse tree is searched for
a ``ServiceGraphPattern`` node (the tree, not the algebra: the algebra needs every prefix resolved,
and SERVICE is a node of the tree wherever it sits — nested groups, OPTIONAL, MINUS, UNION,
EXISTS / NOT EXISTS in a filter or a BIND, subqueries).

Three layers, each refusing what it cannot clear:

1. a cheap pre-check: a query whose text never spells the keyword — in any case, with any letter
   written as a ``\\uXXXX``/``\\UXXXXXXXX`` escape — cannot hold a SERVICE; no parse needed;
2. the parse: a ``ServiceGraphPattern`` anywhere → refused; a text that mentions the keyword but
   does not parse as a SPARQL 1.1 query → refused too (it cannot be cleared);
3. a one-pass lexer over the text as pyoxigraph reads it (no escape decoding outside strings; ``\\r``
   ends a comment): the bare keyword outside strings, IRIs and comments → refused even when the
   parser saw none, so a difference between the two parsers cannot let one through.
"""

from __future__ import annotations

import re

from .errors import QueryError, ReadOnlyError

SERVICE_MESSAGE = ("SERVICE (federated query) is refused: diplograph answers from the local graph only and "
                   "sends no requests to other servers")
READ_ONLY_MESSAGE = ("updates are not allowed here: diplograph answers read-only queries (SELECT, ASK, CONSTRUCT, "
                     "DESCRIBE); the graph changes only through `diplograph build`")


class ServiceRefused(QueryError):
    """The query contains (or may contain) a SERVICE clause."""


def _letter(ch: str) -> str:
    """One letter of a keyword, as itself (any case) or as a SPARQL codepoint escape of either case."""
    codes = "|".join(f"{ord(c):x}" for c in {ch.lower(), ch.upper()})
    return rf"(?:{ch}|\\[uU]0{{0,6}}(?:{codes}))"


def _spelled(word: str) -> re.Pattern:
    return re.compile("".join(_letter(c) for c in word), re.IGNORECASE)


_SERVICE_SPELLED = _spelled("service")
_UPDATE_SPELLED = re.compile("|".join(_spelled(w).pattern for w in (
    "insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy")), re.IGNORECASE)

# One pass, left to right, as a SPARQL lexer reads: the first alternative that matches at a position wins,
# so a quote inside a comment or a '#' inside a string is never misread.
_TOKENS = re.compile(r'''
    (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<name>[?$@]?[\w\-.:]+)
''', re.VERBOSE | re.DOTALL)


def mentions_service(text: str) -> bool:
    """Whether the text spells ``service`` anywhere (comments, strings and escapes included)."""
    return bool(_SERVICE_SPELLED.search(text))


def _bare_keyword(text: str, keyword: str) -> bool:
    """The keyword as a token of its own, outside strings, IRIs and comments (pyoxigraph's reading)."""
    for m in _TOKENS.finditer(text):
        if m.lastgroup == "name" and m.group("name").lower() == keyword:
            return True
    return False


def _parse_tree(text: str):
    """rdflib's parse tree of a query, or None when the text is not a SPARQL 1.1 query."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        # SPARQL ends a comment at CR or LF; rdflib's grammar only at LF: give it the text as the engine reads it
        return parseQuery(text.replace("\r", "\n"))
    except Exception:  # noqa: BLE001 (rdflib's grammar raises ParseException, ValueError or a bare Exception: not a query)
        return None


def _has_node(tree, name: str) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
    return False


def refuse_service(text: str) -> None:
    """Raise :class:`ServiceRefused` unless the query certainly holds no SERVICE clause."""
    if not mentions_service(text):
        return
    tree = _parse_tree(text)
    if tree is None:
        if is_update(text):
            raise ReadOnlyError(READ_ONLY_MESSAGE)
        raise ServiceRefused(SERVICE_MESSAGE + "; this query spells 'service' and does not parse as a SPARQL 1.1 "
                             "query, so it cannot be cleared (check its syntax)")
    if _has_node(tree, "ServiceGraphPattern") or _bare_keyword(text, "service"):
        raise ServiceRefused(SERVICE_MESSAGE)


def is_update(text: str) -> bool:
    """Whether the text is a SPARQL 1.1 Update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY)."""
    if not _UPDATE_SPELLED.search(text):
        return False
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text.replace("\r", "\n"))
    except Exception:  # noqa: BLE001 (as _parse_tree: whatever rdflib raises, not an update)
        return False
    return True


def preload() -> None:
    """Import the parser now (a server does this once, so the forked children do not each import it)."""
    import rdflib.plugins.sparql.parser  # noqa: F401 (imported for its cost, once, before the fork)
