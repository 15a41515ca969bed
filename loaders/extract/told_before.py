"""Words a trigger needs, found in its clause or told before it: "them" or an elliptical object standing for a
plural named before, a bare building standing for the mission named before, "there" or "where" for a place told
before (frame_triggers.py asks these when a trigger's own clause lacks a word its frame needs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure, tree
from .coref_lexicon import MISSION_BUILDINGS, MISSION_WORDS
from .elliptical_objects import elliptical
from .relative_antecedents import RELATIVE_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def has_words(tokens: list[Token], words: tuple[str, ...]) -> bool:
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    joined = hyphened = ""   # (joined only for a word of several: most words are one)
    for w in words:
        if " " in w or "-" in w:
            if not joined:
                joined = " " + " ".join(lowers) + " "
                hyphened = joined.replace(" - ", "-")   # the tokenizer splits "safe-conduct" into three
            if f" {w} " in joined or f" {w} " in hyphened or f" {w.replace('-', ' ')} " in hyphened.replace("-", " "):
                return True
        elif w in lemmas or w in lowers:
            return True
    return False


def needs_told_before(token: Token, local: list[Token], needs: tuple[str, ...]) -> bool:
    """'... broke off relations with France in 2006 and restored them in 2009': "them" as the object
    stands for the plural the words need, named before in this sentence or the one before; so does an
    object that leaves out its noun ("India expelled six Canadian ones", elliptical_objects.elliptical)
    for a noun told there."""
    def window():   # read only where a pronoun or an elliptical object asks for it (seldom)
        return token.doc[tree.sent_start_before(token, 1):token.i]
    needs = tuple(w for w in needs if " " not in w)
    if any(t.lower_ == "them" and t.dep_ in ("dobj", "nsubjpass") and t.head.i == token.i for t in local) \
            and has_words([t for t in window() if t.tag_ in ("NNS", "NNPS")], needs):
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN":   # a noun's object is its "of" phrase: "the expulsion of X's envoy and the recall of its own"
        objects = tree.prep_objects(token, "of")
    if not objects and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "pobj" and token.head.head.lower_ == "among":
        # "two Chilean diplomats were among those expelled by Venezuela": the clause's subject is acted on
        # (not where that clause denies it: "were not among those expelled")
        if any(c.dep_ == "neg" for c in token.head.head.head.children):
            return False
        acted_on = structure.logical_object(token)
        return acted_on is not None and acted_on.i != token.head.i and has_words(list(acted_on.subtree), needs)
    if not objects and token.dep_ == "conj" and token.tag_ == "VBN":
        # "the envoy was recalled in May and withdrawn for good in July": a passive conjunct shares the
        # subject of the first verb, which names what it acts on
        shared = [c for c in token.head.children if c.dep_ == "nsubjpass"]
        if len(shared) == 1 and shared[0].lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            # "Kenya's envoy, who was summoned and expelled": the relative's noun, without the clause itself
            noun = structure.logical_object(token.head)
            return noun is not None and has_words([noun] + [t for c in noun.children if c.dep_ not in ("relcl", "acl")
                                                            for t in c.subtree], needs)
        return bool(shared) and has_words([t for c in shared for t in c.subtree], needs)
    return bool(objects) and all(elliptical(o) for o in objects) \
        and has_words([t for t in window() if t.pos_ in ("NOUN", "PROPN")], needs)


def mission_told_before(token: Token, needs: tuple[str, ...]) -> bool:
    """'... occupied the embassy. Within hours the police stormed the building': a bare definite
    building acted on ("the building", not "the building of the congress") stands for the mission a
    word the trigger needs named in the two sentences before."""
    needs = tuple(w for w in needs if w in MISSION_WORDS or w == "residence")
    if not needs:
        return False   # (most triggers: the objects need not be read)
    acted_on = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + list(tree.prep_objects(token, "into"))
    if not any((o.lemma_.lower() in MISSION_BUILDINGS or o.lower_ in MISSION_BUILDINGS) and [d.lower_ for d in o.children] == ["the"] for o in acted_on):
        return False
    return has_words(list(token.doc[tree.sent_start_before(token, 2):token.sent.start]), needs)


def place_told_before(token: Token, needs: tuple[str, ...]) -> bool:
    """'She was taken to an army base and is held there': "there" on the verb stands for the place
    told before it, in its sentence or the one before, whose words meet the trigger's needs; "where"
    opening a relative clause, for the noun the clause hangs on ("the embassy, where she has been
    sheltering since May")."""
    place = tree.where_noun(token)
    if place is not None:
        return has_words([place] + [c for c in place.children if c.dep_ in ("amod", "compound", "poss")], needs)
    if not any(c.lower_ == "there" and c.dep_ == "advmod" for c in token.children):
        return False
    return has_words(list(token.doc[tree.sent_start_before(token, 1):token.i]), needs)
