"""Why reviewed events were missed: the misses ``who_errors.py`` leaves without a partner, sorted by
what the extractor did in their sentence.

  merged         an extracted event fits this one too, but was matched to another reviewed event
                 (two acts merged into one: two statements of one speaker, a list)
  next conjunct  the sentence yielded an event of this type that matched another reviewed event
                 (one conjunct found, the next not)
  other type     the sentence yielded events, none of this type (the act read as another type, or
                 as a part of another act)
  blocked        a trigger lemma of the type's frames (for Statements, a speech verb) is in the
                 sentence, yet nothing came of it (modality, a missing role, an unresolved actor,
                 the parse)
  no word        none of the type's words is in the sentence (a lexicon gap)

Sorting needs only the reviewed quotes and the extraction, so on the held-out split it prints
counts alone, never sentences or ids::

    .venv/bin/python dev/tools/miss_causes.py --split rules [--show]
    .venv/bin/python dev/tools/miss_causes.py --split heldout

``--became`` adds, for the "other type" misses, a confusion table (missed type -> the types its
sentence yielded) and whether an event of another type had the missed one's actors (the act was
found but typed wrongly) or not (another act of the sentence was found, this one was not seen), and
for each such miss whether a trigger word of its type is in its sentence and, if so, the first check
that word failed (``why_blocked.trigger_check``, the same checks as for blocked misses).
"""

from __future__ import annotations

from collections import Counter

from diplograph.graph.evaluate import _roles_match
from diplograph.loaders.extract.frame_file import default_frames
from diplograph.loaders.extract.parse import load_pipeline
from diplograph.loaders.extract.rules import SPEECH_VERBS
from who_errors import (
    parse_split_args,
    print_shown,
    same_sentence,
    scored,
    split_parser,
)

CAUSES = ("merged", "next conjunct", "other type", "blocked", "no word")


def type_lemmas() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for frame in default_frames().frames:
        for trigger in frame.triggers:
            out.setdefault(frame.type, set()).update(trigger.lemmas)
    return out


def cause_of(miss, article, names, lemmas, nlp) -> str:
    fits = lambda e: (e.type == miss.type and _roles_match(e.agent, miss.agent, names, article.minted)
                      and _roles_match(e.target, miss.target, names, article.minted))
    if any(fits(e) for e in article.extracted_events):
        return CAUSES[0]
    told = [e.type for e in article.extracted_events if same_sentence(e.evidence, miss.quotes)]
    if miss.type in told:
        return CAUSES[1]
    if told:
        return CAUSES[2]
    text = " ".join(miss.quotes)
    words = {w for t in nlp(text) for w in (t.lemma_.lower(), t.lower_)}
    if words & lemmas.get(miss.type, set()) or (miss.type == "Statement" and SPEECH_VERBS.search(text)):
        return CAUSES[3]
    return CAUSES[4]


ACTORS = ("same agent+target", "same target", "same agent", "other actors")


def became(miss, article, names) -> tuple[list[str], str]:
    """The types an "other type" miss's sentence yielded, and how near their actors came to the miss's."""
    told = [e for e in article.extracted_events if same_sentence(e.evidence, miss.quotes)]
    def near(e) -> int:
        agent = _roles_match(e.agent, miss.agent, names, article.minted)
        target = _roles_match(e.target, miss.target, names, article.minted)
        return 0 if agent and target else 1 if target else 2 if agent else 3
    return sorted({e.type for e in told}), ACTORS[min(map(near, told))]


def print_checks(checks: Counter) -> None:
    print("other type: the first check the missed type's trigger word failed, per missed type")
    for (missed, check), n in sorted(checks.items(), key=lambda x: (x[0][0], -x[1], x[0][1])):
        print(f"  {n:3d}  {missed:28s} {check}")


def print_became(confusion: Counter, actors: Counter) -> None:
    print("\nother type: missed type -> types its sentence yielded (each yielded type counted once per miss)")
    for (missed, got), n in sorted(confusion.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:3d}  {missed:28s} -> {got}")
    print("other type: the nearest yielded event's actors, per missed type")
    print(f"  {'':28s} " + " ".join(f"{c:>17s}" for c in ACTORS))
    for t in sorted({t for t, _ in actors}):
        print(f"  {t:28s} " + " ".join(f"{actors[t, c]:17d}" for c in ACTORS))


def lone_misses(article):
    """The misses left once each false alarm took a miss of its type told in its sentence (who_errors)."""
    missed = list(article.missed_events)
    for event in article.false_alarm_events:
        mate = next((g for g in missed if g.type == event.type and same_sentence(event.evidence, g.quotes)), None)
        if mate is not None:
            missed.remove(mate)
    return missed


def main() -> None:
    ap = split_parser(__doc__.split("\n")[0], "print each miss with its sentence (rules split only)")
    ap.add_argument("--became", action="store_true", help="the types and actors other-type misses became")
    args = parse_split_args(ap)
    if args.became:  # why_blocked imports this module: imported here, and its recorder installed before the run
        from why_blocked import Recorder, trigger_check
        recorder = Recorder()
        recorder.install()
    names, report = scored(args)
    confusion, actors, checks = Counter(), Counter(), Counter()
    lemmas, nlp = type_lemmas(), load_pipeline()
    causes, shown = Counter(), []
    for article in report.articles:
        for miss in lone_misses(article):
            cause = cause_of(miss, article, names, lemmas, nlp)
            causes[miss.type, cause] += 1
            note = ""
            if args.became and cause == CAUSES[2]:
                got, near = became(miss, article, names)
                confusion.update((miss.type, g) for g in got)
                actors[miss.type, near] += 1
                _, check, word, tokens = trigger_check(miss, recorder.runs[article.source], recorder, lemmas)
                checks[miss.type, check if tokens else "no trigger word of its type"] += 1
                note = f" became {got} ({near}); {word or 'no trigger word'}: {check if tokens else '-'}"
            shown.append((cause, article.source, miss, note))
    print(f"{args.split}: misses without a false alarm of their type in their sentence: {sum(causes.values())}")
    print(f"  {'':28s} " + " ".join(f"{c:>13s}" for c in CAUSES))
    print(f"  {'all':28s} " + " ".join(f"{sum(n for (_, k), n in causes.items() if k == c):13d}" for c in CAUSES))
    for t in sorted({t for t, _ in causes}):
        print(f"  {t:28s} " + " ".join(f"{causes[t, c]:13d}" for c in CAUSES))
    if args.became:
        print_became(confusion, actors)
        print_checks(checks)
    if args.show:
        print_shown(shown)


if __name__ == "__main__":
    main()
