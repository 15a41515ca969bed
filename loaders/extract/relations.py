"""What the relations frames (severance, restoration, downgrade) need beyond their words: whether
the ties acted on are diplomatic ones at all ("severed military ties with Washington" is no severance
of relations; "cut diplomatic and trade ties" is one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the frames acting on a state's relations as a whole
RELATION_FRAMES = frozenset({"SeveranceOfRelations", "RestorationOfRelations", "DowngradeOfRelations"})
#: the nouns that name the relations acted on
RELATION_NOUNS = frozenset({"relation", "tie", "link", "relationship"})
#: kinds of ties that are not a state's diplomatic relations
OTHER_TIES = frozenset({"military", "trade", "economic", "commercial", "security", "defence", "defense", "cultural",
                        "sporting", "sports", "academic", "intelligence", "energy", "business", "financial", "party",
                        "police", "nuclear", "aviation", "air", "rail", "banking", "research", "scientific", "church"})
#: kinds that are (or include) diplomatic relations
DIPLOMATIC = frozenset({"diplomatic", "political", "consular", "official", "bilateral", "formal", "full"})


def other_ties(trigger: Token) -> bool:
    """Whether the relations a trigger acts on are named as ties of another kind only ("cut military
    ties", "suspended trade links"), with no diplomatic ones among them."""
    verb_or_noun = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "prep")]
    nouns = [t for x in verb_or_noun for t in [x] + list(x.children)
             if t.lemma_.lower() in RELATION_NOUNS and t.pos_ == "NOUN"]
    if not nouns:
        return False
    for noun in nouns:
        kinds = {w.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod") for w in c.subtree}
        if not kinds & OTHER_TIES or kinds & DIPLOMATIC:
            return False
    return True
