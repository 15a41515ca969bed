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


#: the clauses a tensed passive's aside may nest its conjunct in ("weeks after he criticised a law that let X run")
_ASIDE_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "dobj", "pobj", "prep", "nsubj", "conj", "npadvmod"})


def _tensed_passive_aux(verb: Token) -> Token | None:
    """The tensed passive auxiliary of a participle ("was" of "was charged"), or None."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return None
    return next((c for c in verb.children if c.dep_ == "auxpass" and c.lemma_ == "be" and c.tag_ in ("VBD", "VBZ", "VBP")), None)


def passive_conjunct_hung_in_aside(token: Token) -> bool:
    """'He was placed under house arrest in May, weeks after he criticised a law that let X run, and was
    charged in August': a tensed passive with no subject of its own, after a subordinate clause set off by
    commas, that the parser hangs on a verb deep in that clause (taking its subject: X charged).  Coordination
    joins likes: it is the conjunct of the nearest tensed passive above, the verb the aside hangs on.  Only
    where the verb it hangs on is no tensed passive itself ("who fled and was charged": that clause's own list),
    and with ", and" closing the aside (no comma: "after a rally that X banned and was charged" stays).  The
    aside may be a relative clause on the passive's "by" phrase: "was arrested by officers of the agency, who
    said he had ignored summonses, and was charged on Saturday"."""
    if token.dep_ != "conj" or _tensed_passive_aux(token) is None \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return False
    first = token.head
    if first.i >= token.i or _tensed_passive_aux(first) is not None:
        return False
    doc = token.doc
    cc = next((c for c in first.children if c.dep_ == "cc" and c.i < token.i), None) \
        or next((c for c in token.children if c.dep_ == "cc" and c.i < token.i), None)
    if cc is None or cc.lower_ != "and" or cc.i == 0 or doc[cc.i - 1].text != ",":
        return False
    # up from the verb it hangs on to the tensed passive the aside hangs on
    aside, main, path = first, first.head, [first]
    for _ in range(8):
        if aside.dep_ not in _ASIDE_DEPS | {"agent"} or main.i == aside.i:
            return False
        if main.pos_ == "VERB" and main.i < aside.i and _tensed_passive_aux(main) is not None:
            break
        aside, main = main, main.head
        path.append(aside)
    else:
        return False
    # the aside opens with a comma after the main verb's own words ("in May of that year, weeks after ..."),
    # or is a relative clause set off by a comma inside the passive's "by" phrase ("by officers, who said ...")
    opens = aside.dep_ in ("advcl", "relcl", "npadvmod", "prep") and aside.left_edge.i >= 1 \
        and doc[aside.left_edge.i - 1].text == ","
    if not opens and not (aside.dep_ == "agent" and any(
            n.dep_ == "relcl" and n.left_edge.i >= 1 and doc[n.left_edge.i - 1].text == "," for n in path)):
        return False
    for c in [c for c in first.children if c.dep_ in ("cc", "punct") and first.i < c.i < token.i]:
        c.head = main
    token.head = main
    return True
