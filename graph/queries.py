"""The stored query library: ``queries/*.rq`` files with a ``#+`` YAML header (grlc style).

Values are bound by the engine as RDF terms (pyoxigraph ``substitutions``), never pasted into
query text.  A parameter of type ``iri`` accepts a full IRI, a prefixed name (``dgid:peru``) or
an entity's label or alias from the registry (``Peru``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.ontology import ID, PREFIXES
from pyoxigraph import Literal, NamedNode
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .backends import Backend, QueryResult, Term, strip_comments_and_strings
from .errors import ParameterError, QueryError
from .settings import default_queries
from .sparql_guard import ServiceRefused, refuse_service

PARAM_TYPES = ("iri", "string", "date", "integer")
# a date parameter takes exactly the form of its declared precision (``precision: month`` → YYYY-MM)
DATE_FORMS = {"day": (r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD", "date"),
              "month": (r"\d{4}-\d{2}", "YYYY-MM", "gYearMonth"),
              "year": (r"\d{4}", "YYYY", "gYear")}
KINDS = ("select", "construct", "ask", "check")
SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    required: bool = False
    default: Any = None
    example: Any = None
    description: str = ""
    precision: str = "day"  # of a date parameter: day, month or year
    choices: tuple[str, ...] = ()  # the only values a string parameter takes (e.g. rank: all, best)


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    summary: str
    description: str
    kind: str
    text: str
    params: tuple[Param, ...] = ()
    returns: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    severity: str | None = None
    header: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def body(self) -> str:
        """The SPARQL without its header."""
        return "\n".join(line for line in self.text.splitlines() if not line.startswith("#+"))

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ParameterError(f"query {self.name!r} has no parameter {name!r}; "
                             f"its parameters: {', '.join(p.name for p in self.params) or 'none'}")


@functools.lru_cache(maxsize=1)
def _header_yaml() -> YAML:
    """One reader for every header: a new one compiles its resolver's patterns again (a build's checks paid it 35×)."""
    return YAML(typ="safe", pure=True)


def parse_header(text: str, path: Path) -> dict:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        raise QueryError(f"{path}: no '#+' YAML header (summary, description, params, returns)")
    try:
        from diplograph.loaders import (
            yamlfast,  # libyaml when it can: ruamel's pure parser was most of a build's checks
        )

        yaml = _header_yaml()
        header = yamlfast.load("\n".join(lines), yaml)
        if header is yamlfast.UNSUPPORTED:
            header = yaml.load("\n".join(lines))
        header = header or {}
    except YAMLError as exc:
        raise QueryError(f"{path}: the '#+' header is not valid YAML: {exc}") from None
    if not isinstance(header, dict):
        raise QueryError(f"{path}: the '#+' header must be a YAML mapping")
    return header


def load_query(path: Path) -> StoredQuery:
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, path)
    for key in ("summary", "description"):
        if not header.get(key):
            raise QueryError(f"{path}: the header needs a '{key}'")
    kind = header.get("kind", "select")
    if kind not in KINDS:
        raise QueryError(f"{path}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    severity = header.get("severity")
    if kind == "check" and severity not in SEVERITIES:
        raise QueryError(f"{path}: a check needs 'severity: error' or 'severity: warning'")
    params = []
    for name, spec in (header.get("params") or {}).items():
        spec = spec or {}
        if spec.get("type", "string") not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {name!r} has type {spec.get('type')!r}; use one of {', '.join(PARAM_TYPES)}")
        unknown = set(spec) - {"type", "required", "default", "example", "description", "precision", "choices"}
        if unknown:
            raise QueryError(f"{path}: parameter {name!r} has unknown keys {sorted(unknown)}")
        if spec.get("precision", "day") not in DATE_FORMS or ("precision" in spec and spec.get("type") != "date"):
            raise QueryError(f"{path}: parameter {name!r}: 'precision' is for a date parameter, one of {', '.join(DATE_FORMS)}")
        if "choices" in spec:
            spec = {**spec, "choices": tuple(str(c) for c in spec["choices"] or ())}
        params.append(Param(name=name, **spec))
    return StoredQuery(
        name=path.stem, path=path, summary=str(header["summary"]).strip(), description=str(header["description"]).strip(),
        kind=kind, text=text, params=tuple(params), returns=tuple(header.get("returns") or ()),
        tags=tuple(header.get("tags") or ()), severity=severity, header=header,
    )


class QueryLibrary:
    """All stored queries of a folder (``queries/`` by default, checks in ``queries/checks/``)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_queries()
        self.queries: dict[str, StoredQuery] = {}
        for path in sorted(self.folder.rglob("*.rq")):
            query = load_query(path)
            if query.name in self.queries:
                raise QueryError(f"two stored queries are named {query.name!r}: {self.queries[query.name].path} and {path}")
            self.queries[query.name] = query

    def __iter__(self):
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)

    def get(self, name: str) -> StoredQuery:
        if name in self.queries:
            return self.queries[name]
        close = difflib.get_close_matches(name, list(self.queries), n=3, cutoff=0.4)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; `diplograph queries` lists them"
        raise QueryError(f"no stored query named {name!r}{hint}")

    def checks(self) -> list[StoredQuery]:
        return [q for q in self if q.kind == "check"]


# --- parameter values → RDF terms ------------------------------------------------------

_IRI_OK = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|^`\\]*$")
_PNAME = re.compile(r"^([A-Za-z][\w-]*)?:([\w\-./]*)$")


def to_term(param: Param, value: Any, backend: Backend | None = None) -> Term:
    """Convert a user's value to an RDF term of the parameter's type, or raise ParameterError."""
    text = str(value)
    if param.type == "iri":
        return resolve_iri(text, backend, param.name)
    if param.type == "date":
        return to_date(param, text)
    if param.choices and text not in param.choices:
        raise ParameterError(f"parameter {param.name!r}: {text!r} is not one of {', '.join(param.choices)}")
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", text):
            raise ParameterError(f"parameter {param.name!r}: {text!r} is not an integer")
        return Literal(str(int(text)), datatype=NamedNode(PREFIXES["xsd"] + "integer"))
    return Literal(text)  # a plain string: whatever it holds, it stays a literal


def to_date(param: Param, text: str) -> Literal:
    """Exactly the declared precision's form, and a real day/month: ``20250101`` or ``2025-W45-1`` are refused
    (``datetime.date.fromisoformat`` would read them as ISO 8601 basic or week dates)."""
    pattern, form, datatype = DATE_FORMS[param.precision]
    valid = re.fullmatch(pattern, text, re.ASCII) is not None
    if valid:
        try:
            dt.date.fromisoformat((text + "-01-01")[:10])
        except ValueError:
            valid = False
    if not valid:
        raise ParameterError(f"parameter {param.name!r}: {text!r} is not a date of the form {form} "
                             f"(e.g. {param.name}={param.example if param.example is not None else form})")
    return Literal(text, datatype=NamedNode(PREFIXES["xsd"] + datatype))


def resolve_iri(text: str, backend: Backend | None, name: str = "value") -> NamedNode:
    """A full IRI, a prefixed name, an entity id, or a registry label/alias → NamedNode."""
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    m = _PNAME.match(text)
    if m and (m.group(1) or "") in PREFIXES:
        return NamedNode(PREFIXES[m.group(1) or ""] + m.group(2))
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)?", text) and backend is not None and _exists(backend, NamedNode(ID + text)):
        return NamedNode(ID + text)
    if _IRI_OK.match(text) and "://" in text:
        return NamedNode(text)
    if backend is not None:
        found = lookup_label(backend, text)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ParameterError(f"parameter {name!r}: {text!r} names several entities: "
                                 + ", ".join(f.value for f in found) + "; use one of these IRIs")
        if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)?", text):
            for prefix in ("event/",):
                if _exists(backend, NamedNode(ID + prefix + text)):
                    return NamedNode(ID + prefix + text)
    raise ParameterError(f"parameter {name!r}: {text!r} is neither an IRI, a prefixed name (dgid:peru) "
                         "nor the label or alias of a known entity")


def _exists(backend: Backend, node: NamedNode) -> bool:
    result = backend.query("ASK { GRAPH ?g { ?node ?p ?o } }", {"node": node})
    return bool(result.boolean)


LABEL_LOOKUP = """
SELECT DISTINCT ?entity ?text WHERE {
  GRAPH dgg:registry { ?entity rdfs:label|skos:altLabel ?label }
  FILTER (LCASE(STR(?label)) = LCASE(STR(?text)))
} ORDER BY ?entity
"""


def lookup_label(backend: Backend, text: str) -> list[NamedNode]:
    rows = backend.query(LABEL_LOOKUP, {"text": Literal(text)}).rows
    found = [r["entity"] for r in rows]  # type: ignore[union-attr]
    # prefer an entity whose preferred label matches over one whose alias does
    if len(found) > 1:
        preferred = backend.query(LABEL_LOOKUP.replace("rdfs:label|skos:altLabel", "rdfs:label"), {"text": Literal(text)}).rows
        if len(preferred) == 1:  # type: ignore[arg-type]
            return [preferred.rows[0]["entity"]]  # type: ignore[union-attr]
    return found


def bind(query: StoredQuery, values: Mapping[str, Any], backend: Backend | None) -> dict[str, Term]:
    """Check and convert parameter values; defaults fill the gaps; missing required → error.

    The one place where values are checked, whatever the path (CLI, Python API, HTTP): an empty (or
    blank) value counts as not given — so an empty required value is refused, as a missing one is.
    """
    bindings: dict[str, Term] = {}
    for name in values:
        query.param(name)  # unknown parameter → ParameterError
    for p in query.params:
        value = values.get(p.name)
        if value is not None and str(value).strip():
            bindings[p.name] = to_term(p, value, backend)
        elif p.default is not None:
            bindings[p.name] = to_term(p, p.default, backend)
        elif p.required:
            example = f" (e.g. {p.name}={p.example})" if p.example is not None else ""
            empty = ", not an empty one" if value is not None else ""
            raise ParameterError(f"query {query.name!r} needs parameter {p.name!r}: give it a value{empty}{example}")
    return bindings


def run(query: StoredQuery, backend: Backend, values: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a stored query with its parameters bound by the engine (a SERVICE in it is refused)."""
    refuse_stored_service(query)
    return backend.query(query.body, bind(query, values or {}, backend))


def refuse_stored_service(query: StoredQuery) -> None:
    try:
        refuse_service(query.body)
    except ServiceRefused as exc:
        raise ServiceRefused(f"{query.path}: stored query {query.name!r}: {exc}") from None


def variables_used(query: StoredQuery) -> set[str]:
    """The ?variables of the query body, comments and strings stripped."""
    return set(re.findall(r"[?$]([A-Za-z_]\w*)", strip_comments_and_strings(query.body)))
