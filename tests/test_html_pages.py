"""Real-looking news pages (tests/fixtures/pages, our own article text in CMS markup): the story's
paragraphs and its publication date come out of the page, the boilerplate stays out, and the
events found on a page are those found on the same story given as plain text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import extract, parse_article
from diplograph.loaders.extract.html_page import (
    json_ld_date,
    labelled_date,
    story_paragraphs,
)

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))

#: pages where a line of boilerplate the reader cannot tell from prose still comes through
#: (a print-edition footnote, a video's description, a photo caption and a subscribe box, a
#: newsletter promo): the story is all there, with one or two lines more
KNOWN_EXTRA = {"magazine_pullquote", "recommended_inline", "regional_ads", "wire_service"}


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", text).strip()


def page(name: str):
    expected = yaml.safe_load((PAGES / f"{name}.yaml").read_text(encoding="utf-8"))
    article = parse_article((PAGES / f"{name}.html").read_bytes())
    lines = [normal(line) for line in article.text.split("\n")]
    if lines and lines[0] == normal(expected["headline"]):
        lines = lines[1:]   # the title line the reader puts first
    return article, lines, expected


def test_there_are_ten_to_twelve_pages_each_with_its_expectation():
    assert 10 <= len(NAMES) <= 12
    assert all((PAGES / f"{name}.yaml").exists() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_page_yields_every_paragraph_of_the_story_in_order(name):
    _, lines, expected = page(name)
    wanted = [normal(p) for p in expected["paragraphs"]]
    found = [line for line in lines if line in wanted]
    assert found == wanted


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="a boilerplate line"))
                                  if n in KNOWN_EXTRA else n for n in NAMES])
def test_the_page_yields_the_story_and_nothing_else(name):
    _, lines, expected = page(name)
    assert lines == [normal(p) for p in expected["paragraphs"]]


@pytest.mark.parametrize("name", NAMES)
def test_the_page_is_dated_by_its_first_publication(name):
    article, _, expected = page(name)
    assert article.published == str(expected["published"])
    assert article.published_basis.startswith("the page's")


REGISTRY = load_corpus(ROOT / "corpus", texts=None).entities


def found_events(article) -> set:
    return {(e.type, tuple(e.agent), tuple(e.target), str(e.fields.get("date")), tuple(e.evidence))
            for e in extract(article, REGISTRY, "page").events}


@pytest.mark.parametrize("name", ["drupal_related", "wire_service", "guardian_like"])
def test_a_page_yields_the_events_of_its_story_as_plain_text(name):
    article, _, expected = page(name)
    plain = "\n".join([expected["headline"], *expected["paragraphs"]]) + "\n"
    as_text = parse_article(plain.encode("utf-8"), published=article.published)
    events = found_events(article)
    assert events and events == found_events(as_text)


# --- the mechanisms, on passages of our own ----------------------------------------------------

STORY = ("The two foreign ministers met in the capital on Friday and agreed to reopen their embassies, "
         "which have been closed since the dispute over fishing rights began last year.")


def test_a_paragraph_mostly_of_link_text_is_no_story():
    link = "Fishing dispute: what the two governments have said so far"
    kept = story_paragraphs([(STORY, 0), (f"See also: {link}.", len(link))], None)
    assert kept == [STORY]
    assert story_paragraphs([(STORY, 0), ("Both embassies will reopen on Monday, the ministers said.", 10)], None) \
        == [STORY, "Both embassies will reopen on Monday, the ministers said."]


def test_a_shorter_paragraph_repeating_a_longer_one_is_a_pull_quote():
    quote = "\u201cWe agreed to reopen our embassies, which have been closed since the dispute began.\u201d"
    assert story_paragraphs([(STORY, 0), (quote, 0)], None) == [STORY]
    other = "The ministers did not say when ambassadors would be named to the two posts."
    assert story_paragraphs([(STORY, 0), (other, 0)], None) == [STORY, other]


def test_a_headline_and_a_label_are_no_paragraphs_but_a_short_sentence_is():
    lines = [("Ministers agree to reopen embassies", 0), (STORY, 0), ("Posted: Friday, 6 March 2026 9:12 am", 0),
             ("Nobody objected.", 0)]
    assert story_paragraphs(lines, "Ministers agree to reopen embassies") == [STORY, "Nobody objected."]


def test_the_json_ld_date_is_the_story_s_not_a_related_item_s():
    body = ('{"@graph": [{"@type": "ItemList", "itemListElement": [{"item": {"@type": "NewsArticle", '
            '"datePublished": "2026-01-02"}}]}, {"@type": "NewsArticle", "datePublished": "2026-02-03"}]}')
    assert json_ld_date(body) == "2026-02-03"
    assert json_ld_date('{"@type": "NewsArticle", "hasPart": {"datePublished": "2026-01-02"}}') == "2026-01-02"


def test_a_published_label_dates_the_page_but_a_sentence_about_publishing_does_not():
    assert labelled_date("Posted: Tuesday, February 3, 2026 4:15 pm") == "2026-02-03"
    assert labelled_date("Published On 11 Oct 2026") == "2026-10-11"
    assert labelled_date("Published reports on 3 February 2026 said the envoy had left.") is None
    assert labelled_date("Updated: 9:31 am, Thu Feb 5, 2026.") is None


def test_a_page_trafilatura_finds_no_story_in_is_read_by_its_paragraphs():
    """A press release laid out in a table: trafilatura (tables left out) finds nothing, the
    page's own <p> blocks are the story."""
    paragraphs = ["The foreign ministry said on Tuesday that it had expelled the ambassador of the neighbouring country.",
                  "It also recalled its own envoy for consultations, in a dispute over the asylum granted to a minister.",
                  "The neighbouring government called the decision regrettable and said it would reply in kind."]
    html = ("<html><head><title>Press release</title></head><body><table><tr><td>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td></tr></table></body></html>")
    assert parse_article(html.encode()).text.split("\n") == ["Press release", *paragraphs]
