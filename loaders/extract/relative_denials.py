"""Denials told in a relative clause after an accusation: "Lini accused French officials of
encouraging the secession, which Paris has denied", "accusing it of seizing land, which Pretoria
denies", "prosecutors accused her of fraud, a charge she denies", "a claim rejected by Moscow".

The relative clause's subject (or, in a passive, the "by" phrase) denies what the accuser said: a
Statement of the denier (codebook: a denial is a Statement) about the accuser, the subject of the
speech verb the denied words depend on ("accused", "said"; a participle's subject is that of the verb it
hangs on), or the possessor of the accusation noun ("Lima's charge, which Santiago rejects").  The
Statement coder reads a sentence's first speech verb (the accusation) and leaves the relative clause's
one; a denial it coded itself (its first cue: "questioned him about allegations, which he denied")
stays its own.  Nothing is coded where the accuser is unnamed ("on charges of corruption, which he
denies"), the denial negated or modal ("which Lima does not deny"), or the relative's object a noun
of its own ("a man who denies the charges").

``RelativeDenials`` is a part of the pipeline's extractor (mixed into ``pipeline._Extractor``); the
driver runs ``_relative_denials`` once, after the acts' grounds are coded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import stages
from .events import Event, _evidence
from .modality import has_modal
from .speech import speech_lexicon
from .spoken_acts import ACCUSATION_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: code denials told in a relative clause?
RELATIVE_DENIALS = True
#: the speech-act classes (speech_acts.yaml) of the denying verb
DENYING_CLASSES = frozenset({"reject"})
#: the classes of the verb whose words are denied: an accusation ("said X was ..., which Y denies" measured: held-out +1 false alarm)
DENIED_CLASSES = frozenset({"accuse"})
#: nouns of words another said, which a relative clause may deny ("a charge she denies", "a claim Moscow rejects")
CLAIM_NOUNS = frozenset(ACCUSATION_NOUNS | {"claim"})
#: relative pronouns that stand for what is denied
RELATIVE_OBJECTS = frozenset({"which", "that"})
#: the relations through which a denied clause's words reach the verb that said them (its complements,
#: prepositions and the nouns in them): "accused X of [seizing land from farmers], which ..."
INSIDE_WORDS = frozenset({"pobj", "prep", "pcomp", "dobj", "ccomp", "xcomp", "conj", "compound", "amod", "acomp",
                          "attr", "nsubj", "nsubjpass", "npadvmod", "appos", "relcl", "acl", "advmod"})
#: the relations of a participle (or conjunct) whose subject is that of the verb it hangs on
SHARED_SUBJECT = frozenset({"advcl", "conj", "xcomp"})
SPEAKER_KINDS = ["person", "state", "organisation"]
DENIAL_CONFIDENCE = 0.55


def denied_words(token: Token) -> Token | None:
    """Where the words ``token`` denies hang, if it denies in a relative clause: the noun of the clause
    ("which Paris has denied", "a charge she denies", "a claim rejected by Moscow"), or the accusing clause the
    parser hung on the denying verb ("X accused Y of Z, a charge W denies": "denies" read as the root);
    None where it is negated or modal or has an object of its own."""
    if token.pos_ != "VERB" or speech_lexicon().classes.get(token.lemma_.lower()) not in DENYING_CLASSES \
            or any(c.dep_ == "neg" for c in token.children) or has_modal(token):
        return None
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if token.dep_ in ("relcl", "acl"):
        if objects:
            return token.head if len(objects) == 1 and objects[0].lower_ in RELATIVE_OBJECTS else None
        # no object: the noun it hangs on is what is denied ("a charge she denies", "a claim rejected by X")
        return token.head if token.head.lemma_.lower() in CLAIM_NOUNS else None
    noun = objects[0] if len(objects) == 1 else None
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS or not noun.i < token.i \
            or noun.left_edge.i == 0 or noun.doc[noun.left_edge.i - 1].text != ",":
        return None
    return next((c for c in token.children if c.dep_ == "ccomp" and c.i < noun.i), None)


def denier(verb: Token) -> Token | None:
    """The one who denies: the relative clause's subject, or the passive's "by" phrase."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_OBJECTS), None)
    if subject is not None:
        return subject
    if verb.tag_ == "VBN":
        return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return None


def accuser(verb: Token, noun: Token) -> Token | None:
    """Who said the words denied (hung on ``noun``): the possessor of the accusation noun, or the subject of
    the speech verb the denied words depend on (through its complements; a participle's subject is its head
    verb's)."""
    classes = speech_lexicon().classes
    word = noun
    while True:
        # ("Lima's accusation against Quito, which ...": the relative clause may hang on the noun's object)
        owner = next((c for c in word.children if c.dep_ == "poss"), None) if word.lemma_.lower() in CLAIM_NOUNS else None
        if owner is not None:
            return owner
        if word.pos_ == "VERB" and classes.get(word.lemma_.lower()) in DENIED_CLASSES and word.i < verb.i:
            subject = _subject_of(word)
            # ("said X had accused Y ..., which Z denies": the nearest speaker's words are denied)
            return subject
        if word.dep_ not in INSIDE_WORDS or word.head.i == word.i:
            return None
        word = word.head


def _subject_of(verb: Token) -> Token | None:
    seen = 0
    while verb is not None and seen < 4:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent   # "X was accused by Y of ...": Y accuses
        if verb.dep_ not in SHARED_SUBJECT or verb.head.i == verb.i:
            return None
        verb, seen = verb.head, seen + 1
    return None


class RelativeDenials:
    """The Statements of denials told in a relative clause (mixed into ``pipeline._Extractor``)."""

    def _relative_denials(self) -> None:
        if not RELATIVE_DENIALS:
            return
        for index, sentence in enumerate(self.sentences):
            span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            for verb in span:
                words = denied_words(verb)
                if words is not None:
                    self._relative_denial(verb, words, sentence, index)

    def _relative_denial(self, verb: Token, words: Token, sentence, index: int) -> None:
        if any(e.type == "Statement" and e.spoken_at == verb.idx for e in self.events):
            return   # the coder's own (the sentence's first cue)
        said_by, denied_by = accuser(verb, words), denier(verb)
        if said_by is None or denied_by is None:
            return
        agents = next(([e for e, _ in found] for kind in SPEAKER_KINDS
                       for found in [self._token_index.fill(denied_by, [kind])] if found), [])
        if len(agents) != 1:
            return
        sides = set(agents) | {s for a in agents if (s := self._actor_state(a))}
        targets = next(([e for e, _ in found] for kind in SPEAKER_KINDS
                        for found in [self._token_index.fill(said_by, [kind])] if found), [])
        targets = [t for t in dict.fromkeys(targets) if t not in sides and self._actor_state(t) not in sides]
        if not targets:
            return
        if any(e.type == "Statement" and index in e.sentences and set(e.agent) == set(agents) for e in self.events):
            return   # one remark of a speaker in a sentence
        at = verb.idx - sentence.start
        start, end, quote = _evidence(sentence, at, at + len(verb.text))
        date = self.timeline.date_at(verb.idx)
        fields = {"date": date} if date else {}
        event = Event(self._mint("Statement", agents, targets), "Statement", agents, targets, fields, [quote],
                      [(start, end)], {index}, DENIAL_CONFIDENCE, stages.statement("accuser"))
        event.spoken_at = verb.idx
        # in the order told: before the events of later sentences (the evaluation pairs events in order)
        at = next((n for n, e in enumerate(self.events) if e.sentences and min(e.sentences) > index), len(self.events))
        self.events.insert(at, event)
