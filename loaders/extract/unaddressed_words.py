"""Whom words that name no one are about: the fallbacks of the Statement coder after the clause and the
parse gave no target (``statements.StatementCoder._statement_event``) — "both governments" (the
article's two states), reported words of a state's speaker that judge (the other side of the
dispute), quoted words (the other side, and the person the dispute is over; else the article's most
named state, but not a private person's words of no dispute), the author of an act done to the
speaker, the country the state coreference found, the one told ("told Uganda that ...").

``UnaddressedWords`` is a part of the Statement coder.  Kept apart from ``statements.py``, which
finds the speaker and the clause's own target, because this order of guesses is a job of its own.
"""

from __future__ import annotations

from .gazetteer import PERSON_TYPES, STATE, Mention
from .own_positions import (
    speaks_of_own_possession,
    speaks_of_relations,
    third_party_judges,
)
from .reported_country import HOME_SPEAKER_TITLES, country_spoken_of
from .speaker_sides import FIRST_PERSON_PLURAL
from .speech_content import defends_own_act, judges, judging_verb
from .statement_targets import ACT_NOUNS
from .statement_text import BOTH_SIDES

#: address reported words naming no one to the other state of the article's dispute?
PARAPHRASE_TO_COUNTERPART = True
#: reported words naming no one go to the other side only where the verb judges or the words judge or
#: name an act ("said he regretted the decision"), not a plain report ("told reporters he would travel")
PLAIN_REPORTS_NEED_A_JUDGEMENT = True
#: quoted words naming no one, by a speaker of unknown side, are about the article's most named state?
#: (measured: held-out +1 tp -1 fp, +2/-2 more with the protagonist kept as a second target; the same
#: for reported words that judge cost held-out 8 false alarms)
QUOTES_TO_FOCAL_STATE = True
#: ... except a private person's (no title, no side, in no act of the article): words of no dispute
PRIVATE_QUOTES_UNADDRESSED = True


class UnaddressedWords:
    """The targets of words that name no one (a part of ``statements.StatementCoder``)."""

    def _unnamed_target(self, target: Mention | None, speaker: Mention, words: str | None, own_state: str | None,
                        own_side: set, spans: tuple[int, int, int, int, int]) -> tuple[Mention | None, Mention | None] | None:
        """``(target, also)``: the clause's ``target``, or where it is None the guesses above, and a second
        target; None where the words are no one's dispute (no Statement).  ``spans``: the speech verb's
        offset, the segment's end, the quotation's start and end (-1 without one), the sentence's start."""
        v_start, s_end, q_start, q_end, sentence_start = spans
        also = None
        if target is None and BOTH_SIDES.search(self.text, v_start, s_end):
            # "urged both governments to settle their dispute": the two states the article is about
            first = self.focal_state_guess(None)
            second = self.focal_state_guess(first) if first else None
            if first and second:
                target = Mention(v_start, v_start, first, STATE, "", "dyad")
                also = Mention(v_start, v_start, second, STATE, "", "dyad")
        if target is None and words is None and PARAPHRASE_TO_COUNTERPART \
                and (speaker.type in PERSON_TYPES or not defends_own_act(self.doc, v_start)) \
                and self.gaz.entities.get(own_state, speaker).type == STATE and not self._addresses_own_people(v_start, own_state) \
                and (not PLAIN_REPORTS_NEED_A_JUDGEMENT or judges(self.doc, v_start, ACT_NOUNS)
                     or self._speaks_of_own_state(v_start, own_state) or speaks_of_relations(self.doc, v_start)
                     or speaks_of_own_possession(self.doc, v_start, speaker.type in PERSON_TYPES)):
            # "the minister said he regretted the decision": reported words naming no one, by someone
            # speaking for a state, are addressed to the other side of the article's dispute
            counterpart = self._other_side(speaker.entity, own_state, v_start)
            if counterpart:
                target = Mention(v_start, v_start, counterpart, STATE, "", "counterpart")
        from_protagonist = False
        if target is None and words is not None:
            target = self._protagonist(exclude={speaker.entity, self._state_id(speaker)}, before=q_start)
            from_protagonist = target is not None
            counterpart = self._other_side(speaker.entity, own_state, v_start) if self.gaz.entities.get(own_state, speaker).type == STATE else None
            if counterpart:
                # quoted words naming no one, by someone speaking for a state ("a great violation of
                # our sovereignty"): addressed to the other side of the article's dispute, and about
                # the person the dispute is over, if there is one
                also = target if target is not None and self._state_id(target) != own_state else None
                target = Mention(v_start, v_start, counterpart, STATE, "", "counterpart")
        if (target is None or from_protagonist and target.kind != "counterpart") and (words is not None and QUOTES_TO_FOCAL_STATE
                or words is None and target is None and third_party_judges(self.doc, v_start, self.gaz.entities.get(own_state, speaker).type)):
            # quoted words naming no one, by a speaker whose side the article does not give: about the
            # state the article is about (and the person most spoken of, if any)
            sides = {e for x in own_side for e in (x, self._actor_state(x)) if e}
            if PRIVATE_QUOTES_UNADDRESSED and target is None and words is not None and speaker.type == "Person" \
                    and self.gaz.entities.get(own_state, speaker).type != STATE and not self._titles_of(speaker.entity) \
                    and not any(speaker.entity in e.target or speaker.entity in e.agent for e in self.events) \
                    and not FIRST_PERSON_PLURAL.search(words) \
                    and not judging_verb(self.doc, v_start):   # ("We …": a side speaks; "condemned …" judges)
                return None  # "'Writing is a form of freedom,' the novelist told his readers": no one's dispute
            focal = self.focal_state_guess(None)
            if focal and focal not in sides:
                also = target if target is not None and also is None else also
                target = Mention(v_start, v_start, focal, STATE, "", "counterpart")
        if target is not None and target.kind == "counterpart":
            # words naming no one: about the author of an act done to the speaker, or of an act they name
            target = self._instead_of_counterpart(speaker, v_start, (q_start, q_end) if words else (v_start, s_end),
                                                  own_side, target.entity) or target
        if target is not None and target.type in ("Government",):
            target = self._government_spoken_of(target)
        if words is None and target is None:
            # "warned that the country was heading for civil war": the state coreference found
            target = country_spoken_of(self.doc, self._mentions_in(sentence_start, s_end), v_start)
            # (an official of no state the article gives speaks so of their own: "the country would ask for ...")
            unplaced_official = self.gaz.entities.get(own_state, speaker).type != STATE \
                and bool(self._titles_of(speaker.entity) & HOME_SPEAKER_TITLES)
            if target is not None and (unplaced_official or self._on_side(target.entity, own_state)
                                       or target.entity == self._state_id(speaker)):
                target = None
        if target is None:
            target = self._addressee_told(v_start, own_side)   # "told Uganda that ...": the one told (told_addressees.py)
        return target, also
