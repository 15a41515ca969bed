"""Relative clauses on a person the small pipeline reads as something else (two repairs):

* 'Olga Zhuk, whom police arrested on Monday, is a lawyer': a relative clause whose relative pronoun is
  the object ("whom" or "who", then a subject of its own, then the verb).  The parser reads the subject
  and verb as a noun with a reduced relative ("police [who were] arrested"), hangs the pronoun and that
  noun on the main verb, and so loses both the act's agent and whom it was done to.  A relative pronoun
  right before a noun phrase that a past verb follows cannot be that verb's subject (the noun phrase
  is): it is the verb's object, and the clause is a relative clause on the antecedent.
* 'Police detained X, later charged with fraud': a reduced relative clause on the object, which the
  parser hangs on the main verb when an adverb stands before its participle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: relative pronouns that may stand for a clause's object ("whom", and "who" as speech has it)
OBJECT_RELATIVES = frozenset({"whom", "who"})


def object_relative_read_as_participle(verb: Token) -> bool:
    """Re-hang "whom [subject] [verb]" as a relative clause on the antecedent, the pronoun its object;
    whether a repair was made."""
    if verb.dep_ != "acl" or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return False
    subject = verb.head   # "police" in "whom police arrested"
    if subject.pos_ not in ("NOUN", "PROPN") or subject.dep_ not in SUBJECTS or subject.i > verb.i:
        return False
    start = subject.left_edge.i
    if start < 2 or verb.i != subject.i + 1:   # (the verb right after the subject's head: "police arrested")
        return False
    pronoun = verb.doc[start - 1]
    if pronoun.lower_ not in OBJECT_RELATIVES or pronoun.head.i != subject.head.i:
        return False
    if any(c.dep_ in ("dobj", "agent", "auxpass", "aux", "nsubj", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return False   # "the man who police officers questioned the day before ..." has no second object
    antecedent = verb.doc[start - 2]
    if antecedent.text == ",":
        antecedent = verb.doc[start - 3] if start >= 3 else antecedent
    while antecedent.dep_ == "compound" and antecedent.head.i > antecedent.i:
        antecedent = antecedent.head
    if antecedent.pos_ not in ("NOUN", "PROPN") or antecedent.i >= pronoun.i:
        return False
    verb.head, verb.dep_ = antecedent, "relcl"
    subject.head, subject.dep_ = verb, "nsubj"
    pronoun.head, pronoun.dep_ = verb, "dobj"
    return True


#: adverbs of a later step (not a repeat): before a reduced relative clause's participle ("X, later charged with"), opening a second act after a comma ("..., then withdrew him"; repairs), and not "again" (repeated_acts)
STEP_ADVERBS = frozenset({"later", "subsequently", "eventually", "since", "then", "afterwards", "afterward"})


def participle_after_object_read_as_adjunct(participle: Token) -> bool:
    """'Police detained X, later charged with fraud': a past participle after a comma that follows the
    verb's object, with no subject of its own, is a reduced relative clause on that object (what was done
    to X), not an adjunct of the main clause (what the police were); the parser hangs it on the verb
    when an adverb stands before it.  Re-hang it on the object; whether a repair was made."""
    if participle.dep_ != "advcl" or participle.pos_ != "VERB" or participle.tag_ != "VBN":
        return False
    verb = participle.head
    if verb.i > participle.i or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in participle.children):
        return False
    doc = participle.doc
    k = participle.i - 1
    while k > verb.i and doc[k].lower_ in STEP_ADVERBS and doc[k].head.i == participle.i:
        k -= 1
    if k == participle.i - 1 or doc[k].text != ",":
        return False   # (only with an adverb before it: without one the parser already makes it the object's)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i == k - 1]
    if not objects:
        return False
    participle.head, participle.dep_ = objects[0], "acl"
    return True
