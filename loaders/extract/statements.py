"""Statements: words attributed to a named speaker (a person, a state or a body), quoted or reported.

The speech frame: a speech verb ("said", "rejected", "accused", "according to", a quotation's
attribution before, inside or after it), its speaker (the verb's subject, resolved to a named
actor; unnamed speakers, passives and audiences give none), one Statement per speaker and remark,
and its target: whom the remark is about (the verb's object, the reported clause's subject, the
author of an act the verb names, the other side of the article's dispute).  An announcement of an
act coded as its own event is that event's ``announced_by``, not a Statement.

``StatementCoder`` is a part of the pipeline's extractor (``pipeline._Extractor``): it reads the
extractor's mentions, events, parse and story timeline, and appends Statement events (a sentence's
clauses and speech cues: statement_clauses.py; the quotations and cues a clause is read from:
statement_cues.py; the targets of words that name no one: unaddressed_words.py; the targets' list from
the one target: statement_target_list.py).
"""

from __future__ import annotations

import re

from . import stages, tree
from .acts_in_words import ActsInWords
from .announcements import ActTellings
from .body_speakers import BodySpeakers
from .clauses import with_owners
from .colon_quotes import colon_speaker
from .continued_remarks import ContinuedRemarks
from .coup_force_targets import CoupForceTargets
from .dispute_parties import DisputeParties
from .earlier_statements import EarlierStatements
from .envoy_hosts import EnvoyHosts
from .gazetteer import ACTOR_TYPES, PERSON_TYPES, STATE, Mention
from .label_relatives import at_token, label_subjects, label_voice
from .located_speakers import LocatedSpeakers
from .nearby_acts import NearbyActs
from .nested_remarks import NestedRemarks
from .own_positions import (
    OwnStatePositions,
)
from .quote_sources import (
    ACCORDING_TO,
    according_after_clause,
    according_to_source,
    sourced_clause_judges,
)
from .remark_units import remark_segments
from .remarks import OneRemark
from .self_remarks import reported_self
from .sentences import Sentence
from .speaker_sides import SpeakerSides
from .speech import Cue
from .speech_content import (
    reported_before,
    said_bare,
    says_something,
    verb_of_quotation,
)
from .speech_speakers import (
    advocated,
    coordinated_speakers,
    organ_subject_elsewhere,
    parsed_speaker,
    said_jointly,
    speaker_phrase,
    speech_subject,
    speech_subject_token,
)
from .statement_clauses import StatementClauses
from .statement_cues import StatementCues
from .statement_target_list import StatementTargetList
from .statement_targets import (
    AUDIENCE_BEFORE,
    WHENCE_BEFORE,
    StatementTargets,
)
from .statement_text import (
    OWN_COUNTRY,
    PARAPHRASE_VERBS,
    POSSESSIVE_OF_SPEAKER,
    STATE_NOUN_AFTER,
    demonym_names_side,
    independent_clause_end,
    main_clause,
    noun_adjunct,
)
from .told_addressees import ToldAddressees
from .unaddressed_words import UnaddressedWords
from .untold_words import words_untold
from .wronged_parties import WrongedParties

#: a semicolon after the remark's verb and words ends what is said (statement_text.independent_clause_end)?
SEMICOLON_ENDS_REMARK = True

#: propose statements reported without quotation marks ("X described Y's actions as ...")?
PARAPHRASED_STATEMENTS = True

#: a description of actors named before ("the four states", "the two countries") speaks jointly?
GROUP_SPEAKERS = True


class StatementCoder(BodySpeakers, LocatedSpeakers, EarlierStatements, SpeakerSides, StatementTargets, EnvoyHosts, NearbyActs, DisputeParties, ActsInWords, ActTellings, OneRemark, ContinuedRemarks,
                      NestedRemarks, WrongedParties, OwnStatePositions, StatementClauses, StatementCues, StatementTargetList,
                      CoupForceTargets, ToldAddressees, UnaddressedWords):
    """The Statement-coding part of the extractor (mixed into ``pipeline._Extractor``)."""

    def _statement(self, sentence: Sentence, index: int, mentions: list[Mention]) -> None:
        """The Statements of a sentence: one per clause with a speech verb and a speaker of its own
        ("Russia voiced support for X, and the Kremlin warned Y against ...")."""
        framed = [e for e in self.events if e.type == "Statement" and index in e.sentences]  # the frames' (frames.yaml)
        before = len(self.events)
        later = self._statements_of_clauses(sentence, index, mentions)
        # a clause's later remarks ("... and accused Y of ...") are not the frame's remark
        self._one_remark(index, framed, [e for e in self.events[before:] if e not in later])
        self._words_of_remark_told_before(index, self.events[before:])
        self._drop_nested_remarks(index, framed)  # "X said the United States condemned ...": X's one remark

    def _clause_statement(self, sentence: Sentence, index: int, mentions: list[Mention]) -> list:
        from .clauses import _conjuncts, _nearest, _outside_apposition

        # demonyms qualify people and things ("Peruvian journalist"), except where they name the
        # state itself ("the Peruvian State must issue a safe-conduct")
        demonyms = [m for m in mentions if m.kind == "demonym" and m.type == STATE]
        mentions = [m if m.kind != "demonym" else Mention(m.start, m.end, m.entity, m.type, m.surface, "name")
                    for m in mentions
                    if m.kind != "demonym" or STATE_NOUN_AFTER.match(self.text, m.end) or demonym_names_side(self.doc, m)]
        text = sentence.text
        quotes, cues, colon = self._clause_cues(sentence, mentions)
        if not cues:
            return []
        speakers = ("Person", "Group", "State") + tuple(t for t in ACTOR_TYPES if t not in ("Person", "Group", "State"))
        if quotes:
            quote = quotes[0]
            before = [c for c in cues if c.start() < quote.start()]
            # the first speech cue before the quotation is the main verb ("X said ..., calling Y 'z'")
            # ("In a statement released by X, Y thanked ...": the verb, not the noun, has the speaker as subject)
            verbs = [c for c in before if self._is_verb_at(sentence.start + c.start())]
            verb = (verbs or before)[0] if before else next((c for c in cues if c.start() >= quote.end()), None)
            if verb is None:
                return []
            q_start, q_end = sentence.start + quote.start(), sentence.start + quote.end()
        elif not PARAPHRASED_STATEMENTS:
            return []
        else:
            # a reported statement without quotation marks: "X described Y's actions as ..."
            verb = next((c for c in cues if (c.paraphrase if isinstance(c, Cue)
                                             else PARAPHRASE_VERBS.match(c.group(0)) or ACCORDING_TO.match(c.group(0)))), None)
            if verb is None:
                return []
            quote, q_start, q_end = None, -1, -1
        v_start = sentence.start + verb.start()
        outside = [m for m in mentions if not (q_start <= m.start < q_end)
                   and (m.type in speakers or m.type in ("Embassy", "DiplomaticMission"))]
        left = [m for m in outside if m.end <= v_start]
        right = [m for m in outside if m.start >= v_start]
        # "his critics said", "her lawyer told": a possessive names whose people speak, not the speaker
        left = [m for m in left if not (m.kind == "pronoun" and POSSESSIVE_OF_SPEAKER.match(self.text, m.start))]
        if quote is None:
            # the subject of the speech verb, right before it (an apposition may come between): "analysts
            # said", "Arce's opponents said" have no named speaker
            subjects = _outside_apposition(left, self.text, v_start)
            last = subjects[-1] if subjects else None
            adjacent = last is not None and last.type in speakers and re.fullmatch(
                r"(?:[\s,]*(?:(?:also|later|then|again|has|have|had|once|\w+ly|on\s+\w+day)\s+)*|,\s[^,]{1,90},\s*)",
                self.text[last.end:v_start])
            speaker = last if adjacent else None
        else:
            between = [m for m in right if m.end <= q_start]  # "In a statement, Minister X said: '...'"
            # "'...', said X", "'...', said Peru's prime minister, Eduardo Arana": the attribution after the quotation
            after_quote = [m for m in right if q_end <= m.start < q_end + 60][:3]
            # the subject right before the verb speaks, person or body ("Taiwan's foreign ministry expressed ...")
            subject = left[-1] if left and left[-1].type in speakers and re.fullmatch(
                r"[\s,]*(?:(?:also|later|then|again|on\s+\w+|\w+ly)\s+)*", self.text[left[-1].end:v_start]) else None
            # "Liu Weimin, a spokesman for China's foreign ministry, said": the person before the
            # apposition speaks, not the body the apposition names
            trimmed = _outside_apposition(left, self.text, v_start)
            if len(trimmed) < len(left) and trimmed[-1].type == "Person" and self.text.startswith(",", trimmed[-1].end):
                subject = trimmed[-1]
            speaker = subject or _nearest(left, ("Person",), reverse=True) or _nearest(between, ("Person",), reverse=False) \
                or _nearest(after_quote, ("Person",), reverse=False) or _nearest(between, speakers, reverse=False) \
                or _nearest(left, speakers, reverse=True) or _nearest(after_quote, speakers, reverse=False)
        if ACCORDING_TO.match(verb.group(0)):
            # "According to Foreign Minister X, France had ...": who speaks follows the phrase, and the
            # parse gives "according" no subject
            source = according_to_source(self.doc, v_start, verb.group(0), right)
            if source is None or source.type not in speakers:
                return []
            speaker = source if source.type not in ("Embassy", "DiplomaticMission") else speaker
            heard, named = "named", source
        else:
            # the parse has the last word on who speaks: the speech verb's subject, when it names an
            # actor; a subject that names none ("officials said", "a statement read on television
            # called ...") or a passive ("it was said") makes no Statement
            heard, named = speech_subject(self.doc, v_start, outside + self.seats_as_mentions() + demonyms) \
                if verb is not colon else colon_speaker(self.doc, sentence.start, v_start, outside)
        group: list[str] = []
        if heard in ("unnamed", "unknown") and (placed := self.located_speaker(v_start)) is not None:
            heard, named = "named", placed  # "an official in Nairobi said" (located_speakers.py)
        if heard == "unnamed" and (told := self.statement_told_before(v_start, index)) is not None:
            heard, named = "named", told  # "..., the statement said": the text told before (earlier_statements.py)
        if heard == "unnamed":
            # "The four states accused Doha ...": a description of actors named before speaks jointly
            group = self.speaking_group(v_start) if GROUP_SPEAKERS else []
            if not group:
                return []
            entity = self.gaz.entities[group[0]]
            speaker, heard = Mention(v_start, v_start, entity.id, entity.type, "", "group-ref"), "group"
        if heard == "owned":
            # "his government said", "Chinese authorities promised": the state of the person or the
            # state or body named
            owner = named.entity if named.type not in PERSON_TYPES else self._actor_state(named.entity)
            entity = self.gaz.entities.get(owner) if owner else None
            # "Oman — Sultan Qaboos's government said": the owner's state unknown, the line's heading (body_speakers.py)
            speaker = Mention(named.start, named.end, entity.id, entity.type, named.surface, "organ") \
                if entity is not None else self.headed_organ(v_start, index)
            if speaker is None:
                return []
        elif heard == "military":
            speaker = self._military_speaker(named, v_start, index)
            if speaker is None:
                return []
        elif named is not None:
            speaker = self.seat_speaker(named)
        elif heard == "unknown":
            # "the ministry said", "It added that ...": a body the text does not name again
            body = self.body_speaker(v_start, index)
            if body is False:
                return []
            if body is not None:
                speaker = body
            elif speaker is not None and speaker.type in PERSON_TYPES and organ_subject_elsewhere(self.doc, v_start, speaker):
                # "The Foreign Office said it 'deplores' ... the Governor-General, X": a body the coder could
                # not place speaks, not a person named elsewhere in the sentence
                return []
        if speaker is None:
            # no surface pattern named the speaker: the subject of the speech verb on the parse
            # ("X defended the raid, saying ...", "the ministry also rejected ...")
            speaker = parsed_speaker(self.doc, v_start, outside)
        labels = label_subjects(self.doc, sentence.start, sentence.end, text)   # "praising what he called ..."
        if labels and speech_subject_token(self.doc, v_start) is None:
            speaker = label_voice(labels, outside, speakers) or speaker
        if speaker is not None and speaker.type in ("Embassy", "DiplomaticMission"):
            # "the embassy said": a mission is no actor; its sending state speaks
            sender = self.gaz.state_of(speaker.entity)
            speaker = Mention(speaker.start, speaker.end, sender, STATE, speaker.surface, "organ") if sender else None
        if speaker is None:
            return []
        # one Statement per remark: a coordinated speech verb with its own quotation, or one that
        # accuses or presses a party named ("... and accused Y of ...") (remark_units.py)
        named_at = {t for m in outside + demonyms for t in range(m.start, m.end)}
        segments = remark_segments(self.doc, sentence.start, text, verb.start(), quote, quotes, {c.start() for c in cues},
                                   lambda token: token.idx in named_at)
        # "Russia, China, Cuba and Turkey voiced support for Maduro": a statement by each
        # ("The governments of A, B and C condemned ...": the owner the coder made the speaker stands in the list)
        # ("was condemned by A, B and C", "drew condemnation from A and B": a list after the verb speaks too)
        listing = with_owners(left if speaker.start < v_start else outside, demonyms if heard == "owned" and named in demonyms else [], v_start)
        listed = next((m for m in listing if m is speaker), None) \
            or next((m for m in listing if (m.start, m.end) == (speaker.start, speaker.end)), speaker)
        coordinated = [m for m in _conjuncts(listed, listing, self.text) if m.type == speaker.type]
        span_start = min([m.start for m in coordinated] + [speaker.start])
        span_end = max([m.end for m in coordinated] + [speaker.end])
        if not re.search(r"\band\b", self.text[span_start:span_end]):
            coordinated = []  # "Yuri Ushakov, Putin's adviser": an apposition, not a list of speakers
        # "Bolivia's president, X, and Ecuador's foreign minister, Y, condemned ...": the parse's list of subjects
        coordinated += [m for t in coordinated_speakers(self.doc, v_start) for m in outside
                        if m.start <= t.idx < m.end and m.type in speakers and m not in coordinated and m.entity != speaker.entity]
        voices = [speaker] + [m for m in coordinated if m.entity != speaker.entity] if not group else [speaker]
        if len(voices) > 1 and said_jointly(self.doc, v_start):
            # "A, B and C condemned the raid in a joint statement": one Statement, made jointly (dev/README)
            group, voices = list(dict.fromkeys(v.entity for v in voices)), [speaker]
        co_speakers = {v.entity for v in voices} | set(group) | {m.entity for t in labels if (m := at_token(mentions, t))}
        if len(voices) > 1:  # "Egypt's foreign minister, X, and Kenya's president, Y": each voice's own phrase speaks too
            co_speakers |= {e for v in voices for e in speaker_phrase(self.doc, v, mentions)}
        later = []
        for voice in voices:
            for n, (verb_at, segment_quote) in enumerate(segments):
                segment_end = segments[n + 1][0] if n + 1 < len(segments) else len(text)
                before = len(self.events)
                self._statement_event(sentence, index, mentions, voice, verb_at, segment_quote, segment_end,
                                      first_segment=n == 0, co_speakers=co_speakers, joint=group)
                later += self.events[before:] if n else []
        return later

    def _joint_remark_framed(self, index: int, joint: list[str]) -> bool:
        """Whether the frames coded a Statement of a member of ``joint``, a group speaking jointly, in
        sentence ``index`` ("A and B condemned the coup in X in a joint statement"): the joint remark is
        theirs, with the parties they name (remarks.OneRemark joins them)."""
        return bool(joint) and any(e.type == "Statement" and index in e.sentences and e.agent and set(e.agent) < set(joint)
                                   for e in self.events)

    def _statement_event(self, sentence: Sentence, index: int, mentions: list[Mention], speaker: Mention,
                         verb_at: int, quote: re.Match | None, segment_end: int, *, first_segment: bool = True,
                         co_speakers: set[str] = frozenset(), joint: list[str] = ()) -> None:
        from .events import Event, _evidence

        if quote is not None:
            words = (quote.group(1) or quote.group(2)).strip()
            if len(words) > 200:
                words = words[:200].rsplit(" ", 1)[0].rstrip(",;:")
            q_start, q_end, confidence = sentence.start + quote.start(), sentence.start + quote.end(), 0.7
        else:
            words, q_start, q_end, confidence = None, -1, -1, 0.5
        v_start = sentence.start + verb_at
        s_end = sentence.start + segment_end
        # "Russia and China said ...": the speakers are not what they speak about, nor is what their
        # own description names ("a spokesman for China's foreign ministry", "Putin's adviser"), nor
        # the body a list of reactions heads the line with ("European Union — X, the bloc's ...")
        described = speaker_phrase(self.doc, speaker, mentions) | set(co_speakers)
        heading_actor = self._heading_actor(sentence, mentions, self.speaks_under_heading(speaker))
        if heading_actor is not None and speaker.entity != heading_actor:
            described.add(heading_actor)
        # "..., its foreign minister, Pedro Lanza, tells reporters": whoever the verb's subject phrase names speaks
        subject = speech_subject_token(self.doc, v_start)
        if subject is not None:
            phrase = [t for t in subject.subtree if not any(a.dep_ in ("relcl", "acl") and a in t.ancestors for a in subject.subtree)]
            lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
            # "her lawyer, X": the client is no co-speaker (speech_speakers.ADVOCATES)
            advocated_at = {t.idx for t in advocated(subject)}
            described |= {m.entity for m in mentions if lo <= m.start < hi and m.type in PERSON_TYPES
                          and m.start not in advocated_at}
        co_speakers = described
        segment = [m for m in mentions if m.start < s_end and m.entity not in co_speakers]
        own_state = self._speaker_side(sentence, index, mentions, segment, speaker, words, (v_start, s_end), (q_start, q_end))
        # "said Britain and France had ...": the partner joined to the speaker's state stands with it here
        partners = {m.entity for m in self.__dict__.get("subject_partners", {}).get((speaker.entity, v_start), ())}
        segment = [m for m in segment if m.entity not in partners]
        # "said his government will not ...": the speaker's own side, not whom the words are about
        segment = [m for m in segment if not (m.kind == "pronoun" and OWN_COUNTRY.match(self.text, m.start))]
        # missions are spoken about too ("the Mexican Embassy is not foreign territory")
        about = ACTOR_TYPES | {"Embassy", "DiplomaticMission"}
        others = [m for m in segment if not (q_start <= m.start < q_end)
                  and not self._on_side(m.entity, own_state)
                  and m.entity != speaker.entity and m.type in about and not noun_adjunct(m, self.text)
                  and not AUDIENCE_BEFORE.search(self.text, max(0, m.start - 16), m.start)
                  and not WHENCE_BEFORE.search(self.text, max(0, m.start - 40), m.start)
                  and not self._own_official(m)]
        # whom the words are about: the object of the speech verb or the subject of the reported
        # clause ("called Lima's move ...", "said that the Peruvian State must ..."), an act the
        # verb names ("rejected the declaration": its author), then the first actor of the
        # quotation; actors in conditional, relative or parenthetical clauses are circumstances,
        # not what the words are about
        # "...; Switzerland has agreed to ...": a clause after a semicolon outside the words is the writer's
        clause_end = independent_clause_end(self.text, max(v_start, q_end), s_end) if SEMICOLON_ENDS_REMARK else s_end
        reported_end = q_start if words is not None and q_start > v_start else clause_end
        reported = main_clause([m for m in others if v_start <= m.start < reported_end], self.text, v_start, reported_end)
        referred = self._author_of_act(self.text[v_start:reported_end], speaker, v_start)
        quoted = [m for m in segment if q_start <= m.start < q_end and m.type in ACTOR_TYPES
                  and self._state_id(m) != self._state_id(speaker) and not self._on_side(m.entity, own_state)
                  and m.entity != speaker.entity
                  and not noun_adjunct(m, self.text)]
        quoted_main = main_clause(quoted, self.text, q_start, q_end) if words is not None else []
        after_verb = main_clause([m for m in others if v_start <= m.start < clause_end], self.text, v_start, clause_end)
        # the nearest first; a later segment's speech verb has its own object, nothing before it is spoken about
        before_verb = [m for m in reversed(others) if m.start < v_start] if first_segment else []
        own_side = {speaker.entity, own_state} | set(co_speakers) | partners
        parsed = self._parsed_target(verb_of_quotation(self.doc, q_start) if words is not None else v_start,
                                     speaker, own_side, segment)
        if parsed is not None:
            # the parse names whom the words are about: the speech verb's object, its possessor or
            # the author of the act it names, else the reported clause's subject
            target = parsed
        elif words is not None and q_end <= v_start:
            # "'...,' X said, a few hours before Y ...": the quotation is the content; what follows is circumstance
            target = (quoted_main or quoted or reported or referred or after_verb or before_verb or [None])[0]
        else:
            # an actor named in the clause beats the act the verb refers to ("called the move ... and accused
            # the Bolivian government")
            target = (reported or after_verb or referred or before_verb or quoted_main or quoted or [None])[0]
        target = self._instead_of_wronged(target, v_start, (q_start, q_end), own_side)  # "said X had been punished"
        target = self._coup_forces_named(target, v_start) or target  # "said Mali's generals must ...": the coup's authors
        if target is None:
            target = self._coup_forces_addressed(v_start)  # "called on the army to ...": the coup's authors told before
        if speaker.type in PERSON_TYPES and reported_self(self.doc, v_start, speaker, mentions):
            target = Mention(v_start, v_start, speaker.entity, speaker.type, "", "self")  # "said he had returned"
        addressed = self._unnamed_target(target, speaker, words, own_state, own_side, (v_start, s_end, q_start, q_end, sentence.start))
        if addressed is None:
            return  # "'Writing is a form of freedom,' the novelist told his readers": no one's dispute (unaddressed_words.py)
        target, also = addressed
        if words is None and target is None and not self._joint_remark_framed(index, joint):
            return  # "X said" with nothing said about anyone: too little to propose
        if words is None and not says_something(self.doc, v_start):
            return  # "the ministry responded within hours": a speech verb with nothing reported
        if words is None and said_bare(tree.token_at(self.doc, v_start)) \
                and not own_side & {p for e in self.events if e.type != "Statement" for x in e.agent + e.target
                                    for p in (x, self._actor_state(x)) if p}:
            return  # "Moscow protested at once" answers an act done to its side; a third party's bare protest names no one
        if words is None and words_untold(self.doc, v_start):
            return  # "What X told parliament surprised Y": something was said, the sentence does not tell what
        verb = re.compile(r"\w+(?:\s+to)?").match(self.text, v_start)  # the speech verb's word ("according to")
        trailing = verb is not None and re.fullmatch(r"\s*(?:reporters|journalists)?\s*(?:(?:on|late\s+on)\s+\w+|in\s+a\s+statement)?\s*[.!]?\s*",
                                                     self.text[verb.end():s_end]) \
            and re.search(r",\s*(?:the\s+)?$", self.text[max(sentence.start, speaker.start - 6):speaker.start], re.IGNORECASE)
        # "Kenya recalled its ambassador ..., Foreign Minister X told reporters in Nairobi": the
        # reported clause comes before the speech verb
        trailing = trailing or reported_before(self.doc, v_start)
        # "... arrested X, the Zambian government said.", "X was detained, according to his family": the source of a report
        # (a clause that judges or blames is the source's own words: "the expulsion was a grave mistake, according to X")
        if words is None and (trailing and any(index in e.sentences and e.type != "Statement" for e in self.events)
                              or according_after_clause(self.doc, v_start) and not sourced_clause_judges(self.doc, v_start)):
            return
        # quoted words count as an announcement too when the verb only reports them ("'France has decided
        # to bring back its ambassador,' Macron said"); a verb that condemns, rejects or defends makes
        # what was said the point
        if self._tells_an_act(index, sentence.start, s_end, v_start, words, (q_start, q_end), own_state, speaker.entity):
            return  # "Joly said Canada had expelled ...": the announcement of an act, carried by the act itself
        fields = {"quotation": words} if words else {}
        date = self.timeline.date_at(v_start)
        if date:
            fields["date"] = date
        anchor_start, anchor_end = (quote.start(), quote.end()) if words else (verb_at, verb_at + 1)
        start, end, evidence = _evidence(sentence, anchor_start, anchor_end, [m for m in (speaker, target) if m])
        if target is None:
            confidence -= 0.1
        targets = self._target_list(target, also, others, quoted, speaker, own_state, own_side, v_start, first_segment)
        # "the four states said ...": one Statement, made jointly (codebook)
        agents = list(joint) or [speaker.entity]
        event = Event(self._mint("Statement", agents, targets), "Statement", agents, targets, fields,
                      [evidence], [(start, end)], {index}, confidence, stages.statement(target.kind if target else None))
        event.spoken_at = v_start   # (read by confidence.py only)
        self.events.append(event)

