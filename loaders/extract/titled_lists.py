"""'Defence Minister Ana Ruiz and Finance Minister Luis Vega resigned', 'Foreign Minister X and Interior
Minister Y were arrested': two persons, each with a title of capitalised words before the name, joined
by "and".  The small pipeline misreads such a run of proper nouns (the second title made the first
name's conjunct and the second name an apposition; or the first name a modifier of the second title),
and the list loses one of its members.  Rebuilt here as two names, each with its title as compounds,
the second the first's conjunct, the first where the run hung on the clause.  The same for two
untitled names of persons ("declared them persona non grata: Ivan Sokolov and Pavel Orlov", the
first name made a modifier of the second's last word, ``name_pair``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .names import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: how many words a name after its title may have ("Luis Vega", "Luis Alberto Vega Soto")
NAME_WORDS = 4


def _titled_name(tokens: list[Token]) -> int | None:
    """The index in ``tokens`` (capitalised words in order) after which the name starts: the last
    title word with one to NAME_WORDS name words after it, none of them a title word; else None."""
    titles = [k for k, t in enumerate(tokens) if t.lower_ in TITLE_WORDS]
    if not titles:
        return None
    last = titles[-1]
    names = len(tokens) - last - 1
    return last if 1 <= names <= NAME_WORDS else None


def _runs_around(cc: Token) -> tuple[list[Token], list[Token]] | None:
    """The runs of two or more proper nouns right before and right after an "and", or None."""
    if cc.lower_ != "and" or cc.i < 2:
        return None
    doc = cc.doc
    start = cc.i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    end = cc.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    left, right = list(doc[start:cc.i]), list(doc[cc.i + 1:end])
    if len(left) < 2 or len(right) < 2 or (right[-1].dep_ == "conj" and right[-1].head.i == left[-1].i):
        return None   # (one side a single word, or read right already)
    return left, right


def titled_pair(cc: Token) -> bool:
    """Rebuild "Title Name and Title Name" as two conjoined names; whether a repair was made."""
    runs = _runs_around(cc)
    if runs is None:
        return False
    left, right = runs
    if _titled_name(left) is None or _titled_name(right) is None:
        return False
    return _rebuild(cc, left, right)


def name_pair(cc: Token) -> bool:
    """Rebuild "Ivan Sokolov and Pavel Orlov" (no titles, at most NAME_WORDS words each, one of them a
    person to the tagger) as two conjoined names, where the parser hung the first name and the second's
    first word on the second's last word (the list read as one name); whether a repair was made."""
    runs = _runs_around(cc)
    if runs is None:
        return False
    left, right = runs
    second = right[-1]
    if len(left) > NAME_WORDS or len(right) > NAME_WORDS or any(t.lower_ in TITLE_WORDS for t in left + right) \
            or not any(t.ent_type_ == "PERSON" for t in left + right):
        return False
    if left[-1].head.i == second.i:
        return _rebuild(cc, left, right)
    if all(t.ent_type_ == "PERSON" for t in left + right):
        # "Olga Ivanova and Pavel Sidorov work as ...": both names persons to the recogniser, the parser
        # hung each on the clause's head apart (one as a modifier, one as a compound): the list is one
        # phrase where its first name hangs, and the clause's subject where it opens the sentence
        return _rebuild(cc, left, right, split=True)
    return False


def _rebuild(cc: Token, left: list[Token], right: list[Token], split: bool = False) -> bool:
    """The run as two names, the second the first's conjunct, the first where the run hung (``split``:
    the run hung by two or more words, all on one head: the first of them decides)."""
    start, end = left[0].i, right[-1].i + 1
    doc = cc.doc
    first, second = left[-1], right[-1]
    run = range(start, end)
    outside = [t for t in doc[start:end] if t.head.i not in run or t.head.i == t.i]
    if not outside or (len(outside) != 1 and not split) or len({t.head.i for t in outside}) != 1 \
            or any(t.dep_ == "ROOT" for t in outside):
        return False
    head, dep = outside[0].head, outside[0].dep_
    if split and start == head.sent.start and head.i >= end and head.dep_ == "ROOT":
        dep = "nsubj"
    first.head, first.dep_ = head, dep
    for t in left[:-1]:
        t.head, t.dep_ = first, "compound"
    cc.head, cc.dep_ = first, "cc"
    second.head, second.dep_ = first, "conj"
    for t in right[:-1]:
        t.head, t.dep_ = second, "compound"
    return True
