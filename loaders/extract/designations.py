"""'The party chose Ana Ruiz as its candidate', 'Ana Ruiz was nominated as the party's candidate':
after a verb of designation, an "as" phrase describes the one designated (the object, or the
subject of the passive), not the one who designates.  Other verbs' "as" phrases describe their
subject ("she won the election as the candidate of ...": structure.described)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import modality

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs whose "as" phrase names what their object is made or chosen to be
DESIGNATING_VERBS = frozenset({
    "choose", "pick", "select", "nominate", "name", "designate", "appoint", "elect", "endorse",
    "field", "confirm", "proclaim", "present", "propose", "put", "register", "tap", "unveil", "back",
})


def designated(verb: "Token") -> "Token | None":
    """The one an "as" phrase on a designating verb describes: its direct object, or its passive
    subject; None for any other verb."""
    if verb.lemma_.lower() not in DESIGNATING_VERBS or modality.not_an_act(verb):
        return None   # (not "the party may choose X as its candidate")
    wanted = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "dobj"
    one = next((c for c in verb.children if c.dep_ == wanted), None)
    if one is not None and one.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head   # "X, whom the party had chosen as its candidate": the relative's antecedent
    return one
