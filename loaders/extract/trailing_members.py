"""'Two ministers resigned on Monday, Sameh Khalil and Ali Hassan', 'Police arrested three activists in
Cairo, X, Y and Z': the members of a counted group of persons named at the clause's end, after a comma.
The small pipeline hangs the names on the last noun before the comma (the date or the place: "Monday,
X and Y" as one list); they are an apposition of the group noun, as after a colon ("Three ministers
resigned: X, Y and Z"), so the group's act is each member's.  So are the names right after a collective
of persons ("arrested a couple, X and Y, in Tehran": ``members_of_collective``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import NUMBER_WORDS, group_size
from .person_groups import PERSON_COLLECTIVES, PERSON_GROUP_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what the names may be hung on by mistake: a date, a time or a place ending the clause's adjuncts
ADJUNCT_LABELS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
#: the group noun's roles in the clause
GROUP_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
#: the marks that end a sentence or a clause standing as one, after a list that must end it
SENTENCE_END = frozenset({".", "!", "?", ";"})


def members_after_adjunct(name: Token) -> bool:
    """Re-hang the first of the names listed after a comma at a clause's end on the clause's counted
    group noun of persons; whether a repair was made."""
    if name.dep_ != "conj" or name.ent_type_ != "PERSON" or name.pos_ != "PROPN":
        return False
    adjunct = name.head
    if adjunct.ent_type_ not in ADJUNCT_LABELS or adjunct.i > name.i or name.left_edge.i < 1 \
            or name.doc[name.left_edge.i - 1].text != ",":
        return False
    members = [name] + [t for t in name.subtree if t.dep_ == "conj" and t.ent_type_ == "PERSON" and t.i != name.i]
    if len(members) < 2 or any(t.ent_type_ == "PERSON" for t in adjunct.lefts):
        return False
    after = name.right_edge.i + 1
    if after < len(name.doc) and name.doc[after].text not in SENTENCE_END:
        return False   # (the names end the sentence: "..., X and Y said" is a clause of its own)
    verb = adjunct
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    groups = [c for c in verb.children if c.dep_ in GROUP_ROLES and c.tag_ == "NNS" and c.i < adjunct.i
              and c.lemma_.lower() in PERSON_GROUP_NOUNS]
    if len(groups) != 1:
        return False
    size = group_size([c.lower_ for c in groups[0].children if c.dep_ == "nummod"], None, NUMBER_WORDS)
    if size is not None and size != len(members):
        return False   # ("two activists, X, Y and Z": not that group's members)
    name.head, name.dep_ = groups[0], "appos"
    return True


#: how the parser hangs the first name, and the collective, on the verb
_BARE_DEPS = frozenset({"npadvmod", "dep", "appos", "dobj"})


def members_of_collective(name: Token) -> bool:
    """'Police detained a couple, Ali Rezaei and Mina Karimi, in Tehran', 'seized a pair, X and Y, ...': the
    small pipeline hangs the names, and at times the collective itself, on the verb as bare modifiers; the
    names are the collective's apposition (as many as it counts: coref.yaml person_collectives), the
    collective the verb's object, so the act is each named member's.  Whether a repair was made."""
    if name.dep_ not in _BARE_DEPS or name.pos_ != "PROPN" or name.head.pos_ != "VERB":
        return False
    verb, doc = name.head, name.doc
    comma = name.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    collective = doc[comma - 1]
    if collective.head != verb or collective.dep_ not in _BARE_DEPS or collective.i == name.i \
            or collective.lemma_.lower() not in PERSON_COLLECTIVES:
        return False
    members = [name] + [t for t in name.subtree if t.dep_ == "conj" and t.pos_ == "PROPN" and t.i > name.i]
    if len(members) != PERSON_COLLECTIVES[collective.lemma_.lower()] \
            or not any(m.ent_type_ == "PERSON" for m in members):
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c not in (collective, name) for c in verb.children):
        return False   # ("gave the envoy a pair, X and Y": the object is another)
    # what the parser hung on the names after the list stays the clause's ("..., in Tehran on Monday")
    for stray in [c for m in members for c in m.children if c.dep_ == "prep" and c.i > members[-1].i]:
        stray.head = verb
    if collective.dep_ != "dobj":
        collective.dep_ = "dobj"
    name.head, name.dep_ = collective, "appos"
    return True
