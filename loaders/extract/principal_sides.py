"""An aide's side from their principal: "X, the president's chief of staff", "Abiy's spokesman, X",
"X, an adviser to Prime Minister Y": a person named as another person's aide, spokesperson or
adviser speaks for the side their principal speaks for, where the article gives it.  Only the
side kept out of what they speak about: their state as an actor stays patron_states.py's, which
gives officials (not aides) their patron's state and measured aides' states as a loss.

``PrincipalSides`` is a part of the Statement coder (through ``speaker_sides.SpeakerSides``): it
reads the extractor's parse, mentions and the sides found so far.
"""

from __future__ import annotations

from .gazetteer import PERSON_TYPES, STATE, Mention

#: an aide's side is their principal's?
AIDE_SPEAKS_FOR_PRINCIPAL = True
#: head nouns of the title of one who serves a person ("chief of staff": its head is "chief")
AIDE_HEADS = frozenset({"chief", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide",
                        "secretary", "deputy", "envoy", "representative", "emissary"})


class PrincipalSides:
    """Whose aide a speaker is, and that principal's state."""

    def _principal_side(self, speaker: Mention) -> str | None:
        """The state of the person whose aide ``speaker`` is named as, in the apposition or compound
        that names them ("X, Y's chief of staff", "Y's spokesman, X", "X, an aide to Y")."""
        if not AIDE_SPEAKS_FOR_PRINCIPAL or speaker.type not in PERSON_TYPES or speaker.start >= speaker.end:
            return None
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else None
        if token is None:
            return None
        # the title noun: the apposition on the name, or the noun the name is in apposition to
        titles = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ in ("appos", "compound"):
            titles.append(token.head)
        for title in titles:
            if title.lemma_.lower() not in AIDE_HEADS:
                continue
            owners = [c for c in title.children if c.dep_ == "poss"]
            owners += [o for p in title.children if p.dep_ == "prep" and p.lower_ in ("to", "of", "for")
                       for o in p.children if o.dep_ == "pobj"]
            for owner in owners:
                state = self._principal_state(owner, speaker.entity)
                if state:
                    return state
        return None

    def _principal_state(self, owner, aide: str) -> str | None:
        """The state of the person the token ``owner`` names (not the aide themself)."""
        for m in self._mentions_in(owner.left_edge.idx, owner.idx + len(owner.text)):
            if m.type not in PERSON_TYPES or m.entity == aide or not m.start <= owner.idx < m.end:
                continue
            state = self.speaks_for.get(m.entity) or self._actor_state(m.entity) or self._home_state(m.entity)
            entity = self.gaz.entities.get(state) if state else None
            if entity is not None and entity.type == STATE:
                return state
        return None
