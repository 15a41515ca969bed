"""An interview in questions and answers: the answers are the words of the one interviewed, told
without quotation marks ("Minister, what did your government decide?" then "We have broken off
relations with ..."), so "we", "our" and "I" in them are that person (coref.py), as they are a
quotation's speaker.

An article is an interview when the text before its first question says so (an interview word:
"interview", "Q&A", "spoke to us", "talked to this newspaper", "we met"; not the "talks with" or
"spoke to reporters" of a news lead) and it has at least ``MIN_QUESTIONS`` question
paragraphs, each a line of its own ending in "?" with a line of text after it.  The answers are the
lines after each question up to the next question (or to a line of page furniture: "Read more:",
"Related:", a photo caption).  Found once per article, linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: questions an interview needs (with an interview word before the first)
MIN_QUESTIONS = 1
#: the words before the first question that make the article an interview
INTERVIEW_CUE = re.compile(r"(?i)\b(?:interview(?:ed|s)?|q\s*&\s*a|q\s+and\s+a|sat\s+down\s+with|we\s+met|(?:we|i)\s+(?:spoke|talked)\s+(?:to|with)"
                           r"|(?:spoke|talked|speaks|talks)\s+(?:to|with)\s+(?:us|me|this\s+(?:newspaper|paper|magazine|programme|program)))\b")
#: cue verbs whose subject is the one interviewed ("X spoke to us"), or whose object is when "we" speak
CUE_VERBS = frozenset({"speak", "talk", "sit", "meet", "interview"})
#: the interviewer's own words as a cue verb's subject
INTERVIEWER_WORDS = frozenset({"we", "i"})
#: a line that ends the answer above it: page furniture, not the interviewee's words
FURNITURE = re.compile(r"(?i)\s*(?:photo(?:\s+caption)?|caption|read\s+more|related|see\s+also|sign\s+in|subscribe|share"
                       r"|newsletter|correction)\b")
#: a question line: no longer than this (an answer may end with a question of its own)
QUESTION_CHARS = 300


@dataclass
class Interview:
    intro_end: int                       # offset of the first question: who is interviewed is told before it
    cues: list[tuple[int, int]]          # (start, end) offsets of the interview words before it
    answers: list[tuple[int, int]]       # (start, end) offsets of the answer lines
    questions: list[tuple[int, int]]     # (start, end) offsets of the question lines

    def answer_at(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.answers)

    def question_before(self, offset: int) -> tuple[int, int] | None:
        """The question an answer at ``offset`` answers."""
        asked = [q for q in self.questions if q[1] <= offset]
        return asked[-1] if asked and self.answer_at(offset) else None


def find_interview(text: str) -> Interview | None:
    """The article's interview form, or None (most articles)."""
    if text.count("?") < MIN_QUESTIONS:
        return None   # (the cheap test first)
    lines, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((at, at + len(line), line.strip()))
        at += len(line) + 1
    questions = [n for n, (_, _, line) in enumerate(lines[:-1])
                 if line.endswith("?") and len(line) <= QUESTION_CHARS and not line.startswith(("\"", "“"))]
    if len(questions) < MIN_QUESTIONS:
        return None
    cues = [m.span() for m in INTERVIEW_CUE.finditer(text, 0, lines[questions[0]][0])]
    if not cues:
        return None
    answers = []
    for k, n in enumerate(questions):
        stop = questions[k + 1] if k + 1 < len(questions) else len(lines)
        for start, end, line in lines[n + 1:stop]:
            if FURNITURE.match(line):
                break
            answers.append((start, end))
    asked = [(lines[n][0], lines[n][1]) for n in questions]
    return Interview(lines[questions[0]][0], cues, answers, asked) if answers else None


def interview_of(doc: Doc, text: str) -> Interview | None:
    """``find_interview`` once per parsed article (mentions and dating both ask)."""
    if "interview" not in doc.user_data:
        doc.user_data["interview"] = find_interview(text)
    return doc.user_data["interview"]


def interviewee_token(doc: Doc, interview: Interview) -> Token | None:
    """The one interviewed, as its cue tells it: the subject of "spoke to us" / "sat down with", the
    object of "we spoke to her" / "we interviewed him", the object of "an interview with"; the last cue
    that tells one.  None where no cue does (the caller falls back to the lead's last person)."""
    for start, end in reversed(interview.cues):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        cue = span[0]
        lemma = cue.lemma_.lower()
        if cue.pos_ in ("VERB", "AUX") and lemma in CUE_VERBS:
            subjects = [c for c in cue.children if c.dep_ in SUBJECTS]
            if subjects and subjects[0].lower_ not in INTERVIEWER_WORDS and not (lemma == "interview" and subjects[0].dep_ == "nsubj"):
                return subjects[0]   # "Kofi Mensah spoke to us", "she was interviewed"
            objects = [c for c in cue.children if c.dep_ == "dobj"] + [
                g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("to", "with") for g in c.children if g.dep_ == "pobj"]
            objects = [o for o in objects if o.lower_ not in ("us", "me")]
            if objects:
                return objects[0]    # "we spoke to her", "we interviewed him"
        elif cue.pos_ in ("NOUN", "PROPN") and lemma == "interview":
            objects = [g for c in cue.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]    # "in an interview with the minister"
    return None
