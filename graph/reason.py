"""OWL reasoning with HermiT (through owlready2) over the ontology and the consolidated claims.

owlready2 does not read Turtle, and HermiT rejects ``xsd:date``, ``xsd:gYear`` and
``xsd:gYearMonth``: the facts are handed over as N-Triples with the date literals left out
(their DateValue nodes stay; re-typing them as ``xsd:dateTime`` would clash with the declared
ranges of the OWL-Time properties that carry them).  Inferred triples go to their own graph, ``dgg:inferred``, never mixed with claims.
When HermiT finds the whole graph inconsistent, SPARQL diagnostics say why in plain words.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.loaders.corpus import INFERRED_GRAPH
from diplograph.ontology import PREFIXES
from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    RdfFormat,
    Triple,
    parse,
    serialize,
)

from .backends import Backend, OxigraphBackend
from .errors import StoreError

XSD = PREFIXES["xsd"]
_KEEP_DATATYPES = {XSD + t for t in ("string", "integer", "boolean", "decimal", "dateTime", "nonNegativeInteger")}
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

REASONING_INPUT = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { GRAPH dgg:ontology { ?s ?p ?o } }
  UNION { GRAPH dgg:registry { ?s ?p ?o } }
  UNION { GRAPH dgg:consolidated { ?s ?p ?o } }
}
"""

#: Plain-words diagnostics: each finds one kind of contradiction HermiT would reject.
DIAGNOSTICS = {
    "disjoint types": """
SELECT DISTINCT ?thing ?a ?b WHERE {
  GRAPH dgg:ontology {
    { ?ca owl:disjointWith ?cb }
    UNION { ?all a owl:AllDisjointClasses ; owl:members ?list .
            ?list rdf:rest*/rdf:first ?ca . ?list rdf:rest*/rdf:first ?cb . FILTER (?ca != ?cb) }
  }
  { GRAPH dgg:registry { ?thing a ?ta } } UNION { GRAPH dgg:consolidated { ?thing a ?ta } }
  { GRAPH dgg:registry { ?thing a ?tb } } UNION { GRAPH dgg:consolidated { ?thing a ?tb } }
  GRAPH dgg:ontology { ?ta rdfs:subClassOf* ?ca . ?tb rdfs:subClassOf* ?cb }
  BIND (?ta AS ?a) BIND (?tb AS ?b)
}""",
}


@dataclass
class ReasonResult:
    consistent: bool
    inferred: int = 0
    written: bool = False
    problems: list[str] = field(default_factory=list)
    unsatisfiable: list[str] = field(default_factory=list)
    skipped_literals: int = 0

    def as_text(self) -> str:
        lines = []
        if self.consistent and not self.unsatisfiable:
            lines.append("consistent: HermiT found no contradiction in the ontology and the claims")
        else:
            lines.append("INCONSISTENT: HermiT found a contradiction")
        lines += [f"  - {p}" for p in self.problems]
        lines += [f"  - class {c} can have no members (unsatisfiable)" for c in self.unsatisfiable]
        lines.append(f"{self.inferred} triples inferred" + (" and written to dgg:inferred" if self.written else
                                                           " (use --write to store them in dgg:inferred)"))
        if self.skipped_literals:
            lines.append(f"({self.skipped_literals} date literals left out: HermiT has no xsd:date/gYear/gYearMonth)")
        return "\n".join(lines)


def reasoning_input(backend: Backend) -> tuple[list[Triple], int]:
    """Ontology + registry + consolidated claims, with literals HermiT accepts."""
    triples = backend.query(REASONING_INPUT).triples or []
    kept, skipped = [], 0
    for t in triples:
        o = t.object
        if isinstance(o, Literal):
            dtype = o.datatype.value if o.datatype else XSD + "string"
            if dtype not in _KEEP_DATATYPES and dtype != _LANG_STRING:
                skipped += 1
                continue
        kept.append(Triple(t.subject, t.predicate, o))
    return kept, skipped


def reason_backend(backend: Backend, *, write: bool = False) -> ReasonResult:
    import owlready2

    triples, skipped = reasoning_input(backend)
    input_keys = {(t.subject.value, t.predicate.value, str(t.object)) for t in triples}
    world = owlready2.World()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.nt"
        path.write_bytes(serialize(triples, format=RdfFormat.N_TRIPLES))
        world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with world.get_ontology("https://w3id.org/diplograph/inferred#"):
                owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return ReasonResult(False, problems=diagnose(backend) or ["(no simple explanation found)"],
                                skipped_literals=skipped)
        unsatisfiable = sorted(str(c.iri) for c in world.inconsistent_classes())
        out = Path(tmp) / "out.nt"
        world.as_rdflib_graph().serialize(destination=str(out), format="nt", encoding="utf-8")
        inferred = [t for t in parse(path=str(out), format=RdfFormat.N_TRIPLES)
                    if isinstance(t.subject, NamedNode)
                    and (t.subject.value, t.predicate.value, str(t.object)) not in input_keys
                    and not t.subject.value.startswith("https://w3id.org/diplograph/inferred")
                    and not _is_noise(t)]
    result = ReasonResult(not unsatisfiable, inferred=len(inferred), unsatisfiable=unsatisfiable,
                          skipped_literals=skipped)
    if write:
        if not isinstance(backend, OxigraphBackend) or not backend.writable:
            raise StoreError("--write needs the local store open for writing (is `diplograph serve` using it?)")
        backend.replace_graph(INFERRED_GRAPH, inferred)
        result.written = True
    return result


def _is_noise(t) -> bool:
    """owlready2's own bookkeeping: ontology headers, owl:Thing typing, re-written axioms of the
    ontology itself (its blank nodes renamed); what is kept is what HermiT says of the data."""
    return (t.object.value in (PREFIXES["owl"] + "Ontology", PREFIXES["owl"] + "Thing", PREFIXES["owl"] + "NamedIndividual")
            or t.subject.value.startswith(PREFIXES["dg"]) or isinstance(t.object, BlankNode))


def diagnose(backend: Backend) -> list[str]:
    from .conflicts import labels

    problems = []
    for rows in [backend.select(q) for q in DIAGNOSTICS.values()]:
        names = labels(backend, {v for r in rows for v in r.values() if isinstance(v, NamedNode)})
        for r in rows:
            thing = names.get(r["thing"].value, r["thing"].value)
            a = names.get(r["a"].value, r["a"].value.rsplit("#", 1)[-1])
            b = names.get(r["b"].value, r["b"].value.rsplit("#", 1)[-1])
            problems.append(f"{thing} is typed both {a} and {b}, which the ontology declares disjoint")
    return problems
