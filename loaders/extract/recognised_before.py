"""Recognition told again by a description: "Russia recognised Abkhazia and South Ossetia. Georgia
refused to recognise the two regions", "Pakistan broke with Bhutan after it recognised the new
state".  A definite description of a state-like entity as the object of a (non-)recognition, with
no name of its own, stands for what the recognition told just before recognised: its object's
tokens are the role's heads (so that a name the registry lacks is minted from them, as there).
A declaration of statehood told before is such an antecedent too ("the province proclaimed the
Republic of X. Turkey recognised the new republic"), and so is a secession ("X broke away from Y");
the independence of a state described stands for it too ("recognised the region's independence").  A walk back over at most LOOK_BACK
sentences, never a scan of the article."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..dates import MONTHS
from . import structure, tree
from .coref_lexicon import BODY_NOUNS, GROUP_DETERMINERS, NAMED_BODY_HEADS
from .coref_states import BREAKAWAY, description_kinds
from .gazetteer import fold
from .world_cities import city_code
from .world_surfaces import world_surfaces

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that describe what is recognised ("the two entities", "the new state", "the breakaway
#: republics"); not "government": a government described is governments.py's
DESCRIPTION_NOUNS = frozenset({"state", "republic", "entity", "region", "territory", "country", "nation", "province"})
RECOGNISING = frozenset({"recognise", "recognize"})
#: verbs and nouns of a declaration of statehood, whose name a description can stand for ("the
#: province declared itself the Republic of X ... Turkey recognised the new state")
DECLARING = frozenset({"declare", "proclaim", "declaration", "proclamation"})
#: what a declaration of statehood with no new name declares: its declarer is the state described after
INDEPENDENCE = frozenset({"independence", "sovereignty", "secession"})
#: determiners that make a description stand for what was recognised before: the group's ("the two
#: regions", "both republics") and "either", which under a refusal or "not" is each of the two ("refused to
#: recognise either territory"; the negation or refusal itself is the frame's to read)
DESCRIBING = GROUP_DETERMINERS | {"either"}
#: what of a state a recognition recognises, naming the state in its "of" phrase or possessor ("recognised
#: the independence of the breakaway region", "the region's independence", "its independence")
STATEHOOD = INDEPENDENCE | {"statehood"}
#: possessive pronouns that stand for the state told before under a STATEHOOD noun
OWNER_PRONOUNS = frozenset({"its", "their"})
#: verbs of a secession told before, whose subject a description can stand for ("Somaliland broke away from
#: Somalia in 1991. Ethiopia recognised the entity"); "break" only with "away", "split" with "away", "off" or "from"
SECEDING = frozenset({"secede", "break", "split"})
DECLARING_OR_SECEDING = DECLARING | SECEDING
#: verbs that make a state only by a predicate that calls it one ("made Transkei an independent republic",
#: "Rhodesia became a republic"): a declaration of statehood only so (predicate_state)
BECOMING = frozenset({"become", "make"})
#: the predicates of such a declaration: a state-like noun ("declared Rhodesia a republic", "proclaimed
#: itself a republic") or an adjective of statehood ("declared it independent")
PREDICATE_STATE_NOUNS = frozenset({"republic", "state", "nation", "country"})
PREDICATE_STATE_ADJECTIVES = frozenset({"independent", "sovereign"})
#: how many sentences back the recognition told may be (a reaction list tells it in its lead, a paragraph or two before)
LOOK_BACK = 8


def recognised_thing(verb: Token) -> Token | None:
    """What a (non-)recognition verb recognises: its object, or the state whose independence (sovereignty,
    statehood) its object is ("the independence of the region", "the region's independence", "its independence")."""
    obj = structure.logical_object(verb)
    if obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in STATEHOOD:
        owner = next((c for c in obj.children if c.dep_ == "poss"), None) or next(iter(tree.prep_objects(obj, "of")), None)
        if owner is not None:
            return owner
    return obj


#: common nouns that may own the independence a recognition recognises ("the independence of the islands")
STATEHOOD_OWNERS = DESCRIPTION_NOUNS | {"island", "colony", "enclave", "archipelago", "protectorate", "people", "nation"}


def statehood_of_no_state(verb: Token) -> bool:
    """'recognised the independence of the courts': the independence (sovereignty, statehood) of a common
    noun that is no state, nor a description of one, nor named ("the Sahrawi people"): nothing recognised."""
    owner = recognised_thing(verb)   # (the object itself may already be read through the noun: "of the courts")
    if owner is None or owner.pos_ != "NOUN" or not (
            (owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.lemma_.lower() in STATEHOOD)
            or (owner.dep_ == "poss" and owner.head.lemma_.lower() in STATEHOOD)):
        return False
    return owner.lemma_.lower() not in STATEHOOD_OWNERS \
        and owner.lemma_.lower() not in STATEHOOD_OWNERS and not any(c.pos_ == "PROPN" or c.text[:1].isupper() for c in owner.children)


def named_object(verb: Token) -> bool:
    """Whether what a (non-)recognition verb recognises is a proper name ("ending its ties with Taiwan and recognising
    the People's Republic"): a name the mentions do not know is still no counterpart told before to guess from."""
    obj = recognised_thing(verb)
    return obj is not None and obj.pos_ == "PROPN" and obj.dep_ != "poss"


def described_object(verb: Token) -> Token | None:
    """The object of a (non-)recognition verb when it is a definite description with no name of its own
    (or the pronoun that owns the independence it recognises: "recognised its independence")."""
    obj = recognised_thing(verb)
    if obj is not None and obj.dep_ == "poss" and obj.lower_ in OWNER_PRONOUNS:
        return obj
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in DESCRIPTION_NOUNS:
        return None
    kids = list(obj.children)
    if not any(c.lower_ in DESCRIBING for c in kids) or any(
            c.pos_ == "PROPN" or (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "poss" for c in kids):
        return None  # "Kosovo's independence", "the state of Palestine", "the Palestinian state": named
    return obj


def recognised_before(verb: Token) -> list[Token]:
    """The objects of the last recognition told before ``verb`` (in its sentence or up to LOOK_BACK
    sentences back), where ``verb``'s own object is a description that stands for them; for a
    territory's taking recognised, the one who took it (``taker``)."""
    taken = taker(verb)
    if taken is not None:
        return taken
    described, stem = _demonym_described(verb)   # "the self-proclaimed Sahrawi republic"
    if described_object(verb) is None:
        named = name_headed_by(described, stem)
        return [named] if named is not None else []
    doc = verb.doc
    one = _one_described(described_object(verb))
    for i in range(verb.i - 1, tree.sent_start_before(verb, LOOK_BACK) - 1, -1):
        token = doc[i]
        if token.lemma_.lower() in RECOGNISING and token.pos_ == "VERB" and described_object(token) is None:
            obj = recognised_thing(token)
            # (a pronoun told it again: "proclaimed the Republic of X. Rwanda recognised it. Kenya declined to
            # recognise the republic": what it stands for is further back, the walk goes on)
            if obj is not None and obj.pos_ != "PRON":
                return _one_of(list(tree.fan_out(obj)), one)
        if token.lemma_.lower() in DECLARING_OR_SECEDING and (named := declared_name(token)) is not None:
            return _one_of(list(tree.fan_out(named)), one)
        if token.lemma_.lower() in BECOMING and (named := predicate_state(token)) is not None:
            return _one_of(list(tree.fan_out(named)), one)   # "Rhodesia became a republic in 1970"
    named = name_headed_by(described_object(verb), stem) or breakaway_named_before(described_object(verb), verb)
    return [named] if named is not None else []


def breakaway_named_before(described: Token | None, verb: Token) -> Token | None:
    """'Transnistria has had its own army since 1992. Romania declined to recognise the breakaway republic':
    a description of one state few recognise (a word state_descriptions.yaml calls `breakaway`: "breakaway",
    "self-declared", "separatist"), with no recognition, declaration or secession told before, stands for the
    last place named before it (up to LOOK_BACK sentences back) that is no state of the world facts (which
    has an ISO code: the state it broke from, or one recognising it) nor a city of one; None where none is named, or where
    it is named in a list ("Abkhazia and South Ossetia": which one, untold)."""
    if described is None or not _one_described(described) or BREAKAWAY not in (description_kinds(described) or ()):
        return None
    for i in range(described.i - 1, tree.sent_start_before(verb, LOOK_BACK) - 1, -1):
        token = described.doc[i]
        if token.pos_ == "PROPN" and token.ent_type_ in PLACE_NAMES and token.text[:1].isupper() \
                and not {fold(" ".join(t.text for t in _name_of(token))), *(fold(t.text) for t in _name_of(token))} & _world_names() \
                and city_code(tree.name_head(token)) is None:
            # (nor a city of a state: "The president of Georgia visited Batumi" names no breakaway republic)
            # (nor one with such a state's name in it: "Northern Cyprus" is not Cyprus, nor minted as a state of its own)
            head = tree.name_head(token)   # (one of a list: which one the description is, untold)
            return head if len(list(tree.fan_out(head))) == 1 else None
    return None


@functools.cache
def _world_names() -> frozenset[str]:
    """The folded names, demonyms and capitals of every state the world facts give an ISO code (or a past one)."""
    return frozenset(fold(surface) for surface, _ in world_surfaces())


def _one_described(described: Token | None) -> bool:
    """Whether a description stands for one state: "the breakaway republic" (not "the two regions",
    "both republics", "either territory", which deal the act out to each)."""
    return described is not None and described.tag_ == "NN" and all(
        c.lower_ == "the" for c in described.children if c.dep_ in ("det", "predet", "nummod"))


def _one_of(told: list[Token], one: bool) -> list[Token]:
    """What the description stands for: the list told, or no one where a description of one state
    follows a list of two or more ("Abkhazia and South Ossetia declared independence. Kenya declined to
    recognise the breakaway republic": which one, untold)."""
    return [] if one and len(told) > 1 else told


#: nouns of a territory's taking: recognising "the annexation of X by Y" (or refusing to) recognises Y's
#: rule over it, so Y is the one (not) recognised, never the territory taken
TAKING_NOUNS = frozenset({"annexation", "incorporation", "occupation", "absorption"})
#: the verbs of those nouns: their subject told before is the taker ("Y annexed X in May. Z has never
#: recognised the annexation")
TAKING_VERBS = frozenset({"annex", "incorporate", "occupy", "absorb"})
#: the phrases on a taking noun (or on what it took) that name the taker: "by Y", "into Y", "to Y"
TAKER_PREPS = ("by", "into", "to")


def taker(verb: Token) -> list[Token] | None:
    """Where a (non-)recognition verb's object is a territory's taking ("the annexation of the islands"):
    the one who took it, named by its possessor ("Y's annexation"), its "by", "into" or "to" phrase (on
    the noun, on what was taken or on the verb: "the incorporation of the territory into Y"), else the
    subject of the last verb of taking told before (up to LOOK_BACK sentences back); [] with none named
    (the territory taken is never the one recognised: ``taken_part``).  None where the object is no taking."""
    obj = structure.logical_object(verb)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in TAKING_NOUNS:
        return None
    owners = [c for c in obj.children if c.dep_ == "poss"]
    if owners:
        return owners
    taken = tree.prep_objects(obj, "of")
    for head in (obj, *taken, verb):
        for prep in TAKER_PREPS:
            if found := tree.prep_objects(head, prep):
                return found
    doc = verb.doc
    for i in range(verb.i - 1, tree.sent_start_before(verb, LOOK_BACK) - 1, -1):
        token = doc[i]
        if token.pos_ == "VERB" and token.lemma_.lower() in TAKING_VERBS:
            subject = structure.logical_subject(token)
            if subject is not None:
                return [subject]
    return []


def taken_part(token: Token) -> bool:
    """Whether a role's head is a taking noun or what it took ("the annexation", "of X" in "the annexation
    of X by Y"): never the one a recognition (or its refusal) recognises (``taker``)."""
    below, current = None, token
    while current.pos_ != "VERB":
        if current.dep_ == "prep" and current.lower_ in TAKER_PREPS:
            return False   # the taker: "into Y" on what was taken
        if current.pos_ == "NOUN" and current.lemma_.lower() in TAKING_NOUNS:
            return below is None or below.lower_ == "of"
        if current.head.i == current.i:   # spaCy builds a new Token on each access: compare positions
            return False
        below, current = current, current.head
    return False


#: phrases on a recognition noun that name what it recognises ("recognition of X", "... to X", "with X")
OBJECT_PREPS = frozenset({"of", "to", "with", "for"})


def recognition_noun_before(noun: Token) -> list[Token]:
    """'Venezuela announced its recognition', 'Nauru's recognition came a year later': a recognition
    noun that names nothing it recognises (no "of", "to", no name on it) recognises what the last
    recognition verb told before it recognised, every one of its objects (in its sentence or up to
    LOOK_BACK sentences back); [] where it names its object or none was told."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() != "recognition" or any(
            (c.dep_ == "prep" and c.lower_ in OBJECT_PREPS) or c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"
            for c in noun.children):
        return []
    doc = noun.doc
    for i in range(noun.i - 1, tree.sent_start_before(noun, LOOK_BACK) - 1, -1):
        token = doc[i]
        if token.lemma_.lower() in RECOGNISING and token.pos_ == "VERB" and described_object(token) is None:
            obj = recognised_thing(token)
            if obj is not None and obj.pos_ == "PROPN":
                return list(tree.fan_out(obj))
    return []


def _demonym_described(verb: Token) -> tuple[Token | None, str]:
    """(the object, the stem of its people's word) where a recognition's object is a description noun
    whose only name is one capitalised word on it ("the self-proclaimed Sahrawi republic", "the Abkhaz
    republic"): it names the state described, not a state of its own; (None, "") otherwise."""
    obj = structure.logical_object(verb)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in DESCRIPTION_NOUNS:
        return None, ""
    kids = list(obj.children)
    if not any(c.lower_ in DESCRIBING for c in kids) or any(
            (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "poss" for c in kids):
        return None, ""
    names = [c for c in kids if c.text[:1].isupper()]
    if len(names) != 1 or names[0].dep_ not in ("compound", "amod") or len(names[0].text) < STEM:
        return None, ""
    return obj, names[0].lower_[:STEM]


#: the letters a demonym shares with the name of what it describes ("Sahrawi": "Sahrawi Arab Democratic
#: Republic"; "Abkhaz": "Republic of Abkhazia")
STEM = 4


def name_headed_by(described: Token | None, stem: str = "") -> Token | None:
    """'Armenia declined to recognise the republic': with no recognition or declaration told just
    before, the last name in the article before it that the same noun heads ("the Turkish Republic
    of Northern Cyprus"), and, where a demonym describes it, one with a word of the demonym's stem
    (or the place's own name: "Abkhazia" for "the Abkhaz republic");
    a description of several ("the two republics") is no one name."""
    if described is None or described.tag_ != "NN":
        return None
    word = described.lower_
    doc = described.doc
    for i in range(described.i - 1, -1, -1):   # (only for a described object: a rare word)
        token = doc[i]
        if token.lower_ == word and token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ \
                and (not stem or any(t.lower_.startswith(stem) for t in _name_of(token))):
            return token
        # ("the Abkhaz republic": "Abkhazia", a place's name the demonym is made from, not a people's word)
        if stem and token.pos_ == "PROPN" and token.ent_type_ in PLACE_NAMES and token.lower_.startswith(stem) \
                and token.head.i != described.i:
            return token
    return None


#: the named-entity labels of a place's name (a people's word is NORP)
PLACE_NAMES = frozenset({"GPE", "LOC"})


def _name_of(token: Token) -> list[Token]:
    """The words of the named entity a token is in."""
    return next((list(e) for e in token.sent.ents if e.start <= token.i < e.end), [token])


def declared_name(token: Token) -> Token | None:
    """The name a declaration of statehood gives: "declared itself the Republic of X" (the object's
    predicate), "proclaimed the Republic of X", "declared independence as the Republic of X", "the
    proclamation of the Republic of X"; None where it names none (a pronoun, "declared a state of
    emergency", "declared war")."""
    if token.pos_ == "VERB" and token.lemma_.lower() in SECEDING:
        return _declarer(token) if seceding(token) else None
    if token.pos_ == "VERB":
        # ("the Republic of X is proclaimed": a passive's subject is the name it gives)
        kids = [c for c in token.children if c.dep_ in ("oprd", "dobj", "ccomp", "xcomp", "nsubjpass")]
        # "as" on the verb or on its object ("declared independence as the Republic of X")
        heads = [*token.children, *(g for k in kids for g in k.children)]
        kids += [g for c in heads if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    elif token.pos_ == "NOUN":
        kids = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        return None
    for kid in kids:
        if kid.ent_type_ in ("DATE", "TIME") or kid.lower_.rstrip(".") in MONTHS:
            continue   # ("September 16 (Monday): X is proclaimed": a timeline's heading, parsed as a subject)
        if kid.pos_ == "PROPN" and kid.text[:1].isupper():
            return kid
        # "declared itself independent, as the Republic of X": the name under the predicate
        named = next((g for g in kid.children if g.dep_ in ("oprd", "appos") and g.pos_ == "PROPN"), None)
        if named is not None:
            return named
    if token.pos_ == "VERB" and (named := predicate_state(token)) is not None:
        return named   # "declared Rhodesia a republic", "proclaimed itself a republic"
    if any(k.lemma_.lower() in INDEPENDENCE for k in kids):
        return _declarer(token)   # no new name: "X declared independence from Y", "X's declaration of independence": X
    return None


def predicate_state(verb: Token) -> Token | None:
    """The name a verb calls a state by a predicate: "declared Rhodesia a republic" (the small clause's subject,
    or the verb's object), "Rhodesia was declared a republic" (the passive's subject), "proclaimed itself a
    republic", "became a republic", "made itself an independent state" (the verb's subject); None where the
    predicate is no bare state ("declared a state of emergency", "a member state", "the state of Palestine")
    or no name is told."""
    preds = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp", "attr", "dobj", "acomp") and (
        (c.pos_ == "NOUN" and c.lemma_.lower() in PREDICATE_STATE_NOUNS and c.tag_ == "NN" and all(
            (k.dep_ == "det" and k.lower_ in ("a", "an")) or (k.dep_ == "amod" and k.pos_ == "ADJ") or k.dep_ == "nsubj"
            for k in c.lefts)
         and any(k.dep_ == "det" for k in c.lefts) and not any(k.dep_ == "prep" and k.lower_ in ("of", "to") for k in c.rights))
        or (c.pos_ == "ADJ" and c.lemma_.lower() in PREDICATE_STATE_ADJECTIVES))]
    if len(preds) != 1:
        return None
    pred = preds[0]
    named = next((k for k in pred.children if k.dep_ == "nsubj"), None) or next(
        (k for k in verb.children if k.dep_ in ("dobj", "dative", "nsubjpass") and k.i != pred.i), None)
    if named is None and verb.lemma_.lower() == "become":
        return _declarer(verb)
    if named is not None and named.lower_ in ("itself", "themselves"):
        return _declarer(verb)
    return named if named is not None and named.pos_ == "PROPN" and named.text[:1].isupper() \
        and named.ent_type_ != "PERSON" and not body_name(named) else None


def seceding(verb: Token) -> bool:
    """'Somaliland seceded from Somalia', 'broke away from Somalia', 'split from Moldova' (not "broke off relations",
    nor a split from what is no state, "broke away from the ruling party": what it left is a name, where told)."""
    lemma = verb.lemma_.lower()
    if any(g.pos_ != "PROPN" for g in seceded_from(verb)):
        return False
    if lemma == "secede":
        return True
    words = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
    return "away" in words or lemma == "split" and bool(words & {"off", "from"})


def seceded_from(verb: Token) -> list[Token]:
    """The objects of a secession verb's "from" phrase, on the verb or on its particle ("broke away from Nigeria")."""
    return [g for c in (verb, *verb.children) if c.i == verb.i or c.dep_ in ("advmod", "prt")
            for p in c.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]


def _declarer(token: Token) -> Token | None:
    """Who declares independence, where named: the verb's subject, the noun's possessor or "by" phrase."""
    if token.pos_ == "VERB":
        found = structure.logical_subject(token)
    else:
        found = next((c for c in token.children if c.dep_ == "poss"), None) or next(
            (g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"), None)
    # (never a person: "Ana Ruiz broke away from Peru's ruling party" tells no state into being; nor a body)
    return found if found is not None and found.pos_ == "PROPN" and found.ent_type_ != "PERSON" and not body_name(found) else None


def body_name(name: Token) -> bool:
    """Whether a proper name names a body, not a land, by its head noun (coref.yaml): a party, a front, a
    coalition ("the Liberal Party broke away from Belgrade" tells no state into being)."""
    return name.lemma_.lower() in NAMED_BODY_HEADS | BODY_NOUNS
