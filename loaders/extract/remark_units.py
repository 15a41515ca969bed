"""How many Statements one clause of speech makes.

A speaker's second remark in one clause: "X called the move '...' and accused Y of ...", "X said
... and urged Y to ...".  A coordinated speech verb that accuses or demands, and names whom it
accuses or what party it presses, is a speech act of its own (the codebook's accusation or demand),
so it makes a Statement of its own; a coordinated "and said ...", "and called for his release" goes
on with the first remark (one Statement).

Functions over a spaCy ``Doc`` and character offsets; ``statements.py`` makes the Statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .speech import speech_class
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: speech-act classes (speech_acts.yaml) whose verb, coordinated after another speech verb, makes a
#: remark of its own when it names a party: an accusation of someone, a demand on someone
SEPARATE_CLASSES = frozenset({"accuse", "demand"})
#: the speech-act classes (speech_acts.yaml) that judge a party: a second remark of any of them about another party
JUDGING_CLASSES = frozenset({"accuse", "demand", "condemn", "reject", "defend", "praise", "warn"})
#: the first verb's dependents whose named words are what its remark is about
TOLD_DEPS = frozenset({"dobj", "dative", "prep", "ccomp", "xcomp", "oprd"})
#: prepositions by which a demand names the party pressed ("appealed to X", "called on X")
PRESSED_PREPOSITIONS = frozenset({"to", "on"})
#: the dependents of a noun that name it ("the Bolivian government", "the Canadian authorities")
NAMING = frozenset({"compound", "amod"})
#: "... and called Y's decision '...'": a second speech verb of the same speaker before a second quotation
COORDINATED_SPEECH = re.compile(r"\band\s+(?:also\s+)?(?:called|said|described|labell?ed|branded|rejected|accused|condemned|"
                                r"denounced|criticized|criticised|warned|added|stated|insisted|urged|termed)\b", re.IGNORECASE)


def _pressed(verb: Token) -> list[Token]:
    """Whom the verb accuses or presses: its object, a prepositional object ("appealed to X"), or
    the subject of the clause it demands ("demanded that Ottawa act")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    out += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in PRESSED_PREPOSITIONS
            for g in c.children if g.dep_ == "pobj"]
    out += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in SUBJECTS]
    return out


def second_remark_verbs(doc: Doc, verb_at: int, end: int, names_actor: Callable[[Token], bool]) -> list[int]:
    """Offsets of the speech verbs coordinated with the one at ``verb_at`` (up to ``end``) that make
    a remark of their own: no subject of their own, and either a class that accuses or demands and
    differs from the first verb's, with a party named as whom they accuse or press (``names_actor``),
    or a verb that judges a party the first verb's words do not name ("condemned the expulsion and
    thanked Brazil", "condemned Lima's decision and criticised the OAS": a remark about another)."""
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ != "VERB":
        return []
    first = span[0]
    kind = speech_class(first)

    def parties(verb: Token, deps: frozenset[str]) -> set[str]:
        # ("demanded his release": the party itself, not the possessor of an act)
        return {t.lower_ for noun in _pressed(verb) for t in [noun, *(c for c in noun.children if c.dep_ in deps)]
                if names_actor(t)}

    told_first = {t.lower_ for c in first.children if c.dep_ in TOLD_DEPS for t in c.subtree if names_actor(t)}
    out = []
    for verb in first.conjuncts:
        if verb.i <= first.i or verb.idx >= end or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        second = speech_class(verb)
        if second in SEPARATE_CLASSES and second != kind:
            if parties(verb, NAMING):
                out.append(verb.idx)
        elif kind is not None and second in JUDGING_CLASSES:
            judged = parties(verb, NAMING)
            if judged and not judged & told_first:
                out.append(verb.idx)
    return out


def remark_segments(doc: Doc, sentence_start: int, text: str, verb_at: int, quote: re.Match | None,
                    quotes: list, cues: set[int], names_actor: Callable[[Token], bool]) -> list[tuple[int, re.Match | None]]:
    """The remarks of one speaker's clause as (speech verb offset, its quotation or None), offsets in
    ``text`` (the sentence's, which starts at ``sentence_start`` in the document): the first speech
    verb's; each coordinated speech verb with a quotation of its own ("X rejected the declaration as
    '...' and called Y's decision '...'"); each coordinated verb that accuses or presses a party
    (``second_remark_verbs``; only among the speech ``cues`` that speak)."""
    segments = [(verb_at, quote)]
    if quote is not None:
        for later in quotes[1:]:
            coordinated = list(COORDINATED_SPEECH.finditer(text, segments[-1][1].end(), later.start()))
            if coordinated and segments[-1][0] < coordinated[-1].start():
                segments.append((coordinated[-1].start(), later))
    quoted = [(s, q.end()) for s, q in segments if q is not None]
    for at in second_remark_verbs(doc, sentence_start + verb_at, sentence_start + len(text), names_actor):
        at -= sentence_start
        if at in cues and not any(s <= at < e for s, e in quoted) and all(s != at for s, _ in segments):
            segments.append((at, None))
    return sorted(segments, key=lambda s: s[0])



#: dependents by which a speech verb tells what was said: a clause, a predicate ("called it X"), a
#: manner ("rejected it as X"), a participle ("..., saying ...")
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "advcl", "parataxis", "acomp"})


def remark_without_words(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] tells a remark without its words: its main verb a speech verb with an
    object and nothing said ("X defended the embassy's stand.", "Y welcomed the measures."), no
    quotation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.is_quote for t in span):
        return False
    verb = span.root
    if verb.pos_ != "VERB" or speech_class(verb) is None or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    told = [t for c in verb.children if c.dep_ not in ("nsubj", "punct") for t in c.subtree]
    return not any(t.dep_ in CONTENT_DEPS or t.dep_ == "prep" and t.lower_ == "as" or t.dep_ == "conj" and t.pos_ == "VERB"
                   for t in told)
