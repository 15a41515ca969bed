"""The event frames (loaders/extract/frames.yaml): every frame's own example sentences, generated from
the data file; one frame per event class of the ontology; clear file:line errors for a bad frame file;
and the structure handled once for all frames (lists, possessives, appositions, passives, reported
speech, modality), each on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract.frame_file import (
    FrameError,
    default_frames,
    load_frames,
)
from diplograph.loaders.extract.pipeline import _Extractor
from diplograph.loaders.extract.text import Article
from rdflib import OWL, RDF, RDFS, Graph, Namespace

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities
DG = Namespace("https://w3id.org/diplograph/ontology#")
FRAMES = default_frames().frames


def found(text: str) -> set[tuple]:
    """(type, agent label, target label) of every frame match in a text, plus the match fields."""
    x = _Extractor(Article(None, text, published="2025-11-07"), REGISTRY, "test")
    x._persons_from_titles(); x._persons_untitled(); x._organisations(); x._find_mentions(); x._nationalities()

    def label(entity_id):
        return x.gaz.entities[entity_id].label if entity_id in x.gaz.entities else entity_id
    out = set()
    for _, m in x.frame_matches():
        for target in (m.target if isinstance(m.target, list) else [m.target]):  # a statement's many targets
            out.add((m.type, label(m.agent) if m.agent else None, label(target) if target else None))
    return out


POSITIVE = [pytest.param(f.type, ex["text"], ex["expect"], id=f"{f.type}+{n}") for f in FRAMES for n, ex in enumerate(f.positive)]
NEGATIVE = [pytest.param(f.type, text, id=f"{f.type}-{n}") for f in FRAMES for n, text in enumerate(f.negative)]


@pytest.mark.parametrize("etype,text,expect", POSITIVE)
def test_positive_example(etype, text, expect):
    got = found(text)
    for e in expect:
        assert tuple(e) in got, f"{text!r}: expected {e}, found {sorted(got, key=str)}"


@pytest.mark.parametrize("etype,text", NEGATIVE)
def test_negative_example(etype, text):
    got = {g for g in found(text) if g[0] == etype}
    assert not got, f"{text!r} is no {etype}, found {got}"


def test_every_event_class_of_the_ontology_has_a_frame_with_examples():
    g = Graph().parse(ROOT / "ontology" / "diplograph.ttl")
    classes = {str(c).split("#")[-1] for c in g.subjects(RDF.type, OWL.Class) if (c, RDFS.subClassOf * "+", DG.Event) in g
               or any(g.transitiveClosure(lambda n, _: g.objects(n, RDFS.subClassOf), c) and x == DG.Event
                      for x in g.transitiveClosure(lambda n, _: g.objects(n, RDFS.subClassOf), c))}
    leaves = {c for c in classes if not any(True for _ in g.subjects(RDFS.subClassOf, DG[c]))}
    framed = {f.type for f in FRAMES}
    assert leaves and leaves <= framed, f"event classes without a frame: {sorted(leaves - framed)}"
    assert all(f.positive and f.negative for f in FRAMES)


@pytest.mark.parametrize("text,expected", [
    # lists: one event per conjunct, agents and targets alike
    ("In Caracas, the government gave the envoys of France, Germany, Italy and Spain 48 hours to leave, Venezuela said.",
     {("ExpulsionOfDiplomats", "Venezuela", "France"), ("ExpulsionOfDiplomats", "Venezuela", "Germany"),
      ("ExpulsionOfDiplomats", "Venezuela", "Italy"), ("ExpulsionOfDiplomats", "Venezuela", "Spain")}),
    ("Brazil and Argentina recalled their ambassadors from Nicaragua on Monday.",
     {("RecallOfAmbassador", "Brazil", "Nicaragua"), ("RecallOfAmbassador", "Argentina", "Nicaragua")}),
    # the possessor is never the agent; the apposition names the target
    ("Bolivia declared Chile's consul, Ana Ruiz, persona non grata on Tuesday.",
     {("PersonaNonGrataDeclaration", "Bolivia", "Ana Ruiz")}),
    # reported speech: the act under "said ... had decided to"
    ("The foreign minister said Bolivia had decided to end diplomatic relations with Israel.",
     {("SeveranceOfRelations", "Bolivia", "Israel")}),
    # passives
    ("Two Mexican diplomats were expelled by Bolivia on Monday.", {("ExpulsionOfDiplomats", "Bolivia", "Mexico")}),
    # metonymy: a seat of government acts for its state
    ("The Itamaraty recalled its ambassador from Nicaragua.", {("RecallOfAmbassador", "Brazil", "Nicaragua")}),
    # "one of the first states to ...", "one of the countries that ...": the subject of "be" acts
    ("In 1960 Togo became one of the first states to recognise Mauritania.", {("Recognition", "Togo", "Mauritania")}),
    ("Gabon was one of the last countries to break relations with Cuba.", {("SeveranceOfRelations", "Gabon", "Cuba")}),
    ("Malta was one of the countries that recognised Kosovo in 2008.", {("Recognition", "Malta", "Kosovo")}),
    # an unnamed government or organ reported under a speech verb acts for the speaker's state
    ("The foreign minister of Belize said the government had decided to end diplomatic relations with Israel.",
     {("SeveranceOfRelations", "Belize", "Israel")}),
    ("Peru's interior ministry confirmed that police had detained the opposition leader Ana Ruiz.",
     {("Arrest", "Peru", "Ana Ruiz")}),
    # a gerund after "after"/"by" is the main subject's act; "along with", "as well as" add co-agents
    ("After expelling the Danish ambassador, Tonga recalled its own envoy from Copenhagen.",
     {("ExpulsionOfDiplomats", "Tonga", "Denmark"), ("RecallOfAmbassador", "Tonga", "Denmark")}),
    ("Kenya retaliated by expelling two Somali diplomats.", {("ExpulsionOfDiplomats", "Kenya", "Somalia")}),
    ("Estonia, along with Latvia, expelled Russian diplomats on Monday.",
     {("ExpulsionOfDiplomats", "Estonia", "Russia"), ("ExpulsionOfDiplomats", "Latvia", "Russia")}),
    # a contrast ends a negation: "did not expel ... but recalled"
    ("Fiji did not expel the Chinese ambassador but recalled its own envoy from Beijing.", {("RecallOfAmbassador", "Fiji", "China")}),
])
def test_structure(text, expected):
    got = found(text)
    for e in expected:
        if e[1] is None:
            assert any(g[0] == e[0] and g[2] == e[2] for g in got), (text, got)
        else:
            assert e in got, (text, got)
    assert not any(g[1] == "Chile" for g in got)


@pytest.mark.parametrize("text", [
    "Peru threatened to expel the Mexican ambassador.",
    "Peru could break relations with Mexico.",
    "Mexico asked Peru to let her leave the country.",
    "Peru will recall its ambassador from Mexico.",
    "Peru offered to grant safe conduct to Ana Ruiz.",
    "If Peru expels the Mexican ambassador, Mexico will respond.",
    "Paris recalled its envoy but stopped short of expelling Mali's ambassador.",
    "Uruguay was not one of the first states to recognise Israel.",
    "Kenya will be one of the first countries to recognise Somaliland.",
    # a negative determiner on an argument negates the clause
    "Nauru has recognised neither Abkhazia nor Kosovo.",
    "Neither Fiji nor Tonga recalled its ambassador from China.",
    "Samoa expelled no diplomats last year.",
])
def test_not_acts(text):
    assert not found(text), text


def test_one_act_told_twice_in_coordinated_verbs_is_one_match():
    """'expelled X's ambassador and gave him five days to leave': the deadline is the expulsion's."""
    got = found("Chad expelled Gabon's ambassador and gave him five days to leave.")
    assert got == {("ExpulsionOfDiplomats", "Chad", "Gabon")}, got


def matches(text: str) -> list[tuple]:
    """(type, agent, target) of every frame match in a text, in order, repeats kept."""
    x = _Extractor(Article(None, text, published="2025-11-07"), REGISTRY, "test")
    x._persons_from_titles(); x._persons_untitled(); x._organisations(); x._find_mentions(); x._nationalities()
    return [(m.type, m.agent, m.target) for _, m in x.frame_matches()]


@pytest.mark.parametrize("text,count", [
    # one party told in two forms (a demonym and a name, a name and a capital): one act told twice
    ("Latvia recalled its ambassador from Russia and withdrew its consul from Moscow.", 1),
    ("Estonia expelled the Russian consul and ordered Russia's ambassador to leave.", 1),
    # two parties, two acts
    ("Latvia recalled its ambassador from Russia and withdrew its consul from Belarus.", 2),
    ("Estonia expelled the Russian consul and ordered the Belarusian ambassador to leave.", 2),
    # two persons of one state: two acts (the persons are compared, not their state)
    ("Peru arrested the Chilean consul Luis Vega and detained Chile's attaché Ana Ruiz.", 2),
])
def test_coordinated_verbs_compare_parties_not_word_forms(text, count):
    """repeated_acts.second_of_pair: 'Russian' and 'Russia' (or 'Moscow') are one party, not two."""
    got = matches(text)
    assert len(got) == count, got


def test_a_frame_file_mistake_names_its_file_and_line(tmp_path):
    bad = tmp_path / "frames.yaml"
    bad.write_text("language: en\nframes:\n  - type: Arrest\n    triggers:\n      - verb: [arrest]\n"
                   "    agent: {from: [subjekt], is: [state]}\n", encoding="utf-8")
    with pytest.raises(FrameError, match=r"frames.yaml:6: unknown path 'subjekt'"):
        load_frames(bad)
    bad.write_text("frames:\n  - type: Arrest\n    agent: {from: [subject], is: [state]}\n", encoding="utf-8")
    with pytest.raises(FrameError, match=r"frames.yaml:2: frame 'Arrest' has no triggers"):
        load_frames(bad)
    bad.write_text("frames: [\n", encoding="utf-8")
    with pytest.raises(FrameError, match=r"frames.yaml:\d+: not valid YAML"):
        load_frames(bad)
    bad.write_text("frames:\n  - type: Arrestt\n    triggers: [{verb: [arrest]}]\n    agent: {from: [subject], is: [state]}\n")
    with pytest.raises(FrameError, match=r"frames.yaml:2: 'Arrestt' is not an event class"):
        load_frames(bad, known_types={"Arrest"})


@pytest.mark.parametrize("text,expected,unexpected", [
    # the armed forces seizing the head of state: a coup by them (not lifted to the state) and an arrest by the state
    # ("Peruvian troops": the forces as such; "soldiers" are a group of their own, tests/checklist/zcoup30.yaml)
    ("Peruvian troops detained President Ana Ruiz of Peru in her residence on Sunday.",
     {("Arrest", "Peru", "Ana Ruiz"), ("CoupAttempt", "Armed Forces of Peru", "Ana Ruiz")}, set()),
    # police arresting a president is an arrest, not a coup
    ("Peruvian police detained President Ana Ruiz of Peru in her residence on Sunday.",
     {("Arrest", "Peru", "Ana Ruiz")}, {("CoupAttempt", "Armed Forces of Peru", "Ana Ruiz")}),
    # an agentless passive: the state of the person acted on; an organ named without its state: the place's
    ("Ana Ruiz, the Peruvian former minister, was sentenced to ten years in prison on Monday.",
     {("Sentence", "Peru", "Ana Ruiz")}, set()),
    ("Police in Quito arrested Luis Vega on Monday, and prosecutors there charged him with fraud.",
     {("Arrest", "Ecuador", "Luis Vega")}, set()),
])
def test_legal_acts_coded_by_the_codebook(text, expected, unexpected):
    x = _Extractor(Article(None, text, published="2025-11-07"), REGISTRY, "test")
    events = x.run().events

    def label(entity_id):
        return x.gaz.entities[entity_id].label if entity_id in x.gaz.entities else entity_id
    got = {(e.type, label(a), label(t)) for e in events for a in e.agent for t in e.target}
    assert expected <= got, f"{text!r}: expected {expected}, found {got}"
    assert not (unexpected & got), f"{text!r}: {unexpected & got} is no event of this sentence"


def test_a_bare_legislature_removing_a_leader_is_the_leaders_own():
    # the article is mostly about Brazil; "Congress" removing a Honduran leader is Honduras's
    text = ("Brazil condemned the coup on Monday. Brazil said the crisis worried Brazil and its neighbours. "
            "Congress had voted on Sunday to remove the Honduran leader Ana Ruiz from office.")
    x = _Extractor(Article(None, text, published="2025-11-07"), REGISTRY, "test")
    removals = [e for e in x.run().events if e.type == "RemovalFromOffice"]
    assert removals and all(x.gaz.entities[a].attrs.get("organ_of") == "honduras" for e in removals for a in e.agent), \
        [(e.agent, e.target) for e in removals]


def test_a_list_of_demonyms_before_one_noun_gives_one_target_each():
    got = found("Latvia expelled the Russian, Belarusian and Iranian consuls on Monday.")
    assert {("ExpulsionOfDiplomats", "Latvia", s) for s in ("Russia", "Belarus", "Iran")} <= got, got
    got = found("Latvia expelled the Russian consul on Monday.")  # one demonym: one target
    assert {g for g in got if g[0] == "ExpulsionOfDiplomats"} == {("ExpulsionOfDiplomats", "Latvia", "Russia")}, got


def test_timeline_entries_datelines_and_misattached_verbs_on_the_parse():
    """Structure the legal frames lean on (structure.py, line_labels.py): a timeline entry's participle has no subject of
    its own and acts on no date; a dateline the parser made the subject gives way to its apposition;
    "found guilty and jailed" hangs "jailed" on the verb, not on the adjective."""
    from diplograph.loaders.extract import line_labels, repairs, structure
    from diplograph.loaders.extract.parse import parse

    doc = parse("Peru's army detained Ana Ruiz in 2021.\nApril 27, 2022 — Jailed for five years for fraud.")
    jailed = next(t for t in doc if t.text == "Jailed")
    assert line_labels.timeline_entry(jailed) and structure.logical_object(jailed) is None
    assert not line_labels.timeline_entry(next(t for t in doc if t.text == "detained"))
    doc = parse("LIMA — Peru's military rulers sentenced Ana Ruiz to ten years on Tuesday.")
    assert structure.logical_subject(next(t for t in doc if t.text == "sentenced")).text == "rulers"
    doc = parse("Police in Lima arrested Ana Ruiz in May. In June she was found guilty and jailed for five years.")
    repairs.repair_verbs(doc)
    jailed = next(t for t in doc if t.text == "jailed")
    assert jailed.head.lemma_ == "find"


@pytest.mark.parametrize("text,verb,subject,obj", [
    ("A court in Myanmar on Monday sentenced deposed leader Aung San Suu Kyi to four more years in prison.",
     "sentenced", "court", "Kyi"),
    ("Police in Minsk on Sunday detained opposition figure Maria Kolesnikova at the border.", "detained", "Police", "Kolesnikova"),
    ("A court in Cairo on Monday sentenced jailed activist Omar Farid to five years, a lawyer said.",
     "sentenced", "court", None),
])
def test_a_verb_parsed_as_an_adjective_on_its_object_heads_its_clause_again(text, verb, subject, obj):
    """'X on Monday sentenced deposed leader Y': the small parser makes the verb an adjective on its
    object and the name the sentence's root (or the subject of the speech verb after it); the repair
    makes the verb head its clause, with its subject and the name as its object."""
    from diplograph.loaders.extract import repairs
    from diplograph.loaders.extract.parse import parse

    doc = parse(text)
    repairs.repair_verbs(doc)
    token = next(t for t in doc if t.text == verb)
    assert token.pos_ == "VERB" and token.dep_ in ("ROOT", "ccomp")
    assert any(c.dep_ == "nsubj" and c.text == subject for c in token.children)
    if obj is not None:
        assert any(c.dep_ == "dobj" and c.text == obj for c in token.children)


def test_a_named_group_is_compared_as_itself_not_by_its_state():
    """repeated_acts._named: a Group (gazetteer.PERSON_TYPES) is a party of its own, as a Person is;
    two groups of one state are two parties."""
    from types import SimpleNamespace

    from diplograph.loaders.extract import repeated_acts
    from diplograph.loaders.extract.gazetteer import Mention

    mentions = {0: Mention(0, 5, "group-a", "Group", "Alpha"), 1: Mention(6, 10, "group-b", "Group", "Beta")}
    index = SimpleNamespace(at=lambda t: mentions.get(t.i), state_of=lambda e: "peru")
    tokens = [SimpleNamespace(i=0, lower_="alpha"), SimpleNamespace(i=1, lower_="beta")]
    assert repeated_acts._named(tokens[0], index) != repeated_acts._named(tokens[1], index)
