"""The rest of a list the parser split, after its first member (``tree.fan_out`` reads it): possessors told
one by one ("Russia's, Belarus's and Iran's envoys", "Chile's ambassador on Monday and Bolivia's on Tuesday"),
demonyms without "and" ("French, German ambassadors"), a demonym on each count ("two Russian and one Belarusian
diplomat") and repeated prepositions ("the envoys of Russia and of Belarus")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .world import DEMONYM_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: the possessive ending the parser leaves on a possessor it split off its list
POSSESSIVE_CASE = frozenset({"'s", "’s", "'", "’"})


def possessor_alone(token: Token) -> bool:
    """'Canada's' with no noun after it (the ellipsis of a noun told before: "... and Bolivia's on Tuesday")."""
    doc = token.doc
    return token.pos_ == "PROPN" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in POSSESSIVE_CASE \
        and (token.i + 2 >= len(doc) or doc[token.i + 2].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))


def split_lists(token: Token) -> Iterator[Token]:
    """The rest of a list the parser split, after the first member:
    * a possessive list ("Russia's, Belarus's and Iran's envoys", "Chile's and Peru's consuls"), its
      first possessor hung on the verb (or called the noun's modifier): the possessors after it, on the
      noun they share;
    * repeated prepositions ("the envoys of Russia and of Belarus", "from Chad and from Niger"):
      the object of each coordinated preposition."""
    if token.dep_ != "poss" and any(c.dep_ == "case" and c.lower_ in POSSESSIVE_CASE for c in token.children):
        nxt = token.i + 1
        while nxt < len(token.doc) and (token.doc[nxt].lower_ in POSSESSIVE_CASE or token.doc[nxt].lower_ in (",", "and")):
            nxt += 1
        after = token.doc[nxt] if nxt < len(token.doc) and nxt > token.i + 2 else None
        if after is not None and after.dep_ == "poss" and after.head.pos_ == "NOUN" and after.head.head == token.head:
            yield after
            yield from (c for c in after.conjuncts if c != after)
    doc = token.doc
    if token.lower_ in DEMONYM_WORDS and token.i + 2 < len(doc) and doc[token.i + 1].text == "," \
            and doc[token.i + 2].lower_ in DEMONYM_WORDS and doc[token.i + 2].head.pos_ == "NOUN" and doc[token.i + 2].head != token:
        nxt = doc[token.i + 2]  # "gives French, German ambassadors 48 hours": a list without "and" (comma_lists.py)
        yield from (t for t in [nxt, *nxt.conjuncts] if t.i > token.i)
    if token.dep_ == "poss" and token.head.pos_ in ("NOUN", "PROPN"):
        # "Niger's, Mali's and Sudan's envoys", parsed as two possessors of one noun
        yield from (p for o in token.head.children if o.dep_ == "poss" and o.i > token.i and o.pos_ == "PROPN"
                    for p in [o, *o.conjuncts] if p.i > token.i)
        yield from _gapped_possessors(token.head)
    elif token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children):
        # ("Chile's and Peru's consuls": the first possessor, its "'s" kept, the parser may call a modifier)
        owners = [c for c in token.children if c.pos_ == "PROPN" and (c.dep_ == "poss" or (
            c.dep_ in ("nmod", "compound") and any(g.dep_ == "case" and g.lower_ in POSSESSIVE_CASE for g in c.children)))]
        if len(owners) > 1:
            yield from (p for o in owners for p in [o, *o.conjuncts])
        yield from _gapped_possessors(token)
    if token.pos_ == "NOUN":
        # "two Russian and one Belarusian diplomat": a demonym on each count, the noun's own the last one
        counted = [d for n in token.children if n.dep_ == "nummod" and n.i < token.i
                   for d in n.children if d.dep_ == "amod" and d.lower_ in DEMONYM_WORDS]
        if counted and any(c.dep_ == "amod" and c.lower_ in DEMONYM_WORDS for c in token.children):
            yield from counted
    prep = token.head
    if token.dep_ == "pobj" and prep.pos_ == "ADP":
        for other in prep.conjuncts:
            if other.pos_ == "ADP" and other.lower_ == prep.lower_ and other.i > prep.i:
                for g in other.children:
                    if g.dep_ == "pobj":
                        yield g
                        yield from (c for c in g.conjuncts if c != g)


def _gapped_possessors(noun: Token) -> Iterator[Token]:
    """'expelled Chile's ambassador on Monday and Bolivia's on Tuesday': a possessor after the noun,
    in the same clause, with no noun of its own (the ellipsis of that noun), wherever the parser hung it."""
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    doc = noun.doc
    for t in doc[noun.i + 1:verb.right_edge.i + 1]:
        if t.dep_ in ("poss", "compound") or not possessor_alone(t):
            continue  # (not "... and Bolivia's consul": a noun of its own)
        if not any(c.lower_ in ("and", "as", "but") and c.dep_ == "cc" for c in doc[noun.i + 1:t.i]):
            continue  # the ellipsis follows a coordination
        yield t
