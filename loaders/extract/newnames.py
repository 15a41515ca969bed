"""Actors a frame needs that the gazetteer does not know, named from the parse: "recognized the
Taliban", "recognized the independence of Abkhazia".  Only a role that says ``mint: true`` in
frames.yaml asks for them (what is recognised is often a name no registry has yet); the entity is
minted from the named-entity span around the role's head word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .coref_lexicon import HONORIFICS
from .fuller_forms import fuller_form
from .gazetteer import Entity, Gazetteer, Mention, slug

if TYPE_CHECKING:
    from spacy.tokens import Token

#: spaCy entity labels → the entity type a minted actor gets
MINTED_TYPES = {"PERSON": "Person", "GPE": "State", "ORG": "Government", "NORP": "Government"}
#: words that make up titles of states without naming one ("the People's Republic", "the Kingdom")
GENERIC_NAME_WORDS = frozenset({"people", "people's", "peoples", "republic", "state", "states", "kingdom", "democratic",
                                "federal", "islamic", "united", "socialist", "government", "regime", "'s"})
#: entity labels of a name before one of those nouns that names the group holding it ("the Taliban government";
#: not a person's: "the Smith regime" is a person the gazetteer may know, read as such where it does)
NAMED_HOLDERS = frozenset({"ORG", "NORP"})
#: the nouns of a rule held, whose holder such a name is (not "the Sahrawi republic": a people's word describing a state)
HELD_HEADS = frozenset({"government", "regime", "administration", "authority", "authorities"})
#: nouns whose "of" phrase names the actor: "the independence of Abkhazia", "the government of X"
OF_HEADS = frozenset({"independence", "sovereignty", "statehood", "government", "republic", "state", "regime",
                      "authority", "authorities", "administration"})

#: words of a company's or a news outlet's name: an organisation the recogniser labels ORG that is no
#: government, so never a state's stand-in ("severed relations with Radio Free Europe")
NOT_GOVERNMENT_WORDS = frozenset({"radio", "television", "tv", "broadcasting", "broadcaster", "company", "corporation",
                                  "corp", "inc", "ltd", "bank", "news", "times", "post", "press", "network", "channel",
                                  "airline", "airlines", "mining", "oil", "petroleum", "energy", "media", "newspaper"})

#: words that make a run of capitalised words an organisation's or a place's name, not a person's
NOT_PERSON_WORDS = frozenset({"ministry", "party", "court", "service", "services", "police", "army", "agency", "bank",
                              "company", "group", "council", "committee", "front", "movement", "university", "union",
                              "embassy", "office", "department", "corporation", "airport", "street", "square", "city",
                              "republic", "state", "kingdom", "house", "prison", "news", "times", "post", "force", "forces",
                              "alliance", "coalition", "platform", "league", "congress", "senate", "assembly", "council",
                              # an organisation's own name ("Amnesty International", "Human Rights Watch")
                              "international", "internacional", "watch", "institute", "foundation", "association",
                              "federation", "forum", "fund", "commission", "organisation", "organization", "society"})


def _name_word(token: Token) -> bool:
    """A capitalised word of a name: a proper noun, or a word the tagger took for a verb or adjective
    though it sits, capitalised, inside a name's compounds ("Narges Mohammadi" with "Narges" a VERB)."""
    return token.text[:1].isupper() and (token.pos_ == "PROPN" or (
        token.pos_ in ("VERB", "ADJ", "NOUN") and token.dep_ in ("compound", "flat") and token.ent_type_ in ("PERSON", "ORG", "")
        and token.i > token.sent.start))


def _person_name(name: Token, gaz: Gazetteer):
    """A person's name as the parse shows it where the recogniser gives none or another label: two or
    more capitalised proper nouns ("Vadim Krasov"), none of them a word the gazetteer knows as
    something else ("Thai") or a word of an organisation's name."""
    words = sorted([name] + [c for c in name.children if c.dep_ in ("compound", "flat") and c.i < name.i]
                   + [c for c in name.children if c.dep_ == "flat" and c.i > name.i], key=lambda t: t.i)
    while len(words) > 1 and (words[0].ent_type_ in ("DATE", "TIME") or not words[0].text[:1].isupper()):
        # "On Monday Ana Ruiz went ...": the day parsed into the name is no part of it, nor is the
        # description before it ("blogger Pham Doan Trang", "Nobel laureate X": a lower-case noun)
        words = words[1:]
    if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1:
        return None
    if any(not _name_word(t) or t.lower_ in NOT_PERSON_WORDS or t.text in gaz.surfaces for t in words):
        return None
    start, doc = words[0].i, name.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
            and doc[start - 2].text[:1].isupper():
        start -= 2   # "Hans-Peter Gruber": a hyphenated given name the tokenizer split
    return doc[start: words[-1].i + 1]


#: entity labels the small pipeline gives unfamiliar persons' names at times ("granted Lino Oviedo asylum":
#: FAC): only a person's role mints them, as a person's name (_person_name)
MISLABELLED_PERSON = frozenset({"FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})


def _name_token(token: Token) -> Token | None:
    if token.pos_ == "PROPN" and token.text[:1].isupper() and (not token.ent_type_ or token.ent_type_ in MISLABELLED_PERSON):
        return token  # no entity label (or one of no actor): a person's role may still mint it (_person_name)
    if token.ent_type_ in MINTED_TYPES and token.pos_ == "PROPN":
        return token
    if token.lemma_.lower() in HELD_HEADS:
        # "recognised the Taliban government": an organisation's name before the noun names its holder
        named = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in NAMED_HOLDERS), None)
        if named is not None:
            return named
    if token.lemma_.lower() in OF_HEADS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ in MINTED_TYPES and pobj.pos_ == "PROPN":
                    return pobj
    return None


def minter(gaz: Gazetteer, text: str) -> Callable[[Token], list[tuple[str, Mention]]]:
    """A function from a role's head token to the actor minted for the proper name it holds (or []);
    ``text`` is the parsed document's text (one minter per article)."""

    def mint(token: Token, types: tuple[str, ...] | None = None) -> list[tuple[str, Mention]]:
        """``types``: the entity types the role admits (a person's role mints no state from a GPE)."""
        name = _name_token(token)
        if name is None:
            return []
        out = []
        for conj in [name] + [c for c in name.conjuncts if c.pos_ == "PROPN"]:
            out += [f for f in _mint_one(conj, types) if f[0] not in {o[0] for o in out}]
        return out

    def _mint_one(name: Token, types: tuple[str, ...] | None) -> list[tuple[str, Mention]]:
        span = next((e for e in name.doc.ents if e.start <= name.i < e.end), None)
        if span is not None and any(t.text == "," for t in span):
            # "Kwame Asante, Efua Mensimah": one span over two names of a list; the part around the head
            start = max([t.i + 1 for t in span if t.text == "," and t.i < name.i] or [span.start])
            end = min([t.i for t in span if t.text == "," and t.i > name.i] or [span.end])
            span = name.doc[start:end]
            span.label_ = span.doc[start].ent_type_ or "PERSON"
        if types is not None and "Person" in types and (span is None or span.label_ != "PERSON"):
            span = _person_name(name, gaz)  # the small pipelines often call an unfamiliar name an ORG
            if span is None:
                return []
            return _minted(span, "Person")
        if span is None or span.label_ not in MINTED_TYPES or (types is not None and MINTED_TYPES[span.label_] not in types):
            return []
        return _minted(span, MINTED_TYPES[span.label_])

    def _minted(span, etype: str) -> list[tuple[str, Mention]]:
        words = [t for t in span if not (t.i == span.start and t.lower_ == "the") and t.tag_ != "POS"]
        while len(words) > 1 and words[0].tag_ == "VBG" and words[0].dep_ not in ("compound", "flat"):
            words = words[1:]   # "Arresting Paul Otieno, police ...", "Recognising Kosovo, Japan ...": the sentence's opening verb
        broken = next((n for n, t in enumerate(words[:-1]) if "\n" in t.whitespace_ or t.nbor(1).is_space), None)
        if broken is not None and etype == "Person":
            words = words[:broken + 1]   # "... president Jeanine Áñez\nThe ex-leader ...": a name ends with its line
        while etype == "Person" and len(words) > 2 and words[0].lower_.rstrip(".") in HONORIFICS:
            words = words[1:]   # "Ms Suu Kyi", "Daw Suu Kyi": the honorific is no part of the name
        if not words or not words[0].text[:1].isupper():
            return []
        label = span.doc[words[0].i: words[-1].i + 1].text
        if etype == "Person" and label not in gaz.surfaces:
            # "Suu Kyi" after "Aung San Suu Kyi": the short form of a person the article named in full
            fuller = [e for e in gaz.entities.values() if e.type == "Person" and e.label.endswith(" " + label)]
            if len(fuller) == 1:
                return [(fuller[0].id, Mention(words[0].idx, words[-1].idx + len(words[-1].text), fuller[0].id,
                                               "Person", label, "name"))]
            if len(fuller) > 1:
                return []   # "Kevin Darrow and Julia Darrow ... Darrow": which of them, the text does not say
            longer = fuller_form(span.doc, text, label, gaz.surfaces)
            if longer:   # named in full earlier, in a sentence no frame read ("Aung San Suu Kyi met ...")
                entity = gaz.add(Entity(slug(longer), "Person", longer, {longer, label}))
                return [(entity.id, Mention(words[0].idx, words[-1].idx + len(words[-1].text), entity.id, "Person",
                                            label, "name"))]
        if all(t.lower_ in GENERIC_NAME_WORDS for t in words):
            return []  # "the People's Republic": a title without its name, not an actor of its own
        if etype == "Government" and any(t.lower_ in NOT_GOVERNMENT_WORDS for t in words):
            return []  # "Radio Free Europe", "the Andean Mining Company": no government of a state
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if label in gaz.surfaces:
            minted = gaz.entities.get(slug(label))
            if minted is not None and minted.new:  # minted earlier in this article ("the Taliban" again)
                return [(minted.id, Mention(start, end, minted.id, minted.type, label, "name"))]
            return []  # a name the gazetteer knows, not mentioned as an actor here: leave it
        entity = gaz.add(Entity(slug(label), etype, label, {label}))
        return [(entity.id, Mention(start, end, entity.id, entity.type, label, "name"))]
    return mint
