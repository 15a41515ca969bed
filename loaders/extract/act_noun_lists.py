"""Two act nouns in a row, "announced the break with Taipei and the recognition of Beijing": the parser
hangs the second act noun on the first one's object ("Taipei and the recognition"), so the break is
read as a break with both and the recognition as nobody's.  The second noun phrase (its own determiner
and its own phrase) is the first act noun's conjunct (a repair of ``repairs.repair_verbs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _typed_act_noun(noun: Token) -> bool:
    """Whether a noun names an act of a coded type ("break", "recognition", "expulsion"; not "step")."""
    # (a lexicon of the Statement coder, imported late: the repairs run before it is needed)
    from .statement_targets import ACT_NOUNS
    return bool(ACT_NOUNS.get(noun.lemma_.lower()) or ACT_NOUNS.get(noun.lower_))


def act_noun_hung_on_object(noun: Token) -> bool:
    """See the module: re-hang the conjunct act noun ``noun`` (with its coordinator) on the act noun whose
    object the parser gave it to; whether it did."""
    if noun.dep_ != "conj" or noun.head.dep_ != "pobj" or noun.head.i >= noun.i:
        return False
    first = noun.head.head.head   # the object → its preposition → the first act noun
    if first.pos_ != "NOUN" or noun.head.head.dep_ != "prep" or first.i >= noun.head.i:
        return False
    # (not under an "of" phrase: "the expulsion of Qatar's envoy and the recall of Bahrain's ambassador"
    # is read through that attachment by the nominal coder, which finds the expelling state there)
    if noun.head.head.lower_ == "of":
        return False
    if not any(c.dep_ in ("det", "poss") for c in noun.children) or not any(c.dep_ == "prep" for c in noun.children):
        return False
    if not (_typed_act_noun(first) and _typed_act_noun(noun)):
        return False
    for c in [c for c in noun.head.children if c.dep_ in ("cc", "punct") and noun.head.i < c.i < noun.i]:
        c.head = first
    noun.head = first
    return True
