"""The OWL ontology (ontology/diplograph.ttl) against the vocabulary (ontology/__init__.py).

Checks, in order: the Turtle parses; every term of ``ontology.TERMS`` is declared with the
right OWL kind, an English label and an English definition, and no other dg: IRI is used;
the file is self-contained OWL 2 DL (every external term it uses is declared); the class
hierarchy, disjointness and functional-property policy are the agreed ones; every event
class carries its PLOVER (and, where one exists, CAMEO) coding; and HermiT, run through
owlready2, finds the ontology consistent, finds small data graphs consistent or
inconsistent as it should.

HermiT notes:
* owlready2 does not read Turtle, so the ontology is converted once per module with rdflib
  to N-Triples (``tbox_nt``) and each data graph is written next to it as a second
  N-Triples file loaded into the same fresh ``World``.
* HermiT only accepts literals of the OWL 2 datatype map.  xsd:date, xsd:gYearMonth and
  xsd:gYear (the values of dg:dateValue) are not in it, so reasoning over dated data needs
  ``ignore_unsupported_datatypes=True`` (see ``test_model_example_is_consistent``).
* HermiT reports an inconsistent ontology as ``OwlReadyInconsistentOntologyError``; any
  other Java failure is ``OwlReadyJavaError`` and must fail the test, not pass it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from diplograph.ontology import (
    ACTOR_CLASSES,
    ANNOTATION_PROPERTIES,
    CLASSES,
    CURATION_PROPERTIES,
    DERIVED_PROPERTIES,
    DG,
    ENTITY_PROPERTIES,
    EVENT_CLASSES,
    EVENT_GROUP_CLASSES,
    EVENT_ROLE_PROPERTIES,
    INDIVIDUALS,
    ONTOLOGY_IRI,
    ONTOLOGY_TTL,
    PREFIXES,
    PROVENANCE_PROPERTIES,
    TERMS,
)
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

D = Namespace(DG)
# A plain Namespace: rdflib's closed XSD namespace warns when pytest introspects it.
XSD = Namespace(PREFIXES["xsd"])
SEM = Namespace(PREFIXES["sem"])
PROV = Namespace(PREFIXES["prov"])
ORG = Namespace(PREFIXES["org"])
SCHEMA = Namespace(PREFIXES["schema"])
TIME = Namespace(PREFIXES["time"])
ELI = Namespace(PREFIXES["eli"])
FOAF = Namespace(PREFIXES["foaf"])
WD = Namespace(PREFIXES["wd"])
WDT = Namespace("http://www.wikidata.org/prop/direct/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

#: The vocabulary's properties whose values are literals; every other property is an
#: object property.
DATATYPE_PROPERTIES = frozenset({
    "penalty", "votesFor", "votesAgainst", "abstentions", "quotation", "deadline",
    "singleHolder", "provisionNumber", "acting", "countryCode",
    "quote", "startOffset", "endOffset", "verified", "sha256", "fileName", "charCount",
    "dateValue", "datePhrase", "weekday", "dateQualifier", "inferred", "dateBasis",
    "curationNote", "extractionMethod", "confidence", "proposedBy", "claimCount", "loaderVersion", "rankNote",
    "derivedValue", "reportedDate", "reportedDatePhrase",
})
PROPERTIES = frozenset(EVENT_ROLE_PROPERTIES + ENTITY_PROPERTIES + PROVENANCE_PROPERTIES + CURATION_PROPERTIES
                       + DERIVED_PROPERTIES)
OBJECT_PROPERTIES = PROPERTIES - DATATYPE_PROPERTIES

OWL_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
BUILT_IN_NAMESPACES = (str(RDF), str(RDFS), str(OWL))
#: Datatypes of the OWL 2 datatype map that a range may name.
OWL2_DATATYPES = {XSD.string, XSD.integer, XSD.nonNegativeInteger, XSD.boolean, XSD.decimal,
                  XSD.double, RDF.PlainLiteral, RDFS.Literal}

# --- PLOVER (manual draft v2.0) -----------------------------------------------------------
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
PLOVER_MODES = {
    "visit", "third-party", "multilateral", "phone", "withdraw", "release", "disarm",
    "ceasefire", "access", "resign", "assist", "change", "yield", "meet", "disapprove",
    "investigate", "allege", "restrict", "arrest", "relations", "expel", "territory",
    "violence", "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize",
    "convict", "discontinue", "troops", "weapons", "police", "militia", "seize", "censor",
    "curfew", "martial-law", "deport", "withhold", "misinformation", "cyber", "abduct",
    "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
    "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
    "unconventional",
}
PLOVER_CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
    "corruption", "illegal_drugs", "trafficking",
}
#: Classes PLOVER deliberately does not code (dg:ploverEventType "NONE").
PLOVER_UNCODED = {"Statement", "Candidacy"}

#: event class -> (PLOVER type, modes, contexts, CAMEO code or None)
CODINGS = {
    "AsylumGrant": ("AID", set(), {"asylum"}, "075"),
    "SeveranceOfRelations": ("SANCTION", {"discontinue"}, {"diplomatic"}, "161"),
    "DowngradeOfRelations": ("SANCTION", {"withdraw"}, {"diplomatic"}, "161"),
    "RecallOfAmbassador": ("SANCTION", {"withdraw"}, {"diplomatic"}, "161"),
    "ExpulsionOfDiplomats": ("SANCTION", {"expel"}, {"diplomatic"}, "161"),  # not 166: issue 13
    "PersonaNonGrataDeclaration": ("REJECT", set(), {"legislative", "diplomatic"}, None),
    "Recognition": ("SUPPORT", set(), {"diplomatic"}, "054"),
    "NonRecognition": ("REJECT", set(), {"diplomatic"}, None),
    "EmbassyIncursion": ("COERCE", {"seize"}, {"diplomatic", "legal"}, "171"),
    "Arrest": ("COERCE", {"arrest"}, {"legal"}, "173"),
    "Charge": ("ACCUSE", {"allege"}, {"crime", "legal"}, "1121"),
    "Sentence": ("SANCTION", {"convict"}, {"legal"}, "116"),
    "Resignation": ("RETREAT", {"resign"}, {"political_institutions"}, None),
    "InternationalLegalAction": ("ACCUSE", {"allege"}, {"legal"}, "115"),
    "SafeConductGrant": ("CONCEDE", set(), {"asylum"}, None),
    "SafeConductRefusal": ("REJECT", {"yield"}, {"asylum", "legal"}, None),
    "SafeConductRequest": ("REQUEST", {"assist"}, {"asylum", "diplomatic"}, None),
    "AsylumRequest": ("REQUEST", {"assist"}, {"asylum", "diplomatic"}, None),
    "CoupAttempt": ("COERCE", {"martial-law"}, {"pro_autocracy"}, "1724"),
    "Statement": ("NONE", set(), set(), "010"),
}

#: event class -> its group (the direct dg: superclass).
EVENT_GROUPS = {
    "AsylumEvent": ("AsylumRequest", "AsylumGrant", "AsylumWithdrawal"),
    "SafeConductEvent": ("SafeConductRequest", "SafeConductGrant", "SafeConductRefusal",
                         "SafeConductDeferral"),
    "RelationsEvent": ("SeveranceOfRelations", "DowngradeOfRelations",
                       "RestorationOfRelations", "RecallOfAmbassador", "ExpulsionOfDiplomats",
                       "PersonaNonGrataDeclaration", "Recognition", "NonRecognition",
                       "EmbassyIncursion"),
    "LegalProceeding": ("Arrest", "Charge", "Sentence", "InternationalLegalAction"),
    "PoliticalEvent": ("RemovalFromOffice", "CoupAttempt", "Resignation", "Candidacy"),
    "Event": ("Statement", "AsylumEvent", "SafeConductEvent", "RelationsEvent",
              "LegalProceeding", "PoliticalEvent"),
}

#: class -> the superclasses it must state directly.
SUPERCLASSES = {
    "Actor": {SEM.Actor, PROV.Agent},
    "State": {D.Actor, SCHEMA.Country},
    "Person": {D.Actor, SCHEMA.Person, FOAF.Person},
    "Group": {D.Actor},
    "Organization": {D.Actor, ORG.FormalOrganization},
    **{name: {D.Organization} for name in (
        "Government", "GovernmentBody", "PoliticalParty", "Legislature", "Court",
        "InternationalOrganization", "NewsOrganization")},
    "Place": {SEM.Place, SCHEMA.Place},
    "City": {D.Place},
    "DiplomaticMission": {D.Place, ORG.Site},
    "Embassy": {D.DiplomaticMission, SCHEMA.Embassy},
    "Post": {ORG.Post},
    "Tenure": {ORG.Membership},
    "LegalInstrument": {ELI.LegalResource, SCHEMA.Legislation},
    "Treaty": {D.LegalInstrument},
    "Convention": {D.LegalInstrument},
    "Protocol": {D.LegalInstrument},
    "Provision": {ELI.LegalResourceSubdivision},
    "CriminalOffence": {SKOS.Concept},
    "Event": {SEM.Event},
    "Source": {PROV.Entity, SCHEMA.NewsArticle},
    "Claim": {PROV.Entity},
    "Mention": {PROV.Entity},
    "DateValue": {TIME.Instant},
    "ExtractionActivity": {PROV.Activity},
}

#: Pairs that must be disjoint (directly or through superclasses).
MUST_BE_DISJOINT = [
    ("State", "Person"), ("State", "Organization"), ("State", "Group"),
    ("Person", "Organization"), ("Person", "Group"), ("Organization", "Group"),
    ("Government", "Person"), ("City", "DiplomaticMission"),
    *[("Event", other) for other in (
        "Actor", "Place", "Source", "Claim", "Mention", "DateValue", "Post", "Tenure",
        "LegalInstrument", "Provision", "ExtractionActivity")],
    ("LegalInstrument", "Provision"), ("Source", "Claim"), ("Claim", "Mention"),
    ("Source", "Mention"), ("Tenure", "Post"), ("Embassy", "AsylumGrant"),
]
#: Pairs one individual may legitimately carry: never disjoint.
MUST_NOT_BE_DISJOINT = [
    ("State", "Place"),            # a state given as the place of an event
    ("Actor", "Place"), ("Actor", "DiplomaticMission"),
    ("Actor", "Post"), ("Person", "Post"),   # an unnamed office holder recorded as the post
    ("Treaty", "Convention"), ("Treaty", "Protocol"),
    ("Court", "InternationalOrganization"), ("GovernmentBody", "NewsOrganization"),
    ("Legislature", "GovernmentBody"),
    ("Embassy", "DiplomaticMission"),
]

#: Properties for which two values from two sources are a disagreement.
# penalty and deadline are free text: different wordings of one value are not a disagreement
SINGLE_VALUED = {
    "agent", "target", "place", "recognizedAs", "votesFor", "votesAgainst", "abstentions",
    "onDate", "candidateFor", "onBehalfOf", "office", "beneficiary", "announcedBy",
}
#: Truly single-valued within and across sources.
MUST_BE_FUNCTIONAL = {"source", "inSource", "startOffset", "endOffset", "holder", "post"}
#: Sources compete on these: functional would make disagreement a contradiction.
#: (dg:dateValue: one article may give two dates for one thing, on one DateValue node.)
MUST_NOT_BE_FUNCTIONAL = set(EVENT_ROLE_PROPERTIES) | {
    "acting", "startDate", "endDate", "evidence", "partOf", "dateValue", "datePhrase"}


# =====================================================================================
#  fixtures and helpers
# =====================================================================================

@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def dg_local(iri) -> str | None:
    return str(iri)[len(DG):] if isinstance(iri, URIRef) and str(iri).startswith(DG) else None


def english(g: Graph, subject, predicate) -> list[Literal]:
    return [o for o in g.objects(subject, predicate)
            if isinstance(o, Literal) and o.language == "en"]


def strings(g: Graph, subject, predicate) -> set[str]:
    return {str(o) for o in g.objects(subject, predicate)}


def ancestors(g: Graph, cls) -> set:
    """cls and all its named superclasses."""
    return set(g.transitive_objects(cls, RDFS.subClassOf))


def disjoint_pairs(g: Graph) -> set[frozenset]:
    pairs = {frozenset((a, b)) for a, b in g.subject_objects(OWL.disjointWith)}
    for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(g, g.value(node, OWL.members)))
        pairs |= {frozenset((a, b)) for a in members for b in members if a != b}
    return pairs


def are_disjoint(g: Graph, a, b, pairs: set[frozenset]) -> bool:
    return any(frozenset((x, y)) in pairs for x in ancestors(g, a) for y in ancestors(g, b))


# =====================================================================================
#  (a) parsing and the ontology header
# =====================================================================================

def test_turtle_parses(graph):
    assert len(graph) > 500


def dct(name: str) -> URIRef:
    return URIRef(PREFIXES["dct"] + name)


def test_ontology_header(graph):
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert str(graph.value(onto, OWL.versionInfo)) == "0.1.0"
    assert english(graph, onto, dct("title"))
    assert english(graph, onto, dct("description"))
    assert graph.value(onto, dct("license")) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(onto, dct("created")) is not None
    assert not list(graph.objects(onto, OWL.imports)), "the ontology must load offline"



# =====================================================================================
#  (b) the vocabulary: declared, labelled, defined; nothing else
# =====================================================================================

def expected_kind(term: str) -> URIRef:
    if term in INDIVIDUALS:  # the ranks and rank reasons (issue 13)
        return OWL.NamedIndividual
    if term in CLASSES:
        return OWL.Class
    if term in ANNOTATION_PROPERTIES:
        return OWL.AnnotationProperty
    if term in DATATYPE_PROPERTIES:
        return OWL.DatatypeProperty
    assert term in OBJECT_PROPERTIES, term
    return OWL.ObjectProperty


def test_datatype_property_list_is_in_the_vocabulary():
    assert DATATYPE_PROPERTIES <= PROPERTIES


@pytest.mark.parametrize("term", sorted(TERMS))
def test_term_is_declared_labelled_and_defined(graph, term):
    iri = D[term]
    kinds = {k for k in OWL_KINDS if (iri, RDF.type, k) in graph}
    assert kinds == {expected_kind(term)}, f"dg:{term} is declared as {kinds}"
    labels = english(graph, iri, RDFS.label)
    assert len(labels) == 1, f"dg:{term} needs exactly one English rdfs:label"
    definitions = english(graph, iri, SKOS.definition)
    assert len(definitions) == 1, f"dg:{term} needs exactly one English skos:definition"
    assert len(definitions[0].split()) >= 5, f"dg:{term}: the definition is too short"


def test_no_undeclared_dg_terms(graph):
    used = {dg_local(node) for triple in graph for node in triple} - {None}
    assert used - TERMS == set(), "dg: IRIs used in diplograph.ttl but not in ontology.TERMS"


def test_every_rdfs_comment_is_english(graph):
    for s, o in graph.subject_objects(RDFS.comment):
        assert isinstance(o, Literal) and o.language == "en", s


# =====================================================================================
#  OWL 2 DL hygiene: the file stands on its own
# =====================================================================================

def declared(g: Graph, kind) -> set:
    return set(g.subjects(RDF.type, kind))


def test_every_predicate_is_built_in_or_declared(graph):
    properties = (declared(graph, OWL.ObjectProperty) | declared(graph, OWL.DatatypeProperty)
                  | declared(graph, OWL.AnnotationProperty))
    for predicate in set(graph.predicates()):
        if str(predicate).startswith(BUILT_IN_NAMESPACES):
            continue
        assert predicate in properties, f"{predicate} is used but not declared"


def test_every_class_expression_names_a_declared_class(graph):
    classes = declared(graph, OWL.Class)
    named = set()
    for p in (RDFS.subClassOf, OWL.disjointWith):
        named |= {o for o in graph.objects(None, p) if isinstance(o, URIRef)}
    for prop in declared(graph, OWL.ObjectProperty):
        named |= {o for o in graph.objects(prop, RDFS.domain) if isinstance(o, URIRef)}
        named |= {o for o in graph.objects(prop, RDFS.range) if isinstance(o, URIRef)}
    for prop in declared(graph, OWL.DatatypeProperty):
        named |= {o for o in graph.objects(prop, RDFS.domain) if isinstance(o, URIRef)}
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        named |= set(Collection(graph, graph.value(node, OWL.members)))
    for node in graph.subjects(RDF.type, OWL.Class):
        if isinstance(node, BNode):
            named |= set(Collection(graph, graph.value(node, OWL.unionOf)))
    assert named - classes == set()


def test_datatype_ranges_are_owl2_datatypes(graph):
    for prop in declared(graph, OWL.DatatypeProperty):
        for rng in graph.objects(prop, RDFS.range):
            if isinstance(rng, BNode):
                assert (rng, RDF.type, RDFS.Datatype) in graph
                members = set(Collection(graph, graph.value(rng, OWL.unionOf)))
            else:
                members = {rng}
            assert members <= OWL2_DATATYPES, f"{prop}: {members - OWL2_DATATYPES}"


def test_sub_properties_keep_their_kind(graph):
    for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
        kinds = {k for k in OWL_KINDS if (sub, RDF.type, k) in graph}
        assert kinds and all((sup, RDF.type, k) in graph for k in kinds), (sub, sup)


def test_rdf_reification_vocabulary_is_not_declared(graph):
    """rdf:Statement/subject/predicate/object are reserved in OWL 2 DL (see dg:Claim)."""
    reserved = {RDF.Statement, RDF.subject, RDF.predicate, RDF.object}
    assert not reserved & {node for triple in graph for node in triple}
    assert "rdf:subject" in str(graph.value(D.Claim, RDFS.comment))


#: A 10-line OWL API program: is the ontology in the OWL 2 DL profile?  The OWL API is the
#: one bundled in owlready2's HermiT.jar, so no download is needed.
DL_CHECK_JAVA = """
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
public class DLCheck {
  public static void main(String[] args) throws Exception {
    OWLOntology o = OWLManager.createOWLOntologyManager()
        .loadOntologyFromOntologyDocument(new java.io.File(args[0]));
    OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
    System.out.println("in OWL 2 DL: " + report.isInProfile());
    for (OWLProfileViolation v : report.getViolations()) System.out.println(v);
  }
}
"""


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a Java compiler")
def test_owl2_dl_profile(graph, tmp_path):
    import subprocess

    import owlready2

    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    (tmp_path / "DLCheck.java").write_text(DL_CHECK_JAVA, encoding="utf-8")
    subprocess.run(["javac", "-cp", str(jar), "-d", str(tmp_path),
                    str(tmp_path / "DLCheck.java")], check=True, timeout=120)
    owl_file = tmp_path / "diplograph.owl"
    graph.serialize(owl_file, format="xml", encoding="utf-8")
    result = subprocess.run(
        ["java", "-cp", f"{jar}{os.pathsep}{tmp_path}", "DLCheck", str(owl_file)],
        capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.startswith("in OWL 2 DL: true"), result.stdout


# =====================================================================================
#  hierarchy, disjointness, functional properties
# =====================================================================================

@pytest.mark.parametrize("name", sorted(SUPERCLASSES))
def test_superclasses(graph, name):
    assert SUPERCLASSES[name] <= set(graph.objects(D[name], RDFS.subClassOf))


@pytest.mark.parametrize("group", sorted(EVENT_GROUPS))
def test_event_groups(graph, group):
    for name in EVENT_GROUPS[group]:
        parents = {p for p in graph.objects(D[name], RDFS.subClassOf) if dg_local(p)}
        assert parents == {D[group]}, f"dg:{name} should sit directly under dg:{group}"


def test_every_event_class_is_grouped():
    grouped = {name for names in EVENT_GROUPS.values() for name in names}
    assert grouped == set(EVENT_CLASSES) | (set(EVENT_GROUP_CLASSES) - {"Event"})


def test_actor_classes_are_actors(graph):
    for name in ACTOR_CLASSES:
        assert D.Actor in ancestors(graph, D[name])


def test_embassy_matches_wikidata_embassy(graph):
    assert (D.Embassy, SKOS.closeMatch, WD.Q3917681) in graph


def test_disjointness(graph):
    pairs = disjoint_pairs(graph)
    for a, b in MUST_BE_DISJOINT:
        assert are_disjoint(graph, D[a], D[b], pairs), f"dg:{a} and dg:{b} should be disjoint"
    for a, b in MUST_NOT_BE_DISJOINT:
        assert not are_disjoint(graph, D[a], D[b], pairs), f"dg:{a} / dg:{b} may coincide"


def test_event_classes_may_overlap(graph):
    """Sources may type the same event differently: a disagreement, not a contradiction."""
    pairs = disjoint_pairs(graph)
    events = [D[n] for n in EVENT_CLASSES + EVENT_GROUP_CLASSES]
    for a in events:
        for b in events:
            assert frozenset((a, b)) not in pairs


def test_functional_policy(graph):
    functional = {dg_local(p) for p in graph.subjects(RDF.type, OWL.FunctionalProperty)}
    assert MUST_BE_FUNCTIONAL <= functional
    assert not functional & MUST_NOT_BE_FUNCTIONAL


def test_single_valued_annotations(graph):
    marked = {dg_local(s) for s, o in graph.subject_objects(D.singleValued)
              if o == Literal(True)}
    assert marked == SINGLE_VALUED


def test_event_role_domains_and_ranges(graph):
    for role in ("agent", "target", "place"):
        assert set(graph.objects(D[role], RDFS.domain)) == {D.Event}
    assert set(graph.objects(D.agent, RDFS.range)) == {D.Actor}
    assert set(graph.objects(D.target, RDFS.range)) == set()
    assert set(graph.objects(D.place, RDFS.range)) == {D.Place}
    for prop in ("onDate", "startDate", "endDate", "publicationDate"):
        assert set(graph.objects(D[prop], RDFS.range)) == {D.DateValue}
    assert set(graph.objects(D.charge, RDFS.range)) == {D.CriminalOffence}
    (basis,) = graph.objects(D.legalBasis, RDFS.range)
    assert set(Collection(graph, graph.value(basis, OWL.unionOf))) == {
        D.LegalInstrument, D.Provision}


def test_alignments(graph):
    assert (D.agent, RDFS.subPropertyOf, SEM.hasActor) in graph
    assert (D.target, RDFS.subPropertyOf, SEM.hasActor) in graph
    assert (D.place, RDFS.subPropertyOf, SEM.hasPlace) in graph
    assert (D.holder, RDFS.subPropertyOf, ORG.member) in graph
    assert (D.source, RDFS.subPropertyOf, PROV.wasDerivedFrom) in graph
    assert (D.partOf, RDFS.subPropertyOf, ELI.is_part_of) in graph
    assert (D.startOffset, SKOS.closeMatch, NIF.beginIndex) in graph
    assert (D.post, SKOS.closeMatch, WDT.P39) in graph
    assert (D.source, SKOS.closeMatch, WDT.P248) in graph


# =====================================================================================
#  (c) PLOVER / CAMEO coding of the event classes
# =====================================================================================

@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_class_has_plover_coding(graph, name):
    cls = D[name]
    types = strings(graph, cls, D.ploverEventType)
    assert len(types) == 1, f"dg:{name} needs one dg:ploverEventType"
    (plover_type,) = types
    if name in PLOVER_UNCODED:
        assert plover_type == "NONE"
        assert not strings(graph, cls, D.ploverMode)
    else:
        assert plover_type in PLOVER_TYPES
    assert strings(graph, cls, D.ploverMode) <= PLOVER_MODES
    assert strings(graph, cls, D.ploverContext) <= PLOVER_CONTEXTS
    for code in graph.objects(cls, D.cameoCode):
        assert isinstance(code, Literal) and code.datatype in (None, XSD.string)
        assert re.fullmatch(r"\d{3,4}", str(code)), code
    for p in (D.ploverEventType, D.ploverMode, D.ploverContext):
        for value in graph.objects(cls, p):
            assert isinstance(value, Literal) and value.language is None


@pytest.mark.parametrize("name", sorted(CODINGS))
def test_plover_and_cameo_codes(graph, name):
    plover_type, modes, contexts, cameo = CODINGS[name]
    cls = D[name]
    assert strings(graph, cls, D.ploverEventType) == {plover_type}
    assert strings(graph, cls, D.ploverMode) == modes
    assert strings(graph, cls, D.ploverContext) == contexts
    assert strings(graph, cls, D.cameoCode) == ({cameo} if cameo else set())


#: CAMEO code -> the section of the CAMEO 1.1b3 verb codebook (chapter 2) that lists it.
CAMEO_SECTIONS = {
    "010": "2.1 MAKE PUBLIC STATEMENT", "054": "2.5 ENGAGE IN DIPLOMATIC COOPERATION",
    "075": "2.7 PROVIDE AID", "115": "2.11 DISAPPROVE", "116": "2.11 DISAPPROVE",
    "1121": "2.11 DISAPPROVE", "161": "2.16 REDUCE RELATIONS", "171": "2.17 COERCE",
    "173": "2.17 COERCE", "1724": "2.17 COERCE",
}


@pytest.mark.parametrize("name", sorted(n for n, coding in CODINGS.items() if coding[3]))
def test_cameo_code_cites_its_codebook_section(graph, name):
    cameo = CODINGS[name][3]
    sources = strings(graph, D[name], D.cameoSource)
    assert len(sources) == 1, f"{name} has a CAMEO code but no single dg:cameoSource"
    source = sources.pop()
    assert source.startswith(f"CAMEO 1.1b3 section {CAMEO_SECTIONS[cameo]}, {cameo} "), source


def test_classes_with_cameo_source_have_a_code(graph):
    assert set(graph.subjects(D.cameoSource, None)) == set(graph.subjects(D.cameoCode, None))


def test_documented_plover_disagreements(graph):
    assert "withdraw" in str(graph.value(D.SeveranceOfRelations, RDFS.comment))
    assert "PLOVER does not code statements" in " ".join(
        str(graph.value(D.Statement, RDFS.comment)).split())


def test_only_event_classes_carry_codes(graph):
    coded = {dg_local(s) for p in (D.ploverEventType, D.ploverMode, D.ploverContext,
                                   D.cameoCode)
             for s in graph.subjects(p, None)}
    assert coded <= set(EVENT_CLASSES)


# =====================================================================================
#  (d, e) HermiT through owlready2
# =====================================================================================

requires_java = pytest.mark.skipif(shutil.which("java") is None,
                                   reason="HermiT needs a Java runtime")

ABOX_HEADER = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
ABOX_IRI = "https://w3id.org/diplograph/test-abox"


@pytest.fixture(scope="module")
def tbox_nt(tmp_path_factory, graph) -> Path:
    """The ontology as N-Triples (owlready2 reads RDF/XML, OWL/XML and N-Triples)."""
    path = tmp_path_factory.mktemp("ontology") / "diplograph.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


def reason(tbox_nt: Path, tmp_path: Path, abox: str | None = None, *,
           ignore_unsupported_datatypes: bool = False):
    """Load the ontology (and a data graph) into a fresh World and run HermiT on it."""
    from owlready2 import World, sync_reasoner

    world = World()
    world.get_ontology(tbox_nt.as_uri()).load()
    if abox is not None:
        g = Graph().parse(data=ABOX_HEADER + abox, format="turtle")
        g.add((URIRef(ABOX_IRI), RDF.type, OWL.Ontology))
        path = tmp_path / "abox.nt"
        g.serialize(path, format="nt", encoding="utf-8")
        world.get_ontology(path.as_uri()).load()
    sync_reasoner(world, infer_property_values=False, debug=0,
                  ignore_unsupported_datatypes=ignore_unsupported_datatypes)
    return world


def assert_inconsistent(tbox_nt: Path, tmp_path: Path, abox: str) -> None:
    from owlready2 import OwlReadyInconsistentOntologyError

    with pytest.raises(OwlReadyInconsistentOntologyError):
        reason(tbox_nt, tmp_path, abox)


@requires_java
def test_ontology_is_consistent_under_hermit(tbox_nt, tmp_path):
    world = reason(tbox_nt, tmp_path)
    assert list(world.inconsistent_classes()) == []


@requires_java
def test_asylum_grant_is_consistent(tbox_nt, tmp_path):
    world = reason(tbox_nt, tmp_path, """
        dgid:event-g a dg:AsylumGrant ; dg:agent dgid:mexico ; dg:target dgid:betssy-chavez ;
            dg:place dgid:embassy-of-mexico-in-lima ;
            dg:legalBasis dgid:caracas-convention-1954-article-iv .
        dgid:mexico a dg:State .  dgid:peru a dg:State .
        dgid:betssy-chavez a dg:Person .
        dgid:embassy-of-mexico-in-lima a dg:Embassy ;
            dg:sendingState dgid:mexico ; dg:receivingState dgid:peru .
        dgid:caracas-convention-1954 a dg:Convention .
        dgid:caracas-convention-1954-article-iv a dg:Provision ;
            dg:partOf dgid:caracas-convention-1954 ; dg:provisionNumber "IV" .
    """)
    assert list(world.inconsistent_classes()) == []


@requires_java
def test_competing_values_and_overlapping_kinds_are_consistent(tbox_nt, tmp_path):
    """Two sources disagree on one event node; states as places; posts as targets."""
    reason(tbox_nt, tmp_path, """
        dgid:event-png a dg:PersonaNonGrataDeclaration , dg:ExpulsionOfDiplomats ;
            dg:agent dgid:congress-of-peru , dgid:government-of-peru ;
            dg:target dgid:claudia-sheinbaum , dgid:ambassador-of-mexico-to-peru ;
            dg:votesFor 63 , 67 ; dg:votesAgainst 34 ; dg:abstentions 2 ;
            dg:deadline "72 hours" , "a strict deadline to leave the country" ;
            dg:place dgid:peru .
        dgid:congress-of-peru a dg:Legislature .  dgid:government-of-peru a dg:Government .
        dgid:claudia-sheinbaum a dg:Person .  dgid:peru a dg:State .
        dgid:ambassador-of-mexico-to-peru a dg:Post ; dg:postIn dgid:embassy-of-mexico-in-lima .
        dgid:embassy-of-mexico-in-lima a dg:Embassy .
        dgid:event-refusal a dg:SafeConductRefusal , dg:SafeConductDeferral ;
            dg:agent dgid:peru ; dg:beneficiary dgid:betssy-chavez .
        dgid:tenure-x a dg:Tenure ; dg:holder dgid:jose-jeri ; dg:post dgid:president-of-peru ;
            dg:acting true , false ; dg:heldAt dgid:event-png .
        dgid:jose-jeri a dg:Person .  dgid:president-of-peru a dg:Post ; dg:postIn dgid:peru .
        dgid:statement a dg:Statement , dg:Recognition ; dg:agent dgid:mexico ;
            dg:recognizedAs dgid:president-of-peru ; dg:quotation "hello" , "world" .
        dgid:mexico a dg:State .
    """)


@requires_java
def test_model_example_is_consistent(tbox_nt, tmp_path):
    """The RDF of ontology/MODEL.md, minus the reserved rdf: reification triples.

    dg:dateValue literals are xsd:date, which is not in the OWL 2 datatype map, so HermiT
    must be told to ignore unsupported datatypes.
    """
    reason(tbox_nt, tmp_path, """
        dgid:event-sev a dg:SeveranceOfRelations ; dg:agent dgid:peru ; dg:target dgid:mexico ;
            dg:announcedBy dgid:jose-jeri ; dg:onDate dgid:event-sev-onDate-003 .
        dgid:peru a dg:State ; dg:countryCode "PE" .  dgid:mexico a dg:State .
        dgid:jose-jeri a dg:Person .
        dgid:event-sev-onDate-003 a dg:DateValue , time:Instant ;
            dg:dateValue "2025-11-03"^^xsd:date ; time:inXSDDate "2025-11-03"^^xsd:date ;
            time:unitType time:unitDay ; dg:datePhrase "on Monday, November 3, 2025" ;
            dg:weekday "Monday" .
        dgid:tenure-t a dg:Tenure , org:Membership ; dg:holder dgid:hugo-de-zela ;
            dg:post dgid:foreign-minister-of-peru ; dg:heldAt dgid:event-sev ;
            dg:startDate dgid:tenure-t-startDate-003 ; dg:acting true .
        dgid:tenure-t-startDate-003 a dg:DateValue ; dg:datePhrase "in late 2025" ;
            dg:dateValue "2025"^^xsd:gYear ; dg:dateQualifier "late" .
        dgid:hugo-de-zela a dg:Person .
        dgid:foreign-minister-of-peru a dg:Post ; dg:postIn dgid:peru ; dg:singleHolder true .
        dgid:membership-peru--celac a org:Membership ; org:member dgid:peru ;
            org:organization dgid:celac .
        dgid:celac a dg:InternationalOrganization .
        dgid:participation-mexico--caracas a dg:TreatyParticipation ;
            dg:partyState dgid:mexico ; dg:instrument dgid:caracas-convention-1954 .
        dgid:caracas-convention-1954 a dg:Convention .
        dgid:claim-003-0a1b2c3d4e5f a dg:Claim ;
            dg:source dgid:source-003 ; prov:wasDerivedFrom dgid:source-003 ;
            dg:evidence dgid:mention-003-1215-1290 ; dg:extractionMethod "curated" ;
            dg:confidence 0.9 ; dg:curationNote "a note" .
        dgid:mention-003-1215-1290 a dg:Mention ; dg:inSource dgid:source-003 ;
            dg:quote "Peru's severing of diplomatic ties with Mexico" ;
            dg:startOffset 1215 ; dg:endOffset 1290 ; dg:verified true .
        dgid:source-003 a dg:Source , schema:NewsArticle , prov:Entity ;
            dct:title "Peru's Congress declares Sheinbaum persona non grata" ;
            dct:language "en" ; dg:fileName "003_4621cd742095797e.txt" ;
            dg:sha256 "4621cd742095797e" ; dg:charCount 4816 ; dg:claimCount 42 ;
            dg:publicationDate dgid:source-003-publicationDate .
        dgid:source-003-publicationDate a dg:DateValue ; dg:inferred true ;
            dg:dateBasis "corpus metadata" .
        dgid:build a dg:ExtractionActivity ; dg:loaderVersion "0.1.0" .
    """, ignore_unsupported_datatypes=True)


@requires_java
@pytest.mark.parametrize("abox", [
    pytest.param("dgid:x a dg:State , dg:Person .", id="state-and-person"),
    pytest.param("dgid:x a dg:Organization , dg:Group .", id="organization-and-group"),
    pytest.param("dgid:e a dg:AsylumGrant ; dg:agent dgid:s . dgid:s a dg:Source .",
                 id="source-as-agent"),
    pytest.param("dgid:m a dg:Mention ; dg:startOffset -1 .", id="negative-offset"),
    pytest.param("dgid:s a dg:Source ; dg:charCount 10 , 11 .", id="two-char-counts"),
    pytest.param("dgid:t a dg:Tenure ; dg:heldAt dgid:p . dgid:p a dg:Post .",
                 id="post-as-event"),
])
def test_disjointness_and_ranges_bite(tbox_nt, tmp_path, abox):
    assert_inconsistent(tbox_nt, tmp_path, abox)
