"""JSON-LD of an on-disk store, streamed graph by graph (graph/export_stream.py streams the other formats).

The document is the canonical path's (graph/jsonld.py ``_JsonLdWriter.document``: ``json.dumps`` with
``indent=1`` of the whole dump compacted with the project context), byte for byte: the same nodes,
written one graph at a time by :class:`_JsonLdStream` with the C string encoder, so memory holds one
graph at most (2.5 GB -> under 0.2 GB at 1M quads).  tests/test_export_stream.py compares the two.
"""

from __future__ import annotations

from typing import BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from . import export_stream
from .export_stream import _canonical, _iri_only
from .formats import compact_iri as _compact
from .jsonld import RDF_TYPE, XSD_STRING


def write_jsonld(store, graphs: list[NamedNode], description: list[Quad], out: BinaryIO, path: str | None) -> None:
    """One ``@graph`` object per graph in IRI order (the description's among them, as the canonical
    path sorts it).  Graphs that may hold blank nodes are canonicalised together, as the canonical
    path does with the whole dataset (the loaders' graphs hold none), so the labels agree too.
    Reading the quads and writing their text in Python costs about 1.6x the engine's own JSON-LD
    writer (CPU): a pool of processes writes the graphs (``export_stream._pooled``)."""
    from .dataset_description import VOID_GRAPH

    blank = [g for g in graphs if not _iri_only(g)]
    canonical: dict = {}
    for q in _canonical([q for g in blank for q in store.quads_for_pattern(None, None, None, g)]):
        canonical.setdefault(q.graph_name, []).append(q)
    writer = _JsonLdStream(out)
    ordered = sorted(graphs + ([VOID_GRAPH] if description else []), key=lambda g: g.value)
    streamed = [g for g in ordered if _iri_only(g) and g not in canonical and not (g == VOID_GRAPH and description)]
    pool, texts = export_stream._pooled(path, _graph_jsonld, [("jsonld", g.value) for g in streamed])
    if texts is None:
        texts = (writer.text(g, store.quads_for_pattern(None, None, None, g)) for g in streamed)
    try:
        for graph in ordered:
            if graph == VOID_GRAPH and description:
                writer.write(writer.text(graph, description))
            elif graph in canonical or not _iri_only(graph):
                writer.write(writer.text(graph, canonical.get(graph, [])))
            else:
                writer.write(next(texts))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    writer.close()


def _graph_jsonld(path: str, job: tuple[str, str]) -> bytes | None:
    """A pool process's part: one graph's JSON-LD text."""
    store = export_stream._worker_store(path)
    if "writer" not in export_stream._WORKER:
        export_stream._WORKER["writer"] = _JsonLdStream(None)  # type: ignore[arg-type]
    writer = export_stream._WORKER["writer"]
    graph = NamedNode(job[1])
    return writer.text(graph, store.quads_for_pattern(None, None, None, graph))


class _JsonLdStream:
    """Writes the canonical path's JSON-LD document (``json.dumps(doc, indent=1)`` of
    ``{"@context": …, "@graph": [{"@id": graph, "@graph": [node, …]}, …]}``) one graph at a time.

    The nodes are the canonical path's own (``_JsonLdWriter.node``); only the text is written here,
    with the C string encoder, where ``json.dumps`` with an indent walks every value in Python."""

    def __init__(self, out: BinaryIO) -> None:
        import json

        from .jsonld import _context_document, _JsonLdWriter

        self.out, self.nodes, self.first, self.keys = out, _JsonLdWriter(), True, {}
        head = json.dumps({"@context": _context_document()["@context"], "@graph": []}, indent=1, ensure_ascii=False)
        self.head, self.tail = head[:-len("[]\n}")], "\n ]\n}\n"
        self.string = json.encoder.encode_basestring  # the C encoder when available; ensure_ascii=False

    def text(self, graph: NamedNode, quads) -> bytes | None:
        """One graph's object (None for a graph without statements): its nodes in subject order, each
        written as ``_JsonLdWriter.node`` builds it (types first, then the keys in order, a key's
        values in term order)."""
        from .export import _subject_key

        by_subject: dict = {}
        last, run = None, []
        for q in quads:  # the engine gives a graph's statements subject by subject: one dict entry per run
            subject = q.subject
            if subject != last:
                last, run = subject, by_subject.setdefault(subject, [])
            run.append(q)
        if not by_subject:
            return None  # the canonical path writes no object for a graph without statements
        s, terms = self.string, self.nodes.terms
        compact: dict = {}  # per graph: its predicates, types and objects recur
        keys = self.keys

        def ref(term) -> str:
            if isinstance(term, BlankNode):
                return s("_:" + term.value)
            iri = term.value
            found = compact.get(iri)
            if found is None:
                found = compact[iri] = s(_compact(iri))
            return found

        self.ref = ref
        parts = ['  {\n   "@id": ', ref(graph), ',\n   "@graph": [']
        sep = "\n"
        for subject in sorted(by_subject, key=_subject_key):
            objects: dict = {}
            for t in by_subject[subject]:
                objects.setdefault(t.predicate, []).append(t.object)
            parts += (sep, '    {\n     "@id": ', ref(subject))
            sep = ",\n"
            types = objects.pop(RDF_TYPE, None)
            if types is not None:
                named = sorted((t for t in types if isinstance(t, NamedNode)), key=str)
                if named:
                    parts.append(',\n     "@type": ')
                    if len(named) == 1:
                        parts.append(ref(named[0]))
                    else:
                        parts.append("[" + ",".join("\n      " + ref(t) for t in named) + "\n     ]")
                others = [t for t in types if not isinstance(t, NamedNode)]
                if others:
                    objects[RDF_TYPE] = others
            keyed = []
            for predicate, values in objects.items():
                iri = predicate.value
                key = keys.get(iri)
                if key is None:
                    term, coercion = terms.get(iri, (None, None))
                    key = keys[iri] = (term or _compact(iri), iri, coercion, ",\n     " + s(term or _compact(iri)) + ": ")
                keyed.append((key, values))
            keyed.sort(key=lambda k: k[0][:2])
            for (_, _, coercion, text), values in keyed:
                parts.append(text)
                if len(values) == 1:
                    self._value(values[0], coercion, "     ", parts)
                    continue
                parts.append("[")
                item_sep = "\n      "
                for value in sorted(values, key=str):
                    parts.append(item_sep)
                    item_sep = ",\n      "
                    self._value(value, coercion, "      ", parts)
                parts.append("\n     ]")
            parts.append("\n    }")
        parts.append("\n   ]\n  }")
        return "".join(parts).encode("utf-8")

    def write(self, text: bytes | None) -> None:
        if text is None:
            return
        self.out.write((self.head + "[\n").encode("utf-8") if self.first else b",\n")
        self.first = False
        self.out.write(text)

    def _value(self, term, coercion, indent: str, parts: list) -> None:
        """``_JsonLdWriter.value`` as text: a string, or a flat object one level in."""
        s = self.string
        if isinstance(term, Literal):
            language = term.language
            if not language:
                datatype = term.datatype
                if (datatype == XSD_STRING) if coercion is None else (coercion != "@id" and datatype.value == coercion):
                    parts.append(s(term.value))
                    return
                if datatype == XSD_STRING:
                    parts += ("{\n", indent, ' "@value": ', s(term.value), "\n", indent, "}")
                    return
                parts += ("{\n", indent, ' "@value": ', s(term.value), ",\n", indent, ' "@type": ',
                          self.ref(datatype), "\n", indent, "}")
                return
            parts += ("{\n", indent, ' "@value": ', s(term.value), ",\n", indent, ' "@language": ', s(language),
                      "\n", indent, "}")
            return
        if coercion == "@id":
            parts.append(self.ref(term))
            return
        parts += ("{\n", indent, ' "@id": ', self.ref(term), "\n", indent, "}")

    def close(self) -> None:
        self.out.write((self.head + "[]\n}\n" if self.first else self.tail).encode("utf-8"))
