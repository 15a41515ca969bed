"""Forces that name themselves: "the officers, who call themselves the Supreme Council for X", "a
group of soldiers calling itself the National Salvation Committee", "the mutineers, known as the
Patriotic Movement", "the junta, the Military Council for Y,".

The codebook's coup has the force that staged it as agent; where the article names that force by the
name its soldiers gave themselves, that named body is the force, and the bare words the press uses
for it ("the junta", "the soldiers", "Niger's military") stand for it: the coup is the council's, and
the condemnations and demands addressed to "the soldiers" are addressed to it.  So once the article
names such a body, the armed forces of a state coded anywhere in its events are that body.

The words are data here; the rule reads the parse: a named group or body that is the complement of a
naming verb with a reflexive object ("call themselves X") or of "known as", or an apposition, whose
namer is a military noun.  One pass over the article's mentions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .tree import REFLEXIVES, SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .events import Event
    from .gazetteer import Mention

#: nouns for soldiers who seized (or tried to seize) power and then name themselves ("officers calling
#: themselves X"); no "rebel" (rebels are not a state's forces) and no "general" (one person)
MILITARY_NOUNS = frozenset({"officer", "soldier", "troop", "junta", "mutineer", "putschist", "army", "military",
                            "colonel"})
#: a bare apposition names a force only after these ("the junta, X,"): "the Wagner Group, a private army"
#: or "X, the army" is a description, not a self-given name
APPOSED_FORCE_NOUNS = frozenset({"junta", "mutineer", "putschist"})
#: verbs by which a group names itself ("call themselves", "style themselves", "named itself")
NAMING_VERBS = frozenset({"call", "name", "style", "dub"})
#: entity types a self-named force has in the registry or is minted as
FORCE_TYPES = ("Group", "GovernmentBody")
#: the dependencies by which a naming verb holds the name it gives ("who call themselves X", "calling itself X")
NAME_DEPS = ("oprd", "attr", "dobj", "xcomp", "ccomp")


def _namer(verb: Token) -> Token | None:
    """Who does the naming: the verb's subject, the noun a relative clause ("who call themselves")
    or a participle ("officers calling themselves") hangs on."""
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _military(tok: Token | None, nouns: frozenset[str] = MILITARY_NOUNS) -> bool:
    if tok is None:
        return False
    if tok.lemma_.lower() == "group":   # "a group of officers"
        tok = next(iter(_of_nouns(tok)), tok)
    return tok.lemma_.lower() in nouns


def _of_nouns(tok: Token) -> list[Token]:
    """The nouns of a token's "of" phrase ("a group of officers": officers)."""
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _self_named(head: Token) -> bool:
    """Whether the name headed by ``head`` is what soldiers call themselves or are known as."""
    verb = head.head
    if head.dep_ in NAME_DEPS and verb.lemma_.lower() in NAMING_VERBS \
            and any(c.lower_ in REFLEXIVES for c in verb.children):
        return _military(_namer(verb))
    if head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.lemma_.lower() == "know" and verb.head.dep_ == "acl":
        return _military(verb.head.head)
    if head.dep_ == "appos":
        return _military(verb, APPOSED_FORCE_NOUNS)
    return any(c.dep_ == "appos" and _military(c, APPOSED_FORCE_NOUNS) for c in head.children)


def name_given_itself(noun: Token) -> list[Token]:
    """'the officers, who call themselves X, said', 'a group of officers calling itself X says', 'the
    mutineers, known as X, said': the words of the name a military noun (the subject of a speech verb)
    gives itself by a relative clause or participle on it (or on the "of" noun of "a group of"), so
    the body so named speaks (speech_speakers.speech_subject)."""
    if not _military(noun):
        return []
    holders = [noun, *_of_nouns(noun)] if noun.lemma_.lower() == "group" else [noun]
    names = []
    for clause in (c for h in holders for c in h.children if c.dep_ in ("relcl", "acl")):
        if clause.lemma_.lower() in NAMING_VERBS and any(c.lower_ in REFLEXIVES for c in clause.children):
            names += [c for c in clause.children if c.dep_ in NAME_DEPS and c.lower_ not in REFLEXIVES]
        elif clause.lemma_.lower() == "know":
            names += [g for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                      if g.dep_ == "pobj"]
    return names


def self_named_force(doc: Doc, mentions: list[Mention]) -> tuple[str, int] | None:
    """The entity of the body the article's soldiers name themselves as, if exactly one is named so,
    and where it is first named so (an offset of the text)."""
    found: dict[str, int] = {}
    for m in mentions:
        if not m.entity or m.type not in FORCE_TYPES:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) and _self_named(span.root):
            found.setdefault(m.entity, m.start)
    return next(iter(found.items())) if len(found) == 1 else None


def forces_as_named(events: list[Event], named: tuple[str, int] | None, forces_state: Callable[[str], str | None],
                    year_at: Callable[[int], str | None] = lambda _: None) -> list[Event]:
    """The armed forces of the state of the article's coup (the state whose forces staged it, or the
    state or government it targeted), wherever coded as agent or target, stand for the self-named force
    (``named``: it and where it is named so); another state's forces, or any forces in an article without
    a coup, stay, and so do the forces of an act dated in another year than the naming ("In 1984 the army
    deposed X": the council the soldiers of 2005 formed staged no coup of 1984).  ``forces_state`` gives
    the state of an armed forces entity (None for anything else), ``year_at`` the year of the story's
    time at an offset of the text."""
    coups = [e for e in events if e.type == "CoupAttempt"]
    states = ({forces_state(a) for e in coups for a in e.agent} | {t for e in coups for t in e.target}) - {None}
    if named is None or not states:
        return events
    force, year = named[0], year_at(named[1])
    for event in events:
        told = (event.fields.get("date") or {}).get("value")
        if year and told and told[:4] != year:
            continue
        for role in (event.agent, event.target):
            role[:] = list(dict.fromkeys(force if forces_state(a) in states else a for a in role))
    return events
