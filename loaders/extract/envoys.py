"""Envoys told before: "him", "them", "the envoy" or "the diplomats" as the one expelled or recalled,
standing for the envoy a sentence just before named with the state that sent them ("Mali summoned
the French ambassador, Joel Meyer. It gave him 72 hours to leave": France's envoy).

frames.py asks here where an expulsion's or a recall's words name no envoy of their own (the
trigger needs one) and where its target fills no actor.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from . import tree
from .gazetteer import STATE_NAMING
from .language import english_words
from .structure import PHRASE_LAST, is_passive, logical_object
from .world_surfaces import world_surfaces

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .frame_file import Frame, Trigger
    from .mentions import TokenMentions

#: the head nouns of an envoy's title, one person a state sends ("Peru's ambassador to Venezuela")
ENVOY_TITLE_HEADS = frozenset({"ambassador", "envoy", "consul", "commissioner", "nuncio", "chargé"})
#: the nouns that name a state's envoys: those titles, lower ranks, unaccented spellings and the mission's
#: people as a body ("diplomats", "staff")
ENVOY_LEMMAS = ENVOY_TITLE_HEADS | frozenset({"diplomat", "charge", "attaché", "attache", "representative", "staff",
                                              "personnel"})
SINGULAR_PRONOUNS = frozenset({"him", "her", "he", "she"})
PLURAL_PRONOUNS = frozenset({"them", "they"})
#: words that stand for the two or more persons just named ("Both were expelled", "the two were declared ...")
GROUP_WORDS = frozenset({"both", "two"})
#: sentences looked back over (the trigger's own and these before it)
LOOK_BACK = 2


@functools.lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """The world's states' names and demonyms, as written ("Uganda", "Ugandan")."""
    return frozenset(surface for surface, (_, kind) in world_surfaces() if kind in ("name", "demonym"))


def sent_by(envoy: Token) -> bool:
    """Whether an envoy noun says whose envoy it is: a demonym or name on it, a possessor, "of X"."""
    if any(c.dep_ == "poss" for c in envoy.children):
        return True
    # (a demonym or a state's name the recogniser tags otherwise: "two Ugandan diplomats", Ugandan an ORG)
    if any(c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or c.text in _state_words())
           for c in envoy.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(g.ent_type_ in ("GPE", "NORP", "ORG")
               for g in c.children) for c in envoy.children)


def anaphor(token: Token) -> bool:
    """A pronoun or a bare definite envoy noun ("the envoy", "the diplomats") that names no state."""
    if token.pos_ == "PRON":
        return token.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | GROUP_WORDS
    if the_two(token):
        return True
    return token.lemma_.lower() in ENVOY_LEMMAS and not sent_by(token) and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those") for c in token.children)


def the_two(token: Token) -> bool:
    """'the two' standing alone for the two just named ("the two were expelled"), not counting a noun."""
    return token.lower_ in GROUP_WORDS and token.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def declared_unwelcome(envoy: Token) -> bool:
    """Whether the clause that names an envoy declares them persona non grata (their leaving is that
    declaration's part, the codebook's: "declared the ambassador persona non grata and expelled him")."""
    verb = envoy
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    return any(t.lower_ in PHRASE_LAST for t in verb.subtree)


def person_subject(verb: Token) -> bool:
    """Whether a verb's own subject is a person, by name or as "he"/"she" (not a state, an organ or a
    government): whose act it is then depends on whom it is done to (an envoy's host expels it)."""
    if verb.pos_ != "VERB":
        return False
    subject = next(iter(tree.children(verb, ("nsubj",))), None)
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in ("he", "she")
    return subject.pos_ == "PROPN" and subject.ent_type_ == "PERSON"




def told_before(token: Token, index=None) -> Token | None:
    """The envoy noun an anaphor stands for: the last envoy noun that says whose envoy it is, of the
    same number, in the token's sentence before it or the sentences just before; None when a person
    named in between (not as that envoy's name) could be the one meant."""
    if not anaphor(token):
        return None
    plural = token.lower_ in PLURAL_PRONOUNS | GROUP_WORDS or token.tag_ in ("NNS", "NNPS")
    doc = token.doc
    first = tree.sent_start_before(token, LOOK_BACK)
    named = []
    for i in range(token.i - 1, first - 1, -1):
        t = doc[i]
        if (t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and not _a_place(t, index)) or _person_starts(t, index):
            named.append(t)
        if t.lemma_.lower() not in ENVOY_LEMMAS or t.pos_ != "NOUN" or not sent_by(t):
            continue
        if (t.tag_ == "NNS") != plural:
            continue
        own = {a.i for c in t.children if c.dep_ == "appos" for a in c.subtree}  # "the ambassador, Joel Meyer"
        # (and the places of its own post, which the tagger may call persons: "Chad's ambassador to Gabon, X")
        own |= {a.i for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "at") for a in c.subtree}
        if t.dep_ == "appos":
            own |= {a.i for a in t.head.subtree}  # "Joel Meyer, the French ambassador"
        if any(p.i not in own for p in named):
            return None  # "the French ambassador met Ana Ruiz. Mali expelled her": not the envoy
        return t
    return None


def _person_starts(token: Token, index) -> bool:
    """Whether a person the article's mentions know by name begins at the token (a name the tagger missed; not
    a description resolved to one, "the envoy": the envoy noun itself)."""
    mention = index.at(token) if index is not None and token.pos_ == "PROPN" else None
    return mention is not None and mention.type == "Person" and mention.start == token.idx


def _a_place(token: Token, index) -> bool:
    """Whether the article's mentions make a name the tagger called a person a state or a city."""
    mention = index.at(token) if index is not None else None
    return mention is not None and mention.type in STATE_NAMING  # the tagger may call "Accra" a person ("Accra recalled him")


def object_told_before(verb: Token, index=None) -> Token | None:
    """The envoy told before that a trigger verb's object "him", "them" or "the envoy" stands for;
    none for an envoy declared persona non grata there (its leaving is the declaration's part)."""
    if verb.pos_ != "VERB":
        return None
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative", "iobj")):
        if anaphor(obj):
            told = told_before(obj, index)
            return told if told is not None and not declared_unwelcome(told) else None
    return None


def named_envoys(doc, persons: list[tuple[int, int, str]], titled: set[str]) -> set[str]:
    """The persons an article names as envoys ("recalled Meyer" is then a recall): titled so
    ("Ambassador X") or in apposition to an envoy noun ("the French ambassador to Mali, X", "X, the
    Chadian consul").  ``persons``: (start, end, person id) of each person mention; one pass over them."""
    out = set(titled)
    for start, end, person in persons:
        if person in out:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if (root.dep_ == "appos" and root.head.lemma_.lower() in ENVOY_LEMMAS) or any(
                c.dep_ == "appos" and c.lemma_.lower() in ENVOY_LEMMAS for c in root.children):
            out.add(person)
    return out


def states_named_in(heads: list[Token], index) -> set[str]:
    """The states the phrases of these tokens name, themselves or as their envoys' and posts' states
    ("the Somali envoy, Ali Farah": Somalia)."""
    found = set()
    for head in heads:
        for token in head.subtree:
            mention = index.at(token)
            if mention is not None and mention.entity:
                found.add(index.state_of(mention.entity) or mention.entity)
    return found


def _sent_away(recall: Frame) -> Trigger | None:
    """The recall frame's trigger of a state telling "its diplomats" to leave (frames.yaml): its verbs
    tell, its ``also`` words are the leaving (None in a language whose frames have no such trigger)."""
    return next((t for t in recall.triggers if "its diplomats" in t.needs), None)


def unsure_own_envoys(verb: Token, recall: Frame, agent_ids: set[str], index) -> bool:
    """Whether a bare "its"/"their" (not "its own") on the envoys a state tells to leave may be another
    state's: "ordered its diplomats to leave within 48 hours" names no place left (after a severance, the
    other party's envoys leaving the agent's country); "gave Somalia's ambassador 72 hours and ordered its
    diplomats to leave" names another owner before it; "its diplomats were ordered to leave Argentina" names no one
    who ordered it (the host's words).  "ordered its diplomats to leave Argentina": its own."""
    sent_away = _sent_away(recall)
    if sent_away is None or verb.lemma_.lower() not in sent_away.lemmas:
        return False
    if is_passive(verb) and not tree.children(verb, ("agent",)) \
            and any(c.lemma_.lower() in sent_away.also for c in tree.children(verb, ("xcomp",))):
        return True   # "its ambassador had been ordered to leave Peru": by whom, untold (the host's idiom: an expulsion)
    owners = [p for o in tree.children(verb, ("dobj",)) for p in o.children
              if p.dep_ == "poss" and p.lower_ in ("its", "their") and not any(a.lower_ == "own" for a in o.children)]
    if not owners:
        return False
    if owners[0].lower_ == "their" and len(agent_ids) == 1:
        return True   # "It ordered their diplomats to leave": one state's "their" is the envoys of others
    leaving = [c for c in tree.children(verb, ("xcomp", "ccomp")) if c.lemma_.lower() in sent_away.also]
    # ("ordered its diplomats out of Caracas": the place is what "out of" takes, on the verb itself)
    out = not leaving and any(c.lower_ == "out" and c.lower_ in sent_away.also for c in tree.children(verb, ("prt", "prep", "advmod")))
    if leaving or out:
        places = tree.children(leaving[0], ("dobj",)) if leaving else tree.prep_objects(verb, "from")
        left = [m for o in places for t in o.subtree if (m := index.at(t)) is not None and m.entity]
        if not left or {index.state_of(m.entity) or m.entity for m in left} & agent_ids:
            return True   # no place named ("leave the country", "ordered its staff out") or the agent's own ("leave Caracas")
    # (a place in a prepositional phrase owns no envoys: "closed his embassy in Bogotá, ordering all its staff home")
    named = {m.entity for t in verb.sent if t.i < owners[0].i and (m := index.at(t)) is not None and m.entity
             and tree.name_head(t).dep_ != "pobj"}
    return bool({index.state_of(e) or e for e in named} - agent_ids)


def without_envoy_names(targets: list, doc) -> list:
    """'expelled the ambassadors of Spain and Germany, Jesús Silva and Daniel Kriener': the parser lists
    the envoys' names with their states; a person conjoined with a state target is an envoy of one of
    them, not a party acted on of its own (the states are: the codebook's target of an expulsion)."""
    states = [m for _, m in targets if m is not None and m.type == "State"]
    persons = [m for _, m in targets if m is not None and m.type == "Person"]
    if not states or not persons:
        return targets
    state_tokens = {t.i for m in states if (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
                    for t in [span.root]}
    drop = set()
    for m in persons:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(c.i in state_tokens for c in span.root.conjuncts):
            drop.add((m.start, m.end))
    return [t for t in targets if t[1] is None or (t[1].start, t[1].end) not in drop]


#: an envoy noun as the parser may head it ("chargé d'affaires": the last word)
SENDER_NOUNS = ENVOY_LEMMAS | {"d'affaires"}
#: what one is expelled from that is a state's land ("expelled from the country"; frames.yaml left_lands)
LEFT_LANDS = english_words("left_lands")
#: the nouns of an international organisation's people a state may order out ("UN officials", "the WHO's
#: representative": its envoys and frames.yaml organisation_staff)
ORGANISATION_STAFF = ENVOY_LEMMAS | english_words("organisation_staff")


def sender_of_acted_on(token: Token, index: TokenMentions) -> str | None:
    """The state whose envoy a passive acts on ("Iran's ambassador was told to leave": Iran)."""
    named = logical_object(token)
    if not is_passive(token):  # "gave Iran's envoy 48 hours to leave": the one given the time
        named = next(iter(tree.children(token, ("dative",))), named)
    # (or the envoy noun the parser hung on the name: "Iran's ambassador, Ali Reza, had been told to leave")
    envoy = next((t for t in ([named] + [c for c in named.children if c.dep_ in ("appos", "nsubj", "compound")]
                              + [named.head] if named is not None else [])
                  if t.lemma_.lower() in SENDER_NOUNS and t.pos_ in ("NOUN", "PROPN")), None)
    # ("Ambassador Ali Reza was declared persona non grata": the state the person named, or "he" resolved, serves)
    found = [f for one in ([envoy] if envoy is not None else []) + ([named] if named is not None and named.pos_ in ("PROPN", "PRON") else [])
             for f in index.fill(one, ["state"]) if f[1] is not None or one.pos_ == "PRON"]
    if not found and named is not None and envoy is None:
        found = [(s, None)] if (s := _sender_of_group(named, index)) is not None else []
    if not found and named is not None:
        found = _organisation_sending(token, envoy if envoy is not None else named, index)
    return found[0][0] if found else None


def _organisation_sending(verb: Token, staff: Token, index: TokenMentions) -> list:
    """'Four UN officials were declared persona non grata', 'the WHO's representative was expelled': the
    organisation whose staff noun names it (its host, the state told before, acts on them); none where the
    verb's "from" phrase names what is no state ("were expelled from the party")."""
    if staff.pos_ != "NOUN" or staff.lemma_.lower() not in ORGANISATION_STAFF:
        return []
    left = tree.prep_objects(verb, "from")
    if any(not index.fill(t, ["state"]) and t.lemma_.lower() not in LEFT_LANDS for t in left):
        return []
    return [(o, m) for o, m in index.fill(staff, ["organisation"]) if m is not None and m.type == "InternationalOrganization"]


def _sender_of_group(named: Token, index: TokenMentions) -> str | None:
    """'Two Bolivian diplomats ... They were expelled', 'X and Y, two Bolivian diplomats ... Both (the two) were
    declared persona non grata': a plural word standing for envoys told before is sent by the one state those
    envoys are told with (the envoy noun told before, else each person it stands for); None for two states."""
    told = told_before(named, index)
    if told is not None:
        states = {s for s, m in index.fill(told, ["state"]) if m is not None}
    elif (named.pos_ == "PRON" and named.lower_ in PLURAL_PRONOUNS | GROUP_WORDS) or the_two(named):
        persons = [m for _, m in index.fill(named, ["person"]) if m is not None and m.type == "Person"]
        heads = [span.root for m in persons if (span := named.doc.char_span(m.start, m.end)) is not None]
        states = {s for h in heads for s, m in index.fill(h, ["state"]) if m is not None}
        if len(persons) < 2 or len(heads) != len(persons):
            return None   # (one person, or one the parse cannot place: its own pronoun reads it)
    else:
        return None
    return next(iter(states)) if len(states) == 1 else None
