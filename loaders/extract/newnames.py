"""Actors a frame needs that the gazetteer does not know, named from the parse: "recognized the
Taliban", "recognized the independence of Abkhazia".  Only a role that says ``mint: true`` in
frames.yaml asks for them (what is recognised is often a name no registry has yet); the entity is
minted from the named-entity span around the role's head word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .gazetteer import Entity, Gazetteer, Mention, slug

if TYPE_CHECKING:
    from spacy.tokens import Token

#: spaCy entity labels → the entity type a minted actor gets
MINTED_TYPES = {"PERSON": "Person", "GPE": "State", "ORG": "Government", "NORP": "Government"}
#: words that make up titles of states without naming one ("the People's Republic", "the Kingdom")
GENERIC_NAME_WORDS = frozenset({"people", "people's", "peoples", "republic", "state", "states", "kingdom", "democratic",
                                "federal", "islamic", "united", "socialist", "government", "regime", "'s"})
#: nouns whose "of" phrase names the actor: "the independence of Abkhazia", "the government of X"
OF_HEADS = frozenset({"independence", "sovereignty", "statehood", "government", "republic", "state", "regime",
                      "authority", "authorities", "administration"})


def _name_token(token: "Token") -> "Token | None":
    if token.ent_type_ in MINTED_TYPES and token.pos_ == "PROPN":
        return token
    if token.lemma_.lower() in OF_HEADS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ in MINTED_TYPES and pobj.pos_ == "PROPN":
                    return pobj
    return None


def minter(gaz: Gazetteer) -> Callable[["Token"], list[tuple[str, Mention]]]:
    """A function from a role's head token to the actor minted for the proper name it holds (or [])."""
    def mint(token: "Token") -> list[tuple[str, Mention]]:
        name = _name_token(token)
        if name is None:
            return []
        out = []
        for conj in [name] + [c for c in name.conjuncts if c.pos_ == "PROPN"]:
            out += [f for f in _mint_one(conj) if f[0] not in {o[0] for o in out}]
        return out

    def _mint_one(name: "Token") -> list[tuple[str, Mention]]:
        span = next((e for e in name.doc.ents if e.start <= name.i < e.end), None)
        if span is None:
            return []
        words = [t for t in span if not (t.i == span.start and t.lower_ == "the") and t.tag_ != "POS"]
        if not words or not words[0].text[:1].isupper():
            return []
        label = name.doc[words[0].i: words[-1].i + 1].text
        if all(t.lower_ in GENERIC_NAME_WORDS for t in words):
            return []  # "the People's Republic": a title without its name, not an actor of its own
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if label in gaz.surfaces:
            minted = gaz.entities.get(slug(label))
            if minted is not None and minted.new:  # minted earlier in this article ("the Taliban" again)
                return [(minted.id, Mention(start, end, minted.id, minted.type, label, "name"))]
            return []  # a name the gazetteer knows, not mentioned as an actor here: leave it
        entity = gaz.add(Entity(slug(label), MINTED_TYPES[span.label_], label, {label}))
        return [(entity.id, Mention(start, end, entity.id, entity.type, label, "name"))]
    return mint
