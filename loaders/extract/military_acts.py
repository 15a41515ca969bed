"""Whether an act is the armed forces': its subject is soldiers, the army, officers of a body of the forces
("officers of the presidential guard", not "officers of the anti-corruption agency"), or an officer named with
a rank ("General Ana Ruiz").  A coup, an arrest by soldiers and a legal act's organ read it (coups.py,
frame_events.py, legal.py); the organ is organs.organ_token's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure
from .governments import WORDS
from .organs import MILITARY_WORDS, ORGAN_PRONOUNS, organ_token

if TYPE_CHECKING:
    from spacy.tokens import Token


#: ranks of officers: "General X toppled the prime minister" is the armed forces' act
MILITARY_RANKS = frozenset({"general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major", "captain", "capt.",
                            "commander", "marshal", "field", "brigadier", "sergeant", "admiral"})


def military_act(trigger: Token) -> bool:
    """Whether an act's subject is the armed forces ("soldiers", "the army", "officers of the guard"),
    or an officer named with a rank ("General Ana Ruiz")."""
    subject = structure.logical_subject(trigger) if trigger.pos_ == "VERB" else None
    if subject is not None and subject.pos_ == "PROPN" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in MILITARY_RANKS for c in subject.children):
        return True
    organ = organ_token(subject)
    if organ is None or organ.lower_ in ORGAN_PRONOUNS:
        return False
    if organ.lemma_.lower() == "force" and not any(c.lower_ in ("armed", "military", "special") for c in organ.children):
        return False
    if any(c.lemma_.lower() == "police" for c in organ.children):
        return False  # "police officers"
    if _of_civil_body(organ):
        return False  # "officers of the anti-corruption agency"
    return organ.lemma_.lower() in MILITARY_WORDS or organ.lower_ in MILITARY_WORDS


#: the words of a body of the armed forces, besides MILITARY_WORDS ("officers of the 3rd Battalion"), governments.yaml
MILITARY_BODY_WORDS = MILITARY_WORDS | WORDS["military_bodies"]


def _of_civil_body(men: Token) -> bool:
    """Whether an "of" phrase tells the men as a civil body's: "officers of the anti-corruption agency" (not
    "officers of the presidential guard", "of the Malian army", "of Mali")."""
    bodies = [o for c in men.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return bool(bodies) and not any(o.ent_type_ in ("GPE", "NORP") or any(
        t.lemma_.lower() in MILITARY_BODY_WORDS or t.lower_ in MILITARY_BODY_WORDS for t in o.subtree) for o in bodies)
