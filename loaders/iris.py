"""The IRIs the loaders mint: the graphs they write and the nodes of sources, entities and events."""

from __future__ import annotations

from diplograph.ontology import EXTRACTED_GRAPHS, GRAPHS, ID, SOURCE_GRAPHS
from pyoxigraph import NamedNode

REGISTRY_GRAPH = NamedNode(GRAPHS["registry"])
META_GRAPH = NamedNode(GRAPHS["meta"])
CONSOLIDATED_GRAPH = NamedNode(GRAPHS["consolidated"])
ONTOLOGY_GRAPH = NamedNode(GRAPHS["ontology"])
INFERRED_GRAPH = NamedNode(GRAPHS["inferred"])


def source_iri(source_id: str) -> NamedNode:
    return NamedNode(f"{ID}source/{source_id}")


def source_graph(source_id: str, extracted: bool = False) -> NamedNode:
    """A source's graph: reviewed claims in dgg:source/{id}, unreviewed machine-extracted ones in
    dgg:extracted/source/{id} (never mixed)."""
    return NamedNode(f"{EXTRACTED_GRAPHS}source/{source_id}" if extracted else SOURCE_GRAPHS + source_id)


def entity_iri(ref: str) -> NamedNode:
    return NamedNode(ID + ref)


def event_iri(event_id: str) -> NamedNode:
    return NamedNode(f"{ID}event/{event_id}")
