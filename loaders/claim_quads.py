"""One source's claims → the quads of that source's named graph.

Each claim (an event, a tenure, a membership, a party to an instrument) becomes its triples, each
triple a ``dg:Claim`` node (rdf:subject/predicate/object, the source, the extraction method) with
its evidence ``dg:Mention``s, whose quotes are found in the article text (or checked at their
offsets).  References are checked against the registry the loader read; every problem is kept as a
``file:line`` :class:`Problem`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.ontology import (
    ACTOR_CLASSES,
    DCT,
    ID,
    ORG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    TIME,
    XSD,
    dg,
)
from pyoxigraph import Literal, NamedNode, Quad

from .dates import DateError, ResolvedDate, resolve, weekday_of
from .errors import Problem
from .iris import entity_iri, event_iri, source_graph, source_iri
from .schema import (
    ClaimBase,
    DateSpec,
    EventClaim,
    MembershipClaim,
    ParticipationClaim,
    SourceRecord,
    TenureClaim,
)
from .texts import find_quote, near_miss
from .yamlfile import line_of

if TYPE_CHECKING:
    from .corpus import _Loader

#: the actor classes an entity of the registry can have (the abstract ones excluded)
ACTOR_TYPES = frozenset(ACTOR_CLASSES) - {"Actor", "Organization"}
#: YAML field of an event claim → (property, what the value may be)
EVENT_FIELDS: dict[str, tuple[str, str]] = {
    "agent": ("agent", "entity"), "target": ("target", "entity"), "place": ("place", "entity"),
    "announced_by": ("announcedBy", "entity"), "legal_basis": ("legalBasis", "legal"),
    "recognized_as": ("recognizedAs", "entity"), "charge": ("charge", "entity"),
    "beneficiary": ("beneficiary", "entity"), "candidate_for": ("candidateFor", "entity"),
    "on_behalf_of": ("onBehalfOf", "entity"), "office": ("office", "entity"),
}
UNIT = {"day": TIME.unitDay, "month": TIME.unitMonth, "year": TIME.unitYear}
DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
TIME_PROPERTY = {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}


class SourceEmitter:
    """Turns one source's claims into quads in that source's named graph."""

    def __init__(self, loader: _Loader, path: Path, data: Any, source: SourceRecord, text: str | None,
                 extraction: str) -> None:
        self.loader = loader
        self.path = path
        self.data = data
        self.source = source
        self.text = text
        self.extraction = extraction
        self.graph = source_graph(source.id, extracted=extraction == "extracted")
        self.src = source_iri(source.id)
        self.quads: list[Quad] = []
        self.problems: list[Problem] = []
        self.claims: dict[NamedNode, set[NamedNode]] = {}
        self._proposed: set[NamedNode] = set()   # claim nodes given their dg:proposedBy
        self.claim_count = 0
        self.published = source.published.value if source.published else None
        self._emit_source()

    def add(self, s, p, o) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def problem(self, loc: tuple, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line_of(self.data, loc), message, hint))

    # -- the source itself -------------------------------------------------------------
    def _emit_source(self) -> None:
        s, src = self.src, self.source
        self.add(s, RDF.type, dg.Source)
        self.add(s, RDF.type, SCHEMA.NewsArticle)
        self.add(s, RDF.type, PROV.Entity)
        self.add(s, RDFS.label, Literal(src.title or src.label or src.id, language="en"))
        if src.title:
            self.add(s, DCT.title, Literal(src.title, language="en"))
        if src.publisher:
            self.add(s, DCT.publisher, Literal(src.publisher))
        if src.url:
            self.add(s, SCHEMA.url, NamedNode(src.url))
        self.add(s, DCT.language, Literal(src.language))
        self.add(s, SCHEMA.genre, Literal(src.genre))
        self.add(s, dg.fileName, Literal(src.file))
        self.add(s, dg.sha256, Literal(src.sha256))
        if self.text is not None:
            self.add(s, dg.charCount, Literal(len(self.text)))
        if src.published and src.published.value is None:
            self.add(s, RDFS.comment, Literal(f"Publication date unknown: {src.published.basis}", language="en"))
        elif src.published:
            node = NamedNode(f"{s.value}/publicationDate")
            self.add(s, dg.publicationDate, node)
            self._emit_date_node(node, ResolvedDate(None, src.published.value, inferred=src.published.inferred,
                                                     basis=src.published.basis))

    # -- claims -----------------------------------------------------------------------------
    def emit(self, claim: ClaimBase, loc: tuple) -> None:
        mentions = [m for m in (self._mention(q, loc + ("evidence", i)) for i, q in enumerate(claim.evidence)) if m]
        triples: list[tuple] = []
        if isinstance(claim, EventClaim):
            triples = self._event(claim, loc)
        elif isinstance(claim, TenureClaim):
            triples = self._tenure(claim, loc)
        elif isinstance(claim, MembershipClaim):
            triples = self._membership(claim, loc)
        elif isinstance(claim, ParticipationClaim):
            triples = self._participation(claim, loc)
        for s, p, o in triples:
            self.add(s, p, o)
            self._claim(s, p, o, mentions, claim.note, claim.confidence, claim.basis == "inferred", claim.proposed_by)

    def _claim(self, s, p, o, mentions: list[NamedNode], note: str | None, confidence: float | None = None,
               inferred: bool = False, proposed_by: str | None = None) -> None:
        key = hashlib.sha1(f"{s}|{p}|{o}".encode()).hexdigest()[:12]
        c = NamedNode(f"{ID}claim/{self.source.id}/{key}")
        if c not in self.claims:
            self.claims[c] = set()
            self.claim_count += 1
            self.add(c, RDF.type, dg.Claim)
            self.add(c, RDF.type, RDF.Statement)
            self.add(c, RDF.subject, s)
            self.add(c, RDF.predicate, p)
            self.add(c, RDF.object, o)
            self.add(c, dg.source, self.src)
            self.add(c, PROV.wasDerivedFrom, self.src)
            self.add(c, dg.extractionMethod, Literal(self.extraction))
        for m in mentions:
            if m not in self.claims[c]:
                self.claims[c].add(m)
                self.add(c, dg.evidence, m)
        if note:
            self.add(c, dg.curationNote, Literal(note))
        if inferred:  # the curator's reading, not the text's words: shown as such downstream
            self.add(c, dg.inferred, Literal(True))
        if confidence is not None:
            self.add(c, dg.confidence, Literal(f"{confidence:.2f}", datatype=XSD.decimal))
        if proposed_by is not None and c not in self._proposed:  # one per claim node: the first telling's
            self._proposed.add(c)
            self.add(c, dg.proposedBy, Literal(proposed_by))

    def _mention(self, evidence, loc: tuple) -> NamedNode | None:
        quote = evidence if isinstance(evidence, str) else evidence.quote
        if not isinstance(evidence, str) and self.text is not None:
            if self.text[evidence.start:evidence.start + len(quote)] != quote:
                self.problem(loc, f"the quote is not at offset {evidence.start} of {self.source.file}: {quote!r}",
                             "fix the offset or drop it (the loader then finds the quote)")
                return None
            start = evidence.start
            m = NamedNode(f"{ID}mention/{self.source.id}/{start}-{start + len(quote)}")
            self._emit_mention(m, quote, start, start + len(quote), verified=True)
            return m
        if self.text is None:
            m = NamedNode(f"{ID}mention/{self.source.id}/q-{hashlib.sha1(quote.encode()).hexdigest()[:12]}")
            self._emit_mention(m, quote, None, None, verified=False)
            return m
        span = find_quote(self.text, quote)
        if span is None:
            near = near_miss(self.text, quote)
            hint = f"the text has {near!r}" if near else "copy the words exactly from the article text"
            self.problem(loc, f"quote not in the text of {self.source.file}: {quote!r}", hint)
            return None
        m = NamedNode(f"{ID}mention/{self.source.id}/{span.start}-{span.end}")
        self._emit_mention(m, quote, span.start, span.end, verified=True)
        return m

    def _emit_mention(self, m, quote, start, end, verified) -> None:
        self.add(m, RDF.type, dg.Mention)
        self.add(m, dg.inSource, self.src)
        self.add(m, dg.quote, Literal(quote))
        if start is not None:
            self.add(m, dg.startOffset, Literal(start))
            self.add(m, dg.endOffset, Literal(end))
        self.add(m, dg.verified, Literal(verified))

    # -- references --------------------------------------------------------------------------
    def _ref(self, ref: str, loc: tuple, kind: str = "entity") -> NamedNode | None:
        ents = self.loader.entities
        if "/" in ref:
            if ref in self.loader.provisions and kind == "legal":
                return entity_iri(ref)
            self.problem(loc, f"unknown provision {ref!r}", self.loader.suggest(ref, sorted(self.loader.provisions)))
            return None
        if ref not in ents:
            self.problem(loc, f"unknown entity {ref!r}", self.loader.suggest(ref))
            return None
        if kind == "legal" and ents[ref].type not in ("Treaty", "Convention", "Protocol"):
            self.problem(loc, f"{ref!r} is a {ents[ref].type}, not a legal instrument or provision", "legal_basis takes an instrument or 'instrument/provision'")
            return None
        return entity_iri(ref)

    def _typed_ref(self, ref: str, loc: tuple, allowed: set[str], what: str) -> NamedNode | None:
        node = self._ref(ref, loc)
        if node is not None and self.loader.entities[ref].type not in allowed:
            self.problem(loc, f"{ref!r} is a {self.loader.entities[ref].type}, but {what}", "use an entity of the right type")
            return None
        return node

    def _date(self, subject: NamedNode, prop: NamedNode, spec: DateSpec, loc: tuple) -> list[tuple]:
        if spec.phrase is not None and self.text is not None and spec.phrase not in self.text:
            self.problem(loc + ("phrase",), f"date phrase not in the text of {self.source.file}: {spec.phrase!r}",
                         "copy the date's words exactly, or give only a value with a basis")
            return []
        try:
            resolved = resolve(spec.phrase, self.published, value=spec.value, qualifier=spec.qualifier, basis=spec.basis)
        except DateError as exc:
            self.problem(loc + ("value",), f"bad date: {exc}", "use a real date as YYYY, YYYY-MM or YYYY-MM-DD")
            return []
        local = prop.value.rsplit("#", 1)[-1]
        node = NamedNode(f"{subject.value}/{local}/{self.source.id}")
        self._emit_date_node(node, resolved)
        return [(subject, prop, node)]

    def _emit_date_node(self, node: NamedNode, d: ResolvedDate) -> None:
        self.add(node, RDF.type, dg.DateValue)
        self.add(node, RDF.type, TIME.Instant)
        if d.value is not None:
            precision = d.precision
            self.add(node, dg.dateValue, Literal(d.value, datatype=DATATYPE[precision]))
            self.add(node, TIME_PROPERTY[precision], Literal(d.value, datatype=DATATYPE[precision]))
            self.add(node, TIME.unitType, UNIT[precision])
        weekday = d.weekday or weekday_of(d.value)
        if weekday:
            self.add(node, dg.weekday, Literal(weekday))
        if d.phrase:
            self.add(node, dg.datePhrase, Literal(d.phrase))
        if d.qualifier:
            self.add(node, dg.dateQualifier, Literal(d.qualifier))
        if d.inferred:
            self.add(node, dg.inferred, Literal(True))
        if d.basis:
            self.add(node, dg.dateBasis, Literal(d.basis))

    # -- claim kinds --------------------------------------------------------------------------
    def _event(self, claim: EventClaim, loc: tuple) -> list[tuple]:
        e = event_iri(claim.event)
        known = self.loader.event_types.get(claim.event)
        if known and known[0] != claim.type:
            self.problem(loc + ("type",), f"event {claim.event!r} is a {claim.type} here but a {known[0]} in {known[1]}:{known[2]}",
                         "one event id, one type: fix the type or use another event id")
            return []
        if not known:
            self.loader.event_types[claim.event] = (claim.type, self.path, line_of(self.data, loc))
        self.loader.event_uses.append((claim.event, claim.type, line_of(self.data, loc), line_of(self.data, loc + ("type",))))
        triples: list[tuple] = [(e, RDF.type, dg[claim.type])]
        for fld, (prop, kind) in EVENT_FIELDS.items():
            for i, ref in enumerate(getattr(claim, fld)):
                if fld == "agent":
                    node = self._typed_ref(ref, loc + (fld, i), ACTOR_TYPES, "an agent must be an actor")
                elif fld == "place":
                    node = self._typed_ref(ref, loc + (fld, i), {"City", "Embassy", "DiplomaticMission", "State"}, "a place must be a city, mission or state")
                elif fld == "charge":
                    node = self._typed_ref(ref, loc + (fld, i), {"CriminalOffence"}, "a charge must be a criminal offence")
                else:
                    node = self._ref(ref, loc + (fld, i), kind)
                if node is not None:
                    triples.append((e, dg[prop], node))
        if claim.date:
            triples += self._date(e, dg.onDate, claim.date, loc + ("date",))
        if claim.penalty:
            triples.append((e, dg.penalty, Literal(claim.penalty)))
        if claim.deadline:
            triples.append((e, dg.deadline, Literal(claim.deadline)))
        if claim.votes:
            triples.append((e, dg.votesFor, Literal(claim.votes.in_favour)))
            if claim.votes.against is not None:
                triples.append((e, dg.votesAgainst, Literal(claim.votes.against)))
            if claim.votes.abstain is not None:
                triples.append((e, dg.abstentions, Literal(claim.votes.abstain)))
        if claim.quotation:
            if self.text is not None and claim.quotation not in self.text:
                near = near_miss(self.text, claim.quotation)
                self.problem(loc + ("quotation",), f"quotation not in the text of {self.source.file}: {claim.quotation!r}",
                             f"the text has {near!r}" if near else "copy the words exactly")
            else:
                triples.append((e, dg.quotation, Literal(claim.quotation)))
        return triples

    def _tenure(self, claim: TenureClaim, loc: tuple) -> list[tuple]:
        holder = self._typed_ref(claim.tenure.holder, loc + ("tenure", "holder"), {"Person"}, "a post holder must be a person")
        post = self._typed_ref(claim.tenure.post, loc + ("tenure", "post"), {"Post"}, "a tenure is of a post")
        if holder is None or post is None:
            return []
        t = NamedNode(f"{ID}tenure/{claim.tenure.holder}--{claim.tenure.post}")
        triples: list[tuple] = [(t, RDF.type, dg.Tenure), (t, RDF.type, ORG.Membership),
                                (t, dg.holder, holder), (t, dg.post, post)]
        for i, event_id in enumerate(claim.at):
            triples.append((t, dg.heldAt, event_iri(event_id)))
            # events may be defined in a later file: checked once all files are read
            self.loader.event_refs.append((event_id, self.path, line_of(self.data, loc + ("at", i))))
        if claim.start:
            triples += self._date(t, dg.startDate, claim.start, loc + ("start",))
        if claim.end:
            triples += self._date(t, dg.endDate, claim.end, loc + ("end",))
        if claim.acting is not None:
            triples.append((t, dg.acting, Literal(claim.acting)))
        return triples

    def _membership(self, claim: MembershipClaim, loc: tuple) -> list[tuple]:
        member = self._ref(claim.membership.member, loc + ("membership", "member"))
        org = self._typed_ref(claim.membership.organization, loc + ("membership", "organization"),
                              ACTOR_TYPES - {"State", "Person", "Group"}, "members join organisations")
        if member is None or org is None:
            return []
        m = NamedNode(f"{ID}membership/{claim.membership.member}--{claim.membership.organization}")
        triples: list[tuple] = [(m, RDF.type, ORG.Membership), (m, ORG.member, member), (m, ORG.organization, org)]
        if claim.start:
            triples += self._date(m, dg.startDate, claim.start, loc + ("start",))
        if claim.end:
            triples += self._date(m, dg.endDate, claim.end, loc + ("end",))
        return triples

    def _participation(self, claim: ParticipationClaim, loc: tuple) -> list[tuple]:
        state = self._typed_ref(claim.party_to.state, loc + ("party_to", "state"), {"State"}, "parties to instruments are states")
        inst = self._ref(claim.party_to.instrument, loc + ("party_to", "instrument"), "legal")
        if state is None or inst is None:
            return []
        p = NamedNode(f"{ID}participation/{claim.party_to.state}--{claim.party_to.instrument}")
        return [(p, RDF.type, dg.TreatyParticipation), (p, dg.partyState, state), (p, dg.instrument, inst)]
