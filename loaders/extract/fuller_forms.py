"""The article's fuller form of a short name: the proper nouns right before it that are no title,
honorific, possessive or known name ("Aung San" before "Suu Kyi"), read by the person finders
(names.py, newnames.py) to mint a person once under its whole name."""

from __future__ import annotations

import re

from .name_openers import title_length
from .titles import CAPITALISED_RANKS

#: a capitalised word and a space ending a text, as the last word of a fuller form has them right before the short name
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+ $")


def fuller_form(doc, text: str, label: str, surfaces) -> str | None:
    """The article's first fuller form of a short name: proper nouns right before it that are no
    title, honorific, possessive or known name ("Aung San" before "Suu Kyi")."""
    from .names import NAME_OPENERS, NOT_NAMES  # (names imports this module)

    if " " not in label:
        return None   # a single word is too weak a cue: "Lee" would take any "X Lee"
    if not _after_a_capitalised_word(text, label):
        return None   # (the cheap test first: the pattern below, of each label, is compiled anew)
    for m in re.finditer(rf"(?<![\w’'.-])((?:[A-Z][\w’'-]+ ){{1,3}}){re.escape(label)}(?![\w’'-])", text):
        span = doc.char_span(m.start(1), m.end(1) - 1, alignment_mode="contract")
        words = [t for t in span or () if not t.is_punct]
        while words:   # ("Prime Minister Nouri al-Maliki": a title of two words is no part of the name either)
            drop = title_length(words, NAME_OPENERS) \
                or int(words[0].text in NOT_NAMES or words[0].text in CAPITALISED_RANKS or words[0].text in surfaces
                        or words[0].pos_ != "PROPN")
            if not drop:
                break
            words = words[drop:]
        if words and all(t.pos_ == "PROPN" and t.text not in surfaces and t.tag_ != "POS" and t.ent_type_ in ("PERSON", "")
                         for t in words) and not any(t.text in ("'s", "’s") for t in doc[words[-1].i:words[-1].i + 2]):
            return text[words[0].idx:m.end()]
    return None


def _after_a_capitalised_word(text: str, label: str) -> bool:
    """Whether the label occurs right after a capitalised word (a look at each occurrence: about 50 times
    cheaper than a scan of every capitalised word of the text, measured on the seed articles)."""
    i = text.find(label)
    while i >= 0:
        if i and _CAPITALISED_WORD_BEFORE.search(text[max(0, i - 60):i]):
            return True
        i = text.find(label, i + 1)
    return False
