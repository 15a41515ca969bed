"""Article input: plain text or HTML → text + metadata, refusing what cannot be an English article.

Everything here is offline and deterministic.  HTML is read with the standard library's parser:
the main text is the ``<article>`` element's paragraphs (else all paragraphs outside navigation,
headers, footers, asides, scripts and styles); title, publisher and publication date come from
``<title>`` and the usual ``<meta>`` tags (Open Graph, article:published_time).

The publication date is read without a flag (``--published`` overrides it): from a page's
metadata (JSON-LD ``datePublished``, ``article:published_time``, ``itemprop="datePublished"``,
``<meta name="date">`` and kin, the first ``<time datetime>``), from a ``Published:`` line near
the top of a text, else from a dateline.
"""

from __future__ import annotations

import email.utils
import functools
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..files import FileRefused, decode_utf8, read_regular_file
from .language import LANGUAGE_ENV

MAX_BYTES = 2_000_000  # a news article is tens of kilobytes; a 2 MB "article" is something else
MIN_CHARS = 200

ENGLISH = {"the", "of", "and", "to", "in", "a", "is", "was", "that", "for", "on", "with", "as", "by", "his",
           "her", "it", "said", "has", "have", "from", "at", "which", "were", "be", "an", "its", "who"}
OTHER = {"de", "la", "que", "el", "los", "las", "en", "del", "por", "una", "le", "les", "des", "du", "et",
         "est", "der", "die", "und", "das", "nicht", "ist", "não", "uma", "com", "para", "il", "di", "che"}


class ExtractionInputError(ValueError):
    """The input cannot be read as an English news article; the message says why."""


@dataclass
class Article:
    path: Path | None
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None      # ISO date of the precision known
    published_basis: str | None = None
    url: str | None = None


def read_article(path: str | Path, *, published: str | None = None) -> Article:
    """Read a .txt or .html article; raise ExtractionInputError for empty, binary, garbled,
    non-English, oversized or text-less input."""
    path = Path(path)
    try:  # stat first: a directory, FIFO or device is refused before it is opened
        data = read_regular_file(path, MAX_BYTES)
    except FileRefused as exc:
        raise ExtractionInputError(f"{path}: {exc.message} ({exc.hint})") from None
    return parse_article(data, path=path, published=published)


def parse_article(data: bytes, *, path: Path | None = None, published: str | None = None) -> Article:
    where = f"{path}: " if path else ""
    if not data.strip():
        raise ExtractionInputError(f"{where}the file is empty (give the file that holds the article's text)")
    if b"\x00" in data[:8192]:
        raise ExtractionInputError(f"{where}this is a binary file, not an article (give plain text or HTML)")
    try:
        raw = decode_utf8(data, bom=True)
    except FileRefused as exc:
        where = f"{path}:{exc.line}: " if path else f"line {exc.line}: "
        raise ExtractionInputError(f"{where}{exc.message} (binary or garbled; save the article as UTF-8)") from None
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in raw)
    if printable / len(raw) < 0.95:
        raise ExtractionInputError(f"{where}the text is garbled: {100 - 100 * printable / len(raw):.0f}% control characters "
                                   "(save the article as plain UTF-8 text)")
    if _looks_like_html(raw):
        article = _from_html(raw, path)
        if len(article.text) < MIN_CHARS:
            raise ExtractionInputError(f"{where}this HTML page holds no article text: no paragraphs of prose found "
                                       "(save the article's own page, or its text as .txt)")
    else:
        article = Article(path, _normalise(raw))
        first = article.text.split("\n", 1)[0].strip()
        if first and len(first) < 200 and not first.endswith("."):
            article.title = first
    if len(article.text.split()) < 20:
        raise ExtractionInputError(f"{where}too short to be an article: {len(article.text.split())} words (give the whole article)")
    if (os.environ.get(LANGUAGE_ENV) or "en").strip().lower() == "en":  # another language: its own pipeline reads it
        _check_english(article.text, where)
    if published:
        article.published, article.published_basis = published, "given with --published"
    elif article.published is None:
        article.published, article.published_basis = _published_line(article.text)
    if article.published is None:
        article.published, article.published_basis = _dateline(article.text)
    return article


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return re.sub(r"[ \t]+\n", "\n", text)


def _check_english(text: str, where: str) -> None:
    words = re.findall(r"[a-záéíóúñãõçàèü]+", text.lower())
    english = sum(w in ENGLISH for w in words)
    other = sum(w in OTHER for w in words)
    if words and (english / len(words) < 0.08 or other > english):
        raise ExtractionInputError(f"{where}this does not look like English (diplograph's rules read English news: give an English article)")




#: "Published: 6 November 2025", "Date: 2025-11-06", "Published on Nov. 6, 2025" near the top
PUBLISHED_LINE = re.compile(r"^[ \t]*(?:published(?:\s+on)?|publication\s+date|date\s+published|posted(?:\s+on)?|date)\s*[:\-–—]?\s*(?P<date>[^\n]{4,60}?)\s*$",
                            re.IGNORECASE | re.MULTILINE)


def _published_line(text: str) -> tuple[str | None, str | None]:
    head = "\n".join(text.split("\n")[:12])
    for m in PUBLISHED_LINE.finditer(head):
        value = date_value(m.group("date"))
        if value:
            return value, f"the text's line {m.group(0).strip()!r}"
    return None, None


def date_value(raw: str) -> str | None:
    """An ISO date (of the precision given) from a metadata or byline value: ISO 8601 with or
    without a time ('2025-11-06T14:03:00-05:00' is 6 November where it was written), an RFC 2822
    date, or words ('November 6, 2025', 'Thursday 6 November 2025 14:03 GMT')."""
    from ..dates import DateError, check_iso, date_kind, resolve

    raw = raw.strip()
    iso = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])", raw)
    if iso:
        value = "-".join(p for p in iso.groups() if p)
        try:
            return check_iso(value)
        except DateError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
        return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    words = re.sub(r"\s*(?:\||·|,)?\s*\d{1,2}[:.]\d{2}.*$", "", raw)  # a time after the date
    words = re.sub(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?=\d)", "", words)
    if date_kind(words) in ("day", "month", "year"):
        return resolve(words).value
    return None


def _dateline(text: str) -> tuple[str | None, str | None]:
    """The date of the article's dateline or byline, else unknown."""
    found = dateline(text)
    if found is None:
        return None, None
    value, start, end = found
    return value, f"the dateline: {text[start:end]!r}"


@functools.lru_cache(maxsize=8)   # read by the parse, the reader, the timeline and the speakers of one article
def dateline(text: str, lines: int = 4) -> tuple[str, int, int] | None:
    """(ISO value, start, end) of a full date in the first non-empty lines that stands on a line
    of its own ("By A. Writer | 3 June 2025", "LIMA, June 3, 2025") or before the dash of a
    dateline ("LIMA, June 3, 2025 (Wire) —"); a date inside the lead's prose is none."""
    from ..dates import date_kind, find_date_phrases, resolve

    offset, seen = 0, 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
            for start, end in find_date_phrases(line) if _YEAR.search(line) else ():  # a full date has a year
                if date_kind(line[start:end]) != "day":
                    continue
                rest = line[:start] + line[end:]
                if (len(rest.split()) <= 5 and not rest.rstrip().endswith(".")) or \
                        re.match(r"\s*(?:\([^)]{0,30}\)\s*)?[-–—]", line[end:]):
                    return resolve(line[start:end]).value, offset + start, offset + end
        if seen >= lines or offset > 1000:
            return None
        offset += len(line) + 1
    return None


_YEAR = re.compile(r"\d{4}")


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return head.lstrip().startswith("<") and any(tag in head for tag in ("<html", "<body", "<p", "<!doctype", "<article", "<div"))


class _Html(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure", "svg"}
    BLOCK = {"p", "h1", "h2", "h3", "li", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.in_title = False
        self.skip = 0
        self.in_article = 0
        self.block: list[str] | None = None
        self.blocks: list[tuple[bool, str]] = []  # (inside <article>, text)
        self.time_datetime: str | None = None      # the first <time datetime="...">
        self.json_ld: list[str] = []                # <script type="application/ld+json"> bodies
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            if key and attrs.get("content"):
                self.meta.setdefault(key.lower(), attrs["content"])
        elif tag == "time" and attrs.get("datetime") and not self.time_datetime:
            self.time_datetime = attrs["datetime"]
        elif tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            self.json_ld.append("")
            self.in_json_ld = True
            self.skip += 1  # its text is data, not prose
        elif tag == "title":
            self.in_title = True
        elif tag in self.SKIP:
            self.skip += 1
        elif tag == "article":
            self.in_article += 1
        elif tag in self.BLOCK and not self.skip:
            self.block = []
        elif tag == "br" and self.block is not None:
            self.block.append(" ")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_json_ld = False
        if tag == "title":
            self.in_title = False
        elif tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag == "article" and self.in_article:
            self.in_article -= 1
        elif tag in self.BLOCK and self.block is not None:
            text = re.sub(r"\s+", " ", "".join(self.block)).strip()
            if text:
                self.blocks.append((self.in_article > 0, text))
            self.block = None

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld[-1] += data
        elif self.in_title:
            self.title += data
        elif self.block is not None and not self.skip:
            self.block.append(data)


#: metadata that states a page's publication date, most specific first
PUBLISHED_META = ("article:published_time", "datepublished", "og:published_time", "og:article:published_time",
                  "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date",
                  "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date")


def _html_published(parser: _Html) -> tuple[str | None, str | None]:
    for body in parser.json_ld:
        for found in _json_ld_dates(body):
            value = date_value(found)
            if value:
                return value, f"the page's JSON-LD datePublished ({found})"
    for key in PUBLISHED_META:
        value = date_value(parser.meta[key]) if key in parser.meta else None
        if value:
            return value, f"the page's <meta> {key} ({parser.meta[key]})"
    if parser.time_datetime:
        value = date_value(parser.time_datetime)
        if value:
            return value, f"the page's first <time datetime={parser.time_datetime!r}>"
    return None, None


def _json_ld_dates(body: str) -> list[str]:
    """Every datePublished in a JSON-LD block (objects, lists and @graph alike)."""
    try:
        data = json.loads(body)
    except ValueError:
        return []
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                found.append(node["datePublished"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    return found


def _from_html(raw: str, path: Path | None) -> Article:
    parser = _Html()
    parser.feed(raw)
    parser.close()
    inside = [t for a, t in parser.blocks if a]
    blocks = inside if sum(map(len, inside)) >= MIN_CHARS else [t for _, t in parser.blocks]
    prose = [t for t in blocks if len(t.split()) >= 6 or t.endswith((".", "”", '"'))]
    meta = parser.meta
    title = meta.get("og:title") or re.sub(r"\s+", " ", parser.title).strip() or None
    text = "\n".join(([title] if title else []) + prose)
    value, basis = _html_published(parser)
    return Article(path, text, title=title, publisher=meta.get("og:site_name"), published=value,
                   published_basis=basis, url=meta.get("og:url"))
