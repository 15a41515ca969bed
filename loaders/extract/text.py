"""Article input: plain text or HTML → text + metadata, refusing what cannot be an English article.

Everything here is offline and deterministic.  HTML is read with the standard library's parser:
the main text is the ``<article>`` element's paragraphs (else all paragraphs outside navigation,
headers, footers, asides, scripts and styles); title, publisher and publication date come from
``<title>`` and the usual ``<meta>`` tags (Open Graph, article:published_time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..files import FileRefused, decode_utf8, read_regular_file

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
    _check_english(article.text, where)
    if published:
        article.published, article.published_basis = published, "given with --published"
    elif article.published is None:
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


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATELINE = re.compile(rf"\b({_MONTHS})\.? (\d{{1,2}}), (\d{{4}})\b")


def _dateline(text: str) -> tuple[str | None, str | None]:
    """A full date in the first two lines (a dateline or byline), else unknown."""
    head = "\n".join(text.split("\n")[:3])[:400]
    m = _DATELINE.search(head)
    if not m:
        return None, None
    from ..dates import resolve

    return resolve(m.group(0)).value, f"the dateline: {m.group(0)!r}"


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

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or ""
            if key and attrs.get("content"):
                self.meta[key.lower()] = attrs["content"]
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
        if self.in_title:
            self.title += data
        elif self.block is not None and not self.skip:
            self.block.append(data)


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
    published = meta.get("article:published_time") or meta.get("date") or meta.get("dc.date")
    value = basis = None
    if published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        value, basis = published[:10], "the page's published-time metadata"
    return Article(path, text, title=title, publisher=meta.get("og:site_name"), published=value,
                   published_basis=basis, url=meta.get("og:url"))
