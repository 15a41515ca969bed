"""The same act by others, told as a noun listed beside an act noun: "Canada's expulsion of the
consul and similar steps by Australia and New Zealand", "followed two moves, Estonia's expulsion of a
consul, and decisions of the governments of Latvia and Poland", "Norway's recall of its envoy and
those of Denmark and Iceland".

A noun that names no act of its own ("move", "step", "measure", "decision", "action", or "those")
coordinated with an act noun, or in apposition with the noun that act noun is listed under, is
that act again, done by whoever its own phrase names (its possessor, its "by ..." or its "of ...",
through "the government(s) of ..."), on the act noun's target.  Statements and the like are acts of
their own ("the protests of Beijing") and never take the type.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import tree

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that stand for an act told beside them without naming it
SAME_ACT_NOUNS = frozenset({"move", "step", "measure", "decision", "action"})
#: pronouns that take up the head noun of the act noun they are listed with ("and those of Denmark")
SAME_ACT_PRONOUNS = frozenset({"those", "that"})
#: nouns between an act noun and the state that did it ("the governments of Latvia and Poland")
GOVERNMENT_NOUNS = frozenset({"government", "authority", "administration", "cabinet", "leader"})


def _siblings(trigger: Token) -> Iterator[Token]:
    """The nouns listed with an act noun: its conjuncts, the conjuncts of the noun it is in
    apposition with or listed under, and the conjuncts of its own "of" object ("the expulsion of
    three diplomats and those of Denmark": the parser's attachment of "those")."""
    heads = [trigger]
    t = trigger
    while t.dep_ in ("conj", "appos") and t.head.pos_ in ("NOUN", "PRON"):
        t = t.head
        heads.append(t)
    seen = {h.i for h in heads}
    for h in heads:
        for c in h.children:
            if c.dep_ in ("conj", "appos") and c.i not in seen:
                seen.add(c.i)
                yield c
                yield from (g for g in c.children if g.dep_ == "conj")
    for obj in tree.prep_objects(trigger, "of"):
        yield from (c for c in obj.children if c.dep_ == "conj" and c.lower_ in SAME_ACT_PRONOUNS)


def _doers(noun: Token) -> Iterator[Token]:
    """The head tokens naming who does a sibling's act: its possessor, "by" object or "of" object,
    through a government noun to its state."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            yield c
    for prep in ("by", "of"):
        for obj in tree.prep_objects(noun, prep):
            if obj.lemma_.lower() in GOVERNMENT_NOUNS:
                owners = tree.prep_objects(obj, "of") or [c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                yield from owners
            elif obj.pos_ == "PROPN":
                yield obj


def _names_its_own_act(noun: Token) -> bool:
    """Whether a "decision"/"step" says what it is ("the decision to review ties", "a step against
    its press", "the measure on visas"): then it is that act, not the one it is listed with."""
    if any(c.lower_ in SAME_ACT_ADJECTIVES for c in noun.children):
        return False   # "a similar move by Slovakia on Monday"
    return any(c.dep_ in ("acl", "relcl", "xcomp") or c.dep_ == "prep" and c.lower_ in OWN_ACT_PREPOSITIONS
               for c in noun.children)


#: prepositions by which a listed noun tells its own act ("the step against", "the decision about")
OWN_ACT_PREPOSITIONS = frozenset({"to", "against", "toward", "towards", "over", "about"})
#: words that make a listed noun the same act whatever follows it
SAME_ACT_ADJECTIVES = frozenset({"similar", "same", "such", "identical", "parallel", "matching"})


def sibling_doers(trigger: Token) -> list[Token]:
    """The head tokens of those who did the act noun ``trigger`` names again, told by a noun listed
    with it (the first conjunct of each list: the caller fills one actor per conjunct)."""
    if trigger.pos_ != "NOUN":
        return []
    out = []
    for sibling in _siblings(trigger):
        lemma = sibling.lemma_.lower()
        if lemma in SAME_ACT_NOUNS and sibling.pos_ == "NOUN" and _names_its_own_act(sibling):
            continue   # "... and the decision by Australia to review ties": another act
        if lemma in SAME_ACT_NOUNS and sibling.pos_ == "NOUN" or lemma in SAME_ACT_PRONOUNS and sibling.pos_ == "PRON":
            out += [d for d in _doers(sibling) if d not in out]
    return out
