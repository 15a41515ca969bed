"""Statement misses whose sentence got no Statement at all (any speaker), sorted by why the Statement
coder stayed silent (``why_statements.statement_reason``: the speech word not a cue, the speaker not
found, the clause's return ...).  A miss whose sentence holds an extracted Statement, right or wrong,
is left out (a wrong speaker or target is ``who_errors.py``'s).  The reasons are summed by cause family
first (``FAMILIES``: the speaker not resolved, the speech word not read as one, the remark's form, the
target missing, a filter or a rule that gave the words to another event, a question); a family is the
reason's first words, so it is only as fine as the coder's own returns.  On the held-out split only
counts are printed, never sentences::

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

#: the first words of a reason (``why_statements``) → its cause family, in this order (the first that fits)
FAMILIES = (
    (("speaker", "body speaker", "a body not placed", "military speaker", "'according to'"), "speaker not resolved"),
    (("not a speech cue", "no paraphrase verb", "no speech cue in the clause", "does not speak here",
      "speech verb with nothing reported"), "speech word not read as one"),
    (("no speech word", "quote: no speech verb"), "the remark's form (no cue the coder reads)"),
    (("target rule gave nothing",), "target missing"),
    (("a private person", "a source of a report", "reported speech", "made, dropped"),
     "filtered, or the words given to another event"),
    (("a question",), "a question"),
)


def family(reason: str) -> str:
    """The cause family of a reason (``FAMILIES``), or "other"."""
    return next((name for starts, name in FAMILIES if reason.startswith(starts)), "other")


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
    families = Counter()
    for reason, n in reasons.items():
        families[family(reason)] += n
    print("by cause family:")
    for name, n in families.most_common():
        print(f"  {n:4d}  {name}")
    print("by reason:")
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")
    if args.show:
        print_shown(shown)


if __name__ == "__main__":
    main()
