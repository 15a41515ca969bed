"""What each trigger's ``needs`` and ``unless`` in the frame files keeps out: for every trigger token a
frame's triggers all refused, the conditions that alone refused it (the trigger passes with that one
condition dropped), and what the match without the condition would have been.

  gold         a reviewed event of the frame's type in the sentence, missed, whose agent and target
               the match's role paths find (the condition blocks a real act)
  gold, other  a missed reviewed event of the type in the sentence, other actors than the match's
  found        the sentence's act of this type was extracted and matched all the same (nothing lost)
  alarm        no reviewed event of the type in the sentence (the condition prevents a false alarm)
  inert        the match would stop anyway: modality (negated, modal, future ...) or a role with nobody

A condition that blocks more gold than it prevents alarms is one to loosen.  Nothing here runs in the
extractor: the tool wraps ``frames.triggered`` for one run of the evaluation.  On the held-out split it
prints the aggregate counts only (no condition, sentence or id)::

    .venv/bin/python dev/tools/frame_conditions.py --split rules [--show]
    .venv/bin/python dev/tools/frame_conditions.py --split heldout
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from diplograph.graph.evaluate import _roles_match
from diplograph.loaders.extract import frame_roles, frames, modality, pipeline
from who_errors import parse_split_args, same_sentence, scored, split_parser

KINDS = ("gold", "gold, other", "found", "alarm", "inert")


def condition_name(frame, trig, kind: str) -> str:
    """'Expulsion verb expel needs': the frame's type, the trigger's first lemmas, which condition."""
    words = ",".join(sorted(trig.lemmas)[:3]) + (",…" if len(trig.lemmas) > 3 else "")
    return f"{frame.type} {trig.pos} {words} {kind}"


class Blocked:
    """Every (article, token, frame, trigger, condition) a single condition refused, in one run."""

    def __init__(self) -> None:
        self.runs: dict[str, dict] = {}
        self.current: dict | None = None

    def install(self) -> None:
        rec, run, triggered = self, pipeline._Extractor.run, frames.triggered

        def run_(ext):
            rec.current = rec.runs[ext.source_id] = {"blocked": []}
            return run(ext)

        def triggered_(frame, token, enacting, index=None, memo=None):
            out = triggered(frame, token, enacting, index, memo)
            if out is None and rec.current is not None:
                for trig in frame.triggers:
                    if (trig.needs or trig.unless) and ({token.lemma_.lower(), token.lower_} & trig.lemmas):
                        for kind in ("needs", "unless"):
                            if getattr(trig, kind):
                                loose = dataclasses.replace(trig, **{kind: ()})
                                if triggered(dataclasses.replace(frame, triggers=(loose,)), token, enacting, index) is not None:
                                    rec.current["blocked"].append((frame, trig, kind, token, index))
            return out

        pipeline._Extractor.run = run_
        frames.triggered = triggered_


def classify(frame, trig, token, index, article, names) -> tuple[str, str]:
    """(kind, the sentence) of one refused trigger token, as KINDS says."""
    sentence = token.sent.text
    if modality.not_an_act(token, trig.negated):
        return "inert", sentence
    roles = frame.roles
    agents = [a for a, _ in frame_roles.role_fillers(roles["agent"], token, index, set(), home=True)]
    targets = [t for t, _ in frame_roles.role_fillers(roles["target"], token, index, set(agents))] if "target" in roles else []
    if not agents and not roles["agent"].implied or "target" in roles and not targets:
        return "inert", sentence
    missed = [g for g in article.missed_events if g.type == frame.type and same_sentence([sentence], g.quotes)]
    if any(_roles_match(agents, g.agent, names, article.minted) and _roles_match(targets, g.target, names, article.minted)
           for g in missed):
        return "gold", sentence
    if missed:
        return "gold, other", sentence
    found = [e for e in article.extracted_events if e.type == frame.type and same_sentence(e.evidence, [sentence])
             and e not in article.false_alarm_events]
    return ("found" if found else "alarm"), sentence


def main() -> None:
    ap = split_parser(__doc__.split("\n")[0], "print each refused token's sentence by condition and kind (rules split only)")
    args = parse_split_args(ap)
    blocked = Blocked()
    blocked.install()
    names, report = scored(args)
    table: dict[str, Counter] = defaultdict(Counter)
    shown = []
    for article in report.articles:
        seen = set()
        for frame, trig, kind, token, index in blocked.runs.get(article.source, {}).get("blocked", []):
            name = condition_name(frame, trig, kind)
            if (token.i, name) in seen:  # the sentence matched again (a frame tried alone, a document pass)
                continue
            seen.add((token.i, name))
            verdict, sentence = classify(frame, trig, token, index, article, names)
            table[name][verdict] += 1
            shown.append((name, verdict, article.source, token.text, sentence))
    total = Counter()
    for counts in table.values():
        total.update(counts)
    by_kind = Counter()
    for name, counts in table.items():
        by_kind[name.rsplit(" ", 1)[1]] += counts["gold"] - counts["alarm"]
    print(f"{args.split}: tokens refused by one condition alone: {sum(total.values())}  "
          + "  ".join(f"{k} {total[k]}" for k in KINDS))
    for kind in ("needs", "unless"):
        sub = Counter()
        for name, counts in table.items():
            if name.endswith(" " + kind):
                sub.update(counts)
        print(f"  {kind:7s} " + "  ".join(f"{k} {sub[k]}" for k in KINDS)
              + f"  conditions blocking more gold than alarms: "
              f"{sum(1 for n, c in table.items() if n.endswith(' ' + kind) and c['gold'] > c['alarm'])}")
    if args.split != "rules":
        return
    print(f"\n{'condition':60s} " + " ".join(f"{k:>11s}" for k in KINDS))
    for name, counts in sorted(table.items(), key=lambda x: (x[1]["alarm"] - x[1]["gold"], x[0])):
        if counts["gold"] or counts["alarm"] or counts["gold, other"]:
            print(f"{name[:60]:60s} " + " ".join(f"{counts[k]:11d}" for k in KINDS))
    if args.show:
        for name, verdict, source, word, sentence in sorted(shown):
            if verdict in ("gold", "gold, other", "alarm"):
                print(f"\n[{name} / {verdict}] {source} ({word})\n  “{sentence.strip()}”")


if __name__ == "__main__":
    main()
