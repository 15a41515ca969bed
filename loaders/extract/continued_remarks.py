"""A speaker's continued remarks are one Statement (dev/README.md, "A speaker's continued remarks").

"X said ... . He added that ...", "'...,' she said", "It called the move ... and said ...": the same
speaker's further remarks about the same target, told right after (the same sentence or the next,
one remark after another), with no other speaker's words between them, go on with the first remark.
The same speaker's further speech verb in the sentence a run ends with, about a party the run is
about ("said the British ambassador had behaved like a spy and accused London of ..."), goes on with it
too, even where the two remarks' first targets differ.
The run is one Statement: the first remark's id, the sentences folded into it kept as further
evidence (the claim's evidence list), its targets joined, dated by the remark that dates it.

Remarks stay apart when the speaker changes (a ministry speaks as its state: the codebook has made
it so before this runs; a spokesman is a speaker of his own), when the target changes (no target in
common), when a new date is told (a later remark dated in its own
sentence on another day) or a later occasion is ("he said afterwards", "later told"), when the later
remark announces the speaker's own act ("'I have decided to break relations with Lomé,' she said": a
remark of its own, even where the act is not coded), and when another speaker's Statement comes between.

``ContinuedRemarks`` is a part of the Statement coder (mixed into ``statements.StatementCoder``);
the pipeline calls ``_fold_continued_remarks`` once, after the codebook has coded every speaker.
"""

from __future__ import annotations

from . import stages
from .announcements import act_types, clause_verbs
from .date_fields import dates_differ, keep_better_date
from .gazetteer import PERSON_TYPES
from .modality import has_modal
from .speech import is_speech_verb

#: fold a speaker's continued remarks into one Statement?
FOLD_CONTINUED_REMARKS = True
#: the same speaker's two speech verbs in one sentence are one remark where one's target is a guess
#: (its words name no one): the other's target stands?
SAME_SENTENCE_ONE_REMARK = True
#: the same speaker's further speech verb in the sentence a remark (or its run) ends with, about a party
#: that remark is about, is the same remark ("said the British ambassador had behaved like a spy and
#: accused London of hostility": one remark about the envoy and his state, which the gold codes once)?
SAME_SENTENCE_SAME_PARTY = True
#: the proposing stages (stages.py) whose target is a guess, not a party the words name: the coder's
#: "counterpart" targets (statements.py, the other side of the speaker's dispute)
GUESSED_TARGETS = frozenset({stages.statement("counterpart")})
#: a remark in the next sentence whose target is such a guess goes on with the same speaker's run?
GUESS_CONTINUES = True
#: a later remark about the state of a force or organ the first was about goes on with it?
STATE_OF_TARGET_CONTINUES = True
#: a later remark whose first target is among the run's targets, its speaker not named anew (a pronoun,
#: a description, a capital, a participle), goes on with it ("said the two, among them the envoy X, were
#: spies ... 'We do not blame Chile,' she said": still the one remark about Chile and its envoy, which the
#: gold codes once); "Amorim warned that ..." names its speaker anew, a remark of its own?
PARTY_OF_RUN_CONTINUES = True
#: the mention kinds that name a speaker anew (gazetteer.Mention.kind), not by a pronoun or description
SPEAKER_NAMED = frozenset({"name", "alias"})
#: adverbs on a speech verb that tell a later occasion ("Katz said afterwards", "he later told")
LATER_OCCASION = frozenset({"later", "afterwards", "afterward", "subsequently", "eventually"})
#: a later remark whose words announce the speaker's own act ("I have decided to break relations") is a
#: remark of its own, not a continuation?
OWN_ACT_ANNOUNCED_APART = True
#: the subjects by which a speaker's words name the speaker's side as the actor of an act
FIRST_PERSON_ACTORS = frozenset({"i", "we"})
#: the verb forms (Penn tags) that tell an act as done: the past and the participle of the perfect
DONE_TAGS = frozenset({"VBD", "VBN"})
#: how many sentences after the last remark of a run the next one may be told (the next sentence)
NEXT_SENTENCE = 1


def target_guessed(event) -> bool:
    """Whether a Statement's target is a guess, not a party its words name: the other side of the
    speaker's dispute (statement_targets._counterpart)."""
    return event.target_stage in GUESSED_TARGETS


def _position(event) -> tuple[int, int]:
    """Where a Statement is told: its first sentence, then its first evidence offset."""
    at = event.told_at if event.told_at >= 0 else (event.spans[0][0] if event.spans else 0)
    return min(event.sentences), at


def _same_occasion(head, later) -> bool:
    """Whether two remarks of one sentence are told of one occasion: no two dates, no two organs speaking."""
    return not dates_differ(head.fields.get("date"), later.fields.get("date")) \
        and len({head.fields.get("announced_by"), later.fields.get("announced_by")} - {None}) <= 1


class ContinuedRemarks:
    """Folds a speaker's run of remarks on one target into its first Statement."""

    def _fold_continued_remarks(self) -> None:
        if not FOLD_CONTINUED_REMARKS:
            return
        statements = sorted((e for e in self.events if e.type == "Statement" and e.sentences),
                            key=_position)
        folded: set[int] = set()
        head, head_end = None, -1   # the current run's first remark and the sentence of its last
        for later in statements:
            if head is not None and (self._continues(head, head_end, later)
                                     or SAME_SENTENCE_SAME_PARTY and self._said_of_same_party(head, head_end, later)):
                if target_guessed(later) and not self._same_target(head.target, later.target):
                    later.target[:] = []   # (a guess joins no party to the remark it goes on with)
                self._join_remark(head, later)
                head_end = max(head_end, max(later.sentences))
                folded.add(id(later))
            elif SAME_SENTENCE_ONE_REMARK and head is not None and self._said_alongside(head, later) \
                    and (target_guessed(later) or target_guessed(head)):
                # "called the decision dangerous and said it took the conflict to a new level": one
                # remark; a speech verb whose words name no one goes on with the one whose words do
                if target_guessed(head) and not target_guessed(later):
                    head.target[:] = later.target
                    head.target_by = later.target_stage
                head.absorb_telling(later)
                folded.add(id(later))
            else:
                head, head_end = later, max(later.sentences)
        if folded:
            self.events = [e for e in self.events if id(e) not in folded]

    def _continues(self, head, head_end: int, later) -> bool:
        """Whether ``later`` goes on with the run ``head`` opened: the same speaker's, told in the
        sentence after the run's last remark or the same, about the same target on the same occasion
        (no other speaker's Statement between: it would have opened a run of its own)."""
        if not later.agent or sorted(head.agent) != sorted(later.agent):
            return False
        index = min(later.sentences)
        if head_end < index - NEXT_SENTENCE:
            return False
        organs = {head.fields.get("announced_by"), later.fields.get("announced_by")}
        # ("He added that the day was a sad one": a further remark naming no one, its speaker told by a
        # pronoun, goes on with the first; "Amorim warned that ..." names its speaker anew)
        same = self._same_target(head.target, later.target) \
            or PARTY_OF_RUN_CONTINUES and bool(later.target) and later.target[0] in head.target \
            and not self._speaker_kinds(later, index) & SPEAKER_NAMED \
            or GUESS_CONTINUES and target_guessed(later) and self._speaker_kinds(later, index) == {"pronoun"}
        return not (not same or len(organs - {None}) > 1
                    or dates_differ(head.fields.get("date"), later.fields.get("date"))
                    or self._later_occasion(index) or index > max(head.sentences)
                    and (self._acts_told(index) or self._announces_own_act(index)))

    def _announces_own_act(self, index: int) -> bool:
        """Whether sentence ``index`` has a verb (or the verb it governs: "have decided to break") that
        triggers an act's frame, with "I" or "we" as its subject, neither denied nor modal ("We are not
        severing relations", "we will recall" announce no act done): the speaker announcing the side's own act."""
        from .frame_file import frames_for

        if not OWN_ACT_ANNOUNCED_APART:
            return False
        sentence = self.sentences[index]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        # (told as done, in the past or the perfect: a future or a possibility is a plan, "We will recall our
        # ambassador", and a present a stand, "we recognise no junta": they go on with the run)
        heads = [t.head for t in span or () if t.dep_ == "nsubj" and t.lower_ in FIRST_PERSON_ACTORS
                 and t.head.tag_ in DONE_TAGS and not has_modal(t.head)]
        verbs = [v for h in heads for v in clause_verbs(h)]
        verbs += [c for v in verbs for c in v.children if c.dep_ == "xcomp"]
        verbs = [v for v in verbs if not any(c.dep_ == "neg" for c in v.children)]
        return bool(act_types(frames_for(self.doc.lang_), verbs) - {"Statement"})

    def _speaker_kinds(self, event, index: int) -> set[str]:
        """How sentence ``index`` tells ``event``'s speaker: the kinds of its mentions there ({"pronoun"}:
        "he told reporters"; "name" or "alias": "Amorim warned that ...")."""
        sentence = self.sentences[index]
        return {m.kind for m in self._mentions_in(sentence.start, sentence.end) if m.entity in event.agent}

    def _said_alongside(self, head, later) -> bool:
        """Whether ``later`` is the same speaker's further speech verb in the one sentence of ``head``
        (both told in that sentence only, on no other occasion or date)."""
        return bool(later.agent) and sorted(head.agent) == sorted(later.agent) \
            and set(head.sentences) == set(later.sentences) and len(head.sentences) == 1 \
            and _same_occasion(head, later)

    def _said_of_same_party(self, head, head_end: int, later) -> bool:
        """Whether ``later`` is the same speaker's further speech verb in the sentence the run ``head``
        opened ends with (told there only, on no other date or by no other organ), about a party the
        run is about: its first target among the run's targets, or the run's first among its own."""
        if not later.agent or sorted(head.agent) != sorted(later.agent) or not head.target or not later.target:
            return False
        return set(later.sentences) == {head_end} and head_end in head.sentences \
            and (later.target[0] in head.target or head.target[0] in later.target) and _same_occasion(head, later)

    def _same_target(self, first: list[str], later: list[str]) -> bool:
        """Whether two remarks are about the same party: the same first target (the one the remark
        names or is addressed to; the others are added sides), or the later one's the state of the
        force or organ the first is about ("called the coup unacceptable ... 'Democracy in Fiji must be
        restored'"); a first remark naming no one goes on with any."""
        if not first:
            return True
        if not later:
            return False
        if first[0] == later[0]:
            return True
        # (not a person's state: "said Zelaya was a guest ... warned Honduras" are two remarks; nor a
        # legislature's: its vote is an act apart from its state's)
        entity = self.gaz.entities.get(first[0])
        return STATE_OF_TARGET_CONTINUES and entity is not None and entity.type not in PERSON_TYPES | {"Legislature"} \
            and self._actor_state(first[0]) == later[0]

    def _acts_told(self, index: int) -> bool:
        """Whether sentence ``index`` tells an act coded as an event of its own (the remark is then
        that act's announcement, an occasion of its own)."""
        return any(e.type != "Statement" and index in e.sentences for e in self.events)

    def _later_occasion(self, index: int) -> bool:
        """Whether sentence ``index`` tells its remark as made later ("he said afterwards")."""
        sentence = self.sentences[index]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        return span is not None and any(t.dep_ == "advmod" and t.lower_ in LATER_OCCASION
                                        and is_speech_verb(t.head) for t in span)

    def _join_remark(self, first, later) -> None:
        """``later`` goes on with ``first``: its targets, words, sentences and evidence join; the
        evidence that names the target comes first when only the later remark names it."""
        if self._names_target(later) and not self._names_target(first):
            told = list(zip(later.evidence, later.spans))
            told += [(q, span) for q, span in zip(first.evidence, first.spans) if q not in later.evidence]
            first.evidence[:], first.spans[:] = [q for q, _ in told], [span for _, span in told]
            first.target[:0] = [t for t in later.target if t not in first.target]
        else:
            first.target.extend(t for t in later.target if t not in first.target)
        first.absorb_telling(later)
        if "quotation" in later.fields:
            first.fields.setdefault("quotation", later.fields["quotation"])
        keep_better_date(first.fields, later.fields.get("date"))
        first.confidence = max(first.confidence, later.confidence)

    def _names_target(self, event) -> bool:
        """Whether a sentence of the remark names one of its targets."""
        targets = set(event.target)
        return any(m.entity in targets for i in event.sentences
                   for m in self._mentions_in(self.sentences[i].start, self.sentences[i].end))
