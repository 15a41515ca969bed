"""States an article tells into being: "Transkei was declared independent", "Somaliland declared its
independence", "the province proclaimed independence".  A proper name the registry lacks that a
declaration of independence makes a state is a state of the article (minted once, before the
mentions are found), so that every later sentence naming it ("Transkei severed relations with South
Africa", "the two governments") reads it as one.  The declaring verb and what makes it one of
independence are read on the parse; a declaration of anything else ("declared the winner", "declared
a state of emergency") mints nothing.  A secession from a state the gazetteer knows tells a state into
being too ("Somaliland broke away from Somalia", "Katanga seceded from Congo"; not a party that split from a
coalition, nor a body, a party or a church, that left a state), so that "the breakaway republic" recognised
later stands for it, never for the state it left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import STATE, Entity, Gazetteer, slug
from .recognised_before import (
    DECLARING,
    INDEPENDENCE,
    SECEDING,
    body_name,
    seceded_from,
    seceding,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: what a declared name is said to become: "declared independent", "proclaimed sovereign"
INDEPENDENT = frozenset({"independent", "sovereign"})


def declared_names(doc: Doc) -> list[Token]:
    """The head tokens of the proper names the article declares independent."""
    found = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in DECLARING:
            continue
        kids = list(verb.children)
        independent = any(k.lemma_.lower() in INDEPENDENT for k in kids if k.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp")) \
            or any(k.lemma_.lower() in INDEPENDENCE for k in kids if k.dep_ == "dobj")
        if not independent:
            continue
        passive = any(k.dep_ in ("nsubjpass", "auxpass") for k in kids)
        # "Transkei was declared independent" (the passive's subject); "Somaliland declared independence"
        # (the declarer); "X declared itself independent" (the declarer too)
        name = next((k for k in kids if k.dep_ == ("nsubjpass" if passive else "nsubj")), None)
        if name is not None and name.pos_ == "PROPN" and name.text[:1].isupper():
            found.append(name)
    return found


def seceded_names(doc: Doc, gaz: Gazetteer) -> list[Token]:
    """The head tokens of the proper names the article tells seceding from a state the gazetteer knows
    ("Somaliland broke away from Somalia in 1991", "Katanga seceded from Congo")."""
    found = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SECEDING or not seceding(verb):
            continue
        if not any(_names_state(g, gaz) for g in seceded_from(verb)):
            continue
        name = next((k for k in verb.children if k.dep_ == "nsubj"), None)
        # (nor a name the recogniser calls an organisation's, "the Montenegrin Orthodox Church seceded from Serbia";
        # a known state it may call so, "Moldova declared independence", is no name to mint)
        if name is not None and name.pos_ == "PROPN" and name.text[:1].isupper() and not body_name(name) \
                and name.ent_type_ != "ORG":
            found.append(name)
    return found


def _names_state(token: Token, gaz: Gazetteer) -> bool:
    """Whether a name (with its compound words) is one the gazetteer has for a state (the world facts' or the
    registry's; not a people's word)."""
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    label = token.doc[words[0].i: token.i + 1].text
    return any(kind != "demonym" and (entity_id.startswith("state:") or (
        entity_id in gaz.entities and gaz.entities[entity_id].type == STATE)) for entity_id, kind in gaz.surfaces.get(label, ()))


def mint_declared_states(doc: Doc, gaz: Gazetteer) -> None:
    """Add to the article's gazetteer each state it declares independent (or tells seceding) that the gazetteer lacks."""
    for name in declared_names(doc) + seceded_names(doc, gaz):
        words = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [name]
        label = doc[words[0].i: name.i + 1].text
        if label in gaz.surfaces or any(t.ent_type_ in ("PERSON", "DATE", "TIME") for t in words):
            continue   # known already, or a person declared so ("declared Ana Ruiz independent" is no state)
        gaz.add(Entity(slug(label), STATE, label, {label}))
