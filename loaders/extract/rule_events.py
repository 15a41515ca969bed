"""Events from the remaining regular-expression rules (rules.py): arguments by position and voice
around the trigger, modality filtering, fields, the coups of soldiers (a mixin of
``pipeline._Extractor``)."""

from __future__ import annotations

import re

from ..word_regex import first_char_lookahead
from . import modality
from .clauses import (
    INTRANSITIVE,
    PASSIVE_BEFORE,
    _clause_start,
    _drop_relative_clauses,
    _modal,
    _nearest,
    _outside_apposition,
)
from .coref_lexicon import CARDINALS, GOVERNMENT_NOUNS, HOME_OFFICES
from .coup_groups import coup_group, force_subject, group_head, named_body, phrase_head
from .coups import (
    coup_as_time,
    coup_judged,
    coup_not_told,
    coup_quelled,
    coup_suffered,
    seizure_not_done,
)
from .gazetteer import STATE, Entity, Mention, slug
from .governments import WORDS
from .relative_antecedents import RELATIVE_PRONOUNS
from .rules import (
    DEADLINE_RE,
    OFFENCE_RE,
    PENALTY_RE,
    RULES,
    VOTES_RE,
    VOTES_TO_RE,
    Rule,
)
from .sentences import Sentence
from .tree import token_at

PARTICIPLE_TRIGGER = re.compile(r"^(?:\w+ed|sentenced|convicted|accused|charged|arrested|detained|impeached|removed|ousted|deposed|jailed|held|taken|declared|granted|expelled|given|ordered)\b", re.IGNORECASE)
#: a coup by soldiers, and who carried it out
MILITARY_COUP = first_char_lookahead(re.compile(   # (the same matches, found sooner: word_regex.py)
    r"(?i)\b(?:seized|seize|seizing|took|taking|take|takes)\s+power\b|\b(?:military\s+)?coup\b(?!\s+(?:attempt|plot))|\b(?:overthrew|toppled)\b"))
MILITARY_ACTOR = first_char_lookahead(re.compile(
    r"(?i)\b(?:army|military|soldiers|troops|armed\s+forces|officers|generals|presidential\s+guard|junta|putschists)\b"))
RULES_BY_TYPE = {r.type: r for r in RULES}
#: a coup characterised or denied, not reported: "called it a coup", "denied staging a coup"
COUP_CHARACTERISED = re.compile(r"(?i)\b(?:accus\w+|alleg\w+|call(?:ed|s|ing)?|describ\w+|den(?:y|ies|ied))\b[^.;]{0,40}$")
#: verbs of a coup (the noun) feared, warned of or plotted: "warned that soldiers were plotting a coup", "feared a
#: coup" (the noun their object or the object of their preposition; not "despite warnings, soldiers staged a coup",
#: nor "officers who had plotted for months overthrew X": the plotting is then told, the overthrow done)
COUP_UNDONE_VERBS = WORDS["coup_undone_verbs"]   # (governments.yaml, beside the nouns of a coup spoken of)
#: a coup told as made against someone: the CoupAttempt rule's is a leader's own coup on a legislature (rules.py)
COUP_AGAINST = re.compile(r"\s+(?:(?:attempt|bid|plot)\s+)?against\b", re.IGNORECASE)   # ("a failed coup attempt against X")
#: a coup named only as the time of another act ("after the coup", "since the 2021 coup", "days before the putsch");
#: the noun only ("before the army seized power" is a clause: _main_clause reads it)
COUP_AS_TIME = re.compile(r"(?i)\b(?:after|before|since|following|until|during)\s+(?:the|that|this|last\s+\w+['’]s)\s+(?:[\w-]+\s+){0,2}$")
#: conjunctions whose clause tells a coup as the news ("before soldiers seized power"), not a time ("since")
COUP_NEWS_MARKS = WORDS["coup_news_marks"]   # (governments.yaml)
#: titles of those who act for a state
GOVERNMENT_TITLES = HOME_OFFICES | {"secretary of state"}


class RuleCoder:
    """The rule-coding part of the extractor (mixed into ``pipeline._Extractor``)."""

    def _event(self, rule: Rule, sentence: Sentence, index: int, trigger: re.Match, mentions: list[Mention]) -> None:
        s_text = sentence.text
        t_start, t_end = sentence.start + trigger.start(), sentence.start + trigger.end()
        clause_start = sentence.start + _clause_start(s_text, trigger.start())
        modal_start = clause_start
        if re.search(r"\bthat\s*$", self.text[sentence.start:clause_start]):
            # "demanded that Mexico withdraw ...": the verb governing the that-clause counts for modality
            modal_start = sentence.start + _clause_start(s_text, clause_start - sentence.start - 5)
        window = self.text[modal_start:t_start] + (" " if rule.negated_trigger else self.text[t_start:t_end])
        if _modal(window, rule):
            return
        parsed = self.doc.char_span(t_start, t_end, alignment_mode="expand")
        if parsed is not None and any(t.pos_ == "VERB" and modality.negative_argument(t) for t in parsed):
            return  # "expelled no diplomats", "recognised neither X nor Y" (modality.py)
        if rule.type == "CoupAttempt" and re.search(r"(?:involvement|participation|role|part|complicity|involved)\s+in\s+(?:\w+\s+){0,3}$|co-?author\s+of\s+(?:the\s+)?$|accused\s+of\s+(?:\w+\s+){0,3}$|supporting\s+(?:the\s+)?$|\bwhat\s+(?:\w+\s+){1,2}(?:calls?|called|describes?|described|terms?|termed)\s+(?:\w+\s+)?$|(?:called|calling|described|describing|labell?ed|branded|denounced|termed)\s+(?:[\w’'-]+\s+){0,4}(?:a|an|as)\s+(?:\w+\s+)?$",
                                                     s_text[:trigger.start()]):
            return
        if rule.type == "CoupAttempt" and coup_quelled(token_at(self.doc, t_end - 1)):
            return  # "X said a coup attempt had been crushed": who speaks of it or put it down did not make it
        if rule.type == "CoupAttempt" and coup_not_told(token_at(self.doc, t_end - 1)):
            return  # "arrested in the aftermath of the failed coup": a time, a coup told elsewhere or not at all
        if rule.type == "CoupAttempt" and coup_judged(token_at(self.doc, t_end - 1)):
            return  # "the AU chairman condemned the coup attempt": who judges it did not make it
        if rule.type == "CoupAttempt" and coup_suffered(token_at(self.doc, t_end - 1)):
            return  # "X was killed by soldiers in a failed coup": the person named suffered it, did not make it
        if rule.type == "CoupAttempt" and coup_as_time(token_at(self.doc, t_end - 1)):
            return  # "X was arrested after the failed coup": the coup dates X's arrest, X did not make it
        if rule.type == "CoupAttempt" and (against := COUP_AGAINST.match(self.text, t_end)) and not any(
                m.type in rule.target for m in mentions if against.end() <= m.start <= against.end() + 5):
            # "the leader of the failed coup against X": another's coup on X (the frames'), no leader's own
            # (not "her attempted coup against Congress": a leader's own on the legislature)
            return
        before_trigger = self.text[max(sentence.start, t_start - 25):t_start]
        # "was expelled" is passive; "was breaking off relations" is a progressive, active
        progressive = bool(re.match(r"\w+ing\b", trigger.group(0)))
        passive = (bool(PASSIVE_BEFORE.search(before_trigger)) and not progressive) or bool(re.match(r"\s+by\b", self.text[t_end:t_end + 5])) \
            or bool(re.search(r",\s*(?:(?:who|which)\s+(?:is|was|has been|had been)\s+)?$", before_trigger)
                    and PARTICIPLE_TRIGGER.match(trigger.group(0)) and rule.type not in INTRANSITIVE
                    # "X, led by Y, refused to recognize": a verb taking an infinitive is a main verb
                    and not re.match(r"(?i)(?:refus|declin|agre|decid|sought|vot|fail|vow|promis)\w*\s+to\b", trigger.group(0))
                    # "X, sentenced to ...": a participle phrase; "X, Y, granted him asylum": a main verb with its object
                    and re.match(r"\S+\s+(?:to|for|of|in|on|by|with|over|from|after)\b", self.text[t_start:t_start + 30]))
        inside = [m for m in mentions if t_start <= m.start < t_end]
        # a bare demonym is an adjective ("Mexican President X", "Peruvian politics"), not an actor
        mentions = [m for m in mentions if m.kind != "demonym"]
        left = [m for m in mentions if m.end <= t_start]
        right = [m for m in mentions if m.start >= t_end]
        agent = target = None
        announced = None
        passive = passive or bool(re.search(r"\b(?:was|were|been)\s+\w+ed$", trigger.group(0))) \
            or bool(re.match(r"(?i)(?:who\s+)?(?:is|was|were|been|are)\s+accused|who\s+(?:is|was)\s+accused", trigger.group(0)))
        if passive:
            to_target = re.match(r"\s+to\s+", self.text[t_end:t_end + 6])
            subjects = _drop_relative_clauses(_outside_apposition(left, self.text, t_start), self.text, sentence.start, t_start)
            target = (_nearest([m for m in right if m.start - t_end < 12], rule.target, reverse=False) if to_target else None) \
                or _nearest(subjects, rule.target, reverse=True)
            by = re.search(r"\bby\s+", self.text[t_end:t_end + 80])
            if by:
                agent = _nearest([m for m in right if m.start >= t_end + by.end()], rule.agent + self._lifted(rule), reverse=False)
        else:
            candidates = _outside_apposition(left, self.text, t_start)
            in_clause = [m for m in candidates if m.start >= clause_start]
            # the clause's subject: its first actor of a fitting kind; else the nearest before the trigger
            liftable = [m for m in in_clause if not (rule.state_level and m.type == "Person" and "Person" not in rule.agent
                                                     and self.gaz.state_of(self.person_posts.get(m.entity)) is None)]
            agent = _nearest(liftable, rule.agent + self._lifted(rule), reverse=False)
            clause_text = self.text[clause_start:t_start]
            security = re.search(r"\b(?:police|troops|soldiers|agents|officers|security\s+forces|forces|commandos)\b", clause_text, re.IGNORECASE)
            if agent is None and (not rule.extra.get("not_by_a_person") or security):
                # incursions: the raider is in the clause, or the state whose police/troops went in
                usable = [m for m in candidates if not (rule.state_level and m.type == "Person" and "Person" not in rule.agent
                                                        and self.gaz.state_of(self.person_posts.get(m.entity)) is None)]
                agent = _nearest(usable, (STATE,) if security and rule.extra.get("not_by_a_person")
                                 else rule.agent + self._lifted(rule), reverse=True)
            target = _nearest(inside, rule.target, reverse=False) or self._target(rule, right, t_end)
        if agent is not None and agent.type == "Person" and (rule.state_level or rule.type == "PersonaNonGrataDeclaration") \
                and self.gaz.state_of(self.person_posts.get(agent.entity)) is None \
                and self.person_titles.get(agent.entity, set()) & GOVERNMENT_TITLES:
            # "Foreign Minister Jorge Arreaza ... declaring her persona non grata": an official whose state the
            # article leaves implicit acts for the state it is about (unless that state is the target's)
            focal = self.focal_state_guess(self._state_id(target) if target is not None else None)
            if focal and (target is None or self._state_id(target) != focal):
                announced, agent = agent.entity, Mention(agent.start, agent.end, focal, STATE, agent.surface, "lifted")
        mission = next((m for m in mentions if m.kind == "mission" or m.type in ("Embassy", "DiplomaticMission")), None)
        if rule.target_from_mission and mission is not None and (target is None or target.type != STATE):
            sender = self.gaz.entities[mission.entity].attrs.get("sending_state")
            if sender and (agent is None or sender != self._state_id(agent)):
                target = Mention(mission.start, mission.end, sender, STATE, mission.surface, "mission-state")
        if rule.agent_from_mission and agent is None and mission is not None:
            sender = self.gaz.entities[mission.entity].attrs.get("sending_state")
            if sender:
                agent = Mention(mission.start, mission.end, sender, STATE, mission.surface, "mission-state")
        lift = agent is not None and (rule.state_level or rule.type == "PersonaNonGrataDeclaration") \
            and agent.type in (STATE, "Government", "GovernmentBody", "Person", "Embassy", "DiplomaticMission")
        agent_id = self._state_id(agent) if lift else (agent.entity if agent else None)
        target_id = target.entity if target else None
        if ("agent" in rule.needs and not agent_id) or ("target" in rule.needs and not target_id):
            if not self._anaphoric_merge(rule, agent_id, target_id, sentence, index, trigger):
                return
            return
        fields = {}
        if rule.place and mission is not None:
            fields["place"] = mission.entity
        if announced and announced != agent_id:
            fields["announced_by"] = announced
        self._fields(rule, sentence, trigger, fields, mentions)
        confidence = rule.confidence - (0.1 if not (agent_id and target_id) else 0) - (
            0.1 if any(m.kind in ("pronoun", "definite") for m in (agent, target) if m) else 0)
        self._add_event(rule.type, agent_id, target_id, fields, sentence, index, trigger, [agent, target], confidence)

    def _target(self, rule: Rule, right: list[Mention], t_end: int) -> Mention | None:
        if STATE in rule.target:  # "from Mexico City": the capital's state
            right = [Mention(m.start, m.end, self.gaz.state_of(self.gaz.entities[m.entity].attrs.get("located_in")) or m.entity,
                             STATE, m.surface, "city-state") if m.type == "City" and self.gaz.entities[m.entity].attrs.get("located_in") else m
                     for m in right]
        # "Morales's chief of staff": the possessor is not the one the act is about
        allowed = [m for m in right if m.type in rule.target and not self.is_speaker(m)
                   and not re.match(r"['’]s\s+(?!government|administration|regime|rule\b)[a-z]", self.text[m.end:m.end + 20])]
        if not allowed:
            return None
        allowed = [m for m in allowed
                   if not re.search(r"\b(?:after|before|because|while|although|since|when|where|amid|over|following)\b|\bin\s+protest\b"
                                    r"|[;.]|,\s+(?:and|but|whereas)\s",
                                    self.text[t_end:m.start])]
        if not allowed:
            return None  # anything further is past the clause
        if rule.target_preps:
            for m in allowed:
                gap = self.text[t_end:m.start]
                if re.search(r"\b(?:" + "|".join(rule.target_preps) + r")\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+){0,4}$", gap, re.IGNORECASE) \
                        and len(gap) < 80:
                    return m
        first = allowed[0]
        if rule.type == "ExpulsionOfDiplomats" and first.type == STATE:
            # "gave Lebanon's ambassador, Fawzi Kabbara, 48 hours": the person, not the state that sent him
            person = next((m for m in allowed[1:3] if m.type in ("Person", "Post") and m.start - first.end < 40), None)
            first = person or first
        return first if first.start - t_end < 90 else None

    def _fields(self, rule: Rule, sentence: Sentence, trigger: re.Match, fields: dict, mentions: list[Mention]) -> None:
        s = sentence.text
        date = self.timeline.date_at(sentence.start + trigger.start())  # clause, sentence, then story time
        if date:
            fields["date"] = date
        if rule.type in ("Charge", "Sentence", "Arrest"):
            offences = sorted({m.group(1).lower() for m in OFFENCE_RE.finditer(s)})
            if offences:
                ids = []
                for offence in offences:
                    entity = self.gaz.add(Entity(slug(offence), "CriminalOffence", offence))
                    ids.append(entity.id)
                fields["charge"] = ids if len(ids) > 1 else ids[0]
            if rule.type != "Arrest":
                penalty = PENALTY_RE.search(s)
                if penalty and "year" in penalty.group(0):
                    fields["penalty"] = penalty.group(0).strip()
        if rule.type == "ExpulsionOfDiplomats":
            deadline = DEADLINE_RE.search(s)
            if deadline:
                fields["deadline"] = deadline.group(0)
        if rule.type == "PersonaNonGrataDeclaration":
            votes = VOTES_RE.search(s) or VOTES_TO_RE.search(s)
            if votes:
                v = {"for": int(votes.group(1)), "against": int(votes.group(2))}
                if votes.group(3):
                    v["abstain"] = int(votes.group(3)) if votes.group(3).isdigit() else CARDINALS[votes.group(3).lower()]
                fields["votes"] = v
        if rule.type in ("Recognition", "NonRecognition"):
            m = re.search(r"\b(?:as|the)\s+(?:the\s+)?legitimate\s+(president|government|leader)\b", s[trigger.start():], re.IGNORECASE)
            if m:
                target_state = next((self.gaz.state_of(x.entity) for x in mentions if x.start > sentence.start + trigger.start()
                                     and self.gaz.state_of(x.entity)), None) or self.focal_state
                if m.group(1).lower() == "president" and target_state:
                    fields["recognized_as"] = self.gaz.post(target_state, "President").id

    def _coup_undone(self, at: int) -> bool:
        """Whether the noun "coup" at ``at`` is the object (or the object of the preposition) of a verb of
        plotting, planning or fearing ("were plotting a coup", "warned of a coup")."""
        noun = token_at(self.doc, at)
        while noun is not None and noun.dep_ == "compound":
            noun = noun.head   # "a coup attempt"
        if noun is None:
            return False
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        return noun.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in COUP_UNDONE_VERBS \
            or coup_not_told(token_at(self.doc, at)) or coup_quelled(token_at(self.doc, at))   # "talk of a coup", "crushed the coup"

    def _military_coup(self, sentence: Sentence, index: int, mentions: list[Mention]) -> None:
        """'Soldiers seized power', 'the army ousted President X in a coup': a coup by the armed forces
        of the state whose leader they remove (the CoupAttempt rule covers a leader's own coup).  Kept
        beside the frames (measured December 2026): it adds a held-out coup the frames miss."""
        if any(e.type == "CoupAttempt" and index in e.sentences for e in self.events):
            return  # the frames coded this sentence's coup (by the unit the text names): one coup, not two
        text = sentence.text
        if MILITARY_COUP.search(text) is None:
            return  # (most sentences: the actor's search, as long as the trigger's, is left undone)
        military = MILITARY_ACTOR.search(text)
        if military is None or RULES_BY_TYPE["CoupAttempt"].trigger.search(text):
            return
        # the first coup the sentence tells as made: "talk of a coup had swirled before soldiers seized power" has one
        trigger = next((t for t in MILITARY_COUP.finditer(text) if not (
            "coup" in t.group(0).lower() and self._coup_undone(sentence.start + t.end() - 1)
            or seizure_not_done(token_at(self.doc, sentence.start + t.start())))), None)
        if trigger is None:
            return  # "warned of a coup", "had no wish to take power": not the report of one
        clause_start = _clause_start(text, trigger.start())
        if _modal(text[clause_start:trigger.start()], RULES_BY_TYPE["CoupAttempt"]) or COUP_CHARACTERISED.search(text[:trigger.start()]):
            return  # "called it a coup", "denied staging a coup": not the report of one
        persons = [m for m in mentions if m.type == "Person" and m.kind != "demonym"
                   and not (sentence.start + military.start() <= m.start < sentence.start + military.end())]
        # the removed leader: the person the soldiers acted on ("detained President X", "ousted X")
        acted_on = re.search(r"(?i)\b(?:detained|ousted|overthrew|toppled|deposed|arrested|removed|against)\s+", text)
        target = next((m for m in persons if acted_on and m.start >= sentence.start + acted_on.end()
                       and m.start - (sentence.start + acted_on.end()) < 40), None)
        if target is None:
            target = next((m for m in persons if re.match(r"\s+(?:was|were|had\s+been)\s+(?:ousted|overthrown|toppled|deposed)",
                                                          self.text[m.end:m.end + 30])), None)
        if target is None:  # "troops took control ... in a coup; Sharif is placed under arrest": the leader named
            target = next((m for m in persons if m.start > sentence.start + trigger.end() and self._leads_a_state(m.entity)), None)
        if target is None and "coup" in trigger.group(0).lower() and COUP_AS_TIME.search(text[:trigger.start()]):
            return  # "two days after the coup, Brazil recognised the junta": a time told by a coup told elsewhere
        told = token_at(self.doc, sentence.start + trigger.start())
        if target is None and not _main_clause(told) and not _against_a_government(told):
            # no leader named, in a clause under another ("since soldiers took power", "a bid by soldiers to seize
            # power", "the military, which seized power"): a time, a past coup the story passes by, or one told
            # elsewhere; a coup reported in the main clause stands ("Soldiers seized power in Niamey on Monday")
            return
        state = self.gaz.state_of(self.person_posts.get(target.entity)) if target is not None else None
        if state is None and target is not None:
            state = self._actor_state(target.entity)
        qualifier = re.search(r"(?P<state>\w+)(?:['’]s)?\s*$", text[:military.start()])
        if state is None and qualifier is not None:
            state = next((self.gaz.resolve(t).id for t, k in self.gaz.surfaces.get(qualifier.group("state"), [])
                          if self.gaz.resolve(t).type == STATE), None)
        # untold: the state where the article says power was seized (governments.py), else its own
        state = state or self._seized_state() or self.focal_state
        if state is None:
            return
        # "Enlisted men of the Armed Forces of Liberia seized power": a group of the state's men (coup_groups.py)
        men = phrase_head(token_at(self.doc, sentence.start + military.start()))
        if told is not None and told.pos_ in ("VERB", "AUX") and group_head(doer := force_subject(told)) is not None:
            men = doer   # "..., a day after soldiers under his command stormed the palace in a bid to seize power": the seizers
        body = named_body(men, self.mentions)   # "gunmen of the X Front seized power": that body (coup_groups.py)
        if body is not None:
            self.coup_groups.setdefault(body, state)
        agent_id = body or coup_group(self.gaz, state, men, self.coup_groups) or self.gaz.organ(state, "military").id
        fields: dict = {}
        date = self.timeline.date_at(sentence.start + trigger.start())
        if date:
            fields["date"] = date
        self._add_event("CoupAttempt", agent_id, target.entity if target is not None else None, fields, sentence, index,
                        trigger, [target] if target is not None else [], 0.6)


def _against_a_government(verb) -> bool:
    """Whether a coup's verb acts on a government, as its object or as the noun its relative clause is on
    ("the army overthrew the civilian government", "the government that the army toppled")."""
    if verb is None:
        return False   # (any part of speech: the tagger may make "overthrew" in a relative clause a noun)
    done_to = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl" and all(c.lower_ in RELATIVE_PRONOUNS for c in done_to):
        done_to.append(verb.head)   # (its noun the object: not "the junta, whose officers seized power")
    # (a relative pronoun as the object of a clause the parser hung elsewhere: the noun right before it)
    done_to += [verb.doc[c.i - 1] for c in done_to if c.lower_ in RELATIVE_PRONOUNS and c.i > 0]
    return any(t.lemma_.lower() in GOVERNMENT_NOUNS for t in done_to)


def _main_clause(word) -> bool:
    """Whether a coup's word is in the sentence's main clause (or in what its main verb reports): its verb,
    or the verb over the noun, is the root, a verb joined to it, or the root's reported clause."""
    if word is None:
        return False
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT", "conj", "ccomp") and verb.head.i != verb.i:
        verb = verb.head   # "staged a coup", "there was a coup": the verb over the noun
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head   # "tried to seize power", "attempted to take power": the attempt is the clause's act
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in COUP_NEWS_MARKS for c in verb.children):
        verb = verb.head   # "talk had swirled for weeks before soldiers seized power": the seizure is the news
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")
