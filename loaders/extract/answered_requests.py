"""A request for asylum or safe conduct answered by a clause that names it only by a pronoun or as
"the request": "She asked Mexico for asylum. Mexico granted it the next morning.", "Her request was
granted two days later", "The ambassador asked the junta for safe conducts; they were issued",
"... the foreign ministry turned the request down" (a safe conduct refused), "Lima refused to issue it",
"Lima said it would not grant one" (the grant refused: a safe conduct refused).

A discourse rule (a mixin of the extractor, run after the frames and rules): the answering verb's
object points back at the request told in its sentence or the one before; the answer's parties are
the request's (the state asked answers the one who asked), unless the clause names who answers.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from . import modality, structure, tree
from .events import _Span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs that answer what was asked, and the answer each gives to each kind of request (there is no
#: refusal of asylum among the event types: "Mexico refused it" is no event)
GRANTS = {"AsylumRequest": "AsylumGrant", "SafeConductRequest": "SafeConductGrant"}
ANSWERS = {"grant": GRANTS, "approve": GRANTS, "give": GRANTS,
           "issue": {"SafeConductRequest": "SafeConductGrant"}, "deliver": {"SafeConductRequest": "SafeConductGrant"},
           **dict.fromkeys(("reject", "refuse", "deny", "decline"), {"SafeConductRequest": "SafeConductRefusal"})}
#: "turned the request down": a verb that answers only with its particle
PARTICLE_ANSWERS = {("turn", "down"): {"SafeConductRequest": "SafeConductRefusal"}}
#: verbs that answer only without a particle ("gave it back", "gave it up" grant nothing)
BARE_ONLY = frozenset({"give"})
#: adverbs the parse may give such a verb instead of a particle ("gave it back to Bolivia")
RETURNING = frozenset({"back", "up", "away"})
#: every verb that may answer, checked before the particles are read (run once per token: for speed)
_ANSWER_LEMMAS = frozenset(ANSWERS) | frozenset(v for v, _p in PARTICLE_ANSWERS)
#: the words that point back at a request: a pronoun, or the request named as such
POINTERS = {"it": ("AsylumRequest", "SafeConductRequest"), "they": ("SafeConductRequest",),
            "them": ("SafeConductRequest",), "request": ("AsylumRequest", "SafeConductRequest"),
            "application": ("AsylumRequest",), "petition": ("AsylumRequest", "SafeConductRequest"),
            # ("refused to issue one", "would not issue the document": the safe conduct asked for)
            "one": ("SafeConductRequest",), "document": ("SafeConductRequest",)}
#: heads whose infinitive's grant they refuse ("refused to issue it", "declined to grant one")
REFUSING_HEADS = frozenset({"refuse", "decline"})
#: what a grant refused answers to each kind of request (no refusal of asylum among the event types)
REFUSED_GRANTS = {"SafeConductRequest": "SafeConductRefusal"}
#: the modals under which a negated grant is a refusal announced ("would not issue it"), as the frames read it
REFUSING_MODALS = frozenset({"will", "would", "wo"})
#: complements after the verb that make it grant something else or say what ("granted it permission to ...")
OTHER_OBJECTS = frozenset({"dobj", "attr", "oprd", "ccomp", "xcomp"})
#: how many sentences back the request may be told ("... asked for asylum. Mexico granted it.")
LOOK_BACK = 1
ANSWER_CONFIDENCE = 0.7


def _answers(verb: Token) -> dict[str, str]:
    """What the verb answers to which kind of request ("granted", "turned ... down"), if it answers."""
    if verb.pos_ != "VERB":
        return {}
    lemma = verb.lemma_.lower()
    if lemma not in _ANSWER_LEMMAS:
        return {}
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if lemma in BARE_ONLY and (particles or any(c.lower_ in RETURNING for c in verb.children if c.dep_ == "advmod")):
        return {}
    return next((a for (v, p), a in PARTICLE_ANSWERS.items() if v == lemma and p in particles), ANSWERS.get(lemma, {}))


#: the words that say what a request asked for, nearest first being what "it" or "the request" stands for
ASKED_FOR = {"asylum": "AsylumRequest", "refuge": "AsylumRequest", "protection": "AsylumRequest",
             "conduct": "SafeConductRequest", "conducts": "SafeConductRequest", "passage": "SafeConductRequest",
             "safe-conduct": "SafeConductRequest"}


def _last_asked(word: Token) -> set[str]:
    """The kind of request the pointer stands for: what was last asked for before it, in its sentence
    or the one before ("asked for asylum ... then for a safe conduct; Lima granted it": the safe conduct)."""
    doc = word.doc
    first = tree.sent_start_before(word, 1)
    for t in reversed(doc[first:word.i]):
        if t.lower_ in ASKED_FOR:
            return {ASKED_FOR[t.lower_]}
    return set(GRANTS)


def pointer(verb: Token) -> Token | None:
    """The word that stands for what the verb grants, where it names nothing of its own: "granted it",
    "it was granted", "the request was granted" (not "the request for a visa": what was asked is said)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    if len(objects) > 1:   # "granted it to him", "gave him it": the one it went to is no second thing given
        objects = [c for c in objects if c.dep_ != "dative"]
    # (a clause before the verb is no object of it: "X asked Y for safe conducts; they were issued")
    if len(objects) != 1 or any(c.dep_ in OTHER_OBJECTS - {"dobj"} and c.i > verb.i for c in verb.children):
        return None
    word = objects[0]
    if word.lemma_.lower() not in POINTERS and word.lower_ not in POINTERS:
        return None
    if word.pos_ == "NOUN" and any(c.dep_ in ("prep", "compound", "amod", "acl", "relcl") for c in word.children):
        return None  # "the request for a visa", "the extradition request": named, not pointed back at
    return word


def _refusing(verb: Token, answers: dict[str, str]) -> tuple[Token, bool] | None:
    """Where the verb's grant is refused, the clause whose modality decides and whether its negation is
    the act: "refused to issue it" (the refusing head's), "said it would not grant one" (the verb's own,
    a refusal announced); None where the grant is not refused."""
    if not set(answers.values()) & set(GRANTS.values()):
        return None
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in REFUSING_HEADS:
        return verb.head, False
    if modality.negated(verb) and any(c.dep_ == "aux" and c.lower_ in REFUSING_MODALS for c in verb.children):
        return verb, True
    return None


class AnsweredRequests:
    """Mixin of the extractor: grants and refusals told only as the answer to a request told just before."""

    def _answered_requests(self) -> None:
        starts = [s.start for s in self.sentences]
        for verb in tree.tokens(self.doc):
            answers = _answers(verb)
            if not answers:
                continue
            word = pointer(verb)
            if word is None:
                continue
            refusing = _refusing(verb, answers)
            if refusing is not None:
                answers = {k: v for k, v in REFUSED_GRANTS.items() if k in answers}
            blocker = modality.not_an_act(*refusing) if refusing else modality.not_an_act(verb)
            if blocker is not None or not answers:
                continue
            at = bisect.bisect_right(starts, verb.idx) - 1
            if at < 0:
                continue
            kinds = set(answers) & set(POINTERS.get(word.lemma_.lower()) or POINTERS[word.lower_]) & _last_asked(word)
            request = self._request_answered(kinds, at, verb.idx)
            if request is None or (answers[request.type], at) in self.framed:
                continue
            agent = self._granter(verb) or (request.target[0] if request.target else None)
            if agent is None and request.type == "AsylumRequest" or agent is not None and agent in request.agent:
                continue  # (the one who asked does not answer it)
            # (a safe conduct is the territorial state's: where the clause and the request do not say
            # which, the state of the mission told before, as legal.py finds it)
            sentence = self.sentences[at]
            trigger = _Span(verb.idx - sentence.start, verb.idx + len(verb.text) - sentence.start)
            fields = {}
            date = self.timeline.date_for(verb)
            if date:
                fields["date"] = date
            target = request.agent[0] if request.agent else None
            event = self._add_event(answers[request.type], agent, target, fields, sentence, at, trigger, [], ANSWER_CONFIDENCE)
            event.target += [t for t in request.agent[1:] if t not in event.target]

    def _request_answered(self, kinds: set[str], at: int, offset: int):
        """The last request of these kinds told before the verb, in its sentence or the one before."""
        def last_told(e) -> int | None:  # (an act told again later: its telling nearest the verb)
            near = [s for s in e.sentences if at - LOOK_BACK <= s <= at]
            return max(near) if near else None
        told = [e for e in self.events if e.type in kinds and last_told(e) is not None and min(e.spans)[0] < offset]
        return max(told, key=last_told) if told else None

    def _granter(self, verb: Token) -> str | None:
        """The state the clause names as the one that grants ("Mexico granted it"), if any."""
        subject = structure.logical_subject(verb)
        if subject is None or subject.pos_ == "PRON" and subject.lower_ in POINTERS:
            return None
        found = self._token_index.fill(subject, ["state"])
        return found[0][0] if len(found) == 1 else None
