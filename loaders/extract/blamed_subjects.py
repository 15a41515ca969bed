"""A reported clause that blames its subject: "said Britain had failed to protect the mission", "said
Egypt had violated the ceasefire".  A state so told is what the speaker accuses, never the state the
speaker speaks for, however the clause's verb is conjugated ("said Canada had expelled ..." is a
state's own act told by its official: speaker_sides.SPEAKS_FOR_REPORTED_SUBJECT, which reads a blamed
subject as the other side).  A clause is denied by modality.negated, the one negation test (the
language's negation words and "no longer": "said Canada no longer ignored the threats" blames no one);
"hardly", which this module once added, is left out ("had hardly recognised X when ..." tells the act
done), measured flat either way on the development articles.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .modality import has_modal, negated
from .speech import reported_clauses

#: predicates of a wrong done or a duty not done
BLAME_PREDICATES = frozenset({
    "violate", "breach", "flout", "contravene", "undermine", "interfere", "meddle", "fail", "betray",
    "lie", "ignore", "disregard", "abandon", "sabotage", "mislead", "deceive", "renege",
    "harbour", "harbor", "sponsor", "persecute", "humiliate", "insult", "obstruct", "destabilise",
    "destabilize", "spy",
})
#: clauses nested below the reported one that carry its predicate ("had let its police fail to ...")
NESTED = ("xcomp", "ccomp")


def blames(verb: Token) -> bool:
    """Whether the clause of ``verb`` (or one nested in it, one level down) tells a wrong done or a
    duty not done, not denied ("was not looking to provoke", "would never interfere") nor intended
    ("would ignore the ultimatum"): a state's own word on itself."""
    # (a modal of intent, frames.yaml's `intent`: what a state will or will not do, told by its officials,
    # "said Canada would ignore the ultimatum"; never "must", a demand on the other side)
    if negated(verb) or has_modal(verb, "intent"):
        return False
    return any(v.lemma_.lower() in BLAME_PREDICATES and not negated(v)
               for v in (verb, *(c for c in verb.children if c.dep_ in NESTED)))


def reported_clause_blames(doc: Doc, at: int) -> bool:
    """Whether the clause the speech verb at ``at`` reports blames its subject."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    clause = next(iter(reported_clauses(span[0])), None)
    return clause is not None and blames(clause)
