"""'Moscow was quick to recognise the new government', 'Paris was swift to expel the envoys', 'Oslo
was slow to restore ties': an infinitive on an adjective of manner or speed after 'be' reports an act
that happened, done by the subject of 'be'.  (An adjective of disposition -- 'was ready, eager,
willing, reluctant to recognise' -- reports none: it is not listed, and its infinitive finds no
subject.)  structure.logical_subject asks here for the act's subject, modality.not_an_act for the
clause whose tense and mood decide whether it happened ('may be quick to recognise': none)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: adjectives that say how soon or how readily an act was done, not whether one wished to do it
MANNER_ADJECTIVES = frozenset({"quick", "quicker", "quickest", "swift", "swifter", "swiftest", "fast", "faster",
                               "prompt", "slow", "slower", "slowest", "early", "earliest", "first", "last"})
#: the verbs that carry such an adjective ("was quick to", "proved slow to")
COPULAS = frozenset({"be", "become", "prove"})


def manner_copula(verb: Token) -> Token | None:
    """The 'be' whose subject does the act of an infinitive on a manner adjective, else None."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    adjective = verb.head
    if adjective.pos_ != "ADJ" or adjective.dep_ not in ("acomp", "oprd") or adjective.lower_ not in MANNER_ADJECTIVES:
        return None
    copula = adjective.head
    return copula if copula.lemma_.lower() in COPULAS and copula.i != adjective.i else None
