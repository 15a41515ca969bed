"""Whose side a speaker speaks for, as the words of the remark itself tell it (a part of
``speaker_sides.SpeakerSides``): the states joined in the reported clause's subject ("said Britain and
France had ..."), a government voicing a view in the quoted words ("The Dutch government finds ..."),
and an act of the state a title alone would give which the words condemn ("President X condemned the
expulsion").
"""

from __future__ import annotations

import re

from .coref_lexicon import GOVERNMENT_NOUNS
from .gazetteer import STATE, Mention
from .speech import speech_class
from .speech_content import verb_at

#: the reported clause's subject may be states joined by "and" ("said Britain and France had ..."),
#: the first named the speaker's?
JOINED_SUBJECTS = True
#: an official given a side by their title alone ("President X", executive_states.py) who condemns an
#: act of that state is not its official?
CONDEMNED_ACT_NOT_OWN = True
#: the speech classes (speech.speech_class) of words against an act
CONDEMNING_CLASSES = frozenset({"condemn", "reject"})
#: an official whose quoted words have a state's government hold a view ("The Dutch government finds
#: ... worrying") speaks for that state?
GOVERNMENT_VOICE = True
#: verbs by which a government holds a view (not acts: "the Russian government lied" is the other side)
VOICED_VIEW_VERBS = frozenset({"find", "consider", "regard", "view", "deem", "believe"})
#: the nouns of such a government ("the regime", "the junta" are what others call the other side's)
VOICING_GOVERNMENT_NOUNS = GOVERNMENT_NOUNS - {"regime", "junta"}


class WordedSides:
    """The sides the remark's own words give."""

    def _condemns_act_of(self, at: int, state: str) -> bool:
        """Whether the speech verb at ``at`` condemns or rejects (CONDEMNING_CLASSES) an act it names as
        its object ("condemned the expulsion") whose latest author of that kind told before is ``state``."""
        from .statement_targets import (
            ACT_NOUNS,  # (statement_targets imports this module)
        )

        verb = verb_at(self.doc, at)
        if verb is None or speech_class(verb) not in CONDEMNING_CLASSES:
            return False
        for noun in (c for c in verb.children if c.dep_ == "dobj"):
            kinds = ACT_NOUNS.get(noun.lemma_.lower())
            if kinds is None or kinds == ("Statement",):
                continue
            acts = [e for e in self.events if e.type != "Statement" and (not kinds or e.type in kinds)
                    and e.agent and e.spans and e.spans[0][0] < at]
            if acts and max(acts, key=lambda e: e.spans[0][0]).agent[0] == state:
                return True
        return False

    def _government_voiced(self, q_start: int, q_end: int) -> str | None:
        """The state whose government is the subject, in the quoted words from ``q_start`` to ``q_end``,
        of a verb by which a view is held ("The Dutch government finds ...", VOICED_VIEW_VERBS)."""
        span = self.doc.char_span(q_start, q_end, alignment_mode="expand") if q_start >= 0 else None
        for token in span if span is not None else ():
            if token.dep_ == "nsubj" and token.lemma_.lower() in VOICING_GOVERNMENT_NOUNS \
                    and token.head.lemma_.lower() in VOICED_VIEW_VERBS and token.head.i < span.end:
                for m in self._mentions_in(token.left_edge.idx, token.idx + len(token.text)):
                    state = self._state_id(m)
                    if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                        return state
        return None

    def _subject_partners(self, first: Mention, segment: list[Mention]) -> list[Mention]:
        """The states joined to the state ``first`` by "and" in one subject ("said Britain and France
        had called on Egypt ...": the first speaks, with a partner)."""
        partners, end = [], first.end
        while JOINED_SUBJECTS:
            joined = next((m for m in segment if m.type == STATE and m.start > end
                           and re.fullmatch(r",?\s+and\s+(?:the\s+)?", self.text[end:m.start])), None)
            if joined is None:
                return partners
            partners.append(joined)
            end = joined.end
        return partners

    def _subject_end(self, first: Mention, segment: list[Mention]) -> int:
        """Where the subject opened by the state ``first`` ends: past its partners (_subject_partners)."""
        return max([first.end] + [m.end for m in self._subject_partners(first, segment)])
