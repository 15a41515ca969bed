"""Acts the two parties do to each other: "the restoration of relations between Cuba and the United
States", "relations between Iran and Saudi Arabia were severed", "expelled each other's envoys"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .relations import RELATION_NOUNS
from .structure import BEFORE_AFTER, local_tokens, nominal_agent

if TYPE_CHECKING:
    from spacy.tokens import Token


#: words that make an act between two parties mutual ("cut ties with each other")
RECIPROCAL_WORDS = frozenset({"each", "one", "mutual", "mutually", "bilateral"})


def between_nominal(noun: Token) -> bool:
    """'the restoration of relations between Cuba and the United States': a noun of an act whose
    relations are between two parties and which no one is said to do."""
    if noun.pos_ != "NOUN" or nominal_agent(noun) is not None:
        return False
    # the act told as done: subject or object of a clause, or a time passed ("after the rupture of ...");
    # not "talks on the normalisation of relations", "called for the restoration of ..."
    if not ((noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX"))
            or (noun.dep_ == "pobj" and noun.head.lower_ in BEFORE_AFTER)):
        return False
    return any(t.lemma_.lower() in ("relation", "tie") and any(c.conjuncts for c in tree.prep_objects(t, "between"))
               for t in tree.prep_objects(noun, "of") + tree.prep_objects(noun, "in"))


def reciprocal_cue(trigger: Token, mentions: list) -> bool:
    """Whether a clause with two parties and no agent says the act is theirs, mutually: the parties
    are 'between' ('relations between Iran and Saudi Arabia were severed'), or 'each other', 'one another'."""
    doc = trigger.doc
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m is not None else None
        if span is None:
            continue
        root = span.root
        while root.dep_ in ("conj", "appos") and root.head != root:
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ == "between":
            return True
    near = local_tokens(trigger) + ([trigger.head] if trigger.pos_ == "NOUN" else [])
    if any(t.lemma_.lower() in RELATION_NOUNS and tree.prep_objects(t, "between") for t in near):
        return True   # "relations between the two countries were cut": the pair a description (or "them") named
    return any(t.lower_ in RECIPROCAL_WORDS and t.dep_ in ("det", "nummod", "amod", "advmod", "dobj", "pobj", "nsubj")
               for t in near for t in [t] + list(t.children))
