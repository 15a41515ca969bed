"""A position of the speaker's own side: the reported clause's subject is something the speaker's
state owns ("France said its ambassador had done nothing wrong", "Moscow says its constitution
forbids extradition").  Such reported words name no one else, yet they are a stand in the dispute, not a plain report of plans or facts, so
the Statement coder addresses them to the other side as it does words that judge
(unaddressed_words.PLAIN_REPORTS_NEED_A_JUDGEMENT)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .modality import has_modal
from .owner_pronouns import STATE_POSSESSIVES
from .relations import RELATION_NOUNS
from .speech import speech_class
from .speech_content import reported_subject, verb_at
from .statement_targets import OWN_POSSESSIVES

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: possessives of a state speaking: owner_pronouns' ("its", "their") and the speaker's own "our"
SPEAKING_STATE_POSSESSIVES = STATE_POSSESSIVES | {"our"}
#: the state itself, owned: "said its government would recall ..." tells the state's own act or plan,
#: an announcement (announcements.py), not a stand; and a person's "his government" likewise
OWN_STATE_NOUNS = frozenset({"country", "nation", "government", "state", "authorities", "leadership"})
#: verbs of travel and meeting: "said its minister would travel to ...", "its delegation had arrived":
#: the side's plans and movements, a plain report
MOVEMENT_VERBS = frozenset({"travel", "arrive", "go", "come", "fly", "visit", "meet", "attend", "leave",
                            "return", "head", "hold", "participate", "join", "land", "depart"})

def speaks_of_own_possession(doc: Doc, at: int, speaker_is_person: bool) -> bool:
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
    # ("said its summit would open next week": what the side will or may do is a plan, a plain report)
    return owner.lower_ in SPEAKING_STATE_POSSESSIVES and subject.lemma_.lower() not in OWN_STATE_NOUNS \
        and subject.head.lemma_.lower() not in MOVEMENT_VERBS \
        and not has_modal(subject.head)


def speaks_of_relations(doc: Doc, at: int) -> bool:
    """Whether the clause reported by the speech verb at ``at`` has as its subject the speaker's state's
    relations with no other party named ("said relations had never been so bad", "said ties could
    not go on as before"): a stand toward the other side of the dispute, the one party a reader names.
    A party told with them ("relations with Kenya", "Kenya-Uganda ties") is the target rule's own."""
    subject = reported_subject(doc, at)
    return subject is not None and subject.lemma_.lower() in RELATION_NOUNS \
        and not any(c.dep_ in ("prep", "compound", "poss", "appos") or c.pos_ == "PROPN" for c in subject.children)


#: "said her country would not be intimidated": the speaker's country told by a possessive is their own
#: state's position too, as one named ("said Canada would ...")
OWN_COUNTRY_NOUNS = frozenset({"country", "nation"})
#: what a country does as a stand, not a plan ("would send a delegation", "would recall its envoy" are plans)
STANCE_VERBS = frozenset({"stand", "defend", "protect", "resist", "tolerate", "accept", "bow", "surrender", "yield",
                          "submit", "cede", "fight", "respect", "abide", "comply", "forget", "forgive", "retreat"})


#: verbs of pressure whose passive tells a stand ("would not be intimidated"); another passive is a fact
#: ("had been invited", "was represented")
PRESSURE_VERBS = frozenset({"intimidate", "coerce", "pressure", "pressurise", "pressurize", "bully", "blackmail",
                            "threaten", "silence", "cow", "force", "dictate"})


def _stance(verb) -> bool:
    """'would not be intimidated', 'would never accept', 'would always stand up for': a reported clause
    telling a stand (a passive of pressure, or a verb of standing firm), not a plan, a movement or a fact
    ("had not yet received a note": a negation alone is no stand)."""
    lemma = verb.lemma_.lower()
    if lemma in MOVEMENT_VERBS:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return lemma in PRESSURE_VERBS
    return lemma in STANCE_VERBS


#: speakers of no state: international bodies and their officers ("the African Union", "EU leaders")
STATELESS_SPEAKERS = frozenset({"InternationalOrganization"})


def third_party_judges(doc: Doc, at: int, speaker_type: str) -> bool:
    """'The African Union condemned the expulsion', 'EU leaders demanded the release of both': a body
    of no state judging (not only reporting) with words that name no one judges the state the article
    is about, as quoted words of an unknown side do (unaddressed_words.QUOTES_TO_FOCAL_STATE)."""
    if speaker_type not in STATELESS_SPEAKERS:
        return False
    verb = verb_at(doc, at)
    return verb is not None and speech_class(verb) not in (None, "report")


class OwnStatePositions:
    """The Statement coder's test of words telling the speaker's own state's position (mixed into
    ``statements.StatementCoder``; it reads ``self.doc`` and ``self._mentions_in``)."""

    def _speaks_of_own_state(self, at: int, own_state: str | None) -> bool:
        """'Abhisit said Thailand would not close the border': the reported clause tells what the
        speaker's own state does or wants, a position in the dispute rather than a plain report."""
        subject = reported_subject(self.doc, at)
        if subject is None or own_state is None:
            return False
        if subject.lemma_.lower() in OWN_COUNTRY_NOUNS \
                and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in subject.children) \
                and _stance(subject.head):
            return True   # "said her country would always stand up for human rights", "his country would not be intimidated"
        return any(m.start <= subject.idx < m.end and m.entity == own_state and m.kind != "pronoun"
                   for m in self._mentions_in(subject.idx, subject.idx + 1) + self._mentions_in(subject.left_edge.idx, subject.idx + 1))
