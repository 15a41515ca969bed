"""Why a blocked miss yielded nothing: for each miss ``miss_causes.py`` calls *blocked* (a trigger
word of its type is in its sentence, the sentence yielded no event at all), the first check its
trigger token failed, found by asking the extractor's own functions about that token.

  part of speech   the lemma is a trigger only as a verb (or a noun) and the parse read it otherwise
  noun, no act     a trigger noun neither enacted ("ordered the expulsion") nor reporting its own act
                   ("the expulsion of X", "X's expulsion")
  needs / also     none of the words the trigger needs (or needs as well) is in its clause
  unless: W        a word the trigger must not have in its clause is there (W)
  negation         the clause's negation does not fit the trigger ("did not expel")
  subject          the logical subject is not one the trigger asks for
  modality: R      modality.not_an_act's reason (negated, modal, future, under 'threaten', generic ...)
  no agent / no target / no agent, no target
                   the frame's role paths found nobody the mentions know
  isolated match   the token matches alone, not in its sentence (a conjunct told as part of another act)
  read as T        another frame took the trigger word (type T), and its event was dropped too
  not in match_doc the frame matched, but its counterpart (or host, or pair) was not found before
  not framed       frame_matches dropped it (a question, an embassy stormed by a crowd)
  frame_events     the match was dropped or re-coded while becoming an event (coup, removal ...)
  dropped later    the event was made and left the article's events later (codebook, de-duplication,
                   part-of rules, answered requests)

Nothing here runs in the extractor: the tool wraps its functions for one run of the evaluation and
replays the checks on the tokens it needs.  On the held-out split only counts per reason are
printed, never sentences::

    .venv/bin/python dev/tools/why_blocked.py --split rules [--show]
    .venv/bin/python dev/tools/why_blocked.py --split heldout
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from diplograph.loaders.extract import (
    events,
    frame_events,
    frame_roles,
    frame_triggers,
    frames,
    modality,
    organs,
    pipeline,
)
from diplograph.loaders.extract.frame_file import frames_for
from diplograph.loaders.extract.parse import load_pipeline
from diplograph.loaders.extract.rules import SPEECH_VERBS
from diplograph.loaders.extract.speech import speech_lexicon
from miss_causes import CAUSES, cause_of, lone_misses, type_lemmas
from who_errors import parse_split_args, print_shown, scored, split_parser
from why_statements import statement_reason


class Recorder:
    """What one extractor run did, per article: the frame matches at each step and the events made."""

    def __init__(self) -> None:
        self.runs: dict[str, dict] = {}
        self.current: dict | None = None
        self.match_sentence = frames.match_sentence  # the original: diagnose asks it without recording

    def install(self) -> None:
        rec = self
        run, match_sentence, match_doc = pipeline._Extractor.run, frames.match_sentence, frame_events.match_doc
        frame_matches, add_event = frame_events.FrameCoder.frame_matches, events.EventBook._add_event

        def run_(ext):
            rec.current = rec.runs[ext.source_id] = {"ext": ext, "raw": [], "doc": [], "framed": [], "added": []}
            return run(ext)

        def match_sentence_(*args, **kw):
            out = match_sentence(*args, **kw)
            rec.current["raw"] += out
            rec.current["index"], rec.current["mint"] = args[2], args[3] if len(args) > 3 else kw.get("mint")
            return out

        def match_doc_(*args, **kw):
            out = match_doc(*args, **kw)
            rec.current["doc"] += [m for _, m in out]
            return out

        def frame_matches_(ext):
            out = frame_matches(ext)
            rec.current["framed"] += [m for _, m in out]
            return out

        def add_event_(ext, etype, agent_id, target_id, fields, sentence, index, trigger, *rest, **options):
            rec.current["added"].append((etype, sentence.start + trigger.start()))
            return add_event(ext, etype, agent_id, target_id, fields, sentence, index, trigger, *rest, **options)

        pipeline._Extractor.run = run_
        frames.match_sentence = match_sentence_
        frame_events.match_doc = match_doc_
        frame_events.FrameCoder.frame_matches = frame_matches_
        events.EventBook._add_event = add_event_


def _first_failing(frame, trig, token, enacting, index) -> str | None:
    """The first of triggered's checks the token fails, by giving it back its conditions one by one."""
    one = lambda t: frame_triggers.triggered(dataclasses.replace(frame, triggers=(t,)), token, enacting, index)
    bare = dataclasses.replace(trig, needs=(), also=(), unless=(), subject=())
    if one(bare) is None:
        return "negation" if one(dataclasses.replace(bare, negated=not trig.negated)) is not None else "noun, no act"
    steps = (("needs", dict(needs=trig.needs)), ("also", dict(also=trig.also)), ("unless", dict(unless=trig.unless)),
             ("subject", dict(subject=trig.subject)))
    given: dict = {}
    for name, step in steps:
        given.update(step)
        if one(dataclasses.replace(bare, **given)) is None:
            if name == "unless":  # which word of the list is in the clause
                word = next((w for w in trig.unless if one(dataclasses.replace(bare, **dict(given, unless=(w,)))) is None), "?")
                return f"unless: {word}"
            return name
    return None


def _modality(reason: str) -> str:
    """'under 'threatened'' → 'under threatened': a reason's kind and its word, no sentence."""
    return "modality: " + re.sub(r"[‘'’]", "", reason).strip()


def diagnose(token, etype: str, run: dict, match_sentence=frames.match_sentence) -> tuple[int, str]:
    """(how far the token got, why it stopped there); a larger stage got further.  ``match_sentence`` is
    the unwrapped original (``Recorder.match_sentence``): the recording one would add to the run it reads."""
    frameset = frames_for(token.doc.lang_)
    lemma, lower = token.lemma_.lower(), token.lower_
    raw = [m for m in run["raw"] if m.trigger.i == token.i]
    if raw:
        if not any(m.type == etype for m in raw):
            return 8, f"read as {raw[0].type}"
        if not any(m.type == etype and m.trigger.i == token.i for m in run["doc"]):
            return 9, "not in match_doc (counterpart, host or pair not found before)"
        if not any(m.type == etype and m.trigger.i == token.i for m in run["framed"]):
            return 10, "not framed (a question, a crowd)"
        if not any(start == token.idx for _, start in run["added"]):
            return 11, "frame_events (dropped or re-coded while made an event)"
        return 12, "dropped later (codebook, de-duplication, part-of, answered requests)"
    best = (0, "not a trigger lemma here")
    for frame in (f for f in frameset.frames if f.type == etype):
        for trig in (t for t in frame.triggers if lemma in t.lemmas or lower in t.lemmas):
            if trig.pos == "verb" and token.pos_ != "VERB" and not frame_triggers.copula(token) or trig.pos == "noun" and token.pos_ != "NOUN":
                best = max(best, (1, f"part of speech: {trig.pos} read as {token.pos_}"))
                continue
            failed = _first_failing(frame, trig, token, frameset.enacting, run["index"])
            if failed is not None:
                best = max(best, (2, failed))
                continue
            blocker = modality.not_an_act(token, trig.negated)
            if blocker:
                best = max(best, (3, _modality(blocker)))
                continue
            alone = dataclasses.replace(frameset, frames=(frame,))
            if match_sentence(alone, iter([token]), run["index"], run["mint"]):
                best = max(best, (7, "isolated match (a conjunct read as part of another act)"))
                continue
            roles = frame.roles
            agents = frame_roles.role_fillers(roles["agent"], token, run["index"], set(), home=True, mint=run["mint"])
            targets = frame_roles.role_fillers(roles["target"], token, run["index"], {a for a, _ in agents}, mint=run["mint"]) \
                if "target" in roles else [None]
            # a bare organ ("police", "prosecutors"): match_sentence gives it its state (organs.py) later
            implied = not agents and roles["agent"].implied and _implied_state(token, run["index"])
            missing = [f"no {r} ({_heads_said(roles[r], token)})"
                       for r, found in (("agent", agents or implied), ("target", targets)) if not found]
            found = "roles found" + (" (agent implied by organs)" if implied else "") + ", a check of match_sentence"
            best = max(best, (4, ", ".join(missing) if missing else found))
    return best


def _implied_state(token, index) -> bool:
    """Whether organs.implied_state would give the act a state (as frames.match_sentence asks it), with
    the index's legal-act memory left as it was."""
    implied, organ = organs.implied_agent(token)
    if not implied:
        return False
    remembered = index.legal_state
    try:
        return organs.implied_state(token, organ, [], index) is not None
    finally:
        index.legal_state = remembered


def _heads_said(role, token) -> str:
    """What the role's paths reach when they name nobody: no word, a pronoun, a noun (its lemma), a name."""
    heads = [h for path in role.paths for h in frame_roles._heads(token, path)]
    if not heads:
        return "no word on its paths"
    kinds = sorted({"pronoun" if h.pos_ == "PRON" else "name" if h.pos_ == "PROPN" else f"noun {h.lemma_.lower()}"
                    if h.pos_ == "NOUN" else h.pos_ for h in heads})
    return "reached " + "/".join(kinds)


def _tokens(doc, text: str, quote: str):
    """The tokens of the reviewed quote in the extractor's parse ``doc`` of the article, whose text is ``text``."""
    at = text.find(quote)
    if at < 0:  # the quote's spaces may differ from the text's
        pattern = r"\s+".join(map(re.escape, quote.split()))
        found = re.search(pattern, text)
        if found is None:
            return []
        at, end = found.start(), found.end()
    else:
        end = at + len(quote)
    span = doc.char_span(at, end, alignment_mode="expand")
    return list(span) if span is not None else []


def trigger_check(miss, run: dict, recorder: Recorder, lemmas: dict[str, set[str]]) -> tuple[int, str, str, list]:
    """(stage, the first check failed, the trigger word, the trigger tokens) of a miss in the recorded ``run``
    of its article: the Statement coder's reason for Statements, else the furthest trigger token's check."""
    if "text" not in run:
        run["text"] = run["ext"].doc.text
    words = lemmas.get(miss.type, set())
    if miss.type == "Statement":  # no frames: the Statement coder's own reasons (why_statements.py)
        words = words | set(speech_lexicon().classes)
        spans = [_tokens(run["ext"].doc, run["text"], q) for q in miss.quotes]
        tokens = [t for span in spans for t in span
                  if {t.lemma_.lower(), t.lower_} & words or SPEECH_VERBS.fullmatch(t.text)]
        first = next((span[0].idx for span in spans if span), None)
        return 0, statement_reason(run["ext"], tokens, first), tokens[0].text if tokens else "", tokens
    tokens = [t for q in miss.quotes for t in _tokens(run["ext"].doc, run["text"], q)
              if {t.lemma_.lower(), t.lower_} & words]
    stage, reason, word = max((diagnose(t, miss.type, run, recorder.match_sentence) + (t.text,) for t in tokens),
                              default=(0, "quote not found", ""))
    return stage, reason, word, tokens


def main() -> None:
    ap = split_parser(__doc__.split("\n")[0], "print each blocked miss with its sentence (rules split only)")
    ap.add_argument("--statements", action="store_true",
                    help="Statements too: their speech words asked of the Statement coder (why_statements.py)")
    ap.add_argument("--by-type", action="store_true", help="count each reason per event type and trigger lemma")
    ap.add_argument("--syntax", action="store_true", help="with each reason, the trigger's part of speech, relation and head")
    args = parse_split_args(ap)
    recorder = Recorder()
    recorder.install()
    names, report = scored(args)
    lemmas, nlp = type_lemmas(), load_pipeline()
    reasons, shown = Counter(), []
    for article in report.articles:
        for miss in lone_misses(article):
            if miss.type == "Statement" and not args.statements:
                continue
            if cause_of(miss, article, names, lemmas, nlp) != CAUSES[3]:
                continue
            run = recorder.runs[article.source]
            stage, reason, word, tokens = trigger_check(miss, run, recorder, lemmas)
            lemma = next((t.lemma_.lower() for t in tokens if t.text == word), "") if args.by_type else ""
            if args.syntax:  # where the trigger stands, no words of the sentence but its head's lemma
                t = next((t for t in tokens if t.text == word), None)
                reason += f" @ {t.pos_} {t.dep_} of {t.head.pos_} {t.head.lemma_.lower()}" if t is not None else ""
            reasons[f"{miss.type} [{lemma}]: {reason}" if args.by_type else reason] += 1
            shown.append((reason, article.source, miss, f" (trigger words: {', '.join(t.text for t in tokens)})"))
    print(f"{args.split}: blocked misses ({'all types' if args.statements else 'acts other than Statements'}): "
          f"{sum(reasons.values())}")
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")
    if args.show:
        print_shown(shown)


if __name__ == "__main__":
    main()
