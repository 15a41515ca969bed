"""Score HTML readers on the real-looking news pages of ``tests/fixtures/pages``.

For each page, the reader's text is cut into paragraphs (one a line) and compared with the
paragraphs a person marked as the story in the page's YAML: a produced paragraph is right when it
is the same as an expected one (quotes, dashes and spacing aside; a difflib ratio of 0.9 or more,
so a stray word of a drop cap or a link does not count as a miss); the headline line is not
counted.  Precision is right produced / produced, recall is found expected / expected.  The date
is right when it is the expected publication date.  Speed is pages per second over every page,
several rounds; determinism is whether two runs give the same text and date.

Readers: ``ours`` (``diplograph``'s ``parse_article``), and where installed ``trafilatura``
(its ``extract`` with metadata, date by ``htmldate``), ``readability`` (readability-lxml's
``Document.summary``; it reads no date, so ``htmldate.find_date`` dates its pages)::

    .venv/bin/python dev/tools/html_pages.py [--reader ours,trafilatura,readability] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
SAME = 0.9


def pages() -> list[tuple[str, bytes, dict]]:
    return [(p.stem, p.read_bytes(), yaml.safe_load(p.with_suffix(".yaml").read_text(encoding="utf-8")))
            for p in sorted(PAGES.glob("*.html"))]


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", text).strip()


def score(produced: list[str], expected: dict) -> tuple[int, int, int]:
    """(right produced, produced, found expected) for one page; the headline line is not counted."""
    headline = normal(expected["headline"])
    produced = [normal(p) for p in produced if normal(p) and normal(p) != headline]
    wanted = [normal(p) for p in expected["paragraphs"]]

    def same(a: str, b: str) -> bool:
        return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME

    right = sum(any(same(p, w) for w in wanted) for p in produced)
    found = sum(any(same(p, w) for p in produced) for w in wanted)
    return right, len(produced), found


def read_ours(html: bytes) -> tuple[list[str], str | None]:
    from diplograph.loaders.extract.text import ExtractionInputError, parse_article

    try:
        article = parse_article(html)
    except ExtractionInputError:
        return [], None
    return article.text.split("\n"), article.published


def decoded(html: bytes) -> str:
    """The page's text as the reader decodes it (``text.decoded_text``: UTF-8, else the charset its
    <meta> declares), once, for the readers without their own detection; a page the reader refuses
    is no text ("")."""
    from diplograph.loaders.extract.text import ExtractionInputError, decoded_text

    try:
        return decoded_text(html)
    except ExtractionInputError:
        return ""


def read_trafilatura(html: bytes) -> tuple[list[str], str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(decoded(html), with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params={
                                          "extensive_search": True, "original_date": True})
    if doc is None:
        return [], None
    return (doc.text or "").split("\n"), doc.date


def read_readability(html: bytes) -> tuple[list[str], str | None]:
    import lxml.html
    from htmldate import find_date
    from readability import Document

    text = decoded(html)
    summary = lxml.html.fromstring(Document(text).summary(html_partial=True))
    blocks = [el.text_content() for el in summary.iter("p", "h1", "h2", "h3", "li", "blockquote", "pre")]
    return blocks, find_date(text, original_date=True, extensive_search=True)


READERS = {"ours": read_ours, "trafilatura": read_trafilatura, "readability": read_readability}


def measure(name: str, show: bool = False, rounds: int = 3) -> dict:
    read = READERS[name]
    rows, totals, dates = [], [0, 0, 0, 0], 0
    first = {}
    every = pages()
    for stem, html, expected in every:
        produced, date = read(html)
        first[stem] = (produced, date)
        right, count, found = score(produced, expected)
        ok = date == str(expected["published"])
        dates += ok
        totals = [totals[0] + right, totals[1] + count, totals[2] + found, totals[3] + len(expected["paragraphs"])]
        rows.append((stem, right, count, found, len(expected["paragraphs"]), date, ok))
        if show:
            wanted = {normal(p) for p in expected["paragraphs"]} | {normal(expected["headline"])}
            for p in produced:
                if normal(p) and normal(p) not in wanted:
                    print(f"    {name} {stem} extra: {normal(p)[:100]}")
    start = time.perf_counter()
    for _ in range(rounds):
        for _stem, html, _expected in every:
            read(html)
    speed = rounds * len(rows) / (time.perf_counter() - start)
    deterministic = all(read(html) == first[stem] for stem, html, _ in every)
    return {"rows": rows, "precision": totals[0] / max(totals[1], 1), "recall": totals[2] / max(totals[3], 1),
            "dates": dates, "pages": len(rows), "speed": speed, "deterministic": deterministic}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reader", default="ours,trafilatura,readability")
    ap.add_argument("--show", action="store_true", help="print each page's row and the paragraphs counted wrong")
    args = ap.parse_args(argv)
    print(f"{'reader':<12} {'P':>5} {'R':>5} {'dates':>6} {'pages/s':>8}  deterministic")
    for name in args.reader.split(","):
        try:
            result = measure(name, show=args.show)
        except ImportError as exc:
            print(f"{name:<12} not installed ({exc.name})")
            continue
        if args.show:
            for stem, right, count, found, wanted, date, ok in result["rows"]:
                print(f"  {stem:<20} P {right}/{count}  R {found}/{wanted}  date {date} {'ok' if ok else 'WRONG'}")
        print(f"{name:<12} {result['precision']:5.2f} {result['recall']:5.2f} "
              f"{result['dates']:>3}/{result['pages']:<2} {result['speed']:8.1f}  {result['deterministic']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
