"""'Egypt expelled the Turkish ambassador and downgraded relations', 'Bolivia recalled its envoy and
severed diplomatic ties with Israel': the small pipeline reads the second verb as an adjective on
"relations" ("downgraded relations" as one noun phrase) and the phrase as a conjunct of the first
verb's object, so the second act is lost.  After "and", a past form on a noun of relations that a
verb's object or the verb itself has as its conjunct, of a verb the frames read, is that verb's conjunct again, with "relations"
its object and the phrases after it (to the level of chargé d'affaires) its own.  A repair of
repairs.repair_token, tried on adjectival modifiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .frame_file import frames_for
from .relations import RELATION_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: past forms without the "-ed" ending that act on relations, with their verbs
IRREGULAR_PASTS = {"cut": "cut", "broke": "break", "broken": "break", "froze": "freeze", "frozen": "freeze"}


def past_lemma(word: str, verbs: frozenset[str]) -> str | None:
    """The verb among ``verbs`` a past form is of ("downgraded": downgrade; "severed": sever), or None."""
    if word in IRREGULAR_PASTS:
        return IRREGULAR_PASTS[word] if IRREGULAR_PASTS[word] in verbs else None
    if not word.endswith("ed"):
        return None
    stem = word[:-2]
    for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None, stem[:-1] + "y" if stem.endswith("i") else None):
        if lemma and lemma in verbs:
            return lemma
    return None


def participle_on_relations(token: Token) -> bool:
    """Re-hang a past form read as an adjective on a conjunct noun of relations as the verb's conjunct;
    whether a repair was made."""
    if token.dep_ != "amod" or token.i < 2:
        return False
    noun = token.head
    if noun.lemma_.lower() not in RELATION_NOUNS or noun.dep_ != "conj" or noun.i < token.i:
        return False
    if token.doc[token.i - 1].lower_ != "and" or any(c.dep_ == "amod" and c.i < token.i for c in noun.children if c != token):
        return False   # ("and diplomatic severed ties" is no verb; "restored severed ties" has no "and")
    verb = noun.head if noun.head.pos_ == "VERB" else noun.head.head
    if verb.pos_ != "VERB" or verb.i > token.i or (noun.head != verb and noun.head.dep_ not in ("dobj", "dative")):
        return False
    lemma = past_lemma(token.lower_, frames_for(token.doc.lang_).verb_words)   # (only a verb the frames read)
    if lemma is None:
        return False
    and_ = token.doc[token.i - 1]
    token.head, token.dep_, token.pos_, token.tag_, token.lemma_ = verb, "conj", "VERB", "VBD", lemma
    noun.head, noun.dep_ = token, "dobj"
    and_.head = verb
    for c in [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i]:
        c.head = token   # ("... to the level of chargé d'affaires": the second verb's)
    return True


def infinitive_on_relations(token: Token) -> bool:
    """'Canberra and Moscow agreed to re-establish relations': the small pipeline reads "to" as a
    preposition and the infinitive as an adjective on "relations" (a noun phrase "re-establish
    relations" after "to").  A base form (not a past: "gave visas to expelled diplomats" is an
    adjective) of a verb the frames read, right after such a "to" on a verb, with a noun of relations
    as the preposition's object, is that verb's infinitive complement again, "relations" its object;
    whether a repair was made."""
    if token.dep_ != "amod" or token.i < 2:
        return False
    to, noun = token.doc[token.i - 1], token.head
    if to.lower_ != "to" or to.dep_ != "prep" or noun.dep_ != "pobj" or noun.head != to or noun.i < token.i \
            or noun.lemma_.lower() not in RELATION_NOUNS or to.head.pos_ != "VERB":
        return False
    word = token.lower_
    verbs = frames_for(token.doc.lang_).verb_words
    if word not in verbs or word.endswith(("ed", "ing")) or word in IRREGULAR_PASTS:
        return False
    token.head, token.dep_, token.pos_, token.tag_, token.lemma_ = to.head, "xcomp", "VERB", "VB", word
    to.head, to.dep_, to.pos_, to.tag_ = token, "aux", "PART", "TO"
    noun.head, noun.dep_ = token, "dobj"
    return True
