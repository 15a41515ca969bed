"""Which named graphs an export (or its description) covers: ``--graph all``, ``ontology``,
``source:ID``, a graph IRI, several joined by commas (:func:`select_graphs`), and their quads."""

from __future__ import annotations

from typing import Iterable, Sequence

from pyoxigraph import NamedNode, Quad

from diplograph.ontology import GRAPH, PREFIXES

from .backends import Backend
from .errors import DiplographError

SELECTION_NAMES = ("all", "ontology", "registry", "consolidated", "meta", "inferred")

NAMED_GRAPHS = {
    "ontology": GRAPH + "ontology", "registry": GRAPH + "registry", "consolidated": GRAPH + "consolidated",
    "meta": GRAPH + "meta", "inferred": GRAPH + "inferred",
}
SOURCE_GRAPH = GRAPH + "source/"


def source_ids(graphs: Iterable[NamedNode]) -> list[str]:
    return sorted(g.value[len(SOURCE_GRAPH):] for g in graphs if g.value.startswith(SOURCE_GRAPH))


def _choices(graphs: Sequence[NamedNode]) -> str:
    sources = source_ids(graphs)
    return (f"use one of {', '.join(SELECTION_NAMES)}, source:ID or a graph IRI "
            f"(several: comma-separated); sources: {', '.join(sources) or 'none (build the store first)'}")


def select_graphs(backend: Backend, selection: str) -> list[NamedNode] | None:
    """The named graphs a selection names, or None for ``all`` (everything in the store).

    ``selection`` is ``all``, ``ontology``, ``registry``, ``consolidated``, ``meta``,
    ``inferred``, ``source:ID`` (one source's claims; a unique prefix of the id will do), a
    graph IRI (``https://…``, ``<…>`` or ``dgg:…``), or several of these separated by commas.
    An unknown or absent graph raises :class:`DiplographError` listing the choices and sources.
    """
    present = backend.graphs()
    present_set = set(present)
    chosen: list[NamedNode] = []
    parts = [p.strip() for p in str(selection).split(",") if p.strip()]
    if not parts:
        raise DiplographError(f"empty graph selection: {_choices(present)}")
    for part in parts:
        name = part.lower()
        if name == "all":
            return None
        if name in NAMED_GRAPHS:
            graph = NamedNode(NAMED_GRAPHS[name])
            if graph not in present_set:
                how = ("run `diplograph reason --write` first" if name == "inferred"
                       else "run `diplograph build` first")
                raise DiplographError(f"the store has no {name} graph (<{graph.value}>): {how}")
            chosen.append(graph)
            continue
        if name.startswith("source:") and not part.startswith("source://"):
            wanted = part.split(":", 1)[1].strip()
            sources = source_ids(present)
            matches = [s for s in sources if s == wanted] or [s for s in sources if wanted and s.startswith(wanted)]
            if len(matches) != 1:
                what = (f"{wanted!r} matches several sources: {', '.join(matches)}" if matches
                        else f"no source {wanted!r}")
                raise DiplographError(f"unknown graph selection {part!r}: {what}; "
                                      f"sources: {', '.join(sources) or 'none (build the store first)'}")
            chosen.append(NamedNode(SOURCE_GRAPH + matches[0]))
            continue
        iri = part[1:-1] if part.startswith("<") and part.endswith(">") else part
        prefix, colon, local = iri.partition(":")
        if colon and prefix in PREFIXES and not local.startswith("//"):
            iri = PREFIXES[prefix] + local
        if "://" in iri:
            try:
                graph = NamedNode(iri)
            except ValueError:
                raise DiplographError(f"{part!r} is not a valid IRI; {_choices(present)}") from None
            if graph in present_set:
                chosen.append(graph)
                continue
            raise DiplographError(f"the store has no graph <{iri}>; {_choices(present)}")
        raise DiplographError(f"unknown graph selection {part!r}: {_choices(present)}")
    return sorted(set(chosen), key=lambda g: g.value)


def selected_quads(backend: Backend, graphs: list[NamedNode] | None) -> list[Quad]:
    """The quads of the selected graphs (``None``: every quad of the store)."""
    if graphs is None:
        return list(backend.quads(None))
    return [q for g in graphs for q in backend.quads(g)]
