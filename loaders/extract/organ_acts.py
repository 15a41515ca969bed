"""'A Batumi court jailed Ana Ruiz, a former minister, for seven years': the small pipeline reads the
organ's verb as a reduced relative on it ("a court [that was] jailed"), the organ the sentence's root
and the person the verb's adverb; the verb heads the clause again, the organ its subject, the person its
object (the lemmas are in organ_acts.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .governments import load_word_file

if TYPE_CHECKING:
    from spacy.tokens import Token

WORDS = load_word_file(Path(__file__).with_name("organ_acts.yaml"))
ORGANS, ACTS = WORDS["organs"], WORDS["acts"]

#: the organ's own words before it that stay its own ("A Batumi city court")
_ORGAN_OWN = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "case"})
#: how the parser hangs the lost object on the verb
_LOST_OBJECT = frozenset({"npadvmod", "dep", "oprd"})


def act_read_as_relative(verb: Token) -> bool:
    """Make an organ's past verb read as a relative on the organ the clause's root again; whether a
    repair was made."""
    organ = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or verb.lemma_ not in ACTS or organ.lemma_ not in ORGANS \
            or organ.i != verb.i - 1 or organ.dep_ not in ("ROOT", "conj", "ccomp"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in verb.children):
        return False   # ("the judge appointed by the president": a true relative)
    lost = [c for c in verb.children if c.dep_ in _LOST_OBJECT and c.i > verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")
            and c.ent_type_ not in ("DATE", "TIME")]
    if len(lost) != 1:
        return False
    verb.head, verb.dep_ = (verb, "ROOT") if organ.dep_ == "ROOT" else (organ.head, organ.dep_)
    organ.head, organ.dep_ = verb, "nsubj"
    lost[0].dep_ = "dobj"
    for c in [c for c in organ.children if c.i > verb.i or c.dep_ not in _ORGAN_OWN]:
        c.head = verb   # "for seven years", "In March", the full stop: the clause's, not the organ's
    return True


def object_read_as_adverb(verb: Token) -> bool:
    """'A Tbilisi court last week jailed Ana Ruiz for seven years': the organ's verb keeps its subject
    but the parser, misled by the time adverb before it, reads the person after it as another adverb;
    the person is the verb's object."""
    if verb.tag_ != "VBD" or verb.lemma_ not in ACTS or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.lemma_ in ORGANS and c.i < verb.i for c in verb.children):
        return False
    lost = [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i and c.pos_ in ("PROPN", "PRON")
            and c.ent_type_ not in ("DATE", "TIME")]
    if len(lost) != 1:
        return False
    lost[0].dep_ = "dobj"
    return True
