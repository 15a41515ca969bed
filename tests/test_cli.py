"""The command line, run as a user runs it: messages, never tracebacks; exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]  # the repository



def diplograph(*args, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True,
                          check=False, text=True, cwd=ROOT,
                          input=stdin, env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory, texts_dir):
    path = tmp_path_factory.mktemp("cli") / "store"
    result = diplograph("build", "--store", str(path), "--texts", str(texts_dir))
    assert result.returncode == 0, result.stderr
    assert "conflicts" in result.stdout and "conforms" in result.stdout
    return str(path)


def test_help_lists_every_command_in_the_order_of_its_groups():
    """The commands live in group modules (graph/cli_*.py) registered by import: the order is theirs."""
    result = diplograph("--help", env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    names = re.findall(r"^  ([a-z]+) ", result.stdout.split("Commands:", 1)[1], flags=re.MULTILINE)
    assert names == ["init", "build", "validate", "conflicts", "reason", "push", "export", "serve", "docs",
                          "extract", "review", "eval", "queries", "query", "sparql"], result.stdout


def test_queries_lists_the_library():
    result = diplograph("queries")
    assert result.returncode == 0
    assert "who-recognized-whom" in result.stdout and "asylum-grants" in result.stdout


def test_query_table_shows_labels_and_sources(store):
    result = diplograph("query", "who-recognized-whom", "--store", store)
    assert result.returncode == 0, result.stderr
    assert "Mexico (dgid:mexico)" in result.stdout
    assert "Pedro Castillo (dgid:pedro-castillo)" in result.stdout
    assert "src:003-4621cd742095797e" in result.stdout


def test_query_json_is_sparql_results_json(store):
    result = diplograph("query", "asylum-grants", "-p", "asylee=Betssy Chávez", "-f", "json", "--store", store)
    doc = json.loads(result.stdout)
    assert doc["head"]["vars"][0] == "grant"
    assert len(doc["results"]["bindings"]) == 4


@pytest.mark.parametrize("fmt,marker", [("csv", "grant,grantor"), ("tsv", "?grant\t?grantor"), ("md", "| grant | grantor")])
def test_query_formats(store, fmt, marker):
    result = diplograph("query", "asylum-grants", "-f", fmt, "--store", store)
    assert result.returncode == 0 and result.stdout.startswith(marker)


def test_errors_are_messages_not_tracebacks(store):
    cases = [
        (("query", "asylum-grant", "--store", store), "did you mean asylum-grants"),
        (("query", "post-holder-on-date", "-p", "post=President of Peru", "--store", store), "needs parameter 'date'"),
        (("query", "post-holder-on-date", "-p", "post=Peru", "-p", "date=3 Nov", "--store", store), "not a date"),
        (("query", "asylum-grants", "-p", "grantor=Atlantis", "--store", store), "neither an IRI"),
        (("query", "asylum-grants", "--store", "/nonexistent/store"), "run `diplograph build` first"),
        (("build", "--corpus", "/nonexistent/corpus", "--store", store), "corpus folder not found"),
        (("sparql", "/nonexistent.rq", "--store", store), "cannot read /nonexistent.rq"),
    ]
    for args, message in cases:
        result = diplograph(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_sparql_reads_stdin_and_refuses_updates(store):
    ok = diplograph("sparql", "-", "--store", store, stdin="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert ok.returncode == 0 and "(1 row)" in ok.stdout
    ask = diplograph("sparql", "-", "--store", store, stdin="ASK { GRAPH ?g { ?s a dg:AsylumGrant } }")
    assert ask.stdout.strip() == "true"
    construct = diplograph("sparql", "-", "--store", store,
                           stdin="CONSTRUCT { ?s a dg:AsylumGrant } WHERE { GRAPH ?g { ?s a dg:AsylumGrant } }")
    assert "dg:AsylumGrant" in construct.stdout
    update = diplograph("sparql", "-", "--store", store, stdin="DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert update.returncode == 2 and "updates are not allowed" in update.stderr
    bad = diplograph("sparql", "-", "--store", store, stdin="SELECT ?s\nWHERE { ?s ?p }")
    assert bad.returncode == 2 and "error at 2:" in bad.stderr


def test_conflicts_command(store):
    result = diplograph("conflicts", "--store", store)
    assert result.returncode == 0
    assert "who held President of Peru" in result.stdout and "“Peruvian Foreign Minister Ana Cecilia Gervasi”" in result.stdout
    as_json = json.loads(diplograph("conflicts", "--store", store, "--format", "json").stdout)
    assert len(as_json) == 6  # issue 13: 004's declaration is its own event; the announcer of the break (002 vs 003)
    inferred = [s for c in as_json for v in c["values"] for s in v["sources"] if s["inferred"]]
    assert inferred and all(s["note"] for s in inferred), "an inferred value comes with its note"


def test_validate_command_writes_the_shacl_report(store, tmp_path):
    report = tmp_path / "report.ttl"
    result = diplograph("validate", "--store", store, "--report", str(report))
    assert result.returncode == 0, result.stdout
    assert "conforms" in result.stdout
    assert "sh:ValidationReport" in report.read_text()


def test_bad_corpus_build_is_a_message(tmp_path, texts_dir):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    path = corpus / "entities.yaml"
    path.write_text(path.read_text().replace("{id: lima, type: City", "{id: lima, type: Town", 1))
    result = diplograph("build", "--corpus", str(corpus), "--store", str(tmp_path / "s"), "--texts", str(texts_dir))
    assert result.returncode == 2
    assert "entities.yaml:11: type: 'Town' is not allowed (use one of:" in result.stderr
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("name", ["n-triples", "N-Triples"])
def test_export_accepts_every_name_of_the_format_registry(store, name):
    """The CLI and graph.export read one registry: `-f n-triples` is accepted wherever export takes it."""
    result = diplograph("export", "-f", name, "--no-describe", "--graph", "registry", "--store", store)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
