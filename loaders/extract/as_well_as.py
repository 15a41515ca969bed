"""'recalled its ambassadors from Israel as well as from Egypt', 'expelled German as well as Polish
diplomats': the small pipeline coordinates "and from Egypt", "German and Polish" (the second a
conjunct of the first), but leaves what follows "as well as" a sibling of the first (a second
preposition on the same head, a second adjective on the same noun), so the second party is lost.
The second is the first's conjunct again, "as well as" its coordinator.  A repair of
repairs.repair_token, tried on the last "as" of "as well as"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def second_after_as_well_as(mark: Token) -> bool:
    """Make the word after "as well as" the conjunct of the like word before it; whether done."""
    doc = mark.doc
    if mark.lower_ != "as" or mark.dep_ != "cc" or mark.i < 3 or mark.i + 1 >= len(doc) \
            or doc[mark.i - 1].lower_ != "well" or doc[mark.i - 2].lower_ != "as":
        return False
    second = doc[mark.i + 1]
    if second.dep_ == "prep" and second.pos_ == "ADP":
        holder = second.head if second.head != mark else mark.head
        # (the first phrase with the same preposition on the same head, or on the word "as" hangs on;
        # in this order: a set of tokens iterates in an order that changes from run to run)
        first = next((c for h in dict.fromkeys((holder, mark.head)) for c in h.children
                      if c.dep_ == "prep" and c.lower_ == second.lower_ and c.i < mark.i - 2), None)
        if first is None:
            return False
        second.head, second.dep_ = first, "conj"
        mark.head = first
        return True
    if second.dep_ == "amod" and mark.head.dep_ == "amod" and mark.head.i < mark.i and second.head == mark.head.head:
        second.head, second.dep_ = mark.head, "conj"
        return True
    # ("declared the consul X, as well as his deputy Y, persona non grata": the second noun phrase a sibling of
    # the first, with the same relation on the same word)
    first, phrase = mark.head, _phrase_at(second)
    if phrase is not None and phrase.pos_ in NOMINALS and first.pos_ in ("VERB", "AUX") and (
            (phrase.head == mark and phrase.dep_ == "pobj") or (phrase.head == first and phrase.dep_ in LOOSE_DEPS)):
        # ("arrested X, as well as his deputy Y, on Monday": "as" on the verb, the phrase its object or an
        # adverbial of the verb): the verb's object or subject told before the mark
        first = next((c for c in reversed(list(first.children)) if c.dep_ in ("dobj", "nsubjpass", "nsubj")
                      and c.i < mark.i - 2 and c.pos_ in NOMINALS), first)
        if first.pos_ in NOMINALS:
            phrase.head, phrase.dep_ = first, "conj"
            mark.head = first
            return True
    if phrase is not None and first.pos_ in NOMINALS and phrase.pos_ in NOMINALS and first.i < mark.i \
            and phrase.head == first.head and phrase.dep_ == first.dep_ and phrase != first.head:
        phrase.head, phrase.dep_ = first, "conj"
        return True
    return False


#: how the parser hangs a stray noun phrase on a verb ("arrested X as well as Y": Y an adverbial)
LOOSE_DEPS = frozenset({"advmod", "npadvmod", "dep", "appos"})
#: the parts of speech of a noun phrase's head
NOMINALS = ("NOUN", "PROPN")


def _phrase_at(word: Token) -> Token | None:
    """The head of the phrase that begins with ``word`` (itself, or the word it opens: "his" of "his deputy")."""
    head = word
    while head.head != head and head.head.left_edge.i == word.i and head.head.i > head.i:
        head = head.head
    return head if head.left_edge.i == word.i else None
