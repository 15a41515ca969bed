"""libyaml's fast path reads every YAML file of the repository exactly as ruamel's round-trip loader does."""

from __future__ import annotations

from pathlib import Path

import pytest
from diplograph.loaders import yamlfast
from diplograph.loaders.errors import CorpusError
from diplograph.loaders.yamlfile import _yaml, read_yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for folder in ("corpus", "dev", "examples", "queries") for p in (ROOT / folder).rglob("*.yaml"))


def same(fast, slow, where: str) -> None:
    assert type(fast) is type(slow) and fast == slow, where
    if isinstance(slow, (CommentedMap, CommentedSeq)):
        assert (fast.lc.line, fast.lc.col) == (slow.lc.line, slow.lc.col), where
        keys = list(slow.keys()) if isinstance(slow, CommentedMap) else range(len(slow))
        assert list(fast.keys() if isinstance(fast, CommentedMap) else range(len(fast))) == list(keys), where
        for key in keys:
            assert fast.lc.data[key] == slow.lc.data[key], f"{where}/{key}"
            same(fast[key], slow[key], f"{where}/{key}")


def test_there_are_files_to_compare():
    assert len(FILES) > 10 and any("claims" in p.parts for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_path_equals_ruamel(path):
    text = path.read_text(encoding="utf-8")
    fast = yamlfast.load(text, _yaml())
    assert fast is not yamlfast.UNSUPPORTED, f"{path}: the fast path should read the corpus's files"
    same(fast, _yaml().load(text), str(path))


@pytest.mark.parametrize("text", [
    "a: 1\nb: yes\nc: 2025-02-30\nd: ~\ne: 1.5\nf: 0x1F\ng: 'x'\nh: |\n  block\ni: >\n  folded\nj: [1, two, '3']\nk: {x: y}\n",
    "- a\n- 1\n-\n- null\n- true\n- False\n", "", "just a string\n",
])
def test_scalars_resolve_as_yaml_1_2(text):
    fast = yamlfast.load(text, _yaml())
    same(fast, _yaml().load(text), text)


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: 1\na: 2\n", "a: !!str 1\n", "--- 1\n--- 2\n",
                                  "a: [1\n", "<<: {a: 1}\n", "? [a]\n: 1\n"])
def test_anything_else_is_left_to_ruamel(text, tmp_path):
    assert yamlfast.load(text, _yaml()) is yamlfast.UNSUPPORTED
    path = tmp_path / "f.yaml"
    path.write_text(text)
    try:
        expected = _yaml().load(text)
    except YAMLError:
        with pytest.raises(CorpusError):
            read_yaml(path)
    else:
        assert repr(read_yaml(path)) == repr(expected)  # ruamel's TaggedScalar has no ==


def test_query_headers_read_alike():
    from diplograph.graph.queries import parse_header
    from ruamel.yaml import YAML

    queries = sorted((ROOT / "queries").rglob("*.rq"))
    assert queries
    for path in queries:
        header = "\n".join(line[3:] if line.startswith("#+ ") else line[2:]
                           for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#+"))
        assert parse_header(path.read_text(encoding="utf-8"), path) == YAML(typ="safe", pure=True).load(header), path
