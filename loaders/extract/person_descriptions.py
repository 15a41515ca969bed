"""Who "the engineer", "the captain", "the officer" and "the man" are: a definite description by a
common noun that is no title of ``coref.yaml`` (a part of coref's resolver, mixed into
``coref_descriptions.DescriptionResolver``).

The article's entity chain keeps, for every person it names, the nouns it describes them by: the head
of an apposition ("John Smith, a British engineer,"; "a police officer, Ivan Petrov,"), of a predicate
("X is a lawyer"), of an office told by a verb ("X was appointed envoy"), and the rank or title written
before the name ("Captain X").  A later "the engineer" stands for the one person in reach (the
sentences coref looks back over, else the whole article so far) the article described so; "the man"
and "the woman" for the one person in reach of that gender.  Where two persons fit, or none, the
description stays unresolved: the nearest name is never taken for want of a better one.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .coref_lexicon import KINDS_OF, TITLES
from .coref_syntax import _binder, offices_told
from .gift_recipients import GIFT_NOUNS
from .person_groups import PERSON_COLLECTIVES
from .tree import ANY_SUBJECTS, GIVING_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that tell only a person's gender ("the man"): the person of that gender in reach
GENDER_NOUNS = {"man": "m", "woman": "f", "gentleman": "m", "lady": "f"}
#: determiners of a person not named yet ("a man", "another engineer")
INDEFINITE = frozenset({"a", "an", "another"})
#: nouns that describe no one in particular, whatever an apposition says ("X, a member of ...")
UNDESCRIBING = frozenset({"member", "one", "part", "head", "chief", "son", "daughter", "father", "mother", "wife",
                          "husband", "brother", "sister", "friend", "figure", "name", "person", "people", "group",
                          "citizen", "national", "resident", "native", "time", "year", "day", "country", "state"})


class PersonDescriptions:
    """The persons a common-noun description stands for (reads coref's chain: ``named``, ``_window``)."""

    def _person_descriptors(self) -> dict[str, set[str]]:
        """Each named person → the nouns the article describes them by (read once per article)."""
        found = self.__dict__.get("_descriptors")
        if found is None:
            found = self.__dict__["_descriptors"] = {}
            for head, entity in sorted(self.named.items()):
                if self._type(entity) == "Person":
                    found.setdefault(entity, set()).update(nouns_describing(self.doc[head], self.inside_named))
        return found

    def _linked_alone(self) -> dict[str, list[int]]:
        """Each entity → the tokens of the chain's links that stand for it alone, in order: a running
        index, which reads each link once per article (coref only appends links, sentence by sentence)."""
        linked = self.__dict__.setdefault("_linked_alone_index", {})
        read = self.__dict__.setdefault("_linked_alone_read", [0, 0])   # [sentence, links of it read]
        if self.links:
            for k in range(read[0], max(self.links) + 1):
                links = self.links.get(k, ())
                for link in links[read[1] if k == read[0] else 0:]:
                    if len(link.referents) == 1:
                        bisect.insort(linked.setdefault(link.referents[0], []), link.token)
                read[:] = [k, len(links)]
        return linked

    def _described_person(self, tok: Token, first: Token) -> tuple[str, ...] | None:
        """'the engineer', 'the man': the one person in reach the description fits, else None."""
        if tok.tag_ != "NN":
            return None
        noun = tok.lemma_.lower()
        gender = GENDER_NOUNS.get(noun)
        descriptors = self._person_descriptors()
        if gender is None and not any(_described_as(noun, nouns) for nouns in descriptors.values()):
            return None
        excluded = self._ids(_binder(tok, reflexive=False))

        def fits(entity: str) -> bool:
            if entity in excluded or self._type(entity) != "Person":
                return False
            return self._gender_of(entity) == gender if gender else _described_as(noun, descriptors.get(entity, ()))

        near = {link.referents[0] for link in self._window(first) if len(link.referents) == 1 and fits(link.referents[0])}
        untold = {r for link in self._window(first) for r in link.referents
                  if self._type(r) == "Person" and r not in excluded and self._gender_of(r) is None}
        if gender and untold:
            if near or len(untold) > 1 or any(c.dep_ in ("relcl", "acl") for c in tok.children):
                # "the man" after a person of untold gender and another: maybe either; "the man who
                # overthrew him": a clause says who he is, no one told before
                return None
            near = untold     # the one person in reach, of untold gender: the man the article means
        linked = self._linked_alone()
        if not near and gender is None:   # a description the article gave once reaches back further
            near = {entity for entity, tokens in linked.items() if tokens[0] < first.i and fits(entity)}
        if len(near) != 1:
            return None
        person = near.pop()
        tokens = linked[person]
        last = tokens[bisect.bisect_left(tokens, first.i) - 1]
        if any(_unnamed_one(t, noun, gender) for t in self.doc[last + 1:first.i]):
            return None   # "X ... a man threw a stone ... police arrested the man": that man, not X
        return (person,)


def _described_as(noun: str, nouns) -> bool:
    """Whether a person described by ``nouns`` is one "the NOUN" may mean: described so, or by a word of
    its kind ("the officer": "Colonel X"; coref.yaml kinds_of)."""
    return noun in nouns or not KINDS_OF.get(noun, frozenset()).isdisjoint(nouns)


def _unnamed_one(tok: Token, noun: str, gender: str | None) -> bool:
    """'a man', 'an engineer': an indefinite person of the description's noun (or of its gender, for
    "the man"), whom the description may stand for rather than the one named before."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
        return False
    if tok.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in tok.children):
        return False   # "X, a British engineer", "X is a lawyer": the named one described
    lemma = tok.lemma_.lower()
    return lemma == noun or (gender is not None and GENDER_NOUNS.get(lemma) == gender)


def nouns_describing(name: Token, inside_named) -> set[str]:
    """The common nouns an apposition, a predicate, an office told or a rank before ``name`` describe it by
    (``inside_named``: the tokens of the article's named mentions, which describe no one)."""
    heads = [c for c in name.children if c.dep_ == "appos" and c.i not in inside_named]
    # "X and Y, both engineers": a plural apposition of the coordination describes every member
    heads += [c for member in name.conjuncts for c in member.children
              if c.dep_ == "appos" and c.tag_ == "NNS" and c.i not in inside_named]
    if name.dep_ == "appos" and name.head.i not in inside_named:
        heads.append(name.head)
    if name.dep_ in ANY_SUBJECTS and name.head.lemma_ == "be":
        heads += [c for c in name.head.children if c.dep_ == "attr" and c.i not in inside_named]
    heads += offices_told(name)
    heads = [h for h in heads if h.pos_ == "NOUN"]
    # "Captain X", "border officer X": the title's head noun, the last word before the name (a rank the
    # gazetteer has no title for); its modifiers ("opposition leader X", "police officer X") describe no one
    before = [c for c in name.subtree if c.i < name.i and c.dep_ == "compound" and c.i not in inside_named and c.is_alpha]
    heads += [_title_head(before)] if before else []
    # (nor a collective, "X and Y, a Kenyan couple": it describes the list, which person_groups counts)
    return {h.lemma_.lower() for h in heads} - UNDESCRIBING - PERSON_COLLECTIVES.keys()


def _title_head(words: list[Token]) -> Token:
    """The head noun of the title words before a name, the last of them ("Captain X", "Major General X"),
    except where that word follows a title of its own of another kind ("Attorney General X", "Consul
    General X": an attorney and a consul, not generals, the last word standing after its noun)."""
    last = words[-1]
    if len(words) < 2:
        return last
    first = words[-2]
    pair = f"{first.lower_} {last.lower_}"
    if (first.lower_ in TITLES or pair in TITLES) and not any(
            first.lower_ in kind and last.lower_ in kind for kind in KINDS_OF.values()) \
            and any(last.lower_ in kind for kind in KINDS_OF.values()):
        return first
    return last


def gift_compound(tok: Token) -> Token | None:
    """'granted the captain asylum', parsed as the compound "the captain asylum": the gift's article, which
    opens the description (gift_recipients.py re-hangs it later, after coreference has run)."""
    gift = tok.head
    if tok.dep_ != "compound" or gift.dep_ != "dobj" or gift.head.lemma_ not in GIVING_LEMMAS or gift.lemma_ not in GIFT_NOUNS:
        return None
    return next((c for c in gift.lefts if c.dep_ == "det" and c.lower_ == "the" and c.i < tok.i), None)


def described_by_noun(span) -> bool:
    """Whether a resolved reference is a definite description by a singular common noun ("the engineer",
    "the man"): a person coref found, which no mention of the finder's own covers."""
    return span is not None and len(span) > 1 and span[0].lower_ == "the" and span[-1].tag_ == "NN"

