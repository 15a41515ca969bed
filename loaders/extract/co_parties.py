"""Who else acts with the subject, or is acted on with the object, told beside them rather than in
their list: "X, along with Y, expelled ...", "X was arrested together with Y", a second subject or
object the parser hangs on the verb ("Latvia as well as Estonia recalled", "arrested X and, days later, Y").
Other ways of telling co-agents ("joined by", "like") are co_agents.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .envoys import ENVOY_LEMMAS
from .names import TIED_PERSON_NOUNS
from .structure import is_passive

if TYPE_CHECKING:
    from spacy.tokens import Token


#: prepositions that add a co-agent to a subject: "Estonia, along with Latvia, expelled ..."
CO_AGENT_PREPOSITIONS = (("along", "with"), ("together", "with"))


def co_subjects(verb: Token) -> list[Token]:
    """Who else acts with the subject: 'X, along with Y, expelled', 'X together with Y', and a second
    subject the parser hangs on the verb ('Latvia as well as Estonia recalled')."""
    out = [c for c in verb.children if c.dep_ == "nsubj"][1:]
    out = [c for c in out if not tree.negated_conjunct(c)]   # ("Peru, not Chile, recalled ...")
    holders = [verb] + [c for c in verb.children if c.dep_ == "nsubj"]
    for holder in holders:
        for first, second in CO_AGENT_PREPOSITIONS:
            for c in holder.children:
                if c.dep_ in ("prep", "advmod") and c.lower_ == first:
                    out += [g for w in c.children if w.dep_ == "prep" and w.lower_ == second
                            for g in w.children if g.dep_ == "pobj"]
        # ("X, together with Y, severed": the parser hangs "together" on "with", as co_objects reads it)
        out += [g for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"
                and any(a.dep_ == "advmod" and a.lower_ in ("along", "together") for a in c.children)
                for g in c.children if g.dep_ == "pobj" and g not in out]
    # ("expelled the Russian ambassador along with the Belarusian consul": envoys acted on with the object,
    # not a co-agent, co_envoys)
    acted_on = co_envoys(verb, ENVOY_LEMMAS)
    return [c for c in out if c not in acted_on]


#: finite verb tags: an aside holding one is a clause of its own ("and, Chile said, ..."), not a phrase
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _after_aside(obj: Token, name: Token) -> bool:
    """'X and, a few days later, Y', 'X and, according to the ministry, Y': the object, "and", a phrase set
    off by commas (of any kind, but no clause: no subject, no finite verb), then the name."""
    doc = name.doc
    start = obj.right_edge.i + 1
    first = min([c.i for c in name.children if c.dep_ in ("compound", "flat") and c.i < name.i] + [name.i])
    words = doc[start:first]
    if len(words) < 4 or words[0].lower_ != "and" or words[1].text != "," or words[-1].text != ",":
        return False
    return not any(t.dep_ in ("nsubj", "nsubjpass", "expl") or t.tag_ in FINITE_TAGS for t in words[2:-1])


def co_objects(verb: Token, bare_with: bool = False) -> list[Token]:
    """Who else is acted on with the object: "X was arrested along with Y", "police detained her together
    with her husband" (on the verb or a bare verb coordinated with it, "with" under "together" or its
    sibling; where the verb has an object or is a passive, the phrase joins the one acted on); with
    ``bare_with`` (custody), a passive's bare "with" and names: "X was detained with Y and Z"."""
    if verb.pos_ != "VERB" or not (is_passive(verb) or any(c.dep_ == "dobj" for c in verb.children)):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if bare_with and (is_passive(verb) or obj is not None):
        # (names only: "was arrested with a gun", "with the help of Y", "with Y's consent" name no one held;
        # or a kin or tied person the name is in apposition to: "arrested X with his wife, Y"; after the
        # object of an active verb: "police, with the army's help, arrested X" is no one held)
        named = [o for w in tree.children(verb, ("prep",)) if w.lower_ == "with" and not any(
                     a.dep_ == "advmod" and a.lower_ in ("along", "together") for a in w.children)
                 and (obj is None or w.i > obj.i)
                 for first in tree.children(w, ("pobj",)) if first.pos_ == "PROPN" or _named_tied_person(first)
                 for o in tree.fan_out(first)]
        if named:
            return [o for o in named if o.pos_ == "PROPN" or _named_tied_person(o)] + [
                o for o in co_objects(verb) if o not in named]
    holders = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                        and not any(g.dep_ in tree.SUBJECTS for g in c.children)]
    out: list[Token] = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ not in ("prep", "advmod"):
                continue
            if c.lower_ in ("along", "together"):
                withs = [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"] + [  # or its sibling next
                    w for w in holder.children if w.i == c.i + 1 and w.dep_ == "prep" and w.lower_ == "with"]
            elif c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children if a.dep_ == "advmod"):
                withs = [c]
            else:
                continue
            objects = [g for w in withs for g in w.children if g.dep_ == "pobj"]
            out += [o for first in objects for o in tree.fan_out(first)]
    if out:  # "together with the minister X and the journalist Y": the parser's second conjunct on a verb
        out += [n for h in holders for n in h.children if n.dep_ == "conj" and n.pos_ in ("NOUN", "PROPN") and n.i > out[0].i]
    # "sentenced the ousted president, X, and his brother Y, to life": a second object the parser left
    # unattached ('dep') or coordinated with the verb itself, after the object and an "and" (or a second
    # object of the verb: "sentenced X to ten years and Y to eight"; "X was sentenced to ten years and Y to
    # eight", after the passive's subject)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is not None:
        out += [n for n in verb.children if n.dep_ in ("dep", "conj", "dobj") and n.pos_ in ("NOUN", "PROPN") and n.i > obj.i
                and n.i > verb.i and any(t.lower_ == "and" and t.dep_ == "cc" for t in verb.doc[obj.i:n.i]) and n not in out]
        # (or, after a phrase set off by commas, a name made the verb's adverbial: "arrested X and, days later, Y")
        out += [n for n in verb.children if n.dep_ == "npadvmod" and n.ent_type_ == "PERSON" and n.i > obj.i
                and _after_aside(obj, n) and n not in out]
    return out


def _named_tied_person(noun: Token) -> bool:
    """'his wife, Ngozi Bello', 'his lawyer, X': a kin or tied-person noun with a name in apposition."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in TIED_PERSON_NOUNS and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def co_envoys(verb: Token, envoy_words: frozenset[str]) -> list[Token]:
    """The envoys acted on together with the object ("expelled the Russian ambassador along with the
    Belarusian chargé"): the co-objects that are envoys, whose states are acted on too (a co-object of
    another kind, "along with Bolivia", "along with his family", is no envoy's state)."""
    # (only those "along with" / "together with" gives: a second object of the verb is an act of its own,
    # with its own date, gapping.gapped_clauses: "expelled the ambassador of X in 2017 and the envoys of Y in 2019")
    return [o for o in co_objects(verb) if o.dep_ != "dobj" and any(w.lemma_.lower() in envoy_words or w.lower_ in envoy_words
                                                                    for w in [o, *(c for c in o.children if c.dep_ == "compound")])]
