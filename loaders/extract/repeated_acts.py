"""Two acts of one type between the same parties, told as two (the codebook: a recall for
consultations and a later permanent withdrawal are two recalls; two arrests of one person are two):

* a clause that tells its act as a repeat or a later step ("was arrested again", "for the second
  time", "later withdrew him", "recalled him once more") is a second act beside the act of its type
  and parties told just before it (in its own sentence or the one before): never merged into that
  one.  Told far from it, it is merged only into an act on the same day (a lead and its narrative
  told the act before the repeat; the repeat may be theirs);
* a recall told as a step ("for consultations" / "permanently", "for good") carries that step while
  the article's events are assembled, so a recall for consultations and a permanent withdrawal told in
  sentences of their own stay two (``legal_identity.distinct_kinds`` reads the field ``KIND``).

The fields set here serve the assembly only (``drop_marks``): no claim carries them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure
from .dating import apart
from .legal_identity import KIND

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the event field that says the act is told as a repeat or a later step (dropped after the assembly)
REPEAT = "act_repeat"
#: adverbs on the act's verb that tell it as a repeat or a step after an act told before
REPEAT_ADVERBS = frozenset({"again", "anew", "later", "subsequently", "eventually", "afterwards", "afterward"})
#: "for the second time", "a third time": an ordinal on "time"
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "another"})
#: the steps of a recall: called home to consult, or withdrawn for good
RECALL_STEPS = {"consultation": "consultations", "consultations": "consultations", "consult": "consultations",
                "permanently": "permanent", "definitively": "permanent", "indefinitely": "permanent"}
RECALL = "RecallOfAmbassador"


def told_as_repeat(trigger: "Token") -> bool:
    """Whether the act's own clause tells it as a repeat or a later step: an adverb on the verb
    ("arrested again", "later withdrew", "once more"), or an ordinal time ("for the second time")."""
    if trigger.pos_ != "VERB":
        return False
    if any(c.dep_ == "advmod" and c.lower_ in REPEAT_ADVERBS | {"more"} for c in trigger.children):
        return True
    # (not the noun the clause hangs on: "it was the second time Ecuador had recalled him" tells this act)
    return any(t.lemma_.lower() == "time" and any(a.lower_ in ORDINALS for a in t.children if a.dep_ in ("amod", "det"))
               for t in structure.local_tokens(trigger) if t.pos_ == "NOUN" and trigger.is_ancestor(t))


def recall_step(trigger: "Token") -> str | None:
    """'consultations' or 'permanent' for a recall whose own clause tells its step, else None."""
    for t in structure.local_tokens(trigger):
        step = RECALL_STEPS.get(t.lower_) or RECALL_STEPS.get(t.lemma_.lower())
        if step:
            return step
        if t.lower_ == "good" and t.dep_ == "pobj" and t.head.lower_ == "for":
            return "permanent"  # "withdrew its ambassador for good"
    return None


def mark(etype: str, trigger: "Token", fields: dict) -> None:
    """Set the assembly marks of an act found on a trigger token."""
    if told_as_repeat(trigger):
        fields[REPEAT] = True
    if etype == RECALL and KIND not in fields:
        step = recall_step(trigger)
        if step:
            fields[KIND] = step


def second_act(candidates: list, fields: dict, index: int) -> list:
    """The candidates an act told in sentence ``index`` may be merged into: all of them, unless the
    act is told as a repeat: then not the one told last when it was told in this sentence or the one
    before, nor one dated on another day."""
    if not fields.get(REPEAT) or not candidates:
        return candidates
    last = max(candidates, key=lambda e: max(e.sentences))
    out = []
    for event in candidates:
        if event is last and max(event.sentences) >= index - 1:
            continue
        if apart(event.fields.get("date"), fields.get("date"), days=0):
            continue
        out.append(event)
    return out


def drop_marks(events: list) -> None:
    for event in events:
        event.fields.pop(REPEAT, None)
