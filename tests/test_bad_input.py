"""Bad input, one row per kind: a clear message naming where and how to fix it, exit 2 (or HTTP 4xx),
no traceback, and the store as it was.

Every row runs the real command (``python -m diplograph.graph ...``) as a subprocess against one
store built once for the module; the HTTP rows ask a real ``diplograph serve`` started by the test.
After each row the store's canonical N-Quads are compared with those taken before any row ran.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from diplograph.graph.export import canonical_nquads
from pyoxigraph import Store

ROOT = Path(__file__).resolve().parents[1]
CLAIMS_003 = Path("claims") / "003-4621cd742095797e.yaml"
TEXT_004 = "004_cec08df9c9a3c1c3.txt"

# no proxy for 127.0.0.1, whatever the environment says
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def run(*args: str | bytes, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_STORE"}
    return subprocess.run([sys.executable, "-m", "diplograph.graph", *args], capture_output=True, check=False, cwd=cwd,
                          env=env, timeout=60)


def line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def quads(store: Path) -> bytes:
    return canonical_nquads(Store.read_only(str(store)))


@pytest.fixture(scope="module")
def store(tmp_path_factory, texts_dir) -> Path:
    path = tmp_path_factory.mktemp("bad-input") / "store"
    result = run("build", "--store", str(path), "--texts", str(texts_dir), "--no-validate")
    assert result.returncode == 0, result.stderr.decode()
    return path


@pytest.fixture(scope="module")
def before(store) -> bytes:
    return quads(store)


@pytest.fixture(scope="module")
def server(store):
    """A real `diplograph serve` over the store, on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "diplograph.graph", "serve", "--store", str(store),
                                "--port", str(port), "--quiet"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                NO_PROXY.open(url + "/queries", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("serve exited: " + process.stderr.read().decode())
                time.sleep(0.1)
        else:
            pytest.fail("serve did not answer within 15 s")
        yield url, process
    finally:
        process.terminate()
        process.wait(10)


@dataclass
class Case:
    """What a row does (filled in by the row's setup function)."""

    tmp: Path
    store: Path
    texts: Path       # the seed texts folder (read-only)
    corpus: Path | None = None
    own_texts: Path | None = None

    def corpus_copy(self) -> Path:
        if self.corpus is None:
            self.corpus = self.tmp / "corpus"
            shutil.copytree(ROOT / "corpus", self.corpus, ignore=shutil.ignore_patterns("README.md"))
        return self.corpus

    def texts_copy(self) -> Path:
        """A private copy of the texts (never the shared folder) to break on purpose."""
        if self.own_texts is None:
            self.own_texts = self.tmp / "texts"
            shutil.copytree(self.texts, self.own_texts)
        return self.own_texts

    def edit(self, relative: Path | str, old: str, new: str) -> tuple[Path, int]:
        """Replace the first ``old`` in a corpus file; (the file, the line the change is on)."""
        path = self.corpus_copy() / relative
        text = path.read_text(encoding="utf-8")
        at = text.index(old)
        path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
        return path, text.count("\n", 0, at) + new.count("\n", 0, len(new) - len(new.lstrip("\n"))) + 1

    def build(self, texts: Path | None = None) -> list[str]:
        return ["build", "--corpus", str(self.corpus_copy()), "--texts", str(texts or self.texts),
                "--store", str(self.store), "--no-validate"]


# Each row returns (command, where, fix): the command's arguments (or "GET /path" for HTTP), a
# string the message must contain to say where (file:line, file, or the parameter) and a string
# that says how to fix it.

def yaml_broken(c: Case):
    path, line = c.edit("sources.yaml", "  file: 000_cfc943054120e952.txt", "  file: [000_cfc943054120e952.txt")
    return c.build(), f"{path}:", "check indentation"


def yaml_nul_byte(c: Case):
    path, line = c.edit("entities.yaml", "label: Ecuador,", "label: Ecu\x00ador,")
    return c.build(), f"{path}:{line}", "delete it"


def yaml_not_utf8(c: Case):
    path = c.corpus_copy() / "sources.yaml"
    data = path.read_bytes()
    at = data.index(b"Lima dispatch")
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    return c.build(), f"{path}:{line_at(data, at)}", "save the file as UTF-8"


def source_unknown_key(c: Case):
    path, line = c.edit("sources.yaml", "  language: en\n", "  language: en\n  colour: red\n")
    return c.build(), f"{path}:{line + 1}", "allowed fields"


def source_wrong_type(c: Case):
    path, line = c.edit("sources.yaml", "  genre: analysis", "  genre: [analysis]")
    return c.build(), f"{path}:{line}", "use one of: news, analysis"


def source_bad_date(c: Case):
    path, line = c.edit("sources.yaml", 'value: "2025-12"', 'value: "2025-13"')
    return c.build(), f"{path}:{line}", "YYYY-MM"


def source_url_with_space(c: Case):
    path, line = c.edit("sources.yaml", "  language: en\n", "  url: https://example.org/peru news\n  language: en\n")
    return c.build(), f"{path}:{line}", "%20"


def source_duplicate_id(c: Case):
    path, line = c.edit("sources.yaml", "- id: 001-dbf1ef83f49ff5d5", "- id: 000-cfc943054120e952")
    return c.build(), f"{path}:{line}", "first defined on line"


def source_bad_sha256(c: Case):
    path, line = c.edit("sources.yaml", "sha256: e2e3cf", "sha256: E2E3CF")
    return c.build(), f"{path}:{line}", "64 lower-case hex digits"


def entity_duplicate_id(c: Case):
    path, line = c.edit("entities.yaml", "- {id: bolivia,", "- {id: ecuador,")
    return c.build(), f"{path}:{line}", "first defined on line"


def entity_dangling_reference(c: Case):
    path, line = c.edit("entities.yaml", "located_in: ecuador}", "located_in: ecuadorr}")
    return c.build(), f"{path}:{line}", "did you mean 'ecuador'"


def entity_bad_wikidata_id(c: Case):
    path, line = c.edit("entities.yaml", "wikidata: Q736", "wikidata: 'Q 736'")
    return c.build(), f"{path}:{line}", "a Wikidata item id like"


def entity_bad_country_code(c: Case):
    path, line = c.edit("entities.yaml", "country_code: BO", "country_code: XB")
    return c.build(), f"{path}:{line}", "ISO 3166"


def claim_dangling_entity(c: Case):
    path, line = c.edit(CLAIMS_003, "agent: congress-of-peru", "agent: congres-of-peru")
    return c.build(), f"{path}:{line}", "did you mean"


def claim_evidence_not_in_text(c: Case):
    path, line = c.edit(CLAIMS_003, '"passed with 63 votes in favor', '"passed with 64 votes in favor')
    return c.build(), f"{path}:{line}", "copy the words exactly"


def claim_quote_with_markup(c: Case):
    # brackets in a quote are shown as they are in the file, never read as markup
    path, line = c.edit(CLAIMS_003, '"passed with 63 votes in favor', '"passed [/b] with [bold]63[/] votes in favor')
    return c.build(), f"{path}:{line}: quote not in the text of 003_4621cd742095797e.txt: 'passed [/b] with [bold]63[/] votes", \
        "copy the words exactly"


def claim_impossible_date(c: Case):
    path, line = c.edit(CLAIMS_003, 'date: {phrase: "on Thursday, November 6, 2025"}', "date: 2025-02-30")
    return c.build(), f"{path}:{line}", "use a real date"


def claim_unknown_event_type(c: Case):
    path, line = c.edit(CLAIMS_003, "type: PersonaNonGrataDeclaration", "type: PersonaNonGrata")
    return c.build(), f"{path}:{line}", "did you mean 'PersonaNonGrataDeclaration'?"


def claim_unknown_key(c: Case):
    path, line = c.edit(CLAIMS_003, "    votes: {for: 63", "    tally: 63\n    votes: {for: 63")
    return c.build(), f"{path}:{line}", "allowed fields"


def claim_unknown_source(c: Case):
    path, line = c.edit(CLAIMS_003, "source: 003-4621cd742095797e", "source: 003-4621cd742095797f")
    return c.build(), f"{path}:{line}", "did you mean '003-4621cd742095797e'"


def claim_without_kind(c: Case):
    path, line = c.edit(CLAIMS_003, "  - event: peru-persona-non-grata-2025\n", "  - happening: peru-persona-non-grata-2025\n")
    return c.build(), f"{path}:{line}", "start the item with '- event:'"


def claim_dangling_event(c: Case):
    path, line = c.edit(CLAIMS_003, "    at: peru-severs-relations-with-mexico-2025\n",
                        "    at: peru-severs-relations-with-mexico-2052\n")
    return c.build(), f"{path}:{line}", "did you mean 'peru-severs-relations-with-mexico-2025'"


def text_missing(c: Case):
    texts = c.texts_copy()
    (texts / TEXT_004).unlink()
    line = (ROOT / "corpus" / "sources.yaml").read_text(encoding="utf-8").splitlines().index(
        "- id: 004-cec08df9c9a3c1c3") + 1
    return c.build(texts), f"{c.corpus_copy() / 'sources.yaml'}:{line}", "--allow-missing-texts"


def text_not_utf8(c: Case):
    path = c.texts_copy() / TEXT_004
    data = path.read_bytes()
    at = data.index(b"\n", 200)  # after the first line of some length
    path.write_bytes(data[:at] + b" \xe9" + data[at:])
    return c.build(c.own_texts), f"{path}:{line_at(data, at)}", "save the file as UTF-8"


def text_checksum_mismatch(c: Case):
    path = c.texts_copy() / TEXT_004
    path.write_bytes(path.read_bytes() + b"\nOne more line.\n")
    lines = (ROOT / "corpus" / "sources.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("- id: 004-cec08df9c9a3c1c3") + 3  # its sha256
    assert lines[line - 1].startswith("  sha256:")
    return c.build(c.own_texts), f"{c.corpus_copy() / 'sources.yaml'}:{line}", "update sha256"


def text_is_a_fifo(c: Case):
    path = c.texts_copy() / TEXT_004
    path.unlink()
    os.mkfifo(path)  # reading it would block forever: it must be refused unread
    return c.build(c.own_texts), str(path), "regular file"


def param_bad_date(c: Case):
    return ["query", "post-holder-on-date", "-p", "post=President of Peru", "-p", "date=2025-13-45",
            "--store", str(c.store)], "parameter 'date'", "YYYY-MM-DD"


def param_unknown(c: Case):
    return ["query", "asylum-grants", "-p", "asylum=x", "--store", str(c.store)], "'asylum'", "its parameters: "


def param_bad_format(c: Case):
    return ["query", "asylum-grants", "-f", "xlsx", "--store", str(c.store)], "--format 'xlsx'", "use one of"


def param_not_utf8(c: Case):
    return ["query", "asylum-grants", "-p", b"asylee=Ch\xe1vez", "--store", str(c.store)], \
        "'asylee=Ch\\xe1vez'", "pass UTF-8 text"


def param_unknown_option(c: Case):
    return ["query", "asylum-grants", "--colour", "red", "--store", str(c.store)], "--colour", "--help"


def param_unknown_query(c: Case):
    return ["query", "asylum-grant", "--store", str(c.store)], "'asylum-grant'", "did you mean"


def param_bad_published_date(c: Case):
    return ["extract", str(ROOT / "examples" / "ecuador-nicaragua.txt"), "--out", str(c.tmp / "out"),
            "--published", "2026-02-30"], "--published '2026-02-30'", "YYYY-MM-DD"


def param_query_file_is_a_device(c: Case):
    return ["sparql", "/dev/zero", "--store", str(c.store)], "/dev/zero", "regular file"


def http_bad_syntax(c: Case):
    return "GET /sparql?query=SELEC%20%2A%20%7B%7D", "1:1", "syntax"


def http_unknown_stored_query(c: Case):
    # 404: the path names no resource (the message lists the closest names)
    return "GET /queries/asylum-grant", "'asylum-grant'", "GET /queries lists them all"


def http_bad_parameter(c: Case):
    return "GET /queries/post-holder-on-date?post=president-of-peru&date=2025-13-45", "parameter 'date'", "YYYY-MM-DD"


def http_unknown_parameter(c: Case):
    return "GET /queries/asylum-grants?asylum=x", "'asylum'", "its parameters: "


def _extract(c: Case, path: Path | str):
    return ["extract", str(path), "--out", str(c.tmp / "out")]


def extract_directory_without_articles(c: Case):
    # a folder is a batch of articles (extract --jobs N DIR); one holding none is refused
    folder = c.tmp / "articles"
    folder.mkdir()
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return _extract(c, folder), str(folder), "put the articles there"


def extract_fifo(c: Case):
    fifo = c.tmp / "article.txt"
    os.mkfifo(fifo)
    return _extract(c, fifo), str(fifo), "regular file"


def extract_dev_zero(c: Case):
    return _extract(c, "/dev/zero"), "/dev/zero", "regular file"


def extract_folder_holding_a_fifo(c: Case):
    # named like an article among real ones: refused by name, not skipped and not opened (it would block)
    folder = c.tmp / "articles"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "ecuador-nicaragua.txt", folder / "a.txt")
    os.mkfifo(folder / "b.txt")
    return _extract(c, folder), str(folder / "b.txt"), "remove it from the folder"


def extract_folder_holding_a_device_link(c: Case):
    folder = c.tmp / "articles"
    folder.mkdir()
    (folder / "zero.txt").symlink_to("/dev/zero")  # a link to a device that never ends
    return _extract(c, folder), str(folder / "zero.txt"), "a device"


def extract_symlink_loop(c: Case):
    link = c.tmp / "article.txt"
    link.symlink_to(c.tmp / "other.txt")
    (c.tmp / "other.txt").symlink_to(link)
    return _extract(c, link), str(link), "point the link at the file itself"


def extract_empty(c: Case):
    path = c.tmp / "empty.txt"
    path.write_bytes(b"")
    return _extract(c, path), str(path), "give the file that holds the article"


def extract_binary(c: Case):
    path = c.tmp / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return _extract(c, path), str(path), "give plain text or HTML"


def extract_oversized(c: Case):
    path = c.tmp / "huge.txt"
    with open(path, "wb") as handle:  # sparse: large on paper, instant to make
        handle.truncate(3_000_000)
    return _extract(c, path), str(path), "too large"


def extract_not_utf8(c: Case):
    path = c.tmp / "latin1.txt"
    path.write_bytes(("Peru severed diplomatic relations with Mexico on Monday, the foreign minister said. " * 4
                      + "\nThe former prime minister, Betssy Ch\xe1vez, is in the embassy in Lima.\n").encode("latin-1"))
    return _extract(c, path), f"{path}:2", "save the article as UTF-8"


def review_claims_file_with_nul(c: Case):
    bundle = c.tmp / "extracted"
    (bundle / "claims").mkdir(parents=True)
    (bundle / "sources.yaml").write_text("[]\n", encoding="utf-8")
    path = bundle / "claims" / "article.yaml"
    path.write_bytes(b"extraction: extracted\nsource: article\nclaims:\n- event: x\x00\n")
    from diplograph.graph.project import init_project

    init_project(c.tmp / "project")
    return (["review", str(path), "--accept", "all", "--corpus", str(c.tmp / "project" / "corpus")],
            f"{path}:4", "delete it")


ROWS = [
    yaml_broken, yaml_nul_byte, yaml_not_utf8, source_unknown_key, source_wrong_type, source_bad_date,
    source_url_with_space, source_duplicate_id, source_bad_sha256, entity_duplicate_id, entity_dangling_reference,
    entity_bad_wikidata_id, entity_bad_country_code, claim_dangling_entity, claim_evidence_not_in_text,
    claim_quote_with_markup, claim_impossible_date, claim_unknown_event_type, claim_unknown_key,
    claim_unknown_source, claim_without_kind, claim_dangling_event,
    text_missing, text_not_utf8, text_checksum_mismatch, text_is_a_fifo,
    param_bad_date, param_unknown, param_bad_format, param_not_utf8, param_unknown_option, param_unknown_query,
    param_bad_published_date, param_query_file_is_a_device,
    http_bad_syntax, http_unknown_stored_query, http_bad_parameter, http_unknown_parameter,
    extract_directory_without_articles, extract_fifo, extract_dev_zero, extract_folder_holding_a_fifo,
    extract_folder_holding_a_device_link, extract_symlink_loop, extract_empty, extract_binary, extract_oversized,
    extract_not_utf8, review_claims_file_with_nul,
]


@dataclass
class Outcome:
    tmp: Path
    command: list | str
    where: str
    fix: str
    status: int | None = None
    message: str = ""


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, store, before, texts_dir) -> dict[str, Outcome]:
    """Every CLI row, set up and run first, two at a time (each is a second or so of Python start-up
    and corpus loading); the rows' tests then judge the answers one by one."""
    prepared = {}
    for row in ROWS:
        tmp = tmp_path_factory.mktemp(row.__name__)
        prepared[row.__name__] = Outcome(tmp, *row(Case(tmp, store, texts_dir)))

    def execute(outcome: Outcome) -> None:
        if isinstance(outcome.command, str):
            return  # HTTP: asked by the row's test, of the server fixture
        try:
            result = run(*outcome.command)
        except subprocess.TimeoutExpired:
            outcome.status, outcome.message = None, "the command did not finish within 60 s"
            return
        outcome.status = result.returncode
        outcome.message = result.stderr.decode("utf-8", "replace") + result.stdout.decode("utf-8", "replace")

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(execute, prepared.values()))
    return prepared


@pytest.mark.parametrize("row", ROWS, ids=[r.__name__ for r in ROWS])
def test_bad_input_gets_a_message_and_changes_nothing(row, request, outcomes, store, before):
    outcome = outcomes[row.__name__]
    if isinstance(outcome.command, str):  # an HTTP request to a real `diplograph serve`
        url, _ = request.getfixturevalue("server")
        try:
            NO_PROXY.open(url + outcome.command.removeprefix("GET "), timeout=30)
            pytest.fail(f"{outcome.command} was answered 200")
        except urllib.error.HTTPError as exc:
            outcome.status, outcome.message = exc.code, exc.read().decode("utf-8")
        expected = 404 if row is http_unknown_stored_query else 400
    else:
        expected = 2
    message = outcome.message
    assert outcome.status == expected, message
    assert "Traceback" not in message
    assert outcome.where in message, f"the message does not say where ({outcome.where!r}):\n{message}"
    assert outcome.fix in message, f"the message does not say how to fix it ({outcome.fix!r}):\n{message}"
    assert quads(store) == before, "a failed command changed the store"
    assert not (outcome.tmp / "out").exists(), "a refused extraction wrote files"


def test_the_table_covers_enough_kinds():
    assert len(ROWS) >= 25
    kinds = {r.__name__.split("_")[0] for r in ROWS}
    assert kinds >= {"yaml", "source", "entity", "claim", "text", "param", "http", "extract"}


def test_allow_missing_texts_builds_with_a_warning(tmp_path, texts_dir):
    texts = tmp_path / "texts [bold]:x:[/]"  # a warning shows the path as it is: no markup, no emoji codes
    shutil.copytree(texts_dir, texts)
    (texts / TEXT_004).unlink()
    store = tmp_path / "store"
    result = run("build", "--texts", str(texts), "--store", str(store), "--no-validate", "--allow-missing-texts")
    assert result.returncode == 0, result.stderr.decode()
    assert f"004-cec08df9c9a3c1c3 not found at {texts / TEXT_004}" in result.stderr.decode()
    assert "texts verified │ 4" in result.stdout.decode()


def test_review_help_shows_the_keys_as_written():
    result = run("review", "--help")
    assert result.returncode == 0
    assert "[a]ccept, [r]eject," in result.stdout.decode()


def test_extract_hint_names_the_claims_file(tmp_path):
    out = tmp_path / "extracted"
    result = run("extract", str(ROOT / "examples" / "ecuador-nicaragua.txt"), "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    hints = [line.removeprefix("review with: diplograph review ") for line in result.stdout.decode().splitlines()
             if line.startswith("review with: ")]
    assert hints and all(Path(h).is_file() and Path(h).parent == out / "claims" for h in hints), result.stdout
