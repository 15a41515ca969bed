"""A list line's label, a dateline and a timeline entry's date, each set apart from its text by a dash:
"Jordan — The kingdom recalled ...", "RANGOON — Burma's military rulers sentenced ...", "Jan 10,
2022 — Sentenced to four more years".  The parser takes such a label for the clause's subject, or
leaves a timeline entry's participle without one; these tests tell structure.py which it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


#: a list entry's label and its text are set apart by one of these ("Jordan — The kingdom ...")
LABEL_DASHES = frozenset({"—", "–", "-", ":"})


def dateline_subject(token: Token) -> bool:
    """A subject in capitals right before a dash, with the clause's real subject in apposition after it
    ("RANGOON — Burma's military rulers sentenced ...")."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_upper and len(token.text) > 2 and nxt is not None and nxt.text in LABEL_DASHES \
        and any(c.dep_ == "appos" and c.i > nxt.i for c in token.children)


def label_subject(token: Token) -> bool:
    """A subject whose phrase ends on a dash, before its verb: a label or a dateline ("BAMAKO, Jan 31 -")."""
    end = token.right_edge.i
    nxt = token.doc[end + 1] if end + 1 < len(token.doc) else None
    return token.i < token.head.i and (token.doc[end].text in LABEL_DASHES and end > token.i
                                       or (nxt is not None and nxt.text in LABEL_DASHES))


#: the marks between a timeline entry's date and its text ("Jan 10, 2022 — Sentenced to four years")
TIMELINE_DASHES = LABEL_DASHES | {"--"}


def timeline_entry(verb: Token) -> bool:
    """Whether a participle opens a timeline entry with its subject left out ("Jan 10, 2022 — Sentenced to
    four more years", "2015: Arrested and charged"): the one acted on is whom the timeline follows."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBN", "VBD") or verb.i < 2:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children):
        return False
    first = verb if verb.dep_ != "conj" else verb.head  # "2015 — Arrested and charged with terrorism"
    date = first.doc[first.i - 2] if first.i >= 2 else None  # ("2020: Charged with ...": a year the recogniser left bare)
    return date is not None and first.doc[first.i - 1].text in TIMELINE_DASHES \
        and (date.ent_type_ == "DATE" or (len(date.text) == 4 and date.text.isdigit() and date.text[:2] in ("18", "19", "20")))
