"""Acts on persons that the armed forces commit: a leader ousted by soldiers or "in a coup" is
overthrown, not removed from office (the codebook's CoupAttempt, by the armed forces, besides any
arrest), and no RemovalFromOffice is coded for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure
from .organs import military_act

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns naming a seizure of power by force: "ousted in a coup", "toppled in a military putsch"
COUP_WORDS = frozenset({"coup", "putsch", "mutiny", "coup d'état", "coup d'etat"})
#: prepositions that place the act inside the coup ("in a coup", "during the putsch", "by a coup")
COUP_PREPOSITIONS = frozenset({"in", "during", "by", "through", "via"})


def removed_by_force(trigger: "Token") -> bool:
    """Whether a removal trigger ("ousted", "overthrew", "ouster") tells a coup: the armed forces
    act ("the army ousted the president", "overthrown by soldiers"), or the removal happened in a
    coup ("was ousted in a military coup"); "removed from office after his failed coup" is not."""
    if trigger.pos_ == "VERB" and military_act(trigger):
        return True
    return any(t.lemma_.lower() in COUP_WORDS and t.head.dep_ == "prep" and t.head.lower_ in COUP_PREPOSITIONS
               and t.head.head == trigger for t in structure.local_tokens(trigger))


#: members of a legislature: "lawmakers voted to remove her" is the legislature's act (codebook)
LAWMAKER_WORDS = frozenset({"lawmaker", "legislator", "deputy", "senator", "mp", "congressman", "congresswoman",
                            "parliamentarian", "congressmen", "congresswomen", "mps"})


def by_lawmakers(trigger: "Token") -> bool:
    """Whether the act's subject is the members of a legislature ("lawmakers", "deputies")."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    return subject is not None and (subject.lemma_.lower() in LAWMAKER_WORDS or subject.lower_ in LAWMAKER_WORDS)
