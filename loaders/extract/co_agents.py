"""Who else does the act, told beside its subject rather than in the subject's list (co_parties.co_subjects
has "along with", "together with"):

* "Poland expelled 45 Russian diplomats, joined by Bulgaria and Romania": a participle of joining set off
  by a comma on the act's verb, its "by" phrase the others who acted;
* "Lithuania, like Latvia and Estonia, expelled the Russian ambassador": a comparison in commas on the
  subject says the compared did the same ("unlike" says they did not, and is not read); so does one
  fronted before the subject and set off by a comma ("Like Latvia, Lithuania expelled ...");
* "Canada, followed by Australia, expelled ...": the same participle in commas on the subject;
* "Poland joined Germany in expelling ...": the act is a gerund under "in" on a verb of joining; the
  joining verb's subject acts (structure.logical_subject asks ``joining_verb``) and so does its object.
The verbs are frames.yaml's ``joining_participles`` and ``joining_verbs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token


def _by_names(participle: Token) -> list[Token]:
    """The proper names of a joining participle's "by" phrase ("joined by Bulgaria and Romania": Bulgaria)."""
    return [o for b in participle.children if b.dep_ in ("agent", "prep") and b.lower_ == "by"
            for o in b.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]


def _joining_participle(c: Token) -> bool:
    """A bare past participle of joining set off by a comma before it, with no subject or object of its own."""
    return c.tag_ == "VBN" and c.lemma_.lower() in english_words("joining_participles") and c.i > 0 \
        and c.doc[c.i - 1].text == "," and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for g in c.children)


def _between_commas(participle: Token, verb: Token) -> bool:
    """'Peru, joined by Chile, recalled': the participle after the verb's subject and in commas before the verb
    (the parser hangs it on the subject or on the verb)."""
    after = participle.right_edge.i + 1
    return any(c.dep_ == "nsubj" and c.i < participle.i for c in verb.children) and after < verb.i \
        and participle.doc[after].text == ","


def joining_verb(gerund: Token) -> Token | None:
    """The verb of joining whose "in" gerund this act is ("joined Germany in expelling": joined), else None."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or gerund.head.lower_ != "in" or gerund.head.dep_ != "prep":
        return None
    verb = gerund.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in english_words("joining_verbs") or gerund.doc.lang_ != "en":
        return None
    return verb if any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children) else None


def joining_chain(gerund: Token) -> list[Token]:
    """The verbs of joining above an act, nearest first: "refused to join France in joining Germany in
    expelling" has two (joining, join); a plain act none."""
    chain: list[Token] = []
    while (joining := joining_verb(chain[-1] if chain else gerund)) is not None and joining not in chain:
        chain.append(joining)
    return chain


def joined_ones(gerund: Token) -> list[Token]:
    """Those joined in an act, up the whole chain of joining verbs ("join France in joining Germany in
    expelling": France and Germany)."""
    return [c for joining in joining_chain(gerund) for c in joining.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]


def co_agents(verb: Token) -> list[Token]:
    """The head tokens of the other agents of the act of this verb (each fans out over its conjuncts)."""
    out = []
    for c in verb.children:
        if c.dep_ == "advcl" and _joining_participle(c) and (c.i > verb.i or _between_commas(c, verb)):
            out += _by_names(c)
    if (joining := joining_verb(verb)) is not None:   # "Poland joined Germany in expelling": Germany
        out += [c for c in joining.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        # ("Canada, followed by Australia, expelled": the participle in commas on the subject)
        out += [n for c in subject.children if c.dep_ == "acl" and c.i > subject.i and _joining_participle(c)
                and _between_commas(c, verb) for n in _by_names(c)]
        # (the parse may hang the comparison on the verb: "Estonia, like Lithuania, welcomed")
        preps = list(subject.children) + [c for c in verb.children if subject.i < c.i < verb.i]
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ == "like" and prep.i > subject.i \
                    and prep.doc[prep.i - 1].text == "," and prep.right_edge.i + 1 < verb.i:
                out += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        # ("Like Latvia, Lithuania expelled": the comparison fronted, its comma just before the subject)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "like" and prep.i < subject.i \
                    and prep.doc[prep.right_edge.i + 1].text == "," and prep.right_edge.i + 2 == subject.left_edge.i:
                out += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    return out
