"""'A court sentenced to death the opposition leader X', 'charged with rebellion the former minister X':
a heavy object put after the verb's own phrase (the term, the charge), as wire copy does with a long
name.  The small parser then hangs the object on the phrase's noun as its apposition ("death, the
opposition leader"), or on the verb as an adverbial noun; the repair makes it the verb's object, as in
"sentenced the opposition leader X to death".  Only for the verbs whose phrase goes before such an
object (``shifted_object_verbs`` in frames.yaml), active and with no object of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs of legal acts whose term or charge wire copy puts before a long object, in frames.yaml
SHIFTING_VERBS = english_words("shifted_object_verbs")
#: the prepositions of the phrase put first ("to death", "with rebellion", "for treason", "of fraud", "on charges")
PHRASE_PREPOSITIONS = frozenset({"to", "with", "for", "of", "on"})


def object_after_phrase(verb: Token) -> bool:
    """Repair 'sentenced to death <object>' read with the object on "death" or on the verb; whether it was made."""
    if verb.lemma_.lower() not in SHIFTING_VERBS or any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass", "dative") for c in verb.children):
        return False
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in PHRASE_PREPOSITIONS]
    if not phrases:
        return False
    first = phrases[0]
    # (an adverbial noun after the phrase: "sentenced to ten years in prison the opposition leader X")
    moved = next((c for c in verb.children if c.dep_ in ("npadvmod", "dep") and c.i > first.i
                  and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")), None)
    if moved is None:
        # (an apposition of the phrase's noun: "charged with rebellion the former minister X")
        noun = next((g for g in first.children if g.dep_ == "pobj"), None)
        moved = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                      and not any(t.is_punct for t in c.doc[noun.i + 1:c.left_edge.i])), None) if noun is not None else None
    if moved is None or moved.ent_type_ in ("DATE", "TIME"):
        return False
    moved.head, moved.dep_ = verb, "dobj"
    return True
