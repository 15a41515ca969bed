"""A parse repair: a speech verb after a titled subject in apposition read as a participle.

"Mexico's president, Claudia Sheinbaum, called Boluarte's words shameful": the small pipeline makes
the title ("president") the sentence's root and hangs "called" on it as a reduced relative ("the
president [who was] called ..."), so the remark has no speaker and no object.  A sentence whose root
is a noun with a name in apposition, then a comma and a past speech verb with no subject of its own,
has that verb as its main verb and the noun as its subject; what the parse scattered after the verb
(the object hung on the noun as a second apposition, or made the predicate's compound or its head)
becomes the verb's object, and the word after it what the object is called.  Registered in
repairs._REPAIRS (verbs hung as ``acl``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speech import speech_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

#: past tenses only: "the minister, Ana Ruiz, speaking in Lima, ..." is a participle indeed
PAST_TAGS = frozenset({"VBD", "VBN"})
#: what the verb's own dependents are on the misparse when it has words of its own after it
OBJECT_DEPS = frozenset({"dobj", "oprd", "ccomp", "dative"})
#: what a predicate after the object is on the misparse ("words shameful": amod; "decision a mistake": npadvmod)
PREDICATE_DEPS = frozenset({"amod", "npadvmod", "acomp", "attr", "appos"})
#: nouns heading what the object is called, a predicate noun ("a mistake", "an insult")
PREDICATE_DETS = frozenset({"a", "an"})


def speech_verb_read_as_participle(verb: Token) -> bool:
    """Make the past speech ``verb`` hung as ``acl`` on a root noun with a name in apposition the
    sentence's main verb, that noun its subject; whether a repair was made."""
    if verb.dep_ != "acl" or verb.tag_ not in PAST_TAGS or verb.i < 3 or verb.doc[verb.i - 1].text != ",":
        return False
    head = verb.head
    heading = _line_heading(head)
    if head.dep_ != "ROOT" and heading is None or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
        return False
    names = [c for c in head.children if c.dep_ == "appos" and c.i < verb.i]
    if not names or names[-1].i != verb.i - 2 or names[-1].pos_ != "PROPN":
        return False   # the name right before the comma: "X's minister, Ana Ruiz, called ..."
    if speech_lexicon().classes.get(verb.lemma_.lower()) is None:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent", "aux") for c in verb.children):
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "amod", "compound") and t.i > verb.i
           and t.head.i == head.i for t in head.sent):
        return False   # another verb of the root noun's: the sentence has a main verb after all
    later = [c for c in head.children if c.i > verb.i]
    if heading is not None:   # the line's heading and what the parse hung on it after the verb go with the verb
        later += [c for c in heading.children if c.i > verb.i]
    if not any(c.dep_ in OBJECT_DEPS for c in verb.children) and not any(c.dep_ == "appos" for c in later):
        return False   # "Mexico's president, Claudia Sheinbaum, accused of meddling": a participle indeed
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    head.head, head.dep_ = verb, "nsubj"
    if heading is not None:
        heading.head, heading.dep_ = verb, "dep"
    for c in later:   # the full stop, a second apposition (the object), a closing quotation mark
        c.head = verb
        if c.dep_ == "appos":
            c.dep_ = "dobj"
    _object_out_of_predicate(verb)
    return True


def _line_heading(noun: Token) -> Token | None:
    """'19:40 — UPDATE: Sweden's foreign minister, X, called ...': the root the parse made of a line's
    heading before a colon or dash, with the title hung on it, or None."""
    root = noun.head
    if noun.dep_ not in ("appos", "dep") or root.dep_ != "ROOT" or root.i >= noun.i:
        return None
    return root if any(t.text in (":", "—", "–") for t in noun.doc[root.i + 1:noun.left_edge.i]) else None


def _object_out_of_predicate(verb: Token) -> None:
    """'called Lula's words shameful' parsed as one predicate "words" (with "shameful" its modifier), or
    "decision" a compound of "hasty": the noun is the verb's object, the rest its predicate."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if objects and not predicates:
        noun = objects[0]
        tail = [c for c in noun.children if c.i > noun.i and c.dep_ in PREDICATE_DEPS and _predicate(c)]
        if tail:
            tail[0].head, tail[0].dep_ = verb, "oprd"
        return
    if objects or len(predicates) != 1:
        return
    predicate = predicates[0]
    if predicate.pos_ in ("NOUN", "PROPN"):
        # "called Peru's decision a mistake": the noun with a possessor or article first is the object
        tail = [c for c in predicate.children if c.i > predicate.i and c.dep_ in PREDICATE_DEPS and _predicate(c)]
        if tail:
            predicate.dep_ = "dobj"
            tail[0].head, tail[0].dep_ = verb, "oprd"
        return
    # "called Lima's decision hasty": the noun before the adjective is the object
    noun = next((c for c in predicate.children if c.i < predicate.i and c.dep_ in ("compound", "nsubj", "npadvmod")
                 and c.pos_ in ("NOUN", "PROPN")), None)
    if noun is not None:
        noun.head, noun.dep_ = verb, "dobj"


def _predicate(token: Token) -> bool:
    """An adjective, or a noun phrase opened by "a"/"an": what something is called."""
    return token.pos_ == "ADJ" or token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in PREDICATE_DETS for c in token.children)
