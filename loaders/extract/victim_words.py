"""Words of the one an act was done to: a person deposed, removed, arrested, charged, sentenced or
declared persona non grata who speaks without naming whom about ("'This is a coup,' he said", "called
the trial a political show") speaks about the author of that act — the legislature that removed him,
the officers who seized power, the state whose court sentenced him — not about the other state of
the article's dispute, nor about no one.  Their own state is no side of theirs when it is that act's
author (an exile speaking against his government).
"""

from __future__ import annotations

from .gazetteer import PERSON_TYPES, Mention

#: the acts done to a person whose author the person's later words answer
ACTS_DONE_TO_PERSONS = {"Arrest", "Charge", "Sentence", "RemovalFromOffice", "CoupAttempt",
                        "PersonaNonGrataDeclaration"}


def author_of_act_against(events, gaz, speaker: Mention, before: int) -> Mention | None:
    """The agent of the latest act of ACTS_DONE_TO_PERSONS told before ``before`` whose target is
    the speaker (a person), as a target mention of kind "act-victim"; None where there is none."""
    if speaker.type not in PERSON_TYPES:
        return None
    acts = [e for e in events if e.type in ACTS_DONE_TO_PERSONS and e.spans and e.spans[0][0] < before
            and speaker.entity in e.target and e.agent and speaker.entity not in e.agent]
    if not acts:
        return None
    # the latest act; of two told together ("seized power and detained him"), the one by its own
    # authors (the officers) before the one coded to their state
    def order(e):
        entity = gaz.entities.get(e.agent[0])
        return e.spans[0][0], entity is not None and entity.type != "State"
    agent = gaz.entities.get(max(acts, key=order).agent[0])
    if agent is None:
        return None
    return Mention(before, before, agent.id, agent.type, "", "act-victim")
