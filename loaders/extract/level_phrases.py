"""'Thailand cut ties with Cambodia to chargé level', 'reduced relations to chargé d'affaires level': the
small pipeline reads "to chargé" as an infinitive ("to charge") with "level" its object, so the phrase
that makes the cut a reduction is lost to the act's verb, and the severance frame takes the downgrade
(the codebook: relations cut to a chargé's level are a downgrade, not a severance).  A bare "level"
right after an infinitive's verb, with nothing between but that verb's own compounds, is no object:
"to" is a preposition of the clause's verb and the phrase "X level" its object, the verb a word of the
noun phrase.  A repair of repairs.repair_token, tried on adverbial and complement clauses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token


def rank_read_as_infinitive(verb: Token) -> bool:
    """See the module: re-hang "to X level" the parser made an infinitive as a prepositional phrase of the
    clause's verb; whether it did."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.pos_ != "VERB" or verb.i < 1:
        return False
    to = verb.doc[verb.i - 1]
    if to.lower_ != "to" or to.head.i != verb.i or to.dep_ != "aux":
        return False
    level = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in english_words("level_nouns")
                  and c.i > verb.i), None)
    if level is None or any(c.dep_ in ("det", "poss", "nummod") for c in level.children):
        return False   # "to raise the level of ..." is an infinitive
    between = verb.doc[verb.i + 1:level.i]
    if any(t.head.i != level.i or t.dep_ not in ("compound", "amod") for t in between):
        return False
    head = verb.head
    for child in [c for c in verb.children if c.i not in (to.i, level.i)]:
        child.head = head   # "... on Friday": the clause's adjuncts
    to.head, to.dep_, to.pos_, to.tag_ = head, "prep", "ADP", "IN"
    level.head, level.dep_ = to, "pobj"
    verb.head, verb.dep_, verb.pos_, verb.tag_ = level, "compound", "NOUN", "NN"
    return True
