"""A second verb after a subordinate clause set off by commas: "X walked into the legation, as the mission
then was, and asked for protection", "Chile summoned the ambassador, while protests went on, and expelled
two attachés".  The parser makes the second verb a conjunct of the aside's verb, so it takes the aside's
subject ("the mission", "protests"); it is the main verb's conjunct (a repair of ``repairs.repair_verbs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the subordinators that open such an aside
ASIDE_MARKS = frozenset({"as", "while", "when", "whilst", "though", "although"})


def conjunct_hung_on_aside(token: Token) -> bool:
    """See the module: re-hang the conjunct ``token`` (no subject of its own) on the verb the aside hangs
    on, with its coordinator; whether it did."""
    aside = token.head
    if token.dep_ != "conj" or aside.dep_ != "advcl" or aside.pos_ not in ("VERB", "AUX") or aside.i >= token.i:
        return False
    main = aside.head
    if main.pos_ != "VERB" or main.i >= aside.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return False
    mark = next((c for c in aside.children if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ not in ASIDE_MARKS or mark.i != aside.left_edge.i:
        return False
    doc = token.doc
    # set off by commas on both sides: ", as the mission then was, and asked ..."
    if mark.i == 0 or doc[mark.i - 1].text != "," or not any(
            c.text == "," and c.i < token.i for c in aside.children if c.dep_ == "punct" and c.i > mark.i):
        return False
    for c in [c for c in aside.children if c.dep_ in ("cc", "punct") and aside.i < c.i < token.i]:
        c.head = main
    token.head = main
    return True
