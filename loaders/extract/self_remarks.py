"""A remark about oneself: "X said he had returned to give himself up", "she says they had feared
they would be sent to a camp".  Where the clause a speech verb reports has for its subject a
personal pronoun that stands for the speaker, and names no other actor, the words are about the
speaker (dev/README: a remark of a speaker about himself, or herself and a companion, targets the
speaker), not the other side of the article's dispute nor a place named around the verb.
"""

from __future__ import annotations

from .speech_content import verb_at
from .tree import SUBJECTS

#: personal pronouns that may stand for the speaker as the reported clause's subject
SELF_PRONOUNS = {"he", "she", "they", "i", "we"}
#: clausal complements of a speech verb (the reported clause)
REPORTED_DEPS = ("ccomp",)
#: code a remark about oneself as about the speaker?
SELF_REMARKS = True


def reported_self(doc, at: int, speaker, mentions: list) -> tuple[int, int] | None:
    """The character span of the reported clause of the speech verb at ``at`` when its subject is a
    pronoun the article's mentions resolve to ``speaker`` and no other actor is named in it; else None."""
    if not SELF_REMARKS:
        return None
    verb = verb_at(doc, at)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    clause = next((c for c in verb.children if c.dep_ in REPORTED_DEPS), None)
    if clause is None:
        return None
    if any(c.tag_ in ("WP", "WDT") for c in clause.children):
        return None   # "condemned what he called X's act": a free relative, the verb's object, not a report
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ not in SELF_PRONOUNS:
        return None
    if any(c.dep_ == "ccomp" or c.dep_ == "dobj" and c.pos_ != "PRON" for c in clause.children):
        return None   # "said he regretted the decision", "... deplored what had happened": about what it judges
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    if not any(m.start == subject.idx and m.entity == speaker.entity for m in mentions):
        return None   # (the pronoun stands for someone else, or for no one the article names)
    if any(lo <= m.start < hi and m.entity and m.entity != speaker.entity for m in mentions):
        return None   # "said he had met the envoy of X", "... X's government": about X too
    return lo, hi
