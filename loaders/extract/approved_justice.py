"""Words approving an act of justice on a person are about that person (codebook, "a remark about an
act": "a third party approving an act of justice on a person ('calls the verdict a milestone')" is
about the one sentenced); words condemning it are about its author.

"welcomed the verdict", "hailed Fathy's conviction", "praised the arrest": the speech verb approves
the act its object names.  statement_targets._act_spoken_of and acts_in_words._person_acted_on_in_noun
ask here before giving the act's author.
"""

from __future__ import annotations

#: a speaker approving one of these acts on a person speaks about the person, not the state that did it?
APPROVED_JUSTICE_IS_ABOUT_PERSON = True
#: acts of justice done to a person
JUSTICE_ACTS = frozenset({"Arrest", "Charge", "Sentence"})
#: verbs that approve the act their object names
APPROVING_VERBS = frozenset({"welcome", "hail", "praise", "applaud", "salute", "celebrate", "commend", "endorse"})


def approves(noun) -> bool:
    """Whether the act noun is the object of a verb that approves it ("welcomed the verdict")."""
    return APPROVED_JUSTICE_IS_ABOUT_PERSON and noun.dep_ == "dobj" and noun.head.lemma_.lower() in APPROVING_VERBS
