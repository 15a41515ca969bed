"""Words that name an act but no actor ("'I will never respect those who come to power through
coups,' X said", "said his cabinet would ask parliament to approve recognition"): about whom the act
the noun names is about — its author as the article told it, or, for the speaker's own kind of act,
its target (``SpokenActs._act_spoken_of``, spoken_acts.py) — rather than the other state of the article's
dispute, which is only the guess for words that name nothing; and an act told in the passive on one
of the speaker's own people ("Tallinn says he was taken at gunpoint"): its author, as coded; an act
noun told with the side it was done to ("the expulsion of our diplomat", "the arrest of Polish
citizens"): the author of the latest act of its kind done to that side, not the latest of its kind.

``ActsInWords`` is a part of the Statement coder (``statements.StatementCoder``).
"""

from __future__ import annotations

from .approved_justice import JUSTICE_ACTS, approves
from .gazetteer import PERSON_TYPES, STATE, Mention
from .named_acts import act_kinds
from .victim_words import ACTS_DONE_TO_PERSONS, author_of_act_against

#: words naming no one, whose other side is a state where power was seized, are about the coup's authors?
COUP_AUTHORS_ARE_THE_OTHER_SIDE = True
#: the acts a seizure of power is told with (the officers detain the president, the court removes him)
SEIZURE_ACTS = {"CoupAttempt", "Arrest", "RemovalFromOffice"}
#: "the expulsion of our diplomat", "condemned the expulsion of Polish diplomats": an act noun whose
#: "of" object names the state it was done to is about the latest act of its kind done to that state?
ACT_ON_NAMED_SIDE = True
#: a possessive that makes the "of" object the speaker's own side ("the expulsion of our diplomats")
FIRST_PERSON_POSSESSIVES = {"our"}


class ActsInWords:
    """Whom words naming an act by a noun are about."""

    def _act_named_in_words(self, start: int, end: int, own_side: set) -> Mention | None:
        """The first noun of text[start:end] naming an act (ACT_NOUNS, not words) that the article
        reported before, as a target mention; None where the words name none."""
        if start < 0 or end <= start:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for token in span if span is not None else ():
            kinds = act_kinds(token)
            if token.pos_ != "NOUN" or not kinds or kinds == ("Statement",):
                continue
            found = self._act_spoken_of(token, own_side)
            if found is not None and found.entity:
                return found
        return None

    def _instead_of_counterpart(self, speaker: Mention, at: int, words_span: tuple[int, int], own_side: set,
                                counterpart: str | None = None) -> Mention | None:
        """For words naming no one, addressed to the article's other state only by guess: the author of
        an act done to the speaker ("'This is a coup,' the deposed president said", victim_words.py),
        else whom an act the words name is about, else those who seized power in that other state;
        None where none is told."""
        return author_of_act_against(self.events, self.gaz, speaker, at) or self._act_named_in_words(*words_span, own_side) \
            or (self._seizure_of(counterpart, at, own_side) if COUP_AUTHORS_ARE_THE_OTHER_SIDE else None)

    def _seizure_of(self, state: str | None, at: int, own_side: set) -> Mention | None:
        """'Soldiers seized power in X ... "We will not accept this," said Y': words answering a seizure
        of power in the other state, told last before them (a coup by a force of that state, not a
        state), are about those who seized it.  Words later in the dispute, once other acts were told
        ("France has decided to bring back its ambassador"), are about the state."""
        if not state:
            return None
        told = [e for e in self.events if e.type != "Statement" and e.spans and e.spans[0][0] < at]
        if not told:
            return None
        latest = max(told, key=lambda e: e.spans[0][0])
        for e in reversed([e for e in told if e.type == "CoupAttempt" and e.agent and e.sentences & latest.sentences]):
            if any(o.type not in SEIZURE_ACTS and o.sentences & e.sentences for o in told):
                continue  # "ending a standoff with the officers who seized power": the coup is background to another act
            author = self.gaz.entities.get(e.agent[0])
            if author is None or author.type == "State" or author.id in own_side:
                continue
            # (the coup's state: its forces' organ_of, or the state a group of its men acts in, coup_groups.py)
            if self._coup_state(author.id) == state:
                return Mention(at, at, author.id, author.type, "", "act-author")
        return None

    def _person_acted_on_in_noun(self, noun, kinds, own_side: set) -> Mention | None:
        """'condemned Navalny's arrest', 'defended the conviction of the activist X': a named person told
        with a noun for an act done to a person (its possessor, or the object of its "of") is the one acted
        on.  The words are about the act's author as coded (the gold convention: a speaker outside the
        author's side judges the author), and about that person where the speaker's own side did it;
        None where the noun is told with no named person."""
        # (acts done to a person: one the act noun is told with — "X's arrest", "the conviction of X",
        # "Castillo's ouster" — is the one acted on, not the author as in "Berlin's decision")
        if not kinds or not set(kinds) <= ACTS_DONE_TO_PERSONS:
            return None
        holders = [c for c in noun.children if c.dep_ == "poss"]
        holders += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for token in holders:
            # (from the name's first word: "Alexei Navalny's arrest" holds "Navalny", its mention starts at "Alexei")
            person = next((m for m in self._mentions_in(token.left_edge.idx, token.idx + len(token.text))
                           if m.type in PERSON_TYPES), None)
            if person is None:
                continue
            # told before the noun (the noun itself may have been read as a repeat of the act)
            acts = [e for e in self.events if e.type in kinds and person.entity in e.target and e.agent and e.spans
                    and e.spans[0][0] < noun.idx]
            for e in sorted(acts, key=lambda e: noun.idx - e.spans[0][0]):
                author = e.agent[0]
                if self._outside(author, own_side) and self.gaz.entities.get(author) is not None \
                        and not (approves(noun) and e.type in JUSTICE_ACTS):   # "hailed X's conviction": about X
                    return Mention(noun.idx, noun.idx, author, self.gaz.entities[author].type, "", "act-author")
                break
            if self._outside(person.entity, own_side):
                return Mention(person.start, person.end, person.entity, person.type, person.surface, "act-patient")
            return None
        return None

    def _act_on_named_side(self, noun, kinds, own_side: set) -> Mention | None:
        """'the expulsion of our diplomat', 'the arrest of Polish citizens': the state the act noun's
        "of" object belongs to (a demonym, a state, "our" for the speaker's own) was acted on; the words
        are about the author, outside the speaker's side, of the latest act of the noun's kinds done to
        that state (else, the speaker's side having done it, about that state); None where the noun
        names no such state or no such act was told before it."""
        if not ACT_ON_NAMED_SIDE or not kinds or kinds == ("Statement",):
            return None
        objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        sides = set()
        for obj in objects:
            for token in [obj] + [c for c in obj.children if c.dep_ in ("poss", "amod", "compound")]:
                if token.dep_ == "poss" and token.lower_ in FIRST_PERSON_POSSESSIVES:
                    sides |= {s for s in own_side if self.gaz.entities.get(s) is not None and self.gaz.entities[s].type == STATE}
                    continue
                for m in self._mentions_in(token.idx, token.idx + len(token.text)):
                    if m.type == STATE:
                        sides.add(m.entity)
                if token.dep_ == "amod":
                    # "the German diplomat": a demonym a description's mention may cover
                    sides |= {self.gaz.resolve(t).id for t, kind in self.gaz.surfaces.get(token.text, ()) if kind == "demonym"
                              and self.gaz.resolve(t).type == STATE}
        if not sides:
            return None
        acts = [e for e in self.events if e.type in kinds and e.agent and e.spans and e.spans[0][0] < noun.idx
                and any(t in sides or self._actor_state(t) in sides for t in e.target)]
        own_states = [s for s in sides if s in own_side]
        if not acts and len(own_states) == 1:
            # an act on the speaker's own side the article told without coding it: not the latest act
            # of its kind (done to another), but the other side of the speaker's dispute
            other = self._party_of_nearby_act(own_states[0], noun.idx) or self._party_of_acts(own_states[0]) \
                or self._counterpart(own_states[0], noun.idx)
            return Mention(noun.idx, noun.idx, other, STATE, "", "act-author") if self._outside(other, own_side) else None
        if not acts:
            return None
        latest = max(acts, key=lambda e: e.spans[0][0])
        author = latest.agent[0]
        if self._outside(author, own_side) and self.gaz.entities.get(author) is not None:
            return Mention(noun.idx, noun.idx, author, self.gaz.entities[author].type, "", "act-author")
        acted_on = next((s for s in sorted(sides) if self._outside(s, own_side)), None)
        return Mention(noun.idx, noun.idx, acted_on, STATE, "", "act-target") if acted_on else None

    def _author_of_act_on(self, person: str, at: int, own_side: set) -> Mention | None:
        """The author, outside the speaker's side, of the act (no Statement) coded on ``person`` told
        nearest ``at`` (before or after: the passive names no author, and its sentence is the
        speaker's account of the act the article tells on its own), else None."""
        acts = [e for e in self.events if e.type != "Statement" and person in e.target and e.agent and e.spans]
        for e in sorted(acts, key=lambda e: abs(e.spans[0][0] - at)):
            agent = e.agent[0]
            if self._outside(agent, own_side) and self.gaz.entities.get(agent) is not None:
                return Mention(at, at, agent, self.gaz.entities[agent].type, "", "act-author")
        return None
