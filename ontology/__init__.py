"""The diplograph ontology: namespaces, vocabulary constants and the paths of the Turtle files.

The Turtle files in this folder are the source of truth (hand-written, reviewed):
``diplograph.ttl`` (OWL 2 DL) and ``shapes.ttl`` (SHACL).  This module only names
their terms for Python code, so a typo in a loader is an ``AttributeError`` at
import time instead of a silently wrong IRI.  ``tests/test_ontology.py`` checks
that every term named here is declared, labelled and defined in the Turtle.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pyoxigraph import NamedNode

# The package's own data files, wherever it is installed (a wheel in site-packages or a clone).
HERE = Path(str(resources.files(__name__)))
ONTOLOGY_TTL = HERE / "diplograph.ttl"
SHAPES_TTL = HERE / "shapes.ttl"

#: Base of everything diplograph mints.  See README "IRI policy".
BASE = "https://w3id.org/diplograph/"
ONTOLOGY_IRI = BASE + "ontology"
DG = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
#: The named graphs diplograph writes, by name: the one list the loaders, the build, graph selection
#: and export read (``dgg:`` + name).
GRAPHS: dict[str, str] = {name: GRAPH + name for name in (
    "ontology", "registry", "consolidated", "meta", "inferred", "curation", "void", "build/retracted")}
#: one graph per source: its claims, the claims an extraction proposed, the index the build derives
SOURCE_GRAPHS = GRAPH + "source/"
EXTRACTED_GRAPHS = GRAPH + "extracted/"
DERIVED_GRAPHS = GRAPH + "derived/"

PREFIXES: dict[str, str] = {
    "dg": DG,
    "dgid": ID,
    "dgg": GRAPH,
    "ev": ID + "event/",
    "src": ID + "source/",
    "tenure": ID + "tenure/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "wd": "http://www.wikidata.org/entity/",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
}


def sparql_prefixes() -> str:
    """The PREFIX lines every stored query gets (declared once, here)."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


class _Namespace:
    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self.__dict__[name] = NamedNode(self._base + name)  # made once: a build asks millions of times
        return node

    def __getitem__(self, name: str) -> NamedNode:
        node = None if name.startswith("_") else self.__dict__.get(name)
        return node if node is not None else NamedNode(self._base + name)


RDF = _Namespace(PREFIXES["rdf"])
RDFS = _Namespace(PREFIXES["rdfs"])
OWL = _Namespace(PREFIXES["owl"])
XSD = _Namespace(PREFIXES["xsd"])
SKOS = _Namespace(PREFIXES["skos"])
DCT = _Namespace(PREFIXES["dct"])
PROV = _Namespace(PREFIXES["prov"])
ORG = _Namespace(PREFIXES["org"])
TIME = _Namespace(PREFIXES["time"])
SCHEMA = _Namespace(PREFIXES["schema"])
WD = _Namespace(PREFIXES["wd"])


class _Vocabulary(_Namespace):
    """The ``dg:`` namespace, restricted to the declared terms."""

    def __init__(self, base: str, terms: frozenset[str]) -> None:
        super().__init__(base)
        self._terms = terms

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_") or name not in self._terms:
            raise AttributeError(f"dg:{name} is not a diplograph term")
        node = self.__dict__[name] = NamedNode(self._base + name)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        node = None if name.startswith("_") else self.__dict__.get(name)
        return node if node is not None else self.__getattr__(name)


# --- the classes -----------------------------------------------------------------
ACTOR_CLASSES = (
    "Actor", "State", "Person", "Group", "Organization", "Government", "GovernmentBody",
    "PoliticalParty", "Legislature", "Court", "InternationalOrganization", "NewsOrganization",
)
PLACE_CLASSES = ("Place", "City", "DiplomaticMission", "Embassy")
OFFICE_CLASSES = ("Post", "Tenure")
LEGAL_CLASSES = (
    "LegalInstrument", "Treaty", "Convention", "Protocol", "Provision", "TreatyParticipation",
    "CriminalOffence",
)
#: The event classes other tools rely on (the contract list) plus a few more.
EVENT_CLASSES = (
    "AsylumRequest", "AsylumGrant", "AsylumWithdrawal",
    "SafeConductRequest", "SafeConductGrant", "SafeConductRefusal", "SafeConductDeferral",
    "SeveranceOfRelations", "DowngradeOfRelations", "RestorationOfRelations",
    "RecallOfAmbassador", "ExpulsionOfDiplomats", "PersonaNonGrataDeclaration",
    "Recognition", "NonRecognition", "EmbassyIncursion",
    "Arrest", "Charge", "Sentence", "RemovalFromOffice", "CoupAttempt", "Resignation",
    "Candidacy", "InternationalLegalAction", "Statement",
)
EVENT_GROUP_CLASSES = (
    "Event", "AsylumEvent", "SafeConductEvent", "RelationsEvent", "LegalProceeding",
    "PoliticalEvent",
)
PROVENANCE_CLASSES = ("Source", "Claim", "Mention", "DateValue", "ExtractionActivity")
#: the curators' ranks on claims (graph dgg:curation), after Wikidata's statement ranks
CURATION_CLASSES = ("Rank", "RankReason")
CURATION_PROPERTIES = ("rank", "rankReason", "rankNote")
#: named individuals: the three ranks, and the scheme and concepts of the rank reasons
RANKS = ("PreferredRank", "NormalRank", "DeprecatedRank")
RANK_REASONS = ("ContradictedByOtherSources", "ContradictedByLaterSource", "WrongDateArithmetic",
                "Misattribution", "InternallyInconsistent", "SupersededByCorrection", "StatedExplicitly",
                "Corroborated")
INDIVIDUALS = RANKS + ("RankReasons",) + RANK_REASONS
#: what the build derives from a source's claims and the registry (graph dgg:derived/source/{id}): an index, not claims
DERIVED_CLASSES = ("EventReport",)
DERIVED_PROPERTIES = (
    "derivedFact", "derivedValue", "reportedEvent", "reportedType", "reportedBy", "reportedAgent", "reportedTarget",
    "reportedPlace", "agentState", "otherState", "involves", "reportedDate", "reportedDatePhrase",
)

# --- the properties --------------------------------------------------------------
EVENT_ROLE_PROPERTIES = (
    "agent", "target", "place", "onDate", "announcedBy", "legalBasis", "recognizedAs",
    "charge", "penalty", "votesFor", "votesAgainst", "abstentions", "beneficiary",
    "quotation", "deadline", "candidateFor", "onBehalfOf", "office",
)
ENTITY_PROPERTIES = (
    "sendingState", "receivingState", "locatedIn", "postIn", "singleHolder",
    "partOf", "provisionNumber", "instrument", "partyState", "holder", "post",
    "startDate", "endDate", "heldAt", "acting", "countryCode",
)
PROVENANCE_PROPERTIES = (
    "source", "evidence", "inSource", "quote", "startOffset", "endOffset", "verified",
    "sha256", "fileName", "charCount", "publicationDate", "dateValue", "datePhrase",
    "weekday", "dateQualifier", "inferred", "dateBasis", "curationNote", "extractionMethod",
    "confidence", "proposedBy", "claimCount", "loaderVersion",
)
ANNOTATION_PROPERTIES = (
    "ploverEventType", "ploverMode", "ploverContext", "cameoCode", "cameoSource", "singleValued",
    "reasonFor",
)

TERMS = frozenset(
    ACTOR_CLASSES + PLACE_CLASSES + OFFICE_CLASSES + LEGAL_CLASSES + EVENT_CLASSES
    + EVENT_GROUP_CLASSES + PROVENANCE_CLASSES + EVENT_ROLE_PROPERTIES
    + ENTITY_PROPERTIES + PROVENANCE_PROPERTIES + ANNOTATION_PROPERTIES
    + CURATION_CLASSES + CURATION_PROPERTIES + INDIVIDUALS + DERIVED_CLASSES + DERIVED_PROPERTIES
)
CLASSES = frozenset(
    ACTOR_CLASSES + PLACE_CLASSES + OFFICE_CLASSES + LEGAL_CLASSES + EVENT_CLASSES
    + EVENT_GROUP_CLASSES + PROVENANCE_CLASSES + CURATION_CLASSES + DERIVED_CLASSES
)

dg = _Vocabulary(DG, TERMS)
