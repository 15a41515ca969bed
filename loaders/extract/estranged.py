"""Persons at odds with their own state: one the article has arrested, charged, sentenced, removed or
ousted by that state, or who sought asylum from it.  Such a person does not speak for the state;
their words are often about it ("Castillo said Peru had persecuted him", "the ousted president
denied the charges"), so their own state is not the side their Statements are never about.

A function over the extractor's events (``speaker_sides.py`` calls it)."""

from __future__ import annotations

#: acts a state does to a person of its own that set the person against it
ACTS_AGAINST = frozenset({"Arrest", "Charge", "Sentence", "RemovalFromOffice", "CoupAttempt"})
#: acts that oust a person from their state's government, whoever is named as their author (a coup's
#: is the state's armed forces, an organ of it)
OUSTING_ACTS = frozenset({"RemovalFromOffice", "CoupAttempt"})
#: acts a person does that set them against their own state (fleeing it)
ACTS_OF_FLIGHT = frozenset({"AsylumRequest"})


def estranged(events, person: str, state: str) -> bool:
    """Whether the article tells ``state`` acting against ``person`` (an arrest, charge, sentence,
    removal or coup with the person as target), or ``person`` seeking asylum abroad."""
    return any(e.type in ACTS_AGAINST and person in e.target and (state in e.agent or not e.agent or e.type in OUSTING_ACTS)
               or e.type in ACTS_OF_FLIGHT and person in e.agent and state not in e.target
               for e in events)

