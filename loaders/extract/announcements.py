"""Whether a speaker's words announce an act coded as its own event (then they are that event's
``announced_by``, not a Statement): "Joly said Canada had expelled ...", "'France has decided to
bring back its ambassador,' Macron said", or a plain report of the lead's act.

Kept apart from ``statements.py`` because the test reads the act triggers (the rules' and the
retired rules' cue patterns) and the parse, not the speaker or the target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .actor_phrase import OWN_STATE_NOUNS
from .modality import is_modal
from .reported_acts import reports_coded_act
from .rules import RETIRED_CUES, RULES
from .speech import reported_clauses, speech_class
from .speech_content import (
    REPORTING_LEMMAS,
    adds_judgement,
    judges,
    only_reports,
    reported_subject,
)
from .statement_targets import OWN_POSSESSIVES
from .structure import subjunctive_clause
from .tree import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the triggers of acts a speaker may announce
RULES_BY_TYPE = {r.type: r for r in RULES + RETIRED_CUES}
#: the speech-act classes (speech_acts.yaml) whose verb judges what its object names
JUDGING_OBJECT_CLASSES = frozenset({"defend", "condemn", "reject", "accuse", "praise", "apologise"})


def judges_act_named(doc: Doc, at: int) -> bool:
    """Whether the speech verb at ``at`` is a finite verb that judges what its object names ("defended
    the decision to declare X persona non grata", "condemned the expulsion"), not a participle giving an
    act's grounds ("expelled them, condemning ...")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    return verb.pos_ == "VERB" and verb.tag_ != "VBG" and speech_class(verb) in JUDGING_OBJECT_CLASSES \
        and any(c.dep_ == "dobj" for c in verb.children)


def _reaches(pattern: re.Pattern, text: str, start: int, end: int, past: int) -> bool:
    """Whether some match of ``pattern`` in text[start:end], overlapping ones included, ends after ``past``."""
    while (match := pattern.search(text, start, end)) is not None:
        if match.end() > past:
            return True
        start = match.start() + 1
    return False


def _coordinated_act(doc: Doc, verb_at: int, pattern: re.Pattern, text: str, end: int) -> bool:
    """Whether an act's trigger starts a verb coordinated after the speech verb at ``verb_at``
    ("condemned the decision and recalled its ambassador"): a second act of the speaker's, not
    what is said."""
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    if verb.dep_ == "relcl":
        # "Austria, which protested that ..., recalled its envoy": the act is the main
        # clause's, outside what the relative clause says
        said = range(verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
        return not any(m.start() in said for m in pattern.finditer(text, verb.sent.start_char, end))
    return any(pattern.match(text, c.idx, end) for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB")


def announces_act(events: Iterable, doc: Doc, text: str, *, sentence_index: int, sentence_start: int,
                  sentence_end: int, verb_at: int, quote: tuple[int, int], neutral: bool, plain: bool,
                  own_state: str | None, speaker: str, judged: bool = False) -> bool:
    """Whether the speaker's words (a quotation when ``neutral`` is set: words the verb only reports;
    else a reported clause) announce one of ``events``, an act of the speaker or their state.

    ``plain``: a report that judges nothing, which announces an act told in another sentence too (the
    lead); an act whose words run into what is said ("has not issued the safe passage, stating it is
    analysing ...") is announced by it, one told before the verb ("broke off relations, saying ...")
    is not, nor a second act coordinated with a judging verb.  ``judged``: a judgement added to the
    report ("..., adding that the recall was a hostile act"), which does not announce another's act
    the speaker only told of."""
    q_start, q_end = quote
    for e in events:
        rule = RULES_BY_TYPE.get(e.type)
        if rule is None or e.type == "Statement":
            continue
        if not (sentence_index in e.sentences or plain):
            continue
        # (another's act the speaker only told of: announced by them, but words that judge it are a remark)
        if not (own_state in e.agent or speaker in e.agent
                or e.fields.get("announced_by") == speaker and not judged):
            continue
        if not (plain or neutral) and _coordinated_act(doc, verb_at, rule.trigger, text, sentence_end):
            continue
        if rule.trigger.search(text, q_start, q_end) if neutral \
                else _reaches(rule.trigger, text, sentence_start, sentence_end, verb_at):
            return True
    return False


def quoted_in_report(doc: Doc, verb_at: int, quote: tuple[int, int]) -> bool:
    """Whether the quotation is a fragment inside the clause the speech verb at ``verb_at`` reports
    ("said it had recalled its ambassador because of 'the worsening situation'"): then the act that
    clause tells is announced with its quoted reason, and the words are that act's, not a Statement
    of their own.  Not where another verb comes between ("said ..., calling the move 'an insult'")."""
    q_start, q_end = quote
    if q_start <= verb_at:
        return False
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    inside = doc.char_span(q_start, q_end, alignment_mode="expand")
    if span is None or not len(span) or inside is None or len(inside) < 2:
        return False
    verb = span[0]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < inside[0].i]
    if not clauses:
        return False
    clause = clauses[0]
    first = next((t for t in inside if not t.is_punct and not t.is_quote), None)
    if first is None or clause not in first.ancestors and first != clause:
        return False
    # the quoted words hang on the reported clause itself, not on a second clause coordinated with it
    # ("... and that Mogadishu's 'campaign of lies' had to end") nor on a participle ("calling ...")
    path = []
    for t in first.ancestors:
        if t == clause:
            break
        path.append(t)
    return not any(t.dep_ == "conj" or t.pos_ == "VERB" and t.tag_ == "VBG" for t in path + [first])


def reports_own_coded_act(doc: Doc, events: Iterable, frames, verb_at: int, own_state: str | None) -> bool:
    """'Hague said Britain had withdrawn Chilcott and shut the embassy': a plain report whose clause
    has the speaker's own state as subject and, as its verb, a trigger lemma of a frame whose act the
    article codes with that state as agent, tells that act again (told first elsewhere, and the
    clause may lack the words the frame needs there: "withdrawn Chilcott", not "its ambassador")."""
    subject = reported_subject(doc, verb_at)
    if subject is None or own_state is None:
        return False
    verbs = clause_verbs(subject.head)
    if not_done(verbs):
        return False
    types = act_types(frames, verbs)
    return any(e.type in types and own_state in e.agent for e in events if e.type != "Statement")


def not_done(verbs: list[Token]) -> bool:
    """Whether a clause's verbs are negated or modal: no act told ("would not expel", "had never cut"; what a
    speaker says their state will or might do is no telling of an act)."""
    return any(c.dep_ == "neg" or is_modal(c) for v in verbs for c in v.children)


def clause_verbs(verb: Token) -> list[Token]:
    """A clause's verb and the verbs coordinated with it ("had withdrawn Chilcott and shut the embassy")."""
    return [verb] + [c for c in verb.conjuncts if c.pos_ == "VERB"]


def act_types(frames, verbs: list[Token]) -> set[str]:
    """The event types of the frames whose verb triggers have the lemma of one of ``verbs``."""
    return set().union(*(frames.verb_types.get(v.lemma_.lower(), ()) for v in verbs))


#: reporting speech verbs whose reported clause may be the announcement of an act: speech_content.REPORTING_LEMMAS
#: less "tell", whose object is an audience, and the verbs of writing and posting ("wrote", "tweeted",
#: "posted", "noted"), which were not measured as announcing
ANNOUNCING = REPORTING_LEMMAS - {"tell", "write", "tweet", "post", "note"}


def announces_coded_act(doc: Doc, events: Iterable, frames, verb_at: int, index: int, sides: set,
                        named: Callable[[Token], set]) -> bool:
    """'Paris said it had taken note of the decision and was recalling Meyer', 'the White House said
    Washington would never recognize the two entities': a reporting verb whose reported clause has,
    as a verb (or a conjunct, or a verb it governs: "had decided to sever ties"), a trigger lemma of a
    frame whose act the sentence codes with the speaker's side as agent: the act's announcement (not
    where a verb of the clause judges: "said it regretted the closure and was recalling ...")."""
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].lemma_.lower() not in ANNOUNCING or span[0].tag_ == "VBG":
        return False  # ("refused the request, saying ...": a participle after the act gives its reason)
    verbs = [v for c in reported_clauses(span[0]) for v in clause_verbs(c)]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "xcomp"]
    if any(speech_class(v) not in (None, "report") for v in verbs):
        return False  # "said it regretted the closure and was recalling ...": the regret is said too
    subjects = [c for v in verbs for c in v.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
    if any(not named(c) & sides and not speakers_own_state(c, span[0]) for c in subjects):
        return False  # "said Ecuador had broken the law and Mexico was cutting ties": words about another side
    types = act_types(frames, verbs)
    return any(e.type in types and set(e.agent) & sides and index in e.sentences for e in events if e.type != "Statement")


def speakers_own_state(subject: Token, verb: Token) -> bool:
    """'Bukele said his government does not recognise ...', 'she said her country had recalled ...': a
    clause subject that is a noun for a state as a whole (actor_phrase.OWN_STATE_NOUNS), owned by a
    possessive pronoun and by nothing else, is the speaker's own state — "its"/"their" only when no
    name stands between the speech ``verb`` and the subject ("said Ecuador had broken the law and
    its government ...": Ecuador's)."""
    if subject.lemma_.lower() not in OWN_STATE_NOUNS:
        return False
    owners = [c for c in subject.children if c.dep_ == "poss"]
    if len(owners) != 1 or owners[0].lower_ not in OWN_POSSESSIVES:
        return False
    return owners[0].lower_ not in ("its", "their") or not any(
        t.pos_ == "PROPN" for t in subject.doc[min(verb.i, subject.i) + 1:subject.i])


def speech_verb_is_act(doc: Doc, events: Iterable, verb_at: int, sides: set) -> bool:
    """'Ghana demanded that the envoys leave within 72 hours', 'Tehran told the chargé to go': a speech
    verb with a clause under it that is itself the trigger of an act coded with the speaker's side as
    agent: its words are that act, no Statement of their own."""
    span = doc.char_span(verb_at, verb_at + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ != "VERB":
        return False
    verb = span[0]
    if not any(subjunctive_clause(c) or (c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
               for c in verb.children):
        return False   # (no order in it, the act is told: "declared the envoy persona non grata, calling the test ...")
    return any(e.told_at == verb.idx and set(e.agent) & sides for e in events if e.type != "Statement")


class ActTellings:
    """The part of the Statement coder that tells an act's announcement from a Statement (mixed into
    ``statements.StatementCoder``)."""

    def _tells_an_act(self, index: int, sentence_start: int, sentence_end: int, v_start: int, words: str | None,
                      quote: tuple[int, int], own_state: str | None, speaker: str) -> bool:
        """Whether the words at the speech verb ``v_start`` tell an act coded as its own event rather
        than make a Statement: quoted words the verb only reports, a reported clause that judges
        nothing, a quoted reason inside the clause that tells the act, the speaker's state's act told again."""
        from .frame_file import frames_for
        from .statement_targets import ACT_NOUNS

        q_start, q_end = quote
        if words is None and judges_act_named(self.doc, v_start):
            return False  # "defended the decision to expel the ambassador": the defence is the point (codebook)
        if speech_verb_is_act(self.doc, self.events, v_start, {own_state, speaker} - {None}):
            return True
        neutral = words is not None and only_reports(self.doc, v_start)
        # an act coded from another sentence (the lead) is announced all the same by a plain report of it
        plain = words is None and not judges(self.doc, v_start, ACT_NOUNS)
        # "said Chile had recalled its envoy, adding that the recall was a hostile act": a remark beside the act
        judged = words is None and adds_judgement(self.doc, v_start, ACT_NOUNS)
        # "said it had recalled its ambassador because of 'the situation'": the act's telling, with its quoted reason
        fragment = neutral and quoted_in_report(self.doc, v_start, quote)
        if (words is None or neutral) and announces_act(
                self.events, self.doc, self.text, sentence_index=index, sentence_start=sentence_start,
                sentence_end=sentence_end, verb_at=v_start, neutral=neutral, plain=plain or fragment,
                quote=(v_start, q_end) if fragment else quote, own_state=own_state, speaker=speaker, judged=judged):
            return True
        named = lambda token: {m.entity for m in self._mentions_in(token.idx, token.idx + len(token))}
        if words is None and announces_coded_act(self.doc, self.events, frames_for(self.doc.lang_), v_start, index,
                                                 {own_state, speaker} - {None}, named):
            return True
        # "Togo said Ghana had expelled its ambassador": another's act the article codes, told plainly
        if (words is None and not judged or fragment) and reports_coded_act(self.doc, self.events, frames_for(self.doc.lang_), v_start, index,
                                                     ANNOUNCING, named):
            return True
        # "X said Britain had withdrawn Chilcott": the act told again, by a trigger its frame knows
        return plain and self._speaks_of_own_state(v_start, own_state) and reports_own_coded_act(
            self.doc, self.events, frames_for(self.doc.lang_), v_start, own_state)
