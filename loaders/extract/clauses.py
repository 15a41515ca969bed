"""Text helpers of the regular-expression rules: where a clause starts, who is listed with whom, the
possessor before a trigger, the subject outside an apposition, the nearest mention of a kind."""

from __future__ import annotations

import re

from .gazetteer import Mention
from .rules import CLAUSE_BREAK, MODALITY, Rule

PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+|himself\s+|herself\s+|themselves\s+|itself\s+)?$", re.IGNORECASE)


def _clause_start(text: str, at: int, commas: bool = True) -> int:
    """Where the clause holding position ``at`` starts.  With ``commas`` every comma counts (for
    modality: "Before that could happen, she entered"); without, commas do not (for the subject:
    "Bolivia declared Mexico's ambassador, María Teresa Mercado, persona non grata")."""
    start = 0
    for m in CLAUSE_BREAK.finditer(text[:at]):
        if not commas and m.group(0) == ",":
            continue
        start = m.end()
    return start


#: what stands between two members of a list: "A, B", "A and B", "A or B", "neither A nor B"
_JOINED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|,?\s+nor)\s+(?:the\s+)?")


def _conjuncts(mention: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """The other members of 'A and B' / 'A, B and C' around ``mention`` (a member may open with
    "the": "Saudi Arabia, the United Arab Emirates and Bahrain")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    i = next((k for k, m in enumerate(ordered) if m is mention), None)
    if i is None:
        return []
    found = []
    k = i
    # ("neither A nor B": its members too, whichever of them the target is)
    while k + 1 < len(ordered) and _JOINED.fullmatch(text[ordered[k].end:ordered[k + 1].start]):
        found.append(ordered[k + 1])
        k += 1
    k = i
    while k > 0 and _JOINED.fullmatch(text[ordered[k - 1].end:ordered[k].start]):
        found.append(ordered[k - 1])
        k -= 1
    return found


def with_owners(listing: list[Mention], demonyms: list[Mention], v_start: int) -> list[Mention]:
    """The mentions a speaker's list is read in, with the demonyms before the verb when one of them owns
    the speaker ("The Czech, Slovak and Polish foreign ministers condemned ...": each state's minister
    speaks; ``demonyms`` is empty otherwise)."""
    return sorted(listing + [m for m in demonyms if m.end <= v_start], key=lambda m: m.start) if demonyms else listing


#: acts whose verb takes no object: "X, Y, resigned on Friday" is active, never a participle phrase
INTRANSITIVE = {"Resignation", "AsylumRequest", "Candidacy", "CoupAttempt"}

def _drop_relative_clauses(mentions: list[Mention], text: str, start: int, end: int) -> list[Mention]:
    """'X, who served under Y, was accused': Y sits in a relative clause and is not the subject."""
    spans = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:who|which|whose|whom)\b[^,]*,", text[start:end])]
    kept = [m for m in mentions if not any(a <= m.start - start < b for a, b in spans)]
    return kept


def _outside_apposition(left: list[Mention], text: str, t_start: int) -> list[Mention]:
    """'Chávez, sentenced ... to Pedro Castillo's attempt, sought refuge': the subject is before the
    comma-bounded insertion that ends right before the trigger."""
    before = text[:t_start].rstrip()
    if not before.endswith(","):
        return left
    close = len(before) - 1
    open_ = text.rfind(",", 0, close)
    if open_ < 0:
        return left
    segment = text[open_ + 1:close].strip()
    if any(m.start >= open_ and m.end <= close and len(segment) - (m.end - m.start) <= 4 for m in left):
        return left  # "Lebanon's information minister, George Kordahi, resigned": the name is the subject
    kept = [m for m in left if m.end <= open_]
    return kept or left


def _modal(window: str, rule: Rule) -> bool:
    found = MODALITY.search(window)
    return found is not None


def _nearest(mentions: list[Mention], types: tuple[str, ...], reverse: bool) -> Mention | None:
    ordered = reversed(mentions) if reverse else mentions
    for m in ordered:
        if m.type in types:
            return m
    return None
