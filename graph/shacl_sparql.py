"""SHACL Core in the store's own engine: the shapes graph compiled into SPARQL.

Why compile rather than validate graph by graph in a process pool: pyshacl walks every focus
node in Python (80 s and more at 1M triples); SPARQL lets Oxigraph scan each property's index
once and join by hashing, and copying the store into rdflib is gone.  The compiler is generic
over SHACL Core components (no query is written by hand per shape):

* each constraint becomes a pattern over the whole store (``Compiler.pattern``): either its
  *violators* (a value-level component -- sh:class, sh:datatype, sh:nodeKind, sh:in, sh:pattern,
  ranges, lengths, sh:or/sh:and/sh:not/sh:xone/sh:node -- gives one result per (focus, value),
  as SHACL says; sh:maxCount a grouped count; sh:equals, sh:disjoint the offending values), or
  its *satisfiers* (sh:minCount, qualified minimum counts, sh:hasValue: the nodes meeting it);
* a node shape's constraints are batched (``Compiler.shape_queries``): the violators of all of
  them in one UNION, the satisfiers in one grouped subquery (a bit per constraint), each joined
  once with the shape's targets -- 153 queries at 20 s became 48 at a few seconds (1M quads);
* nested shapes (in sh:or, sh:not, sh:qualifiedValueShape ...) are the conjunction of their own
  constraints, inlined as EXISTS with fresh variables; membership-only ones as hash joins.

Class membership (targets, sh:class) follows rdfs:subClassOf in the data (the ontology graph
is in the store); the subclass sets are read once per run and inlined as VALUES lists, which
keeps Oxigraph on its type index instead of evaluating a property path per node.  Every
expression is wrapped in COALESCE(…, false): a comparison that errors (incomparable literal)
fails the constraint, as in SHACL, instead of silently dropping the row.  A component outside
this list raises ShapesError: use ``--engine pyshacl`` for it.  tests/test_shacl_sparql.py
compares the results with pyshacl's, result by result, on every shape case, the seed graph and
broken copies of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

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


VIOLATORS, SATISFIERS = "violators", "satisfiers"


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
    has_value: bool           # rows carry ?value
    kind: str                 # VIOLATORS: ``pattern`` finds its results; SATISFIERS: the nodes meeting it
    pattern: str
    query: str                # the constraint alone (profiling)


@dataclass
class ShapeQuery:
    """The constraints of one node shape run as one query: a row's ?k indexes ``constraints``
    (VIOLATORS), or the bits of ?held say which satisfier patterns a focus node matched (SATISFIERS)."""

    kind: str
    constraints: list[Constraint]
    query: str

    def results(self, rows: Iterable[dict]) -> Iterable[tuple[Constraint, object, object]]:
        """(constraint, focus, value or None) for each result in the query's rows."""
        for row in rows:
            if self.kind == VIOLATORS:
                c = self.constraints[int(row["k"].value)]
                yield c, row["focus"], row.get("value") if c.has_value else None
            else:
                held = int(row["held"].value)
                for k, c in enumerate(self.constraints):
                    if c.kind == SATISFIERS and not held >> k & 1:
                        yield c, row["focus"], None


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
                condition = lambda x: self.conforms(qvs, x)
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

    def constraints(self, owner) -> Iterable[Constraint]:
        """Every constraint of a targeted node shape and of its property shapes, each as a pattern."""
        g = self.shapes
        targets = self.targets(owner)
        for shape in [owner, *g.sh(owner, "property")]:
            path_node = g.value(shape, SH + "path")
            path = self.path(path_node) if path_node is not None else None
            severity = g.value(shape, SH + "severity")
            message = g.value(shape, SH + "message")
            for name in self.components(shape):
                form = self.pattern(shape, name, path, targets)
                if form is None:  # always met (sh:minCount 0, sh:uniqueLang false)
                    continue
                kind, pattern, has_value = form
                yield Constraint(
                    owner=owner, shape=shape, component=name[0].upper() + name[1:], path=path_node, path_text=path,
                    severity=(severity.value[len(SH):] if severity is not None else "Violation"),
                    message=message.value if message is not None else None, has_value=has_value, kind=kind,
                    pattern=pattern, query=self.standalone(targets, kind, pattern, has_value),
                )

    @staticmethod
    def standalone(targets: str, kind: str, pattern: str, has_value: bool) -> str:
        """One constraint's own query (for profiling constraint by constraint; validation batches them)."""
        if kind == SATISFIERS:
            return f"SELECT DISTINCT ?focus WHERE {{ {targets} MINUS {{ {pattern} }} }}"
        select = "?focus ?value" if has_value else "?focus"
        return f"SELECT ?focus{' ?value' if has_value else ''} WHERE {{ {targets} {{ SELECT DISTINCT {select} WHERE {{ {pattern} }} }} }}"

    def shape_queries(self, owner) -> list[ShapeQuery]:
        """A node shape's constraints batched into (at most) two queries, both joined once with the targets.

        Why batches: at 1M quads each constraint's own query spent most of its time finding the
        target class (tens of thousands of claims) and joining it, 153 times over; the violators of
        every constraint found in one UNION and the satisfiers in one grouped subquery meet the
        targets once per shape (20 s -> a few seconds).  Subqueries, not plain groups: Oxigraph
        joins two subqueries by hashing, where a plain pattern after the targets is looked up once
        per focus node (10x slower here)."""
        constraints = list(self.constraints(owner))
        targets = self.targets(owner)
        out = []
        violators = [(k, c) for k, c in enumerate(constraints) if c.kind == VIOLATORS]
        if violators:
            union = " UNION ".join(f"{{ {c.pattern} BIND({k} AS ?k) }}" for k, c in violators)
            out.append(ShapeQuery(VIOLATORS, constraints, f"SELECT ?focus ?value ?k WHERE {{ {targets} "
                                  f"{{ SELECT DISTINCT ?focus ?value ?k WHERE {{ {union} }} }} }}"))
        satisfiers = [(k, c) for k, c in enumerate(constraints) if c.kind == SATISFIERS]
        if satisfiers:
            # which satisfier patterns each focus node matches, as a bit mask (SUM of the distinct bits
            # 2^k: cheaper than strings): a focus missing a bit breaks that constraint.  One left join
            # for the shape instead of a MINUS per constraint.
            union = " UNION ".join(f"{{ {c.pattern} BIND({1 << k} AS ?bit) }}" for k, c in satisfiers)
            full = sum(1 << k for k, _ in satisfiers)
            out.append(ShapeQuery(SATISFIERS, constraints, (
                f"SELECT ?focus ?held WHERE {{ {targets} OPTIONAL {{ {{ SELECT ?focus (SUM(DISTINCT ?bit) AS ?mask) "
                f"WHERE {{ {union} }} GROUP BY ?focus }} }} BIND(COALESCE(?mask, 0) AS ?held) FILTER(?held != {full}) }}")))
        return out

    def pattern(self, shape, name: str, path: str | None, targets: str) -> tuple[str, str, bool] | None:
        """How a constraint is found: (VIOLATORS, a pattern binding ?focus [and ?value] to its results,
        has ?value) or (SATISFIERS, a pattern binding ?focus to the nodes meeting it, False).

        A pattern is written for every node of the store, not the targets (the batch joins those):
        a property's subjects are found from its index in one scan.  Patterns that need the focus
        node bound first (a node shape's own value) include the targets themselves."""
        g = self.shapes
        param = g.value(shape, SH + name)
        if name in VALUE_LEVEL:
            if path is None:
                return VIOLATORS, f"{targets} BIND(?focus AS ?value) FILTER(!{self.value_ok(shape, name, '?value')})", True
            if name == "class" and len(g.sh(shape, "class")) == 1:  # an anti-join on the type index
                return VIOLATORS, f"?focus {path} ?value . MINUS {{ {self.typed('?value', self.subclasses(param))} }}", True
            return VIOLATORS, f"?focus {path} ?value . FILTER(!{self.value_ok(shape, name, '?value')})", True
        if name in PAIR:
            violation = self.pair_violation(shape, name, "?focus", "?value")
            return VIOLATORS, (violation if path is not None else f"{targets} {violation}"), True
        if name == "hasValue":
            if path is None:
                return SATISFIERS, f"VALUES ?focus {{ {term_sparql(param)} }}", False
            return SATISFIERS, f"?focus {path} {term_sparql(param)} .", False
        if path is None:
            raise ShapesError(f"sh:{name} on a node shape")
        if name == "uniqueLang":
            if param.value not in ("true", "1"):
                return None
            a, b = self.var(), self.var()
            return VIOLATORS, (f"{{ SELECT DISTINCT ?focus WHERE {{ ?focus {path} {a} . ?focus {path} {b} . "
                               f"FILTER(!sameTerm({a}, {b}) && LANG({a}) != \"\" && LCASE(LANG({a})) = LCASE(LANG({b}))) }} }}"), False
        n = int(param.value)
        v = self.var()
        values = f"?focus {path} {v} ."
        if name.startswith("qualified"):
            qvs = g.value(shape, SH + "qualifiedValueShape")
            classes = self.class_set(qvs)
            lacking = self.lacking(qvs)
            if classes is not None:  # membership only: a hash join with the classes' members
                values += f" {{ SELECT DISTINCT {v} WHERE {{ {self.typed(v, classes)} }} }}"
            elif lacking is not None:  # [ sh:not [ sh:path p ; sh:hasValue c ] ]: an anti-join, not a test per value
                values += f" MINUS {{ {v} {lacking[0]} {lacking[1]} }}"
            else:
                values += f" FILTER({self.conforms(qvs, v)})"
        if name in ("minCount", "qualifiedMinCount"):
            if n == 0:
                return None
            if n == 1:
                return SATISFIERS, values, False
            return SATISFIERS, f"{{ SELECT ?focus WHERE {{ {values} }} GROUP BY ?focus HAVING (COUNT(DISTINCT {v}) >= {n}) }}", False
        if name in ("maxCount", "qualifiedMaxCount"):
            return VIOLATORS, f"{{ SELECT ?focus WHERE {{ {values} }} GROUP BY ?focus HAVING (COUNT(DISTINCT {v}) > {n}) }}", False
        raise ShapesError(f"sh:{name}")

    def typed(self, var: str, classes: list) -> str:
        t = self.var()
        return f"VALUES {t} {{ {' '.join(map(str, classes))} }} {var} <{RDF}type> {t}"

    def lacking(self, shape) -> tuple[str, str] | None:
        """(path, value) when a nested shape is exactly ``[ sh:not [ sh:path p ; sh:hasValue c ] ]``."""
        g = self.shapes
        if [p for p in g.edges.get(shape, {}) if p.startswith(SH)] != [SH + "not"] or len(g.sh(shape, "not")) != 1:
            return None
        inner = g.value(shape, SH + "not")
        names = sorted(p for p in g.edges.get(inner, {}) if p.startswith(SH) and p[len(SH):] not in ("message", "severity"))
        if names != [SH + "hasValue", SH + "path"] or len(g.sh(inner, "hasValue")) != 1:
            return None
        return self.path(g.value(inner, SH + "path")), term_sparql(g.value(inner, SH + "hasValue"))

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

