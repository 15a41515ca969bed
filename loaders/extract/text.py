"""Article input: plain text or HTML → text + metadata, refusing what cannot be an English article.

Everything here is offline and deterministic.  HTML is read by ``html_page.py``: the story's
paragraphs by trafilatura, cut to what reads as the story (no teaser cards, link lines, headlines,
labels or pull quotes), with the page's ``<p>`` blocks as the fallback where trafilatura finds no
story; title, publisher and publication date come from ``<title>``, the usual ``<meta>`` tags
(Open Graph, article:published_time) and the story's own JSON-LD item.

The publication date is read without a flag (``--published`` overrides it): from a page's
metadata (JSON-LD ``datePublished``, ``article:published_time``, ``itemprop="datePublished"``,
``<meta name="date">`` and kin, a visible "Published:"/"Posted:" label, the first
``<time datetime>``), from a ``Published:`` line near the top of a text, else from a dateline.
"""

from __future__ import annotations

import email.utils
import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..files import FileRefused, decode_utf8, read_regular_file
from .html_page import declared_charset, looks_like_html, read_html
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
    #: the page says the story is for subscribers: its text may be only the story's start
    truncated: bool = False


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
    raw = decoded_text(data, path)
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in raw)
    if printable / len(raw) < 0.95:
        raise ExtractionInputError(f"{where}the text is garbled: {100 - 100 * printable / len(raw):.0f}% control characters "
                                   "(save the article as plain UTF-8 text)")
    if looks_like_html(raw):
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


def decoded_text(data: bytes, path: Path | None = None) -> str:
    """The file's text: UTF-8; else the charset an HTML page declares in its <meta> (an old page,
    or one saved by a browser, in Windows-1252 or Shift JIS)."""
    if b"\x00" in data[:8192]:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        where = f"{path}:{line}: " if path else f"line {line}: "
        raise ExtractionInputError(f"{where}this is a binary file, not an article (give plain text or HTML)")
    try:
        return decode_utf8(data, bom=True)
    except FileRefused as exc:
        where = f"{path}:{exc.line}: " if path else f"line {exc.line}: "
        charset = declared_charset(data)
        if charset in (None, "utf-8"):
            raise ExtractionInputError(f"{where}{exc.message} (binary or garbled; save the article as UTF-8)") from None
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        where = f"{path}:{line}: " if path else f"line {line}: "
        raise ExtractionInputError(f"{where}byte 0x{data[exc.start]:02x} is not {charset}, the charset the page's "
                                   "<meta> declares (binary or garbled; save the article as UTF-8)") from None


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

    for offset, line in opening_lines(text, lines):
        for start, end in find_date_phrases(line) if _YEAR.search(line) else ():  # a full date has a year
            if date_kind(line[start:end]) != "day":
                continue
            rest = line[:start] + line[end:]
            if (len(rest.split()) <= 5 and not rest.rstrip().endswith(".")) or \
                    re.match(r"\s*(?:\([^)]{0,30}\)\s*)?[-–—]", line[end:]):
                return resolve(line[start:end]).value, offset + start, offset + end
    return None


def opening_lines(text: str, lines: int = 4, chars: int = 1000) -> Iterator[tuple[int, str]]:
    """(offset, line) of the first ``lines`` non-empty lines, none starting past ``chars``: where a
    dateline or a byline stands."""
    offset, seen = 0, 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
            yield offset, line
        if seen >= lines or offset > chars:
            return
        offset += len(line) + 1


_YEAR = re.compile(r"\d{4}")


def _from_html(raw: str, path: Path | None) -> Article:
    page = read_html(raw, MIN_CHARS)
    text = "\n".join(([page.title] if page.title else []) + page.paragraphs)
    return Article(path, text, title=page.title, publisher=page.publisher, published=page.published,
                   published_basis=page.published_basis, url=page.url, truncated=page.truncated)
