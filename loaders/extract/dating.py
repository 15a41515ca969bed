"""Dates per event: from the event's clause, then its sentence, then the time the story is at.

``StoryTimeline.from_doc(doc, published)`` walks an article's sentences in order and keeps the
time the narrative is at: the dateline (else the publication date) to begin with, then each date
the narrative gives in a main clause ("On 3 June, police surrounded the embassy"), moved by
relative ones ("two days later").  Every date phrase of the text is resolved as it is met, by the
grammar of ``loaders/dates.py``:

- anaphoric phrases ("that night", "late that Tuesday", "the next day", "two days later",
  "later that year") against the date the narrative last gave;
- deictic ones ("on Tuesday", "last Friday", "yesterday", "last month", "in November") against
  the narrative's date when it was given in the same paragraph, else against the dateline or the
  publication date, as the event codebook says;
- a date in a relative clause, an apposition or brackets ("Castillo, arrested in December 2022,")
  is resolved but does not move the story.

``timeline.date_for(trigger)`` gives an event's claim ``date`` field, ``{"phrase": <the text's
words>, "value": <ISO of the text's precision>}`` (with a ``basis`` when the value comes from a
reference time), or None when the text gives no date for it.

The date phrases themselves, and whether each moves the story, are found by ``date_mentions.py``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import names_day, precision_of
from . import tree
from .act_places import doing_participles
from .date_attachment import (
    DEADLINE_WORDS,
    before_complement_subject,
    closes_description,
    counted_date,
    day_described,
    eve_date,
    eve_of,
    names_a_thing,
    on_complement,
    record_since,
    up_to_relative,
    years_before,
    years_counted,
)
from .date_fields import STORY_TIME, date_field, date_rank
from .date_mentions import (
    SIDE_CLAUSES,
    DateMention,
    governor,
    host,
    mentions_in,
    of_thing,
    paragraph_of,
)
from .interview_answers import interview_of
from .relative_dates import (
    TimelineHeadings,
    resolve_in_story,
    told_ahead,
    year_of_the_weekday,
)
from .text import dateline as find_dateline
from .time_measures import mark_token, mark_word, measure_days, other_time
from .when_clauses import date_of_when_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the opening word of a date phrase that tells a span's start or end, not a point ("from 1987", "until 1993")
SPAN_START = re.compile(r"(?i)(?:from|between|since|until|till)\b")
#: a line of page furniture (a photo's caption, a link to another story): its dates are not the story's time
FURNITURE_LINE = re.compile(r"(?i)[ \t]*(?:photo(?:\s+caption)?|caption|picture|read\s+more|related|see\s+also|correction)\s*:")


@dataclass(frozen=True)
class StoryTime:
    value: str
    phrase: str | None         # the words that set it (None for the dateline/publication date)
    sentence: int
    paragraph: int


class StoryTimeline:
    """The dates of an article, resolved in reading order (see the module docstring)."""

    def __init__(self, doc: Doc, published: str | None, mentions: list[DateMention],
                 story: list[StoryTime | None], base: str | None, inherit: bool = True, dateline: bool = False,
                 text: str | None = None, sentences: list | None = None) -> None:
        self.doc = doc
        self.dateline = dateline  # whether ``base`` is the article's dateline (else the publication date)
        self.published = published
        self.mentions = mentions
        self.base = base
        self.inherit = inherit
        self._story = story    # the narrative's time after each sentence
        self._text = tree.doc_text(doc) if text is None else text   # Doc.text joins every token anew on each access: once per article
        self._sentences = list(doc.sents) if sentences is None else sentences   # (from_doc's, not read again)
        self._sentence_starts = [s.start_char for s in self._sentences]
        self._token_starts = [t.idx for t in tree.tokens(doc)]
        self._by_sentence: dict[int, list[DateMention]] = {}
        for m in mentions:
            self._by_sentence.setdefault(m.sentence, []).append(m)

    # -- construction --------------------------------------------------------------------------
    @classmethod
    def from_doc(cls, doc: Doc, published: str | None, *, inherit: bool = True) -> StoryTimeline:
        """Walk the article once; ``inherit`` lets an undated event of a paragraph take the date
        the paragraph's narrative gave in an earlier sentence."""
        text = tree.doc_text(doc)
        sentences = list(doc.sents)
        dateline = find_dateline(text)
        base = dateline[0] if dateline else published
        mentions: list[DateMention] = []
        story: list[StoryTime | None] = []
        narrative: StoryTime | None = None   # the story's frame: what deictic phrases count from
        last_told: StoryTime | None = None   # the last date a main clause gave: what "that day" points to
        headings = TimelineHeadings(text)  # a timeline line's heading without a year is in the year of the line before
        ner = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]  # once: Span.ents scans the doc
        for index, sentence in enumerate(sentences):
            in_sentence: StoryTime | None = None  # the last day this sentence told, in any clause
            year_in_sentence: StoryTime | None = None  # the last date with its year this sentence told
            furniture = FURNITURE_LINE.match(text, text.rfind("\n", 0, sentence.start_char) + 1) is not None
            for mention in mentions_in(doc, text, sentence, index, ner):
                mentions.append(mention)
                if dateline and mention.start < dateline[2] and dateline[1] < mention.end:
                    mention.value, mention.dateline = base, True
                    headings.told(mention, StoryTime(base, mention.phrase, index, mention.paragraph))
                    continue
                if not headings.resolve(mention):
                    resolve_in_story(mention, narrative, last_told, base, published, in_sentence, dateline is None,
                                     year_in_sentence)
                    year_of_the_weekday(mention, mentions, base)
                if names_day(mention.value):
                    in_sentence = StoryTime(mention.value, mention.phrase, index, mention.paragraph)
                if mention.value and not mention.kind.startswith("rel-"):
                    year_in_sentence = StoryTime(mention.value, mention.phrase, index, mention.paragraph)
                if not (mention.value and mention.moves_story) or told_ahead(mention.value, published or base) or furniture:
                    continue
                last_told = StoryTime(mention.value, mention.phrase, index, mention.paragraph)
                headings.told(mention, last_told)
                if mention.root.dep_ == "poss" and mention.root.head.dep_ in tree.SUBJECTS:
                    continue  # "Saturday's decree dissolved the court": "hours later" counts from it, no frame
                if mention.root.i - sentence.start <= 3 or mention.fronted or not _flashback(mention, narrative.value if narrative else base):
                    narrative = last_told  # "..., was shot dead on June 18": background, not the story's frame
            story.append(narrative)
        return cls(doc, published, mentions, story, base, inherit, dateline=dateline is not None, text=text, sentences=sentences)

    # -- queries ---------------------------------------------------------------------------------
    def date_for(self, trigger: Token) -> dict | None:
        """The claim ``date`` of the event whose trigger is this token, or None."""
        sent_index = bisect.bisect_right(self._sentence_starts, trigger.idx) - 1
        paragraph = paragraph_of(self.doc, trigger.idx)
        in_sentence = [m for m in self._by_sentence.get(sent_index, []) if m.paragraph == paragraph
                       and not m.dateline and (m.value or _weekday_only(m))
                       and (not names_a_thing(m.root, trigger) or m.heading) and not record_since(m.root)]
        chosen = _in_clause(trigger, in_sentence)
        if chosen is None or eve_of(chosen.root) is not None:   # (a day of the act's own comes first)
            eve = _eve_in_clause(trigger, self._by_sentence.get(sent_index, []), paragraph)
            if eve is not None:
                return eve
        chosen = chosen or date_of_when_clause(trigger, in_sentence, self._text) or day_described(trigger, in_sentence, self._text)
        if chosen is None:
            # an act in a clause of another time with a measure ("a day after"): counted from the main clause
            subordinate = _other_time_clause(trigger)
            counted = self._counted_from_main_clause(subordinate) if subordinate is not None else None
            mark = mark_token(subordinate) if subordinate is not None and counted is None else None
            main = (self.date_for(subordinate.head) or {}) if mark is not None and years_before(mark) else {}
            years = years_counted(subordinate, mark, main["value"]) if main.get("value") else None
            if years is not None:
                counted = date_field(years[0], years[1], f"{years[0]!r} counted from the main clause's time ({main['value']})")
            counted = counted or counted_from_subordinate(trigger, in_sentence)   # ("a day after X did Y on Monday")
            if counted is not None:
                return counted
            chosen = _in_sentence(trigger, in_sentence)
        if chosen is not None:
            return date_field(chosen.phrase, chosen.value, chosen.basis)
        asked = self._asked_date(trigger)
        if asked is not None:   # "What did your government decide on Sunday?" / "We have broken off relations ..."
            return date_field(asked.phrase, asked.value, f"the date of the question it answers, {asked.phrase!r}")
        if not self.inherit:
            return None
        told = self._story[sent_index - 1] if sent_index > 0 else None
        if told is not None and told.phrase and self._line_label(sent_index - 1, told.phrase):
            return date_field(told.phrase, told.value, "the date that heads the line (a timeline's)")
        if told is not None and told.phrase:
            where = "earlier in the paragraph" if told.paragraph == paragraph else "in an earlier paragraph"
            return date_field(told.phrase, told.value, f"{STORY_TIME} {told.phrase!r} {where}")
        lead = self._lead_date(trigger.idx, sent_index, paragraph)
        if lead is not None:
            return date_field(lead.phrase, lead.value, f"{STORY_TIME} {lead.phrase!r} in the next lines, the lead's day")
        if self.base and self.dateline:  # the dateline: where the story starts (or a timeline's first line)
            words = next((m.phrase for m in self.mentions if m.dateline), None)
            return date_field(words, self.base, f"{STORY_TIME} the dateline: no date told before") if words \
                else {"value": self.base, "basis": f"{STORY_TIME} the dateline: no date told before"}
        return None

    def _asked_date(self, trigger: Token) -> DateMention | None:
        """In an interview, an act in an answer its own sentence leaves undated is at the date the
        question it answers gives (the last one, in the question's line)."""
        interview = interview_of(self.doc, self._text)
        question = interview.question_before(trigger.idx) if interview is not None else None
        if question is None:
            return None
        dated = [m for m in self.mentions if question[0] <= m.start < question[1] and m.value]
        return dated[-1] if dated else None

    def _line_label(self, index: int, phrase: str) -> bool:
        """Whether sentence ``index`` is only a date heading a timeline's line ("1998:"), split off
        by the parser from the line it dates."""
        starts = self._sentence_starts
        if index + 1 >= len(starts):
            return False
        said = self._text[starts[index]:starts[index + 1]]
        if said.rstrip()[-1:] not in ("-", "–", "—", ":"):
            return False   # (most sentences: the phrase's own pattern, compiled anew for each, is not needed)
        return re.fullmatch(r"\s*" + re.escape(phrase) + r"\s*[-–—:]+\s*", said) is not None

    def _lead_date(self, offset: int, sent_index: int, paragraph: int) -> DateMention | None:
        """Before any date is told, the day the next lines give to the news ("Somalia has broken off
        relations with Kenya. The minister announced the decision on Tuesday"): the first day a
        main clause tells within the next two lines with words (a headline's: byline and lead), if
        it lies in the week before the dateline or publication date."""
        if not names_day(self.base):
            return None
        if "written_lines" not in self.doc.user_data:  # once per doc
            self.doc.user_data["written_lines"] = [i for i, line in enumerate(self._text.split("\n")) if line.strip()]
        written = [i for i in self.doc.user_data["written_lines"] if i > paragraph][:2]
        last = written[-1] if written else paragraph  # the next two lines with words (a headline's: byline, lead)
        for m in self.mentions:
            if m.start <= offset or (m.sentence, m.paragraph) == (sent_index, paragraph) or m.dateline \
                    or not m.moves_story or not m.value:  # (a headline and its lead may be one parsed sentence)
                continue
            if m.paragraph > last:
                return None
            if names_day(m.value) and not _flashback(m, self.base) and m.value <= self.base:
                return m
            return None
        return None

    def _counted_from_main_clause(self, clause: Token) -> dict | None:
        """An act in a clause of another time ("a day after Peru expelled the consul", "six days
        after he sought refuge", "hours after he landed"): counted back (or on) from the main
        clause's date by the measure the text gives; None without one (the sentence's date then
        serves: the nearest the text gives; tried, leaving such acts undated dated fewer right)."""
        measure = measure_days(clause)
        if measure is None:
            return None
        main = self.date_for(clause.head)
        if main and not names_day(main.get("value", "")) and clause.head.dep_ == "relcl" and SPAN_START.match(main.get("phrase") or ""):
            # "named X, who ruled from 1987 to 1993, as its head of state, two days after the president fled":
            # the parser hangs the sentence's last clause on the relative clause before it, but a span of
            # years is no point a count of days starts from: the clause that relative clause is told in is
            outer = next((t for t in clause.head.head.ancestors if t.pos_ in ("VERB", "AUX")), None)
            main = self.date_for(outer) if outer is not None else main
        if not main or not names_day(main.get("value", "")):
            return None
        value, phrase = counted_date(clause, main["value"], measure if mark_word(clause) in ("before", "until", "till") else -measure)
        basis = f"{phrase!r} counted from the main clause's date, {main.get('phrase') or main['value']!r} ({main['value']})"
        # (counted from a main clause the story's time dates, it is no more direct than that time)
        return date_field(phrase, value, f"{STORY_TIME} {basis}" if date_rank(main) == 1 else basis)

    def date_at(self, offset: int) -> dict | None:
        """``date_for`` the token at a character offset of the text (for callers holding offsets)."""
        i = max(0, bisect.bisect_right(self._token_starts, offset) - 1)
        return self.date_for(self.doc[i]) if len(self.doc) else None

    def story_time(self, sentence: int) -> str | None:
        """The time the narrative is at after a sentence (its own dates included), else the base."""
        told = self._story[sentence] if 0 <= sentence < len(self._story) else None
        return told.value if told else self.base


def _flashback(mention: DateMention, now: str | None) -> bool:
    """Whether a date lies more than a week before a day-precise story time."""
    if not mention.value or not names_day(now):
        return False
    end = mention.value if names_day(mention.value) else (mention.value + "-12-31")[:10] if precision_of(mention.value) == "year" \
        else f"{mention.value}-28"
    return end < (dt.date.fromisoformat(now) - dt.timedelta(days=7)).isoformat()


# -- resolving them in reading order -----------------------------------------------------------------

# -- choosing an event's date ------------------------------------------------------------------------

def _attached(date_root: Token, trigger: Token, verb: Token) -> bool:
    """Whether a date hangs on the trigger itself ("the expulsion on Monday", "Monday's
    expulsion") or on the verb of the trigger's clause ("expelled him on Monday")."""
    return date_root.head.i != date_root.i and (date_root.head.i == trigger.i or host(date_root).i in (trigger.i, verb.i)
                                                or _on_own_participle(host(date_root), trigger)
                                                or _on_subject_participle(host(date_root), verb)
                                                or on_complement(date_root, host(date_root), verb)
                                                or _dates_thing(date_root, trigger, verb)
                                                or before_complement_subject(date_root, host(date_root), verb))


def _on_own_participle(host_verb: Token, trigger: Token) -> bool:
    """'the ten-year sentence handed down in May', 'the warrant issued on Monday': a date on the participle
    that tells the doing of an act told as a noun dates the act."""
    return host_verb.head.i == trigger.i and host_verb.i in {p.i for p in doing_participles(trigger)}


def _on_subject_participle(host_verb: Token, verb: Token) -> bool:
    """'The indictment, read in court on Sept. 16, accused him of espionage', 'the decree, signed on
    Monday, expelled the consul': a date on the participle that tells the doing of the act noun the
    clause's subject names dates the act the clause tells (not "the army, formed in 1960, seized
    power": no participle of doing)."""
    subject = next((c for c in verb.children if c.dep_ in tree.SUBJECTS), None)
    return subject is not None and host_verb.head.i == subject.i \
        and host_verb.i in {p.i for p in doing_participles(subject)}


def _dates_thing(date_root: Token, trigger: Token, verb: Token) -> bool:
    """'the coup of April 11' dates the coup, and the act of a relative clause of time on it or on
    the date itself ("the coup of April 11, in which officers detained X", "on 12 May, when Lima ...")."""
    of = of_thing(date_root)
    if of is not None and of == trigger.i:
        return True
    antecedent = _antecedent_of_when(verb)
    return antecedent is not None and antecedent in (of, date_root.i)


def _antecedent_of_when(verb: Token) -> int | None:
    """The noun a relative clause of time or occasion tells about ("the coup of April 11, in which
    officers detained X", "the raid on 3 March, when police arrested Y"): its act is at that thing's date."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "when" or c.dep_ == "prep" and c.lower_ in ("in", "during") \
                and any(g.lower_ == "which" for g in c.children):
            return verb.head.i
    return None


def _eve_in_clause(trigger: Token, mentions: list[DateMention], paragraph: int) -> dict | None:
    """'Police arrested X on the eve of the October 16, 2016 vote': the day before the date the "eve"
    phrase of the trigger's own clause tells (the date names the vote, so is no date of the act itself)."""
    for m in mentions:
        if m.paragraph != paragraph or m.dateline or not m.value:
            continue
        moved = eve_date(m.root, m.value)
        if moved is not None and governor(m.root).i == governor(trigger).i:
            return date_field(moved[1], moved[0], f"the day before {m.phrase!r}")
    return None


def _in_clause(trigger: Token, mentions: list[DateMention]) -> DateMention | None:
    """The nearest date attached to the trigger or to the verb of its clause."""
    verb = governor(trigger)
    attached = [m for m in mentions if _attached(m.root, trigger, verb)]
    return min(attached, key=lambda m: abs(m.root.i - trigger.i), default=None)


def counted_from_subordinate(trigger: Token, mentions: list[DateMention]) -> dict | None:
    """'Peru recalled its ambassador a day after Mexico granted her asylum on Saturday': an act with no
    date of its own, measured from a since/after/before clause that has one, is counted on (or back)
    from that clause's date by the measure ("a day after": Sunday; "two days before": Thursday)."""
    for clause in governor(trigger).children:
        if clause.dep_ != "advcl" or mark_word(clause) not in ("after", "before"):
            continue
        measure = measure_days(clause)
        told = _in_clause(clause, mentions) if measure is not None else None
        if told is None or not names_day(told.value):
            continue
        value, phrase = counted_date(clause, told.value, measure if mark_word(clause) == "after" else -measure)
        return date_field(phrase, value, f"{phrase!r} counted from the date of the clause it measures from, {told.phrase!r} ({told.value})")
    return None


def _in_sentence(trigger: Token, mentions: list[DateMention]) -> DateMention | None:
    """The nearest date of a clause that holds the event's ("announced on Tuesday that Peru had
    expelled ..."), or of the side remark the event is told in; never another clause's date."""
    chain = up_to_relative(trigger)
    around, before_main = {t.i for t in chain}, chain[-1].head.i != chain[-1].i
    # verbs coordinated with the trigger under one subject tell one time: "was impeached and
    # removed from office in October 2025"
    coordinated = {c.i for c in trigger.conjuncts if c.pos_ in ("VERB", "AUX")
                   and not any(ch.dep_ in tree.SUBJECTS for ch in c.children)}
    around |= coordinated
    # (but a deadline told on the other verb is its own: "was declared persona non grata and must leave by May 10")
    usable = [m for m in mentions if of_thing(m.root) is None and _governs(governor(host(m.root)), around, trigger)
              and not (governor(host(m.root)).i in coordinated and DEADLINE_WORDS & {m.root.lower_, m.root.head.lower_})
              or trigger.i in _side_subtree(m.root) or (m.fronted and m.moves_story and not before_main)]
    return min(usable, key=lambda m: abs(m.root.i - trigger.i), default=None)


def _governs(clause: Token, around: set, trigger: Token) -> bool:
    """Whether a date's clause holds the event: the trigger's own clause or one above it, or a
    participle opening the sentence ("Speaking on Tuesday, the minister said …"); never a clause
    of another time ("since the war began on October 7") that the trigger is not in."""
    if other_time(clause) is not None and clause.i != governor(trigger).i:
        return False  # (the parser may make "since the war began" the root the event hangs under)
    if clause.i in around:
        return True
    if _announces_by_colon(clause, around):
        return True
    return (clause.dep_ == "advcl" and clause.head.i in around and clause.tag_ in ("VBG", "VBN")
            and mark_word(clause) is None) or (
        # "Kaya, on arriving in Istanbul on Sunday, said ...": the moment of the saying (the parser may
        # hang the phrase on the subject)
        clause.dep_ == "pcomp" and clause.tag_ == "VBG" and clause.head.lower_ in ("on", "upon")
        and (clause.head.head.i in around or clause.head.head.dep_ == "nsubj" and clause.head.head.head.i in around))


def _announces_by_colon(clause: Token, around: set) -> bool:
    """'The answer came the next day: Venezuela broke off relations': an intransitive clause ending
    in a colon introduces the act after it and tells its time (the parser makes it that verb's
    complement); not a saying ("said on Monday: ..."), which has a complement of its own."""
    if clause.dep_ not in ("ccomp", "parataxis") or clause.head.i not in around or clause.i > clause.head.i \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children):
        return False
    return any(c.dep_ == "punct" and c.text == ":" and clause.i < c.i < clause.head.i for c in clause.head.children)


def _side_subtree(token: Token) -> set:
    """The tokens of the relative clause, apposition or bracket a date sits in (empty if none; so for
    a date the parser hangs in a description it follows: ``closes_description``)."""
    if closes_description(token) is not None:
        return set()
    for t in [token, *token.ancestors]:
        if t.dep_ in SIDE_CLAUSES:
            return {s.i for s in t.subtree}
    return set()


def _other_time_clause(trigger: Token) -> Token | None:
    """The since/after/before clause the trigger heads, if it heads one (acts further down keep
    the dates of their own clauses and sentence: tried, it dated fewer events right)."""
    verb = governor(trigger)
    while (verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in tree.SUBJECTS for c in verb.children)) \
            or (verb.dep_ == "xcomp" and verb.head.pos_ == "VERB"):
        # "a day after he slipped back and took refuge", "two days after parliament voted to remove him":
        # the clause the verb is told in
        verb = verb.head
    return verb if verb.dep_ in ("advcl", "ccomp", "conj") and other_time(verb) is not None else None  # (a ccomp or conj marked "after": a misparse)


def _weekday_only(m: DateMention) -> bool:
    return m.kind == "rel-weekday"
