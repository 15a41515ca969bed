"""A position of the speaker's own side: the reported clause's subject is something the speaker's
state owns ("France said its ambassador had done nothing wrong", "Moscow says its constitution
forbids extradition").  Such reported words name no one else, yet they are a stand in the dispute, not a plain report of plans or facts, so
the Statement coder addresses them to the other side as it does words that judge
(statements.PLAIN_REPORTS_NEED_A_JUDGEMENT)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speech import reported_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: possessives of a state speaking ("its", "their", "our"): whatever they own is the state's
STATE_POSSESSIVES = frozenset({"its", "their", "our"})
#: the state itself, owned: "said its government would recall ..." tells the state's own act or plan,
#: an announcement (announcements.py), not a stand; and a person's "his government" likewise
OWN_STATE_NOUNS = frozenset({"country", "nation", "government", "state", "authorities", "leadership"})
#: verbs of travel and meeting: "said its minister would travel to ...", "its delegation had arrived":
#: the side's plans and movements, a plain report
MOVEMENT_VERBS = frozenset({"travel", "arrive", "go", "come", "fly", "visit", "meet", "attend", "leave",
                            "return", "head", "hold", "participate", "join", "land", "depart"})


def speaks_of_own_possession(doc: "Doc", at: int, speaker_is_person: bool) -> bool:
    """Whether the clause reported by the speech verb at ``at`` has as its subject a noun the
    speaker's state owns, told with a possessive pronoun ("said its embassy had acted lawfully")."""
    if speaker_is_person:
        return False  # "said his trip ...": a person's belongings are no stand of a state
    subject = reported_subject(doc, at)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PRON":
        return False
    return owner.lower_ in STATE_POSSESSIVES and subject.lemma_.lower() not in OWN_STATE_NOUNS \
        and subject.head.lemma_.lower() not in MOVEMENT_VERBS
