"""Quotations attributed by a colon, without a speech verb: a line of a list of reactions or of a
quote-heavy report that names its speaker and the occasion, then gives the words ("X, at a rally
in Y on Saturday: “...”", "Prime Minister X, on Sunday night: “...”").

The colon stands for the speech verb: the line before it is verbless (no finite verb: "X said:"
has its verb and is read as any quotation), and the noun it is about, the one word of that part
whose head lies outside it, is a named actor — the speaker.  "Reaction in Lima: “...”" is about a
reaction, not an actor, and makes no Statement.

Functions over a spaCy ``Doc`` and character offsets; ``statements.py`` calls them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Mention
from .speech import Cue
from .speech_speakers import COLLECTIVE_SPEAKERS, OFFICE_HOLDERS
from .tree import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: a colon right before an opening quotation mark
COLON_BEFORE_QUOTE = re.compile(r":\s*$")
#: the marks that end a list of reactions' line heading ("Germany — ", "Germany: "), and its most words
HEADING_MARKS = {"—", "–", ":"}
HEADING_WORDS = 4
#: the lemma the colon's cue carries (no speech verb's)
COLON_LEMMA = ":"
#: the marks that close a quotation (straight or curly)
CLOSING_MARKS = frozenset('"”')
#: punctuation that ends quoted words ("“We will not bow,” said X")
WORDS_ENDING = frozenset(",.!?;:…")


def _line_before(doc: Doc, start: int, colon: int):
    """The tokens of text[start:colon] (the line before the colon), or None where the parse does
    not align."""
    span = doc.char_span(start, colon, alignment_mode="contract")
    return span if span is not None and len(span) else None


def _head_noun(line):
    """The one noun or name of ``line`` whose head lies outside it (the noun the verbless line is
    about), or None: a finite verb in the line, or more than one such noun."""
    if any(t.tag_ in FINITE_TAGS for t in line):
        return None
    tops = [t for t in line if (t.head.i < line.start or t.head.i >= line.end or t.head.i == t.i)
            and t.pos_ in ("NOUN", "PROPN")]
    return tops[0] if len(tops) == 1 else None


def _after_heading(line):
    """The line without a list of reactions' heading: "Germany — Chancellor X: “...”" is about the
    chancellor, the heading only names whose reaction the line gives (a dash or colon within the
    first words, after a name)."""
    for t in line[:HEADING_WORDS + 1]:
        if t.text in HEADING_MARKS and t.i > line.start and t.i + 1 < line.end \
                and all(w.pos_ == "PROPN" or w.is_punct for w in line.doc[line.start:t.i]):
            return line.doc[t.i + 1:line.end]
    return line


def colon_attribution(doc: Doc, text: str, sentence_start: int, quote_start: int,
                      candidates: list[Mention]) -> Cue | None:
    """The colon before a quotation at ``quote_start`` (an offset into ``text``, the sentence's
    text), as the cue of a verbless attribution ("X, at a rally on Saturday: “...”") whose head
    noun lies in one of ``candidates`` (named actors), or None ("Expert view: “...” – X" is
    attributed after the quotation)."""
    before = text[:quote_start]
    if not COLON_BEFORE_QUOTE.search(before):
        return None
    colon = before.rstrip().rfind(":")
    if _quotation_is_subject(doc, text, sentence_start, quote_start):
        return None
    heard, _ = colon_speaker(doc, sentence_start, sentence_start + colon, candidates)
    return Cue(colon, colon + 1, ":", COLON_LEMMA, False) if heard in ("named", "owned") else None


def _quotation_is_subject(doc: Doc, text: str, sentence_start: int, quote_start: int) -> bool:
    """'Libya: “The Brotherly Leader” departs.': the quoted words are a name the narrator's own clause
    goes on after (a nickname, a slogan: a lower-case verb right after the closing mark, with no
    punctuation ending the words inside), no one's words.  (The tagger often reads such a verb as a
    plural noun, "departs" NNS, which it is taken for too; an adjective or a singular noun after the
    words goes on with the speaker's own phrase: 'X: “Betrayal” pure and simple'.)"""
    close = next((i for i in range(quote_start + 1, len(text)) if text[i] in CLOSING_MARKS), None)
    if close is None or text[:close].rstrip()[-1:] in WORDS_ENDING:
        return False
    word = re.match(r"\s+([^\W\d_]+)", text[close + 1:])
    if word is None or not word.group(1)[:1].islower():
        return False
    # (a function word goes on with the quoted phrase instead: "“a grave violation” of our sovereignty")
    token = doc.char_span(sentence_start + close + 1 + word.start(1), sentence_start + close + 1 + word.end(1))
    return token is not None and not token[0].is_stop and (token[0].tag_.startswith("VB") or token[0].tag_ == "NNS")


def colon_speaker(doc: Doc, sentence_start: int, at: int, candidates: list[Mention]) -> tuple[str, Mention | None]:
    """Who speaks through the colon at ``at``: ("named", the mention the verbless line's head noun
    or its apposition lies in), ("owned", the mention of the state an office or a government without
    a name is of), else ("unnamed", None)."""
    line = _line_before(doc, sentence_start, at)
    line = _after_heading(line) if line is not None else None
    head = _head_noun(line) if line is not None else None
    if head is None:
        return "unnamed", None
    # "Mexico's foreign minister, Alicia Bárcena: “...”": the name in apposition names the head noun
    phrase = [head] + [c for c in head.children if c.dep_ == "appos" and line.start <= c.i < line.end]
    found = next((m for t in phrase for m in candidates if m.start <= t.idx < m.end), None)
    if found is None and head.tag_ == "NN" and head.lemma_.lower() in OFFICE_HOLDERS | COLLECTIVE_SPEAKERS:
        # "Mexico's foreign minister: “...”", "The Chilean government: “...”": the office's state speaks
        # (as "Mexico's foreign minister said", speech_speakers.speech_subject)
        # ("The government of Mexico: “...”": the "of" phrase's state, as "The government of Mexico said")
        owners = [c for c in head.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < line.end
                   for g in c.children if g.dep_ == "pobj" and g.i < line.end]
        owner = next((m for c in owners for m in candidates if m.start <= c.idx < m.end), None)
        return ("owned", owner) if owner is not None else ("unnamed", None)
    return ("named", found) if found is not None else ("unnamed", None)
