"""Headings on a line of their own: a list of reactions may put the state or body whose reaction
follows on a line by itself, above one or more paragraphs ("AUSTRALIA", then "Foreign Minister X
said ..." and "Prime Minister Y said ..."), instead of at the head of each line ("Australia — X
said ...", speaker_sides.HEADING).  The heading holds for every paragraph below it, up to the next
such heading or a line headed in the other way ("Background: ...").

Only a short line of capitalised words with no sentence punctuation, after a blank line or the
article's start and before a line of text, is a heading; what it names (a state, a body) is left to
the caller (an article's title or byline names no state).  Found once per article.
"""

from __future__ import annotations

import re

#: a heading holds for every paragraph below it, to the next heading (else for its first paragraph only)?
WHOLE_SECTION = True
#: a line that opens with a heading of the other kind ends the section ("Background: ...", "Iran — "):
#: capitalised words as OWN_LINE's before the dash or colon ("Foreign Minister X said: ..." is text)
_HEADING_WORDS = r"(?:[A-Z][\w'’&.-]*|of|the|and|for)(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|the|and|for)){0,5}"
#: a line of one to six capitalised words (or words in capitals), no sentence punctuation:
#: "AUSTRALIA", "NEW ZEALAND", "Solomon Islands", "PACIFIC ISLANDS FORUM"
OWN_LINE = re.compile(r"[ \t]*(" + _HEADING_WORDS + r")[ \t]*$")
LABELLED_LINE = re.compile(r"[ \t]*" + _HEADING_WORDS + r"[ \t]*(?:[—–]|:)[ \t]+")


def heading_sections(text: str) -> list[tuple[int, int, int]]:
    """The own-line headings of ``text`` as (heading start, heading end, section end): the section is
    the text from the heading's line end to ``section end``."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    found: list[tuple[int, int, int]] = []
    for n, (start, end) in enumerate(lines):
        heading = OWN_LINE.match(text, start, end)
        if heading is None or heading.end() != end or not heading.group(1)[:1].isupper():
            continue
        before_blank = n == 0 or not text[lines[n - 1][0]:lines[n - 1][1]].strip()
        after = next(((s, e) for s, e in lines[n + 1:] if text[s:e].strip()), None)
        # the next line must be text, on the very next line (a heading sits right above its paragraph)
        if not before_blank or after is None or n + 1 >= len(lines) or lines[n + 1][0] != after[0]:
            continue
        if OWN_LINE.match(text, after[0], after[1]) is not None and OWN_LINE.match(text, after[0], after[1]).end() == after[1]:
            continue   # two short lines in a row: a title block, not a heading above text
        found.append((heading.start(1), heading.end(1), len(text)))
    # a section ends at the next heading, or at a line headed the other way
    sections = []
    for i, (h_start, h_end, _) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        if not WHOLE_SECTION:
            blank = text.find("\n\n", h_end + 1)
            stop = min(stop, blank if blank >= 0 else len(text))
        first_below = text.find("\n", h_end) + 1   # the heading's own paragraph never ends its section
        for s, e in lines:
            if first_below < s < stop and LABELLED_LINE.match(text, s, e):
                stop = s
                break
        sections.append((h_start, h_end, stop))
    return sections


def heading_above(sections: list[tuple[int, int, int]], at: int) -> tuple[int, int] | None:
    """The span of the own-line heading whose section holds offset ``at`` (a sentence the parser began
    at the heading itself too), or None."""
    for h_start, h_end, stop in sections:
        if h_start <= at < stop:
            return h_start, h_end
    return None
