"""The state that held or accused a person just before an act on them told with no agent ("Iran arrested X
... She was charged with spying": Iran's courts charge her), for organs.implied_state: the subject of a
holding verb acting on the same person in the act's sentence or the two before; where the passage puts
someone abroad ("fled to Spain", "requested his extradition"), only a state that holds them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import modality, structure, tree

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .mentions import TokenMentions


#: how many sentences back the state told before an agentless legal act may be
RULER_LOOKBACK = 2

#: verbs by which a state keeps or prosecutes a person in its own hands: a state told so is the one whose
#: courts and prosecutors act on that person next
HOLDING_VERBS = frozenset({"hold", "detain", "arrest", "jail", "imprison", "charge", "indict", "prosecute", "try",
                           "convict", "sentence", "keep"})


#: verbs of a state holding or accusing a person, by which its organs are the ones acting on that person next
HOLDER_VERBS = HOLDING_VERBS | {"accuse", "investigate", "question", "interrogate", "summon"}
#: mentions that act as a state holding a person: the state, its government or one of its organs
HOLDER_TYPES = frozenset({"State", "Government", "GovernmentBody", "Court", "Legislature"})


#: words by which a passage tells the one accused is abroad, out of the accusing state's reach
ABROAD_WORDS = frozenset({"extradition", "extradite", "exile", "flee", "fugitive", "abroad"})


def told_abroad(trigger: Token) -> bool:
    """Whether the act's sentence or the RULER_LOOKBACK before tells someone is abroad ("requested his
    extradition", "fled to Spain"): an accusation there is from afar, and another state's organs act."""
    return any(t.lemma_.lower() in ABROAD_WORDS or t.lower_ in ABROAD_WORDS
               for t in trigger.doc[tree.sent_start_before(trigger, RULER_LOOKBACK):trigger.i])


def holder_told_before(trigger: Token, targets: list[str], index: TokenMentions, verbs: frozenset[str]) -> str | None:
    """The state (named, or by its government or organ) that held or accused the one acted on in the
    act's sentence or the RULER_LOOKBACK before, as the subject of that verb; None where two states did."""
    if not targets:
        return None
    doc, found = trigger.doc, set()
    for verb in doc[tree.sent_start_before(trigger, RULER_LOOKBACK):trigger.i]:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs or modality.negated(verb):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # (a conjunct or an apposition: "accused Chile's consul, Ana Ruiz, of espionage")
        named = [t for o in objects for t in (o, *o.conjuncts, *(c for c in o.children if c.dep_ == "appos"))]
        if not any((m := index.at(t)) is not None and m.entity in targets for t in named):
            continue
        subject = structure.logical_subject(verb)
        if subject is None:
            continue
        # (a state or its organs, not its envoy or a person: "Mexico's ambassador accused X")
        named = [a for a, m in index.fill(subject, ["state"]) if m is not None and a not in targets and m.type in HOLDER_TYPES]
        found |= {index.state_of(a) or a for a in named}
    return found.pop() if len(found) == 1 else None
