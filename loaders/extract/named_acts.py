"""What kind of act a noun names where the noun itself is no act word: an attempt at an act ("the
attempt to seize power", "their bid to overthrow the president": the act of the infinitive, read by
the frames' verb triggers), and a kind of act told generally ("any takeover", "all coups", "coups"
as a bare plural), which words judging such acts single out by their authors; and the act a verb of
authority orders ("instructed the minister to open relations with China").

Used by ``spoken_acts.SpokenActs._act_spoken_of`` (whom a Statement naming an act is about).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import frame_file
from .told_before import has_words

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns of trying: what they name is the act their infinitive tells ("the attempt to seize power")
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "effort", "plot", "try", "scheme"})

#: determiners by which a noun names every act of its kind ("any takeover", "every coup", "all such raids")
KIND_DETERMINERS = frozenset({"any", "every", "all", "such", "no"})

#: acts whose authors are what words about such acts, named by their kind, are about ("condemned any
#: takeover by force", "'I will never respect those who come to power through coups'"); words about
#: other kinds ("recognition should come later") are about whom those acts are done to
AUTHORED_KINDS = frozenset({"CoupAttempt", "EmbassyIncursion", "Arrest"})


def attempted_kinds(noun: Token) -> tuple[str, ...] | None:
    """The event types of the act an attempt noun's infinitive tells ("the attempt to seize power":
    CoupAttempt, by the frames' verb triggers whose needed words the infinitive's phrase holds);
    None where the noun is no attempt or its infinitive names no act of a frame."""
    if noun.lemma_.lower() not in ATTEMPT_NOUNS:
        return None
    frames = frame_file.frames_for(noun.doc.lang_)
    kinds: list[str] = []
    needed: list[str] = []   # the types of triggers whose needed words are there: "seize power", not "seize" alone
    for verb in (c for c in noun.children if c.dep_ in ("acl", "xcomp", "relcl") and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        lemma = verb.lemma_.lower()
        for frame in frames.frames:
            for trigger in frame.triggers:
                if trigger.pos != "verb" or lemma not in trigger.lemmas or trigger.also:
                    continue
                if trigger.needs and not has_words(list(verb.subtree), trigger.needs):
                    continue
                found = needed if trigger.needs else kinds
                if frame.type not in found:
                    found.append(frame.type)
    return tuple(needed or kinds) or None


def act_kinds(noun: Token) -> tuple[str, ...] | None:
    """The event types of the act a noun names: its entry in statement_targets.ACT_NOUNS (() for a word of
    whatever act was told: "the move"), else those of the act an attempt noun tells ("condemned the attempt
    to seize power": attempted_kinds); None where it names none."""
    from .statement_targets import (  # (statement_targets imports this module)
        ACT_NOUNS,
        CODED_ACT_NOUNS,
    )

    lemma = noun.lemma_.lower()
    kinds = ACT_NOUNS.get(lemma, CODED_ACT_NOUNS.get(lemma))
    return kinds if kinds is not None else attempted_kinds(noun)


def names_an_act(noun: Token) -> bool:
    """'the impeachment that removed her', 'the vote ousted him', 'the hasty trial that removed X': the
    clause's subject is a common noun that names an act (act_kinds), not an actor: no noun of a person
    ("the putschists", "the soldiers": statement_targets.AUTHOR_NOUNS, which point to an act's authors)."""
    # (a late import: statement_targets imports this module)
    from .statement_targets import AUTHOR_NOUNS

    return noun.pos_ == "NOUN" and act_kinds(noun) is not None and noun.lemma_.lower() not in AUTHOR_NOUNS


def named_as_kind(noun: Token) -> bool:
    """'any takeover', 'all coups', 'coups' (a bare plural): the noun names acts of its kind, not one act."""
    determiners = [c for c in noun.children if c.dep_ in ("det", "predet")]
    if any(d.lower_ in KIND_DETERMINERS for d in determiners):
        return True
    return not determiners and noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "poss" for c in noun.children)


#: verbs by which one with authority has another act ("instructed the minister to open relations"):
#: the one instructed acts for the speaker's side (an appeal, "urged X to", is addressed to another side)
AUTHORITY_VERBS = frozenset({"instruct", "order", "direct", "authorise", "authorize", "task", "mandate", "commission"})


def ordered_act(token: Token) -> Token | None:
    """'instructed Reina to open relations with China': for the object of a verb of authority, the
    act it is ordered to do (the infinitive), else None."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in AUTHORITY_VERBS:
        return None
    return next((c for c in token.head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
