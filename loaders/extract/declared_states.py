"""States an article tells into being: "Transkei was declared independent", "Somaliland declared its
independence", "the province proclaimed independence".  A proper name the registry lacks that a
declaration of independence makes a state is a state of the article (minted once, before the
mentions are found), so that every later sentence naming it ("Transkei severed relations with South
Africa", "the two governments") reads it as one.  The declaring verb and what makes it one of
independence are read on the parse; a declaration of anything else ("declared the winner", "declared
a state of emergency") mints nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import STATE, Entity, Gazetteer, slug
from .recognised_before import DECLARING, INDEPENDENCE

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


def mint_declared_states(doc: Doc, gaz: Gazetteer) -> None:
    """Add to the article's gazetteer each state it declares independent that the gazetteer lacks."""
    for name in declared_names(doc):
        words = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [name]
        label = doc[words[0].i: name.i + 1].text
        if label in gaz.surfaces or any(t.ent_type_ in ("PERSON", "DATE", "TIME") for t in words):
            continue   # known already, or a person declared so ("declared Ana Ruiz independent" is no state)
        gaz.add(Entity(slug(label), STATE, label, {label}))
