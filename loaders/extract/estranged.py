"""Persons at odds with their own state: one the article has arrested, charged, sentenced, removed or
ousted by that state, or who sought asylum from it.  Such a person does not speak for the state;
their words are often about it ("Castillo said Peru had persecuted him", "the ousted president
denied the charges"), so their own state is not the side their Statements are never about.

Read once per article from the extractor's events (``Estrangements``; the Statement coder keeps it
until events are added: ``statement_targets._estrangements``)."""

from __future__ import annotations

from .governments import WORDS
from .tree import token_at

#: acts a state does to a person of its own that set the person against it
ACTS_AGAINST = frozenset({"Arrest", "Charge", "Sentence", "RemovalFromOffice", "CoupAttempt"})
#: acts that oust a person from their state's government, whoever is named as their author (a coup's
#: is the state's armed forces, an organ of it)
OUSTING_ACTS = frozenset({"RemovalFromOffice", "CoupAttempt"})
#: of them, those that may be told as tried and failed ("tried to oust the president, but the coup
#: failed"): so told, they estrange their target only when a removal, arrest or flight of the same
#: person follows
MAY_FAIL = frozenset({"CoupAttempt"})
#: what a tried act must be followed by to have estranged its target
ATTEMPT_OUTCOMES = frozenset({"RemovalFromOffice", "Arrest"})
#: words that tell an act as tried ("tried to oust", "a failed coup", "the coup failed", "a coup plot"):
#: governments.yaml's attempt words
TRYING_WORDS = WORDS["trying"] | WORDS["plotting"] | WORDS["failed"]
#: a removal told with its target staying on in office ("was toppled ... and stays in office until a new
#: cabinet is formed") leaves them their state's caretaker, not at odds with it?
CARETAKERS_STAY = True
#: governments.yaml's verbs of staying on and the nouns of what is held ("in office", "in post")
STAYING, OFFICE_HELD = WORDS["staying"], WORDS["office_held"]
#: acts a person does that set them against their own state (fleeing it)
ACTS_OF_FLIGHT = frozenset({"AsylumRequest"})


def told_as_tried(doc, event) -> bool:
    """Whether the act's trigger is told as tried or failed: a verb of trying is it, governs it or is
    governed by it ("tried to oust X", "the coup failed"), or an attempt noun or a word of failure
    modifies it ("a failed coup", "the coup attempt")."""
    token = token_at(doc, event.told_at) if doc is not None and event.told_at >= 0 else None
    if token is None:
        return False
    near = [token, token.head, *token.children]
    return any(t.lemma_.lower() in TRYING_WORDS or t.lower_ in TRYING_WORDS for t in near)


class Estrangements:
    """Who is estranged from which state in an article, read once from its events (not Statements,
    which estrange no one): ``estrangements(person, state)`` as ``estranged`` answers it."""

    def __init__(self, events, doc=None):
        acts = [e for e in events if e.type in ACTS_AGAINST or e.type in ACTS_OF_FLIGHT]
        self.from_any: set[str] = set()                 # persons removed or ousted, or acted on by no named author
        self.from_state: set[tuple[str, str]] = set()   # (person, state): the state acted against the person
        self.flights: dict[str, list[list[str]]] = {}   # person: the targets of each of their asylum requests
        for e in acts:
            if e.type in ACTS_OF_FLIGHT:
                for person in e.agent:
                    self.flights.setdefault(person, []).append(e.target)
        for e in acts:
            if e.type not in ACTS_AGAINST:
                continue
            for person in e.target:
                if not _done(e, person, acts, doc) or stays_in_office(doc, e):
                    continue
                if not e.agent or e.type in OUSTING_ACTS:
                    self.from_any.add(person)
                self.from_state.update((person, state) for state in e.agent)

    def __call__(self, person: str, state: str) -> bool:
        return person in self.from_any or (person, state) in self.from_state \
            or any(state not in targets for targets in self.flights.get(person, ()))


def stays_in_office(doc, act) -> bool:
    """Whether ``act`` is a removal whose sentence tells its target staying on in office ("was toppled in
    a no-confidence vote and stays in office until a new cabinet is formed"): a caretaker still speaks
    for their state."""
    if not CARETAKERS_STAY or act.type != "RemovalFromOffice" or doc is None or act.told_at < 0:
        return False
    token = token_at(doc, act.told_at)
    if token is None:
        return False
    return any(t.lemma_.lower() in STAYING and any(p.lower_ == "in" and any(o.lemma_.lower() in OFFICE_HELD for o in p.children)
                                                   for p in t.children if p.dep_ == "prep")
               for t in token.sent)


def _done(act, person: str, acts, doc) -> bool:
    """Whether ``act`` against ``person`` was done: it is no act that may fail, or is not told as
    tried, or a removal, arrest or flight of the person follows it."""
    if act.type not in MAY_FAIL or not told_as_tried(doc, act):
        return True
    start = min(act.sentences, default=0)
    return any(min(e.sentences, default=0) >= start and (e.type in ATTEMPT_OUTCOMES and person in e.target
                                                          or e.type in ACTS_OF_FLIGHT and person in e.agent)
               for e in acts)

