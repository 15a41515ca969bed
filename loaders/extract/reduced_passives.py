"""A parse repair: a reduced passive relative clause between commas read as the main verb.

"Kenya's ambassador, declared persona non grata by Uganda on Monday, left Kampala on Wednesday": the
small pipeline tags "declared" a past tense with the ambassador as its subject, takes "by Uganda" for
a plain prepositional phrase and hangs the true main verb ("left") on it as an adverbial clause.  The
participle describes the subject (an ``acl`` with "by Uganda" its agent), and the later verb, the
one with no subject of its own after the closing comma, is the clause's head.  Registered in
repairs._REPAIRS (verbs that head their sentence)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tree import REFLEXIVES, SUBJECTS, TENSED_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: how the parser hangs the true main verb on the participle
LATER_VERB_DEPS = frozenset({"advcl", "conj", "ccomp"})


def participle_read_as_main_verb(verb: Token) -> bool:
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
    if by is None and not predicate_first(verb):
        return False
    after = by.i if by is not None else verb.i
    later = next((c for c in verb.children if c.dep_ in LATER_VERB_DEPS and c.i > after and c.tag_ in TENSED_TAGS
                  and c.pos_ in ("VERB", "AUX") and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ","
                  and not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for g in c.children)), None)
    if later is None:
        return False
    later.head, later.dep_ = later, "ROOT"
    for c in [c for c in verb.children if c.i > later.i or c.i == later.left_edge.i - 1]:
        c.head = later   # the closing comma and the full stop belong to the main clause
    subject.head = later
    verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"
    if by is not None:
        by.head, by.dep_ = verb, "agent"
    return True


#: verbs whose predicate follows their object in the active ("declared the envoy persona non grata"): the
#: predicate right after the verb tells a passive participle ("the envoy, declared persona non grata on Monday,")
PREDICATE_VERBS = frozenset({"declare"})
#: the first words of such predicates
PREDICATE_WORDS = frozenset({"persona", "personae", "png"})


#: the last words of such predicates
PREDICATE_ENDS = frozenset({"grata", "gratae", "png"})
#: parts of speech that open a noun phrase: after the predicate, the active verb's object ("declared
#: persona non grata the Vatican nuncio")
NOUN_PHRASE_OPENERS = frozenset({"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"})


def predicate_first(verb: Token) -> bool:
    """'declared persona non grata' with no object between nor after: no active clause, the participle of a noun."""
    doc = verb.doc
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if verb.lemma_.lower() not in PREDICATE_VERBS or following is None or following.lower_ not in PREDICATE_WORDS:
        return False
    end = next((t for t in doc[following.i:following.i + 3] if t.lower_ in PREDICATE_ENDS), following)
    if any(c.dep_ == "dobj" and c.i > end.i for c in verb.children):
        return False
    after = doc[end.i + 1] if end.i + 1 < len(doc) else None
    return after is None or after.pos_ not in NOUN_PHRASE_OPENERS or after.ent_type_ in ("DATE", "TIME")


def participle_read_as_conjunct(verb: Token) -> bool:
    """'... the expulsion of the ambassador, X, declared persona non grata on Monday': the participle after
    a noun phrase and a comma that the parser made a verb of the sentence's own list (a ``conj`` with no
    subject) describes that noun; whether a repair was made."""
    if verb.tag_ != "VBD" or verb.dep_ != "conj" or verb.i < 2 or verb.doc[verb.i - 1].text != "," \
            or not predicate_first(verb) or any(c.dep_ in SUBJECTS or (c.dep_ == "cc" and c.i < verb.i)
                                                for c in verb.children):
        return False
    noun = verb.doc[verb.i - 2]
    if noun.lower_ in REFLEXIVES and noun.dep_ == "appos":
        noun = noun.head   # "the expulsion of Kadyrov himself, declared ..."
    if noun.pos_ not in ("NOUN", "PROPN") or noun.head.i > noun.i or verb.head.i > noun.i:
        return False   # (the noun phrase ends before the comma and lies inside the clause the verb was hung on)
    verb.head, verb.dep_, verb.tag_ = noun, "acl", "VBN"
    return True
