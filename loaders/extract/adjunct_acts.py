"""'Russia recalled its ambassador in protest at the expulsion of its consul by Estonia': an act that
answers another (shared_party.ANSWERS) whose clause leaves the other party untold, while an adjunct
of its own tells the act it answers as a noun ("over the expulsion ... by X", "following X's
expulsion of ...", "in response to the arrest of its consul by X"), is done to that act's author.

The noun is reached from the trigger through prepositions and their objects only (the trigger's own
or its object's: the parser hangs "over ..." on either), so an act of another clause is never read;
its author is the object of "by" on it or a possessor named (not a pronoun)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .shared_party import ANSWERS
from .structure import nominal_agent

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions

#: how many preposition links the noun may lie from the trigger ("in protest at the expulsion": two)
_MAX_LINKS = 2


@functools.cache
def _act_nouns() -> frozenset[str]:
    from .frame_file import default_frames

    return default_frames().noun_words


def _adjunct_nouns(trigger: Token):
    """Nouns reached from the trigger (or its direct object) through prep → pobj links, nearest first."""
    starts = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"]
    frontier = [(s, 0) for s in starts]
    while frontier:
        head, links = frontier.pop(0)
        for prep in (c for c in head.children if c.dep_ == "prep" and c.i > trigger.i):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
                yield noun
                if links + 1 < _MAX_LINKS:
                    frontier.append((noun, links + 1))


def answered_act_author(etype: str, agent: str | None, trigger: Token, index: TokenMentions) -> str | None:
    """The state whose act, told as a noun in the trigger's own adjunct, an act of ``etype`` answers
    (None: no such act told, or ``etype`` answers none)."""
    if agent is None or etype not in ANSWERS:
        return None
    nouns = _act_nouns()
    for noun in _adjunct_nouns(trigger):
        if noun.lemma_.lower() not in nouns:
            continue
        author = nominal_agent(noun)  # "the expulsion ... by X", "X's expulsion of ..."
        if author is None:
            continue
        found = [f for f, _ in index.fill(author, ["state"]) if f != agent]
        if found:
            return found[0]
    return None
