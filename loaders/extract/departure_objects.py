"""Repairs of what a verb ordering envoys out gives or sends them: "ordering all its staff home" (the
parser read "staff home" as one noun) and "gave Kenya's ambassador, X, and Uganda's envoy, Y, 48 hours to
leave" (the time hung in the list of those given it).  repairs.repair_token tries each on verbs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import envoys, tree

if TYPE_CHECKING:
    from spacy.tokens import Token


#: where a verb sends the envoys it acts on ("ordered all its staff home"), as the parser reads a noun
HOMEWARD = frozenset({"home", "back"})


def envoys_made_compound(token: Token) -> bool:
    """'ordering all its staff home': the parser read "staff home" as one noun, the envoys a compound on
    "home"; the envoys are the verb's object again (with their determiners), "home" says where to."""
    if token.pos_ != "VERB":
        return False
    home = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in HOMEWARD and c.pos_ == "NOUN"), None)
    if home is None:
        return False
    envoy = next((c for c in home.children if c.dep_ == "compound" and c.i == home.i - 1
                  and c.lemma_.lower() in envoys.ENVOY_LEMMAS), None)
    if envoy is None:
        return False
    for c in [c for c in home.children if c != envoy]:
        c.head = envoy  # "all its": the envoys'
    envoy.head, envoy.dep_ = token, "dobj"
    home.head, home.dep_ = token, "advmod"
    return True


#: the time a state gives envoys to leave ("48 hours", "a week")
TIME_SPANS = frozenset({"hour", "day", "week", "month"})
#: verbs that give someone a time to do a thing ("gave X 48 hours to leave"; things given: tree.GIVING_LEMMAS)
TIME_GIVING = frozenset({"give", "allow", "grant"})


def time_span_in_list(token: Token) -> bool:
    """'gave Kenya's ambassador, X, and Uganda's envoy, Y, 48 hours to leave': the parser hung the time as
    an apposition in the list of the ones given it, and a member of the list on the verb or on a name;
    the time is the verb's object again, the ones given it its dative, the members one list."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in TIME_GIVING or tree.children(token, ("dative", "iobj")):
        return False
    objects = tree.children(token, ("dobj",))
    if len(objects) != 1:
        return False
    given = objects[0]
    span = next((t for t in token.subtree if t.dep_ == "appos" and t.lemma_.lower() in TIME_SPANS and t.i > given.i), None)
    if span is None:
        return False
    span.head, span.dep_ = token, "dobj"
    given.dep_ = "dative"
    names = [c for c in given.children if c.dep_ == "appos" and c.i < span.i]
    for holder in [token] + names:  # ("..., and Uganda's envoy": a conjunct hung on the verb or the first's name)
        for c in [c for c in holder.children if c.dep_ in ("conj", "cc") and given.i < c.i < span.i]:
            if c.dep_ == "cc" or c.pos_ in ("NOUN", "PROPN"):
                c.head = given
    return True
