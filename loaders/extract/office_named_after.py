"""An office holder told first by the office, named just after: "Egypt's foreign minister resigned on
Monday. Sameh Khalil said he could no longer ..." — the person the next words name as the subject of
their clause is the holder, when nobody else is named between.

Used for acts whose agent can only be a person (a resignation, a candidacy): an unnamed office noun
there is nobody until the story names its holder.  Only a singular office noun whose state is told
("Egypt's", "the Egyptian", "of Egypt") or, told bare ("the interior minister"), is the state the story
is at home in (``HOME_OFFICES``), that no mention already resolves, and only the first person
named after it, in the next sentence, as the active subject of its main clause, with no other person
named in the office's own sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .names import TITLE_WORDS
from .speech_speakers import OFFICE_HOLDERS
from .tree import name_head

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .gazetteer import Mention
    from .mentions import TokenMentions

#: subject relations by which the next clause tells about the person it names
SUBJECT_DEPS = frozenset({"nsubj"})   # (not "X was named to replace him")


def _office_of_a_state(noun: Token, index: TokenMentions) -> bool:
    """'Egypt's foreign minister', 'the Egyptian interior minister', 'the foreign minister of Egypt'."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.lemma_.lower() not in OFFICE_HOLDERS:
        return False
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    modifiers += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if any((m := index.at(t)) is not None and m.type != "Person" for t in modifiers):
        return True
    # "NAIROBI — The interior minister resigned": an office told without its state is the dateline's, else
    # the state the story is at home in (never where two states are named as often)
    if not HOME_OFFICES or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            or any(c.dep_ == "poss" for c in noun.children):
        return False
    dateline = index.dateline_state() if index.dateline_state is not None else None
    return bool(dateline or (index.home_state and index.home_state_clear))


#: an office told with "the" and no state is the story's home state's (measured: rules and held-out flat)
HOME_OFFICES = True


def holder_named_after(noun: Token, index: TokenMentions) -> list[tuple[str, Mention]]:
    """The person named first in the sentence after an unnamed office noun of a state, as the subject
    of its main clause ([] when anyone else is named first, or in the office's own sentence)."""
    if index.at(noun) is not None or not _office_of_a_state(noun, index):
        return []
    doc = noun.doc
    sentence = noun.sent
    if any((m := index.at(t)) is not None and m.type == "Person" for t in sentence if t.i != noun.i):
        return []   # another person named in the office's own sentence ("..., and X was named to replace him")
    if sentence.end >= len(doc):
        return []
    for i in range(sentence.end, doc[sentence.end].sent.end):
        mention = index.at(doc[i])
        if mention is None or mention.type != "Person" or mention.kind != "name":
            continue
        head = name_head(doc[i])
        if head.dep_ not in SUBJECT_DEPS or head.head.dep_ != "ROOT":
            return []   # "... after X had criticised the deal", "X was named in his place": someone else, maybe
        titles = {t.lower_ for t in head.subtree if t.dep_ in ("compound", "appos", "amod") or t.head.dep_ == "appos"}
        if titles & (TITLE_WORDS | OFFICE_HOLDERS) or any(c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") for c in head.children):
            return []   # "Prime Minister X accepted the resignation", "X, a critic, ...": described as someone else
        return [(mention.entity, mention)]
    return []
