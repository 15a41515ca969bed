"""An order told as what the one told must now do: "told the Ugandan ambassador that he must leave",
"informed the envoy he had 72 hours to leave", "told them they had to go".  The parser hangs the
obligation on the telling verb as a finite complement clause, which ``structure.local_tokens`` leaves
out ("told them it would leave" tells no order); this module gives its words back where the clause's
subject is the one told (a pronoun, an envoy) and its verb an obligation: "must", "had to", or a
deadline one "has" ("had 72 hours to leave").  A frame still needs its own words there ("leave").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref_lexicon import KINDS_OF
from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns of the one told that an obligation may fall on: envoys (coref.yaml's kinds of diplomat), unaccented
#: spellings, and their missions (not "told reporters")
TOLD_NOUNS = KINDS_OF.get("diplomat", frozenset()) | frozenset({
    "attache", "charge", "representative", "staff", "personnel", "embassy", "mission", "legation", "official"})
#: pronouns of the one told, as the obligated clause's subject
TOLD_PRONOUNS = frozenset({"he", "she", "they"})   # (not "it": most often the teller itself)


def obligation_words(trigger: Token) -> list[Token]:
    """The words of an obligation told to the object of ``trigger`` (a verb of telling: frames.yaml
    ``obliging_heads``): the complement clause's verb, its subject, and, for a deadline, the time had and
    the infinitive on it; none where the clause tells no obligation of the one told."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in english_words("obliging_heads"):
        return []
    told = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
    if len(told) != 1 or not _may_be_told(told[0]):
        return []
    out: list[Token] = []
    for clause in (c for c in trigger.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ in TOLD_PRONOUNS or subject.lemma_.lower() in TOLD_NOUNS):
            continue
        words = _obliged(clause)
        if words:
            out += [clause, *words, *subject.subtree]
    return out


def _may_be_told(told: Token) -> bool:
    """The one told is an envoy, a mission, a state by name or a pronoun: someone an expulsion can act on."""
    return told.pos_ in ("PRON", "PROPN") or told.lemma_.lower() in TOLD_NOUNS


def _obliged(clause: Token) -> list[Token]:
    """The words after an obligation in ``clause``: "must leave" (the verb itself), "had to leave" (the
    infinitive), "had 72 hours to leave" (the time and the infinitive on it); none for any other clause."""
    if any(c.dep_ == "aux" and c.lower_ in english_words("obliging_modals") for c in clause.children):
        return [clause]
    if clause.lemma_.lower() != "have":
        return []
    infinitive = lambda t: t.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
    to_do = [c for c in clause.children if c.dep_ == "xcomp" and infinitive(c)]
    if to_do:
        return to_do
    for time in (c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in english_words("deadline_units")):
        to_do = [c for c in time.children if c.dep_ in ("relcl", "acl") and infinitive(c)]
        if to_do:
            return [time, *to_do]
    return []


def clause_read_as_relative(verb: Token) -> bool:
    """'informed the envoy that it had decided to leave': after a verb of telling, "that" and a clause with a
    subject of its own the parser read as a relative clause on the one told (with "that" its object); it is
    what was told, the telling verb's complement clause.  Whether a repair was made."""
    told = verb.head
    if verb.dep_ != "relcl" or told.dep_ not in ("dobj", "dative") or told.head.pos_ != "VERB" \
            or told.head.lemma_.lower() not in english_words("obliging_heads"):
        return False
    that = next((c for c in verb.children if c.lower_ == "that" and c.dep_ in ("dobj", "mark") and c.i == told.i + 1), None)
    if that is None or not any(c.dep_ == "nsubj" and c.i > that.i for c in verb.children):
        return False
    verb.head, verb.dep_ = told.head, "ccomp"
    that.dep_ = "mark"
    return True
