"""What else a Statement's target could have been: for each Statement the coder guessed a target for
from the dispute alone (stage ``counterpart``, words naming no party), the reviewed Statement of its
sentence and speaker, and whether each alternative choice would name a reviewed target — counted
apart for the guesses that were right and those that were wrong, so a candidate order can be weighed
by what it would gain and what it would cost before it is written.

The alternatives (each computed from what the coder knew when it minted the Statement):

  current        the target the coder gave (first of its list)
  protagonist    the person most named before the sentence (twice or more), not the speaker's side
  last-act:tgt   the target of the latest act (not a Statement) told before, outside the speaker's side
  last-act:agt   the agent of that act, outside the speaker's side
  own-act:tgt    the target of the latest act by the speaker's side told before
  person-acted   the latest person an act told before was done to (not the speaker)
  prev-stmt:tgt  the first target of the latest Statement told before (by anyone)
  top-actor      the actor of any type (person, body, state) most named before, not the speaker's side

On the held-out split only counts are printed::

    .venv/bin/python dev/tools/statement_target_alternatives.py --split rules [--show]
    .venv/bin/python dev/tools/statement_target_alternatives.py --split heldout
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from diplograph.graph.evaluate import _gold, _roles_match
from diplograph.loaders.corpus import load_corpus
from diplograph.loaders.extract import pipeline, statements
from diplograph.loaders.extract.gazetteer import ACTOR_TYPES, PERSON_TYPES
from who_errors import parse_split_args, same_sentence, scored, split_parser

STAGES = ("counterpart",)
ALTERNATIVES = ("current", "protagonist", "last-act:tgt", "last-act:agt", "own-act:tgt", "person-acted",
                "prev-stmt:tgt", "top-actor", "last-named", "last-person", "prev-sent:any", "author-on-cur", "sent-first", "sent-last", "sent-other", "own-person-top", "own-person-acted", "own-state-subject")
_last: dict = {}
_alts: dict = {}


def _alternatives(coder, index: int, speaker, own: str | None) -> dict:
    start = coder.sentences[index].start
    sides = {e for e in (speaker.entity, own, coder._actor_state(speaker.entity)) if e}
    outside = lambda e: bool(e) and e not in sides and not any(coder._on_side(e, s) for s in sides)
    told = [e for e in coder.events if e.spans and e.spans[0][0] < start]
    acts = [e for e in told if e.type != "Statement"]
    said = [e for e in told if e.type == "Statement"]
    alts: dict = {}
    prot = coder._protagonist(exclude=sides, before=start)
    alts["protagonist"] = prot.entity if prot is not None else None
    if acts:
        latest = max(acts, key=lambda e: e.spans[0][0])
        alts["last-act:tgt"] = next((t for t in latest.target if outside(t)), None)
        alts["last-act:agt"] = next((a for a in latest.agent if outside(a)), None)
    own_acts = [e for e in acts if any(a in sides or any(coder._on_side(a, s) for s in sides) for a in e.agent)]
    if own_acts:
        alts["own-act:tgt"] = next((t for t in max(own_acts, key=lambda e: e.spans[0][0]).target if outside(t)), None)
    on_persons = [(e, t) for e in acts for t in e.target
                  if coder.gaz.entities.get(t) is not None and coder.gaz.entities[t].type in PERSON_TYPES and t not in sides]
    if on_persons:
        alts["person-acted"] = max(on_persons, key=lambda x: x[0].spans[0][0])[1]
    if said:
        latest = max(said, key=lambda e: e.spans[0][0])
        alts["prev-stmt:tgt"] = latest.target[0] if latest.target else None
    counts = Counter(m.entity for m in coder._mentions_in(0, start) if m.type in ACTOR_TYPES and outside(m.entity))
    alts["top-actor"] = counts.most_common(1)[0][0] if counts else None
    before = [m for m in coder._mentions_in(0, start) if m.type in ACTOR_TYPES and outside(m.entity)]
    alts["last-named"] = before[-1].entity if before else None
    persons = [m for m in before if m.type in PERSON_TYPES]
    alts["last-person"] = persons[-1].entity if persons else None
    prev = coder.sentences[index - 1] if index else None
    alts["prev-sent:any"] = [m.entity for m in before if prev is not None and m.start >= prev.start] or None
    sent = coder.sentences[index]
    here = [m.entity for m in coder._mentions_in(sent.start, sent.end) if m.type in ACTOR_TYPES | {"Embassy", "DiplomaticMission"}
            and outside(m.entity) and m.kind != "pronoun"]
    alts["_here"] = list(dict.fromkeys(here))
    alts["sent-first"] = here[0] if here else None
    alts["sent-last"] = here[-1] if here else None
    own_persons = Counter(m.entity for m in coder._mentions_in(0, start) if m.type in PERSON_TYPES
                          and m.entity != speaker.entity and not outside(m.entity))
    alts["own-person-top"] = own_persons.most_common(1)[0][0] if own_persons else None
    acted_own = [t for e in acts for t in e.target if t in own_persons]
    alts["own-person-acted"] = acted_own[-1] if acted_own else None
    alts["_told"] = {m.entity: (m.type, m.kind, "outside" if outside(m.entity) else "own-side") for m in coder._mentions_in(0, start)}
    alts["_acts"] = [(e.agent, e.target, e.type) for e in acts]
    # where the gold stands among the actors named before: by recency and by frequency
    alts["_recency"] = list(dict.fromkeys(m.entity for m in reversed(before)))
    alts["_frequency"] = [e for e, _ in counts.most_common()]
    return alts


def _record() -> None:
    coder = statements.StatementCoder
    side_of, members, mint, event_of = coder._speaker_side, coder.group_members, pipeline._Extractor._mint, coder._statement_event

    def statement_event(self, sentence, index, mentions, speaker, *args, **kwargs):
        _last["at"] = (index, speaker)
        try:
            return event_of(self, sentence, index, mentions, speaker, *args, **kwargs)
        finally:
            _last.pop("at")

    speaks_own = coder._speaks_of_own_state

    def speaks_of_own_state(self, at, own_state):
        result = speaks_own(self, at, own_state)
        _last["own_subject"] = own_state if result else None
        return result

    coder._speaks_of_own_state = speaks_of_own_state

    def speaker_side(self, *args, **kwargs):
        side = side_of(self, *args, **kwargs)
        _last["own"], _last["kind"], _last["own_subject"] = side, None, None
        return side

    def group_members(self, mention):
        _last["kind"] = mention.kind
        return members(self, mention)

    def minted(self, etype, agents, targets):
        event_id = mint(self, etype, agents, targets)
        if etype == "Statement" and (_last.get("kind") in STAGES or "all" in STAGES) and "at" in _last:
            index, speaker = _last["at"]
            alts = _alternatives(self, index, speaker, _last.get("own"))
            alts["own-state-subject"] = _last.get("own_subject")
            _alts[self.source_id, tuple(agents), tuple(targets)] = (_last["kind"], alts)
        return event_id

    coder._speaker_side, coder.group_members, pipeline._Extractor._mint = speaker_side, group_members, minted
    coder._statement_event = statement_event


def main() -> None:
    ap = split_parser(__doc__.split("\n")[0], "print each guessed Statement with its alternatives (rules split only)")
    ap.add_argument("--stages", default="counterpart", help="comma-separated target sources, or 'all'")
    args = parse_split_args(ap)
    global STAGES
    STAGES = tuple(args.stages.split(","))
    _record()
    names, report = scored(args)
    corpus = load_corpus(args.corpus, args.texts)
    published = {s.id: (s.published.value if s.published else None) for s in corpus.sources}
    rows = Counter()
    totals = Counter()
    by_stage = Counter()
    told_as = Counter()
    for article in report.articles:
        gold = _gold(Path(args.corpus) / "claims" / f"{article.source}.yaml", published.get(article.source))
        false = {id(e) for e in article.false_alarm_events}
        for event in article.extracted_events:
            key = (article.source, tuple(event.agent), tuple(event.target))
            if event.type != "Statement" or key not in _alts:
                continue
            stage, alts = _alts[key]
            alts = {**alts, "current": event.target[0] if event.target else None}
            cur = alts["current"]
            alts["sent-other"] = [e for e in alts.get("_here", []) if e not in event.target] or None
            alts["author-on-cur"] = next((a for agents, targets, _ in reversed(alts.get("_acts", [])) if cur in targets
                                          for a in agents if a != cur and a not in event.agent), None)
            mates = [g for g in gold.values() if g.type == "Statement" and same_sentence(event.evidence, g.quotes)
                     and _roles_match(event.agent, g.agent, names, article.minted)]
            verdict = "right" if id(event) not in false else "wrong" if mates else "lone"
            totals[verdict] += 1
            for name in ("current", "last-named", "top-actor", "prev-sent:any", "own-act:tgt", "last-act:tgt", "last-act:agt", "author-on-cur", "sent-first", "sent-last", "sent-other"):
                value = alts.get(name)
                values = value if isinstance(value, list) else [value] if value else []
                if any(g.target and _roles_match(values, g.target, names, article.minted) for g in mates):
                    by_stage[stage, verdict, name] += 1
            by_stage[stage, verdict, "n"] += 1
            for name in ALTERNATIVES:
                value = alts.get(name)
                values = value if isinstance(value, list) else [value] if value else []
                hit = bool(values) and any(g.target and _roles_match(values, g.target, names, article.minted) for g in mates)
                rows[name, verdict, "hit" if hit else "none" if not value else "miss"] += 1
            if verdict == "wrong":
                told = [alts.get("_told", {}).get(g_id) for g in mates for g_id in g.target]
                told_as[next((t for t in told if t), "not told before (by id)")] += 1
            for order in ("_recency", "_frequency"):
                rank = next((n for n, e in enumerate(alts[order]) if any(g.target and _roles_match([e], g.target, names, article.minted)
                                                                         for g in mates)), None)
                rows[order, verdict, "absent" if rank is None else str(min(rank, 3) + 1) if rank < 3 else "4+"] += 1
            if args.show:
                print(f"\n[{verdict}] {article.source} agent={event.agent} target={event.target}"
                      f"\n  gold targets: {[sorted(g.target) for g in mates]}\n  alts: {alts}\n  “{event.evidence[0]}”")
    print(f"{args.split}: Statements whose target the coder guessed from the dispute ({', '.join(STAGES)}): "
          f"right {totals['right']}, wrong target {totals['wrong']}, no reviewed Statement there {totals['lone']}")
    print("  alternative       right guesses: hit/miss/none     wrong guesses: hit/miss/none")
    for name in ALTERNATIVES:
        r = "/".join(str(rows[name, "right", k]) for k in ("hit", "miss", "none"))
        w = "/".join(str(rows[name, "wrong", k]) for k in ("hit", "miss", "none"))
        print(f"  {name:16s}  {r:>24s}     {w:>22s}")
    if "all" in STAGES or len(STAGES) > 1:
        print("  per stage, right | wrong guesses: n, and hits of current / last-named / top-actor / prev-sent:any / own-act:tgt / last-act:tgt / last-act:agt / author-on-cur / sent-first / sent-last / sent-other")
        for stage in sorted({k[0] for k in by_stage}, key=str):
            cells = ["/".join(str(by_stage[stage, v, n]) for n in ("n", "current", "last-named", "top-actor", "prev-sent:any", "own-act:tgt", "last-act:tgt", "last-act:agt", "author-on-cur", "sent-first", "sent-last", "sent-other"))
                     for v in ("right", "wrong")]
            print(f"    {stage!s:14s} {cells[0]:>28s} | {cells[1]}")
    print("  wrong guesses: how the reviewed target was told before the sentence (mention type, kind, side): "
          + ", ".join(f"{k} {n}" for k, n in told_as.most_common()))
    for order in ("_recency", "_frequency"):
        for verdict in ("right", "wrong"):
            print(f"  gold's rank by {order[1:]:9s} among actors named before ({verdict} guesses): "
                  + ", ".join(f"{k} {rows[order, verdict, k]}" for k in ("1", "2", "3", "4+", "absent")))


if __name__ == "__main__":
    main()
