"""Read YAML with line numbers and validate it with pydantic, reporting file:line problems."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from . import yamlfast
from .errors import CorpusError, Problem
from .files import FileRefused, decode_utf8, read_regular_file
from .schema import PATTERN_HINTS

FORMAT_HINT = "corpus/README.md describes the format"
MAX_YAML_BYTES = 50_000_000  # far above any corpus file; a bigger one is a mistake (or /dev/zero)

M = TypeVar("M", bound=BaseModel)


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps dates as the text wrote them: the schema checks them (an
    unquoted ``2025-02-30`` is a bad date at its line, not a crash inside the YAML library)."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    return yaml


def read_yaml(path: Path) -> Any:
    """Parse a YAML file keeping positions; broken YAML becomes a CorpusError with its line.

    Only a regular file of at most MAX_YAML_BYTES is read (a FIFO or a device is refused unread).
    """
    try:
        text = decode_utf8(read_regular_file(path, MAX_YAML_BYTES))
    except FileRefused as exc:
        raise CorpusError([Problem(path, exc.line, exc.message, exc.hint)]) from None
    yaml = _yaml()
    fast = yamlfast.load(text, yaml)  # libyaml, when the file is in the plain subset it handles
    if fast is not yamlfast.UNSUPPORTED:
        return fast
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise CorpusError([Problem(path, line, f"broken YAML: {problem}", "check indentation, quotes and colons")]) from None
    except ReaderError as exc:  # a character YAML does not allow (NUL, other control characters)
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise CorpusError([Problem(path, line, f"character U+{code:04X} is not allowed in YAML",
                                   "delete it: control characters come from a copy-paste or a binary file")]) from None
    except YAMLError as exc:
        raise CorpusError([Problem(path, None, f"broken YAML: {exc}", "check indentation, quotes and colons")]) from None


def line_of(node: Any, loc: tuple[Any, ...] = ()) -> int | None:
    """1-based line of the YAML node reached by following ``loc`` from ``node`` (best effort)."""
    line = None
    current = node
    for key in loc:
        if isinstance(current, CommentedMap) and key in current:
            try:
                line = current.lc.key(key)[0] + 1
            except (KeyError, TypeError):
                pass
            current = current[key]
        elif isinstance(current, CommentedSeq) and isinstance(key, int) and 0 <= key < len(current):
            try:
                line = current.lc.item(key)[0] + 1
            except (KeyError, TypeError):
                pass
            current = current[key]
        else:
            break
    if line is None and hasattr(node, "lc"):
        line = node.lc.line + 1
    return line


def validate(model: type[M], data: Any, path: Path, loc: tuple[Any, ...] = (), root: Any = None) -> M:
    """Validate ``data`` (found at ``loc`` inside the file's ``root``) against ``model``."""
    root = data if root is None else root
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            err_loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            field = ".".join(str(p) for p in err_loc) or "entry"
            msg, hint = _explain(err, model if len(err_loc) == 1 else None)
            problems.append(Problem(path, line_of(root, loc + err_loc), f"{field}: {msg}", hint))
        raise CorpusError(problems) from None


def _explain(err: dict, model: type[BaseModel] | None) -> tuple[str, str]:
    """(what is wrong, how to fix it) for one pydantic error, in the curator's words."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "extra_forbidden":
        fields = f"allowed fields: {', '.join(sorted(_field_names(model)))}" if model else FORMAT_HINT
        return "unknown field", fields
    if kind == "missing":
        return "missing", "add it"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6) if isinstance(value, str) else []
        return (f"{value!r} is not allowed",
                f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(allowed)}")
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return f"{value!r} is not of the right form", PATTERN_HINTS.get(pattern, f"it must match {pattern}")
    if kind == "value_error":  # our own validators say what is wrong and, in brackets, how to fix it
        text = str(err["msg"]).removeprefix("Value error, ")
        what, sep, how = text.partition(" (")
        return (what, how.removesuffix(")")) if sep else (text, FORMAT_HINT)
    return str(err["msg"]), FORMAT_HINT


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]
