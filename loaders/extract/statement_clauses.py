"""What of a sentence the Statement coder codes one by one: its clauses with a speech verb and a
speaker of their own ("Russia voiced support for X, and the Kremlin warned Y"), a named speaker
inside unattributed words, and the speech cues of a clause (parsed, surface, participles of no act).
A part of ``statements.StatementCoder``, apart from its coding of one clause's Statement.
"""

from __future__ import annotations

import dataclasses

from .gazetteer import Mention
from .inner_speakers import inner_speaker_clause
from .quote_sources import ACCORDING_TO
from .rules import SPEECH_VERBS
from .sentences import Sentence
from .speech import (
    Cue,
    is_speech_verb,
    second_speakers_clauses,
    speech_cues,
    speech_lexicon,
)
from .speech_speakers import speech_subject

#: find speech verbs on the parse (the lexicon of speech_acts.yaml)?
PARSED_CUES = True
#: find speech verbs with the surface list too (rules.SPEECH_VERBS)?  Its nouns and phrases
#: ("according to", "statement", "interview") and words the parse does not take for verbs are kept
SURFACE_CUES = False
#: a participle of judgement after a verb that coded no act ("designated X a terrorist, accusing him of
#: ...", "summoned the envoy, accusing Y of ...") reports the subject's words: a Statement?
GROUNDS_OF_NO_ACT_SPEAK = True
#: ... of these classes (speech_acts.yaml) only: a judgement of another's conduct; "..., urging",
#: "..., promising", "..., threatening" after a verb tell a request, pledge or threat, no remark of its own
GROUNDS_OF_NO_ACT_CLASSES = frozenset({"accuse", "condemn"})
#: code each clause with a speech verb and a speaker of its own as a Statement of its own?
SECOND_CLAUSES = True
#: code a speech verb with a named subject inside the words of a speaker who names no actor ("officials said
#: ... after Chinese authorities promised ...") as a clause of its own (inner_speakers.py)?
INNER_SPEAKERS = True


class StatementClauses:
    """The clauses and speech cues of a sentence (mixed into ``StatementCoder``, whose
    ``_clause_statement`` codes each clause)."""

    def _country_speaks(self, mention: Mention) -> bool:
        """Whether a resolved state reference told by a description ("the country", not "it") is the
        subject of a speech verb, or its possessor: "The country said ..." speaks as its state (elsewhere in the clause it
        stays out of the Statement's roles, as before)."""
        if not mention.entity or mention.surface.lower() in ("it", "its"):   # ("its ministry": body_speakers.py's)
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        head = span.root if span is not None and len(span) else None
        if head is not None and head.dep_ == "poss":
            # "The country's government said ...": the state speaks through the subject it owns, as
            # "Mali's government" would (which owners speak is speech_speakers.py's to say)
            head = head.head
        # (not inside another speaker's words: "X said the country would ask for ..." is X's)
        return head is not None and head.dep_ == "nsubj" and is_speech_verb(head.head) \
            and not any(is_speech_verb(a) for a in head.head.ancestors)

    def _statements_of_clauses(self, sentence: Sentence, index: int, mentions: list[Mention]) -> list:
        """Code the sentence's Statements; return those of each clause's later remarks."""
        cuts = [sentence.start] + second_speakers_clauses(self.doc, sentence.start, sentence.end) if SECOND_CLAUSES \
            else [sentence.start]
        later = []
        for n, cut in enumerate(cuts):
            end = cuts[n + 1] if n + 1 < len(cuts) else sentence.end
            part = sentence if len(cuts) == 1 else Sentence(cut, end, self.text[cut:end])
            # ("it" resolved to a state speaks through body_speakers.py, as before it was a mention; "the
            # country" the parse resolved speaks as its state: "The country said ...", coref.py's answer)
            own = [m for m in mentions if cut <= m.start < end and (m.kind != "state-ref" or self._country_speaks(m))]
            before = len(self.events)
            later += self._clause_statement(part, index, own)
            if INNER_SPEAKERS and len(self.events) == before:
                # "officials said ... after Chinese authorities promised ...": a named speaker inside (inner_speakers.py)
                inner = inner_speaker_clause(self.doc, self.text, cut, end, own,
                                             lambda at, own=own: speech_subject(self.doc, at, own)[0] == "unnamed")
                if inner is not None:
                    later += self._clause_statement(Sentence(inner, end, self.text[inner:end]), index,
                                                    [m for m in own if m.start >= inner])
        return later

    def _speech_cues(self, sentence: Sentence) -> list:
        """The sentence's speech verbs: the lexicon's on the parse (speech_acts.yaml), and the surface
        list's nouns and phrases the parse has no verb for ("according to", "in a statement"), in order."""
        parsed = speech_cues(self.doc, sentence.start, sentence.end) if PARSED_CUES else []
        taken = {c.start() for c in parsed}
        surface = [c for c in SPEECH_VERBS.finditer(sentence.text) if c.start() not in taken
                   and (SURFACE_CUES or ACCORDING_TO.match(c.group(0)) or not self._is_verb_at(sentence.start + c.start()))
                   and not self._in_a_name_at(sentence.start + c.start())]
        if GROUNDS_OF_NO_ACT_SPEAK:
            parsed = [self._participle_of_no_act(c) if c.after_verb >= 0 else c for c in parsed]
        return sorted(parsed + surface, key=lambda c: c.start())

    def _participle_of_no_act(self, cue: Cue) -> Cue:
        """'India designated X a terrorist, accusing him of ...': a participle after a verb, in a sentence
        no act was coded in, is the subject's own remark; with an act it tells its grounds (act_grounds.py)."""
        if speech_lexicon().classes.get(cue.lemma) not in GROUNDS_OF_NO_ACT_CLASSES:
            return cue
        at = self.doc[cue.after_verb].idx
        index = self._sentence_index_at(at)
        if not self.sentences or not self.sentences[index].start <= at < self.sentences[index].end:
            index = -1
        # (any act of the sentence: the participle may hang on its complement, "ordered them to leave,
        # blaming ...", and an act told first in the headline is told at its trigger there)
        if index in self._act_sentences():
            return cue
        return dataclasses.replace(cue, paraphrase=True, after_verb=-1)

    def _act_sentences(self) -> set[int]:
        """The sentences an act (no Statement) is told in, read again only when events were added."""
        key = (id(self.events), len(self.events))
        cached = getattr(self, "_act_sentences_read", None)
        if cached is None or cached[0] != key:
            cached = self._act_sentences_read = (key, {i for e in self.events if e.type != "Statement" for i in e.sentences})
        return cached[1]

    def _in_a_name_at(self, at: int) -> bool:
        """'Somalia's deputy ambassador, Amina Said Ali, said ...': a capitalised word inside running prose
        that the parse reads as a proper noun of a person's name is no speech verb, though it is spelled as one."""
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        word = span[0]
        return word.text[:1].isupper() and word.pos_ == "PROPN" and word.ent_type_ == "PERSON" and word.i > word.sent.start

    def _is_verb_at(self, at: int) -> bool:
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ in ("VERB", "AUX")
