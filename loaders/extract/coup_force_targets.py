"""A remark that names a state only as the owner of its forces, where those forces staged a coup the
article codes: "Kenya's foreign minister said Mali's generals must hand power back", "urged the Malian
soldiers to return to barracks".  The codebook gives a coup to the force that staged it (the armed forces,
or a group of the state's men, coup_groups.py), and a remark about an act to the act's author; the state
the words name stands here for those forces, so the Statement is about the coup's author.  Without a coded
coup the state stays ("Russia's troops must leave": troops act for their state).  Forces the speech verb
addresses with no owner named ("called on the army to restore civilian rule", "told the soldiers that their
place was in the barracks") are the forces the article spoke of before: the author of the coup it coded.

The nouns are data (``governments.yaml``: ``forces_spoken_of``); the rule reads the parse.
"""

from __future__ import annotations

from . import tree
from .gazetteer import STATE, Mention
from .governments import WORDS

FORCES_SPOKEN_OF = frozenset(WORDS["forces_spoken_of"])


class CoupForceTargets:
    """Mixed into the Statement coder (reads ``self.doc``, ``self.events``, ``self._coup_state``)."""

    def _coup_forces_named(self, target: Mention | None, before: int) -> Mention | None:
        """The author of the latest coup coded before ``before`` in the state ``target`` names, where the
        target's words are only the owner of forces ("Mali's army", "the Malian officers"); else None."""
        if target is None or target.type != STATE or target.end <= target.start:
            return None
        token = tree.token_at(self.doc, target.start)
        if token is None or token.dep_ not in ("poss", "amod", "compound"):
            return None
        head = token.head
        if head.lemma_.lower() not in FORCES_SPOKEN_OF and head.lower_ not in FORCES_SPOKEN_OF:
            return None
        return self._latest_coup_author(target.start, target.end, target.surface, before, target.entity)

    def _coup_forces_addressed(self, verb_at: int) -> Mention | None:
        """The author of the latest coup coded before ``verb_at`` where the speech verb there addresses forces
        no state names ("called on the army to ...", "urged the soldiers to ...", "told the mutineers that ..."):
        its object, its dative or the object of its "on"/"to"; else None."""
        verb = tree.token_at(self.doc, verb_at)
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        addressed += [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("on", "to")
                      for g in c.children if g.dep_ == "pobj"]
        # (forces a word before them places are another's: "Mali's army", "the Malian soldiers", "its troops")
        forces = [n for n in addressed if (n.lemma_.lower() in FORCES_SPOKEN_OF or n.lower_ in FORCES_SPOKEN_OF)
                  and not any(c.dep_ in ("poss", "amod", "compound", "nmod") and (c.pos_ in ("PROPN", "PRON") or c.ent_type_)
                              for c in n.children)]
        if not forces:
            return None
        noun = forces[0]
        return self._latest_coup_author(noun.idx, noun.idx + len(noun.text), noun.text, verb_at)

    def _latest_coup_author(self, start: int, end: int, surface: str, before: int, state: str | None = None) -> Mention | None:
        """A mention at ``start``-``end`` of the author of the latest coup coded before ``before`` (one staged by
        ``state``'s forces, where given); None with no such coup."""
        coups = [e for e in self.events if e.type == "CoupAttempt" and e.agent and e.spans and e.spans[0][0] < before
                 and (state is None or (e.agent[0] != state and self._coup_state(e.agent[0]) == state))]
        if not coups:
            return None
        author = coups[-1].agent[0]
        entity = self.gaz.entities.get(author)
        return Mention(start, end, author, entity.type if entity else "Group", surface, "coup-forces")
