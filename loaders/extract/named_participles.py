"""A participle set off by commas after a name tells what the named one does: "Petar Ivanov, running for
president as an independent, spoke in Sofia", "Ana Ruiz, seeking asylum, entered the embassy".  The
parser hangs the participle on the name (acl); a bare gerund on a noun elsewhere names a kind of act
("a policy of granting asylum"), so only the comma before it and the name it hangs on make it an act,
with the name as its subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def participle_on_name(token: Token) -> Token | None:
    """The proper name a present participle right after its comma hangs on ("X, running for president, ..."),
    or None (no comma before it, no name, a participle with its own subject or auxiliary)."""
    if token.tag_ != "VBG" or token.dep_ != "acl" or token.i == 0 or token.doc[token.i - 1].text != ",":
        return None
    name = token.head
    if name.pos_ != "PROPN" or name.i > token.i or any(c.dep_ in ("nsubj", "aux", "mark") for c in token.children):
        return None
    return name
