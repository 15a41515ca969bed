"""Acts told by a ranked infinitive: "X became the first (country) to recognize Y", "X was one of the
first states to recognize Y", "X was among the last to expel": the infinitive is the act of the
subject of "be/become" (read by structure.logical_subject and modality)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "became the first country to recognize ...": an infinitive on a ranked noun reports the act
RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "latest", "last", "next", "only"})


def ranked_infinitive(token: Token) -> bool:
    """'X became the first (country) to recognize Y', 'X was the latest to expel': the infinitive is
    the act of the subject of 'be/become'."""
    return ranked_copula(token) is not None


def ranked_copula(token: Token) -> Token | None:
    """The 'be/become' whose subject does a ranked infinitive's act: 'X became the first to
    recognize Y', 'X was one of the first states to recognize Y', 'X was among the last to expel'."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if to and token.dep_ == "advcl" and token.head.lemma_ in ("be", "become"):
        # the parser hangs the infinitive on the verb: "became the first country in the region to sever ties"
        verb = token.head
        noun = next((c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")), None) or next(
            (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children if g.dep_ == "pobj"), None)
        ranked = noun is not None and (noun.lower_ in RANKS or any(c.dep_ in ("amod", "advmod") and c.lower_ in RANKS
                                                                  for c in noun.children))
        return verb if ranked else None
    if token.dep_ not in ("relcl", "acl") or not to:
        return None
    noun = token.head
    if noun.lower_ == "one":  # "one of the last countries to break relations": the parser hangs it on "one"
        noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"), noun)
    ranked = noun.lower_ in RANKS or any(c.dep_ in ("amod", "advmod") and c.lower_ in RANKS for c in noun.children)
    if not ranked:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "among"):  # "one of the first states", "among the first"
        holder = noun.head.head
        if holder.lemma_ in ("be", "become"):
            return holder
        if holder.lower_ == "one" and holder.dep_ in ("attr", "acomp", "oprd") and holder.head.lemma_ in ("be", "become"):
            return holder.head
        return None
    return noun.head if noun.dep_ in ("attr", "acomp", "oprd") and noun.head.lemma_ in ("be", "become") else None
