"""Whether a speaker's words announce an act coded as its own event (then they are that event's
``announced_by``, not a Statement): "Joly said Canada had expelled ...", "'France has decided to
bring back its ambassador,' Macron said", or a plain report of the lead's act.

Kept apart from ``statements.py`` because the test reads the act triggers (the rules' and the
retired rules' cue patterns) and the parse, not the speaker or the target.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from .rules import RETIRED_CUES, RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the triggers of acts a speaker may announce
RULES_BY_TYPE = {r.type: r for r in RULES + RETIRED_CUES}


def _reaches(pattern: re.Pattern, text: str, start: int, end: int, past: int) -> bool:
    """Whether some match of ``pattern`` in text[start:end], overlapping ones included, ends after ``past``."""
    while (match := pattern.search(text, start, end)) is not None:
        if match.end() > past:
            return True
        start = match.start() + 1
    return False


def _coordinated_act(doc: "Doc", verb_at: int, pattern: re.Pattern, text: str, end: int) -> bool:
    """Whether an act's trigger starts a verb coordinated after the speech verb at ``verb_at``
    ("condemned the decision and recalled its ambassador"): a second act of the speaker's, not
    what is said."""
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    if verb.dep_ == "relcl":
        # "Austria, which protested that ..., recalled its envoy": the act is the main
        # clause's, outside what the relative clause says
        said = range(verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
        return not any(m.start() in said for m in pattern.finditer(text, verb.sent.start_char, end))
    return any(pattern.match(text, c.idx, end) for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB")


def announces_act(events: Iterable, doc: "Doc", text: str, *, sentence_index: int, sentence_start: int,
                  sentence_end: int, verb_at: int, quote: tuple[int, int], neutral: bool, plain: bool,
                  own_state: str | None, speaker: str) -> bool:
    """Whether the speaker's words (a quotation when ``neutral`` is set: words the verb only reports;
    else a reported clause) announce one of ``events``, an act of the speaker or their state.

    ``plain``: a report that judges nothing, which announces an act told in another sentence too (the
    lead); an act whose words run into what is said ("has not issued the safe passage, stating it is
    analysing ...") is announced by it, one told before the verb ("broke off relations, saying ...")
    is not, nor a second act coordinated with a judging verb."""
    q_start, q_end = quote
    for e in events:
        rule = RULES_BY_TYPE.get(e.type)
        if rule is None or e.type == "Statement":
            continue
        if not (sentence_index in e.sentences or plain):
            continue
        if not (own_state in e.agent or speaker in e.agent or e.fields.get("announced_by") == speaker):
            continue
        if not (plain or neutral) and _coordinated_act(doc, verb_at, rule.trigger, text, sentence_end):
            continue
        if rule.trigger.search(text, q_start, q_end) if neutral \
                else _reaches(rule.trigger, text, sentence_start, sentence_end, verb_at):
            return True
    return False
