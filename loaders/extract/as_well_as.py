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
    return False
