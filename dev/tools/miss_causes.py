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
"""

from __future__ import annotations

from collections import Counter

from who_errors import parse_split_args, same_sentence, scored, split_parser

from diplograph.graph.evaluate import _roles_match
from diplograph.loaders.extract.frame_file import default_frames
from diplograph.loaders.extract.parse import load_pipeline
from diplograph.loaders.extract.rules import SPEECH_VERBS

CAUSES = ("merged", "next conjunct", "other type", "blocked", "no word")


def type_lemmas() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for frame in default_frames().frames:
        for trigger in frame.triggers:
            out.setdefault(frame.type, set()).update(trigger.lemmas)
    return out


def cause_of(miss, article, names, lemmas, nlp) -> str:
    fits = lambda e: (e.type == miss.type and _roles_match(e.agent, miss.agent, names, article.minted)  # noqa: E731
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


def lone_misses(article):
    """The misses left once each false alarm took a miss of its type told in its sentence (who_errors)."""
    missed = list(article.missed_events)
    for event in article.false_alarm_events:
        mate = next((g for g in missed if g.type == event.type and same_sentence(event.evidence, g.quotes)), None)
        if mate is not None:
            missed.remove(mate)
    return missed


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n")[0], "print each miss with its sentence (rules split only)"))
    names, report = scored(args)
    lemmas, nlp = type_lemmas(), load_pipeline()
    causes, shown = Counter(), []
    for article in report.articles:
        for miss in lone_misses(article):
            cause = cause_of(miss, article, names, lemmas, nlp)
            causes[miss.type, cause] += 1
            shown.append((cause, article.source, miss))
    print(f"{args.split}: misses without a false alarm of their type in their sentence: {sum(causes.values())}")
    print(f"  {'':28s} " + " ".join(f"{c:>13s}" for c in CAUSES))
    print(f"  {'all':28s} " + " ".join(f"{sum(n for (_, k), n in causes.items() if k == c):13d}" for c in CAUSES))
    for t in sorted({t for t, _ in causes}):
        print(f"  {t:28s} " + " ".join(f"{causes[t, c]:13d}" for c in CAUSES))
    if args.show:
        for cause, source, miss in sorted(shown, key=lambda x: (x[0], x[2].type)):
            print(f"\n[{cause}] {source} {miss.type} {miss.id}\n  agent={sorted(miss.agent)} "
                  f"target={sorted(miss.target)}\n  “{miss.evidence}”")


if __name__ == "__main__":
    main()
