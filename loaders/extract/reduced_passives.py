"""A parse repair: a reduced passive relative clause between commas read as the main verb.

"Kenya's ambassador, declared persona non grata by Uganda on Monday, left Kampala on Wednesday": the
small pipeline tags "declared" a past tense with the ambassador as its subject, takes "by Uganda" for
a plain prepositional phrase and hangs the true main verb ("left") on it as an adverbial clause.  The
participle describes the subject (an ``acl`` with "by Uganda" its agent), and the later verb, the
one with no subject of its own after the closing comma, is the clause's head.  Registered in
repairs._REPAIRS (verbs that head their sentence)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: how the parser hangs the true main verb on the participle
LATER_VERB_DEPS = frozenset({"advcl", "conj", "ccomp"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def participle_read_as_main_verb(verb: "Token") -> bool:
    """Make ``verb`` (a past tense between commas, with a "by" phrase and a later subjectless finite
    verb hung on it) the participle describing its subject; whether a repair was made."""
    if verb.tag_ != "VBD" or verb.dep_ != "ROOT" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    # ("declared persona non grata by Uganda": the parser may hang "by ..." on the phrase after the verb)
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    by = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i
               and any(g.dep_ == "pobj" for g in c.children)), None)
    if by is None:
        return False
    later = next((c for c in verb.children if c.dep_ in LATER_VERB_DEPS and c.i > by.i and c.tag_ in FINITE
                  and c.pos_ in ("VERB", "AUX") and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ","
                  and not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for g in c.children)), None)
    if later is None:
        return False
    later.head, later.dep_ = later, "ROOT"
    for c in [c for c in verb.children if c.i > later.i or c.i == later.left_edge.i - 1]:
        c.head = later   # the closing comma and the full stop belong to the main clause
    subject.head = later
    verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"
    by.head, by.dep_ = verb, "agent"
    return True
