"""A date followed by a "when" clause ("in September last year, when the premier told parliament of
the allegations"; "in 2019, when the army seized power"): the clause tells what happened at that
date, whichever word the parser hangs it on (often the noun before the date, not the date), so the
acts it tells take that date, and the date is a time the story has been taken to ("the same day"
after it counts from it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .relative_dates import told_as_done

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .date_mentions import DateMention

#: what may stand between a date and its "when": a comma at most
_JOIN = re.compile(r"\s*,?\s*")


def when_clause_after(doc_text: str, sentence: Span, end: int) -> Token | None:
    """The verb of the "when" clause that opens right after the date phrase ending at ``end``, if
    it tells a thing done (not "when he will decide")."""
    for token in sentence:
        if token.idx < end or token.is_punct:
            continue
        if token.lower_ != "when" or token.dep_ != "advmod" or not _JOIN.fullmatch(doc_text[end:token.idx]):
            return None
        verb = token.head
        return verb if verb.pos_ in ("VERB", "AUX") and verb.i > token.i and told_as_done(verb) else None
    return None


def date_of_when_clause(trigger: Token, mentions: list[DateMention], doc_text: str) -> DateMention | None:
    """The date a "when" clause holding the trigger follows: "in 2019, when the army seized power"."""
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else next(
        (t for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")), None)
    while clause is not None and clause.dep_ in ("conj", "xcomp") and not any(
            c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children):
        clause = clause.head   # "when X was arrested and charged", "when X tried to seize power"
    if clause is None:
        return None
    sentence = clause.sent
    for m in mentions:
        verb = when_clause_after(doc_text, sentence, m.end) if m.value else None
        if verb is not None and verb.i == clause.i:
            return m
    return None
