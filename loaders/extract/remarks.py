"""One remark, one Statement: a speaker's remark that the frames (frames.yaml) and the speech verbs
(statements.py) both code, or that a headline tells before the story, is one Statement.

``OneRemark`` is a part of the Statement coder (``statements.StatementCoder``): it reads the
extractor's events, sentences and text.
"""

from __future__ import annotations


class OneRemark:
    """Merges the Statements of one speaker's one remark."""

    def _one_remark(self, index: int, framed: list, coded: list) -> None:
        """Merge each Statement ``coded`` from sentence ``index`` by the speech verbs with the frame's
        Statement of the same speaker in that sentence (``framed``), and with the same speaker's
        Statement of the headline; the merged one keeps every target but the speaker's own state."""
        for event in coded:
            for headline in [e for e in self.events if index > 0 and e.type == "Statement" and e.sentences == {0}
                             and e.agent == event.agent and self._is_title(0)]:
                # "...; Beijing demands apology" over the story that tells the demand: one remark
                event.target.extend(t for t in headline.target if t not in event.target)
                self.events.remove(headline)
            same = next((e for e in framed if e.agent == event.agent), None)
            if same is not None:
                # "The move was denounced by X, who called it ...": the frame's Statement and the speech
                # verb's are one remark of one speaker
                same.target.extend(t for t in event.target if t not in same.target)
                own = self._actor_state(same.agent[0]) if same.agent else None
                if own and any(t != own for t in same.target):
                    same.target[:] = [t for t in same.target if t != own]  # never about the speaker's own state
                if "quotation" in event.fields:
                    same.fields.setdefault("quotation", event.fields["quotation"])
                self.events.remove(event)

    def _is_title(self, index: int) -> bool:
        """Whether sentence ``index`` is the article's title line (a line of its own without a full stop)."""
        sentence = self.sentences[index]
        line_end = self.text.find("\n", sentence.start)
        return index == 0 and line_end != -1 and not self.text[sentence.start:line_end].rstrip().endswith((".", "!", "?"))
