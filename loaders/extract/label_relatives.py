"""A free relative that labels a thing: "condemned what he called an assault on sovereignty", "praising
what she described as a responsible attitude".  The label is the speaker's word for the thing; the
relative's subject is only the speaker of that label, never someone the words are about, and it is the
one the sentence's main clause reports ("Xi sent Tokayev a message praising ... what he called ...": Xi,
not Tokayev named just before the remark's verb).  Used by the Statement coder (statements.py); the
pronoun itself is resolved to the main clause's subject by coref (coref_syntax.label_speaker).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .coref_syntax import LABEL_LEMMAS, label_speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .gazetteer import Mention

#: the cheap test first: "what" then a labelling verb a few words on
LABEL_RELATIVE = re.compile(r"\bwhat\s+(?:[\w’'.-]+\s+){1,5}?(?:called|calls|call|described|describes|termed|terms|dubbed|"
                            r"labelled|labeled|branded|characterized|characterised)\b", re.IGNORECASE)


def label_subjects(doc: Doc, start: int, end: int, text: str) -> list[Token]:
    """The subjects of the labelling free relatives between two offsets ("what [he] called")."""
    if not LABEL_RELATIVE.search(text):
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span or () if t.dep_ == "nsubj" and t.head.lemma_ in LABEL_LEMMAS
            and any(c.lower_ == "what" and c.i < t.i for c in t.head.children)]


def at_token(mentions: list[Mention], token: Token) -> Mention | None:
    return next((m for m in mentions if m.start <= token.idx < m.end), None)


def label_voice(subjects: list[Token], mentions: list[Mention], kinds) -> Mention | None:
    """The actor the sentence's main clause names as its subject, where a label's pronoun stands for it
    ("China's Xi sent Tokayev a message praising what he called ..."): the speaker of the remark."""
    for pronoun in subjects:
        if pronoun.tag_ not in ("PRP",):
            continue
        subject = label_speaker(pronoun)
        found = at_token(mentions, subject) if subject is not None else None
        if found is not None and found.type in kinds:
            return found
    return None
