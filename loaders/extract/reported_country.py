"""A state told only as "the country" as the subject of the clause a speech verb reports:
"Annan warned that the country was heading for civil war" is about the state coreference resolved
it to.  Statement mentions leave such references out (they name acts' subjects, not speakers); the
Statement coder asks this module only where the reported words name no one else.  "It" is left out:
"X said it would ..." is mostly the speaker itself."""

from __future__ import annotations

from .envoy_hosts import ENVOY_TITLES
from .gazetteer import STATE, Mention
from .speaker_sides import OFFICIAL_TITLES
from .speech import reported_clauses
from .speech_content import verb_at
from .tree import SUBJECTS, token_at

#: officials who, where the article gives no state of theirs, speak of their own country as "the country"
#: (an envoy of no state is sent to the country they speak of)
HOME_SPEAKER_TITLES = OFFICIAL_TITLES - ENVOY_TITLES


def country_spoken_of(doc, mentions: list[Mention], at: int) -> Mention | None:
    """The resolved state reference that is the subject of a clause the speech verb at ``at`` reports."""
    verb = verb_at(doc, at)
    if verb is not None:
        clauses = reported_clauses(verb)
    else:
        # a speech noun's that-clause: "his warning that the country was heading for civil war"
        noun = token_at(doc, at)
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)] if noun is not None else []
    subjects = [c for clause in clauses for c in clause.children if c.dep_ in SUBJECTS]
    for subject in subjects:
        for m in mentions:
            if m.kind == "state-ref" and m.entity and m.type == STATE and m.start <= subject.idx < m.end \
                    and subject.lower_ != "it":
                return m
    return None
