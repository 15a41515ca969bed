"""A parse repair for a list's members named after "among them" when a description comes first:
"indicted eleven people, among them the deputy intelligence chief, X" / "detained four students,
among them the union leader X, on Friday".  The small pipeline reads "among them" as a phrase of
its own and the description as a second object of the verb (or hangs "among" on it), so the
person named is lost; "among them X" alone (a name) and "including the chief X" parse as the
member list the role fillers read (a pobj of "among"/"including" on the verb or the group noun)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the pronouns after "among" that stand for the group just named
GROUP_PRONOUNS = frozenset({"them", "those"})
#: the relations the parser gives the stranded description (not "appos": a description apposed to the
#: group, "sentenced eleven people, among them the deputy chief, X", hangs on the group noun, and the
#: role fillers reach the name through the appositions already; checklist list-among-them-apposed-*)
STRANDED = frozenset({"dobj", "npadvmod", "dep", "attr", "oprd"})
#: the stranded member: a description, or a name after a counted group ("recognised Russia and five
#: other republics, among them Ukraine and Kazakhstan", the name made a second object of the verb)
MEMBER_POS = frozenset({"NOUN", "PROPN"})


def members_after_among_them(among: Token) -> bool:
    """Re-hang the description after "among them" as the member "among" governs (a pobj, as in
    "among them X"), "among" on the verb that acts on the group; whether the repair was made."""
    if among.lower_ != "among":
        return False
    doc = among.doc
    if among.i + 2 >= len(doc) or doc[among.i + 1].lower_ not in GROUP_PRONOUNS or doc[among.i + 1].head != among:
        return False
    first = doc[among.i + 2]            # the first word of the member phrase
    if among.head.i > among.i + 1:     # "among" hung on the description itself
        noun = among.head
        verb = noun.head
    else:
        verb = among.head
        noun = next((c for c in verb.children if c.i > among.i + 1 and c.dep_ in STRANDED
                     and c.left_edge.i == first.i), None)
        if noun is None:
            return False
    if noun.pos_ not in MEMBER_POS or noun.dep_ not in STRANDED or verb.pos_ != "VERB" or noun.head != verb:
        return False
    if not first.i <= noun.i or any(t.i < among.i for t in noun.subtree if t not in set(among.subtree)):
        return False
    # the group the verb acts on, before "among": its object or passive subject
    if not any(c.dep_ in ("dobj", "nsubjpass") and c.i < among.i and c != noun for c in verb.children):
        return False
    among.head, among.dep_ = verb, "prep"
    noun.head, noun.dep_ = among, "pobj"
    return True


#: the copula whose inverted subject is the member: "Among those held was X"
COPULA = "be"


def member_among_those_participle(among: Token) -> bool:
    """'Among those arrested was the opposition leader X', 'Among those detained on Friday were A and
    B': the small pipeline reads the participle as a modifier of "those" and the member as the subject
    of "was", so no act has X for its object.  Told this way the member underwent the participle's act:
    the clause is the passive "X was arrested" again (the participle its head, "was" its auxiliary, the
    member its passive subject); whether a repair was made."""
    if among.lower_ != "among" or among.dep_ != "prep" or among.i + 2 >= len(among.doc):
        return False
    those, participle, copula = among.doc[among.i + 1], among.doc[among.i + 2], among.head
    if those.lower_ != "those" or those.head != among or those.dep_ != "pobj" \
            or participle.head != those or participle.dep_ != "acl" or participle.tag_ != "VBN":
        return False
    if copula.lemma_.lower() != COPULA or copula.i < participle.i:
        return False
    member = next((c for c in copula.children if c.dep_ in ("nsubj", "attr") and c.i > copula.i), None)
    if member is None or member.pos_ not in MEMBER_POS:
        return False
    participle.head, participle.dep_ = (participle, "ROOT") if copula.head == copula else (copula.head, copula.dep_)
    for child in [c for c in copula.children if c not in (among, member)]:
        child.head = participle
    copula.head, copula.dep_ = participle, "auxpass"
    member.head, member.dep_ = participle, "nsubjpass"
    among.head = participle
    return True


#: the parts of speech of the verb a participle clause after a comma hangs on (as an adverbial clause)
CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def member_that_took_the_participle(among: Token) -> bool:
    """'The army took power, detaining the premier along with several ministers, among them X, the
    finance minister, and Y': after a long group the small pipeline can make the first member named the
    head of the whole participle clause before it (the participle an acl hung on the name, to its left),
    so no act has X for its object.  An acl is its noun's modifier after it; one that comes before the
    name, with "among them" between the participle's object and the name, is the clause the list of
    members belongs to: the participle goes back to the verb before it (an adverbial clause, as the
    pipeline parses "..., detaining X"), the name becomes what "among" governs, "among" a phrase of the
    participle; whether a repair was made."""
    if among.lower_ != "among" or among.dep_ != "prep" or among.i + 2 >= len(among.doc):
        return False
    doc = among.doc
    pronoun, member = doc[among.i + 1], among.head
    if pronoun.lower_ not in GROUP_PRONOUNS or pronoun.head != among or member.i <= among.i \
            or member.pos_ not in MEMBER_POS:
        return False
    participle = next((c for c in member.children if c.dep_ == "acl" and c.pos_ == "VERB" and c.i < among.i), None)
    if participle is None or not any(c.dep_ == "dobj" and c.i < among.i for c in participle.children):
        return False
    clause_head = member.head
    while clause_head.pos_ not in CLAUSE_HEADS and clause_head.head != clause_head:
        clause_head = clause_head.head
    if member.head == member:
        participle.head, participle.dep_ = participle, "ROOT"
    elif clause_head.pos_ in CLAUSE_HEADS and clause_head.i < participle.i:
        participle.head, participle.dep_ = clause_head, "advcl"
    else:
        return False
    member.head, member.dep_ = among, "pobj"
    among.head = participle
    return True
