"""A speech act that asks for a person's freeing: "demanded his release", "called for the release of
X", "urged X's immediate freedom".  What is asked is asked of whoever holds the person (the author of
the detention the article tells), never of the person held: the codebook's target of such a demand is
the jailer, whichever side the person held is on.
"""

from __future__ import annotations

from spacy.tokens import Token

from .speech import speech_class, speech_lexicon

#: speech-act classes that ask for what their object names with no "for" ("demanded his release",
#: "urged the release of X"); with "for" any speech verb asks ("called for", "pressed for", "appealed for")
ASKING_CLASSES = frozenset({"demand"})


def asks_freeing(token: Token, at: int) -> bool:
    """Whether ``token`` names the person whose freeing the speech verb at character ``at`` asks for:
    the possessor of a freeing noun ("his release") or its "of" phrase ("the release of X"), the noun
    the verb's object ("demanded", "urged") or the object of its "for" ("called for", "pressed for")."""
    if token.dep_ == "poss":
        noun = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
    elif token.dep_ == "conj":
        return asks_freeing(token.head, at)   # "the release of X and Y"
    else:
        return False
    freeing = speech_lexicon().freeing
    if noun.lemma_.lower() not in freeing and noun.lower_ not in freeing:
        return False
    if noun.dep_ == "dobj":
        verb = noun.head
        return verb.idx == at and speech_class(verb) in ASKING_CLASSES
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.dep_ == "prep":
        verb = noun.head.head
        return verb.idx == at and speech_class(verb) is not None
    return False
