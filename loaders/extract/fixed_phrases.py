"""'Lithuania said it had declared Oleg Sorin, the Russian consul, persona non grata', 'responded by
declaring a diplomat, Jonas Kairys, persona non grata': after an object in commas the parser loses
the fixed phrase's verb and makes "persona" a verb coordinated with (or complementing) the clause above (the one of
"said", "responded", "decided").  The phrase is the complement of the declaring verb between the two again:
the nearest verb before it, below that clause, whose lemma a persona non grata trigger has."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .structure import (
    DECLARATION,
    FIXED_PHRASE_HEADS,
    PHRASE_FIRST,
    PHRASE_LAST,
    PHRASE_WORDS,
)
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token


@functools.lru_cache(maxsize=4)
def declaring_verbs(language: str) -> frozenset[str]:
    """The verb lemmas of the frame of persona non grata in a language's frames ("declare", "name" ...)."""
    from .frame_file import frames_for

    return frozenset(w for f in frames_for(language).frames if f.type == DECLARATION
                     for t in f.triggers if t.pos == "verb" for w in t.lemmas)


def phrase_on_outer_verb(phrase: Token) -> bool:
    """Hang a fixed phrase the parser coordinated with an outer clause on its declaring verb; whether
    a repair was made."""
    if phrase.lower_ not in FIXED_PHRASE_HEADS or phrase.dep_ not in ("conj", "ccomp", "xcomp", "advcl"):
        return False
    outer = phrase.head
    verbs = declaring_verbs(phrase.doc.lang_)
    if outer.i >= phrase.i or outer.lemma_.lower() in verbs:
        return False
    for i in range(phrase.i - 1, outer.i, -1):
        verb = phrase.doc[i]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
            if outer.is_ancestor(verb) and not any(c.lower_ in FIXED_PHRASE_HEADS for c in verb.children):
                phrase.head, phrase.dep_ = verb, "ccomp"
                return True
            return False
        if verb.pos_ == "VERB" and verb.dep_ not in ("amod", "acl", "relcl"):
            return False  # another clause's verb in between: not the declaring verb's phrase
    return False




def copula_under_phrase(phrase: Token) -> bool:
    """'said the consul was persona non grata', 'told the envoy he was persona non grata': the parser
    makes the phrase the clause's head and its copula an auxiliary (the subject often a passive one);
    the copula heads the clause again, the phrase its attribute, the subject and what came before the
    phrase (a complementizer, an adverb, the auxiliaries) its own.  Whether a repair was made."""
    # (in quotation marks the tagger may call the phrase a foreign word: 'said that X was "persona non grata"')
    if phrase.lower_ not in PHRASE_FIRST or phrase.pos_ not in ("NOUN", "PROPN", "X") \
            or phrase.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "acl"):
        return False
    copula = next((c for c in phrase.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" and c.i < phrase.i), None)
    subject = next((c for c in phrase.children if c.dep_ in SUBJECTS and c.i < phrase.i), None) or next(
        (g for c in phrase.children if c.dep_ == "mark" for g in c.children if g.dep_ in SUBJECTS), None)
    if copula is None or subject is None or copula.i < subject.i:   # (or on its "that": "informed X that its attaché was ...")
        return False
    head, dep = (copula, "ROOT") if phrase.dep_ == "ROOT" else (phrase.head, phrase.dep_)
    if dep == "acl":  # 'said in a statement that X was ...': a "that" clause hung on the noun is the verb's complement
        head = next((a for a in phrase.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if head is None or head.i > phrase.i or not any(
                c.dep_ in ("mark", "auxpass", "dobj") and c.lower_ in ("that", "whether") and c.i < subject.i for c in phrase.children):
            return False
        dep = "ccomp"
    # (the copula takes the phrase's place; "that" before the subject the parser may call an object)
    copula.head, copula.dep_ = head, dep
    for c in [c for c in phrase.children if c.i < phrase.i or c.dep_ in ("cc", "conj", "punct")]:
        if c.i == copula.i:
            continue
        c.head = copula
        if c.i == subject.i:
            c.dep_ = "nsubj"
        elif c.dep_ in ("auxpass", "dobj") and c.i < subject.i and c.lower_ in ("that", "whether", "if"):
            c.dep_ = "mark"
        elif c.dep_ == "auxpass":
            c.dep_ = "aux"
    if subject.head.i != copula.i:
        subject.head, subject.dep_ = copula, "nsubj"
    phrase.head, phrase.dep_ = copula, "attr"
    return True


def object_swallowed_by_phrase(first: Token) -> bool:
    """'declared Oleg Sorin persona non grata, giving him ...', "declared Oleg Sorin 'persona non grata'",
    'declared the consul Oleg Sorin Persona Non Grata', 'declared two diplomats personas non gratas':
    the parser hangs the declaring verb's object inside the phrase after it (as its compound, its
    modifier or its subject); the object is the verb's again, the phrase its complement.  Lists and
    objects in commas are left to bare_persons' repairs.  Whether a repair was made."""
    if first.lower_ not in PHRASE_FIRST:
        return False
    doc, sent_end = first.doc, first.sent.end
    last = next((j for j in range(first.i + 1, min(first.i + 4, sent_end))
                 if doc[j].lower_ in PHRASE_LAST), None)
    if last is None or any(doc[j].lower_ not in ("non", "-") for j in range(first.i + 1, last)):
        return False
    span = set(range(first.i, last + 1))
    heads = [doc[j] for j in span if doc[j].head.i not in span or doc[j].head.i == j]
    if len(heads) != 1:
        return False
    head = heads[0]
    verb = head.head
    if verb.i >= first.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in declaring_verbs(doc.lang_) \
            or head.dep_ not in ("dobj", "ccomp", "oprd", "xcomp"):
        return False
    between = doc[verb.i + 1:first.i]
    swallowed = [t for t in between if t.head.i in span and not (t.is_punct or t.is_quote)]
    if not swallowed or any(t.lower_ in (",", "and", "or") or t.dep_ in ("conj", "cc") for t in between) \
            or any(c.dep_ == "dobj" and c.i not in span for c in verb.children):
        return False
    obj = max(swallowed, key=lambda t: t.i)
    if obj.pos_ == "ADJ" and obj.i == first.i - 1 and any(t.dep_ in ("det", "nummod") for t in swallowed):
        # 'declared a senior Chadian official persona non grata': the tagger calls the noun phrase's last
        # word, before the phrase, an adjective of "persona"; after a determiner or a number it is the noun
        obj.pos_, obj.tag_ = "NOUN", "NNS" if obj.lower_.endswith("s") else "NN"
    if obj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    for t in swallowed:
        if t != obj:
            t.head = obj
    obj.head, obj.dep_ = verb, "dobj"
    head.dep_ = "oprd"
    _members_after_phrase(head, obj, verb, max(span))
    _name_the_declared(obj, span)
    return True


def _members_after_phrase(phrase: Token, obj: Token, verb: Token, last: int) -> None:
    """'declared seven officials persona non grata on Monday, including X and Y' ('..., among them X and
    Y'): what the parser hung on the phrase after it is the object's or the verb's again: the members
    named the object's (an "including" phrase on it, the names after "among them" its apposition, as
    named_members.names_of reads them), a date the verb's."""
    for c in [c for c in phrase.children if c.i > last]:
        if c.dep_ == "prep" and c.lower_ in ("including", "among") and any(
                g.dep_ == "pobj" and (g.pos_ == "PROPN" or any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in g.children))
                for g in c.children):
            c.head = obj
        elif c.pos_ == "PROPN" and c.dep_ in ("dep", "appos", "npadvmod", "dobj") and c.left_edge.lower_ == "among":
            c.head, c.dep_ = obj, "appos"
        elif c.dep_ in ("prep", "npadvmod") and any(g.ent_type_ == "DATE" for g in c.subtree):
            c.head = verb


def object_list(holders: list[Token], obj: Token) -> None:
    """'declared persona non grata the consul X, and two of his aides, Y and Z': the object's next
    conjuncts that the parser hung on the verb or the phrase's words are the object's list (a conjunct
    verb is another act, and stays), and the names in apposition to a count's "of" noun ("two of his
    aides, Y and Z") the count's next conjuncts, as where the parser hangs them on the count: each a
    person declared of their own."""
    listed = [c for holder in holders for c in holder.children if c.i > obj.i and c.dep_ == "conj"
              and c.pos_ in ("NUM", "NOUN", "PROPN", "PRON")]
    if not listed:
        return
    for c in [c for holder in holders for c in holder.children if c.dep_ == "cc" and obj.i < c.i < listed[0].i]:
        c.head = obj
    for c in listed:
        c.head = obj
        if c.pos_ != "NUM":
            continue
        for prep in (p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                for name in [a for a in noun.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > noun.i]:
                    name.head, name.dep_ = c, "conj"


def _name_the_declared(obj: Token, phrase: set[int]) -> None:
    """The recogniser, misled by the glued phrase, may call the declared person's name a place or an
    organisation with the phrase in it ("Oleg Sorin Persona Non Grata"), or nothing at all: a name of
    two or more capitalised words declared persona non grata is a person's."""
    words = [t for t in obj.subtree if t.i <= obj.i and t.pos_ == "PROPN" and t.text[:1].isupper()
             and t.dep_ in ("compound", "flat", "dobj")]
    if len(words) < 2 or words[-1].i != obj.i or words[-1].i - words[0].i != len(words) - 1:
        return
    doc = obj.doc
    start, end = words[0].i, obj.i + 1
    if any(e.label_ == "PERSON" and e.start == start and e.end == end for e in doc.ents):
        return
    kept = [e for e in doc.ents if e.end <= start or e.start >= end]
    kept = [e for e in kept if not any(i in phrase for i in range(e.start, e.end))]
    from spacy.tokens import Span

    doc.ents = sorted(kept + [Span(doc, start, end, label="PERSON")], key=lambda e: e.start)


def object_after_fronted_phrase(last: Token) -> bool:
    """'declared persona non grata the Russian consul Oleg Sorin, and two of his aides, X and Y': with the
    phrase written before the object, the parser makes the phrase's last word a verb, with "persona" its
    subject, the object its own and the object's next conjunct its conjunct.  The object is the declaring
    verb's again, the phrase its complement, and the conjuncts the object's (the aides named are declared
    persons of their own; a count alone names no one).  Whether a repair was made."""
    if last.lower_ not in PHRASE_LAST or last.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
        return False
    verb, doc = last.head, last.doc
    if verb.i >= last.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in declaring_verbs(doc.lang_) \
            or any(c.dep_ == "dobj" for c in verb.children):
        return False
    first = next((c for c in last.children if c.lower_ in PHRASE_FIRST and verb.i < c.i < last.i), None)
    obj = next((c for c in last.children if c.dep_ == "dobj" and c.i > last.i and c.pos_ in ("PROPN", "NOUN")), None)
    if first is None or obj is None or any(doc[j].lower_ not in PHRASE_WORDS for j in range(first.i, last.i + 1)):
        return False
    for c in [c for c in last.children if c.i > obj.i and c.dep_ in ("conj", "cc")]:
        c.head = obj   # ("..., and two of his aides": the object's list)
    for c in [c for c in last.children if c.i > obj.i and c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.subtree)]:
        c.head = verb
    for j in range(first.i + 1, last.i + 1):
        doc[j].head, doc[j].dep_ = first, "amod"
    first.head, first.dep_ = verb, "oprd"
    obj.head, obj.dep_ = verb, "dobj"
    _name_the_declared(obj, set(range(first.i, last.i + 1)))
    return True
