"""'Lithuania said it had declared Oleg Sorin, the Russian consul, persona non grata', 'responded by
declaring a diplomat, Jonas Kairys, persona non grata': after an object in commas the parser loses
the fixed phrase's verb and makes "persona" a verb coordinated with (or complementing) the clause above (the one of
"said", "responded", "decided").  The phrase is the complement of the declaring verb between the two again:
the nearest verb before it, below that clause, whose lemma a persona non grata trigger has."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .structure import FIXED_PHRASE_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Token

DECLARATION = "PersonaNonGrataDeclaration"


@functools.lru_cache(maxsize=4)
def declaring_verbs(language: str) -> frozenset[str]:
    """The verb lemmas of the frame of persona non grata in a language's frames ("declare", "name" ...)."""
    from .frame_file import frames_for

    return frozenset(w for f in frames_for(language).frames if f.type == DECLARATION
                     for t in f.triggers if t.pos == "verb" for w in t.lemmas)


def phrase_on_outer_verb(phrase: "Token") -> bool:
    """Hang a fixed phrase the parser coordinated with an outer clause on its declaring verb; whether
    a repair was made."""
    if phrase.lower_ not in FIXED_PHRASE_HEADS or phrase.dep_ not in ("conj", "ccomp", "xcomp"):
        return False
    outer = phrase.head
    verbs = declaring_verbs(phrase.doc.lang_)
    if outer.i >= phrase.i or outer.lemma_.lower() in verbs:
        return False
    for i in range(phrase.i - 1, outer.i, -1):
        verb = phrase.doc[i]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
            if _below(verb, outer) and not any(c.lower_ in FIXED_PHRASE_HEADS for c in verb.children):
                phrase.head, phrase.dep_ = verb, "ccomp"
                return True
            return False
        if verb.pos_ == "VERB" and verb.dep_ not in ("amod", "acl", "relcl"):
            return False  # another clause's verb in between: not the declaring verb's phrase
    return False


def _below(token: "Token", ancestor: "Token") -> bool:
    return any(a.i == ancestor.i for a in token.ancestors)
