"""'Chile recalled its ambassador and Bolivia cut ties with Israel', 'Argentina recalled its envoy from
Spain and Madrid expelled the Argentine ambassador': two clauses joined by "and", the second one's
subject a name the parser coordinated with the first clause's object (or the object of its
preposition), its verb left with no subject of its own.  The second act then reads as the first
agent's, or not at all (an act read as another party's, or of another type: the expulsion lost
beside the recall).  The name is the second verb's subject again."""

from __future__ import annotations

from typing import TYPE_CHECKING

# (a verb of its own tense: a participle, "..., citing ...", is no clause of its own)
from .tree import ACTOR_ENTITIES, TENSED_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what may stand between the name and its verb: "and Madrid had expelled", "and Lima also cut"
BETWEEN_NAME_AND_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})


def subject_coordinated_with_object(verb: Token) -> bool:
    """Give a coordinated verb with no subject the name right before it that the parser hung on the
    first verb's object as a conjunct (or the list of names it ends, "and Latvia and Lithuania
    recalled"); whether a repair was made."""
    if verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.tag_ not in TENSED_TAGS or verb.head.pos_ != "VERB" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return False
    first = verb.head
    i = verb.i - 1
    while i > first.i and verb.doc[i].head.i == verb.i and verb.doc[i].dep_ in BETWEEN_NAME_AND_VERB:
        i -= 1
    name = verb.doc[i]
    if i <= first.i or name.pos_ != "PROPN" or name.dep_ != "conj" or name.ent_type_ not in ACTOR_ENTITIES \
            or not first.is_ancestor(name) or name.head.i >= name.i:
        return False
    if any(c.dep_ == "conj" and c.i > name.i for c in name.children):
        return False
    # ("... expelled two Estonian diplomats and Latvia and Lithuania recalled ...": a list of names, the
    # parser's conjuncts of the object's noun; after a name it may be that name's list, so only after a noun)
    top = name
    while top.head.pos_ == "PROPN" and top.head.dep_ == "conj" and top.head.ent_type_ in ACTOR_ENTITIES \
            and top.head.head.i < top.head.i:
        top = top.head
    if top.head.pos_ == "NOUN":
        name = top
    cc = next((c for c in name.head.children if c.dep_ == "cc" and name.head.i < c.i < name.left_edge.i), None)
    if cc is None or cc.lower_ != "and":
        return False
    name.head, name.dep_ = verb, "nsubj"
    cc.head = first   # "and" joins the two clauses now
    return True


#: the subordinators of a fronted clause of time or reason ("After Bolivia severed ties with Israel, ...")
FRONTED_MARKS = frozenset({"after", "when", "as", "once", "since", "because", "while", "although", "though", "before"})


def subject_swallowed_by_fronted_clause(verb: Token) -> bool:
    """'After Bolivia severed ties with Israel, Chile and Colombia recalled their ambassadors': a
    finite main verb with no subject, after a fronted subordinate clause whose last object the parser
    made a list running into it ("Israel, Chile and Colombia"); what follows the comma is the main
    verb's subject.  Whether a repair was made."""
    if verb.pos_ != "VERB" or verb.tag_ not in TENSED_TAGS or verb.dep_ != "ROOT" \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return False
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                   and any(m.dep_ == "mark" and m.lower_ in FRONTED_MARKS for m in c.children)), None)
    if clause is None or clause.right_edge.i != verb.i - 1:
        return False
    first = next((t for t in clause.subtree if t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.i < t.i
                  and verb.doc[t.left_edge.i - 1].text == "," and t.head.dep_ == "pobj"
                  and not any(c.dep_ == "conj" for c in t.head.children if c.i < t.i)), None)
    if first is None or first.ent_type_ not in ACTOR_ENTITIES \
            or any(t.text == "," for t in verb.doc[first.i:verb.i]):
        return False
    comma = verb.doc[first.left_edge.i - 1]
    first.head, first.dep_ = verb, "nsubj"
    comma.head = verb
    return True
