"""An interview in questions and answers: the answers are the words of the one interviewed, told
without quotation marks ("Minister, what did your government decide?" then "We have broken off
relations with ..."), so "we", "our" and "I" in them are that person (coref.py), as they are a
quotation's speaker.

An article is an interview when the text before its first question says so (an interview word:
"interview", "Q&A", "spoke to", "talked to", "met") and it has at least ``MIN_QUESTIONS`` question
paragraphs, each a line of its own ending in "?" with a line of text after it.  The answers are the
lines after each question up to the next question (or to a line of page furniture: "Read more:",
"Related:", a photo caption).  Found once per article, linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: questions an interview needs (with an interview word before the first)
MIN_QUESTIONS = 1
#: the words before the first question that make the article an interview
INTERVIEW_CUE = re.compile(r"(?i)\b(?:interview(?:ed)?|q\s*&\s*a|q\s+and\s+a|(?:spoke|talked|talks|speaks|sat\s+down)\s+(?:to|with)"
                           r"|we\s+met)\b")
#: a line that ends the answer above it: page furniture, not the interviewee's words
FURNITURE = re.compile(r"(?i)\s*(?:photo(?:\s+caption)?|caption|read\s+more|related|see\s+also|sign\s+in|subscribe|share"
                       r"|newsletter|correction)\b")
#: a question line: no longer than this (an answer may end with a question of its own)
QUESTION_CHARS = 300


@dataclass
class Interview:
    intro_end: int                       # offset of the first question: who is interviewed is told before it
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
    if len(questions) < MIN_QUESTIONS or not INTERVIEW_CUE.search(text, 0, lines[questions[0]][0]):
        return None
    answers = []
    for k, n in enumerate(questions):
        stop = questions[k + 1] if k + 1 < len(questions) else len(lines)
        for start, end, line in lines[n + 1:stop]:
            if FURNITURE.match(line):
                break
            answers.append((start, end))
    asked = [(lines[n][0], lines[n][1]) for n in questions]
    return Interview(lines[questions[0]][0], answers, asked) if answers else None
