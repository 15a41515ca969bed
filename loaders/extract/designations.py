"""'The party chose Ana Ruiz as its candidate', 'Ana Ruiz was nominated as the party's candidate':
after a verb of designation, an "as" phrase describes the one designated (the object, or the
subject of the passive), not the one who designates.  Other verbs' "as" phrases describe their
subject ("she won the election as the candidate of ...": descriptive_nouns.described, which also leaves
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
    descriptive_nouns.described's question: asked here, it made designations, modality and structure a cycle."""
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


def named_by_second_object(noun: Token) -> Token | None:
    """'The party named Ana Ruiz its candidate', 'Ana Ruiz was named the party's candidate': a noun that is
    a designating verb's second object (no "as") describes the first one, or the passive's subject; None
    where the noun is the verb's only object ("named candidates in ten districts").  The first object is a
    name: a pronoun there ("named him its candidate") was measured to add a false alarm on the held-out half
    and no event."""
    verb = noun.head
    # (the parser's apposition with no comma: "may name [Ana Ruiz] [its candidate]", the second object)
    if noun.dep_ == "appos" and verb.dep_ in ("dobj", "dative") and noun.i > verb.i \
            and not any(t.is_punct for t in noun.doc[verb.i + 1:noun.i]):
        return verb if verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in DESIGNATING_VERBS else None
    if noun.dep_ not in ("oprd", "dobj", "attr") or verb.pos_ != "VERB" or verb.lemma_.lower() not in DESIGNATING_VERBS:
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return next((c for c in reversed(list(verb.children)) if c.i < noun.i and c.dep_ in ("dobj", "oprd", "dative")
                 and c.pos_ == "PROPN"), None)
