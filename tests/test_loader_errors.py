"""Bad corpus input: one test per kind, each checking the message (file, line, problem, fix)
and that the store built before is left exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from diplograph.graph.backends import OxigraphBackend
from diplograph.graph.builder import build
from diplograph.graph.export import canonical_nquads
from diplograph.loaders.errors import CorpusError


def dump(store: Path) -> bytes:
    backend = OxigraphBackend.open(store, read_only=True)
    try:
        return canonical_nquads(backend.quads())
    finally:
        backend.close()


@pytest.fixture
def built(corpus_copy, texts_dir, tmp_path, monkeypatch):
    """A good store built from the copy; returns (corpus, store, dump before)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    store = tmp_path / "store"
    build(corpus_copy, store, texts_dir, validate=False)
    return corpus_copy, store, dump(store)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def fails(corpus: Path, store: Path, texts: Path, before: bytes) -> str:
    """Build must fail with a CorpusError and leave the store untouched; returns the message."""
    with pytest.raises(CorpusError) as info:
        build(corpus, store, texts, validate=False)
    assert dump(store) == before, "a failed build changed the stored graph"
    assert not [p for p in store.parent.iterdir() if ".building-" in p.name], "staging store left behind"
    return str(info.value)


CLAIMS_003 = "claims/003-4621cd742095797e.yaml"


def test_broken_yaml(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    edit(path, "    type: PersonaNonGrataDeclaration", "    type: [PersonaNonGrataDeclaration")
    message = fails(corpus, store, texts_dir, before)
    assert re.search(r"003-4621cd742095797e\.yaml:\d+: broken YAML", message)


def test_unknown_entity(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    line = line_of(path, "agent: congress-of-peru")
    edit(path, "agent: congress-of-peru", "agent: congres-of-peru")
    message = fails(corpus, store, texts_dir, before)
    assert f"003-4621cd742095797e.yaml:{line}: unknown entity 'congres-of-peru'" in message
    assert "did you mean 'congress-of-peru'" in message


def test_unknown_event_type(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    line = line_of(path, "type: PersonaNonGrataDeclaration")
    edit(path, "type: PersonaNonGrataDeclaration", "type: PersonaNonGrata")
    message = fails(corpus, store, texts_dir, before)
    assert f"003-4621cd742095797e.yaml:{line}: type:" in message
    assert "PersonaNonGrataDeclaration" in message  # the allowed values are listed


def test_bad_date(built, texts_dir):
    corpus, store, before = built
    path = corpus / "sources.yaml"
    edit(path, 'value: "2025-11"', 'value: "2025-13"')
    message = fails(corpus, store, texts_dir, before)
    assert "sources.yaml:" in message and "not a real date" in message


def test_quote_not_in_text(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    line = line_of(path, "63 votes in favor")
    edit(path, "63 votes in favor", "64 votes in favor")
    message = fails(corpus, store, texts_dir, before)
    assert f"003-4621cd742095797e.yaml:{line}: quote not in the text of 003_4621cd742095797e.txt" in message


def test_quote_with_straight_apostrophe_points_at_the_exact_text(built, texts_dir):
    corpus, store, before = built
    path = corpus / "claims/002-2d1ef4a1174005c3.yaml"
    text = path.read_text(encoding="utf-8")
    curly = re.search(r"\"([^\"\n]*’[^\"\n]*)\"", text)
    assert curly, "test setup: a quote with a typographic apostrophe"
    edit(path, curly.group(1), curly.group(1).replace("’", "'"))
    message = fails(corpus, store, texts_dir, before)
    assert f"the text has {curly.group(1)!r}" in message


def test_checksum_mismatch(built, texts_dir):
    corpus, store, before = built
    path = corpus / "sources.yaml"
    edit(path, "sha256: 39a8a45451760c48774a1052294ffd168d3be5cdc8572911edb906d3b7ab963c",
         "sha256: '" + "0" * 64 + "'")
    message = fails(corpus, store, texts_dir, before)
    assert "checksum mismatch for 003_4621cd742095797e.txt" in message
    assert "re-check its claims" in message


def test_duplicate_ids(built, texts_dir):
    corpus, store, before = built
    path = corpus / "entities.yaml"
    first = line_of(path, "{id: lima,")
    with path.open("a", encoding="utf-8") as f:
        f.write("- {id: lima, type: City, label: Lima again}\n")
    total = len(path.read_text(encoding="utf-8").splitlines())
    message = fails(corpus, store, texts_dir, before)
    assert f"entities.yaml:{total}: duplicate entity id 'lima' (first defined on line {first})" in message


def test_wrong_value_type(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    edit(path, "against: 34", "against: many")
    message = fails(corpus, store, texts_dir, before)
    assert re.search(r"003-4621cd742095797e\.yaml:\d+: votes\.against: Input should be a valid integer", message)


def test_unknown_field(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    edit(path, "    type: PersonaNonGrataDeclaration", "    type: PersonaNonGrataDeclaration\n    agnet: peru")
    message = fails(corpus, store, texts_dir, before)
    assert "agnet: unknown field" in message


def test_same_event_two_types(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    edit(path, "type: SeveranceOfRelations", "type: ExpulsionOfDiplomats")  # a shared event (issue 13 split the persona-non-grata one)
    message = fails(corpus, store, texts_dir, before)
    assert "one event id, one type" in message


def test_all_problems_reported_at_once(built, texts_dir):
    corpus, store, before = built
    path = corpus / CLAIMS_003
    edit(path, "agent: congress-of-peru", "agent: nobody-at-all")
    edit(path, "63 votes in favor", "64 votes in favor")
    message = fails(corpus, store, texts_dir, before)
    assert "nobody-at-all" in message and "64 votes in favor" in message
    assert message.startswith("2 problems")


def test_without_texts_it_says_so_and_still_builds(corpus_copy, tmp_path, monkeypatch):
    from diplograph.loaders.corpus import load_corpus

    monkeypatch.delenv("DIPLOGRAPH_TEXTS", raising=False)
    corpus = load_corpus(corpus_copy, None)
    assert corpus.texts_found == 0
    assert any("no texts folder" in w for w in corpus.warnings)
    assert corpus.claim_count > 100
