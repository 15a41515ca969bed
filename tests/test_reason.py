"""HermiT over ontology + claims: consistent on the seed graph, inferences kept in their own
graph, contradictions explained in plain words."""

from __future__ import annotations

import shutil

import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.reason import reason_backend
from diplograph.loaders.corpus import INFERRED_GRAPH
from pyoxigraph import Store

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


def copy_of(seed_graph) -> OxigraphBackend:
    store = Store()
    store.bulk_extend(seed_graph.quads())
    return OxigraphBackend(store, "memory:copy")


def test_seed_graph_is_consistent_and_inferences_go_to_their_own_graph(seed_graph):
    backend = copy_of(seed_graph)
    claims_before = backend.count() - backend.count(INFERRED_GRAPH)
    result = reason_backend(backend, write=True)
    assert result.consistent, result.as_text()
    assert result.inferred > 0 and result.written
    assert backend.count(INFERRED_GRAPH) == result.inferred
    assert backend.count() - backend.count(INFERRED_GRAPH) == claims_before  # claims untouched
    # nothing inferred lands in a source graph, and no claim sits in the inferred graph
    assert not backend.query("ASK { GRAPH dgg:inferred { ?c a dg:Claim } }").boolean


def test_contradiction_is_reported_in_plain_words(seed_graph):
    backend = copy_of(seed_graph)
    # a source that says Peru is a person: dg:State and dg:Person are disjoint
    backend.store.update("INSERT DATA { GRAPH dgg:consolidated { dgid:peru a dg:Person } }",
                         prefixes={"dg": "https://w3id.org/diplograph/ontology#",
                                   "dgid": "https://w3id.org/diplograph/id/",
                                   "dgg": "https://w3id.org/diplograph/graph/"})
    result = reason_backend(backend)
    assert not result.consistent
    assert any("Peru is typed both" in p and "disjoint" in p for p in result.problems), result.problems
    assert "INCONSISTENT" in result.as_text()
