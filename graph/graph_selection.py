"""Which named graphs an export (or its description) covers: ``--graph all``, ``ontology``,
``source:ID``, a graph IRI, several joined by commas (:func:`select_graphs`), and their quads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from diplograph.loaders.derived import is_derived_graph
from diplograph.ontology import GRAPHS, PREFIXES, SOURCE_GRAPHS
from pyoxigraph import NamedNode, Quad

from .backends import Backend
from .errors import DiplographError

SELECTION_NAMES = ("all", "ontology", "registry", "consolidated", "meta", "inferred", "derived")

NAMED_GRAPHS = {name: GRAPHS[name] for name in ("ontology", "registry", "consolidated", "meta", "inferred")}
SOURCE_GRAPH = SOURCE_GRAPHS


def source_ids(graphs: Iterable[NamedNode]) -> list[str]:
    return sorted(g.value[len(SOURCE_GRAPH):] for g in graphs if g.value.startswith(SOURCE_GRAPH))


def _choices(graphs: Sequence[NamedNode]) -> str:
    sources = source_ids(graphs)
    return (f"use one of {', '.join(SELECTION_NAMES)}, source:ID or a graph IRI "
            f"(several: comma-separated); sources: {', '.join(sources) or 'none (build the store first)'}")


def select_graphs(backend: Backend, selection: str) -> list[NamedNode] | None:
    """The named graphs a selection names, or None for everything in the store.

    ``selection`` is ``all`` (every graph but the derived index: with ``derived`` too, everything),
    ``ontology``, ``registry``, ``consolidated``, ``meta``, ``inferred``, ``derived`` (what the build
    derives from each source, ``dgg:derived/source/{id}``), ``source:ID`` (one source's claims; a
    unique prefix of the id will do), a
    graph IRI (``https://…``, ``<…>`` or ``dgg:…``), or several of these separated by commas.
    An unknown or absent graph raises :class:`DiplographError` listing the choices and sources.
    """
    present = backend.graphs()
    present_set = set(present)
    chosen: list[NamedNode] = []
    parts = [p.strip() for p in str(selection).split(",") if p.strip()]
    if not parts:
        raise DiplographError(f"empty graph selection: {_choices(present)}")
    # the index the build derives from each source (dgg:derived/…, loaders/derived.py) is left out of
    # "all" unless "derived" is named too: a dump is the claims and the facts, the index is rebuilt by a build
    derived = [g for g in present if is_derived_graph(g.value)]
    for part in parts:
        name = part.lower()
        if name == "all":
            if not derived or "derived" in (p.lower() for p in parts):
                return None
            chosen += [g for g in present if not is_derived_graph(g.value)]
            continue
        if name == "derived":
            if not derived:
                raise DiplographError("the store has no derived graphs (dgg:derived/…): run `diplograph build` first")
            chosen += derived
            continue
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
