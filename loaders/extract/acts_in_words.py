"""Words that name an act but no actor ("'I will never respect those who come to power through
coups,' X said", "said his cabinet would ask parliament to approve recognition"): about whom the act
the noun names is about — its author as the article told it, or, for the speaker's own kind of act,
its target (``StatementTargets._act_spoken_of``) — rather than the other state of the article's
dispute, which is only the guess for words that name nothing; and an act told in the passive on one
of the speaker's own people ("Tallinn says he was taken at gunpoint"): its author, as coded.

``ActsInWords`` is a part of the Statement coder (``statements.StatementCoder``).
"""

from __future__ import annotations

from .gazetteer import Mention
from .named_acts import attempted_kinds
from .statement_targets import ACT_NOUNS
from .victim_words import author_of_act_against


class ActsInWords:
    """Whom words naming an act by a noun are about."""

    def _act_named_in_words(self, start: int, end: int, own_side: set) -> Mention | None:
        """The first noun of text[start:end] naming an act (ACT_NOUNS, not words) that the article
        reported before, as a target mention; None where the words name none."""
        if start < 0 or end <= start:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for token in span if span is not None else ():
            kinds = ACT_NOUNS.get(token.lemma_.lower()) or attempted_kinds(token)
            if token.pos_ != "NOUN" or kinds is None or kinds == ("Statement",):
                continue
            found = self._act_spoken_of(token, own_side)
            if found is not None and found.entity:
                return found
        return None

    def _instead_of_counterpart(self, speaker: Mention, at: int, words_span: tuple[int, int], own_side: set) -> Mention | None:
        """For words naming no one, addressed to the article's other state only by guess: the author of
        an act done to the speaker ("'This is a coup,' the deposed president said", victim_words.py),
        else whom an act the words name is about; None where neither is told."""
        return author_of_act_against(self.events, self.gaz, speaker, at) or self._act_named_in_words(*words_span, own_side)

    def _author_of_act_on(self, person: str, at: int, own_side: set) -> Mention | None:
        """The author, outside the speaker's side, of the act (no Statement) coded on ``person`` told
        nearest ``at`` (before or after: the passive names no author, and its sentence is the
        speaker's account of the act the article tells on its own), else None."""
        acts = [e for e in self.events if e.type != "Statement" and person in e.target and e.agent and e.spans]
        for e in sorted(acts, key=lambda e: abs(e.spans[0][0] - at)):
            agent = e.agent[0]
            if agent not in own_side and not any(self._on_side(agent, side) for side in own_side) \
                    and self.gaz.entities.get(agent) is not None:
                return Mention(at, at, agent, self.gaz.entities[agent].type, "", "act-author")
        return None
