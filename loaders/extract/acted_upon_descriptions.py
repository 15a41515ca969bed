"""Who "the ousted leader", "the detained activist", "the expelled envoy" are: a definite description
whose participle is a verb of an act the article coded before on a person names that person ("Soldiers
ousted President X ... Y said the ousted leader must be freed": X).

Coreference runs before the events are coded, so it cannot read them; the Statement coder can: it
reads this where the words' object or the reported clause's subject is such a description that no
mention covers (``StatementTargets._parsed_target``).  The participle's event types come from the
frames' verb triggers (frames.yaml), so a new frame's verbs count without a list here.

A part of the Statement coder (``statements.StatementCoder``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import frame_file
from .gazetteer import PERSON_TYPES, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a description whose participle names an act coded on a person stands for that person?
ACTED_UPON_DESCRIPTIONS = True
#: determiners of a description that refers back ("the ousted leader", "this jailed activist")
DEFINITE = {"the", "this", "that"}


class ActedUponDescriptions:
    """The person a description by an act done to them stands for (a part of the Statement coder)."""

    def _person_acted_upon(self, token: Token) -> Mention | None:
        """'the ousted leader', 'the detained journalist': the person the latest act of the participle's
        kind coded before the description was done to; None where no such act names one person."""
        if not ACTED_UPON_DESCRIPTIONS or token.pos_ != "NOUN" or token.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            return None
        participles = [c for c in token.children if c.dep_ in ("amod", "acl")
                       and (c.tag_ == "VBN" or c.tag_ == "JJ" and c.lower_.endswith("ed"))]
        if not participles:
            return None
        verb_types = frame_file.frames_for(self.doc.lang_).bare_verb_types
        kinds = set().union(*(verb_types.get(v, ()) for p in participles for v in _verb_forms(p)))
        acts = [e for e in self.events if e.type in kinds and 0 <= e.told_at < token.idx]
        for e in sorted(acts, key=lambda e: e.told_at, reverse=True):
            persons = [t for t in e.target if getattr(self.gaz.entities.get(t), "type", None) in PERSON_TYPES]
            if len(persons) == 1:
                entity = self.gaz.entities[persons[0]]
                start = token.left_edge.idx
                return Mention(start, token.idx + len(token.text), entity.id, entity.type, self.text[start:token.idx + len(token.text)], "definite")
        return None


def _verb_forms(participle: Token) -> tuple[str, ...]:
    """The verb lemmas a participle may be of: its own lemma, and for one the tagger read as an
    adjective ("the ousted leader": JJ, lemma "ousted") the stems of its "-ed" ("oust", "exile", "expel")."""
    word = participle.lower_
    if participle.tag_ == "VBN":
        return (participle.lemma_.lower(),)
    return (word[:-2], word[:-1], word[:-3]) if word.endswith("ed") else ()
