"""The host of an envoy the article told was declared persona non grata or expelled, for a later recall
of that envoy by name ("Ambassador X was declared persona non grata ... Turkey had recalled X for
consultations in August": a recall from the state that declared X, though no clause names X's state).

Only a receiving state can declare an envoy persona non grata or expel them (envoy_hosts.py), so the
agent of such an act told before is the envoy's host, the other party of their recall.  article_frames.match_doc
records these acts sentence by sentence (``record``); the recall's trigger (frame_triggers) and its
other party (``host_of_recalled``) read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure, tree
from .envoy_hosts import HOST_ACTS
from .gazetteer import STATE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .frames import FrameMatch
    from .mentions import TokenMentions


def record(index: TokenMentions, matches: list[FrameMatch]) -> None:
    """Remember, for each person one of ``matches`` declares persona non grata or expels, the state that did."""
    for m in matches:
        if m.type not in HOST_ACTS or not m.agent or index.state_of(m.agent) != m.agent:
            continue
        for person in [m.target] if isinstance(m.target, str) else m.target or []:
            if index.state_of(person) != person:   # (a person, not a state acted on)
                index.declared_envoys.setdefault(person, m.agent)


#: the subjects that recall an envoy by name: a state or its capital (a person "recalled X fondly" remembers)
RECALLING_SUBJECTS = frozenset({STATE, "City"})


def declared_object(verb: Token, index: TokenMentions) -> str | None:
    """The person by name a verb acts on whom an act told before declared or expelled, else None; only
    where a state (or its capital) named is the verb's subject."""
    if verb.pos_ != "VERB" or not index.declared_envoys:
        return None
    subject = structure.logical_subject(verb)
    told = index.at(subject) if subject is not None else None
    if told is None or told.type not in RECALLING_SUBJECTS:
        return None
    for obj in tree.children(verb, ("dobj", "nsubjpass")):
        mention = index.at(obj) if obj.pos_ == "PROPN" else None
        if mention is not None and mention.type == "Person" and mention.entity in index.declared_envoys:
            return mention.entity
    return None


def host_of_recalled(m: FrameMatch, index: TokenMentions) -> str | None:
    """The state that declared or expelled the envoy a recall names, where that is not the recaller."""
    if m.type != "RecallOfAmbassador":
        return None
    person = declared_object(m.trigger, index)
    host = index.declared_envoys.get(person) if person else None
    return host if host != m.agent else None
