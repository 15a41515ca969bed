"""Dates per event: from the event's clause, then its sentence, then the time the story is at.

``StoryTimeline.from_doc(doc, published)`` walks an article's sentences in order and keeps the
time the narrative is at: the dateline (else the publication date) to begin with, then each date
the narrative gives in a main clause ("On 3 June, police surrounded the embassy"), moved by
relative ones ("two days later").  Every date phrase of the text is resolved as it is met, by the
grammar of ``loaders/dates.py``:

- anaphoric phrases ("that night", "late that Tuesday", "the next day", "two days later",
  "later that year") against the date the narrative last gave;
- deictic ones ("on Tuesday", "last Friday", "yesterday", "last month", "in November") against
  the narrative's date when it was given in the same paragraph, else against the dateline or the
  publication date, as the event codebook says;
- a date in a relative clause, an apposition or brackets ("Castillo, arrested in December 2022,")
  is resolved but does not move the story.

``timeline.date_for(trigger)`` gives an event's claim ``date`` field, ``{"phrase": <the text's
words>, "value": <ISO of the text's precision>}`` (with a ``basis`` when the value comes from a
reference time), or None when the text gives no date for it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import date_kind, find_date_phrases, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: clause edges below which a date speaks of something else than the sentence's main event
SIDE_CLAUSES = {"relcl", "acl", "appos", "parataxis"}
#: relative phrases that point back to a date the narrative gave ("that night", "two days later")
ANAPHORIC = re.compile(r"\b(?:that|same|next|following|previous|preceding|later|earlier|after|before|hours|moments|minutes)\b", re.I)
DEICTIC_AGO = re.compile(r"\bago\b", re.I)
#: a dateline: a short first line with a date, or a date before a dash or an agency's bracket
DATELINE_MARK = re.compile(r"^\s*[\w ,.()]{0,60}?$|^\s*[-–—(]")


@dataclass
class DateMention:
    start: int                 # offsets in the article text
    end: int
    phrase: str
    kind: str                  # the grammar's form: 'day', 'month', 'year', 'rel-weekday', ...
    root: "Token"
    sentence: int              # index in doc.sents
    paragraph: int
    value: str | None = None
    basis: str | None = None
    moves_story: bool = False


@dataclass(frozen=True)
class StoryTime:
    value: str
    phrase: str | None         # the words that set it (None for the dateline/publication date)
    sentence: int
    paragraph: int


class StoryTimeline:
    """The dates of an article, resolved in reading order (see the module docstring)."""

    def __init__(self, doc: "Doc", published: str | None, mentions: list[DateMention],
                 story: list[StoryTime | None], base: str | None, inherit: bool = True) -> None:
        self.doc = doc
        self.published = published
        self.mentions = mentions
        self.base = base
        self.inherit = inherit
        self._story = story    # the narrative's time after each sentence
        self._sentences = list(doc.sents)
        self._sentence_starts = [s.start_char for s in self._sentences]
        self._token_starts = [t.idx for t in doc]

    # -- construction --------------------------------------------------------------------------
    @classmethod
    def from_doc(cls, doc: "Doc", published: str | None, *, inherit: bool = True) -> "StoryTimeline":
        """Walk the article once; ``inherit`` lets an undated event of a paragraph take the date
        the paragraph's narrative gave in an earlier sentence."""
        text = doc.text
        sentences = list(doc.sents)
        base = _dateline(doc) or published
        mentions: list[DateMention] = []
        story: list[StoryTime | None] = []
        narrative: StoryTime | None = None
        for index, sentence in enumerate(sentences):
            paragraph = text.count("\n", 0, sentence.start_char)
            for mention in _mentions_in(doc, sentence, index, paragraph):
                _resolve(mention, narrative, base, published)
                mentions.append(mention)
                if mention.value and mention.moves_story:
                    narrative = StoryTime(mention.value, mention.phrase, index, paragraph)
            story.append(narrative)
        return cls(doc, published, mentions, story, base, inherit)

    # -- queries ---------------------------------------------------------------------------------
    def date_for(self, trigger: "Token") -> dict | None:
        """The claim ``date`` of the event whose trigger is this token, or None."""
        sent_index = bisect.bisect_right(self._sentence_starts, trigger.idx) - 1
        in_sentence = [m for m in self.mentions if m.sentence == sent_index and (m.value or _weekday_only(m))]
        chosen = _in_clause(trigger, in_sentence) or _in_sentence(trigger, in_sentence)
        if chosen is not None:
            return _field(chosen.phrase, chosen.value, chosen.basis)
        if self.inherit and sent_index > 0:
            told = self._story[sent_index - 1]
            paragraph = self.doc.text.count("\n", 0, self._sentences[sent_index].start_char)
            if told is not None and told.phrase and told.paragraph == paragraph:
                return _field(told.phrase, told.value, f"the story's time, given by {told.phrase!r} earlier in the paragraph")
        return None

    def date_at(self, offset: int) -> dict | None:
        """``date_for`` the token at a character offset of the text (for callers holding offsets)."""
        i = max(0, bisect.bisect_right(self._token_starts, offset) - 1)
        return self.date_for(self.doc[i]) if len(self.doc) else None

    def story_time(self, sentence: int) -> str | None:
        """The time the narrative is at after a sentence (its own dates included), else the base."""
        told = self._story[sentence] if 0 <= sentence < len(self._story) else None
        return told.value if told else self.base


# -- finding the date phrases ------------------------------------------------------------------------

def _mentions_in(doc: "Doc", sentence: "Span", index: int, paragraph: int) -> list[DateMention]:
    offset = sentence.start_char
    ner = [(e.start_char, e.end_char) for e in sentence.ents if e.label_ in ("DATE", "TIME")]
    found = []
    for start, end in find_date_phrases(sentence.text):
        start, end = start + offset, end + offset
        phrase = doc.text[start:end]
        kind = date_kind(phrase)
        if kind == "year" and not re.match(r"(?i)\w+\s", phrase) and not any(s <= start and end <= e for s, e in ner):
            continue  # a bare number is a year only where the parser also reads a date ("2000 troops" is none)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        found.append(DateMention(start, end, phrase, kind, span.root, index, paragraph,
                                 moves_story=_main_clause(span.root, doc.text, start, end)))
    return found


def _main_clause(root: "Token", text: str, start: int, end: int) -> bool:
    """Whether a date speaks for the sentence (so moves the story): not inside brackets, a
    relative clause, an apposition, or a noun ('the 2012 asylum')."""
    before = text[max(0, start - 80):start]
    if before.count("(") > before.count(")"):
        return False
    token = root
    while token.head.i != token.i:
        if token.dep_ in SIDE_CLAUSES:
            return False
        if token.dep_ in ("compound", "amod", "nmod", "nummod", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
            return False
        token = token.head
    return True


def _dateline(doc: "Doc") -> str | None:
    """A full date in the article's first lines, standing alone or before the dash of a dateline."""
    head = doc.text[:400]
    for start, end in find_date_phrases(head):
        line_start = head.rfind("\n", 0, start) + 1
        line_end = head.find("\n", end)
        line_end = len(head) if line_end < 0 else line_end
        if head.count("\n", 0, start) > 2 or date_kind(head[start:end]) != "day":
            continue
        if len(head[line_start:line_end].split()) <= 12 or re.match(r"\s*(?:\([^)]{0,30}\)\s*)?[-–—]", head[end:line_end]):
            return resolve(head[start:end]).value
    return None


# -- resolving them in reading order -----------------------------------------------------------------

def _resolve(m: DateMention, narrative: StoryTime | None, base: str | None, published: str | None) -> None:
    if not m.kind.startswith("rel-"):
        m.value = resolve(m.phrase).value
        return
    anaphoric = bool(ANAPHORIC.search(m.phrase)) and not DEICTIC_AGO.search(m.phrase) or m.kind == "rel-day"
    candidates: list[tuple[str, bool, str]] = []  # (reference, narrative?, basis)
    if narrative is not None:
        told = (narrative.value, True, f"the story's time, {narrative.phrase!r}")
        if anaphoric or narrative.paragraph == m.paragraph:
            candidates.append(told)
    if base is not None and not (anaphoric and narrative is not None):  # "that day" of a month: unknown
        candidates.append((base, False, "the dateline" if base != published else "the publication date"))
    if narrative is not None and not anaphoric and narrative.paragraph != m.paragraph:
        candidates.append((narrative.value, True, f"the story's time, {narrative.phrase!r}"))
    for reference, is_narrative, basis in candidates:
        value = resolve(m.phrase, reference, narrative=is_narrative).value
        if value:
            m.value, m.basis = value, f"{m.phrase!r} counted from {basis} ({reference})"
            return


# -- choosing an event's date ------------------------------------------------------------------------

def _governor(token: "Token") -> "Token":
    """The verb whose clause a token belongs to (the token itself when it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _attached(date_root: "Token", trigger: "Token", verb: "Token") -> bool:
    """Whether a date hangs on the trigger itself ("the expulsion on Monday") or on the verb of
    the trigger's clause, without passing another verb ("Peru, which broke relations in 2022,")."""
    token = date_root
    while token.head.i != token.i:
        token = token.head
        if token.i == trigger.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return token.i == verb.i
    return token.i == verb.i


def _in_clause(trigger: "Token", mentions: list[DateMention]) -> DateMention | None:
    """The nearest date attached to the trigger or to the verb of its clause."""
    verb = _governor(trigger)
    attached = [m for m in mentions if _attached(m.root, trigger, verb)]
    return min(attached, key=lambda m: abs(m.root.i - trigger.i), default=None)


def _in_sentence(trigger: "Token", mentions: list[DateMention]) -> DateMention | None:
    """The nearest date of the sentence that is not part of another clause's side remark."""
    usable = [m for m in mentions if m.moves_story or trigger.i in _side_subtree(m.root)]
    return min(usable, key=lambda m: abs(m.root.i - trigger.i), default=None)


def _side_subtree(token: "Token") -> set:
    """The tokens of the relative clause, apposition or bracket a date sits in (empty if none)."""
    for t in [token, *token.ancestors]:
        if t.dep_ in SIDE_CLAUSES:
            return {s.i for s in t.subtree}
    return set()


def _weekday_only(m: DateMention) -> bool:
    return m.kind == "rel-weekday"


def _field(phrase: str, value: str | None, basis: str | None) -> dict:
    date: dict = {"phrase": phrase}
    if value:
        date["value"] = value
    if value and basis:
        date["basis"] = basis
    return date
