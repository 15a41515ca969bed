"""Exports: deterministic RDF dumps (same input, byte-identical output)."""

from __future__ import annotations

from typing import Iterable

from pyoxigraph import CanonicalizationAlgorithm, Dataset, Quad, RdfFormat, serialize


def canonical_dataset(quads: Iterable[Quad]) -> Dataset:
    """The quads with blank nodes renamed by RDFC-1.0, so equal graphs serialise equally."""
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def canonical_nquads(quads: Iterable[Quad]) -> bytes:
    """Sorted canonical N-Quads: the byte-for-byte comparable form of a dataset."""
    lines = serialize(canonical_dataset(quads), format=RdfFormat.N_QUADS).splitlines()
    return b"\n".join(sorted(lines)) + b"\n"
