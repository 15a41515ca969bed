"""The words of an argument's noun phrase that may name its actor, in the order tried: for persons the
apposition first ("Chile's consul, Ana Ruiz" is Ana Ruiz); for states the phrase's own state (compound,
demonym, "of", possessor: "Chile's consul" is Chile's), a mission's owner ("an attaché at Vietnam's
embassy"), the members a plural lists ("seven countries, including Peru and Chile").  mentions.py
resolves each word to the mention on it; the nouns here say which words stand for a state as a whole,
its government or its organs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .coref_lexicon import GOVERNMENT_NOUNS, MISSION_WORDS
from .names import RELATIVE_NOUNS, TIED_PERSON_NOUNS
from .tree import lists_members

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "said his country was bringing its diplomats home": the speaker's own state
OWN_STATE_NOUNS = frozenset({"country", "government", "nation", "state", "administration"})
#: an unnamed government body ("the government said", "the ministry gave ...") is the article's own state
#: (coref.yaml's government nouns, and ministries)
GOVERNMENT_WORDS = GOVERNMENT_NOUNS | {"ministry", "chancellery", "foreign ministry"}
#: organs that act for their state unnamed ("police arrested him", "soldiers seized the president",
#: "prosecutors charged her"): the article's own state too, where a state's act is asked for
ORGAN_WORDS = frozenset({"police", "policeman", "prosecutor", "prosecution", "court", "judge", "tribunal", "soldier",
                         "troop", "army", "military", "guard", "officer", "force", "agent", "commando", "gendarme"})

#: nouns of firms and news outlets: their demonym or owner never makes them a state's stand-in
COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "broadcaster", "network", "newspaper", "station",
                           "airline", "miner", "conglomerate", "bank", "multinational", "contractor"})


def phrase_words(token: Token, kind: str, plural_pronouns: dict[int, tuple[str, ...]]) -> Iterator[Token]:
    """The head, then the words of its noun phrase that may name the actor: apposition first for
    persons ("Chile's consul, Ana Ruiz" is Ana Ruiz); for states, the phrase's own state
    (compound, demonym, "of", possessor: "Chile's consul" is Chile's)."""
    if kind == "person" and token.pos_ == "NOUN":  # "his brother, Anan Wattana": the name, not the kin
        yield from (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > token.i)
    yield token
    if kind != "person" and token.pos_ == "NOUN" and token.lemma_.lower() in COMPANY_NOUNS:
        return   # "a Canadian mining company": a firm of a state's, never the state acting or acted on
    # "the wife of the Polish consul", "the consul's son": whose relative, never the relative's state
    relative = kind != "person" and token.pos_ == "NOUN" and token.lemma_.lower() in RELATIVE_NOUNS
    kids = list(token.children)
    for child in kids:
        if child.dep_ in ("appos", "compound", "flat", "nmod"):
            yield child
            yield from (g for g in child.children if g.dep_ in ("compound", "flat"))
    if kind == "person":
        # "expelled the nuncio, Archbishop X Y, on Sunday": a name set off by commas the parser hangs on the verb
        after = token.right_edge.i + 1
        if after + 1 < len(token.doc) and token.doc[after].text == "," and token.dep_ in ("dobj", "nsubjpass"):
            yield from (t for t in token.head.children if t.i > after and t.dep_ in ("npadvmod", "appos")
                        and t.pos_ == "PROPN" and t.left_edge.i == after + 1)
        if token.dep_ == "appos" and (token.pos_ == "NOUN" or any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                                  for c in token.children)):
            # "Ana Ruiz, a former minister detained in Lima": the one described (or "a German-Lebanese
            # who was arrested": a people's word the parser makes a proper noun, no name with "a")
            yield token.head
        # "arrested the 47-year-old Australian": the age before the demonym is the description
        yield from (c for c in kids if c.dep_ in ("amod", "compound") and c.i < token.i and (
            "-year-old" in c.lower_ or (c.lower_ == "old" and any(g.lemma_ == "year" for g in c.children))))
        for child in kids:  # "six officials, including Ana Ruiz and Luis Vega": the ones named
            if child.dep_ == "prep" and child.lower_ in ("including", "among"):
                for g in (g for g in child.children if g.dep_ == "pobj"):
                    yield g  # (and its name: "including the army chief, James Kabera")
                    yield from (a for a in g.children if a.dep_ == "appos" and a.pos_ == "PROPN")
            if child.dep_ == "acl" and child.lemma_.lower() in ("name", "identify"):  # "two men, named as X and Y"
                yield from (g for p in child.children if p.dep_ == "prep" and p.lower_ == "as"
                            for g in p.children if g.dep_ == "pobj")
                yield from (g for g in child.children if g.dep_ in ("oprd", "dobj", "attr"))
        # "the head of the UN mission, Ana Ruiz": the apposition the parser hangs on the "of" phrase (not
        # whose tie the noun tells: "the driver of the former minister X" is not X)
        for child in kids if token.lemma_.lower() not in TIED_PERSON_NOUNS else ():
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    yield from (g for g in pobj.children if g.dep_ == "appos")
        return
    for child in kids:
        if child.dep_ in ("amod", "nummod"):
            yield child
            # ("a Russian consular employee": the parser hangs the demonym on the adjective after it)
            yield from (g for g in child.children if g.dep_ == "amod" and g.i < child.i) if child.dep_ == "amod" else ()
    for child in kids:
        if child.dep_ == "prep" and child.lower_ in ("of", "from") and not relative:
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                yield pobj
                # "the residence of the Mexican ambassador, Gonzalo Ruiz": the post's holder named
                # after it (the title and the name make one person, whose post says the state)
                yield from (g for g in pobj.children if g.dep_ == "appos" and g.pos_ == "PROPN")
                # "the diplomats of seven countries, including Peru and Chile": the states it names
                yield from (o for p in pobj.children if lists_members(p) for o in p.children if o.dep_ == "pobj")
    # "an attaché at Vietnam's embassy", "an officer in the Russian mission": the mission's own state
    yield from mission_owners(kids)
    # the owner before the place: "the French ambassador's residence in Kuwait" is France's
    for child in kids:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our", "my") and not relative:
            yield child
            yield from (g for g in child.children if g.dep_ in ("amod", "compound"))
    # "their diplomats" after a list of states: the list (coref.py), not the state named last
    yield from (c for c in kids if c.dep_ == "poss" and c.idx in plural_pronouns)
    if token.lemma_.lower() in OWN_STATE_NOUNS:
        # "his government", "her country": the state of the person the possessive pronoun stands for
        yield from (c for c in kids if c.dep_ == "poss" and c.lower_ in ("his", "her"))
    if token.lemma_.lower() in OWN_STATE_NOUNS | GOVERNMENT_WORDS | ORGAN_WORDS:
        # "Estonia protested. Its government (its ministry, its police) expelled ...": the state coref gives "its"
        yield from (c for c in kids if c.dep_ == "poss" and c.lower_ == "its")
    for child in kids:
        if child.dep_ == "prep" and child.lower_ == "in":
            yield from (g for g in child.children if g.dep_ == "pobj")
    # "relations with seven countries, including Peru and Chile": the states it names
    # (or the members' own state: "40 diplomats, including envoys from Poland and Latvia", "such as two Polish consuls")
    if token.pos_ == "NOUN" and token.tag_ == "NNS":
        for g in (g for c in kids if lists_members(c) for g in c.children if g.dep_ == "pobj"):
            yield g
            if g.pos_ == "NOUN":
                yield from (c for c in g.children if c.dep_ in ("amod", "compound"))
                yield from (o for c in g.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                            for o in c.children if o.dep_ == "pobj")


def mission_owners(kids: list[Token]) -> Iterator[Token]:
    """'an attaché at Vietnam's embassy', 'an officer in the Russian mission': the words that name the
    state of the mission a person works at (its possessor, demonym or compound; not the city after
    "in", which is the host's)."""
    for child in kids:
        if child.dep_ == "prep" and child.lower_ in ("at", "in"):
            # ("a cut in the number of Iranian diplomats", "a reduction in the size of the Russian mission": the
            # staff counted)
            objects = [counted if (counted := _counted_staff(g)) is not None else g for g in child.children if g.dep_ == "pobj"]
            for pobj in (g for g in objects if g.lemma_.lower() in MISSION_WORDS | COUNTED_STAFF or (
                    g.lemma_.lower() == "commission" and any(a.lower_ == "high" for a in g.children))):   # "high commission"
                yield from (g for g in pobj.children if g.dep_ in ("poss", "amod", "compound"))


#: nouns that count or measure what their "of" phrase names ("the number of diplomats", "the size of the mission")
COUNTING_NOUNS = frozenset({"number", "size", "total", "strength", "headcount"})
#: a mission's people, counted ("the number of Iranian diplomats")
COUNTED_STAFF = frozenset({"diplomat", "staff", "personnel", "envoy", "employee", "staffer"})


def _counted_staff(noun: Token) -> Token | None:
    """'the number of Iranian diplomats': the mission's people (or the mission) a counting noun counts."""
    if noun.lemma_.lower() not in COUNTING_NOUNS:
        return None
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in MISSION_WORDS | COUNTED_STAFF), None)
