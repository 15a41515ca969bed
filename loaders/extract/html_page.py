"""A news page's HTML → the story's paragraphs, its title and its publication date.

The story's paragraphs are found by trafilatura (a maintained main-text extractor: it scores the
page's blocks by text and link density, knows the markup of the common news CMSes, reads
paragraphs kept in ``<div>``s or split by ``<br>``, and leaves navigation, comments and most
boilerplate out), then cut to what reads as the story:

- a teaser card (an ``<article>`` whose heading is a link to another page: related stories, "most
  read", "recommended") is taken out of the page first, since trafilatura may take it for text;
  so are captions, promos, sign-up boxes, video blocks and footnotes, by their markup, and
  ``<br>`` lines and ``<pre>`` text are made paragraphs (``html_page_tree.py``);
- a paragraph mostly made of link text ("Read more: <a>…</a>", a share bar) is no story text;
- nor is a line that does not end as a sentence does (a headline, a subhead, a label, a byline);
- nor a short paragraph that repeats most of a longer one (a pull quote);
- nor a "Published:" or "Posted:" line;
- nor a note by its own words (wholly in brackets, a short "Sign up …" promo, a caption ending in
  a photo credit), nor the italic notes that close the story (a contact line, a print-edition note).

Where trafilatura finds no story, the story's JSON-LD ``articleBody`` is read (a page whose body a
script draws); where there is none, the paragraphs are read as before:
``<p>/<h*>/<li>/<blockquote>`` blocks, those inside ``<article>`` first.  The metadata (title,
publisher, URL, date) is always read by the standard library's parser here: the date from the
story's own JSON-LD item (the least nested ``datePublished``: the items of a related-stories list
or a live blog's updates carry their own), the ``<meta>`` tags, a visible "Published:" or
"Posted:" label, else the story's own ``<time datetime>`` (``published_times``).  A page whose
JSON-LD says ``isAccessibleForFree: false`` is marked ``truncated``.
"""

from __future__ import annotations

import codecs
import functools
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import NamedTuple

from .html_page_tree import INLINE, SENTENCE_END

#: a paragraph whose text is at least this share link text is a link, not story text
LINK_SHARE = 0.5
#: a paragraph shorter than another that repeats this share of its word triples is a pull quote
#: of it (a pull quote is often reworded: "We cannot choose our neighbours, but…" of "Kim said
#: that the two countries could not choose their neighbours, 'but…'")
PULL_QUOTE_OVERLAP = 0.5


@dataclass
class HtmlPage:
    paragraphs: list[str]
    title: str | None
    publisher: str | None
    url: str | None
    published: str | None
    published_basis: str | None
    #: the page says the story is for subscribers (JSON-LD isAccessibleForFree false): what it
    #: shows may be only the story's start
    truncated: bool = False


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return head.lstrip().startswith("<") and any(tag in head for tag in ("<html", "<body", "<p", "<!doctype", "<article", "<div"))


#: the charset a page declares in a <meta> (<meta charset="…"> or an http-equiv Content-Type), or
#: an XHTML page in its XML declaration
META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)"
                          rb"|^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
#: the labels a browser reads as Windows-1252 (the WHATWG Encoding standard): a page that says
#: "iso-8859-1" has curly quotes in bytes 0x80-0x9f all the same
WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ascii",
                          "us-ascii", "windows-1252", "cp1252", "x-cp1252"})


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in its <meta> (None: none, or unknown)."""
    head = data[:8192]
    if not looks_like_html(head.decode("latin-1")):
        return None
    declared = META_CHARSET.search(head)
    if not declared:
        return None
    name = (declared.group(1) or declared.group(2)).decode("ascii").lower()
    if name in WINDOWS_1252:
        return "cp1252"
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not info._is_text_encoding:  # "base64", "rot13", "zlib": codecs of bytes, no charset of a page
        return None
    return None if info.name.startswith(("utf-16", "utf-32")) else info.name  # a <meta> read in ASCII cannot be UTF-16


class _Html(HTMLParser):
    SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure", "svg"})
    BLOCK = frozenset({"p", "h1", "h2", "h3", "li", "blockquote"})
    #: where a visible "Published:" label is never the page's own (other stories, menus, scripts)
    NO_LABEL = frozenset({"script", "style", "noscript", "svg", "nav", "aside", "footer", "form", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.headline: str | None = None              # the first <h1>'s text
        self.in_title = False
        self.skip = 0
        self.hidden = 0                               # inside a NO_LABEL element
        self.in_article = 0
        self.block: list[str] | None = None
        self.blocks: list[tuple[bool, str]] = []      # (inside <article>, text)
        #: each <time datetime>: (datetime, its line's text before it, inside <article>, inside a NO_LABEL element)
        self.times: list[tuple[str, str, bool, bool]] = []
        self.json_ld: list[str] = []                  # <script type="application/ld+json"> bodies
        self.in_json_ld = False
        self.line: list[str] = []
        self.lines: list[str] = []                    # the page's visible lines, for a "Published:" label

    def _end_line(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.line)).strip()
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in INLINE:  # (html_page_tree.INLINE: a label and its date stay on one line)
            self._end_line()
        if tag in self.NO_LABEL:
            self.hidden += 1
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            if key and attrs.get("content"):
                self.meta.setdefault(key.lower(), attrs["content"])
        elif tag == "time" and attrs.get("datetime"):
            self.times.append((attrs["datetime"], "" if self.hidden else "".join(self.line), self.in_article > 0,
                               self.hidden > 0))
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
        if tag not in INLINE:
            self._end_line()
        if tag in self.NO_LABEL and self.hidden:
            self.hidden -= 1
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
                if tag == "h1" and self.headline is None:
                    self.headline = text
            self.block = None

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld[-1] += data
        elif self.in_title:
            self.title += data
        else:
            if not self.hidden:
                self.line.append(data)
            if self.block is not None and not self.skip:
                self.block.append(data)


#: metadata that states a page's publication date, most specific first
PUBLISHED_META = ("article:published_time", "datepublished", "og:published_time", "og:article:published_time",
                  "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date",
                  "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date")

#: a visible label of the first publication ("Posted: Tuesday, February 3, 2026 4:15 pm", "Published On 11 Oct 2026")
PUBLISHED_LABEL = re.compile(r"^(?:first\s+)?(?:published|posted)(?:\s+on)?\s*[:\-–—]?\s*", re.IGNORECASE)


def _published(parser: _Html) -> tuple[str | None, str | None]:
    from .text import date_value

    for body in parser.json_ld:
        found = json_ld_date(body)
        value = date_value(found) if found else None
        if value:
            return value, f"the page's JSON-LD datePublished ({found})"
    for key in PUBLISHED_META:
        value = date_value(parser.meta[key]) if key in parser.meta else None
        if value:
            return value, f"the page's <meta> {key} ({parser.meta[key]})"
    for line in parser.lines:
        value = labelled_date(line)
        if value:
            return value, f"the page's line {line!r}"
    for stamp, kind in published_times(parser.times):
        value = date_value(stamp)
        if value:
            return value, f"the page's {kind} <time datetime={stamp!r}>"
    return None, None


#: the end of a label that says the <time> after it is the first publication, or a later change
TIME_PUBLISHED = re.compile(r"(?:published|posted)(?:\s+on)?\s*[:\-–—]?\s*$", re.IGNORECASE)
TIME_UPDATED = re.compile(r"(?:updated?|modified|edited|revised)(?:\s+on|\s+at)?\s*[:\-–—]?\s*$", re.IGNORECASE)


def published_times(times: list[tuple[str, str, bool, bool]]) -> list[tuple[str, str]]:
    """The page's <time>s (datetime, the text of its line before it, inside <article>, inside a
    sidebar, menu or footer) in the order they date the story: one labelled "Published"/"First
    published" first, then one inside the story's <article> (a site's header shows today's date in
    a <time> before it), then one outside sidebars (a "Latest" list dates other stories), then any;
    one labelled "Updated" only when no other is there."""
    labelled = [(stamp, "labelled") for stamp, before, _, _ in times if TIME_PUBLISHED.search(before)]
    unchanged = [(stamp, inside, hidden) for stamp, before, inside, hidden in times if not TIME_UPDATED.search(before)]
    ordered = labelled + [(stamp, "<article>'s first") for stamp, inside, _ in unchanged if inside] \
        + [(stamp, "first") for stamp, _, hidden in unchanged if not hidden] + [(stamp, "first") for stamp, _, _ in unchanged]
    return ordered or [(stamp, "first") for stamp, _, _, _ in times]


def labelled_date(line: str) -> str | None:
    """The full date right after a "Published"/"Posted" label at the start of a visible line."""
    from ..dates import date_kind, find_date_phrases, resolve

    label = PUBLISHED_LABEL.match(line)
    if not label or len(line) > 120:
        return None
    rest = line[label.end():]
    for start, end in find_date_phrases(rest):  # the date right after the label (a weekday may come first)
        if re.fullmatch(r"(?:[A-Za-z]{3,9}day,?\s*)?", rest[:start]) and date_kind(rest[start:end]) == "day" \
                and re.search(r"\d{4}", rest[start:end]):
            return resolve(rest[start:end]).value
        break
    return None


def json_ld_date(body: str) -> str | None:
    """The story's own datePublished in a JSON-LD block: the least nested one (objects, lists and
    @graph alike), since related stories, list items and a live blog's updates sit deeper; a list
    of dates or a typed value gives its date string (``_date_string``)."""
    return _date_string(json_ld_value(body, "datePublished"))


def _date_string(value) -> str | None:
    """A JSON-LD date as a string: itself, a list's first date (a CMS that lists the first publication
    and its re-issues), or a typed value's ``@value`` ({"@type": "Date", "@value": "2026-02-03"}).
    It looks one level down only (a list's items, a dict's @value), so no nesting depth can exhaust
    the interpreter's stack."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("@value")
        if isinstance(item, str):
            return item
    return None


def json_ld_value(body: str, key: str):
    """The least nested value of ``key`` in a JSON-LD block (the story's own, not a related item's)."""
    try:
        data = json.loads(body, strict=False)  # a CMS may leave raw newlines in an articleBody
    except (ValueError, RecursionError):  # (a block nested past the interpreter's limit is no story's data)
        return None
    level = [data]
    while level:
        deeper = []
        for node in level:
            if isinstance(node, dict):
                if node.get(key) is not None:
                    return node[key]
                deeper.extend(node.values())
            elif isinstance(node, list):
                deeper.extend(node)
        level = deeper
    return None


def _json_ld_body(parser: _Html) -> list[tuple[str, int]]:
    """The paragraphs of the story's JSON-LD articleBody (a page whose body a script draws holds
    its text only there), one for each line."""
    for body in parser.json_ld:
        text = json_ld_value(body, "articleBody")
        if isinstance(text, str) and text.strip():
            return [(line, 0) for line in (re.sub(r"\s+", " ", part).strip() for part in text.splitlines()) if line]
    return []


def _paywalled(parser: _Html) -> bool:
    for body in parser.json_ld:
        free = json_ld_value(body, "isAccessibleForFree")
        if free is not None:
            return str(free).strip().lower() in ("false", "0", "no")
    return False


#: a paragraph wholly in brackets: "(Reporting by …; editing by …)", "[Editor's note: …]"
BRACKETED = re.compile(r"^\((?:[^()]|\([^()]*\))*\)$|^\[[^\[\]]*\]$")


#: the brackets that close a paragraph ("... at the airport. (Photo by Jan Kowal)"), what they hold
CLOSING_BRACKETS = re.compile(r"[(\[](?P<inside>[^()\[\]]{1,120})[)\]]\W*$")


class StoryFilters(NamedTuple):
    """html_boilerplate.yaml's paragraph filters, compiled once."""
    promo: re.Pattern             # how a promotion of the site's own service opens
    promo_words: int              # the longest promotion (words)
    credit_words: frozenset[str]  # what a photo credit in closing brackets names
    credit_joiners: frozenset[str]
    note: re.Pattern              # how a closing note opens, or a note's phrase


@functools.cache
def _not_story_patterns() -> StoryFilters:
    from .html_page_tree import boilerplate

    words = boilerplate()
    openers = "|".join(map(re.escape, words["promo_openers"]))
    promo = re.compile(rf"^(?:{openers})\b", re.IGNORECASE)
    note_openers = "|".join(map(re.escape, words["note_openers"]))
    phrases = "|".join(map(re.escape, words["note_phrases"]))
    note = re.compile(rf"^(?:{note_openers})(?![\w-])|\b(?:{phrases})\b", re.IGNORECASE)
    return StoryFilters(promo, words["promo_words"], frozenset(words["credit_words"]), frozenset(words["credit_joiners"]), note)


def _closing_credit(text: str) -> bool:
    """Whether a paragraph ends in a photo credit in brackets: a credit word, and besides it only
    names and the words that join a credit ("(Tribune photo by Ann Berg)", "[File: Reuters]"), not a
    story line's own aside ("(the photo page had been replaced)")."""
    closing = CLOSING_BRACKETS.search(text)
    if closing is None:
        return False
    filters = _not_story_patterns()
    credits, joiners = filters.credit_words, filters.credit_joiners
    words = re.findall(r"[^\W\d_][\w'’.-]*", closing.group("inside"))
    return any(w.lower() in credits for w in words) and all(
        w.lower() in credits or w.lower() in joiners or w[:1].isupper() for w in words)


def closing_note(text: str) -> bool:
    """Whether a paragraph set apart at a story's end opens as a note does (a contact line, a
    correction, a print edition's note: html_boilerplate.yaml's note_openers) or holds a note's
    phrase ("… can be reached at"), not a story line that merely uses a word of one."""
    return bool(_not_story_patterns().note.search(text.strip()))


def not_story(text: str) -> bool:
    """A paragraph that is a note, a promotion or a caption by its own words: wholly in brackets,
    a short one opening as the site's promotions do ("Sign up …", "Subscribe …"), or one that ends
    in a photo credit in brackets."""
    filters = _not_story_patterns()
    return bool(BRACKETED.match(text) or (filters.promo.match(text) and len(_words(text)) <= filters.promo_words)
                or _closing_credit(text))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _triples(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def story_paragraphs(paragraphs: list[tuple[str, int]], title: str | None) -> list[str]:
    """The paragraphs (text, characters of link text) that read as the story's own."""
    kept = []
    headline = _words(title or "")
    for text, linked in paragraphs:
        if linked >= LINK_SHARE * len(text) or not SENTENCE_END.search(text) or len(_words(text)) < 2:
            continue
        if headline and _words(text) == headline:
            continue
        if labelled_date(text):  # "Posted: 3 February 2026 | Updated: …" is the page's, not the story's
            continue
        if not_story(text):
            continue
        kept.append(text)
    triples = [_triples(t) for t in kept]
    story = []
    for i, text in enumerate(kept):
        quoted = any(len(text) < len(other) and triples[i]
                     and len(triples[i] & triples[j]) >= PULL_QUOTE_OVERLAP * len(triples[i])
                     for j, other in enumerate(kept))
        if not quoted:
            story.append(text)
    return story


def _teaser(article) -> bool:
    """An <article> that is a card for another page: a heading that is one link, little text."""
    for heading in article.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        links = heading.findall(".//a")
        if links and len(_words(heading.text_content())) == len(_words("".join(a.text_content() for a in links))):
            return len(_words(article.text_content())) < 80
    return False


def _trafilatura_paragraphs(raw: str) -> list[tuple[str, int]]:
    """(text, characters of link text) of each paragraph trafilatura takes for the page's main text."""
    import lxml.etree
    import lxml.html
    import trafilatura

    from .html_page_tree import prepare

    try:  # the text is decoded already: a <meta charset> of the saved page must not decode it again
        tree = lxml.html.document_fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return []
    for article in list(tree.iter("article")):
        if _teaser(article) and article.getparent() is not None:
            article.drop_tree()
    prepare(tree)
    xml = trafilatura.extract(tree, output_format="xml", include_links=True, include_formatting=True, include_comments=False,
                              include_tables=False, include_images=False, favor_precision=True,
                              with_metadata=False, deduplicate=False)  # dedup keeps a cache across calls
    if not xml:
        return []
    main = lxml.etree.fromstring(xml.encode("utf-8")).find("main")
    if main is None:
        return []
    found = []
    for element in main.iter("p", "head", "item", "quote"):
        if element.tag == "quote" and element.find(".//p") is not None:
            continue  # its paragraphs come one by one
        text = re.sub(r"\s+", " ", "".join(element.itertext())).strip()
        linked = sum(len(re.sub(r"\s+", " ", "".join(ref.itertext())).strip()) for ref in element.iter("ref"))
        if text:
            found.append((text, linked, _set_apart(element)))
    while found and found[-1][2] and not all(apart for _, _, apart in found) and closing_note(found[-1][0]):
        found.pop()  # an editor's note, a contact line or a print-edition note closes a story in italics
    return [(text, linked) for text, linked, _ in found]


def _set_apart(element) -> bool:
    """A paragraph wholly inside one italic or bold run (trafilatura's <hi>)."""
    runs = [child for child in element if child.tag == "hi"]
    loose = (element.text or "") + "".join(child.tail or "" for child in element)
    return len(runs) == 1 and len(element) == 1 and not loose.strip()


#: what separates a headline from the site's name in a <title> ("Headline - Site", "Headline | Site")
TITLE_SEPARATORS = ("-", "|", "–", "—", ":", "·")


def _site_after_headline(title: str, headline: str) -> bool:
    """Whether the <title> is the <h1> followed by a separator and the site's name, not a site name as
    the <h1> followed by the headline ("Reuters - Chile recalls ..." with <h1>Reuters</h1>)."""
    rest = title[len(headline):].strip() if title.startswith(headline) else None
    return rest is not None and (not rest or (rest.startswith(TITLE_SEPARATORS) and len(headline.split()) >= 3))


def read_html(raw: str, min_chars: int) -> HtmlPage:
    parser = _Html()
    parser.feed(raw)
    parser.close()
    meta = parser.meta
    title = meta.get("og:title") or re.sub(r"\s+", " ", parser.title).strip() or None
    if not meta.get("og:title") and title and parser.headline and _site_after_headline(title, parser.headline):
        title = parser.headline  # "Headline - Site name" in <title>: the <h1> is the headline alone
    paragraphs = story_paragraphs(_trafilatura_paragraphs(raw), title)
    if sum(map(len, paragraphs)) < min_chars:  # trafilatura found no story: the JSON-LD's articleBody
        from_json = story_paragraphs(_json_ld_body(parser), title)
        paragraphs = from_json if sum(map(len, from_json)) >= min_chars else paragraphs
    if sum(map(len, paragraphs)) < min_chars:  # nor there: the page's paragraph blocks
        inside = [t for a, t in parser.blocks if a]
        blocks = inside if sum(map(len, inside)) >= min_chars else [t for _, t in parser.blocks]
        paragraphs = [t for t in blocks if len(t.split()) >= 6 or t.endswith((".", "”", '"'))]
    value, basis = _published(parser)
    return HtmlPage(paragraphs, title, meta.get("og:site_name"), meta.get("og:url"), value, basis, _paywalled(parser))
