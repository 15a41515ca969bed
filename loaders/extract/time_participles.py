"""A participle after a time noun of the clause, "was arrested again, this time accused of involvement in
the coup": the parser makes the participle a modifier of "time", so the accusation is nobody's; it is the
clause's own adjunct, as in "was detained on Monday, accused of treason" (a repair of
``repairs.repair_verbs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def participle_on_time_noun(participle: Token) -> bool:
    """See the module: re-hang a past participle the parser made the modifier of a bare noun phrase of
    time ("this time", "a week later") on that phrase's verb, as its adverbial clause; whether it did."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or noun.dep_ != "npadvmod" or noun.i >= participle.i:
        return False
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i >= noun.i or any(c.dep_ == "prep" for c in noun.children):
        return False
    if noun.ent_type_ not in ("DATE", "TIME") and noun.lemma_ not in ("time", "day", "week", "month", "year"):
        return False
    participle.head, participle.dep_ = verb, "advcl"
    return True
