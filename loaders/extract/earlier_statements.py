"""Statements that speak again: "The decision was taken in the people's interest, the statement said"
after "In a statement on its website, the government of X said ...".  A text named by its noun with
"the" and nothing that says whose it is (no possessor, no "of"/"by"/"from" phrase, no modifier) is
the one the article told just before: its speaker speaks again.  Told before as one its speaker
issues ("In a statement", "sent a letter", "in its statement"), not as one a speaker answers ("X
dismissed the statement", "criticised the letter from Lima": someone else's text, told again).

``EarlierStatements`` is a part of the Statement coder (``statements.StatementCoder``), asked where the
parse's subject of a speech verb names no actor (``speech_speakers.speech_subject``).  A text named
by "a" ("a statement said") is a new one, whose author this does not guess.
"""

from __future__ import annotations

from .coref_lexicon import UNNAMED_DETERMINERS
from .gazetteer import Mention
from .speech_speakers import STATEMENT_NOUNS, speech_subject_token

#: how many sentences back the sentence telling the text may be (itself, with its speaker's Statement)
STATEMENT_NOUN_REACH = 3
#: where the sentence telling the text coded an act and no Statement, the act's author issued the text?
ACTS_ANNOUNCED_IN_TEXT = True
#: determiners by which a text is one told before ("the statement", "this letter")
DEFINITE = {"the", "this", "that"}


class EarlierStatements:
    """Who speaks through a text the article told before (a mixin of the Statement coder)."""

    def statement_told_before(self, at: int, index: int) -> Mention | None:
        """'..., the statement said': the speaker of the Statement coded in the latest of the last
        sentences that names the same kind of text ("In a statement, X said ..."), or None."""
        subject = speech_subject_token(self.doc, at)
        if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in STATEMENT_NOUNS:
            return None
        if any(c.dep_ != "det" and c.dep_ != "punct" for c in subject.children) \
                or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children):
            return None   # "a statement said", "the ministry's statement said", "the statement issued by X"
        for earlier in range(index - 1, max(-1, index - 1 - STATEMENT_NOUN_REACH), -1):
            text = self._text_issued_in(earlier, subject.lemma_.lower())
            if text is None:
                continue
            remarks = [e for e in self.events if e.type == "Statement" and earlier in e.sentences and e.agent]
            told = self._speakers_of(text, remarks)
            if not remarks and ACTS_ANNOUNCED_IN_TEXT:
                # "In a statement, X said it would sever relations": the act coded, not a Statement; its
                # author issued the text, where every act told there has the same one
                acts = [e for e in self.events if earlier in e.sentences and e.agent]
                told = acts if len({e.agent[0] for e in acts}) == 1 else []
            if not told:
                return None   # the text told there has no speaker the coder found
            entity = self.gaz.entities.get(told[-1].agent[0])
            if entity is None:
                return None
            return Mention(subject.idx, subject.idx + len(subject.text), entity.id, entity.type, subject.text, "organ")
        return None

    def _speakers_of(self, text, told: list) -> list:
        """The Statements of the sentence telling the text that are its speaker's: all of them where they
        have one speaker; else the one whose speech verb the text hangs on ("In a statement, X said ...;
        Y said ..."), or none where the parse ties it to none (no guess among several speakers)."""
        if len({e.agent[0] for e in told}) <= 1:
            return told
        for verb in text.ancestors:   # (nearest first: "X said ..., and in a statement Y accused ...")
            spoken = [e for e in told if e.spoken_at == verb.idx]
            if spoken:
                return spoken[:1]
        return []

    def _text_issued_in(self, index: int, lemma: str):
        """The noun of sentence ``index`` that tells a text of that noun as one its speaker issues (or None):
        told anew ("In a statement", "sent a letter"), as the speaker's own ("in its statement"), or as what
        the speaker speaks in ("In the statement, X said"); not a text told again only to be answered
        ("dismissed the statement", "the letter from Lima"), whose author is another."""
        sentence = self.sentences[index]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        for noun in span if span is not None else ():
            if noun.pos_ != "NOUN" or noun.lemma_.lower() != lemma:
                continue
            if any(c.dep_ == "det" and c.lower_ in UNNAMED_DETERMINERS or c.dep_ == "poss" and c.tag_ == "PRP$"
                   for c in noun.children) or noun.dep_ == "pobj" and noun.head.lower_ == "in":
                return noun
        return None
