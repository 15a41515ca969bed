"""Persons named in a list with persons already known: "the opposition figures Cristiana Chamorro,
Arturo Cruz and Félix Maradiaga", "the activists Joshua Wong, Agnes Chow and Ivan Lam".  A first name
no list of the world's names holds leaves one member of the list unfound, and then "the three
leaders", "the trio" or "they" count a list one short and stand for no one.

A name coordinated with (or set beside, by the parser, as an apposition of) a name the finders
already took for a person's is a person's too: a list of persons has persons for members.  The name
must pass the tests ``described_persons`` asks of a name found by its description (two to four
capitalised words, none a place, a body, a title or a date the gazetteer or the recogniser knows).
A mixin of ``pipeline._Extractor``, run once per article after the other person finders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import tree
from .described_persons import cut_short, name_words, not_a_name
from .gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Token


class ListedNames:
    """Persons found as members of a list of persons (a mixin of the extractor)."""

    def _persons_listed(self) -> None:
        known: set[str] | None = None
        for token in tree.tokens(self.doc):
            if token.pos_ != "PROPN" or token.dep_ in ("compound", "flat"):
                continue   # (only the last word of a name heads it)
            members = list(token.conjuncts)
            if token.dep_ == "appos" and token.head.pos_ == "PROPN":
                members += [token.head, *token.head.conjuncts]
            if not any(m.i != token.i and self._names_a_person(m) for m in members):
                continue
            words = name_words(token)
            if len(words) == 1 and (shared := self._shared_family_name(token)) is not None:
                # "Tom and Mary Otieno": the first name before "and" is a person of the family name after it
                name = f"{token.text} {shared}"
                if known is None:
                    known = self.gaz.folded_names()
                if fold(name) not in known and token.text not in self.gaz.surfaces:
                    self._mint_person(name, {token.text}, known)
                continue
            if not 2 <= len(words) <= 4 or cut_short(words, False):
                continue
            # "Kevin Garratt and Julia Garratt": the family name is a surface already, the other member's
            # surname; her own given name makes her another person (minted without the shared surname)
            shared = self._family_name_of_member(words, members, token)
            if not_a_name(words[:-1] if shared else words, self.gaz.surfaces):
                continue
            name = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
            if known is None:
                known = self.gaz.folded_names()
            if fold(name) in known or name in self.gaz.surfaces:
                continue
            self._mint_person(name, {words[-1].text} if len(words[-1].text) >= 3 and not shared else set(), known)

    def _family_name_of_member(self, words: list[Token], members: list[Token], token: Token) -> bool:
        """Whether the name's last word is a surface only as the surname of a person named in the same list
        ("Kevin Garratt and Julia Garratt"), the name's other words not that person's."""
        last = words[-1]
        targets = self.gaz.surfaces.get(last.text, ())
        if not targets or any(self.gaz.resolve(t).type != "Person" for t, _ in targets):
            return False
        return any(m.i != token.i and m.text == last.text and self._names_a_person(m)
                   and [w.text for w in name_words(m)[:-1]] != [w.text for w in words[:-1]] for m in members)

    def _shared_family_name(self, first: Token) -> str | None:
        """'Tom and Mary Otieno', 'Ana and Luis Vega': a lone first name the recogniser takes for a person's,
        right before "and" and a person's full name, shares that name's last word (a couple, siblings);
        None otherwise (nor for a word that names something else: "Peru and Ana Ruiz")."""
        doc = first.doc
        if first.ent_type_ != "PERSON" or first.i + 3 >= len(doc) or doc[first.i + 1].lower_ != "and" \
                or not_a_name([first], self.gaz.surfaces):
            return None
        other = next((m for m in first.conjuncts if m.i > first.i), None)
        if other is None or not self._names_a_person(other):
            return None
        words = name_words(other)
        return words[-1].text if len(words) == 2 and words[0].i == first.i + 2 else None

    def _names_a_person(self, head: Token) -> bool:
        """Whether the name ending at ``head`` is one the finders took for a person's."""
        words = name_words(head)
        name = self.text[words[0].idx:head.idx + len(head.text)]
        return any(self.gaz.resolve(target).type == "Person" for target, _ in self.gaz.surfaces.get(name, ()))
