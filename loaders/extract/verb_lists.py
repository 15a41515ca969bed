"""A parse repair: the middle verb of a list of three acts read as an adverbial clause of the first.

"Police arrested, charged and jailed X", "X was detained, charged and later sentenced to ten years":
the small pipeline hangs the second verb on the first as an ``advcl`` (a participle adjoined to the
clause, "Charged with fraud, she fled") and the third on the second as its conjunct.  Read so, the
second verb is a passive whose patient is the first's subject ("police" charged), and the first verb
shares neither the object nor the place written after the last.  The three are one list: the second
is the first's conjunct, as in "arrested and charged X" (shared_conjuncts.py then gives the list what
follows its last member).  Registered in repairs._REPAIRS (verbs hung as adverbial clauses)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the tags of a list's members: past tenses and past participles ("arrested, charged and jailed")
_PAST = frozenset({"VBD", "VBN"})
#: what may stand between the first verb and the second: the list's comma, an adverb ("arrested, later charged")
_BETWEEN = frozenset({"punct", "advmod"})
#: what a second verb of its own clause has, which no list member has: a subject, a subordinator, an auxiliary
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj", "mark", "aux", "auxpass"})


def middle_of_verb_list(verb: Token) -> bool:
    """Make ``verb`` (an ``advcl`` past form right after its head verb and a comma, with a conjunct of its
    own after "and"/"or") its head's conjunct; whether a repair was made."""
    first = verb.head
    if verb.dep_ != "advcl" or verb.pos_ != "VERB" or verb.tag_ not in _PAST or first.pos_ != "VERB" \
            or first.tag_ not in _PAST or first.i >= verb.i:
        return False
    doc = verb.doc
    between = doc[first.i + 1:verb.i]
    if not between or between[0].text != "," or any(t.dep_ not in _BETWEEN for t in between) \
            or any(c.dep_ in _OWN_CLAUSE for c in verb.children):
        return False
    # (the list goes on: "..., charged and jailed X"; a participle alone after a comma is an adjunct,
    # "was detained on Monday, accused of treason")
    last = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in _PAST and c.i > verb.i
                 and any(doc[i].dep_ == "cc" for i in range(verb.i + 1, c.i))), None)
    if last is None or any(c.dep_ in _OWN_CLAUSE - {"aux", "auxpass"} for c in last.children):
        return False
    verb.dep_ = "conj"
    # (the object written after the last verb, which the parser may hang on the middle one as an adverbial
    # noun: "arrested, charged and jailed Luis Vega" with "Vega" an npadvmod of "charged")
    if not any(c.dep_ in ("dobj", "obj") for c in last.children):
        stray = next((c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and c.i == last.i + 1 + _left_words(c)
                      and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in ("DATE", "TIME")), None)
        if stray is not None:
            stray.head, stray.dep_ = last, "dobj"
    return True


def _left_words(token: Token) -> int:
    """How many words of its own phrase stand before the token ("Luis" before "Vega")."""
    return token.i - token.left_edge.i
