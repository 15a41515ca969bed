"""A repair of the parse around legal acts told as nouns: the phrases that complete the noun but that
the small pipeline hangs on the verb the noun is the object of ("France condemned [the sentencing of X]
[to eight years] [by an Iranian court]": the term and the court are the sentencing's, not the
condemnation's).  Run by repairs.repair_token, once per token, before the frames.

The repairs edit the parse in place (``prep.head = noun``): they run only on the copy of a caller's
``Doc`` that ``pipeline.extract`` makes (article_frames.match_doc is called on that copy only), never on the
caller's own parse (tests/test_repeatable.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns of legal acts whose agent a "by" phrase names ("the arrest of X by police")
LEGAL_ACT_NOUNS = frozenset({"arrest", "detention", "sentencing", "jailing", "indictment", "conviction", "trial",
                             "extradition", "imprisonment", "prosecution"})
#: of those, the nouns a "to" phrase completes with a term or a destination ("the sentencing of X to ten years")
TO_NOUNS = frozenset({"sentencing", "extradition"})


#: nouns of entries into a mission whose agent a "by" phrase names ("the raid on the embassy by police")
ENTRY_NOUNS = frozenset({"raid", "storming", "incursion", "assault", "search"})
#: the prepositions by which an act noun names what it acts on ("the arrest of X", "the raid on Y")
ACTED_ON_PREPS = frozenset({"of", "on", "into", "against"})


def phrase_of_act_noun(prep: Token) -> bool:
    """'condemned the sentencing of X to eight years by an Iranian court': a "to" or "by" phrase right
    after an act noun that is an active verb's object belongs to the noun; whether it was moved."""
    if prep.dep_ == "prep" and prep.lower_ == "by" and prep.head.pos_ in ("NOUN", "PROPN"):
        return _by_on_acted_on(prep)
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


def _by_on_acted_on(prep: Token) -> bool:
    """'the raid on the Mexican embassy by Ecuadorian police', 'the detention of X in Lima by police':
    the "by" phrase the parser hangs on what the act noun acts on (or on the place after it) is the
    act's agent; whether it was moved."""
    thing = prep.head
    if thing.dep_ == "pobj" and thing.head.lower_ in ("in", "at") and thing.head.head.dep_ == "pobj":
        thing = thing.head.head   # (a place between: "of X in Lima by police")
    if thing.dep_ != "pobj" or thing.head.lower_ not in ACTED_ON_PREPS:
        return False
    noun = thing.head.head
    if noun.pos_ != "NOUN" or (noun.lemma_.lower() not in LEGAL_ACT_NOUNS | ENTRY_NOUNS
                               and noun.lower_ not in LEGAL_ACT_NOUNS | ENTRY_NOUNS):
        return False
    agent = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if agent is None or agent.ent_type_ in ("DATE", "TIME") or prep.right_edge.i != prep.head.right_edge.i:
        return False
    prep.head = noun
    return True
