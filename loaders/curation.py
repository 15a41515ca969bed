"""The curators' ranks (``corpus/curation.yaml``) → quads of the graph ``dgg:curation``.

A rank is about one claim of one source: that source's claim that an event has a date, an
agent, a target…, or that a person held a post at an event.  The rank, its reason (a concept
of the ontology's ``dg:RankReasons``, named by its ``skos:notation``) and the curator's note are
written about the source graph's claim node, in ``dgg:curation`` only: a source's graph is
never changed (Wikidata's statement ranks, ``wikibase:rank``, are the model; see
ontology/MODEL.md).  Every problem is a ``file:line`` :class:`Problem`, all raised together.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from typing import Literal as Choice

from diplograph.ontology import (
    DG,
    GRAPHS,
    ID,
    ONTOLOGY_TTL,
    PREFIXES,
    SOURCE_GRAPHS,
    dg,
)
from pydantic import Field, model_validator
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from .errors import CorpusError, Problem
from .schema import REF, SLUG, Strict
from .yamlfile import line_of, read_yaml, validate

CURATION_GRAPH = NamedNode(GRAPHS["curation"])
CURATION_FILE = "curation.yaml"
RANK_TERMS = {"preferred": dg.PreferredRank, "normal": dg.NormalRank, "deprecated": dg.DeprecatedRank}
#: an event claim's field → its property (entity values; ``date`` is the source's own date node)
FIELDS = {
    "agent": "agent", "target": "target", "place": "place", "announced_by": "announcedBy",
    "legal_basis": "legalBasis", "recognized_as": "recognizedAs", "charge": "charge",
    "beneficiary": "beneficiary", "candidate_for": "candidateFor", "on_behalf_of": "onBehalfOf",
    "office": "office", "date": "onDate",
}
_SKOS = PREFIXES["skos"]


class TenureRef(Strict):
    holder: Annotated[str, Field(pattern=SLUG)]
    post: Annotated[str, Field(pattern=SLUG)]


class RankRecord(Strict):
    """One rank: which source's claim, the rank, why."""

    source: Annotated[str, Field(pattern=SLUG)]
    event: Annotated[str, Field(pattern=SLUG)] | None = None
    field: Choice[tuple(FIELDS)] | None = None  # type: ignore[valid-type]
    value: Annotated[str, Field(pattern=REF)] | None = None
    tenure: TenureRef | None = None
    at: Annotated[str, Field(pattern=SLUG)] | None = None
    rank: Choice["preferred", "normal", "deprecated"]
    reason: str | None = None
    note: Annotated[str, Field(min_length=3)] | None = None

    @model_validator(mode="after")
    def _one_claim(self) -> RankRecord:
        if (self.event is None) == (self.tenure is None):
            raise ValueError("a rank names one claim: either 'event' with 'field' (and 'value'), "
                             "or 'tenure' with 'at'")
        if self.event is not None and self.field is None:
            raise ValueError(f"which of the event's claims? give 'field' (one of {', '.join(FIELDS)})")
        if self.event is not None and self.field != "date" and self.value is None:
            raise ValueError(f"give the 'value' of the {self.field} claim ranked (an entity id)")
        if self.tenure is not None and self.at is None:
            raise ValueError("give 'at': the event at which the source says the person held the post")
        if self.rank == "deprecated" and not self.reason:
            raise ValueError("a deprecated claim needs a 'reason' (why the curators hold it wrong)")
        return self


class CurationFile(Strict):
    ranks: list[dict] = []


@dataclass(frozen=True)
class Rank:
    claim: NamedNode
    graph: NamedNode  # the source graph that must hold the claim
    line: int | None
    what: str  # the claim in words, for messages
    rank: NamedNode
    reason: NamedNode | None
    note: str | None


@lru_cache(maxsize=1)
def rank_reasons() -> dict[str, tuple[NamedNode, frozenset[str]]]:
    """The ontology's rank reasons: notation → (concept, the ranks it can justify)."""
    quads = list(parse(path=str(ONTOLOGY_TTL), format=RdfFormat.TURTLE))
    notations = {q.subject: q.object.value for q in quads if q.predicate.value == _SKOS + "notation"}
    ranks: dict[NamedNode, set[str]] = {}
    for q in quads:
        if q.predicate.value == DG + "reasonFor":
            ranks.setdefault(q.subject, set()).add(q.object.value.rsplit("#", 1)[-1].removesuffix("Rank").lower())
    return {n: (s, frozenset(ranks.get(s, ()))) for s, n in notations.items() if s in ranks}


def claim_iri(source_id: str, s: NamedNode, p: NamedNode, o: NamedNode) -> NamedNode:
    """The claim node a source graph gives the triple (s p o): as the corpus loader mints it."""
    key = hashlib.sha1(f"{s}|{p}|{o}".encode()).hexdigest()[:12]
    return NamedNode(f"{ID}claim/{source_id}/{key}")


def read_curation(corpus_dir: str | Path, sources: set[str] | None = None) -> list[Rank]:
    """The ranks of ``corpus_dir/curation.yaml`` (none when there is no such file), checked against the
    vocabulary and, when given, the source ids; raises CorpusError listing every problem."""
    path = Path(corpus_dir) / CURATION_FILE
    if not path.is_file():
        return []
    data = read_yaml(path)
    header = validate(CurationFile, data if data is not None else {}, path)
    reasons = rank_reasons()
    problems: list[Problem] = []
    ranks: list[Rank] = []
    first: dict[NamedNode, int | None] = {}
    for i, item in enumerate(header.ranks):
        loc = ("ranks", i)
        try:
            record = validate(RankRecord, item, path, loc, data)
        except CorpusError as exc:
            problems.extend(exc.problems)
            continue
        line = line_of(data, loc)
        if sources is not None and record.source not in sources:
            close = difflib.get_close_matches(record.source, sorted(sources), n=1)
            problems.append(Problem(path, line_of(data, loc + ("source",)), f"unknown source {record.source!r}",
                                    f"did you mean {close[0]!r}?" if close else "use an id of sources.yaml"))
            continue
        reason = None
        if record.reason is not None:
            if record.reason not in reasons:
                close = difflib.get_close_matches(record.reason, list(reasons), n=1)
                problems.append(Problem(path, line_of(data, loc + ("reason",)), f"unknown rank reason {record.reason!r}",
                                        (f"did you mean {close[0]!r}? " if close else "")
                                        + "the reasons: " + ", ".join(sorted(reasons))))
                continue
            reason, fits = reasons[record.reason]
            if record.rank not in fits:
                problems.append(Problem(path, line_of(data, loc + ("reason",)),
                                        f"{record.reason!r} is a reason for a {'/'.join(sorted(fits))} rank, not {record.rank}",
                                        "pick a reason for this rank: " + ", ".join(
                                            sorted(n for n, (_, f) in reasons.items() if record.rank in f))))
                continue
        claim, what = _claim_of(record)
        if claim in first:
            problems.append(Problem(path, line, f"{what} is ranked twice", f"first ranked on line {first[claim]}"))
            continue
        first[claim] = line
        graph = NamedNode(SOURCE_GRAPHS + record.source)
        ranks.append(Rank(claim, graph, line, what, RANK_TERMS[record.rank], reason, record.note))
    if problems:
        raise CorpusError(problems)
    return ranks


def _claim_of(record: RankRecord) -> tuple[NamedNode, str]:
    if record.tenure is not None:
        t = NamedNode(f"{ID}tenure/{record.tenure.holder}--{record.tenure.post}")
        event = NamedNode(f"{ID}event/{record.at}")
        return (claim_iri(record.source, t, dg.heldAt, event),
                f"{record.source}'s claim that {record.tenure.holder} held {record.tenure.post} at {record.at}")
    event = NamedNode(f"{ID}event/{record.event}")
    prop = dg[FIELDS[record.field]]
    if record.field == "date":
        value = NamedNode(f"{event.value}/onDate/{record.source}")
        return claim_iri(record.source, event, prop, value), f"{record.source}'s date of {record.event}"
    return (claim_iri(record.source, event, prop, NamedNode(ID + record.value)),
            f"{record.source}'s claim that {record.event} has {record.field} {record.value}")


def curation_quads(ranks: list[Rank]) -> list[Quad]:
    g = CURATION_GRAPH
    out: list[Quad] = []
    for r in ranks:
        out.append(Quad(r.claim, dg.rank, r.rank, g))
        if r.reason is not None:
            out.append(Quad(r.claim, dg.rankReason, r.reason, g))
        if r.note:
            out.append(Quad(r.claim, dg.rankNote, Literal(r.note), g))
    return out


def missing_claims(ranks: list[Rank], has_claim, path: Path) -> list[Problem]:
    """The ranks whose claim the source graph does not hold (``has_claim(claim, graph)`` asks the store)."""
    return [Problem(path, r.line, f"no such claim: {r.what}",
                    "check the source's claims file: the event, field and value as it gives them")
            for r in ranks if not has_claim(r.claim, r.graph)]


def load_ranks(backend, corpus_dir: str | Path) -> int:
    """Replace ``dgg:curation`` in ``backend`` with the corpus's ranks; every ranked claim must be in its
    source graph.  Raises CorpusError (nothing written) otherwise; returns the number of ranks."""
    path = Path(corpus_dir) / CURATION_FILE
    sources = {g.value[len(SOURCE_GRAPHS):] for g in backend.graphs() if g.value.startswith(SOURCE_GRAPHS)}
    ranks = read_curation(corpus_dir, sources)
    store = backend.store
    missing = missing_claims(ranks, lambda c, g: any(True for _ in store.quads_for_pattern(c, None, None, g)), path)
    if missing:
        raise CorpusError(missing)
    if CURATION_GRAPH in set(backend.graphs()):
        store.remove_graph(CURATION_GRAPH)
    store.extend(curation_quads(ranks))
    return len(ranks)
