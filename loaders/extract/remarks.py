"""One remark, one Statement: a speaker's remark that the frames (frames.yaml) and the speech verbs
(statements.py) both code, or that a headline tells before the story, is one Statement; so is a
remark told without its words whose words the next sentence quotes.

``OneRemark`` is a part of the Statement coder (``statements.StatementCoder``): it reads the
extractor's events, sentences and text.
"""

from __future__ import annotations

from .continued_remarks import target_guessed
from .remark_units import remark_without_words
from .speaker_sides import OFFICIAL_TITLES

#: marks that open a quotation
QUOTE_MARKS = ('"', "“", "‘", "'")
#: a guessed other side that is a speaker listed with this one joins no framed remark naming a party?
NO_CO_SPEAKER_GUESS = True


class OneRemark:
    """Merges the Statements of one speaker's one remark."""

    def _one_remark(self, index: int, framed: list, coded: list) -> None:
        """Merge each Statement ``coded`` from sentence ``index`` by the speech verbs with the frame's
        Statement of the same speaker in that sentence (``framed``), and with the same speaker's
        Statement of the headline; the merged one keeps every target but the speaker's own state."""
        for event in coded:
            # (the headline's speaker the story's, or the state the story's speaker speaks for: "Beijing
            # demands apology" over "a foreign ministry spokesman, X, demanded that ...")
            voices = [event.agent, [self._actor_state(a) for a in event.agent]]
            for headline in [e for e in self.events if index > 0 and e.type == "Statement" and e.sentences == {0}
                             and e.agent in voices and self._is_title(0)]:
                # "...; Beijing demands apology" over the story that tells the demand: one remark
                event.target.extend(t for t in headline.target if t not in event.target)
                self.events.remove(headline)
            if len(event.agent) > 1:
                # "A, B and C condemned the raid in a joint statement": the frame's Statement of each is the joint remark
                for part in [e for e in framed if e in self.events and e.agent and set(e.agent) < set(event.agent)]:
                    # (the parties its words name are the joint remark's: "... condemned the coup in X")
                    named = [t for t in part.target if t not in event.agent]
                    if named and NO_CO_SPEAKER_GUESS and target_guessed(event):
                        event.target[:] = [t for t in event.target if t not in event.agent]
                    event.target.extend(t for t in named if t not in event.target)
                    self.events.remove(part)
            same = next((e for e in framed if e.agent == event.agent), None)
            if same is not None:
                # "The move was denounced by X, who called it ...": the frame's Statement and the speech
                # verb's are one remark of one speaker
                same.target.extend(t for t in event.target if t not in same.target
                                   and not self._co_speaker_guess(event, t, same, framed))
                own = self._actor_state(same.agent[0]) if same.agent and self._serves_own_state(same.agent[0]) else None
                if own and any(t != own for t in same.target):
                    same.target[:] = [t for t in same.target if t != own]  # never about the speaker's own state
                if "quotation" in event.fields:
                    same.fields.setdefault("quotation", event.fields["quotation"])
                self.events.remove(event)

    @staticmethod
    def _co_speaker_guess(event, target: str, same, framed: list) -> bool:
        """Whether ``target``, the speech verb's guess at the other side of ``event``'s dispute, is a
        speaker listed with it whose framed Statement's words name a party ("Kenya and Uganda condemned
        the coup in Burundi": Kenya's words are about Burundi, not Uganda; a bilateral "A and B said
        ..." frames no party and keeps its guess)."""
        return NO_CO_SPEAKER_GUESS and target_guessed(event) and bool(same.target) \
            and any(target in e.agent and e is not same for e in framed)

    def _serves_own_state(self, speaker: str) -> bool:
        """Whether ``speaker`` speaks for the state the article gives them: a state or body, an official
        (a title of office, a post); a national with no office does not ("Venezuelan opposition leader X
        condemned the arrest ... by Venezuela's police" is about Venezuela)."""
        entity = self.gaz.entities.get(speaker)
        return entity is None or entity.type not in ("Person",) \
            or bool(self._titles_of(speaker) & OFFICIAL_TITLES) or self.person_posts.get(speaker) is not None

    def _is_title(self, index: int) -> bool:
        """Whether sentence ``index`` is the article's title line (a line of its own without a full stop)."""
        sentence = self.sentences[index]
        line_end = self.text.find("\n", sentence.start)
        return index == 0 and line_end != -1 and not self.text[sentence.start:line_end].rstrip().endswith((".", "!", "?"))

    def _words_of_remark_told_before(self, index: int, coded: list) -> None:
        """'X defended the embassy's stand. "It is a right," he told reporters.': a remark told
        without its words (a speech verb with only an object) and, in the next sentence, quoted
        words of the same speaker attributed after them are one remark: the words join it."""
        opening = self._quotation_opens(index)
        if not opening:
            return
        before = [e for e in self.events if e.type == "Statement" and e.sentences == {opening - 1}
                  and "quotation" not in e.fields]
        if not before or not remark_without_words(self.doc, self.sentences[opening - 1].start, self.sentences[opening - 1].end):
            return
        if self._announces_own_act(index):
            return  # '"I have decided to break relations ...," she said': a remark of its own (continued_remarks.py)
        for event in [e for e in coded if e in self.events and "quotation" in e.fields]:
            same = next((e for e in before if e.agent == event.agent), None)
            if same is None:
                continue
            same.fields["quotation"] = event.fields["quotation"]
            same.target.extend(t for t in event.target if t not in same.target)
            same.absorb_telling(event)
            self.events.remove(event)

    def _quotation_opens(self, index: int) -> int | None:
        """The sentence that opens with the quotation sentence ``index`` ends in: itself, or the one
        before when a quotation of two sentences opens there ('"... . It is a right," he said.');
        None when sentence ``index`` is not (the end of) a quotation told first."""
        for k in (index, index - 1):
            words = self.sentences[k].text.lstrip() if k > 0 else ""
            if words.startswith(QUOTE_MARKS) and (k == index or sum(words.count(m) for m in '"“”') == 1):
                return k
        return None
