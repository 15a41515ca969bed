"""SPARQL 1.1 Protocol pieces that need no store: errors as answers, content negotiation, the
Service Description.  The formats themselves come from the one registry, ``graph.formats``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from diplograph.ontology import PREFIXES

from ..errors import DiplographError
from ..formats import RDF_FORMATS, RESULTS_FORMATS

MAX_BODY = 1 << 20  # bytes of a POSTed query
READ_ONLY_MESSAGE = ("this SPARQL endpoint is read-only: updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, "
                     "ADD, MOVE, COPY) are refused; the graph changes only through `diplograph build`")
FORMAT_PARAMS = ("format",)
IGNORED_PARAMS = ("format", "output", "results")  # SPARQLWrapper sends all three

class ServerError(DiplographError):
    """The server cannot start (port in use, bad address)."""


# --- responses -------------------------------------------------------------------------------

Response = tuple  # (status: int, content type: str, body: bytes, extra headers: tuple[(name, value), ...])


class HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = tuple(headers)

    @property
    def response(self) -> Response:
        return text_response(self.status, self.message, self.headers)


def text_response(status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> Response:
    return (status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), tuple(headers))


# --- content negotiation ---------------------------------------------------------------------

@dataclass(frozen=True)
class Offer:
    """One representation: the media type sent, the names (``format=``) and media types that ask for it."""

    mime: str
    names: tuple[str, ...]
    format: Any  # QueryResultsFormat | RdfFormat | "html"
    charset: bool = False

    @property
    def content_type(self) -> str:
        return f"{self.mime}; charset=utf-8" if self.charset else self.mime

    def accepts(self, name: str) -> bool:
        return name == self.mime or name in self.names


def _offer(entry, extra: tuple[str, ...] = ()) -> Offer:
    """An offer from a registry entry (graph.formats), with the extra names HTTP clients send."""
    return Offer(entry.media_type, (*entry.names, *entry.also_accepts, *extra), entry.format, entry.text)


HTML = Offer("text/html", ("html",), "html", charset=True)
_R, _G = RESULTS_FORMATS, RDF_FORMATS
RESULT_OFFERS = (  # SELECT and ASK; the first is the default
    _offer(_R["json"], ("text/javascript", "application/javascript")), _offer(_R["xml"]), _offer(_R["csv"]),
    _offer(_R["tsv"]), HTML)
GRAPH_OFFERS = (  # CONSTRUCT and DESCRIBE
    _offer(_G["turtle"]), _offer(_G["ntriples"]), _offer(_G["rdfxml"], ("xml", "application/xml", "text/xml")),
    _offer(_G["jsonld"], ("json", "application/json")), _offer(_G["n3"]), HTML)
PAGE_OFFERS = (  # entity pages and the graph store: HTML for browsers (and */*), RDF for machines
    Offer("text/html", ("html", "application/xhtml+xml"), "html", charset=True),
    _offer(_G["turtle"]), _offer(_G["jsonld"], ("json", "application/json")), _offer(_G["ntriples"]),
    _offer(_G["rdfxml"], ("xml",)), _offer(_G["trig"]), _offer(_G["nquads"]))
KNOWN_FORMATS = sorted({n for offers in (RESULT_OFFERS, GRAPH_OFFERS, PAGE_OFFERS) for o in offers
                        for n in (o.mime, *o.names)})

def parse_accept(header: str) -> list[tuple[str, float]]:
    """``Accept`` → [(media range, q)], in header order."""
    ranges = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(mime: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range that matches ``mime`` (exact > type/* > */*)."""
    best: tuple[int, float] = (-1, 0.0)
    kind = mime.split("/")[0]
    for rng, q in ranges:
        if rng == mime:
            spec = 2
        elif rng == f"{kind}/*":
            spec = 1
        elif rng == "*/*":
            spec = 0
        else:
            continue
        if spec > best[0]:
            best = (spec, q)
    return best[1]


def negotiate(offers: tuple[Offer, ...], accept: str, formats: list[str], what: str) -> Offer:
    """The representation to send: a ``format`` parameter wins; else the best Accept match; else the default."""
    return _negotiate(offers, accept or "", tuple(formats), what)


@lru_cache(maxsize=512)  # clients send the same few Accept headers again and again
def _negotiate(offers: tuple[Offer, ...], accept: str, formats: tuple[str, ...], what: str) -> Offer:
    if formats:
        for name in formats:
            for offer in offers:
                if offer.accepts(name):
                    return offer
        names = ", ".join(o.names[0] for o in offers)
        raise HTTPError(406, f"format {formats[0]!r} is not available for {what}; use one of: {names}")
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    chosen, chosen_q = offers[0], 0.0
    for offer in offers:
        q = max(_quality(m, ranges) for m in (offer.mime, *(n for n in offer.names if "/" in n)))
        if q > chosen_q:
            chosen, chosen_q = offer, q
    return chosen  # nothing acceptable: the default (lenient, as most endpoints are)


def requested_formats(params: dict[str, list[str]]) -> list[str]:
    formats = [v.strip().lower() for k in FORMAT_PARAMS for v in params.get(k, []) if v.strip()]
    for name in formats:
        if name not in KNOWN_FORMATS:
            raise HTTPError(400, f"unknown format {name!r}; use a media type or one of: json, xml, csv, tsv, html, "
                                 "turtle, ntriples, rdfxml, jsonld, n3, trig, nquads")
    return formats


# --- the child process: everything that reads the store --------------------------------------


def service_description(endpoint: str, union_default_graph: bool = True) -> str:
    """The SPARQL 1.1 Service Description of this endpoint (Turtle), sent for GET /sparql without a query.

    ``union_default_graph`` is False when the store is a remote server: its default graph is its own."""
    formats = " ".join(f"<http://www.w3.org/ns/formats/{n}>" for n in
                       ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                        "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N3"))
    prefixes = " ,\n".join(f"    [ a sh:PrefixDeclaration ; sh:prefix {_turtle_string(p)} ; "
                           f"sh:namespace {_turtle_string(ns)}^^xsd:anyURI ]" for p, ns in sorted(PREFIXES.items()))
    default = ("the default graph is the union of all named graphs (one per source)" if union_default_graph else
               "the default graph is the one of the SPARQL server this endpoint reads from")
    feature = "  sd:feature sd:UnionDefaultGraph ;\n" if union_default_graph else ""
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{endpoint}> a sd:Service ;
  rdfs:comment "diplograph, read-only: {default}; \
updates, LOAD and SERVICE are refused; the prefixes below are predeclared." ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
{feature}  sd:resultFormat {", ".join(formats.split(" "))} ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] ;
  sh:declare
{prefixes} .
"""


def _turtle_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
