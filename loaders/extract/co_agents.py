"""Who else does the act, told beside its subject rather than in the subject's list (co_parties.co_subjects
has "along with", "together with"):

* "Poland expelled 45 Russian diplomats, joined by Bulgaria and Romania": a participle of joining set off
  by a comma on the act's verb, its "by" phrase the others who acted;
* "Lithuania, like Latvia and Estonia, expelled the Russian ambassador": a comparison in commas on the
  subject says the compared did the same ("unlike" says they did not, and is not read); so does one
  fronted before the subject and set off by a comma ("Like Latvia, Lithuania expelled ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: participles whose "by" phrase names others acting alongside: "joined by", "accompanied by"
JOINING = frozenset({"join", "accompany"})


def co_agents(verb: Token) -> list[Token]:
    """The head tokens of the other agents of the act of this verb (each fans out over its conjuncts)."""
    out = []
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBN" and c.lemma_.lower() in JOINING and c.i > verb.i \
                and c.doc[c.i - 1].text == "," and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children):
            out += [o for b in c.children if b.dep_ in ("agent", "prep") and b.lower_ == "by"
                    for o in b.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
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
