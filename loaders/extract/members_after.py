"""'declared seventeen diplomats persona non grata, among them the envoys of X, Y and Z': the members a
phrase after a plural group noun names ("among them", "including"), wherever in the noun's clause the
parser hung it (on the verb, on the small clause of a fixed phrase, on the noun).  The role fillers
read them when the group noun itself names no one (frame_roles.role_fillers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import structure, tree

if TYPE_CHECKING:
    from spacy.tokens import Token

#: prepositions that open a list of a group's members
MEMBER_PREPS = frozenset({"among", "including"})
#: pronouns after "among" that stand for the group ("among them")
GROUP_PRONOUNS = frozenset({"them", "those", "whom"})


def members_listed_after(noun: Token) -> list[Token]:
    """The members named in the first "among them" / "including" phrase after a plural noun, set off by
    a comma, in its sentence, with no other plural noun between (whose members they would be)."""
    if noun.tag_ != "NNS" or noun.pos_ != "NOUN":
        return []
    doc, end = noun.doc, noun.sent.end
    for t in doc[noun.i + 1:end]:
        if t.tag_ == "NNS" and t.pos_ == "NOUN" and t.head != noun and t.lower_ not in structure.PHRASE_WORDS:
            return []   # ("expelled two diplomats and three journalists, including X": the journalists')
        if t.lower_ not in MEMBER_PREPS or t.dep_ != "prep" or doc[t.i - 1].text != ",":
            continue
        members = [g for g in t.children if g.dep_ == "pobj" and g.lower_ not in GROUP_PRONOUNS]
        return [m for g in members for m in tree.fan_out(g)]
    return []
