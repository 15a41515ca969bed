"""Which facts of a proposed Statement go with a false alarm on both halves: every Statement the
coder proposes (matched ones too), counted by the facts ``statement_alarms.py`` gives a false alarm
(the speech verb's class, the speaker's kind and role, quoted or reported, an act coded beside it,
the speaker named in the sentence or from context, the verb's subject, the line), as tp / lone fp /
paired fp per value, and per pair of facts where ``--pairs`` is given.  Aggregate counts only, so
it may be run on the held-out split::

    .venv/bin/python dev/tools/statement_cells.py --split heldout [--stage statement:name] [--pairs]
    .venv/bin/python dev/tools/statement_cells.py --split rules --show [--where named="from context"]
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from by_stage import row_of
from diplograph.graph.settings import registry_corpus
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract.parse import load_pipeline
from diplograph.loaders.extract.speech import speech_class
from diplograph.loaders.extract.text import read_article
from statement_alarms import FACTS, facts_of, sentence_at
from who_errors import classify, parse_split_args, scored, split_parser

#: the facts counted: statement_alarms.py's, and the speaker's entity type ("type")
SHOWN_FACTS = tuple(f for f in FACTS if f != "repeat") + ("type", "follows", "tense")


def tense_of(event, text: str, nlp) -> str:
    """The tense of the speech verb nearest the coder's trigger: past perfect ("had urged"), perfect
    ("has said"), a participle or gerund ("saying"), a clause of its own in a relative ("who had
    urged", "which X blamed on Y"), or simple."""
    at = event.told_at if event.told_at >= 0 else event.spans[0][0]
    sent, token = sentence_at(nlp, text, at)
    verbs = [t for t in sent if speech_class(t)]
    if not verbs:
        return "no verb"
    verb = min(verbs, key=lambda t: abs(t.i - token.i))
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.dep_ == "relcl":
        return "relative"
    if "had" in aux or "'d" in aux:
        return "past perfect"
    if aux & {"has", "have", "'s", "'ve"}:
        return "perfect"
    if verb.tag_ in ("VBG", "VBN") and not aux:
        return "participle"
    return "simple"


def main() -> None:
    ap = split_parser(__doc__.split("\n\n")[0], "print each Statement with its outcome, facts and sentence (rules split only)")
    ap.add_argument("--stage", help="only Statements proposed by this stage row (by_stage.py's names)")
    ap.add_argument("--pairs", action="store_true", help="count pairs of facts too")
    ap.add_argument("--where", help="with --show: only Statements with this fact=value (e.g. named=from context)")
    args = parse_split_args(ap)
    names, report = scored(args)
    lone: list = []
    _, _, _, _, pairs = classify(report, names, lone)
    kind_of = {id(e): "lone" for _, e in lone} | {id(e): "paired" for _, _, e, _ in pairs}
    gold = load_corpus(args.corpus, args.texts)
    registry = load_corpus(registry_corpus(None), texts=None).entities
    types = {e.id: e.type for e in registry.values()}
    labels = {e.id: (e.label, set(e.aliases)) for e in registry.values()}
    texts = {s.id: read_article(Path(args.texts) / s.file).text for s in gold.sources if s.split == args.split}
    dev_types = {e.id: e.type for e in gold.entities.values()}  # the registry and the development entities
    nlp = load_pipeline()
    counts: Counter = Counter()
    shown = []
    for article in report.articles:
        for event in article.extracted_events:
            if event.type != "Statement":
                continue
            stage = row_of(event.target_stage, statements=True)
            if args.stage and stage != args.stage:
                continue
            outcome = kind_of.get(id(event), "tp")
            f = facts_of(event, article, texts[article.source], nlp, types, labels, article.minted)
            a = event.agent[0] if event.agent else None
            # the same speaker's Statement in the sentence just before: with the same targets, others, none
            first = min(event.sentences)
            before = [e for e in article.extracted_events if e.type == "Statement" and e is not event
                      and e.agent == event.agent and first - 1 in e.sentences and first not in e.sentences]
            f["follows"] = "none" if not before else "same target" if any(e.target == event.target for e in before) \
                else "shared target" if any(set(e.target) & set(event.target) for e in before) else "other target"
            f["tense"] = tense_of(event, texts[article.source], nlp)
            f["type"] = dev_types.get(a) or ("minted person" if a in article.minted and article.minted[a][2]
                                         else "minted" if a in article.minted else "none")
            keys = [(n, f[n]) for n in SHOWN_FACTS]
            keys += [(f"{a}+{b}", f"{f[a]} / {f[b]}") for a, b in combinations(SHOWN_FACTS, 2)] if args.pairs else []
            for key in keys + [("all", "")]:
                counts[key, outcome] += 1
            if args.show and (not args.where or f.get(args.where.split("=")[0]) == args.where.split("=", 1)[1]):
                shown.append((outcome, stage, article.source, event, f))
    print(f"{args.split}{' ' + args.stage if args.stage else ''}: Statements by fact, tp / lone fp / paired fp (precision)")
    rows = sorted({k for k, _ in counts}, key=lambda k: (k[0] != "all", "+" in k[0], k[0], -counts[k, "lone"]))
    for key in rows:
        tp, lone_fp, paired = counts[key, "tp"], counts[key, "lone"], counts[key, "paired"]
        if "+" in key[0] and lone_fp < 3:
            continue
        print(f"  {key[0]:16s} {key[1]:34s} {tp:4d} {lone_fp:4d} {paired:4d}  {tp / max(1, tp + lone_fp + paired):.2f}")
    for outcome, stage, source, event, f in sorted(shown, key=lambda x: (x[0], x[1], x[2])):  # (rules split only)
        print(f"\n[{outcome}] {stage} {source} agent={event.agent} target={event.target}\n  "
              + " | ".join(f"{k}={f[k]}" for k in (*FACTS, "type", "follows", "tense", "lemma")) + f"\n  “{event.evidence[0]}”")


if __name__ == "__main__":
    main()
