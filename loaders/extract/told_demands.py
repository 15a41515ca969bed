"""'Mexico told Peru to reconsider', 'Washington told Moscow to stop the exercises': a state told by
another to do something is pressed, a demand (the codebook's Statement), not a report, where the one
told is a state, its capital or government and what it is told to do is no departure ("told the
ambassador to leave", "told Britain to withdraw its diplomats" are expulsions, the frames'); a person
told to do something ("told him to go", "told reporters to wait") is none.  Used by the Statement
coder's cue filter (statements.py), which otherwise drops every "told ... to"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .envoys import ENVOY_LEMMAS
from .gazetteer import Mention
from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: what the one told is (a state, its capital or government) for the verb to press it
PRESSED_TYPES = frozenset({"State", "Government"})
PRESSED_KINDS = frozenset({"name", "alias", "capital", "demonym", "seat"})
#: subjects whose telling is an order of law, not a remark
COURT_WORDS = frozenset({"court", "tribunal", "judge", "panel"})
#: verbs of leaving and withdrawing: telling a state to do them sends its envoys home (an expulsion)
DEPARTURE_VERBS = frozenset({"leave", "depart", "go", "quit", "withdraw", "recall", "close", "remove", "pull", "evacuate",
                             "vacate"})
#: ... and verbs that send envoys away only with them as object or "home", "back", "out" ("told Russia to send its
#: attaché home", "to cut its embassy staff"; "told Moscow to take responsibility" is a demand)
ENVOY_DEPARTURE_VERBS = frozenset({"send", "bring", "take", "cut", "reduce"})


def told_to_act(doc: Doc, at: int) -> bool:
    """Whether the verb "told" at offset ``at`` tells someone to do something, on the parse ("told Mr
    X and four of his colleagues to go"): an object and an infinitive, however long the object."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].lemma_.lower() != "tell":
        return False
    verb = span[0]
    return any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.i < c.i for a in c.children)
        for c in verb.children)


def told_state_to_act(doc: Doc, at: int, mentions: list[Mention]) -> bool:
    """Whether the verb "told" at offset ``at`` tells a state (its object: a name, capital or
    government of one) to do something other than leave."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].lemma_.lower() != "tell":
        return False
    verb = span[0]
    # "the World Court told Uganda to pay": a court's order is its ruling, no remark
    if any(c.dep_ == "nsubj" and (c.lemma_.lower() in COURT_WORDS or any(m.start <= c.idx < m.end and m.type == "Court"
                                                                          for m in mentions)) for c in verb.children):
        return False
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    deeds = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
             and any(a.lower_ == "to" and a.i < c.i for a in c.children)]
    # ("told Peru to reconsider" may be parsed with "Peru" the infinitive's subject)
    told += [g for d in deeds for g in d.children if g.dep_ == "nsubj" and g.i < d.i]
    if not told or not deeds or any(_departure(d) for d in deeds):
        return False
    return any(m.start <= t.idx < m.end and m.type in PRESSED_TYPES and m.kind in PRESSED_KINDS
               for t in told for m in mentions)


def _departure(deed: Token) -> bool:
    """Whether what a state is told to do sends envoys away ("leave", "send its attaché home")."""
    lemma = deed.lemma_.lower()
    if lemma in DEPARTURE_VERBS:
        return True
    return lemma in ENVOY_DEPARTURE_VERBS and any(
        c.lower_ in english_words("away_particles") or c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ENVOY_LEMMAS for c in deed.children)
