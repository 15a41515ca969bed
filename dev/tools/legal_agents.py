"""Who acts in an arrest, a charge or a sentence: how the extractor found the agent of each legal act.

Runs ``diplograph eval`` on a split with ``organs.implied_state`` traced: for every legal act whose
agent the sentence leaves to an organ named without its state ("police arrested her") or to nobody
("she was sentenced"), the step of ``implied_state`` that gave the state (the source line of the
``return`` it left by: an organ named before, the organ's own phrase or the act's place, the holder
told before, the office of the one acted on, the story's legal state, the reporting state, the
dateline, the nationality of the one acted on, ...).  Counts, per legal type, for the right acts with
a wrong agent (a false alarm paired with a miss of its type in its sentence, as ``who_errors.py``),
the false alarms without a partner and the true positives:

  step        the return line of ``implied_state`` (``-`` where the agent was named, not implied)
  how         how the agent was found (the confidence feature: name, demonym, capital, via-organ,
              via-nationality, earlier, untold)
  gold        the reviewed agent's kind (State, Court, ...) and whether the sentence names it

Only counts and lines of the extractor's own code are printed, never sentences or ids, so it is safe
on the held-out split::

    .venv/bin/python dev/tools/legal_agents.py --split heldout
"""

from __future__ import annotations

import inspect
import sys
from collections import Counter

from diplograph.graph.evaluate import _fold, evaluate
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import frame_events, organs
from who_errors import classify, parse_split_args, split_parser

LEGAL = ("Arrest", "Charge", "Sentence")


class Tracer:
    """Which return line of ``implied_state`` each call left by, by the trigger's offset in the article."""

    def __init__(self) -> None:
        self.original = organs.implied_state
        self.code = self.original.__code__
        lines, first = inspect.getsourcelines(self.original)
        self.source = {first + n: line.strip() for n, line in enumerate(lines)}
        self.steps: dict[int, str] = {}   # trigger offset -> step, for the article being read
        self.others: dict[int, dict[str, str | None]] = {}   # trigger offset -> the other steps' states

    def step(self, line: int) -> str:
        """The return line, with the comment just above it where the line itself says little."""
        text = self.source.get(line, "?")
        above = self.source.get(line - 1, "")
        return f"{line}: {text}" + (f"  [{above[:70]}]" if above.startswith("#") else "")

    def __call__(self, trigger, *args, **kwargs):
        left: list[int] = []

        def local(frame, event, arg):
            if event == "return":
                left.append(frame.f_lineno)
            return local

        def calls(frame, event, arg):
            return local if frame.f_code is self.code else None

        before = sys.gettrace()
        sys.settrace(calls)
        try:
            state = self.original(trigger, *args, **kwargs)
        finally:
            sys.settrace(before)
        self.steps.setdefault(trigger.idx, self.step(left[-1]) if left else "?")
        if trigger.idx not in self.others:
            self.others[trigger.idx] = other_states(trigger, *args, **kwargs)
        return state


def other_states(trigger, organ, targets, index, judicial=False) -> dict[str, str | None]:
    """The states the later steps of ``implied_state`` (and a few others) would give: what each
    fallback would have said, to count which one is right where the one taken was wrong."""
    told_near = organs._state_told_near(trigger, targets, index)
    return {
        "dateline": index.dateline_state() if index.dateline_state is not None else None,
        "home": index.home_state if index.home_state_clear else None,
        "near": told_near,
        "near-bodies": organs._state_told_near(trigger, targets, index, bodies=True),
        "legal-told": index.legal_state,
        "nationality": next((index.state_of(t) for t in targets if index.state_of(t) not in (None, t)), None),
    }


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n")[0], "print each wrong agent with its sentence and what each step would give (rules split only)"))
    tracer = Tracer()
    organs.implied_state = tracer
    frame_events.implied_state = tracer
    per_article: list[dict[int, str]] = []

    per_others: list[dict] = []

    def progress(done, total):
        per_article.append(tracer.steps)
        per_others.append(tracer.others)
        tracer.steps, tracer.others = {}, {}

    gold = load_corpus(args.corpus, args.texts)
    names = {e.id: (_fold(e.label), {_fold(x) for x in e.aliases}) for e in gold.entities.values()}
    kinds = {e.id: e.type for e in gold.entities.values()}
    report = evaluate(args.corpus, args.texts, split=args.split, progress=progress)
    _, _, _, _, pairs = classify(report, names)
    wrong = {id(e): g for _, k, e, g in pairs if k in ("wrong agent", "both")}
    counts: dict[str, Counter] = {"wrong agent": Counter(), "false alarm alone": Counter(), "right": Counter()}
    right_agent = {id(e) for _, k, e, _ in pairs if k not in ("wrong agent", "both")}
    alternatives: dict[str, Counter] = {"wrong agent": Counter(), "right": Counter()}
    shown: list[str] = []
    for article, steps, others in zip(report.articles, per_article, per_others):
        alarms = {id(e) for e in article.false_alarm_events}
        for event in article.extracted_events:
            if event.type not in LEGAL:
                continue
            how = next((f.split("=", 1)[1] for f in event.features if f.startswith("agent-how=")), "?")
            step = steps.get(event.told_at, "-")
            if id(event) in wrong:
                g = wrong[id(event)]
                said = any(_fold(names[a][0]) in _fold(q) or any(x and x in _fold(q) for x in names[a][1])
                           for a in g.agent if a in names for q in g.quotes)
                gold_kind = "/".join(sorted({kinds.get(a, "?") for a in g.agent}))
                counts["wrong agent"][event.type, step, how, f"{gold_kind} {'named' if said else 'not named'} in its quote"] += 1
                for name, state in others.get(event.told_at, {}).items():
                    alternatives["wrong agent"][step[:4], name, "right" if state in g.agent else "none" if state is None else "wrong"] += 1
                if args.show:   # (the rules split only: parse_split_args refuses --show on the held-out one)
                    shown.append(f"{article.source} {event.type} {event.agent} (gold {g.agent}) -> {event.target} [{step[:60]}]\n"
                                 f"    {' | '.join(event.evidence)[:300]}\n    others: {others.get(event.told_at, {})}")
            elif id(event) in alarms and id(event) not in right_agent:
                counts["false alarm alone"][event.type, step, how, ""] += 1
            elif id(event) not in alarms:
                counts["right"][event.type, step, how, ""] += 1
                for name, state in others.get(event.told_at, {}).items():
                    alternatives["right"][step[:4], name, "right" if state in event.agent else "none" if state is None else "wrong"] += 1
    for title, c in counts.items():
        print(f"\n== {title}: {sum(c.values())}")
        for (etype, step, how, gold_kind), n in sorted(c.items(), key=lambda x: (x[0][0], -x[1], x[0][1:])):
            print(f"  {n:3d}  {etype:8s}  how={how:16s} {gold_kind:28s} {step}")
    for line in shown:
        print(line)
    print("\n== what the other steps would give, by the step taken (line), for the wrong agents and the right ones")
    for title, c in alternatives.items():
        for (line, name, verdict), n in sorted(c.items()):
            print(f"  {title:12s} {line:5s} {name:12s} {verdict:6s} {n:3d}")


if __name__ == "__main__":
    main()
