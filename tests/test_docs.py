"""The ontology documentation site (graph/docs.py).

One site is generated per module; the tests read it: every term has its anchor and
definition, the PLOVER / CAMEO codes are in the class sections and in the code table, the
inline SVG diagram is well-formed and its layout has no overlaps, the HTML parses with
balanced tags, nothing is fetched from the network, a second run (in another process, with
another hash seed) is byte-identical, and, when Chromium is installed, the page renders.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from diplograph.graph.docs import write_docs
from diplograph.graph.docs_diagram import diagram_layout, layout_problems
from diplograph.graph.docs_ontology import Ontology
from diplograph.ontology import DG, ONTOLOGY_TTL, TERMS
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parents[1]  # the repository

SVG = "{http://www.w3.org/2000/svg}"
CORE = (
    "Source", "Claim", "Mention", "Event", "State", "Person", "Post", "Tenure",
    "DiplomaticMission", "LegalInstrument", "Provision", "DateValue",
)
#: Elements whose start and end tags must balance (void and SVG leaf elements are left out).
BALANCED = {
    "html", "head", "body", "header", "main", "footer", "nav", "section", "figure", "figcaption",
    "h1", "h2", "h3", "p", "a", "code", "span", "strong", "table", "thead", "tbody", "tr", "th",
    "td", "ul", "ol", "li", "dl", "dt", "dd", "style", "title", "svg", "g", "text", "defs", "marker",
}
VOID = {"meta", "link", "br", "hr", "img", "input"}
#: Tags that separate words in the rendered text (table cells, list items, lines).
BREAKS = {"th", "td", "tr", "li", "p", "br", "h3", "dt", "dd", "table", "ul"}


class Page(HTMLParser):
    """Collects parse problems, ids, the text of each term section and tags with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.section_text: dict[str, list[str]] = {}
        self._open: list[tuple[str, int]] = []  # (section id, depth at which it opened)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"] or "")
        if tag in BREAKS:
            self.handle_data(" ")
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "section" and "term" in (a.get("class") or ""):
            self._open.append((a["id"] or "", len(self.stack)))
            self.section_text[a["id"] or ""] = []

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"] or "")

    def handle_endtag(self, tag):
        if tag in BREAKS:
            self.handle_data(" ")
        if tag in VOID:
            self.problems.append(f"end tag for void element <{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            if tag in BALANCED or (self.stack and self.stack[-1] in BALANCED):
                self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack and self.stack[-1] != tag:
                    self.stack.pop()
        if self.stack:
            self.stack.pop()
        while self._open and self._open[-1][1] > len(self.stack):
            self._open.pop()

    def handle_data(self, data):
        for sid, _ in self._open:
            self.section_text[sid].append(data)

    def text_of(self, sid: str) -> str:
        return norm("".join(self.section_text.get(sid, [])))


def norm(text: str) -> str:
    return " ".join(text.replace("`", "").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    index = write_docs(out)
    assert index == out / "index.html"
    return out


@pytest.fixture(scope="module")
def page(site) -> Page:
    parser = Page()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def html_text(site) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ont() -> Ontology:
    return Ontology(ONTOLOGY_TTL)


def test_every_term_has_an_anchor_and_its_definition(page, ont):
    missing = []
    for name in sorted(TERMS):
        if name not in page.section_text:
            missing.append(f"{name}: no section")
            continue
        text = page.text_of(name)
        definitions = ont.texts(URIRef(DG + name), SKOS.definition)
        assert definitions, name
        for d in definitions:
            if norm(d) not in text:
                missing.append(f"{name}: definition not shown")
        if f"dg:{name}" not in text or (DG + name) not in text:
            missing.append(f"{name}: CURIE or IRI not shown")
    assert not missing, missing
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"


def test_class_and_property_sections_say_what_they_should(page):
    state = page.text_of("State")
    assert "Superclasses dg:Actor, schema:Country" in state
    assert "close match wd:Q3624078" in state
    assert "Disjoint with" in state and "dg:Person" in state
    assert "In range of dg:agentState, dg:otherState, dg:partyState, dg:receivingState, dg:sendingState" in state
    event = page.text_of("Event")
    assert "dg:AsylumEvent" in event and "In domain of" in event and "dg:agent" in event
    agent = page.text_of("agent")
    assert "Domain dg:Event" in agent and "Range dg:Actor" in agent and "sem:hasActor" in agent
    assert "Single valued yes" in agent and "diplograph conflicts" in agent
    assert "Single valued no" in page.text_of("legalBasis")
    assert "(dg:LegalInstrument or dg:Provision)" in page.text_of("legalBasis")
    assert "Characteristics functional" in page.text_of("holder")
    assert "close match wdt:P1595" in page.text_of("charge")


def codes_row(html_text: str, name: str) -> list[str]:
    table = html_text.split('<section id="sec-codes">', 1)[1].split("</section>", 1)[0]
    rows = [r for r in table.split("<tr>") if f'href="#{name}"' in r.split("</td>", 1)[0]]
    assert len(rows) == 1, name
    return [norm(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", rows[0])]


@pytest.mark.parametrize(("name", "plover", "cameo"), [("AsylumGrant", "AID", "075"), ("SeveranceOfRelations", "SANCTION", "161")])
def test_plover_and_cameo_codes(page, html_text, site, name, plover, cameo):
    text = page.text_of(name)
    assert f"PLOVER type {plover}" in text
    assert f"CAMEO code {cameo}" in text
    cells = codes_row(html_text, name)
    assert cells[0] == f"dg:{name}" and cells[2] == plover and cells[5] == cameo
    with open(site / "event-codes.csv", newline="", encoding="utf-8") as f:
        rows = {r["class"]: r for r in csv.DictReader(f)}
    assert rows[f"dg:{name}"]["plover_event_type"] == plover
    assert rows[f"dg:{name}"]["cameo_code"] == cameo


def test_code_table_has_every_event_class(html_text):
    from diplograph.ontology import EVENT_CLASSES

    for name in EVENT_CLASSES:
        assert codes_row(html_text, name)[2], name  # every event class has a PLOVER type


def test_svg_is_well_formed_and_shows_the_core_model(html_text, site):
    inline = re.search(r"<svg\b.*?</svg>", html_text, re.DOTALL)
    assert inline
    for source in (inline.group(0), (site / "diagram.svg").read_text(encoding="utf-8")):
        root = ET.fromstring(source)
        assert root.tag == SVG + "svg"
        texts = {t.text for t in root.iter(SVG + "text")}
        for name in CORE + ("AsylumGrant", "SeveranceOfRelations"):
            assert f"dg:{name}" in texts, name
        for prop in ("rdf:subject", "dg:source", "dg:evidence", "dg:inSource", "dg:agent", "dg:target",
                     "dg:place", "dg:onDate", "dg:legalBasis", "dg:partOf", "dg:holder", "dg:post",
                     "dg:heldAt", "dg:sendingState", "dg:receivingState"):
            assert prop in texts, prop
        links = {a.get("href") for a in root.iter(SVG + "a")}
        assert {f"#{name}" for name in CORE} <= links


def test_diagram_layout_is_legible(ont):
    assert layout_problems(diagram_layout(ont)) == []


def test_html_parses_with_balanced_tags(page):
    assert page.problems == []
    assert page.stack == []


def test_self_contained(page, html_text):
    for tag, attrs in page.tags:
        if tag in ("script", "link", "img", "iframe", "embed", "object", "source"):
            for key in ("src", "href", "data"):
                value = attrs.get(key) or ""
                assert not re.match(r"\s*(https?:)?//", value, re.IGNORECASE), (tag, value)
    assert not any(tag == "script" for tag, _ in page.tags)
    style = re.search(r"<style>(.*?)</style>", html_text, re.DOTALL).group(1)
    assert "@import" not in style and "url(" not in style


def test_downloads_are_the_ontology(site):
    assert (site / "diplograph.ttl").read_bytes() == ONTOLOGY_TTL.read_bytes()
    nt = Graph().parse(site / "diplograph.nt", format="nt")
    assert isomorphic(nt, Graph().parse(ONTOLOGY_TTL, format="turtle"))


def test_text_is_escaped(tmp_path):
    bad = '<script>alert("x")</script> & <b>'
    ttl = tmp_path / "o.ttl"
    ttl.write_text(ONTOLOGY_TTL.read_text(encoding="utf-8")
                   + f'\ndg:Actor rdfs:comment "{bad.replace(chr(34), chr(92) + chr(34))}"@en .\n', encoding="utf-8")
    text = write_docs(tmp_path / "out", ttl).read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in text


def test_output_is_deterministic(site, tmp_path):
    """A second run in a fresh process with another hash seed writes the same bytes."""
    other = tmp_path / "again"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "diplograph.graph.docs", str(other)], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=60)
    names = sorted(p.name for p in site.iterdir())
    assert names == sorted(p.name for p in other.iterdir())
    for name in names:
        assert (site / name).read_bytes() == (other / name).read_bytes(), name


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_renders_in_chromium(site, tmp_path):
    shot = tmp_path / "index.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1280,2000", (site / "index.html").resolve().as_uri()],
        capture_output=True, check=False, timeout=90,
    )
    data = shot.read_bytes() if shot.exists() else b""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "no PNG screenshot"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes



def test_one_stylesheet_shared_with_the_server(html_text):
    """The page inlines the project's one stylesheet, the file the server's pages link to."""
    shared = (ROOT / "graph" / "web" / "static" / "diplograph.css").read_text(encoding="utf-8")
    style = re.search(r"<style>\n(.*?)</style>", html_text, re.DOTALL).group(1)
    assert style == shared
    assert '<body class="docs">' in html_text and "body.docs{" in shared
