"""Remarks repeated by ellipsis: "Bolivia criticised the decision, as did Ecuador and Colombia",
"Brazil condemned the raid and Chile did the same".  The cue (ellipsis.py) hangs on a speech verb, so
what the followers repeat is that remark, not an act reported before: each follower makes a
Statement of its own, about what the first speaker's is about (codebook: one event per speaker).

``FollowedStatements`` is a part of the pipeline's extractor (mixed into ``pipeline._Extractor``);
``frame_events._followers`` asks it first about each ellipsis cue of a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import stages
from .events import Event
from .speech import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the kinds of actor a follower of a remark may be (speakers are persons, states and bodies alike)
SPEAKER_KINDS = ["person", "state", "organisation"]


def remark_followed(cue_verb: Token) -> Token | None:
    """The speech verb an ellipsis cue repeats: the verb its "as did ..." clause hangs on, or the one
    it is coordinated after ("... condemned the raid and Chile did the same"); None otherwise."""
    head = cue_verb.head
    if cue_verb.dep_ not in ("advcl", "conj") or head.i == cue_verb.i or head.i > cue_verb.i:
        return None
    return head if is_speech_verb(head) else None


class FollowedStatements:
    """The Statements of the followers of a remark (mixed into ``pipeline._Extractor``)."""

    def _followed_remark(self, cue, index: int) -> bool:
        """Code the followers' Statements where ``cue`` repeats a remark of its sentence; True when it
        repeats a remark (nothing else is to be repeated then, not an act told before)."""
        spoken = remark_followed(cue.verb)
        if spoken is None:
            return False
        # the remark of the speech verb (its Statement's evidence holds it); none where the verb carries
        # a coded act ("declared the envoy persona non grata, as did Uganda"): the act is followed then
        model = next((e for e in self.events if e.type == "Statement" and index in e.sentences
                      and any(a <= spoken.idx < b for a, b in e.spans)), None)
        if model is None:
            return False
        if cue.refused:
            return True  # "Ecuador did not do the same": no remark
        followers = [agent for token in cue.agents for agent in self._speakers_named(token) if agent not in model.agent]
        # the followers speak; they are not what the first speaker spoke about
        # (nor is the state a follower speaks for: "as did Ecuador's president, X")
        sides = set(followers) | {self._actor_state(f) for f in followers}
        model.target[:] = [t for t in model.target if t not in sides]
        for agent in dict.fromkeys(followers):
            if any(e.type == "Statement" and index in e.sentences and agent in e.agent for e in self.events):
                continue
            targets = list(model.target)
            fields = {k: v for k, v in model.fields.items() if k != "quotation"}
            self.events.append(Event(self._mint("Statement", [agent], targets), "Statement", [agent], targets,
                                     fields, list(model.evidence[:1]), list(model.spans[:1]), {index},
                                     round(model.confidence - 0.1, 2), stages.FOLLOWED_REMARKS))
        return True

    def _speakers_named(self, token: Token) -> list[str]:
        """The speakers a follower's word names, one per conjunct: a person in apposition first
        ("Ecuador's president, Daniel Noboa"), else a state or a body."""
        for kind in SPEAKER_KINDS:
            found = [e for e, _ in self._token_index.fill(token, [kind])]
            if found:
                return found
        return []
