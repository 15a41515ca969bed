"""Which stage proposed each event (loaders/extract/stages.py): the id recorded on events of every
kind of stage (sentences of our own), shown in the review file, kept as dg:proposedBy in the RDF of an
accepted claim, and counted per stage by dev/tools/by_stage.py on a tiny corpus of our own."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from diplograph.graph.evaluate import evaluate
from diplograph.graph.extraction import extract_articles, review
from diplograph.graph.settings import seed_corpus
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import stages
from diplograph.loaders.extract.parse import parse_many
from diplograph.loaders.extract.pipeline import extract
from diplograph.loaders.extract.text import Article
from diplograph.ontology import dg
from ruamel.yaml import YAML

from diplograph import api

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("by_stage", ROOT / "dev" / "tools" / "by_stage.py")
by_stage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(by_stage)

#: (text, event type, agent, the stage that proposes it): one of each kind of stage
CASES = [
    ("Bolivia recalled its ambassador from Paraguay on Thursday.",
     "RecallOfAmbassador", "bolivia", "frame:RecallOfAmbassador/recall"),
    ("Peru expelled two Chilean diplomats on Monday. Chile called the decision unjustified and provocative.",
     "Statement", "chile", "statement:act-author"),
    ("Portugal's decision to grant asylum to the novelist Tomas Vidal angered Angola.",
     "AsylumGrant", "portugal", "rule:AsylumGrant"),
    ("Bolivia's army seized power in March.", "CoupAttempt", "armed-forces-of-bolivia", stages.MILITARY_COUP),
    ("Chile recalled its ambassador from Venezuela on Monday. Argentina followed on Tuesday.",
     "RecallOfAmbassador", "argentina", stages.FOLLOWERS),
    ("Cuba expelled a Spanish envoy on Friday. Mexico deplored the move, as did Brazil.",
     "Statement", "brazil", stages.FOLLOWED_REMARKS),
    ("The journalist Jorge Ibarra asked Uruguay for asylum on Friday. Uruguay granted it on Saturday.",
     "AsylumGrant", "uruguay", stages.ANSWERED_REQUESTS),
    # (the soldiers the text names are a group of their own: the coup-force convention, dev/README)
    ("Rebel soldiers in Mali detained President Amadou Keita on Tuesday.",
     "CoupAttempt", "malian-soldiers-of-the-coup", stages.COUPS),
]


@pytest.fixture(scope="module")
def extracted():
    registry = load_corpus(ROOT / "corpus", texts=None).entities
    texts = [text for text, *_ in CASES]
    return [extract(Article(None, text, published="2025-03-10"), registry, f"stages-{n}", doc=doc)
            for n, (text, doc) in enumerate(zip(texts, parse_many(texts)))]


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c[3] for c in CASES])
def test_each_kind_of_stage_names_itself(extracted, n):
    _, etype, agent, stage = CASES[n]
    found = [e for e in extracted[n].events if e.type == etype and agent in e.agent]
    assert [e.proposed_by for e in found] == [stage]


def test_every_event_has_a_stage_and_the_claims_carry_it(extracted):
    for x in extracted:
        assert all(e.proposed_by for e in x.events)
        claims = [c for c in x.claims() if "event" in c]
        assert [c["proposed_by"] for c in claims] == [e.proposed_by for e in x.events]
        assert all("proposed_by" not in c for c in x.claims() if "tenure" in c)


def test_a_second_telling_keeps_the_stage_that_proposed_it_first(extracted):
    # the frame found the recall: "Argentina followed" is the ellipsis stage's, not the frame's
    first, follower = extracted[4].events
    assert (first.proposed_by, follower.proposed_by) == ("frame:RecallOfAmbassador/recall", stages.FOLLOWERS)


def test_stage_rows_at_each_detail():
    stage = "frame:RecallOfAmbassador/recall"
    assert by_stage.row_of(stage) == "frame"
    assert by_stage.row_of(stage, frames=True) == "frame:RecallOfAmbassador"
    assert by_stage.row_of(stage, triggers=True) == stage
    assert by_stage.row_of("statement:counterpart") == "statement"
    assert by_stage.row_of("statement:counterpart", statements=True) == "statement:counterpart"
    assert by_stage.row_of(stages.FOLLOWERS, frames=True) == stages.FOLLOWERS
    assert by_stage.row_of("") == by_stage.UNKNOWN


# --- the review file and the RDF of an accepted claim ----------------------------------------------

def test_the_review_file_shows_the_stage_and_an_accepted_claim_keeps_it_as_dg_proposed_by(tmp_path):
    article = tmp_path / "recall.txt"
    article.write_text("Bolivia recalls envoy\n\nLA PAZ, March 6, 2025 — Bolivia recalled its ambassador "
                       "from Paraguay on Thursday. The two governments have quarrelled for months over a river "
                       "and a road, and talks in a third country broke up without a date to meet again.\n",
                       encoding="utf-8")
    [result] = extract_articles([article], tmp_path / "extracted", corpus_dir=seed_corpus())
    written = YAML(typ="safe").load(result.claims_file.read_text(encoding="utf-8"))
    [recall] = [c for c in written["claims"] if c.get("type") == "RecallOfAmbassador"]
    assert recall["proposed_by"] == "frame:RecallOfAmbassador/recall"
    assert "proposed_by: frame:RecallOfAmbassador/recall" in result.claims_file.read_text(encoding="utf-8")

    project = api.init(tmp_path / "proj")
    review(result.claims_file, lambda index, claim, text: ("accept", None) if claim.get("type") == "RecallOfAmbassador"
           else ("reject", None), corpus_dir=project.corpus)
    accepted = YAML(typ="safe").load((project.corpus / "claims" / f"{result.source_id}.yaml").read_text(encoding="utf-8"))
    assert [c["proposed_by"] for c in accepted["claims"]] == ["frame:RecallOfAmbassador/recall"]
    corpus = load_corpus(project.corpus, texts=project.texts)
    proposed = [q for q in corpus.quads if q.predicate == dg.proposedBy]
    claims = {q.subject for q in corpus.quads if q.predicate.value.endswith("#type") and q.object == dg.Claim}
    assert proposed and {q.subject for q in proposed} == claims   # every claim node of the event, once each
    assert len(proposed) == len(claims)
    assert {q.object.value for q in proposed} == {"frame:RecallOfAmbassador/recall"}


# --- the tool on a tiny corpus of our own ---------------------------------------------------------

ARTICLES = {
    "stg01-recall": ("rules", ("Bolivia recalls its envoy\n\nLA PAZ, March 6, 2025 — Bolivia recalled its ambassador "
                     "from Paraguay on Thursday. Chile recalled its ambassador from Venezuela on Monday. "
                     "Argentina followed on Tuesday.\n"),
                     [("bolivia-recall", "RecallOfAmbassador", "bolivia", "paraguay", "Bolivia recalled its ambassador"),
                      ("chile-recall", "RecallOfAmbassador", "chile", "venezuela", "Chile recalled its ambassador")]),
    "stg02-asylum": ("heldout", ("Uruguay grants asylum\n\nMONTEVIDEO, March 8, 2025 — The journalist Jorge Ibarra "
                     "asked Uruguay for asylum on Friday. Uruguay granted it on Saturday.\n"),
                     [("ibarra-request", "AsylumRequest", "jorge-ibarra", "uruguay", "Jorge Ibarra asked Uruguay for asylum")]),
}


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory) -> Path:
    """Two articles of our own: the rules one's follower (Argentina) is not in its reviewed claims (a
    false alarm of the ellipsis stage); the held-out one's grant is not either."""
    corpus = tmp_path_factory.mktemp("stages") / "corpus"
    (corpus / "claims").mkdir(parents=True)
    (corpus / "texts").mkdir()
    (corpus / "entities.yaml").symlink_to(ROOT / "corpus" / "entities.yaml")
    (corpus / "entities.d").mkdir()
    (corpus / "entities.d" / "stages.yaml").write_text(
        "- {id: jorge-ibarra, type: Person, label: Jorge Ibarra}\n"
        + "".join(f"- {{id: {name.lower()}, type: State, label: {name}, country_code: {code}}}\n"
                  for name, code in (("Paraguay", "PY"), ("Chile", "CL"), ("Venezuela", "VE"), ("Uruguay", "UY"))),
        encoding="utf-8")
    sources = []
    for source, (split, text, events) in ARTICLES.items():
        name = f"{source}.txt"
        (corpus / "texts" / name).write_text(text, encoding="utf-8")
        sources.append({"id": source, "file": name, "sha256": hashlib.sha256(text.encode()).hexdigest(),
                        "title": text.splitlines()[0], "language": "en", "genre": "development",
                        "published": {"value": "2025-03-10", "basis": "dateline"}, "split": split})
        claims = [{"event": e, "type": t, "agent": a, "target": g, "evidence": [q]} for e, t, a, g, q in events]
        with (corpus / "claims" / f"{source}.yaml").open("w", encoding="utf-8") as f:
            YAML().dump({"source": source, "claims": claims}, f)
    with (corpus / "sources.yaml").open("w", encoding="utf-8") as f:
        YAML().dump(sources, f)
    return corpus


def test_the_tool_counts_true_and_false_alarms_per_stage(tiny_corpus):
    report = evaluate(tiny_corpus, tiny_corpus / "texts", split="rules")
    tp, fp, alarms = by_stage.count_by_stage(report)
    assert (tp, fp) == ({"frame": 2}, {stages.FOLLOWERS: 1})
    assert [(source, row, e.agent) for source, row, e in alarms] == [("stg01-recall", stages.FOLLOWERS, ["argentina"])]
    tp, fp, _ = by_stage.count_by_stage(report, triggers=True)
    assert tp == {"frame:RecallOfAmbassador/recall": 2}
    table = by_stage.table(tp, fp)
    assert table.splitlines()[-1].split() == ["all", "2", "1", "0.67"]


def test_the_tool_prints_counts_only_on_the_held_out_split(tiny_corpus):
    tool = [sys.executable, str(ROOT / "dev" / "tools" / "by_stage.py"), "--corpus", str(tiny_corpus),
            "--texts", str(tiny_corpus / "texts")]
    refused = subprocess.run(tool + ["--split", "heldout", "--show"], capture_output=True,
                             check=False, text=True, timeout=60)
    assert refused.returncode == 2 and "rules split only" in refused.stderr
    shown = subprocess.run(tool + ["--split", "heldout", "--frames"], capture_output=True,
                           check=False, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert "frame:AsylumRequest" in shown.stdout and stages.ANSWERED_REQUESTS in shown.stdout
    assert "Ibarra" not in shown.stdout and "Uruguay granted" not in shown.stdout   # no sentence, no entity


def test_the_interactive_review_names_the_stage_beside_the_confidence(monkeypatch):
    from diplograph.graph import cli_extract
    from rich.console import Console

    console = Console(record=True, width=200)
    monkeypatch.setattr(cli_extract, "out", console)
    monkeypatch.setattr(cli_extract.typer, "prompt", lambda *a, **k: "s")
    text = "Bolivia recalled its ambassador from Paraguay on Thursday."
    claim = {"event": "x", "type": "RecallOfAmbassador", "agent": "bolivia", "target": "paraguay",
             "evidence": [{"quote": text, "start": 0}], "confidence": 0.8,
             "proposed_by": "frame:RecallOfAmbassador/recall"}
    assert cli_extract._interactive()(0, claim, text) == ("skip", None)
    assert "(confidence 0.8, proposed by frame:RecallOfAmbassador/recall)" in console.export_text()
