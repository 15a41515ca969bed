"""Statement misses whose sentence got no Statement at all (any speaker), sorted by why the Statement
coder stayed silent (``why_statements.statement_reason``: the speech word not a cue, the speaker not
found, the clause's return ...).  A miss whose sentence holds an extracted Statement, right or wrong,
is left out (a wrong speaker or target is ``who_errors.py``'s).  On the held-out split only counts are
printed, never sentences::

    .venv/bin/python dev/tools/unproposed_statements.py --split rules [--show]
    .venv/bin/python dev/tools/unproposed_statements.py --split heldout
"""

from __future__ import annotations

from collections import Counter

from miss_causes import type_lemmas
from who_errors import (
    parse_split_args,
    print_shown,
    same_sentence,
    scored,
    split_parser,
)
from why_blocked import Recorder, trigger_check


def main() -> None:
    ap = split_parser(__doc__.split("\n")[0], "print each miss with its sentence (rules split only)")
    args = parse_split_args(ap)
    recorder = Recorder()
    recorder.install()
    _names, report = scored(args)
    lemmas = type_lemmas()
    reasons, shown, total = Counter(), [], 0
    for article in report.articles:
        said = [e for e in article.extracted_events if e.type == "Statement"]
        for miss in article.missed_events:
            if miss.type != "Statement":
                continue
            total += 1
            if any(same_sentence(e.evidence, miss.quotes) for e in said):
                continue
            run = recorder.runs[article.source]
            _stage, reason, _word, tokens = trigger_check(miss, run, recorder, lemmas)
            reasons[reason] += 1
            shown.append((reason, article.source, miss, f" (speech words: {', '.join(t.text for t in tokens)})"))
    print(f"{args.split}: Statement misses {total}, with no Statement proposed in their sentence "
          f"{sum(reasons.values())}")
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")
    if args.show:
        print_shown(shown)


if __name__ == "__main__":
    main()
