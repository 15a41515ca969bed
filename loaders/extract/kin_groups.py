"""Remarks of unnamed speakers are not coded (dev/README.md, "Gold-claim conventions": "remarks of
unnamed speakers ('analysts said', 'officials said') are not coded"; the codebook: only named people
are agents).  A group the article names only by its tie to a person — "his aides say", "Thompson's
family has said", "her relatives told reporters" — is such a speaker: the anaphora resolver mints it
as a Group labelled "<kin> of <person>" (article_anaphora.py), and a Statement whose every speaker is
one is dropped.  Its members named in the article speak for themselves ("his widow, Marina X, said"
is Marina X's); groups that name themselves or that a coup makes ("the officers of the coup") are
speakers as before.
"""

from __future__ import annotations

from collections.abc import Callable

#: the plural kin and entourage nouns by which the article names a group only by its tie to a person
KIN_GROUP_WORDS = ("children", "family", "relatives", "aides", "allies", "associates", "advisers")


def kin_group(label: str) -> bool:
    """Whether a Group's label names it by its tie to a person: "family of X", "aides of X", "wife and
    children of X"."""
    tie, sep, _ = label.partition(" of ")
    return bool(sep) and (" and " in tie or any(w in tie.split() for w in KIN_GROUP_WORDS))


def named_speakers_only(events: list, unnamed_group: Callable[[str], bool]) -> list:
    """``events`` without the Statements whose every speaker is an unnamed group (``unnamed_group``)."""
    return [e for e in events if not (e.type == "Statement" and e.agent and all(unnamed_group(a) for a in e.agent))]
