"""Lines that are no report of this article's events: a question ("Why did Peru expel the envoy?"), a
FAQ's "Q:"/"A:" line, and a link to another story ("Read more: Peru's expulsion of two Chilean
diplomats", "Related: The arrest of X, a year on").  A link line is another story's headline: its act
nouns and verbs are that story's, told as a title, not this article's telling (its labels are
``story_link_labels`` in frames.yaml).  The frames, the rules and the Statement coder skip such lines.
"""

from __future__ import annotations

import functools
import re

from .language import english_words


@functools.cache
def _link_label() -> re.Pattern[str]:
    """A line that opens with a link label and its colon ("Read more:", "See also :")."""
    labels = sorted(english_words("story_link_labels"), key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels) or r"(?!)"
    return re.compile(rf"(?i)[ \t]*[*•>-]?[ \t]*(?:{words})[ \t]*:")


def on_link_line(text: str, start: int) -> bool:
    """Whether the character at ``start`` stands on a line that links to another story."""
    return _link_label().match(text, text.rfind("\n", 0, start) + 1) is not None


def not_a_report(sentence_text: str, text: str, start: int) -> bool:
    """Whether a sentence (its text, the article's, where it starts) reports no event of the article."""
    return sentence_text.rstrip().endswith("?") or re.match(r"^(?:Q|A)\s*:", sentence_text) is not None \
        or on_link_line(text, start)
