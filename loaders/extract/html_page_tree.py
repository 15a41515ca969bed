"""A news page's parsed tree, made ready for the main-text extractor (``html_page.py``).

Before trafilatura looks for the story, the page's tree is changed in three ways:

- the parts that are no story text are taken out by their markup: ``<figure>``/``<figcaption>``,
  ``<aside>``, ads and video players (``tags``), ARIA roles (``roles``), and short elements whose
  class, id or ``data-testid`` names a caption, promo, sign-up box, video block, footnote and the
  like (``class_words``), all read from ``html_boilerplate.yaml`` (a short element so named that
  holds most of the page's paragraph text is the story's own wrapper, and stays); a trafilatura that meets a
  caption or a "Sign up here." box inside the story's ``<div>`` keeps it, since it reads text
  density and not names;
- lines split only by ``<br>`` (an old CMS's body, a hand-made page) become paragraphs: a blank
  line (two ``<br>``) or a line that ends as a sentence ends one; a line wholly in ``<b>``/``<i>``
  (a headline, a credit) stands alone; the lines of a paragraph wrapped by hand are joined;
- ``<pre>`` text (a wire service's plain-text page) becomes paragraphs: a blank line or an indented
  line starts one, the hard-wrapped lines of a paragraph are joined.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

BOILERPLATE_FILE = Path(__file__).with_name("html_boilerplate.yaml")

#: tags that do not end a line: a <br>-split line may hold them (and html_page's visible lines, where a
#: "Published:" label and its date stay on one line)
INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "time", "abbr", "small", "sup", "sub", "u", "mark",
                    "cite", "q", "font", "big", "tt", "s", "strike", "del", "ins", "img", "wbr"})
#: inline tags that set a whole line apart when they hold all of it (a headline in <b>, a credit in <i>)
STYLED = frozenset({"b", "i", "em", "strong", "font", "big", "small", "u"})
#: where a line of text ends a paragraph: a sentence's end, maybe inside quotes or brackets (html_page reads it too)
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’)\]]$")


@functools.cache
def boilerplate() -> dict:
    return yaml.safe_load(BOILERPLATE_FILE.read_text(encoding="utf-8"))


def _words_of(element) -> int:
    return len(re.findall(r"\w+", element.text_content()))


def _name_words(element) -> set[str]:
    """The words of an element's class, id and data-testid: "article-body__promo" → article, body,
    promo; "promoBox" → promo, box, promobox."""
    names = " ".join(element.get(attribute) or "" for attribute in ("class", "id", "data-testid"))
    words = set()
    for name in names.split():
        parts = re.split(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])", name)
        words.update(part.lower() for part in parts if part)
        words.add(re.sub(r"[^a-z0-9]", "", name.lower()))
    return words


#: the share of a page's paragraph words an element holds that makes it the story's own wrapper, whatever
#: its name: a caption, a promo or a video block is a small part of a page's paragraphs
STORY_SHARE = 0.5


def _holds_the_story(element, page_words: int) -> bool:
    """A short story in a wrapper a theme names like boilerplate ("video-story"): it holds most of
    the page's paragraph text, which a caption, a promo or a video block never does."""
    held = sum(_words_of(p) for p in element.iter("p"))
    return held > 0 and held >= STORY_SHARE * page_words


def drop_boilerplate(tree) -> None:
    """Take out of ``tree`` the elements that are no story text by their tag, role or names."""
    words = boilerplate()
    tags, roles = set(words["tags"]), set(words["roles"])
    class_words, short = set(words["class_words"]), words["short_words"]
    page_words = sum(_words_of(p) for p in tree.iter("p"))
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        if element.tag in tags or (element.get("role") or "").lower() in roles \
                or (_name_words(element) & class_words and _words_of(element) < short
                    and not _holds_the_story(element, page_words)):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps its tail, the text after it


def _line_text(pieces) -> str:
    return re.sub(r"\s+", " ", "".join(p if isinstance(p, str) else p.text_content() for p in pieces)).strip()


def _set_apart(pieces) -> bool:
    """A line wholly inside one <b>/<i>/...: a headline or a credit, never part of a paragraph."""
    elements = [p for p in pieces if not isinstance(p, str)]
    loose = "".join(p for p in pieces if isinstance(p, str)).strip()
    return len(elements) == 1 and not loose and elements[0].tag in STYLED


def split_br_lines(tree) -> None:
    """Make each paragraph of an element whose text is split by two or more <br> its own <p>."""
    import lxml.html

    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or sum(child.tag == "br" for child in element) < 2:
            continue
        # the element's content as lines: text and inline children, split at <br> and at blocks
        lines: list[list] = [[]]
        blocks: dict[int, object] = {}  # line index → a block child that comes before that line
        if element.text:
            lines[-1].append(element.text)
        for child in list(element):
            tail, child.tail = child.tail, None
            if child.tag == "br":
                lines.append([])
            elif isinstance(child.tag, str) and child.tag in INLINE:
                lines[-1].append(child)
            elif isinstance(child.tag, str):
                lines.append([])
                blocks[len(lines) - 1] = child
                lines.append(["\n"])  # a block ends the paragraph before it, as a blank line does
            if tail:
                lines[-1].append(tail)
        groups: list[list] = []   # paragraphs (lists of pieces) and blocks, in order
        current: list = []
        for index, pieces in enumerate(lines):
            if index in blocks:
                if current:
                    groups.append(current)
                groups.append(blocks[index])
                current = []
            text = _line_text(pieces)
            if not text:          # a blank line ends the paragraph
                if current:
                    groups.append(current)
                current = []
                continue
            if current and (_set_apart(pieces) or _set_apart(current) or SENTENCE_END.search(_line_text(current))):
                groups.append(current)
                current = []
            current = current + ([" "] if current else []) + pieces
        if current:
            groups.append(current)
        element.text = None
        for child in list(element):
            element.remove(child)
        for group in groups:
            if not isinstance(group, list):
                element.append(group)
                continue
            paragraph = lxml.html.Element("p")
            for piece in group:
                if isinstance(piece, str):
                    if len(paragraph):
                        paragraph[-1].tail = (paragraph[-1].tail or "") + piece
                    else:
                        paragraph.text = (paragraph.text or "") + piece
                else:
                    paragraph.append(piece)
            element.append(paragraph)
        if element.tag == "p":  # paragraphs do not nest
            element.tag = "div"


def pre_paragraphs(text: str) -> list[str]:
    """The paragraphs of plain text: a blank line or an indented line after an unindented one
    starts one; the hard-wrapped lines of one are joined."""
    paragraphs: list[list[str]] = []
    previous_indented = True
    for line in text.splitlines():
        if not line.strip():
            paragraphs.append([])
            previous_indented = True
            continue
        indented = line[:1].isspace()
        if not paragraphs or (indented and not previous_indented):
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
        previous_indented = indented
    return [" ".join(lines) for lines in paragraphs if lines]


def split_pre(tree) -> None:
    """Turn each <pre> into a <div> of <p>s, one for each paragraph of its text."""
    import lxml.html

    for pre in list(tree.iter("pre")):
        paragraphs = pre_paragraphs(pre.text_content())
        if len(paragraphs) < 2 or pre.find(".//code") is not None:
            continue  # a line, a table or a program, not a story
        div = lxml.html.Element("div")
        for text in paragraphs:
            paragraph = lxml.html.Element("p")
            paragraph.text = text
            div.append(paragraph)
        div.tail = pre.tail
        pre.getparent().replace(pre, div)


def prepare(tree) -> None:
    drop_boilerplate(tree)
    split_pre(tree)
    split_br_lines(tree)
