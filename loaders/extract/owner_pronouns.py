"""'Moscow condemned Poland's expulsion of its diplomats', 'Russia protested against the expulsion of
its ambassador by Poland': an envoy noun with "its" / "their" in the phrase of an act noun whose own
agent is someone else (its possessor or "by ...").  The pronoun is not the act's agent (a state acting
on "its" own envoys would be a recall) but the subject of the clause that tells of the act: the state
that complains, answers or protests, whose envoys they are.

The mentions leave possessive pronouns of objects unresolved ("an object is named"); this is the one
place where the clause itself says whom the pronoun stands for.  Only for act nouns: after a verb
("Poland expelled its diplomats") the pronoun is the subject's own, read elsewhere as a recall.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import nominal, structure
from .envoys import ENVOY_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: possessive pronouns that may stand for a state
STATE_POSSESSIVES = frozenset({"its", "their"})
#: act nouns done to another state's envoys (a recall or withdrawal is of one's own: "Poland's recall
#: of its ambassador" is Poland's ambassador)
ACTS_ON_OTHERS_ENVOYS = frozenset({"expulsion", "declaration", "ouster", "eviction"})


def owner_subject(envoy: Token, trigger: Token) -> Token | None:
    """The subject of the clause an act noun sits in, for the possessive pronoun on the envoy noun of
    its phrase, where the act noun names another agent; else None."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in ACTS_ON_OTHERS_ENVOYS or envoy.lemma_.lower() not in ENVOY_LEMMAS:
        return None   # (the cheap tests first: an act noun, an envoy noun)
    if not any(c.dep_ == "poss" and c.lower_ in STATE_POSSESSIVES for c in envoy.children):
        return None
    agent = nominal.agent(trigger)
    if agent is None or agent.pos_ == "PRON":
        return None   # ("their expulsion of its envoys": nobody else is told)
    verb = trigger.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = structure.logical_subject(verb)
    # (or a participle the parser calls a preposition: "Following the expulsion of its ambassador by X, Y ...")
    if (subject is None or trigger.i in {t.i for t in subject.subtree}) and verb.dep_ in ("advcl", "prep") \
            and verb.head.pos_ in ("VERB", "AUX"):
        subject = structure.logical_subject(verb.head)  # "Angered by X's expulsion of their envoys, Y ...": Y
    if subject is None or subject.i == agent.i or subject.pos_ == "PRON" or trigger.i in {t.i for t in subject.subtree}:
        return None
    return subject
