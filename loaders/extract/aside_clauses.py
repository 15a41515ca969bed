"""A second verb after a subordinate clause set off by commas: "X walked into the legation, as the mission
then was, and asked for protection", "Chile summoned the ambassador, while protests went on, and expelled
two attachés".  The parser makes the second verb a conjunct of the aside's verb, so it takes the aside's
subject ("the mission", "protests"); it is the main verb's conjunct (a repair of ``repairs.repair_verbs``).
The same for a relative clause set off by commas ("convicted X, the banker whose firm paid the rebels, of
treason and sentenced him": ``conjunct_hung_on_relative``).
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


def conjunct_hung_on_relative(token: Token) -> bool:
    """'convicted X, the hotel manager whose story inspired a film, of terrorism and sentenced him to 25
    years': a relative clause set off by commas (on an apposition, or on a name) that the parser runs on
    into the main clause, making the main clause's second verb the relative's conjunct; re-hang that
    verb (no subject of its own, the main verb's tense, the relative's only conjunct) on the main verb
    the phrase hangs on, with its coordinator.  A relative's own list of verbs ("who stole cars, hid
    them and sold them") has more than one conjunct, or a comma before its conjunct, and stays."""
    relative = token.head
    if token.dep_ != "conj" or relative.dep_ != "relcl" or relative.i >= token.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return False
    if sum(1 for c in relative.children if c.dep_ == "conj") != 1:
        return False
    noun = relative.head
    doc = token.doc
    opening = noun.left_edge.i - 1 if noun.dep_ == "appos" else relative.left_edge.i - 1
    if opening < 0 or doc[opening].text != ",":
        return False
    main = noun
    while main.dep_ in ("appos", "dobj", "pobj", "prep", "conj", "compound") and main.head.i != main.i and main.pos_ != "VERB":
        main = main.head
    if main.pos_ != "VERB" or main.i >= noun.i or main.tag_ != token.tag_:
        return False
    cc = next((c for c in token.children if c.dep_ == "cc" and c.i < token.i), None) \
        or next((c for c in relative.children if c.dep_ == "cc" and c.i < token.i), None)
    if cc is None or doc[cc.i - 1].text == ",":
        return False
    # the comma that closes the relative: after its verb, before the coordinator
    if not any(doc[i].text == "," for i in range(relative.i + 1, cc.i)):
        return False
    for c in [c for c in relative.children if c.dep_ in ("cc", "punct") and relative.i < c.i < token.i]:
        c.head = main
    token.head = main
    return True
