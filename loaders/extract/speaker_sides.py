"""Whose side a speaker speaks for: the state of a person, organ or body, where the article gives it
(a list of reactions' heading, a title with a state, "said Canada had ...", "we" after an act of
the speaker's state, the state acting where the article first names them).  The speaker's own
side is never what their words are about.

``SpeakerSides`` is a part of the Statement coder (``statements.StatementCoder``): it reads the
extractor's parse, mentions, titles and events.
"""

from __future__ import annotations

import re

from . import frame_file
from .blamed_subjects import reported_clause_blames
from .coref_lexicon import HOME_OFFICES
from .counterpart_sides import CounterpartSides
from .envoy_hosts import ENVOY_TITLES
from .executive_states import ExecutiveStates
from .gazetteer import PERSON_TYPES, STATE, Mention
from .heading_lines import heading_above, heading_sections
from .modality import has_modal
from .own_people import OwnPeople
from .principal_sides import PrincipalSides
from .responding_states import RespondingStates
from .rules import SPEECH_VERBS
from .sentences import Sentence
from .speech_content import only_reports, reported_subject
from .speech_speakers import SPOKESPERSON_NOUNS
from .worded_sides import CONDEMNED_ACT_NOT_OWN, GOVERNMENT_VOICE, WordedSides

#: a finite verb right after a state: the state is its subject ("Canada had expelled")
#: (not "should", "must", "ought": what a speaker says another state should do is a demand on it,
#: "said Colombia should offer Quito more than an apology")
THIRD_PERSON_VERB = re.compile(r"\s+(?:had|has|have|was|were|is|are|did|does|do|would|will|could|may)\b")
#: what may stand between the speech verb and the reported clause's subject: an audience ("told
#: reporters", "told the House of Commons that", "told the Senate that": a named audience only before
#: "that"), the medium ("saying in a statement that", "said on state television that"), "that", "the"
REPORTED_SUBJECT_OPENING = re.compile(
    r"[\s,]*(?:(?i:reporters|journalists|lawmakers|parliament|the\s+\w+)\s+"
    r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of|the|[A-Z][\w'’-]*)){0,4}\s+(?=that\b))?"
    r"(?:(?:in|on)\s+(?:a|an|the|state)\s+\w+\s+(?=that\b))?(?i:that\s+)?(?i:the\s+)?")

#: acts done to a state through its envoys or mission
ACTS_ON_ENVOYS = frozenset({"EmbassyIncursion", "PersonaNonGrataDeclaration", "ExpulsionOfDiplomats"})

#: quoted words in which a speaker speaks for a people or a state
FIRST_PERSON_PLURAL = re.compile(r"(?i)\b(?:we|our|us)\b")

#: "our ambassador", "our embassy" said by an official of no named state after an act on envoys: the
#: speaker is of the state acted upon, unless the mission is placed outside the acting state
OUR_ENVOYS = re.compile(r"(?i)\bour\s+(?:ambassadors?|envoys?|diplomats?|embassy|embassies|mission|missions|chargé)\b"
                        r"(?:\s+(?:in|to)\s+(?P<place>(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*))*))?")

#: a list of reactions' line heading: "Norway — ", "Britain: "
HEADING = re.compile(r"\s*([^—–:,.]{2,40}?)\s*(?:[—–]|:)\s+")
#: an official whose state is unknown speaks for the state that is the subject of the clause reported?
SPEAKS_FOR_REPORTED_SUBJECT = True
#: the same on the parse: the reported clause's subject, a state or its capital, whatever its verb
#: ("said on Sunday that Turkey stood ...", "said Ankara was suspending ...")
SPOKEN_FOR_ON_PARSE = True
#: "Its spokesman, X": the possessive's state is the speaker's?
POSSESSOR_OF_TITLE = True
#: a speaker never speaks for a state their earlier words in the article were about?
SIDES_STAY_APART = True
#: verbs of what a threatened party will suffer ("would pay the price", "will regret", "would face
#: consequences"): a clause of them reported by a speaker is about the other side
THREATENED_PREDICATES = {"pay", "regret", "face", "suffer", "answer", "rue"}
#: a state the reported clause blames (blamed_subjects.py) is never the speaker's?
BLAMED_NOT_SPOKEN_FOR = True
#: the subject's tag: a proper noun ("Turkey", "Ankara"), not "the country" or "it"
STATE_SUBJECT_TAGS = {"NNP"}
#: an official named without a state serves the state acting where the article first names them?
HOME_OF_OFFICIALS = True
#: a person who is the subject of the trigger verb of a state's act speaks for that state, whatever their title?
ACTING_FOR_STATE = True
#: an official of no named state right after a state is told answering speaks for it (responding_states.py)?
ANSWERING_STATE_SIDE = True
#: a city heading a line ("BOGOTÁ — ...") is a dateline, not a list of reactions' state heading?
DATELINES_NO_SIDE = True
#: a dateline stands within the article's first lines (text.dateline reads as many), below its title and byline
DATELINE_LINES = 4
SENTENCE_ENDS = (".", "!", "?", '"', "”")
#: a list of reactions' heading in capitals ("BRAZIL — ") names its state too?
CAPITALISED_HEADINGS = True
#: "The prime minister in Canberra, X", "the government spokeswoman in Kigali, X": a person named in
#: apposition to a home office placed in a seat of government speaks for that seat's state?
PLACED_OFFICE_SIDE = True
#: "In Canberra, the foreign minister, X, said": a home office in a clause opened by its capital?
FRONTED_SEAT_SIDE = True
#: the head nouns of those offices (an envoy is left out: "the ambassador in Berlin" sits in the
#: host's capital, not their own)
PLACED_OFFICE_HEADS = frozenset(t.split()[-1] for t in HOME_OFFICES | SPOKESPERSON_NOUNS) \
    - frozenset(t.split()[-1] for t in ENVOY_TITLES)
#: words of an envoy's title: one before a placed office's head makes it an envoy's ("consul general")
ENVOY_TITLE_WORDS = frozenset(w for t in ENVOY_TITLES for w in t.split()) - {"high"}
#: a heading on a line of its own above its paragraphs ("AUSTRALIA", heading_lines.py) heads them too?
OWN_LINE_HEADINGS = True
#: titles of those who speak for their state (a journalist, a lawyer or a bishop does not)
#: (its home offices, its envoys, its spokespersons and officials abroad)
OFFICIAL_TITLES = HOME_OFFICES | ENVOY_TITLES | {"secretary of state", "spokesman", "spokeswoman", "spokesperson",
                                                 "press secretary", "official", "senior official"}
#: their head nouns ("its spokesman", "their envoy"); not "head of state/government", whose last word
#: names the state, not its official ("its government, X")
OFFICIAL_TITLE_HEADS = frozenset(t.split()[-1] for t in OFFICIAL_TITLES if not t.startswith("head of "))


class SpeakerSides(OwnPeople, ExecutiveStates, PrincipalSides, CounterpartSides, RespondingStates, WordedSides):
    """The side (a state) a Statement's speaker speaks for."""

    def _speaker_side(self, sentence: Sentence, index: int, mentions: list[Mention], segment: list[Mention],
                      speaker: Mention, words: str | None, verb_span: tuple[int, int],
                      quote_span: tuple[int, int]) -> str | None:
        """The state ``speaker`` speaks for in the clause from ``verb_span``'s start to its end, or
        the speaker's own id where the article gives no state; ``segment`` holds the clause's
        mentions other than the speaker's own phrase."""
        v_start, s_end = verb_span
        q_start, q_end = quote_span
        own_state = self._state_id(speaker)
        if PLACED_OFFICE_SIDE and self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES:
            own_state = self._placed_office_side(speaker) or own_state
        heading = self._heading_state(sentence, mentions, self.speaks_under_heading(speaker))
        if self.gaz.entities.get(own_state, speaker).type != STATE and heading is not None:
            # "Britain — Prime Minister X said ...": a list of reactions names the speaker's state first
            own_state = heading
        if self.gaz.entities.get(own_state, speaker).type != STATE and POSSESSOR_OF_TITLE:
            # "Its spokesman, X, said ...": the state or body the possessive stands for is X's
            own_state = self._possessor_of_title(speaker) or own_state
        if self.gaz.entities.get(own_state, speaker).type != STATE:
            # "X, the prime minister's chief of staff, said ...": an aide speaks for their principal's state
            own_state = self._principal_side(speaker) or own_state
        if self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES:
            # "Foreign Minister X and his Chinese counterpart, Y": X serves the other side of Y's state
            own_state = self._counterpart_side(speaker.entity) or own_state
        if self.gaz.entities.get(own_state, speaker).type != STATE and speaker.entity in self.speaks_for:
            own_state = self.speaks_for[speaker.entity]
        if self.gaz.entities.get(own_state, speaker).type != STATE and self._actor_state(speaker.entity) \
                and self._titles_of(speaker.entity) & OFFICIAL_TITLES:
            # "Lebanon's information minister, X": an official speaks for the state the article gives
            # them ("Peruvian journalist X" does not)
            own_state = self._actor_state(speaker.entity)
        if SPEAKS_FOR_REPORTED_SUBJECT and self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES:
            # "Joly said Canada had expelled ...": an official whose state the article does not name
            # speaks of it in the third person, as the subject of the reported clause
            # any speech verb of the segment: "described the dead man as ... and said Russia had asked"
            verb_ends = [c.end() for c in SPEECH_VERBS.finditer(self.text, v_start, s_end)] or [v_start]
            # a state the speaker already spoke about is the other side ("called Belgium 'a haven of
            # fascists' ... said Belgium would pay the price"), not theirs
            spoken_about = self._spoken_about(speaker.entity) if SIDES_STAY_APART else set()
            if self._threatens(v_start) or BLAMED_NOT_SPOKEN_FOR and reported_clause_blames(self.doc, v_start):
                # "said Belgium would pay the price", "said Egypt had violated the ceasefire": the other side
                spoken_about = spoken_about | {m.entity for m in segment if m.type == STATE}
            subject = next((m for m in segment if m.start >= v_start and m.type == STATE and m.entity not in spoken_about
                            and not (q_start <= m.start < q_end)
                            and any(REPORTED_SUBJECT_OPENING.fullmatch(self.text, end, m.start) for end in verb_ends if end <= m.start)
                            and THIRD_PERSON_VERB.match(self.text, self._subject_end(m, segment))), None)
            if subject is not None:
                own_state = self.speaks_for[speaker.entity] = subject.entity
                # the partners joined to it in the subject stand on the speaker's side in these words
                self.__dict__.setdefault("subject_partners", {})[speaker.entity, v_start] = self._subject_partners(subject, segment)
            elif SPOKEN_FOR_ON_PARSE and self._titles_of(speaker.entity) & OFFICIAL_TITLES:
                # (an official only: a lawyer or an analyst who says "Ecuador violated the law" is no Ecuadorian)
                state = self._reported_state_subject(v_start, quote_span)
                own_state = state if state not in spoken_about else own_state
                if self.gaz.entities.get(own_state, speaker).type == STATE:
                    self.speaks_for[speaker.entity] = own_state
        if self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES and words \
                and self._titles_of(speaker.entity) & OFFICIAL_TITLES and FIRST_PERSON_PLURAL.search(words):
            # "Peru broke off relations ... 'We will not keep relations with a regime ...,' Foreign Minister
            # X said": an official of no named state who speaks for "us" speaks for the state that just acted
            acting = self._acting_state(index)
            envoys = OUR_ENVOYS.search(words) if acting else None
            acted_on = self._envoys_acted_on(index, acting) if envoys else None
            if acted_on and envoys.group("place") and self._place_state(envoys.group("place")) != acting:
                # "Our embassy in Mexico City remains open": the acting state's own mission abroad
                acted_on = None
            if acted_on:
                # "Niger ordered the French ambassador out ... 'Our ambassador is staying,' President X said":
                # "our envoy" speaks for the state whose envoy the act was done to, for these words only
                own_state = acted_on
            elif acting:
                own_state = self.speaks_for[speaker.entity] = acting
        if GOVERNMENT_VOICE and self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES \
                and self._titles_of(speaker.entity) & OFFICIAL_TITLES:
            # "'The Dutch government finds this extremely worrying,' X said": an official voicing a
            # government's view in their own words speaks for its state
            voiced = self._government_voiced(q_start, q_end)
            if voiced is not None:
                own_state = self.speaks_for[speaker.entity] = voiced
        if ACTING_FOR_STATE and self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES:
            # "Commodore X gave the envoys 24 hours to leave" (coded as the state's expulsion): X acts for that state
            own_state = self._state_acted_for(speaker.entity) or own_state
        if ANSWERING_STATE_SIDE and self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES \
                and self._titles_of(speaker.entity) & (OFFICIAL_TITLES - ENVOY_TITLES):
            # "Caracas answered within hours. President X said the recognition was worth nothing."
            own_state = self._responding_state(index, speaker.start) or own_state
        if HOME_OF_OFFICIALS and self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES \
                and self._titles_of(speaker.entity) & OFFICIAL_TITLES:
            own_state = self._home_state(speaker.entity) or own_state
        if self.gaz.entities.get(own_state, speaker).type != STATE and speaker.type in PERSON_TYPES:
            # "Secretary of State X said ...": a title one state uses; "President X said ...": the
            # executive of the one state the article's acts are by
            titled = self._national_title_side(speaker.entity) or self._executive_state(speaker.entity)
            if titled and CONDEMNED_ACT_NOT_OWN and self._condemns_act_of(v_start, titled):
                # "Ghana expelled two Togolese diplomats. President X condemned the expulsion": a title alone
                # gives no side against the words, which judge that state's act as another's
                titled = None
            own_state = titled or own_state
        if speaker.type == "Person" and own_state != speaker.entity and self.gaz.entities.get(own_state, speaker).type == STATE \
                and self._estrangements()(speaker.entity, own_state):
            # "Castillo said Peru had persecuted him": one his state arrested, charged or ousted speaks for himself
            own_state = speaker.entity
        return own_state

    def _envoys_acted_on(self, index: int, acting: str) -> str | None:
        """The state whose envoys or mission the latest act of ``acting`` on envoys (told up to sentence
        ``index``) was done to, if a state."""
        for event in reversed(self.events):
            if event.type in ACTS_ON_ENVOYS and acting in event.agent and min(event.sentences, default=index + 1) <= index:
                state = next((t for t in event.target if self.gaz.entities.get(t) is not None
                              and self.gaz.entities[t].type == STATE), None)
                if state:
                    return state
        return None

    def _placed_office_side(self, speaker: Mention) -> str | None:
        """'The prime minister in Canberra, X': the state of the seat the office noun that ``speaker``
        is in apposition to (or is told by) is placed in (the parse may hang the name on the place)."""
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else None
        if token is None:
            return None
        # the name in apposition ("..., X,"), or the office itself where the mention is its description
        office = token.head if token.dep_ == "appos" else token
        if token.dep_ == "appos" and office.dep_ == "pobj" and office.head.dep_ == "prep":
            office = office.head.head   # "in Kigali, Y": the name hung on the place
        if office.lemma_.lower() not in PLACED_OFFICE_HEADS or any(
                c.dep_ in ("compound", "amod", "nmod") and c.lower_ in ENVOY_TITLE_WORDS for c in office.lefts):
            return None
        owners = [c for c in office.children if c.dep_ in ("poss", "amod", "compound")
                  and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE"))]
        if owners:
            # "the Togolese minister in Accra, X": the demonym says whose, not the seat he is in
            state = next((self._place_state(c.text) for c in owners if c.pos_ != "PROPN" or c.dep_ == "poss"), None)
            return state if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE else None
        for place in (g for c in office.children if c.dep_ == "prep" and c.lower_ == "in"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
            words = [t for t in place.subtree if t.i <= place.i and t.dep_ == "compound" or t == place]
            state = self._place_state(self.text[words[0].idx:place.idx + len(place.text)])
            if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                return state
        return self._fronted_seat_state(office) if FRONTED_SEAT_SIDE else None

    def _fronted_seat_state(self, office) -> str | None:
        """'In Canberra, the foreign minister, X, said ...': the state whose seat of government opens
        the clause of a home office (a capital only: a minister is in Geneva or New York as a guest)."""
        if office.dep_ == "appos" and office.head.dep_ == "pobj" and office.head.head.lower_ == "in":
            place = office.head   # (the parse may hang the office on the place)
        elif office.dep_ == "nsubj":
            place = next((g for c in office.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < office.i
                          for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        else:
            return None
        if place is None or place.head.i != place.sent.start and place.head.i - 1 != place.sent.start:
            return None   # ("In" opens the sentence or follows one word: a dash, "Meanwhile")
        words = [t for t in place.subtree if t.i <= place.i and t.dep_ == "compound" or t == place]
        name = self.text[words[0].idx:place.idx + len(place.text)]
        capital = next((self.gaz.resolve(t) for t, kind in self.gaz.surfaces.get(name, ()) if kind == "capital"), None)
        return capital.id if capital is not None and capital.type == STATE else None

    def _state_acted_for(self, person: str) -> str | None:
        """The state whose act, as coded, has ``person`` as the subject of its trigger verb anywhere in
        the article ("X expelled the envoys", "X broke off relations"): a person who does a state's act
        speaks for that state, whatever their title."""
        cache = self.__dict__.setdefault("_states_acted_for", {})
        if person not in cache:
            cache[person] = None
            verb_types = frame_file.frames_for(self.doc.lang_).verb_types
            for verb in self._verbs_of_subject(person, verb_types):
                act = next((e for e in self.events if e.type != "Statement" and e.type in verb_types[verb.lemma_.lower()]
                            and len(e.agent) == 1 and person not in e.target and any(s <= verb.idx < t for s, t in e.spans)
                            and self.gaz.entities.get(e.agent[0]) is not None
                            and self.gaz.entities[e.agent[0]].type == STATE), None)
                if act is not None:
                    cache[person] = act.agent[0]
                    break
        return cache[person]

    def _possessor_of_title(self, speaker: Mention) -> str | None:
        """'Its spokesman, X', 'their envoy, X': the state of what the possessive on the noun X is in
        apposition to stands for (as the article's mentions resolve it)."""
        if speaker.type not in PERSON_TYPES or speaker.start >= speaker.end:
            return None
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else None
        if token is None or token.dep_ != "appos":
            return None
        # a body's or state's official ("its spokesman"), not a person's agent ("his lawyer")
        owner = next((c for c in token.head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is None or token.head.lemma_.lower() not in OFFICIAL_TITLE_HEADS:
            return None
        mentions = self._mentions_in(owner.idx, owner.idx + len(owner.text))
        if not mentions and owner.sent.start > 0:
            # unresolved: the subject of the sentence before ("Belarus rejected it. Its spokesman, X, ...")
            before = self.doc[owner.sent.start - 1].sent
            subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
            mentions = self._mentions_in(subject.left_edge.idx, subject.idx + len(subject.text)) if subject is not None else []
        for m in mentions:
            entity = self.gaz.entities.get(m.entity)
            state = m.entity if entity is not None and entity.type == STATE else self._actor_state(m.entity)
            if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                return state
        return None

    def _threatens(self, at: int) -> bool:
        """'said the Netherlands would pay the price', 'said Kenya would regret it': the clause the
        speech verb at ``at`` reports threatens its subject (THREATENED_PREDICATES), whose side the
        speaker is not on."""
        subject = reported_subject(self.doc, at)
        return subject is not None and subject.head.lemma_.lower() in THREATENED_PREDICATES

    def _spoken_about(self, speaker: str) -> set[str]:
        """The states the speaker's Statements coded so far are about."""
        return {t for e in self.events if e.type == "Statement" and speaker in e.agent for t in e.target
                if self.gaz.entities.get(t) is not None and self.gaz.entities[t].type == STATE}

    def _reported_state_subject(self, at: int, quote_span: tuple[int, int]) -> str | None:
        """'said on Sunday that Turkey stood ...', 'said Ankara was suspending ...': the state that is
        the subject of the clause the speech verb at ``at`` reports, named by its name or its
        capital (not a pronoun, a demonym or a person), outside the quotation (quoted words of a
        speaker's own side name the other side in the third person: "Somalia crossed them")."""
        if not only_reports(self.doc, at):
            return None  # "demanded that Washington apologize": whom the speaker wants to act, not their side
        if BLAMED_NOT_SPOKEN_FOR and reported_clause_blames(self.doc, at):
            return None  # "said Britain had failed to protect the mission": whom the speaker accuses
        subject = reported_subject(self.doc, at)
        if subject is None or subject.tag_ not in STATE_SUBJECT_TAGS or quote_span[0] <= subject.idx < quote_span[1] \
                or has_modal(subject.head, "demand") \
                or subject.head.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in subject.head.children):
            return None  # "that Venezuela had to publish the tallies": a demand on it
        for m in self._mentions_in(subject.left_edge.idx, subject.idx + len(subject.text)):
            if not m.start <= subject.idx < m.end:
                continue
            if m.kind not in ("name", "alias", "capital"):
                continue
            state = m.entity if m.type == STATE else self._actor_state(m.entity) if m.type == "City" else None
            if state and self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE:
                return state
        return None

    def _heading_actor(self, sentence: Sentence, mentions: list[Mention], own_line: bool = True) -> str | None:
        """'Norway — Jonas Gahr Støre, the prime minister, said ...': the actor a list of reactions
        names at the head of its line (or, ``own_line``, on a line of its own above the paragraph)."""
        start = sentence.start
        head = HEADING.match(sentence.text)
        if head is not None:
            head_end = start + head.end(1)
        else:
            # "Egypt — The foreign ministry said ... Sadat told ...": a heading holds for its whole line
            start = self.text.rfind("\n", 0, sentence.start) + 1
            head = HEADING.match(self.text, start, sentence.start) if start < sentence.start else None
            if head is None:
                return self._own_line_heading_actor(sentence.start) if own_line else None
            head_end = head.end(1)   # (matched in the whole text: already an offset in it)
            mentions = self._mentions_in(start, sentence.start)
        heading_mentions = [m for m in mentions if start <= m.start and m.end <= head_end]
        words = self.text[head_end - len(head.group(1)):head_end]
        # a dateline heads the article, or is in a wire's capitals ("LIMA — " heading each item of a brief)
        dateline_like = words.strip().isupper() or self._at_head(head_end)
        if DATELINES_NO_SIDE and dateline_like and self._dateline_city(words, heading_mentions):
            return None
        inside = {m.entity for m in heading_mentions}
        if not inside and CAPITALISED_HEADINGS:
            inside = self._capitalised_heading(words)
        return inside.pop() if len(inside) == 1 else None

    def _at_head(self, offset: int) -> bool:
        """Whether ``offset`` is on a line of the article's head (title, byline, dateline: no line
        before it ends a sentence), where a dateline stands; a list of reactions' heading is not."""
        before = [line.strip() for line in self.text[:self.text.rfind("\n", 0, offset) + 1].split("\n")]
        before = [line for line in before if line]
        return len(before) < DATELINE_LINES and not any(line.endswith(SENTENCE_ENDS) for line in before)

    def _dateline_city(self, words: str, mentions: list[Mention]) -> bool:
        """'BOGOTÁ — ...', 'Caracas — ...': a heading that names a city, not a state or a body, is a
        dateline (where the report was filed), which says nothing of whom its speakers speak for."""
        if mentions:
            # the whole heading the city's name ("Ankara's reply came within hours:" is a clause)
            return len(mentions) == 1 and self.text[mentions[0].start:mentions[0].end] == words.strip() \
                and (mentions[0].kind == "capital" or mentions[0].type == "City")
        if not words.isupper():
            return False
        found = [kind == "capital" or self.gaz.resolve(target).type == "City"
                 for target, kind in self.gaz.surfaces.get(words.strip().title(), ())]
        return bool(found) and all(found)

    def speaks_under_heading(self, speaker: Mention) -> bool:
        """Whether a heading on a line of its own gives ``speaker`` its side: a body, an official, or
        the person the section first names (heading_states.py); not an opposition leader or an
        analyst quoted under it ("SOLOMON ISLANDS ... The opposition leader, X, said")."""
        return speaker.type not in PERSON_TYPES or speaker.entity in self.person_states \
            or bool(self._titles_of(speaker.entity) & OFFICIAL_TITLES)

    def _own_line_heading_actor(self, at: int) -> str | None:
        """'AUSTRALIA' on a line of its own above the paragraph holding ``at`` (heading_lines.py):
        the one actor it names, as a heading on the line would."""
        sections = self.__dict__.get("_heading_sections")
        if sections is None:
            sections = self.__dict__["_heading_sections"] = heading_sections(self.text) if OWN_LINE_HEADINGS else []
        span = heading_above(sections, at) if sections else None
        if span is None:
            return None
        # the whole line one name ("Chile Recalls Envoy" above its lead is a headline, not a heading)
        inside = {m.entity for m in self._mentions_in(*span) if (m.start, m.end) == span}
        if not inside and CAPITALISED_HEADINGS:
            inside = self._capitalised_heading(self.text[span[0]:span[1]])
        return inside.pop() if len(inside) == 1 else None

    def _capitalised_heading(self, heading: str, keep=lambda entity: entity.type == STATE) -> set[str]:
        """'BRAZIL — ', 'UNITED STATES: ': a heading in capitals names the actors its words name in
        ordinary case (the text's mentions are found case-sensitively) that ``keep`` accepts (by
        default states), as its words are, else with the small words lowered ("Organization of
        American States")."""
        if not heading.isupper():
            return set()
        words = heading.title()
        for surface in (words, re.sub(r"\b(?:Of|The|And|For)\b", lambda w: w.group(0).lower(), words)):
            found = {self.gaz.resolve(t).id for t, _ in self.gaz.surfaces.get(surface, ()) if keep(self.gaz.resolve(t))}
            if found:
                return found
        return set()

    def _heading_state(self, sentence: Sentence, mentions: list[Mention], own_line: bool = True) -> str | None:
        """The state a list of reactions heads the line with."""
        actor = self._heading_actor(sentence, mentions, own_line)
        state = (self._actor_state(actor) or actor) if actor else None
        return state if self.gaz.entities.get(state) is not None and self.gaz.entities[state].type == STATE else None
