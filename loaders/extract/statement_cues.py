"""Which quotations and speech cues of a clause the Statement coder reads: a short quoted term used
as a modifier is no quotation; a passive speech verb, a directive ("told him to go") and a recall
("called its ambassador home") are no speech; a dash after a quotation, or a verbless line's colon
("X, at a rally on Saturday: '...'"), acts as the speech verb.

``StatementCues`` is a part of the Statement coder (``statements.StatementCoder``).  Kept apart from
the coding of a clause's speaker and target (statements.py) because choosing what counts as speech
is a job of its own, and statements.py had grown past the style's ~500 lines.
"""

from __future__ import annotations

import re

from .colon_quotes import colon_attribution
from .gazetteer import ACTOR_TYPES, Mention
from .quote_sources import continued_quotation
from .rules import DASH_ATTRIBUTION, QUOTE
from .sentences import Sentence
from .speech_speakers import spoken_by
from .statement_text import QUOTED_TERM_HEAD
from .told_demands import told_state_to_act, told_to_act

#: "told Mr X and four of his colleagues to go": a directive however long its object, on the parse?
TOLD_TO_ACT_ON_PARSE = True
#: a speech verb inside a relative clause on the speaker ("X, who had refused unless Y promised ..., told the
#: nation ...") tells what was said before, as a speech noun there does: a later cue outside it speaks?
RELATIVE_VERBS_BACKGROUND = True
#: a colon before a quotation that a speech verb attributes after it ("Germany: “...,” said X") heads a
#: line of a list of reactions: the verb's subject speaks, not what the colon follows?
COLON_HEADING_YIELDS = True


class StatementCues:
    """The quotations and speech cues of a clause (a part of ``statements.StatementCoder``)."""

    def _clause_cues(self, sentence: Sentence, mentions: list[Mention]) -> tuple[list, list, re.Match | None]:
        """The clause's quotations, its speech cues in order (a dash or a colon among them), and the
        colon that acts as a speech verb, if any."""
        from .clauses import PASSIVE_BEFORE

        text = sentence.text
        # a short quoted term used as a modifier ("the 'persona non grata' declaration") is not a quotation
        quotes = [q for q in QUOTE.finditer(text)
                  if not (len((q.group(1) or q.group(2)).split()) <= 4 and QUOTED_TERM_HEAD.match(text, q.end()))]
        # "who is accused of", "was urged to": a passive speech verb's subject is not the speaker ("was condemned by
        # X": X is); "envoy told to leave", "told him to go": a directive, not speech ("said nothing": speech._speaks)
        cues = [c for c in self._speech_cues(sentence)
                if not (PASSIVE_BEFORE.search(text[max(0, c.start() - 25):c.start()]) and not c.group(0).lower().endswith("ing")
                        and spoken_by(self.doc, sentence.start + c.start()) is None)
                and not ((re.match(r"(?i)told\s+(?:\w+\s+){0,3}to\s+\w", text[c.start():c.start() + 40])
                          or TOLD_TO_ACT_ON_PARSE and told_to_act(self.doc, sentence.start + c.start()))
                         and not told_state_to_act(self.doc, sentence.start + c.start(), mentions))
                and not re.match(r"(?i)call(?:ed|s|ing)\s+(?:\w+\s+){1,3}(?:home|back)\b(?![-‑])", text[c.start():c.start() + 40])]
        # "X, whose appeals for calm went unanswered, condemned ...": a speech noun inside a relative clause tells
        # what was said before, about someone the clause describes; a later cue outside it speaks, if there is one
        # ("X, who refused unless Y promised ..., told ...": a speech verb there too)
        background = [c for c in cues if self._in_relative_clause(sentence.start + c.start())]
        if background and any(c not in background and c.start() > background[0].start() for c in cues):
            cues = [c for c in cues if c not in background]
        if not quotes:
            quotes = continued_quotation(self.text, sentence.start, sentence.text)
        dash = DASH_ATTRIBUTION.search(text)
        if dash and quotes:
            cues.append(dash)  # the attribution after the quotation acts as its speech verb
        # "X, at a rally on Saturday: '...'": a verbless line's colon acts as its speech verb
        colon = colon_attribution(self.doc, text, sentence.start, quotes[0].start(),
                                  [m for m in mentions if m.type in ACTOR_TYPES]) \
            if quotes and not any(c.start() < quotes[0].start() for c in cues) \
            and not (COLON_HEADING_YIELDS and any(c.start() >= quotes[0].end() for c in cues)) else None
        cues = sorted(cues + [colon], key=lambda c: c.start()) if colon is not None else cues
        return quotes, cues, colon

    def _in_relative_clause(self, at: int) -> bool:
        """Whether the word at ``at`` is a noun inside a relative clause ("whose appeals ... went unanswered"),
        or a verb inside one on the subject of a later verb ("X, who had refused unless Y promised ..., told ...")."""
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or not len(span) or span[0].pos_ not in ("NOUN", "VERB"):
            return False
        word = span[0]
        relative = next((a for a in word.ancestors if a.dep_ == "relcl"), None)
        if relative is None or word.pos_ == "NOUN":
            return relative is not None
        # (a verb with a subject of its own, another speaker the clause names: "unless Y promised"; one without
        # may be the main verb the parser hung inside the clause: "X, who is free pending appeal, called ...")
        antecedent = relative.head
        return RELATIVE_VERBS_BACKGROUND and antecedent.dep_ in ("nsubj", "nsubjpass") \
            and antecedent.head.i > relative.right_edge.i and antecedent.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in word.children)
