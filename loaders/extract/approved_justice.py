"""Words approving an act of justice on a person are about that person (codebook, "a remark about an
act": "a third party approving an act of justice on a person ('calls the verdict a milestone')" is
about the one sentenced); words condemning it are about its author.

"welcomed the verdict", "hailed Fathy's conviction", "praised the arrest": the speech verb approves
the act its object names.  spoken_acts._act_spoken_of and acts_in_words._person_acted_on_in_noun
ask here before giving the act's author.
"""

from __future__ import annotations

#: a speaker approving one of these acts on a person speaks about the person, not the state that did it?
APPROVED_JUSTICE_IS_ABOUT_PERSON = True
#: acts of justice done to a person
JUSTICE_ACTS = frozenset({"Arrest", "Charge", "Sentence"})
#: verbs that approve the act their object names
APPROVING_VERBS = frozenset({"welcome", "hail", "praise", "applaud", "salute", "celebrate", "commend", "endorse"})


#: verbs that name their object so ("called the arrest a milestone", "described the verdict as a victory")
NAMING_VERBS = frozenset({"call", "describe", "hail", "term", "label", "see", "regard"})
#: what a naming verb calls an act that approves it
APPROVING_NAMES = frozenset({"milestone", "victory", "triumph", "landmark", "breakthrough", "vindication", "win"})
#: adjectives by which a naming verb approves the act ("called the verdict historic", "the arrest long overdue")
APPROVING_ADJECTIVES = frozenset({"historic", "just", "fair", "deserved", "overdue", "exemplary", "welcome"})
#: names that approve only when qualified so ("a moment of great importance", "an important step", "a historic day")
QUALIFIED_NAMES = frozenset({"moment", "step", "day", "signal", "message"})
APPROVING_QUALIFIERS = frozenset({"important", "importance", "historic", "significant", "major", "good", "great",
                                  "welcome", "positive", "decisive", "crucial", "justice"})


def _approving_name(predicate) -> bool:
    lemma = predicate.lemma_.lower()
    if lemma in APPROVING_NAMES:
        return True
    if predicate.pos_ == "ADJ" and lemma in APPROVING_ADJECTIVES:
        return not any(c.dep_ == "neg" for c in predicate.children)   # "called the verdict historic", "long overdue"
    return lemma in QUALIFIED_NAMES and any(t.lemma_.lower() in APPROVING_QUALIFIERS for t in predicate.subtree)


#: "said the verdict was a victory for the victims", "the arrest is long overdue": the act noun as the
#: subject of a copula whose complement approves it, as "called the verdict a victory" does?
APPROVED_AS_SUBJECT = True


def approves(noun) -> bool:
    """Whether the act noun is the object of a verb that approves it ("welcomed the verdict"), or of a
    verb that names it approvingly ("called the arrest a milestone for justice"), or the subject of a
    copula that does ("the verdict is a victory")."""
    if not APPROVED_JUSTICE_IS_ABOUT_PERSON:
        return False
    verb = noun.head
    if APPROVED_AS_SUBJECT and noun.dep_ == "nsubj" and verb.lemma_.lower() == "be" \
            and not any(c.dep_ == "neg" for c in verb.children):
        return any(_approving_name(c) for c in verb.children if c.dep_ in ("attr", "acomp"))
    if noun.dep_ != "dobj":
        return False
    if verb.lemma_.lower() in APPROVING_VERBS:
        return True
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    predicates += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return any(_approving_name(p) for p in predicates)
