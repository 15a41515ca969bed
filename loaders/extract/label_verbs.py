"""The verb that opens a list line after its label: "* BOLIVIA - Cut diplomatic relations with
Israel ...", "TURKEY - Recalled its ambassador ...".  A factbox's or a list of reactions' line leaves
out its subject (the label is it: line_headings.py), and the small pipeline, seeing a capitalised
word where a sentence's subject stands, reads the verb as a proper noun ("Recalled" NNP, with the
object as its own) or as an adjective on its object ("Cut" on "relations"), so the act is lost.
Right after a line label, a past form of a verb the frames read heads the line's clause again, its
object the noun it was hung on.  A repair of repairs.repair_token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_index import line_start
from .frame_file import frames_for
from .line_headings import HEADING_ENDS, _heading, last_word
from .relation_participles import past_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what the misread verb may be: a proper noun heading the line, or a modifier of its object
MISREAD = frozenset({("PROPN", "ROOT"), ("NOUN", "ROOT"), ("VERB", "amod"), ("ADJ", "amod"), ("PROPN", "compound"),
                     ("NOUN", "compound"), ("VERB", "compound")})
#: the modifier's dependants that stay on its object ("relations with Israel", "the envoys of ...")
OBJECT_OWN = frozenset({"det", "amod", "compound", "poss", "nummod", "quantmod", "appos", "relcl", "acl"})
OBJECT_PREPS = frozenset({"with", "of", "to", "between"})


def verb_after_line_label(token: Token) -> bool:
    """Re-read a past form right after a line's label as the line's verb; whether a repair was made."""
    if (token.pos_, token.dep_) not in MISREAD or token.i < 2:
        return False
    doc = token.doc
    lemma = past_lemma(token.lower_, frames_for(doc.lang_).verb_words)   # (only a verb the frames read)
    if lemma is None:
        return False
    start = line_start(token)
    if (last := last_word(doc, start, token.i)) is None or last.text not in HEADING_ENDS:
        return False
    before = [t for t in doc[start:token.i] if not t.is_space]
    if len(before) < 2 or _heading(before[:-1]) is None:
        return False
    if token.dep_ == "ROOT":
        if not any(c.dep_ == "dobj" for c in token.children):
            return False   # a proper noun heading a line of its own is a name, not a verb
    else:
        obj = token.head
        if obj.i < token.i or obj.pos_ not in ("NOUN", "PROPN") or obj.dep_ != "ROOT":
            return False
        token.head, token.dep_ = token, "ROOT"
        for c in list(obj.children):
            if c.i < token.i or (c.dep_ not in OBJECT_OWN and not (c.dep_ == "prep" and c.lower_ in OBJECT_PREPS)):
                c.head = token   # the bullet, the label and the line's adjuncts: the verb's
        obj.head, obj.dep_ = token, "dobj"
        for t in doc[start:token.i]:
            if t.head.i == obj.i:
                t.head = token
    token.pos_, token.tag_, token.lemma_ = "VERB", "VBD", lemma
    return True
