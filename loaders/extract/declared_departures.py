"""An envoy's departure told beside their declaration as persona non grata is that declaration's part
(the codebook's "Persona non grata vs expulsion": a deadline to leave belongs to it and is not a
second event): "Niger gave the French ambassador, X, 48 hours to leave, calling him persona non
grata", "Lithuania expelled the consul X, declaring him persona non grata", "ordered X to leave
after declaring him persona non grata".  An expulsion of others in the same sentence stays ("expelled
two diplomats and declared the consul, X, persona non grata"): only an expulsion whose acted-on
phrase is the declared person (by name, or one of the two a singular pronoun) is dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .structure import DECLARATION, PHRASE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .frames import FrameMatch

EXPULSION = "ExpulsionOfDiplomats"
#: the relations that hang the one acted on on a trigger verb
ACTED_ON = ("dobj", "dative", "iobj", "nsubjpass")
#: the parser's small clause on a declaring verb ("declaring [him persona non grata]")
SMALL_CLAUSES = ("ccomp", "oprd", "xcomp")
#: what hangs off an object that is not the one acted on (nor are the fixed phrase's own words: PHRASE_WORDS)
SKIPPED = frozenset({"prep", "relcl", "acl", "advcl", "conj", "cc", "punct", "npadvmod", "aux", "auxpass", "mark", "det"})
#: a clause on the envoy's noun ("the ambassador, whom it had declared ...", "who had been declared ...")
RELATIVE_CLAUSES = ("relcl", "acl")
#: a pronoun for one person ("declaring him persona non grata")
ONE_PERSON = frozenset({"he", "him", "she", "her"})


def declared_departures(matches: list[tuple[int, FrameMatch]]) -> set[int]:
    """The ``id`` of each expulsion match, among an article's (sentence index, match), whose envoy its
    sentence declares persona non grata (coded by the declaration alone)."""
    declared: dict[int, list[Token]] = {}
    for n, m in matches:
        if m.type == DECLARATION and m.trigger.pos_ == "VERB":
            declared.setdefault(n, []).append(m.trigger)
    return {id(m) for n, m in matches if m.type == EXPULSION and n in declared and m.trigger.pos_ == "VERB"
            and any(_declared_departure(m.trigger, d) for d in declared[n])}


def _declared_departure(expelling: Token, declaring: Token) -> bool:
    """Whether an expelling verb acts on the envoy a declaring verb declares persona non grata: the
    same person, or the declaration a clause under the expulsion with no object of its own ("was
    expelled after being declared persona non grata")."""
    if declaring.dep_ in RELATIVE_CLAUSES and declaring.head in _acted_on(expelling, relative=True) and (
            declaring.dep_ == "acl" or any(t.tag_ in ("WP", "WDT") for t in _acted_on(declaring))):
        return True   # "expelled the ambassador, X, whom it had declared persona non grata": the same one
    declared = _acted_on(declaring)
    if not declared:
        return expelling.is_ancestor(declaring)
    return _same_envoy(_acted_on(expelling), declared)


def _acted_on(verb: Token, relative: bool = False) -> list[Token]:
    """The words of the phrase a verb acts on: its object (or passive subject) with its apposition,
    or the subject of the small clause the parser may make of "declaring [him persona non grata]"
    (with ``relative``, its list's members too: "expelled X and Y, whom it had declared ...")."""
    out, stack = [], list(tree.children(verb, ACTED_ON + SMALL_CLAUSES))
    skipped = SKIPPED - {"conj"} if relative else SKIPPED
    while stack:
        t = stack.pop()
        if t.dep_ in skipped or t.ent_type_ in ("DATE", "TIME") or (t.pos_ == "VERB" and t.lower_ not in PHRASE_WORDS):
            continue  # (not the time given: "gave him three days to leave")
        if t.lower_ not in PHRASE_WORDS:
            out.append(t)
        stack += list(t.children)
    return sorted(out, key=lambda t: t.i)


def _same_envoy(expelled: list[Token], declared: list[Token]) -> bool:
    if not expelled or not declared or _plural(expelled) or _plural(declared):
        return False
    names = lambda words: {t.lower_ for t in words if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"}
    if names(expelled) & names(declared):
        return True
    pronoun = lambda words: len(words) == 1 and words[0].lower_ in ONE_PERSON
    # "gave the ambassador, X, 48 hours to leave, calling him persona non grata" (or the other way round)
    return pronoun(declared) or pronoun(expelled)


def _plural(words: list[Token]) -> bool:
    """Whether the phrase names several ("two diplomats", "the consul and the attaché")."""
    head = min(words, key=lambda t: t.i)
    while head.head in words and head.head != head:
        head = head.head
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in ("them", "they") \
        or any(t.dep_ == "conj" for t in words) or any(t.dep_ == "nummod" and t.lower_ not in ("one", "1") for t in words)


def declared_elsewhere(matches: list[tuple[int, FrameMatch]], state_of, envoy_person) -> set[int]:
    """The ``id`` of each expulsion told as a noun of one envoy ("Saturday's expulsion of Turkey's
    ambassador from Cairo"), whose agent declares persona non grata, anywhere in the article, a person
    of the state it acts on (or an envoy whose state the article leaves untold: "Ambassador X was
    declared persona non grata"): the declaration told again from its consequence, one act (the
    codebook's "Persona non grata vs expulsion")."""
    declared = [(m.agent, m.target) for _, m in matches if m.type == DECLARATION and m.agent and isinstance(m.target, str)]
    if not declared:
        return set()
    return {id(m) for _, m in matches if m.type == EXPULSION and m.trigger.pos_ == "NOUN" and isinstance(m.target, str)
            and _one_envoy(m.trigger) and any(agent == m.agent and (state_of(person) == m.target or (
                state_of(person) is None and envoy_person(person))) for agent, person in declared)}


def _one_envoy(noun: Token) -> bool:
    """Whether an act noun's "of" phrase is one envoy ("of Turkey's ambassador", not "of two diplomats")."""
    objects = tree.prep_objects(noun, "of")
    return len(objects) == 1 and not _plural([objects[0]] + [t for t in objects[0].children if t.dep_ in ("nummod", "conj")])
