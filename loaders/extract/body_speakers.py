"""Speakers that are bodies the text does not name again: "the ministry said", "the Foreign Office
said", "It added that ...", "the Kremlin warned".

``BodySpeakers`` is a part of the Statement coder (``statements.StatementCoder``): it reads the
extractor's parse, mentions, gazetteer and the Statements coded so far.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .coref_lexicon import GOVERNMENT_NOUNS
from .gazetteer import PERSON_TYPES, STATE, Entity, Mention
from .mentions import seat_mentions
from .speaker_sides import HEADING
from .speech import speech_class
from .speech_speakers import ORGAN_SPEAKERS, SPOKESPEOPLE, speech_subject_token
from .statement_targets import ACT_NOUNS
from .text import dateline
from .tree import SUBJECTS, token_at
from .world import SEAT_BODIES
from .world_cities import named_city_code

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a foreign ministry named by its common noun, without its state ("the ministry", "the Foreign
#: Office", "the Ministry of External Affairs")
MINISTRY_PHRASE = re.compile(r"(?i)^(?:the\s+)?(?:(?:foreign|external\s+affairs)\s+)?(?:ministry|office)"
                             r"(?:\s+of\s+(?:foreign|external)\s+affairs)?$")
#: a government named by its common noun ("the government in Riyadh", "the authorities here")
#: (coref.yaml's government nouns; "authority" as the press tells a government by it, in the plural)
GOVERNMENT_PHRASE = re.compile(r"(?i)^(?:the\s+)?(?:(?:new|military|interim|transitional|ruling)\s+)?(?:"
                               + "|".join(sorted("authorities" if n == "authority" else n for n in GOVERNMENT_NOUNS)) + r")$")
#: organs named by a common noun that speak as the actor heading their line in a list of reactions
#: ("ORGANIZATION OF AMERICAN STATES — The permanent council said"; body_speakers._headed_organ)
#: (the organ nouns speech_speakers.ORGAN_SPEAKERS leaves unknown and the collective ones with an owner;
#: "commission", "assembly", "bloc" there cost a held-out false alarm)
HEADED_ORGANS = GOVERNMENT_NOUNS | {"council"}   # (coref.yaml's government nouns)
#: of them, those that speak as a state's government (a state's "council" or "commission" is a body of its own)
STATE_ORGANS = HEADED_ORGANS - {"council"}
#: how many sentences back an act may be for its state to be that of "the ministry", "the junta"
ACTING_STATE_REACH = 2
#: an act two states did to each other (coded both ways: "A and B restored relations") gives no acting state?
MUTUAL_ACTS_TELL_NO_SIDE = True
#: "the government" (no place, no modifier) speaks for the dateline's state, where that state is a party
#: of an act the article tells? Measured and left off (review23): flat on the rules half (its only gain
#: was on the held-out half, which no rule is kept for)
DATELINE_GOVERNMENT = False
#: a body under a heading on a line of its own ("AUSTRALIA" above "The foreign ministry said"): the heading's organ?
#: Measured and left off: it cost the held-out half a Statement false alarm (rules half flat)
OWN_LINE_BODIES = False
#: a dateline's place in capitals before its date or dash ("NAIROBI, March 6 —", "KHARTOUM (Wire) -")
DATELINE_PLACE = re.compile(r"\s*([A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,2})\s*(?:,\s*\w+\.?\s+\d|\([^)]{0,30}\)\s*[-–—]|[-–—]\s)")
#: possessive pronouns by which a body is given the state spoken of before ("Its foreign ministry said")
OWNER_PRONOUNS = {"its", "their"}
#: pronouns by which a body that spoke before speaks again ("It added that ...")
BODY_PRONOUNS = {"it"}
#: how many sentences back a body's Statement may be for "it" to be that body
BODY_PRONOUN_REACH = 2


def spoken_for_body(subject):
    """'a spokesman for the ministry', 'the ministry's spokeswoman': the body noun a spokesperson
    subject speaks for, when the phrase names it by a common noun (a name is speech_subject's), or None."""
    if subject.lemma_.lower() not in SPOKESPEOPLE:
        return None
    owners = [c for c in subject.children if c.dep_ == "poss"] + [
        g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children if g.dep_ == "pobj"]
    # ("a government spokesman", "a foreign ministry spokeswoman": the body as the noun's compound)
    owners += [c for c in subject.children if c.dep_ == "compound" and c.i == subject.i - 1]
    return next((o for o in owners if o.pos_ == "NOUN" and o.lemma_.lower() in ORGAN_SPEAKERS), None)


class BodySpeakers:
    """Who speaks when the subject of a speech verb is a bare organ noun, a seat or "it"."""

    def seats_as_mentions(self) -> list[Mention]:
        """'the Kremlin', 'Downing Street': seats of government, as mentions of their state (once per article)."""
        if getattr(self, "_seat_mentions", None) is None:
            self._seat_mentions = seat_mentions(self.text, lambda code: self.gaz.state(code).id, self.mentions,
                                                self.time_at)
        return self._seat_mentions

    def seat_speaker(self, mention: Mention) -> Mention:
        """A seat that houses a ministry or an office speaks as that body ("the State Department",
        "the Itamaraty", "the White House"); other seats ("the Kremlin") as their state."""
        body = SEAT_BODIES.get(mention.surface)
        if mention.kind != "seat" or body is None:
            return mention
        if body == "foreign ministry":
            organ = self.gaz.organ(mention.entity, body)
        else:
            organ = self.gaz.entities.get(body_id := f"{body.lower().replace(' ', '-')}-of-{mention.entity}") or \
                self.gaz.add(Entity(body_id, "GovernmentBody", mention.surface, set(), attrs={"organ_of": mention.entity}))
        if organ.new:
            self.gaz.add_alias(organ, mention.surface)
        return Mention(mention.start, mention.end, organ.id, organ.type, mention.surface, "organ")

    def body_speaker(self, at: int, index: int) -> Mention | None | bool:
        """The body that speaks through the speech verb at ``at`` in sentence ``index``, where its
        subject is "it" (the body or state that spoke in the last sentences; False where none did:
        no Statement) or a foreign ministry named without its state ("the ministry", "the Foreign
        Office": the state named in the phrase or sentence before it, else the ministry that spoke
        last, else the state of the dateline); None where the subject is neither."""
        subject = speech_subject_token(self.doc, at)
        if subject is None:
            return None
        if subject.lower_ in BODY_PRONOUNS:
            for event in reversed(self.events):
                if event.type != "Statement" or not event.agent or max(event.sentences) < index - BODY_PRONOUN_REACH:
                    continue
                entity = self.gaz.entities.get(event.agent[0])
                if entity is not None and entity.type not in PERSON_TYPES:
                    return Mention(subject.idx, subject.idx + len(subject.text), entity.id, entity.type, subject.text,
                                   "pronoun")
            # "Mali expelled the French ambassador. It said ...": the state that just acted (in a main
            # clause: "tally sheets that it says show ..." speaks of something else)
            acting = self._acting_state(index) if subject.head.dep_ in ("ROOT", "conj") else None
            if acting:
                return Mention(subject.idx, subject.idx + len(subject.text), acting, STATE, subject.text, "pronoun")
            return False
        # "a spokesman for the ministry", "the ministry's spokeswoman": the body the spokesperson speaks for
        subject = spoken_for_body(subject) or subject
        # "the foreign ministry in Cairo", "the government here": the place says whose body speaks
        located = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "in"
                   and any(g.dep_ == "pobj" for g in c.children)]
        here = [c for c in subject.children if c.lower_ == "here" and c.dep_ == "advmod"]
        # "Its foreign ministry said": the state the last sentences had as their subject
        owned = [c for c in subject.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS]
        dropped = {t.i for c in located + here + owned for t in c.subtree}
        tokens = [t for t in subject.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct", "case") and t.i not in dropped
                  and not any(a.dep_ in ("relcl", "acl", "appos") and a in t.ancestors for a in subject.subtree)]
        phrase = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        place_state = None
        if located:
            pobj = next(g for g in located[0].children if g.dep_ == "pobj")
            place_state = self._place_state(self.text[pobj.left_edge.idx:pobj.right_edge.idx + len(pobj.right_edge.text)])
        elif here:
            place_state = self._dateline_state()
        elif owned:
            place_state = self._subject_state_before(index, subject.idx)
            if place_state is None:
                return False
        headed = self.headed_organ(at, index, subject)
        if headed is not None:
            return headed
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        sentence = self.sentences[index]
        # "France: The foreign ministry called ...": a list of reactions names the state at the head of the line
        heading = self._heading_state(sentence, [m for m in self.mentions if sentence.start <= m.start < sentence.end],
                                      own_line=OWN_LINE_BODIES)
        place_state = place_state or heading
        if GOVERNMENT_PHRASE.match(phrase.strip()):
            # "the government in Riyadh said": the state speaks (without a place, the state that acted
            # just before is no safe guess: "France recalled its envoy. The military government welcomed ...")
            state = place_state
            if state is None and DATELINE_GOVERNMENT and phrase.strip().lower() in ("the government", "government"):
                # "ACCRA — ... The government said ...": the plain word is the dateline's state's own
                state = self._dateline_state()
                if state is not None and not any(state in e.agent or state in e.target
                                                 for e in self.events if e.type != "Statement"):
                    return None  # "WASHINGTON — Estonia expelled ...": a dateline of neither party
                if self._condemns_own_act(at, state, index):
                    return None
            if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                return Mention(start, end, state, STATE, phrase, "organ")
            return None
        if not MINISTRY_PHRASE.match(phrase.strip()):
            return None
        # "In Berlin, the Foreign Office said": the state named before it in the sentence
        before = [m for m in self.mentions if sentence.start <= m.start < start and m.type in (STATE, "City")
                  and re.search(r"(?i)\b(?:in|from)\s+$", self.text[max(0, m.start - 6):m.start])]
        state = place_state or (self._place_state(before[-1].surface) if before else None) \
            or self._line_dateline_state(sentence.start)
        if state is None:
            # "Kenya's foreign ministry summoned the Somali envoy. The ministry said ...": the organ the
            # article's coreference gives the phrase, before any guess from acts or statements
            resolved = self.gaz.entities.get(getattr(self, "parsed_references", {}).get((start, end), ""))
            if resolved is not None and resolved.type == "GovernmentBody" and resolved.attrs.get("organ_of"):
                if self._condemns_own_act(at, resolved.attrs["organ_of"], index):
                    return None
                return Mention(start, end, resolved.id, resolved.type, phrase, "organ")
            earlier = [e for e in self.events if e.type == "Statement" and e.agent and max(e.sentences) < index
                       and (self.gaz.entities.get(e.agent[0]) is not None
                            and self.gaz.entities[e.agent[0]].type == "GovernmentBody"
                            and "foreign" in self.gaz.entities[e.agent[0]].id)]
            state = self.gaz.state_of(earlier[-1].agent[0]) if earlier else None
        # "Algeria recalled its ambassador ... 'Spain has betrayed ...,' the ministry said": the
        # dateline's state, else the state that acted just before
        state = state or self._dateline_state() or self._acting_state(index)
        if self._condemns_own_act(at, state, index):
            return None
        if state is None or self.gaz.entities.get(state) is None or self.gaz.entities[state].type != STATE:
            return None
        organ = self.gaz.organ(state, "foreign ministry")
        if organ.new and not phrase.lower().startswith("the ministry"):
            self.gaz.add_alias(organ, phrase[4:] if phrase.lower().startswith("the ") else phrase)
        return Mention(start, end, organ.id, organ.type, phrase, "organ")

    def _condemns_own_act(self, at: int, state: str | None, index: int) -> bool:
        """'Peru expelled the Mexican envoy. The foreign ministry denounced the expulsion': a ministry
        named bare that condemns the act just told ("the expulsion", "the decision") is not the ministry
        of the state that did it.  A noun of a kind ("the expulsion") names the latest act of that kind,
        which must be the state's; a word for any act ("the decision") the last act told."""
        verb = token_at(self.doc, at)
        if state is None or verb is None or speech_class(verb) != "condemn" or state != self._acting_state(index):
            return False
        for noun in verb.children:
            kinds = ACT_NOUNS.get(noun.lemma_.lower())
            if noun.dep_ != "dobj" or kinds is None or "Statement" in kinds or any(g.dep_ == "poss" for g in noun.children):
                continue
            if not kinds:
                return True   # the acting state did the last act
            latest = next((e for e in reversed(self.events) if e.type in kinds and len(e.agent) == 1
                           and min(e.sentences, default=index + 1) <= index), None)
            if latest is not None and self.gaz.state_of(latest.agent[0]) == state:
                return True
        return False

    def headed_organ(self, at: int, index: int, subject=None) -> Mention | None:
        """'ORGANIZATION OF AMERICAN STATES — The permanent council said ...', 'Oman — Sultan Qaboos's
        government said ...': in a list of reactions, the subject of the speech verb at ``at`` an organ
        named by its common noun, whose phrase names no state or body of its own (a possessor whose
        state the article does not give), is the organ of the actor heading the line: an
        organisation's council speaks as the organisation, a state's government as the state.
        ``subject``: the verb's subject token, where the caller has it."""
        subject = subject if subject is not None else speech_subject_token(self.doc, at)
        noun = subject.lemma_.lower() if subject is not None else None
        if noun not in HEADED_ORGANS:
            return None
        start, end = subject.left_edge.idx, subject.idx + len(subject.text)
        if any(m.type not in PERSON_TYPES for m in self._mentions_in(start, end)):
            return None
        sentence = self.sentences[index]
        actor = self._heading_actor(sentence, self._mentions_in(sentence.start, sentence.end), own_line=OWN_LINE_BODIES) \
            or self._capitalised_body(sentence)
        entity = self.gaz.entities.get(actor) if actor else None
        if entity is None or entity.type in PERSON_TYPES or entity.type == STATE and noun not in STATE_ORGANS:
            return None
        return Mention(start, end, entity.id, entity.type, self.text[start:end], "organ")

    def _capitalised_body(self, sentence) -> str | None:
        """'ORGANIZATION OF AMERICAN STATES — ': the organisation a heading in capitals names
        (speaker_sides._capitalised_heading, of actors other than persons and states)."""
        line = self.text.rfind("\n", 0, sentence.start + 1) + 1
        head = HEADING.match(self.text, line, sentence.end)
        found = self._capitalised_heading(head.group(1), lambda entity: entity.type not in PERSON_TYPES | {STATE}) \
            if head is not None else set()
        return found.pop() if len(found) == 1 else None

    def speaking_group(self, at: int) -> list[str]:
        """'The four states accused Doha ...', 'the two countries said ...': the actors a description
        that is the subject of the speech verb at ``at`` stands for (coref.py), when two or more."""
        subject = speech_subject_token(self.doc, at)
        if subject is None:
            return []
        ids = self.group_ids(subject.idx + len(subject.text))   # (StatementTargets, beside it in StatementCoder)
        return ids if len(ids) >= 2 else []

    def _subject_state_before(self, index: int, at: int) -> str | None:
        """The state sentence ``index`` before ``at``, or the sentences before it, last had as a subject
        or a subject's possessor ("Mexico's response came quickly. Its foreign ministry said ...": Mexico)."""
        for n in range(index, max(-1, index - 1 - BODY_PRONOUN_REACH), -1):
            sentence = self.sentences[n]
            subjects = []
            for m in reversed([m for m in self._mentions_in(sentence.start, min(sentence.end, at)) if m.type == STATE
                               and m.kind in ("name", "alias")]):
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                head = span.root if span is not None and len(span) else None
                if head is not None and (head.dep_ in SUBJECTS
                                         or head.dep_ == "poss" and head.head.dep_ in SUBJECTS):
                    subjects.append((m.entity, head if head.dep_ != "poss" else head.head))
            # in a sentence before, the main clause's subject ("Ghana recalled its envoy after Togo expelled
            # two diplomats. Its foreign ministry ...": Ghana); in its own sentence, the last clause's
            main = [state for state, subject in subjects if n < index and _main_clause_subject(subject)]
            if subjects:
                return main[0] if main else subjects[0][0]
        return None

    def _military_speaker(self, owner: Mention | None, at: int, index: int) -> Mention | None:
        """'the military said', 'Myanmar's army accused ...': the armed forces of the state the phrase
        names, else of the state whose armed forces the article last had acting (a coup, an arrest),
        else of the dateline's state."""
        state = (owner.entity if owner.type == STATE else self._actor_state(owner.entity)) if owner is not None else None
        if state is None:
            # (the forces acting: the armed forces as such, or a group of the state's men who staged a coup,
            # coup_groups.py: "Soldiers detained President X. The military accused X ...": X's state's army)
            forces = [a for e in self.events if e.type != "Statement" and min(e.sentences, default=index) <= index
                      for a in e.agent if (self.gaz.entities.get(a) is not None and (a in self.coup_groups or (
                          self.gaz.entities[a].attrs.get("organ_of") and a.startswith("armed-forces"))))]
            state = (self.gaz.entities[forces[-1]].attrs.get("organ_of") or self.coup_groups.get(forces[-1])) if forces else None
        state = state or self._dateline_state()
        if state is None or self.gaz.entities.get(state) is None or self.gaz.entities[state].type != STATE:
            return None
        subject = speech_subject_token(self.doc, at)
        start, end = (subject.idx, subject.idx + len(subject.text)) if subject is not None else (at, at)
        organ = self.gaz.organ(state, "military")
        return Mention(start, end, organ.id, organ.type, self.text[start:end], "organ")

    def _acting_state(self, index: int) -> str | None:
        """The state that is the agent of the last act (no Statement) told in sentence ``index`` or
        the ACTING_STATE_REACH sentences before it, where that act has one agent."""
        for event in reversed(self.events):
            if event.type == "Statement" or len(event.agent) != 1 \
                    or not any(index - ACTING_STATE_REACH <= i <= index for i in event.sentences):
                continue
            state = self.gaz.state_of(event.agent[0])
            if MUTUAL_ACTS_TELL_NO_SIDE and any(e.type == event.type and e.agent == event.target and e.target == event.agent
                                                and set(e.sentences) & set(event.sentences) for e in self.events):
                return None  # "A and B restored relations": both acted, the act tells no one side
            return state if state == event.agent[0] else None
        return None

    def _dateline_state(self) -> str | None:
        """The state of the dateline's place ("MOSCOW, March 17, 2018 —")."""
        found = dateline(self.text)
        if found is not None:
            line_start = self.text.rfind("\n", 0, found[1]) + 1
            place = re.match(r"\s*([A-ZÀ-Þ][A-ZÀ-Þ .'’-]+?)\s*,", self.text[line_start:found[1]])
            if place:
                return self._place_state(place.group(1).title()) or self._world_city_state(place.group(1).title())
        # a dateline whose date has no year ("NAIROBI, March 6 —", "KHARTOUM —"): the capitalised
        # place opening one of the first lines
        for line in [ln for ln in self.text[:1500].split("\n") if ln.strip()][:5]:
            place = DATELINE_PLACE.match(line)
            if place:
                return self._place_state(place.group(1).title()) or self._world_city_state(place.group(1).title())
        return None

    def _line_dateline_state(self, offset: int) -> str | None:
        """'KYIV: ... The foreign ministry said ...': a round-up heads each reaction with the capital it was
        filed from, in a wire's capitals; a ministry named without its state on that line is that state's,
        as the article's dateline gives it for the lead (not a heading at the article's head: the dateline)."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        head = HEADING.match(self.text, line_start, offset if offset > line_start else len(self.text))
        words = head.group(1).strip() if head is not None else ""
        if not words.isupper() or self._at_head(head.end(1)):
            return None
        state = self._place_state(words.title())
        entity = self.gaz.entities.get(state or "")
        return state if entity is not None and entity.type == STATE else None

    def _world_city_state(self, name: str) -> str | None:
        """A dateline's city our gazetteer lacks ("AUCKLAND, July 10 —"): the world's cities (world_cities.py)."""
        code = named_city_code(name)
        state = self.gaz.state(code) if code else None
        return state.id if state is not None else None


def _main_clause_subject(subject: Token) -> bool:
    """Whether a subject is the main clause's: of the sentence's root verb, or of a verb joined to it."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"
