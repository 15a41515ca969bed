"""The grounds told with an act: "Morocco broke off relations with Iran, accusing Tehran of arming
the Polisario", "declared him persona non grata, accusing him of spying", "recalled its ambassador,
blaming Paris for the crisis", "expelled the envoy in protest at the raid".

By the gold convention (dev/README.md, the batches from dev113 on) the reported grounds or
accusation are a Statement of the acting state besides the act: its speaker the act's agent (as the
act resolved it; a junta named as the act's subject speaks for itself), its target the party
accused or blamed (the participle's object; "accusing him" is whom the act was done to), with the
act's other party; dated as the act.  The same speaker's words in the next sentence are the same
grounds told on, and an act told again with its grounds (a headline and the lead) tells them
again: one Statement.

The participle must hang on a verb that triggers the act (or one coordinated with it), and not be
negated; an act the extractor did not code (threatened, planned) has no grounds here, nor has an
arrest, a charge or a sentence (its accusation is the legal case), nor a speech verb's participle
("said ..., accusing": statements.py).  "Citing ..." is grounds of an act against another state;
a grant citing a convention cites its legal basis.

``ActGrounds`` is a part of the pipeline's extractor (mixed into ``pipeline._Extractor``); the driver
runs ``_act_grounds`` once, after every act of the article is coded and the codebook applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import stages
from .events import Event, _evidence
from .frame_file import frames_for
from .tree import token_at

if TYPE_CHECKING:
    from spacy.tokens import Token

#: participles that tell the act's grounds as the actor's own words ("accusing", "blaming", "citing")
GROUNDS_LEMMAS = frozenset({"accuse", "blame", "cite"})
#: the participle's relation to the act's verb: an adverbial clause, or (a parse's variant) a
#: complement or a conjunct of it
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})
#: "in protest at the raid", "in protest against the visit", "in protest over ..."
PROTEST_PREPOSITIONS = frozenset({"at", "against", "over"})
#: the roles a target may fill: a party accused or blamed
TARGET_KINDS = ["person", "state", "organisation"]
#: "blamed the attack on Iran": the prepositions that name the party blamed
BLAMED_ON = frozenset({"on"})
#: object pronouns that stand for whom the act was done to ("declared X persona non grata, accusing him")
ACT_PARTY_PRONOUNS = frozenset({"him", "her", "them", "it"})
#: acts whose accusation is the legal case itself ("arrested X, accusing him of treason": the charge)
LEGAL_ACTS = frozenset({"Arrest", "Charge", "Sentence"})
#: acts against another state, whose "citing ..." gives grounds even where it names no one
HOSTILE_ACTS = frozenset({"SeveranceOfRelations", "DowngradeOfRelations", "RecallOfAmbassador",
                          "ExpulsionOfDiplomats", "PersonaNonGrataDeclaration"})
#: how many sentences after the act the same speaker's words are the same grounds told on
FOLLOWING_SENTENCES = 1
GROUNDS_CONFIDENCE = 0.6
#: the relations of a complement the parse made a clause under the act's verb
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "oprd"})


def grounds_participle(token: Token) -> bool:
    """Whether ``token`` is a participle of grounds hung on a word before it: "..., accusing it of
    ...", and not "without accusing" (no adverbial clause) or "not blaming"."""
    if token.tag_ != "VBG" or token.lemma_.lower() not in GROUNDS_LEMMAS or token.dep_ not in PARTICIPLE_DEPS:
        return False
    return token.head.i < token.i and not any(c.dep_ in ("neg", "aux") for c in token.children)


def in_protest(token: Token) -> bool:
    """Whether ``token`` is the noun of "in protest at/against/over X" hung on a word before it."""
    return token.lemma_.lower() == "protest" and token.pos_ == "NOUN" and token.dep_ == "pobj" \
        and token.head.lower_ == "in" and token.head.head.i < token.i and _protested_at(token) is not None


def _protested_at(protest: Token) -> Token | None:
    """The preposition of what is protested ("at the raid"): the noun's own, or the word right after
    it (the parse may hang "at the raid" on the verb)."""
    own = next((c for c in protest.children if c.dep_ == "prep" and c.lower_ in PROTEST_PREPOSITIONS), None)
    after = protest.doc[protest.i + 1] if protest.i + 1 < len(protest.doc) else None
    return own or (after if after is not None and after.dep_ == "prep" and after.lower_ in PROTEST_PREPOSITIONS else None)


def act_verbs(word: Token) -> list[Token]:
    """The verbs whose act the grounds word (a participle, "in protest") is told with: the one it
    hangs on, and those coordinated with it ("broke off relations and ordered its diplomats out,
    accusing ...")."""
    verb = word.head.head if word.dep_ == "pobj" else word.head
    # "declared him persona non grata, accusing ...": the participle may hang on the act's complement
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    verbs = [verb] + [c for c in verb.conjuncts if c.i < word.i]
    # "declared four diplomats persona non grata, accusing ...": the parse may make the act's complement a
    # clause of its own ("persona" a verb under "declared"); the verb it completes tells the act
    if verb.dep_ in COMPLEMENT_DEPS and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verbs.append(verb.head)
    return verbs


def party_named(word: Token) -> list[Token]:
    """The tokens that name the party accused or blamed: the participle's object ("accusing
    Tehran", "blaming it"), what the blame is put on ("blaming the attack on Iran"), what is
    protested at ("in protest at Peru's decision")."""
    if word.dep_ == "pobj":
        prep = _protested_at(word)
        return [g for g in prep.children if g.dep_ == "pobj"] if prep is not None else []
    objects = [c for c in word.children if c.dep_ == "dobj"]
    if word.lemma_.lower() == "blame":
        objects += [g for c in word.children if c.dep_ == "prep" and c.lower_ in BLAMED_ON
                    for g in c.children if g.dep_ == "pobj"]
    return objects


class ActGrounds:
    """The Statements of the grounds told with an act (mixed into ``pipeline._Extractor``)."""

    def _act_grounds(self) -> None:
        told: dict[int, list[Event]] = {}   # the token of an act's first trigger → the acts
        for e in self.events:
            if e.type != "Statement" and e.type not in LEGAL_ACTS and e.told_at >= 0 and e.agent:
                first = token_at(self.doc, e.told_at)
                if first is not None:
                    told.setdefault(first.i, []).append(e)
        if not told:
            return
        verb_types = frames_for(self.doc.lang_).verb_types
        made: dict[int, Event] = {}   # id() of an act → the Statement of its grounds
        for index, sentence in enumerate(self.sentences):
            span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if not (token.pos_ == "VERB" and grounds_participle(token) or token.pos_ == "NOUN" and in_protest(token)):
                    continue
                verbs = act_verbs(token)
                acts = [e for v in verbs for e in told.get(v.i, ())] or [
                    # an act told again (first in the headline): its telling here, on a verb of its frame
                    e for e in self.events if e.type != "Statement" and e.type not in LEGAL_ACTS and e.agent
                    and index in e.sentences and any(e.type in verb_types.get(v.lemma_.lower(), ()) for v in verbs)]
                if token.lemma_.lower() == "cite":
                    acts = [e for e in acts if e.type in HOSTILE_ACTS or party_named(token) and any(
                        self._token_index.fill(o, TARGET_KINDS) for o in party_named(token))]
                if acts:
                    verb = next((v for v in verbs if any(e is acts[0] for e in told.get(v.i, ()))), verbs[0])
                    self._grounds_statement(token, acts[0], verb, sentence, index, made)

    def _grounds_statement(self, word: Token, act: Event, verb: Token, sentence, index: int, made: dict) -> None:
        agents = list(act.agent)
        # "the junta declared him persona non grata, accusing ...": a junta speaks for itself (governments.py)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        regime = self.regime_bodies.get(subject.idx) if subject is not None else None
        if regime is not None and len(agents) == 1 and self._actor_state(regime) in (agents[0], None):
            agents = [regime]
        sides = set(agents) | set(act.agent) | {s for a in agents if (s := self._actor_state(a))}
        targets: list[str] = []
        for named in party_named(word):
            if named.pos_ == "PRON" and named.lower_ in ACT_PARTY_PRONOUNS:
                # "expelled Iran's ambassador, X, accusing him of ...": whom the act was done to
                targets += [t for o in verb.children if o.dep_ in ("dobj", "dative")
                            for t, _ in self._token_index.fill(o, ["person"])]
            else:
                targets += [t for t, _ in self._token_index.fill(named, TARGET_KINDS)]
        targets += act.target   # the act's other party: the grounds are about it too
        targets = [t for t in dict.fromkeys(targets) if t not in sides]
        if not targets:
            return
        at = word.idx - sentence.start
        start, end, quote = _evidence(sentence, at, at + len(word.text))
        earlier = made.get(id(act))
        if earlier is not None:
            # the act told again with its grounds (a headline and the lead): one Statement
            if quote not in earlier.evidence:
                earlier.evidence.append(quote)
                earlier.spans.append((start, end))
            earlier.sentences.add(index)
            return
        # the coder's own Statement of the sentence by the same speaker (a quotation, "calling"), or by
        # one who speaks for the acting state there ("...; Suga, who announced the step, said ..."): the grounds are it
        if any(e.type == "Statement" and index in e.sentences
               and any(a in sides or self._person_served(a) in act.agent for a in e.agent) for e in self.events):
            return
        fields = {"date": dict(act.fields["date"])} if act.fields.get("date") else {}
        grounds = Event(self._mint("Statement", agents, targets), "Statement", agents, targets, fields, [quote],
                        [(start, end)], {index}, GROUNDS_CONFIDENCE, stages.ACT_GROUNDS, word.idx)
        # the same speaker's words in the next sentence tell the same grounds on: one Statement
        told_on = [e for e in self.events if e.type == "Statement" and set(e.agent) == set(agents)
                   and e.sentences and index < min(e.sentences) <= index + FOLLOWING_SENTENCES]
        for e in told_on:
            grounds.absorb_telling(e)
            grounds.target += [t for t in e.target if t not in grounds.target]
        self.events = [e for e in self.events if not any(e is o for o in told_on)]
        # in the order told: before the events of later sentences (the evaluation pairs events in order)
        at = next((n for n, e in enumerate(self.events) if e.sentences and min(e.sentences) > index), len(self.events))
        self.events.insert(at, grounds)
        made[id(act)] = grounds
