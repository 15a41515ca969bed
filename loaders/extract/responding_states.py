"""The state that answered: "Argentina recognised X. Caracas answered within hours. Foreign minister
Y called the decision ...": an official named without a state right after a state (its name or its
capital) is told answering, replying or hitting back speaks for that state.  Read before the
conventions that guess an official's state from the article's acts (executive_states.py), which
give such an official the acting state, whose act they answer.

``RespondingStates`` is a part of the Statement coder (through ``speaker_sides.SpeakerSides``): it
reads the extractor's parse and mentions.
"""

from __future__ import annotations

from .gazetteer import STATE

#: verbs of a state's answer to another's act ("answered", "responded", "reacted", "hit back")
RESPONSE_VERBS = frozenset({"answer", "respond", "reply", "react", "retaliate", "hit", "strike", "fire"})
#: those that answer only with a particle ("hit back", "struck back", "fired back")
RESPONSE_WITH_BACK = frozenset({"hit", "strike", "fire"})
#: how many sentences before the speaker's the answer may be told (0: the same sentence only)
SENTENCES_BEFORE = 1


class RespondingStates:
    """Which state an official of no named state answers for."""

    def _responding_state(self, index: int, before: int) -> str | None:
        """The one state the sentence ``index`` (up to offset ``before``) or the sentence before it tells
        answering ("Caracas answered within hours.", "Mogadishu responded on Monday: ..."), if any."""
        found: set[str] = set()
        for n in range(max(0, index - SENTENCES_BEFORE), index + 1):
            sentence = self.sentences[n]
            span = self.doc.char_span(sentence.start, before if n == index else sentence.end, alignment_mode="contract")
            for token in span or ():
                found |= self._answering_states(token)
        return found.pop() if len(found) == 1 else None

    def _answering_states(self, verb) -> set[str]:
        """The states that are the subject of ``verb`` (each conjunct: "Mogadishu and Addis Ababa
        responded") if it is a verb of answering with no object ("answered the questions" is speech,
        not a state's answer), named by their name or capital."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in RESPONSE_VERBS or any(c.dep_ == "dobj" for c in verb.children):
            return set()
        if lemma in RESPONSE_WITH_BACK and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
            return set()
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NNP":
            return set()
        states = set()
        for noun in (subject, *subject.conjuncts):
            for m in self._mentions_in(noun.left_edge.idx, noun.idx + len(noun.text)):
                if not m.start <= noun.idx < m.end or m.kind not in ("name", "alias", "capital"):
                    continue
                state = m.entity if m.type == STATE else self._actor_state(m.entity) if m.type == "City" else None
                if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                    states.add(state)
        return states
