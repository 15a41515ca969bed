"""The publication date read without a flag: a page's metadata, a 'Published:' line, a dateline."""

from __future__ import annotations

import pytest
from diplograph.loaders.extract.text import date_value, parse_article

PROSE = ("The foreign ministry said on Tuesday that it had expelled the ambassador of the neighbouring "
         "country and recalled its own envoy for consultations, the latest step in a dispute that began "
         "when the embassy granted asylum to a former minister.")


def page(head: str, body: str = "") -> bytes:
    return (f"<!doctype html><html><head><title>Envoy expelled</title>{head}</head>"
            f"<body><article>{body}<p>{PROSE}</p><p>{PROSE}</p></article></body></html>").encode()


@pytest.mark.parametrize("head,body,expected", [
    ('<meta property="article:published_time" content="2025-11-06T14:03:00-05:00">', "", "2025-11-06"),
    (('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
     '"headline": "x", "datePublished": "2024-04-12T09:00:00Z"}]}</script>'), "", "2024-04-12"),
    ('<meta name="date" content="2019-04-11">', "", "2019-04-11"),
    ('<meta itemprop="datePublished" content="2021-02-25">', "", "2021-02-25"),
    ('<meta name="DC.date.issued" content="Thu, 25 Feb 2021 10:00:00 GMT">', "", "2021-02-25"),
    ("", '<p class="byline">By A. Writer <time datetime="2023-09-19T08:00">19 Sept</time></p>', "2023-09-19"),
])
def test_html_metadata(head, body, expected):
    article = parse_article(page(head, body))
    assert article.published == expected and article.published_basis.startswith("the page's")


def test_json_ld_wins_over_a_later_time_tag_and_the_flag_wins_over_both():
    html = page('<script type="application/ld+json">{"datePublished": "2024-04-12"}</script>',
                '<p><time datetime="2024-05-01">1 May</time></p>')
    assert parse_article(html).published == "2024-04-12"
    flagged = parse_article(html, published="2024-04-13")
    assert flagged.published == "2024-04-13" and "--published" in flagged.published_basis


def test_a_json_ld_block_is_not_article_text():
    html = page('<script type="application/ld+json">{"datePublished": "2024-04-12", "headline": "SECRET"}</script>')
    assert "SECRET" not in parse_article(html).text


@pytest.mark.parametrize("line,expected", [
    ("Published: 6 November 2025", "2025-11-06"),
    ("Published on Nov. 6, 2025", "2025-11-06"),
    ("Date: 2025-11-06", "2025-11-06"),
    ("Published: Thursday 6 November 2025 14:03 GMT", "2025-11-06"),
    ("Publication date: March 2024", "2024-03"),
])
def test_a_published_line_in_a_text(line, expected):
    article = parse_article(f"Envoy expelled\n{line}\n\n{PROSE}\n".encode())
    assert article.published == expected and line in article.published_basis


def test_no_date_stays_unknown():
    article = parse_article(f"Envoy expelled\n\n{PROSE}\n".encode())
    assert article.published is None


@pytest.mark.parametrize("raw,expected", [
    ("2025-11-06T23:30:00-05:00", "2025-11-06"), ("2025-02-30", None), ("yesterday", None),
    ("November 6, 2025", "2025-11-06"), ("Thu, 06 Nov 2025 14:03:00 +0000", "2025-11-06"),
])
def test_date_values(raw, expected):
    assert date_value(raw) == expected
