"""Gapped clauses read from the words, where the parse of the clause before them is broken.

"Latvia declared two Russian diplomats persona non grata, Lithuania two and Estonia one", "Latvia
declared the Russian consul persona non grata and Estonia the Russian attaché", "Austria expelled a
Russian diplomat and Hungary a Belarusian one", "Peru recalled its ambassador from Caracas and Chile
its chargé d'affaires": each name after the clause with a remnant of its own (a count, or a noun
phrase: the object it acts on) repeats the verb with itself as subject.  The parser hangs such
remnants anywhere (on "grata", on a "from" phrase's object, as a number's compound), so they are read
from the words: the list must run from a comma or "and" after the verb to the sentence's end, and
every member is a proper name followed by its remnant and nothing else.  ``gapping.py`` decides which
names are states and what each remnant names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dated_verbs import DATE_LABELS
from .language import english_words
from .world import DEMONYM_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the word a count may carry after it ("Austria and Hungary one each")
EACH = "each"


def _count(tok: Token) -> bool:
    return tok.pos_ == "NUM" or tok.lower_ == "one" or tok.like_num


def _remnant_end(doc, i: int, end: int) -> tuple[int, Token | None, bool]:
    """(index after the remnant that starts at ``i``, its head word, whether it is a bare count)."""
    if i < end and _count(doc[i]) and doc[i].ent_type_ not in DATE_LABELS:
        j = i + 1
        if j < end and doc[j].lower_ == EACH:
            j += 1
        if j >= end or doc[j].text in (",", "and") or doc[j].is_punct:
            return j, doc[i], True
    # (a noun phrase opens with a determiner, a possessive or a count: "and Russia 20 Czech diplomats")
    if i >= end or not (doc[i].lower_ in english_words("remnant_openers") or _count(doc[i])):
        return i, None, False
    j = i + 1
    while j < end and (doc[j].pos_ in ("ADJ", "NOUN") or doc[j].lower_ == "one" or doc[j].lower_ in DEMONYM_WORDS
                       or (doc[j].pos_ == "PROPN" and j > i + 1)) \
            and doc[j].ent_type_ not in DATE_LABELS and doc[j].text not in (",", "and"):
        j += 1
    if j == i + 1:
        return i, None, False
    head = doc[j - 1]
    if head.pos_ == "PROPN" and head.lower_ in DEMONYM_WORDS:
        return i, None, False   # ("and Latvia the Russian": no noun)
    return j, head, False


def gapped_members(verb: Token) -> list[tuple[Token, Token, bool]]:
    """The members of a gapped list that ends the verb's sentence: (the name's last word, the remnant's
    head, whether the remnant is a bare count), or [] when the words after the verb hold no such list."""
    doc, end = verb.doc, verb.sent.end
    while end > verb.i + 1 and doc[end - 1].is_punct and doc[end - 1].text != ",":
        end -= 1   # (the sentence's closing stop)
    # (a separator a failed reading already went through ends every later reading there too: each word is
    # read once, linear in the sentence however long its lists)
    failed: set[int] = set()
    for start in range(verb.i + 2, end):
        if _opens_a_clause(doc[start]):
            break   # ("expelled two diplomats, citing Article 9 and Belarus 2": a list of the other clause's words)
        if doc[start].text not in (",", "and") or doc[start - 1].text == ",":
            continue
        members = _members_from(doc, start, end, failed)
        if members:
            return members
    return []


#: the relations of a verb that opens a clause of its own after the act's ("..., citing ...", "..., the
#: ministry said", "and closed a consulate"), not one inside its object ("two diplomats accused of spying")
CLAUSE_RELATIONS = frozenset({"advcl", "ccomp", "conj", "parataxis", "ROOT"})


def _opens_a_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSE_RELATIONS and token.ent_type_ not in DATE_LABELS


def _members_from(doc, i: int, end: int, failed: set[int]) -> list[tuple[Token, Token, bool]]:
    """The members from the separator at ``i`` to the sentence's end, or [] (every separator passed then
    added to ``failed``)."""
    members, passed = [], []
    while i < end:
        if doc[i].text not in (",", "and") or i in failed:
            failed.update(passed)
            return []
        passed.append(i)
        i += 1
        i += i < end and doc[i].lower_ == "and"
        i += i < end and doc[i].lower_ == "the" and i + 1 < end and doc[i + 1].pos_ == "PROPN"
        start = i
        while i < end and doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in DATE_LABELS and doc[i].lower_ not in DEMONYM_WORDS:
            i += 1
        if i == start:
            failed.update(passed)
            return []
        after, head, bare = _remnant_end(doc, i, end)
        if head is None:
            failed.update(passed)
            return []
        members.append((doc[i - 1], head, bare))
        i = after
    return members


def passive_members(verb: Token) -> list[tuple[Token, Token]]:
    """'Two diplomats were expelled by Latvia and one by Estonia': the counts after a passive verb's
    own "by" phrase, each with a "by" phrase of its own, to the sentence's end (an act noun's: to its
    phrase's end, "the expulsion of two diplomats by Latvia and one by Estonia drew ..."): (the name's
    last word, the count), or []."""
    doc, end = verb.doc, verb.right_edge.i + 1 if verb.pos_ == "NOUN" else verb.sent.end
    while end > verb.i + 1 and doc[end - 1].is_punct and doc[end - 1].text != ",":
        end -= 1
    first = next((t for t in doc[verb.i + 1:end] if t.lower_ == "by"), None)
    if first is None:
        return []
    i = first.i + 1
    while i < end and doc[i].text not in (",", "and"):
        i += 1
    members = []
    while i < end:
        i += doc[i].text == ","
        i += i < end and doc[i].lower_ == "and"
        if i >= end or not _count(doc[i]) or doc[i].ent_type_ in DATE_LABELS:
            return []
        count, i = doc[i], i + 1
        if i >= end or doc[i].lower_ != "by":
            return []
        i += 1
        i += i < end and doc[i].lower_ == "the" and i + 1 < end and doc[i + 1].pos_ == "PROPN"
        start = i
        while i < end and doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in DATE_LABELS:
            i += 1
        if i == start or (i < end and doc[i].text not in (",", "and")):
            return []
        members.append((doc[i - 1], count))
    return members
