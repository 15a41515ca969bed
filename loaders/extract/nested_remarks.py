"""A remark reported inside another's remark is the reporter's one Statement.

"A spokeswoman, X, said the United States condemned Iran's conduct 'in the strongest terms'",
"Howe said Britain regretted the decision": the Statement frame (frames.yaml) codes the inner
speech verb's subject as a speaker too, yet what the sentence tells is one remark, the named
reporter's (dev/README: one remark, one Statement; the gold codes the reporter).  The frame's
Statement of a speech verb that sits in the clause another speech verb reports, whose own
Statement the sentence codes for a named speaker, is dropped.

``NestedRemarks`` is a part of the Statement coder (``statements.StatementCoder``): it reads the
extractor's events, sentences, parse and mentions.
"""

from __future__ import annotations

from .speech import reported_clauses, speech_class
from .tree import SUBJECTS


class NestedRemarks:
    """Drops a frame's Statement nested in the clause of another speaker's speech verb."""

    def _drop_nested_remarks(self, index: int, framed: list) -> None:
        """Drop each Statement of ``framed`` (the frames', sentence ``index``) whose speaker is the
        subject of a speech verb in the reported clause of a speech verb whose subject names the
        speaker of another Statement of the sentence."""
        framed = [e for e in framed if e in self.events]
        if not framed:
            return
        others = [e for e in self.events if e.type == "Statement" and index in e.sentences and e not in framed]
        if not others:
            return
        sentence = self.sentences[index]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return
        for outer in span:
            if outer.pos_ != "VERB" or speech_class(outer) is None:
                continue
            reporters = self._subject_names(outer)
            if not reporters or not any(set(e.agent) & reporters for e in others):
                continue
            for clause in reported_clauses(outer):
                for inner in [clause, *clause.conjuncts]:
                    if speech_class(inner) is None:
                        continue
                    speakers = self._subject_names(inner)
                    for event in [e for e in framed if e in self.events and set(e.agent) & speakers
                                  and not set(e.agent) & reporters]:
                        self.events.remove(event)

    def _subject_names(self, verb) -> set[str]:
        """The entities the verb's subject names (its phrase up to the verb, appositions included)."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None:
            return set()
        end = subject.right_edge.idx + len(subject.right_edge)
        return {m.entity for m in self._mentions_in(subject.left_edge.idx, end)}
