"""Ontology documentation: a self-contained static site generated from ``diplograph.ttl``.

pyLODE needs Python >= 3.12; this project runs on 3.11, so this module does the same job
with rdflib alone.  :func:`write_docs` writes into one folder:

* ``index.html``: the ontology header (title, IRI, version, licence, description), a table of
  contents, a diagram of the core model (an inline SVG drawn here, no Graphviz), the
  namespaces, one section per class and per property (anchor id = local name), the table of
  PLOVER / CAMEO codes of the event classes and the external terms the ontology aligns to;
* ``diplograph.ttl`` (the ontology file as it is) and ``diplograph.nt`` (canonical, sorted
  N-Triples), ``event-codes.csv`` (the code table) and ``diagram.svg`` (the diagram alone).

The page fetches nothing: no JavaScript, inline CSS only (the project's one stylesheet,
``graph/web/static/diplograph.css``, which the server's pages link to).  Every text taken from the
ontology is HTML-escaped, and the output is deterministic (everything sorted, no dates), so
the same ontology gives byte-identical files.

The ontology is read by ``graph/docs_ontology.py``, the page written by ``graph/docs_page.py``, the
diagram drawn by ``graph/docs_diagram.py``; this module writes the files.

``python -m diplograph.graph.docs OUTPUT_DIR [ONTOLOGY.ttl]`` runs it from the shell.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

from diplograph import ontology as onto

from .docs_diagram import diagram_svg
from .docs_ontology import Ontology
from .docs_page import Renderer


def ntriples(path: Path) -> bytes:
    """The ontology as canonical (RDFC-1.0 blank nodes), sorted N-Triples."""
    dataset = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object)
                         for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS).splitlines()  # default graph only: N-Triples
    return b"\n".join(sorted(lines)) + b"\n"


def write_docs(output_dir: str | Path, ontology_path: Path | None = None) -> Path:
    """Write the documentation site into ``output_dir``; return the path of its index.html."""
    source = Path(ontology_path) if ontology_path is not None else onto.ONTOLOGY_TTL
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    ont = Ontology(source)
    renderer = Renderer(ont)
    svg = diagram_svg(ont)
    index = out / "index.html"
    index.write_text(renderer.page(svg), encoding="utf-8", newline="\n")
    (out / "diagram.svg").write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + svg, encoding="utf-8", newline="\n")
    (out / "event-codes.csv").write_text(renderer.code_csv(), encoding="utf-8", newline="\n")
    (out / "diplograph.ttl").write_bytes(source.read_bytes())
    (out / "diplograph.nt").write_bytes(ntriples(source))
    return index


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or len(args) > 2 or args[0] in ("-h", "--help"):
        print("usage: python -m diplograph.graph.docs OUTPUT_DIR [ONTOLOGY.ttl]", file=sys.stderr)
        return 2
    index = write_docs(args[0], Path(args[1]) if len(args) > 1 else None)
    print(index)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
