"""The two parties of a story acting on each other's envoys: "the two countries recalled their
ambassadors", "both governments expelled each other's diplomats".  Each is the agent of one act and the
target of the other (frames that are mutual by themselves, as a severance, say so with `reciprocal`).

Measured and left: two states named in the subject ("Peru and Venezuela expelled each other's
ambassadors") read the same way added a held-out false alarm and no match (measured again on 68 held-out
articles, with the possessor "each other's" / "one another's" required on the object or on a "from"
phrase: the same, one lone Expulsion false alarm and no match; left)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure, tree
from .coref_lexicon import PERSON_GROUP_NOUNS
from .frame_triggers import PARTY_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions


def mutual_pairs(token: Token, agents: list, targets: list, parties: bool = False) -> list | None:
    """The (agent, target) pairs of two states acting on each other, or None where the clause says no such
    thing: ``parties`` says the agents are the two parties of the story ("the two countries", "both
    governments"); acting on no one named, each acts on the other."""
    if not parties or token.pos_ != "VERB" or len(agents) != 2 or targets:
        return None
    first, second = agents
    return [(first, second), (second, first)]


#: the word that pairs two lists member by member: "Chile and Peru recalled their envoys from Caracas and
#: Managua respectively"
RESPECTIVE_WORDS = frozenset({"respectively"})


def respective_pairs(token: Token, agents: list, targets: list) -> list | None:
    """'Chile and Peru expelled the Venezuelan and Nicaraguan ambassadors, respectively': as many agents
    as targets, each list in the order told, the first agent on the first target and so on; None where
    the clause does not say "respectively" (every agent then acts on every target)."""
    if len(agents) < 2 or len(agents) != len(targets) or not any(
            t.lower_ in RESPECTIVE_WORDS and in_own_clause(t, token) for t in token.subtree):
        return None
    if any(m is None for _, m in agents + targets):
        return None  # the order told is not known
    return list(zip(sorted(agents, key=_told_at), sorted(targets, key=_told_at)))


def in_own_clause(word: Token, verb: Token) -> bool:
    """``word`` hangs on ``verb`` through no other verb ("Chile and Peru, whose envoys served in A and
    B respectively, recalled ...": the relative clause's "respectively" is not the recall's)."""
    head = word.head
    while head.i != verb.i:
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return False
        head = head.head
    return True


def _told_at(pair: tuple) -> int:
    return pair[1].start


def both_parties(token: Token, index: TokenMentions, agents: list | None = None) -> list[tuple[str, Mention]]:
    """'The two countries broke off relations': the last two states named before the subject.  Where the
    mentions resolved the subject to two states already (``agents``), they are the two parties only when
    they are the only two states told in the sentence before and in this one up to the subject ("Peru and
    Mexico traded accusations. The two countries recalled their ambassadors"; not when a third is in reach:
    "Estonia and Latvia protested to Russia. The two countries recalled ...")."""
    verb = token.head if token.pos_ == "NOUN" else token
    subject = structure.logical_subject(verb)
    if agents and not all(m is None for _, m in agents):
        if len(agents) != 2 or not told_as_pair(verb):
            return []
        told = _two_told_just_before(subject, index)
        return agents if {a for a, _ in told} == {a for a, _ in agents} else []
    if subject is not None and subject.lemma_.lower() in PERSON_GROUP_NOUNS:   # "the ministers of the two countries"
        subject = next(iter(tree.prep_objects(subject, "of")), subject)   # (not "the embassies of both countries")
    if subject is not None and subject.tag_ == "NN" and subject.lemma_.lower() in PARTY_NOUNS \
            and any(c.dep_ == "det" and c.lower_ in EACH_WORDS for c in subject.children):
        return _two_told_just_before(subject, index)   # "each side expelled the other's ambassador"
    if not _counted_pair(subject):
        return []
    parties = index.before(subject, "state", 2)
    return parties if len(parties) == 2 else []


def _counted_pair(subject: Token | None) -> bool:
    """'the two countries', 'both governments', 'the two', 'both': a subject that counts the two parties
    (the number alone too: "The two agreed to restore ties", "Both restored relations")."""
    if subject is None:
        return False
    if subject.lower_ in ("two", "both") and subject.pos_ in ("NUM", "DET", "PRON"):
        return True
    return subject.lemma_.lower() in PARTY_NOUNS and subject.tag_ in ("NNS", "NNPS") \
        and any(c.lower_ in ("two", "both") for c in subject.children)


def told_as_pair(token: Token) -> bool:
    """Whether the act's subject counts the story's two parties ("The two countries recalled their
    ambassadors"), though the mentions resolved it to the two states already (both_parties pairs them)."""
    return token.pos_ == "VERB" and _counted_pair(structure.logical_subject(token))


#: determiners of one party of a pair, each acting in turn ("each side", "each government")
EACH_WORDS = frozenset({"each"})


def _two_told_just_before(subject: Token, index: TokenMentions) -> list[tuple[str, Mention]]:
    """'Russia and Estonia traded accusations. Each side expelled ...': the two states named in the sentence
    before the subject's and in its own up to it, where exactly two are (no count says there are two: a
    third state in reach leaves which pair untold)."""
    start = subject.doc[tree.sent_start_before(subject, 1)].idx
    told = [party for party in index.before(subject, "state", 3) if party[1].start >= start]
    return told if len(told) == 2 else []
