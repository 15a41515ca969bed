"""The persons a role's words name besides its head that the gazetteer may lack, minted (frame_roles.py):
the rest of a list known only in part ("two women, Ana Ruiz and Doan Thi Hoa"), the members named after a
group ("several ministers, among them X and Y"), a relative named in apposition ("his brother X"), and a
name of a list of states the registry lacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import tree
from .frame_file import KIND_TYPES
from .gazetteer import Mention
from .mentions import TokenMentions

if TYPE_CHECKING:
    from spacy.tokens import Token


def kin_listed(head: Token, index: TokenMentions, mint: Callable, exclude: set[str]) -> list[tuple[str, Mention]]:
    """'charged Nawaz Khan, his brother Shahbaz Khan and five others': a named person's "apposition"
    that is someone's relative or aide with a name of its own is the next person of a list (also on a
    described person named in apposition, "the former minister X, his wife Y and his son Z", and the
    named members listed after it: the parser hangs the rest of the list on the relative's name)."""
    if head.pos_ != "PROPN" and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return []
    out: list[tuple[str, Mention]] = []
    for noun in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        if not any(c.dep_ == "poss" for c in noun.children):
            continue  # "X, the former minister": X himself
        for name in (c for c in noun.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > noun.i):
            for member in (m for m in tree.fan_out(name) if m.pos_ == "PROPN"):   # (an unnamed "his son": no one)
                found = index.fill(member, ["person"]) or mint(member, KIND_TYPES["person"])
                out += [f for f in found[:1] if f[0] not in exclude | {o[0] for o in out}]
    return out


def names_of(head: Token) -> list[Token]:
    """A noun and the words that name who it is: its appositions, and the names after "named as" /
    "identified as" ("two men, named as X and Y")."""
    # ("Twelve people were charged, including the former ministers X and Y": the phrase on the verb)
    holders = [head] + ([head.head] if head.dep_ in ("nsubjpass", "dobj") and head.head.pos_ == "VERB" else [])
    listed = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("including", "among")
              for g in c.children if g.dep_ == "pobj"]
    # ("charged eleven people, among them X", "warrants for six officials, among them X": the name the
    # parser hangs on the verb, its "among them" inside)
    verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    after = head.right_edge.i + 1   # (the comma)
    doc = head.doc
    if head.dep_ in ("dobj", "nsubjpass", "pobj") and verb.pos_ == "VERB" and after + 2 < len(doc) \
            and doc[after].text == "," and doc[after + 1].lower_ in ("among", "including"):
        # (or the parser's second object after "among them": "..., among them the former minister X")
        starts = {after + 1} | ({after + 3} if doc[after + 2].lower_ == "them" else set())
        listed += [t for t in verb.children if t.i > after and t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("advmod", "npadvmod", "dobj")
                   and t.left_edge.i in starts]
    elif head.dep_ == "pobj" and verb.pos_ == "VERB" and after + 1 < len(doc) and doc[after].text == "," \
            and (head.pos_ == "NUM" or any(c.dep_ == "nummod" for c in head.children)):
        # "warrants for two of the plotters, X and Y": the names of a counted group, hung on the verb
        listed += [t for t in verb.children if t.i > after and t.pos_ == "PROPN" and t.dep_ in ("npadvmod", "appos")
                   and t.left_edge.i == after + 1]
    return [head] + [c for c in head.children if c.dep_ == "appos"] + listed + [
        a for g in listed if g.pos_ == "NOUN" for a in g.children if a.dep_ == "appos"] + [
        g for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in ("name", "identify")
        for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]


def unknown_conjuncts(head: Token, index: TokenMentions, mint: Callable, types: tuple[str, ...] | None,
                       exclude: set[str]) -> list[tuple[str, Mention]]:
    """'severed relations with Syria, Iraq and South Yemen': a name of the list the registry lacks is
    minted as it would be alone, though the other names were known."""
    out: list[tuple[str, Mention]] = []
    listed = list(tree.fan_out(head))
    for conj in listed if len(listed) > 1 else []:
        if conj.pos_ == "PROPN" and index.at(conj) is None:
            out += [f for f in mint(conj, types) if f[0] not in exclude | {o[0] for o in out}]
    return out


def members_named_after(head: Token, index: TokenMentions, mint: Callable, exclude: set[str]) -> list[tuple[str, Mention]]:
    """'detaining the premier, X, along with several ministers, among them Y and Z': the persons named as
    members of a group acted on beside a person the gazetteer knows, known or not (only the names after
    "among them" / "including", not the head's own appositions, which name the head itself)."""
    own = {head.i} | {c.i for c in head.children if c.dep_ == "appos"}
    out: list[tuple[str, Mention]] = []
    for member in (t for t in names_of(head) if t.i not in own and t.pos_ == "PROPN"):
        for conj in (c for c in tree.fan_out(member) if c.pos_ == "PROPN"):
            found = index.fill(conj, ["person"]) or mint(conj, KIND_TYPES["person"])
            out += [f for f in found[:1] if f[0] not in exclude | {o[0] for o in out}]
    return out


def unknown_listed(head: Token, index: TokenMentions, mint: Callable, exclude: set[str]) -> list[tuple[str, Mention]]:
    """The persons of a list the gazetteer knows only in part ("two women, Ana Ruiz and Doan Thi Hoa"):
    each name of the list no mention covers is minted."""
    out: list[tuple[str, Mention]] = []
    for one in names_of(head):
        for conj in list(tree.fan_out(one))[1:]:
            if conj.pos_ == "PROPN" and index.at(conj) is None:
                out += [f for f in mint(conj, KIND_TYPES["person"]) if f[0] not in exclude | {o[0] for o in out}]
    return out
