"""'The party chose Ana Ruiz as its candidate', 'Ana Ruiz was nominated as the party's candidate':
after a verb of designation, an "as" phrase describes the one designated (the object, or the
subject of the passive), not the one who designates.  Other verbs' "as" phrases describe their
subject ("she won the election as the candidate of ...": structure.described, which also leaves
out a designating verb that is no act: "the party may choose X as its candidate")."""
from __future__ import annotations

from typing import TYPE_CHECKING

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


def is_designating(verb: Token) -> bool:
    """Whether a verb designates ("chose X as", "agreed on X as"), by its lemma."""
    lemma = verb.lemma_.lower()
    return lemma in DESIGNATING_VERBS or lemma in DESIGNATING_THROUGH


def designated(verb: Token) -> Token | None:
    """The one an "as" phrase on a designating verb describes: its direct object, or its passive
    subject; None for any other verb.  Whether the verb is an act at all ("may choose X as") is
    structure.described's question: asked here, it made designations, modality and structure a cycle."""
    lemma = verb.lemma_.lower()
    if not is_designating(verb):
        return None
    if lemma in DESIGNATING_THROUGH:
        # (not a day: "agreed on Monday on Ana Ruiz as their candidate")
        return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in DESIGNATING_THROUGH[lemma]
                     for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in TIME_LABELS), None)
    wanted = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "dobj"
    one = next((c for c in verb.children if c.dep_ == wanted), None)
    if one is not None and one.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head   # "X, whom the party had chosen as its candidate": the relative's antecedent
    return one


def as_on_plain_object(prep: Token) -> bool:
    """Whether an "as" the parser hung on a verb's object belongs to the verb ("won the election as the candidate
    of X": "as" on "election"): the object is a plain common noun, with no one's name, possessor or "of" phrase that
    the "as" phrase could describe instead ("criticised the nomination of X as the candidate"); not on a designating
    verb, whose "as" describes its object."""
    obj = prep.head
    if obj.dep_ != "dobj" or obj.pos_ != "NOUN" or obj.head.pos_ != "VERB" or is_designating(obj.head):
        return False
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in obj.children)
