"""A repair of the parse around legal acts told as nouns: the phrases that complete the noun but that
the small pipeline hangs on the verb the noun is the object of ("France condemned [the sentencing of X]
[to eight years] [by an Iranian court]": the term and the court are the sentencing's, not the
condemnation's).  Run by repairs.repair_token, once per token, before the frames."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns of legal acts whose agent a "by" phrase names ("the arrest of X by police")
LEGAL_ACT_NOUNS = frozenset({"arrest", "detention", "sentencing", "jailing", "indictment", "conviction", "trial",
                             "extradition", "imprisonment", "prosecution"})
#: of those, the nouns a "to" phrase completes with a term or a destination ("the sentencing of X to ten years")
TO_NOUNS = frozenset({"sentencing", "extradition"})


def phrase_of_act_noun(prep: "Token") -> bool:
    """'condemned the sentencing of X to eight years by an Iranian court': a "to" or "by" phrase right
    after an act noun that is an active verb's object belongs to the noun; whether it was moved."""
    if prep.dep_ != "prep" or prep.lower_ not in ("to", "by") or prep.head.pos_ != "VERB":
        return False
    verb = prep.head
    if any(c.dep_ in ("auxpass", "nsubjpass", "dative") for c in verb.children):
        return False  # "was condemned by X": the passive's own agent; "gave ... to X": the verb's
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i]
    if len(objects) != 1:
        return False
    noun = objects[0]
    nouns = LEGAL_ACT_NOUNS if prep.lower_ == "by" else TO_NOUNS
    if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
        return False
    # only phrases that follow the noun's own phrase, or another phrase just moved to it
    end = noun.right_edge.i
    if end + 1 != prep.i:
        return False
    prep.head = noun
    return True
