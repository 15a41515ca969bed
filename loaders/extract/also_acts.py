"""'Kenya declared the Somali ambassador X persona non grata. His deputy, Y, was also declared persona
non grata': a passive act told with "also" and no agent of its own is the same act again, on another
one acted on, by the agent of the act of its type told just before (this sentence or the two before).
With none told there, nothing is guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .counterpart import PAIR_LOOK_BACK

if TYPE_CHECKING:
    from spacy.tokens import Token

#: adverbs on a verb that tell its act as one more of the kind told before ("was also expelled")
ALSO_ADVERBS = frozenset({"also", "too", "likewise", "similarly"})


def told_as_also(verb: Token) -> bool:
    """Whether a verb tells its act as one more of the kind told before: "also", "too" on it."""
    return verb.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in ALSO_ADVERBS for c in verb.children)


def agent_before(etype: str, sentence: int, earlier: list) -> str | None:
    """The agent of the last act of this type told in reach before (``earlier``: (sentence, match)
    pairs, in order), or None."""
    for n, match in reversed(earlier):
        if sentence - n > PAIR_LOOK_BACK:
            return None
        if match.type == etype and isinstance(match.agent, str):
            return match.agent
    return None
