"""Which stage of the extractor proposes the true events and the false alarms: per proposing stage
(``Event.proposed_by``, loaders/extract/stages.py), the extracted events ``diplograph eval`` matched to
a reviewed event (tp) and those it matched to none (fp).  The matching is eval's own (this tool only
counts its report); misses have no stage and are not counted here.

Rows: by default the frames and the Statement coder are one row each, every rule and later stage
its own; ``--frames`` breaks the frames down by frame, ``--triggers`` by frame and trigger word,
``--statements`` the Statement coder by where the target was found.  On the held-out split only
counts are printed, never sentences or ids::

    .venv/bin/python dev/tools/by_stage.py --split rules [--frames] [--triggers] [--statements] [--show]
    .venv/bin/python dev/tools/by_stage.py --split heldout [--frames] [--triggers] [--statements]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diplograph.graph.evaluate import evaluate
from diplograph.loaders.extract import stages
from who_errors import parse_split_args, split_parser

UNKNOWN = "(no stage)"


def row_of(stage: str, frames: bool = False, triggers: bool = False, statements: bool = False) -> str:
    """The row an event of this stage is counted in, at the detail asked for."""
    if not stage:
        return UNKNOWN
    family = stages.family(stage)
    if family == stages.FRAME:
        return stage if triggers else stages.frame_of(stage) if frames else family
    if family == stages.STATEMENT:
        return stage if statements else family
    return stage


def count_by_stage(report, **detail) -> tuple[Counter, Counter, list]:
    """(tp per row, fp per row, the false alarms as (source, row, event)) of an eval report."""
    tp, fp, alarms = Counter(), Counter(), []
    for article in report.articles:
        false = {id(e) for e in article.false_alarm_events}
        for event in article.extracted_events:
            row = row_of(event.proposed_by, **detail)
            if id(event) in false:
                fp[row] += 1
                alarms.append((article.source, row, event))
            else:
                tp[row] += 1
    return tp, fp, alarms


def table(tp: Counter, fp: Counter) -> str:
    """Counts only: a row per stage (most events first), then the total."""
    rows = sorted(set(tp) | set(fp), key=lambda r: (-(tp[r] + fp[r]), r))
    width = max([len(r) for r in rows] + [len("stage")])
    lines = [f"{'stage':<{width}}  {'tp':>4}  {'fp':>4}  precision"]
    for r in rows:
        lines.append(f"{r:<{width}}  {tp[r]:>4}  {fp[r]:>4}  {tp[r] / (tp[r] + fp[r]):.2f}")
    t, f = sum(tp.values()), sum(fp.values())
    lines.append(f"{'all':<{width}}  {t:>4}  {f:>4}  {t / (t + f) if t + f else 0:.2f}")
    return "\n".join(lines)


def main() -> None:
    ap = split_parser(__doc__.split("\n\n")[0], "also list each false alarm with its stage and sentence")
    ap.add_argument("--frames", action="store_true", help="one row per frame")
    ap.add_argument("--triggers", action="store_true", help="one row per frame and trigger word")
    ap.add_argument("--statements", action="store_true", help="the Statement coder by where the target was found")
    args = parse_split_args(ap)
    report = evaluate(args.corpus, args.texts, split=args.split)
    tp, fp, alarms = count_by_stage(report, frames=args.frames, triggers=args.triggers, statements=args.statements)
    print(f"{args.split} half: extracted events by the stage that proposed them (matched as diplograph eval matches)")
    print(table(tp, fp))
    if args.show:  # (the rules split only: parse_split_args refuses --show on heldout)
        for source, row, event in sorted(alarms, key=lambda x: (x[1], x[0])):
            print(f"\nFP {row}  {source}  {event.type} agent={event.agent} target={event.target}\n    {event.evidence[0]}")


if __name__ == "__main__":
    main()
