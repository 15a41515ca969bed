"""SHACL Core in the store's own engine: the shapes graph compiled into SPARQL.

Why compile rather than validate graph by graph in a process pool: pyshacl walks every focus
node in Python (80 s and more at 1M triples); one SPARQL query per constraint lets Oxigraph
scan each target class once, with its indexes, and copying the store into rdflib is gone.
The compiler is generic over SHACL Core components (no query is written by hand per shape):

* a *value-level* component (sh:class, sh:datatype, sh:nodeKind, sh:in, sh:pattern, ranges,
  lengths, sh:or/sh:and/sh:not/sh:xone/sh:node) becomes a boolean expression over one value
  node; at the top level it gives one result per (focus, value), as SHACL says;
* a *focus-level* component (counts, sh:hasValue, sh:uniqueLang, qualified counts) becomes
  an expression over the focus node (EXISTS of n pairwise distinct values ...): one result per
  focus; sh:equals and sh:disjoint give one result per offending value;
* nested shapes (in sh:or, sh:not, sh:qualifiedValueShape ...) are the conjunction of their own
  constraints, inlined as EXISTS with fresh variables.

Class membership (targets, sh:class) follows rdfs:subClassOf in the data (the ontology graph
is in the store); the subclass sets are read once per run and inlined as IN lists, which keeps
Oxigraph on its type index instead of evaluating a property path per node.  Every expression
is wrapped in COALESCE(…, false): a comparison that errors (incomparable literal) fails the
constraint, as in SHACL, instead of silently dropping the row.  A component outside this list
raises ShapesError: use ``--engine pyshacl`` for it.  tests/test_shacl_sparql.py compares the
results with pyshacl's, result by result.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

VALUE_LEVEL = {"class", "datatype", "nodeKind", "in", "pattern", "minInclusive", "maxInclusive", "minExclusive",
               "maxExclusive", "minLength", "maxLength", "or", "and", "not", "xone", "node"}
FOCUS_LEVEL = {"minCount", "maxCount", "hasValue", "uniqueLang", "qualifiedMinCount", "qualifiedMaxCount"}
PAIR = {"equals", "disjoint"}
# parameters read with their component, and shape metadata: not constraints by themselves
NOT_COMPONENTS = {"path", "message", "severity", "name", "description", "targetClass", "targetNode", "property",
                  "qualifiedValueShape", "qualifiedValueShapesDisjoint", "flags", "deactivated", "order", "group",
                  "declare", "targetSubjectsOf", "targetObjectsOf"}
# XSD types whose lexical form Oxigraph can check by a cast: an ill-typed literal (e.g. "x"^^xsd:integer)
# does not conform to sh:datatype, as in pyshacl
CASTABLE = {"integer", "decimal", "double", "float", "boolean", "date", "dateTime", "gYear", "gYearMonth",
            "time", "duration"}


class ShapesError(Exception):
    """The shapes use something this compiler does not translate."""


class ShapesGraph:
    """The shapes graph as plain dicts (subject -> predicate -> objects), read with pyoxigraph."""

    def __init__(self, path: str | Path) -> None:
        self.edges: dict = {}
        with open(path, "rb") as handle:
            for t in parse(handle, format=RdfFormat.TURTLE):
                self.edges.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)

    def objects(self, node, predicate: str) -> list:
        return self.edges.get(node, {}).get(predicate, [])

    def value(self, node, predicate: str):
        found = self.objects(node, predicate)
        return found[0] if found else None

    def items(self, node) -> list:
        out = []
        while node is not None and node != NamedNode(RDF + "nil"):
            out.append(self.value(node, RDF + "first"))
            node = self.value(node, RDF + "rest")
        return out

    def sh(self, node, name: str) -> list:
        return self.objects(node, SH + name)

    def node_shapes(self) -> list:
        """Shapes that select focus nodes themselves (those with a target)."""
        return [s for s, edges in self.edges.items()
                if any(SH + t in edges for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"))]


@dataclass
class Constraint:
    """One constraint of one shape, and the query that finds its results."""

    owner: object            # the named node shape it belongs to
    shape: object            # the (node or property) shape holding it: sh:sourceShape
    component: str           # e.g. "MinCount" (sh:MinCountConstraintComponent)
    path: object | None      # the shape's sh:path node in the shapes graph
    path_text: str | None    # ... as a SPARQL property path
    severity: str
    message: str | None
    query: str
    has_value: bool           # rows carry ?value


def term_sparql(term) -> str:
    if isinstance(term, BlankNode):
        raise ShapesError("a blank node as a constant in a shape")
    return str(term)


class Compiler:
    def __init__(self, shapes: ShapesGraph, subclasses: Callable[[NamedNode], list[NamedNode]]) -> None:
        self.shapes = shapes
        self.subclasses = subclasses
        self._fresh = itertools.count()

    def var(self) -> str:
        return f"?v{next(self._fresh)}"

    # --- paths --------------------------------------------------------------------------------------
    def path(self, node) -> str:
        g = self.shapes
        if isinstance(node, NamedNode):
            return str(node)
        if g.value(node, RDF + "first") is not None:
            return "(" + "/".join(self.path(p) for p in g.items(node)) + ")"
        for name, fmt in (("alternativePath", None), ("inversePath", "^{}"), ("zeroOrMorePath", "{}*"),
                          ("oneOrMorePath", "{}+"), ("zeroOrOnePath", "{}?")):
            inner = g.value(node, SH + name)
            if inner is None:
                continue
            if fmt is None:
                return "(" + "|".join(self.path(p) for p in g.items(inner)) + ")"
            return fmt.format("(" + self.path(inner) + ")")
        raise ShapesError(f"unknown SHACL path {node}")

    # --- class membership -----------------------------------------------------------------------------
    def instance_of(self, var: str, cls: NamedNode) -> str:
        types = ", ".join(str(c) for c in self.subclasses(cls))
        t = self.var()
        return f"EXISTS {{ {var} <{RDF}type> {t} FILTER({t} IN ({types})) }}"

    # --- conformance of a node to a whole shape (nested shapes) --------------------------------------
    def conforms(self, shape, var: str) -> str:
        parts = [self.constraint_ok(shape, name, var) for name in self.components(shape)]
        parts += [self.conforms(p, var) for p in self.shapes.sh(shape, "property")]
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def components(self, shape) -> list[str]:
        names = []
        for predicate in self.shapes.edges.get(shape, {}):
            if not predicate.startswith(SH):
                continue
            name = predicate[len(SH):]
            if name in NOT_COMPONENTS:
                continue
            if name not in VALUE_LEVEL | FOCUS_LEVEL | PAIR:
                raise ShapesError(f"sh:{name} is not translated to SPARQL; use --engine pyshacl")
            names.append(name)
        return sorted(names)

    def constraint_ok(self, shape, name: str, focus: str) -> str:
        """True when ``focus`` meets this one constraint of ``shape``."""
        path_node = self.shapes.value(shape, SH + "path")
        if name in VALUE_LEVEL:
            if path_node is None:
                return self.value_ok(shape, name, focus)
            v = self.var()
            return f"NOT EXISTS {{ {focus} {self.path(path_node)} {v} FILTER(!{self.value_ok(shape, name, v)}) }}"
        if name in PAIR:
            return f"NOT EXISTS {{ {self.pair_violation(shape, name, focus, self.var())} }}"
        return self.focus_ok(shape, name, focus)

    # --- value-level components ------------------------------------------------------------------------
    def value_ok(self, shape, name: str, v: str) -> str:
        g = self.shapes
        params = g.sh(shape, name)
        exprs = []
        for param in params:
            exprs.append(self._value_expr(shape, name, param, v))
        return "COALESCE(" + " && ".join(exprs) + ", false)"

    def _value_expr(self, shape, name: str, param, v: str) -> str:
        g = self.shapes
        if name == "class":
            return self.instance_of(v, param)
        if name == "datatype":
            expr = f"(isLiteral({v}) && sameTerm(datatype({v}), {param}))"
            local = param.value[len(XSD):] if param.value.startswith(XSD) else None
            if local in CASTABLE:
                # a failed cast is an error, which COALESCE turns into "does not conform"
                expr += f" && isLiteral(<{XSD}{local}>(STR({v})))"
            return "(" + expr + ")"
        if name == "nodeKind":
            kinds = {"IRI": ["isIRI"], "Literal": ["isLiteral"], "BlankNode": ["isBlank"],
                     "BlankNodeOrIRI": ["isBlank", "isIRI"], "BlankNodeOrLiteral": ["isBlank", "isLiteral"],
                     "IRIOrLiteral": ["isIRI", "isLiteral"]}[param.value[len(SH):]]
            return "(" + " || ".join(f"{k}({v})" for k in kinds) + ")"
        if name == "in":
            members = g.items(param)
            return "(" + (" || ".join(f"sameTerm({v}, {term_sparql(m)})" for m in members) or "false") + ")"
        if name == "pattern":
            flags = g.value(shape, SH + "flags")
            flag_text = f", {Literal(flags.value)}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(param.value)}{flag_text}))"
        ops = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
        if name in ops:
            return f"(isLiteral({v}) && {v} {ops[name]} {term_sparql(param)})"
        if name == "minLength":
            return f"(!isBlank({v}) && STRLEN(STR({v})) >= {int(param.value)})"
        if name == "maxLength":
            return f"(!isBlank({v}) && STRLEN(STR({v})) <= {int(param.value)})"
        if name in ("or", "and", "xone"):
            members = [self.conforms(s, v) for s in g.items(param)]
            if name == "or":
                return "(" + (" || ".join(members) or "false") + ")"
            if name == "and":
                return "(" + (" && ".join(members) or "true") + ")"
            ones = " + ".join(f"IF({m}, 1, 0)" for m in members)
            return f"(({ones or '0'}) = 1)"
        if name == "not":
            return f"(!{self.conforms(param, v)})"
        if name == "node":
            return self.conforms(param, v)
        raise ShapesError(f"sh:{name}")

    # --- focus-level components ------------------------------------------------------------------------
    def distinct_values(self, focus: str, path: str, n: int, condition=None) -> str:
        """A group pattern matching when ``focus`` has at least n distinct values (meeting ``condition``)."""
        vs = [self.var() for _ in range(n)]
        triples = " ".join(f"{focus} {path} {x} ." for x in vs)
        filters = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(vs, 2)]
        if condition is not None:
            filters += [condition(x) for x in vs]
        return triples + (f" FILTER({' && '.join(filters)})" if filters else "")

    def focus_ok(self, shape, name: str, focus: str) -> str:
        g = self.shapes
        path_node = g.value(shape, SH + "path")
        path = self.path(path_node) if path_node is not None else None
        param = g.value(shape, SH + name)
        if name == "hasValue":
            if path is None:
                return f"sameTerm({focus}, {term_sparql(param)})"
            return f"EXISTS {{ {focus} {path} {term_sparql(param)} }}"
        if path is None:
            raise ShapesError(f"sh:{name} on a node shape")
        if name in ("minCount", "maxCount", "qualifiedMinCount", "qualifiedMaxCount"):
            n = int(param.value)
            condition = None
            if name.startswith("qualified"):
                qvs = g.value(shape, SH + "qualifiedValueShape")
                condition = lambda x: self.conforms(qvs, x)  # noqa: E731
            if name in ("minCount", "qualifiedMinCount"):
                return "true" if n == 0 else f"EXISTS {{ {self.distinct_values(focus, path, n, condition)} }}"
            return f"NOT EXISTS {{ {self.distinct_values(focus, path, n + 1, condition)} }}"
        if name == "uniqueLang":
            if param.value not in ("true", "1"):
                return "true"
            a, b = self.var(), self.var()
            return (f"NOT EXISTS {{ {focus} {path} {a} . {focus} {path} {b} . FILTER(!sameTerm({a}, {b}) && "
                    f"LANG({a}) != \"\" && LCASE(LANG({a})) = LCASE(LANG({b}))) }}")
        raise ShapesError(f"sh:{name}")

    def pair_violation(self, shape, name: str, focus: str, v: str) -> str:
        """A pattern binding ``v`` to each value that breaks sh:equals / sh:disjoint."""
        g = self.shapes
        path_node = g.value(shape, SH + "path")
        path = self.path(path_node) if path_node is not None else None
        other = term_sparql(g.value(shape, SH + name))
        mine = f"{focus} {path} {v} ." if path else f"BIND({focus} AS {v})"
        if name == "disjoint":
            return f"{mine} {focus} {other} {v} ."
        # equals: values on one side and not on the other, both ways
        not_mine = f"FILTER NOT EXISTS {{ {focus} {path} {v} }}" if path else f"FILTER(!sameTerm({focus}, {v}))"
        return f"{{ {mine} FILTER NOT EXISTS {{ {focus} {other} {v} }} }} UNION {{ {focus} {other} {v} . {not_mine} }}"

    # --- top-level queries ----------------------------------------------------------------------------
    def targets(self, shape) -> str:
        g = self.shapes
        branches = []
        classes = sorted({c for cls in g.sh(shape, "targetClass") for c in self.subclasses(cls)}, key=str)
        if classes:  # VALUES, not FILTER IN: Oxigraph then looks each class up in its type index
            branches.append(f"{{ VALUES ?type {{ {' '.join(map(str, classes))} }} ?focus <{RDF}type> ?type }}")
        for node in g.sh(shape, "targetNode"):
            branches.append(f"{{ BIND({term_sparql(node)} AS ?focus) }}")
        for p in g.sh(shape, "targetSubjectsOf"):
            branches.append(f"{{ ?focus {p} [] }}")
        for p in g.sh(shape, "targetObjectsOf"):
            branches.append(f"{{ [] {p} ?focus }}")
        return f"{{ SELECT DISTINCT ?focus WHERE {{ {' UNION '.join(branches)} }} }}"

    def constraints(self, owner, dataset: str = "") -> Iterable[Constraint]:
        """Every constraint of a targeted node shape and of its property shapes, with its query."""
        g = self.shapes
        targets = self.targets(owner)
        for shape in [owner, *g.sh(owner, "property")]:
            path_node = g.value(shape, SH + "path")
            path = self.path(path_node) if path_node is not None else None
            severity = g.value(shape, SH + "severity")
            message = g.value(shape, SH + "message")
            for name in self.components(shape):
                fast = self.fast_body(shape, name, path)
                if fast is not None:
                    body, has_value = fast
                elif name in ("qualifiedMinCount", "qualifiedMaxCount", "minCount", "maxCount", "hasValue", "uniqueLang"):
                    body, has_value = f"FILTER(!{self.focus_ok(shape, name, '?focus')})", False
                elif name in PAIR:
                    body, has_value = self.pair_violation(shape, name, "?focus", "?value"), True
                elif path is None:
                    body, has_value = f"BIND(?focus AS ?value) FILTER(!{self.value_ok(shape, name, '?value')})", True
                else:
                    body, has_value = f"?focus {path} ?value . FILTER(!{self.value_ok(shape, name, '?value')})", True
                select = "?focus ?value" if has_value else "?focus"
                component = name[0].upper() + name[1:]
                if body.startswith("GROUP BY"):  # an aggregate: the pattern sits before it
                    pattern, _, group = body.partition("||")
                    query = f"SELECT {select} {dataset} WHERE {{ {targets} {pattern[len('GROUP BY'):]} }} {group}"
                else:
                    query = f"SELECT DISTINCT {select} {dataset} WHERE {{ {targets} {body} }}"
                yield Constraint(
                    owner=owner, shape=shape, component=component, path=path_node, path_text=path,
                    severity=(severity.value[len(SH):] if severity is not None else "Violation"),
                    message=message.value if message is not None else None, query=query, has_value=has_value,
                )

    def class_set(self, shape) -> list | None:
        """The classes (subclasses included) a nested shape accepts, when membership is all it checks:
        ``[ sh:class C ]`` or ``[ sh:or ( [ sh:class C ] [ sh:class D ] ) ]``."""
        g = self.shapes
        names = [p for p in g.edges.get(shape, {}) if p.startswith(SH)]
        if names == [SH + "class"] and len(g.sh(shape, "class")) == 1:
            return self.subclasses(g.value(shape, SH + "class"))
        if names == [SH + "or"]:
            found = [self.class_set(member) for member in g.items(g.value(shape, SH + "or"))]
            if found and all(f is not None for f in found):
                return sorted({c for f in found for c in f}, key=str)  # type: ignore[union-attr]
        return None

    def fast_body(self, shape, name: str, path: str | None) -> tuple[str, bool] | None:
        """Top-level forms Oxigraph runs as hash joins rather than a lookup per focus node (the common
        components at 1M quads); equivalent to the generic expressions, which the test compares too.
        None: use the generic form."""
        g = self.shapes
        if path is None:
            return None
        param = g.value(shape, SH + name)
        has_type = lambda node, classes: (  # noqa: E731
            f"VALUES ?type_ok {{ {' '.join(map(str, classes))} }} {node} <{RDF}type> ?type_ok")
        if name == "minCount" and int(param.value) == 1:
            return f"MINUS {{ ?focus {path} ?any }}", False
        if name == "maxCount" and int(param.value) > 0:
            return f"GROUP BY ?focus {path} ?v_count ||GROUP BY ?focus HAVING (COUNT(DISTINCT ?v_count) > {int(param.value)})", False
        if name == "class" and len(g.sh(shape, "class")) == 1:
            return f"?focus {path} ?value . MINUS {{ {has_type('?value', self.subclasses(param))} }}", True
        if name == "qualifiedMinCount" and int(param.value) == 1:
            classes = self.class_set(g.value(shape, SH + "qualifiedValueShape"))
            if classes is not None:
                return f"MINUS {{ ?focus {path} ?q . {has_type('?q', classes)} }}", False
        return None


def subclass_reader(run_select: Callable[[str], list]) -> Callable[[NamedNode], list[NamedNode]]:
    """Each class with its subclasses (rdfs:subClassOf* in the data), read once per class."""
    cache: dict = {}

    def subclasses(cls: NamedNode) -> list[NamedNode]:
        if cls not in cache:
            rows = run_select(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS}subClassOf>* {cls} }}")
            found = {row["c"] for row in rows if isinstance(row.get("c"), NamedNode)} | {cls}
            cache[cls] = sorted(found, key=lambda c: c.value)
        return cache[cls]

    return subclasses

