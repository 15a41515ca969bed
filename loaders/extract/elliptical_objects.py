"""An object that leaves out its noun stands for the noun told just before: "Canada expelled six
Indian diplomats, and India expelled six Canadian ones", "... India responded by expelling two
Canadians", "New Delhi expelled Canada's in return", "expelled an equal number", "expelled six of
Canada's".  A trigger whose needed word ("diplomat") is not in its own clause meets its need when its
object is such an ellipsis and the word is told in its sentence before it or in the sentence before
(told_before.needs_told_before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .split_lists import possessor_alone
from .world import DEMONYM_PLURALS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: pronouns and nouns that stand for a noun told before ("Canadian ones", "the same number")
STAND_INS = frozenset({"ones", "one", "those", "theirs", "number", "total", "each", "others", "more"})   # ("expelled others", "expelled more")


def elliptical(obj: Token) -> bool:
    """Whether an object leaves out its noun: a stand-in ("ones", "the same number"), a bare number
    ("expelled four"), a people's plural ("two Canadians": as many of that people as the noun told
    before), a possessor alone ("Canada's") or with "own" ("its own"), or a
    part of one ("six of Canada's")."""
    if obj.lower_ in STAND_INS or obj.lower_ in DEMONYM_PLURALS or possessor_alone(obj):
        return True
    if obj.lower_ == "own" and any(c.dep_ == "poss" for c in obj.children):
        return True  # "... and the United States recalled its own"
    if obj.pos_ == "NUM" and not any(c.dep_ == "prep" and c.lower_ != "of" for c in obj.children):
        return True  # "expelled four", "expelled six of Canada's"
    return False


def told_target(verb: Token, index, exclude: set[str]) -> list:
    """'Germany expelled four Russian diplomats. France expelled four': an elliptical object names no
    state; the noun it stands for, told just before (this sentence or the one before), does."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects or not all(elliptical(o) for o in objects):
        return []
    # (a singular stands for "one": "Belgium expelled a Russian diplomat. The Netherlands also expelled one.";
    # and for a number, whatever its count: "Poland expelled a Russian diplomat, and Latvia expelled two")
    tags = ("NNS", "NN") if objects[0].lower_ == "one" or objects[0].pos_ == "NUM" else ("NNS",)
    for noun in reversed(verb.doc[tree.sent_start_before(verb, 1):objects[0].i]):
        if noun.pos_ == "NOUN" and noun.tag_ in tags and noun.i != objects[0].i:
            found = [f for f in index.fill(noun, ["state"]) if f[0] not in exclude and f[1] is not None]
            if found:
                return found[:1]
    return []
