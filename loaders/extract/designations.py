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
#: verbs that designate one through a preposition ("agreed on Ana Ruiz as their candidate", "united behind X as")
DESIGNATING_THROUGH = {"agree": ("on", "upon"), "settle": ("on", "upon"), "decide": ("on", "upon"),
                       "unite": ("behind", "around"), "rally": ("behind", "around")}

#: entity labels of a prepositional object that is when, not whom ("agreed on Monday")
TIME_LABELS = frozenset({"DATE", "TIME"})


def designated(verb: Token) -> Token | None:
    """The one an "as" phrase on a designating verb describes: its direct object, or its passive
    subject; None for any other verb."""
    lemma = verb.lemma_.lower()
    if lemma not in DESIGNATING_VERBS and lemma not in DESIGNATING_THROUGH or modality.not_an_act(verb):
        return None   # (not "the party may choose X as its candidate")
    if lemma in DESIGNATING_THROUGH:
        # (not a day: "agreed on Monday on Ana Ruiz as their candidate")
        return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in DESIGNATING_THROUGH[lemma]
                     for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in TIME_LABELS), None)
    wanted = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "dobj"
    one = next((c for c in verb.children if c.dep_ == wanted), None)
    if one is not None and one.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head   # "X, whom the party had chosen as its candidate": the relative's antecedent
    return one
