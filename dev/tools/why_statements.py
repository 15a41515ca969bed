"""Why a blocked Statement miss yielded nothing (``why_blocked.py --statements``): Statements have no
frames, so the reason is found by asking the Statement coder itself.

For the speech words of the reviewed quote (speech_acts.yaml's lemmas, or the surface list's):

  not a speech cue: POS     the lexicon's lemma, but speech.speech_class gives no class here (a noun, an
                            adjective, an 'unless' word, a summons, a phrasal verb without its particle)
  does not speak            speech.speech_class gives a class but speech._speaks says no: negated or modal,
                            under 'declined to', 'said nothing', a verb that needs a clause or an infinitive
  no speech word            no word of the lexicon in the quote, nor a surface cue (a colon quote, a headline)

and, where a cue is there, the ``return`` the coder took for the clause (replayed under a tracer, so
the reason is the line the coder's own code returned at, described by the table below), or:

  made, dropped later       a Statement was made and left the article's events later (one remark, de-duplication,
                            the Statement filters)

Nothing here runs in the extractor; the replay restores the extractor's events afterwards.
"""

from __future__ import annotations

import inspect
import sys

from diplograph.loaders.extract import speech, speech_speakers, statements
from diplograph.loaders.extract.names import TITLE_WORDS
from diplograph.loaders.extract.rules import SPEECH_VERBS

#: a return of the coder, known by a piece of its line's code or of the comment just above it → the reason
RETURNS = (
    ("if not cues", "no speech cue in the clause (a cue only in another clause, a passive, 'told ... to')"),
    ("if not group", "speaker unnamed: the subject names no actor (a title, a description, a pronoun)"),
    ("source is None or source.type", "'according to': its source is no actor"),
    ("headed_organ", "speaker 'his government', 'Chinese authorities': owner's state unknown"),
    ("_military_speaker", "military speaker not resolved"),
    ("body is False", "body speaker ('the ministry') not named"),
    ("too little to propose", "target rule gave nothing (reported words about nobody)"),
    ("nothing reported", "speech verb with nothing reported"),
    ("the source of a report", "a source of a report ('..., the government said'), the act coded"),
    ("carried by the act itself", "reported speech: read as announcing an act"),
    ("sourced_clause_judges", "a source of a report ('..., the government said'), the act coded"),
    ("no one's dispute", "a private person's quoted words of no dispute (unaddressed_words.py)"),
    ("organ_subject_elsewhere", "a body not placed speaks, not the person named elsewhere"),
)


def _return_reason(function, line: int) -> str:
    """What the coder's ``return`` at ``line`` of ``function`` means (the table above)."""
    lines, first = inspect.getsourcelines(function)
    at = line - first
    context = "".join(lines[max(0, at - 3):at + 1])
    here = lines[at] if 0 <= at < len(lines) else ""
    for scope in (here, context):  # the return's own line first, then the code and comment above it
        for key, reason in RETURNS:
            if key in scope:
                return reason
    if "verb is None" in context:
        return "no paraphrase verb (the cue only reports: announce, declare)" if "paraphrase" in context.lower() \
            else "quote: no speech verb before or after it"
    if "speaker is None" in context:
        return "speaker not resolved to an actor (the parse's subject names none)"
    return f"{function.__name__} returned at line {line}"


class _Tracer:
    """Records the line each traced function of the coder returned at, and whether it made an event."""

    def __init__(self, ext) -> None:
        coder = statements.StatementCoder
        self.functions = {f.__code__: f for f in (coder._clause_statement, coder._statement_event)}
        self.returns: list[tuple[object, int, int | None]] = []   # (function, line, the speech verb's offset)
        self.ext = ext

    def __call__(self, frame, event, _arg):
        if event == "call" and frame.f_code in self.functions:
            function = self.functions[frame.f_code]

            def local(frame, event, _arg):
                if event == "return":
                    self.returns.append((function, frame.f_lineno, frame.f_locals.get("v_start")))
                return local
            return local
        return None


def _sentence_of(ext, at: int):
    return next(((i, s) for i, s in enumerate(ext.sentences) if s.start <= at < s.end), (None, None))


def _cue_reason(tokens) -> str | None:
    """Why none of the speech words is a speech cue, or None if one is."""
    lexicon, reasons = speech.speech_lexicon(), []
    for t in tokens:
        if t.lemma_.lower() not in lexicon.classes and not SPEECH_VERBS.fullmatch(t.text):
            continue
        if speech.speech_class(t) is None:
            reasons.append((1, f"not a speech cue: {t.pos_} {t.dep_}"))
            continue
        quoted = any(c in t.sent.text for c in '"“”')
        if not speech._speaks(t, quoted):
            reasons.append((2, "does not speak here (negated, modal, 'declined to', needs a clause/infinitive)"))
            continue
        return None
    return max(reasons)[1] if reasons else None


def statement_reason(ext, tokens, quote_at: int | None) -> str:
    """The first reason the speech words ``tokens`` (of one reviewed quote at ``quote_at``) yielded no Statement."""
    at = tokens[0].idx if tokens else quote_at
    if at is None:
        return "quote not found"
    index, sentence = _sentence_of(ext, at)
    if sentence is None:
        return "sentence not found"
    if sentence.text.rstrip().endswith("?"):
        return "a question"
    cues = ext._speech_cues(sentence)
    cue_at = {sentence.start + c.start() for c in cues}
    own = [t for t in tokens if t.idx in cue_at]
    if not own:
        reason = _cue_reason(tokens)
        if reason is not None:
            return reason
        if not cues:
            return "no speech word (a colon quote, a headline quote, 'according to' not read)"
    saved = list(ext.events)
    tracer = _Tracer(ext)
    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        ext._statement(sentence, index, ext._mentions_in(sentence.start, sentence.end))
    finally:
        sys.settrace(previous)
        made = len(ext.events) - len(saved)
        ext.events[:] = saved
    if made:
        return "made, dropped later (one remark, de-duplication, the Statement filters)"
    coder = statements.StatementCoder
    for function, line, verb_at in tracer.returns:
        last = inspect.getsourcelines(function)
        end = last[1] + len(last[0]) - 1
        if function is coder._statement_event and line >= end - 1:
            continue  # ran to its end: an event was appended (and removed by _statement)
        if function is coder._clause_statement and "return later" in last[0][line - last[1]]:
            continue
        reason = _return_reason(function, line)
        if reason.startswith("speaker") and verb_at is not None:
            reason += f" [{_subject_kind(ext.doc, verb_at)}]"
        return reason
    return "made, dropped by one remark" if any(f is coder._statement_event for f, _, _ in tracer.returns) \
        else "no clause coded"


def _subject_kind(doc, at: int) -> str:
    """What the speech verb's subject is, where it named no actor: no subject, a pronoun, a name the
    mentions do not know, an office's title, an institution or collective noun, another description."""
    subject = speech_speakers.speech_subject_token(doc, at)
    if subject is None:
        return "no subject: passive, participle or no verb"
    lemma = subject.lemma_.lower()
    if subject.pos_ == "PRON":
        return "pronoun"
    if subject.pos_ == "PROPN" or subject.ent_type_:
        return "a name no mention holds"
    if lemma in speech_speakers.OFFICE_HOLDERS or lemma in TITLE_WORDS:
        return "a title"
    if lemma in speech_speakers.COLLECTIVE_SPEAKERS | speech_speakers.COLLECTIVE_PLURALS | speech_speakers.ORGAN_SPEAKERS \
            | speech_speakers.SPOKESPEOPLE | speech_speakers.MILITARY_SPEAKERS:
        return "an institution or collective noun"
    return "a description (common noun)"
