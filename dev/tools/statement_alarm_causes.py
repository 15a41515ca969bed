"""Why each Statement false alarm is one, read from the reviewed claims of its article (not from the
extractor's stages, as ``statement_alarms.py`` does):

  a  wrong target     a reviewed Statement of the same sentence has the speaker but another target
                      (missed: then it is a miss too; matched: another proposal found it, this one
                      adds a second target to one remark)
  b  wrong speaker    a reviewed Statement of the sentence has the target but another speaker, or
                      neither (both wrong)
  d0 duplicate        a reviewed Statement of the sentence has both: another proposal matched it
                      (told in the same sentence, or in another one the claim also quotes)
  d  told elsewhere   no reviewed Statement in the sentence, but one of the same speaker and target
                      elsewhere in the article (the gold codes the remark once, from another sentence)
  d2 speaker elsewhere  no reviewed Statement in the sentence; the speaker's are about others
  c  not coded        no reviewed Statement of this speaker in the article at all: a factual report,
                      an act's announcement, a ruling, a remark with no diplomatic target ...

    .venv/bin/python dev/tools/statement_alarm_causes.py --split heldout          # counts only
    .venv/bin/python dev/tools/statement_alarm_causes.py --split rules --show     # and the cases
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from diplograph.graph.evaluate import _gold, _roles_match
from who_errors import parse_split_args, same_sentence, scored, split_parser


def cause_of(event, article, gold: dict, names: dict) -> tuple[str, object]:
    """(cause, the reviewed Statement it was weighed against or None) of one Statement false alarm."""
    missed = {g.id for g in article.missed_events}
    speaker = lambda g: _roles_match(event.agent, g.agent, names, article.minted)
    target = lambda g: _roles_match(event.target, g.target, names, article.minted)
    here = [g for g in gold.values() if same_sentence(event.evidence, g.quotes)]
    for g in here:
        if speaker(g) and target(g):
            twins = [o for o in article.extracted_events if o is not event and o.type == "Statement"
                     and _roles_match(o.agent, g.agent, names, article.minted)
                     and _roles_match(o.target, g.target, names, article.minted)]
            alongside = any(set(o.sentences) & set(event.sentences) for o in twins)
            return f"d0 duplicate ({'same sentence' if alongside else 'another sentence'})", g
    for g in here:
        if speaker(g):
            return ("a wrong target (missed)" if g.id in missed else "a wrong target (the remark matched)"), g
    for g in here:
        if target(g):
            return "b wrong speaker", g
    if here:
        return "b both wrong", here[0]
    if any(speaker(g) and target(g) for g in gold.values()):
        return "d told elsewhere", None
    if any(speaker(g) for g in gold.values()):
        return "d2 speaker elsewhere, other targets", None
    return "c not coded", None


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n\n")[0], "print each false alarm with its cause and sentence (rules split only)"))
    names, report = scored(args)
    names = {k: (*v, None) for k, v in names.items()}   # (label, aliases, organ key) as evaluate keeps them
    counts, shown = Counter(), []
    for article in report.articles:
        gold = {g.id: g for g in _gold(Path(args.corpus) / "claims" / f"{article.source}.yaml").values()
                if g.type == "Statement"}
        for event in article.false_alarm_events:
            if event.type != "Statement":
                continue
            cause, mate = cause_of(event, article, gold, names)
            counts[cause] += 1
            shown.append((cause, article.source, event, mate))
    print(f"{args.split}: Statement false alarms by cause ({sum(counts.values())})")
    for cause, n in sorted(counts.items()):
        print(f"  {n:4d}  {cause}")
    if args.show:  # (the rules split only: parse_split_args refuses --show on heldout)
        for cause, source, event, mate in sorted(shown, key=lambda x: (x[0], x[1])):
            gold = f"  reviewed {sorted(mate.agent)} -> {sorted(mate.target)}" if mate else ""
            print(f"\n[{cause}] {source} {event.agent} -> {event.target} ({event.target_stage}){gold}\n  “{event.evidence[0]}”")


if __name__ == "__main__":
    main()
