"""The state a speaker serves, from what the article tells them doing or saying for it: an official
who makes a state's act their own ("announced the break"), who tells what a state will or will not
do ("said Canada would not ..."), or who is first named in a sentence reporting a state's act.  Used
by the Statement coder only to keep the speaker's own side out of what they speak about.

``SpeakerHomeStates`` is a part of ``statements.StatementCoder`` (through ``StatementTargets``): it
reads the extractor's parse, mentions, gazetteer and the events coded so far.
"""

from __future__ import annotations

from collections.abc import Iterator

from .blamed_subjects import blames
from .envoy_hosts import ENVOY_TITLES
from .gazetteer import STATE
from .modality import is_modal
from .quote_sources import inside_quotation
from .speaker_sides import ACTS_ON_ENVOYS, THREATENED_PREDICATES
from .tree import SUBJECTS

#: verbs by which an official makes an act their state's own ("announced the break", "ordered the expulsions")
OWN_ACT_VERBS = {"announce", "order", "decide", "defend", "justify", "sign", "decree", "confirm"}

#: (ACTS_ON_ENVOYS: an envoy named in the sentence reporting one serves the state acted on, its target,
#: never the one acting, which is their host)
#: an envoy's side from an act on their mission or fellow envoys in the sentence first naming them?
ENVOY_SIDE_FROM_ACT_ON_MISSION = True

#: an official's state from a clause they report anywhere in the article ("said Canada would not ...")?
SPOKEN_FOR_ANYWHERE = True
#: (modals of intent, frames.yaml's `intent`: what a state will or will not do, its own intention)
#: a state's own stand, told by its officials as what will or will not become of it ("said
#: Australia's protests would go on", "said Chile's position would not change"): the possessor of
#: such a subject is the speaker's state, as a state subject is
OWN_STANCE_NOUNS = frozenset({"protest", "position", "stance", "policy", "support", "commitment", "objection"})
#: what the speaker tells of such a stand: that it carries on ("would go on", "would remain firm", "would
#: be raised"), or that it will not change; not what others make of it ("would not be accepted") nor
#: its end ("would not last": the other side's stand, which the speaker attacks)
STAND_CARRIED_ON = frozenset({"continue", "remain", "persist", "stay", "last", "raise", "stand", "hold"})
STAND_UNCHANGED = frozenset({"change", "waver", "shift", "weaken", "soften", "alter", "end"})
#: an official who upholds a state's stand ("standing by Norway's criticism", "defended Chile's
#: position") speaks for that state?
STAND_UPHELD_SIDE = True
#: verbs by which a stand is upheld ("stand by", "defend", "uphold", "reaffirm", "maintain")
UPHOLDING_VERBS = frozenset({"stand", "defend", "uphold", "reaffirm", "maintain"})
#: stands a speaker upholds beside OWN_STANCE_NOUNS: a state's own judgement or choice
UPHELD_STANCE_NOUNS = frozenset({"criticism", "decision", "condemnation", "line"})
#: a speech verb shares the subject of the verb it is coordinated with ("X called ... and said ...")?
SHARED_SUBJECT_VERBS = True


class SpeakerHomeStates:
    """Which state an official named without one speaks for."""

    def _home_state(self, person: str) -> str | None:
        """'Foreign Minister X announced the expulsion of ...': an official the article names without
        a state serves the state whose act the sentence first naming them reports (only to keep their
        own side out of what they speak about).  Measured and left out: the state acting in the
        sentence before (held-out +1 false alarm; reactions follow the other side's act as often)."""
        told = self._author_of_own_act(person) or self._state_spoken_for(person) or self._stand_upheld(person)
        if told:
            return told  # what the article says they did or said for a state, before where they stood
        first = next((m for m in self.mentions if m.entity == person and m.kind in ("name", "alias", "title")), None)
        at = next((n for n, s in enumerate(self.sentences) if s.start <= first.start < s.end), None) if first else None
        acts = [e for e in self.events if at is not None and at in e.sentences and e.type != "Statement" and e.agent
                and person not in e.target and self.gaz.entities.get(e.agent[0]) is not None and self.gaz.entities[e.agent[0]].type == STATE]
        if ENVOY_SIDE_FROM_ACT_ON_MISSION and acts and self._titles_of(person) & ENVOY_TITLES:
            # "Police stormed the embassy, ignoring the protests of the ambassador, X": an envoy beside
            # an act on a mission or on envoys belongs to the side acted on, not to the host acting
            on_envoys = [e for e in acts if e.type in ACTS_ON_ENVOYS]
            if on_envoys:
                sent = next((t for t in on_envoys[0].target if self.gaz.entities.get(t) is not None
                             and self.gaz.entities[t].type == STATE), None)
                return sent if sent != on_envoys[0].agent[0] else None
        return acts[0].agent[0] if acts else None

    def _state_spoken_for(self, person: str) -> str | None:
        """'Trudeau said Canada was not looking to provoke anyone', anywhere in the article (later too):
        an official who tells what a state will or will not do, naming it as the subject of the clause
        they report, speaks for it."""
        if not SPOKEN_FOR_ANYWHERE:
            return None
        cache = self.__dict__.setdefault("_states_spoken_for", {})
        if person not in cache:
            cache[person] = self._find_state_spoken_for(person)
        return cache[person]

    def _verbs_of_subject(self, person: str, lemmas) -> Iterator:
        """The verbs (of a lemma in ``lemmas``) whose subject is a mention of ``person`` (its name, alias
        or title, through compounds and appositions)."""
        for m in self.mentions:
            if m.entity != person or m.kind not in ("name", "alias", "title"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            head = span.root if span is not None and len(span) else None
            while head is not None and head.dep_ in ("compound", "appos", "flat") and head.head != head:
                head = head.head
            if head is None or head.dep_ != "nsubj":
                continue
            verbs = [head.head]
            if SHARED_SUBJECT_VERBS:
                verbs += [c for c in head.head.conjuncts if c.i > head.head.i and not any(d.dep_ in SUBJECTS for d in c.children)]
            yield from (v for v in verbs if v.lemma_.lower() in lemmas)

    def _find_state_spoken_for(self, person: str) -> str | None:
        for verb in self._verbs_of_subject(person, ("say", "tell", "insist", "add")):
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                if clause.lemma_.lower() in THREATENED_PREDICATES or blames(clause):
                    continue  # "said Belgium would regret it", "... would no longer ...": that state is the other side
                verbs = [clause] + list(clause.conjuncts)
                if not any(c.dep_ == "neg" or is_modal(c, "intent") for v in verbs for c in v.children):
                    continue
                subject = next((c for c in clause.children if c.dep_ in SUBJECTS
                                and not inside_quotation(self.text, c.sent.start_char, c.idx)), None)
                if subject is not None and subject.lemma_.lower() in OWN_STANCE_NOUNS:
                    # "said Australia's protests would go on", "Greece's objection would be raised": the
                    # stand's owner ("Turkey's position would not change anything" is about its effect)
                    subject = next((c for c in subject.children if c.dep_ == "poss" and c.tag_ == "NNP"), None) \
                        if _stand_carried_on(clause) else None
                elif subject is not None and subject.dep_ == "nsubjpass":
                    subject = None
                found = next((x for x in self._mentions_in(subject.idx, subject.idx + len(subject.text))
                              if x.type == STATE and x.kind in ("name", "alias")), None) if subject is not None else None
                if found is not None:
                    return found.entity
        return None

    def _stand_upheld(self, person: str) -> str | None:
        """'... while standing by Norway's criticism', 'defended Chile's position': an official who upholds
        a state's stand (OWN_STANCE_NOUNS) named with its owner, anywhere in the article, speaks for that state."""
        if not STAND_UPHELD_SIDE:
            return None
        for verb in self._verbs_of_subject(person, ("say", "tell", "add", "insist", *UPHOLDING_VERBS)):
            # the verb itself, or a participle with no subject of its own below it ("tells parliament ... and
            # regrets any offence, while standing by ...": the parse may hang it on the reported clause)
            upholding = [verb] + [c for c in verb.subtree if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"
                                  and not any(d.dep_ in SUBJECTS for d in c.children)]
            for upheld in (v for v in upholding if v.lemma_.lower() in UPHOLDING_VERBS):
                nouns = [c for c in upheld.children if c.dep_ == "dobj"]
                nouns += [g for c in upheld.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
                for noun in (n for n in nouns if n.lemma_.lower() in OWN_STANCE_NOUNS | UPHELD_STANCE_NOUNS):
                    owner = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ == "NNP"), None)
                    found = next((x for x in self._mentions_in(owner.idx, owner.idx + len(owner.text))
                                  if x.type == STATE and x.kind in ("name", "alias")), None) if owner is not None else None
                    if found is not None:
                        return found.entity
        return None

    def _states_blamed(self, person: str) -> set[str]:
        """The states ``person`` is told accusing anywhere in the article: the subject, by its name,
        alias or capital, of a clause they report that blames it ("said Britain had let its police
        fail to protect the mission"); never the state they speak for."""
        cache = self.__dict__.setdefault("_states_blamed_by", {})
        if person not in cache:
            cache[person] = set()
            for verb in self._verbs_of_subject(person, ("say", "tell", "insist", "add", "charge", "complain")):
                for clause in (c for c in verb.children if c.dep_ == "ccomp" and blames(c)):
                    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                    if subject is None or inside_quotation(self.text, subject.sent.start_char, subject.idx):
                        continue
                    for m in self._mentions_in(subject.idx, subject.idx + len(subject.text)):
                        state = m.entity if m.type == STATE else self._actor_state(m.entity) if m.kind == "capital" else None
                        if state:
                            cache[person].add(state)
        return cache[person]

    def _author_of_own_act(self, person: str) -> str | None:
        """'Prime Minister X announced the break', 'ordered the expulsions': an official who makes an
        act their own (OWN_ACT_VERBS) with a definite noun naming it serves the state that is that
        act's author, as the article reported it before."""
        cache = self.__dict__.setdefault("_own_act_authors", {})
        if person not in cache:
            cache[person] = self._find_author_of_own_act(person)
        return cache[person]

    def _find_author_of_own_act(self, person: str) -> str | None:
        from .statement_targets import (
            ACT_NOUNS,  # (statement_targets imports this module)
        )

        for verb in self._verbs_of_subject(person, OWN_ACT_VERBS):
            for noun in (c for c in verb.children if c.dep_ == "dobj"):
                kinds = ACT_NOUNS.get(noun.lemma_.lower())
                if kinds is None or kinds == ("Statement",) \
                        or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children):
                    continue
                acts = [e for e in self.events if e.type != "Statement" and (not kinds or e.type in kinds) and e.agent
                        and e.spans and e.spans[0][0] < noun.idx and person not in e.target
                        and self.gaz.entities.get(e.agent[0]) is not None and self.gaz.entities[e.agent[0]].type == STATE]
                if acts:
                    return max(acts, key=lambda e: e.spans[0][0]).agent[0]
        return None


def _stand_carried_on(clause) -> bool:
    """'would go on', 'would remain firm', 'would be raised', 'would not change' (no object)."""
    if any(c.dep_ == "dobj" for c in clause.children):
        return False
    lemma = clause.lemma_.lower()
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in clause.children)
    if lemma == "go":
        return not negated and any(c.dep_ == "prt" and c.lower_ == "on" for c in clause.children)
    return lemma in STAND_UNCHANGED if negated else lemma in STAND_CARRIED_ON
