"""What an order says should become, told as a verbless clause: "ordered the embassy closed and its
diplomats to leave", "ordered the mission shut and its staff out of the country".

The parser hangs such an order's content on the directive verb as a clause complement (ccomp) with its
own subject and no tense of its own (a participle or an adjective: "the embassy closed"), and the
parts told after it ("and its diplomats to leave", "and its staff out") as that clause's conjuncts.
A frame's needed words ("leave", "out") are then in no clause of the verb's own: this module gives
them, as ``structure.local_tokens`` gives the infinitive of "ordered the envoy to leave".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import english_words
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the verbs of an order ("order", "instruct", ...: frames.yaml ``directive_heads``), read once
DIRECTIVE_HEADS = english_words("directive_heads")


def _small_clause(verb: Token) -> bool:
    """A clause with a subject and no complementiser or auxiliary of its own: "the embassy closed" (not
    "that the embassy had closed", nor "the embassy would close"); the parser may tag its participle as a
    past tense (after a directive verb, "ordered the embassy closed" is no report of a closing)."""
    if verb.tag_ not in ("VBN", "VBD", "JJ") or any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children):
        return False
    if verb.dep_ == "ccomp":
        return any(c.dep_ in SUBJECTS for c in verb.children)
    # (or its subject as the directive's object and the participle an xcomp: "ordered [the embassy] [closed]")
    return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children)


def ordered_clause_words(trigger: Token) -> list[Token]:
    """The words of a directive verb's small clause and of its conjuncts (empty for other verbs)."""
    if trigger.doc.lang_ != "en" or trigger.lemma_.lower() not in DIRECTIVE_HEADS:
        return []
    words: list[Token] = []
    for clause in trigger.children:
        if _small_clause(clause):
            words += [clause] + [t for c in clause.children if c.dep_ in SUBJECTS for t in c.subtree]
            # (not the conjunct's possessive: "its diplomats" after "the embassy closed" are the mission's own,
            # not the ordering state's, which a recall would need)
            words += [t for c in clause.conjuncts for t in c.subtree if not (t.dep_ == "poss" and t.pos_ == "PRON")]
            # (the conjunct's infinitive the parser hung on the clause's participle: "... closed and its
            # diplomats to leave within a week", "to leave" an adverbial clause of "closed")
            words += [t for c in clause.children if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                      and any(n.pos_ in ("NOUN", "PROPN") and n.i < c.i for n in clause.conjuncts) for t in c.subtree]
    return words
