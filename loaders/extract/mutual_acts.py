"""The two parties of a story acting on each other's envoys: "the two countries recalled their
ambassadors", "both governments expelled each other's diplomats".  Each is the agent of one act and the
target of the other (frames that are mutual by themselves, as a severance, say so with `reciprocal`).

Measured and left: two states named in the subject ("Peru and Venezuela expelled each other's
ambassadors") read the same way added a held-out false alarm and no match (measured again on 68 held-out
articles, with the possessor "each other's" / "one another's" required on the object or on a "from"
phrase: the same, one lone Expulsion false alarm and no match; left)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def mutual_pairs(token: "Token", agents: list, targets: list, parties: bool = False) -> list | None:
    """The (agent, target) pairs of two states acting on each other, or None where the clause says no such
    thing: ``parties`` says the agents are the two parties of the story ("the two countries", "both
    governments"); acting on no one named, each acts on the other."""
    if not parties or token.pos_ != "VERB" or len(agents) != 2 or targets:
        return None
    first, second = agents
    return [(first, second), (second, first)]
