"""Speakers described by who they are and where they sit: "a senior official in Nairobi said",
"officials in Cairo told reporters", "a government statement in Lima said", "a spokeswoman here
said" — the state whose capital or territory the "in ..." phrase names speaks.

``LocatedSpeakers`` is a part of the Statement coder (``statements.StatementCoder``), asked where the
parse's subject of a speech verb names no actor (``speech_speakers.speech_subject`` says "unnamed").
A description without a place ("officials said", "Lebanese officials said") stays unnamed: whose
officials they are is no safe guess.
"""

from __future__ import annotations

from .gazetteer import PERSON_TYPES, STATE, Mention
from .speech_speakers import SPOKESPERSON_NOUNS, STATEMENT_NOUNS, speech_subject_token

#: nouns for people or texts that speak for a government when placed in its seat ("an official in X",
#: "a statement in X"); "source", "analyst", "diplomat" are left out: they speak for nobody in particular
#: or for their own state, whatever city they speak in; speech_speakers.SPOKESPEOPLE's offices, aides and
#: cabinets are not here: they speak for whose they are ("X's office"), not for where they sit
PLACED_SPEAKERS = {"official"} | SPOKESPERSON_NOUNS | STATEMENT_NOUNS
#: prepositions that place a speaker ("in Nairobi", "from Cairo")
PLACING = {"in", "from"}
#: a person named in apposition to the placed noun speaks, not the state of the place?
NAMED_IN_APPOSITION = True
#: a common noun for the seat of government, read with the dateline ("officials in the capital")
CAPITAL_NOUNS = {"capital"}


class LocatedSpeakers:
    """The state a described speaker placed in its capital or territory speaks as."""

    def located_speaker(self, at: int) -> Mention | None:
        """'a senior official in Nairobi said': the state of the place the speech verb at ``at``'s
        subject is put in (a capital, a city of the state, the state), or None; a person named in
        apposition to it ("the spokeswoman in Kigali, X") is the speaker instead."""
        subject = speech_subject_token(self.doc, at)
        if subject is None or subject.tag_ == "NNP" or subject.lemma_.lower() not in PLACED_SPEAKERS:
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") and (c.dep_ == "poss" and c.pos_ != "PRON" or c.pos_ == "PROPN"
                                                                 or c.ent_type_ in ("NORP", "GPE"))
               for c in subject.children):
            # "a Peruvian official in Santiago", "Peru's envoy in Lima": the modifier says whose (not a
            # capital that only opens the sentence: "Senior officials in Cairo said")
            return None
        # "a statement issued in Abuja": the place may hang on the participle that describes the noun
        holders = [subject] + [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        place = next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in PLACING
                      for g in c.children if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.lower_ in CAPITAL_NOUNS)), None)
        if place is None or any(c.dep_ == "conj" for c in place.children):
            return None  # "officials in Bogotá and Santiago": several states, each its own speaker or none
        if NAMED_IN_APPOSITION:
            # "The government spokeswoman in Kigali, X, said": X speaks (the parse may hang X on the place)
            named = next((m for a in (subject, place) for c in a.children if c.dep_ == "appos"
                          for m in self._mentions_in(c.left_edge.idx, c.idx + len(c.text))
                          if m.type in PERSON_TYPES and m.start <= c.idx < m.end), None)
            if named is not None:
                return named
        if place.pos_ != "PROPN":
            # "officials in the capital": the capital of the dateline's state
            state = self._dateline_state() if any(c.lower_ == "the" for c in place.children) else None
        else:
            words = [t for t in place.subtree if t.i <= place.i and t.dep_ == "compound" or t == place]
            state = self._place_state(self.text[words[0].idx:place.idx + len(place.text)])
        entity = self.gaz.entities.get(state) if state else None
        if entity is None or entity.type != STATE:
            return None
        return Mention(subject.idx, subject.idx + len(subject.text), entity.id, STATE, subject.text, "organ")
