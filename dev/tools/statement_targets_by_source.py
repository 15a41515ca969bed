"""Where the wrong targets of Statements come from: the right Statement with the wrong target (the
``who_errors.py`` pairs of kind "wrong target" or "both"), counted by the speaker's side as the coder
found it (a state, a body, unknown) and by the source of the first target (the ``kind`` of the
Mention the coder chose: ``counterpart`` the other side of the dispute, ``name``/``alias``/``capital``
a mention in the words or the clause, ``act-author`` the author of an act the words name, ...).

For each such pair it also prints, per stage, aggregate facts about the sentence (``--facts``, on by
default): where the reviewed target is told (named in the sentence as a name, a demonym, a capital, a
description or a pronoun; named in the sentence before; nowhere near; or left empty by the gold), what
the proposed first target is (the speaker's own side, the article's most-named state, a party named in
the sentence, a third party named in neither), and how many candidate parties the sentence names
besides the speaker's side.  The same candidate count and "is the proposed target named in the
sentence" are given for every Statement of a stage, matched or not, so a stage's guesses where the
text is silent can be weighed against its right answers.

Nothing here runs in the extractor: the coder's ``_speaker_side`` and ``group_members`` are wrapped
to record, per Statement minted, what they returned.  On the held-out split only counts are printed::

    .venv/bin/python dev/tools/statement_targets_by_source.py --split rules [--show]
    .venv/bin/python dev/tools/statement_targets_by_source.py --split heldout
"""

from __future__ import annotations

from collections import Counter, defaultdict

from diplograph.loaders.extract import pipeline, statements
from diplograph.loaders.extract.gazetteer import ACTOR_TYPES
from who_errors import classify, parse_split_args, scored, split_parser

_last: dict = {}
_minted: dict = {}
#: per Statement minted: what the sentence around it names (see ``_context``)
_context: dict = {}

#: how a mention's kind is told, for the facts (any other kind is a description: "the bloc", "the regime")
TOLD_AS = {"name": "name", "alias": "name", "demonym": "demonym", "capital": "capital", "pronoun": "pronoun"}


def _record() -> None:
    """Wrap the coder's side and target choices, and the minting of Statements, to record them."""
    coder = statements.StatementCoder
    side_of, members, mint = coder._speaker_side, coder.group_members, pipeline._Extractor._mint
    event_of = coder._statement_event

    def statement_event(self, sentence, index, mentions, speaker, *args, **kwargs):
        _last["at"] = (index, speaker)
        try:
            return event_of(self, sentence, index, mentions, speaker, *args, **kwargs)
        finally:
            _last.pop("at")  # a Statement of a frame, minted elsewhere, has no recorded sentence

    def speaker_side(self, sentence, index, mentions, segment, speaker, *args, **kwargs):
        side = side_of(self, sentence, index, mentions, segment, speaker, *args, **kwargs)
        _last["own"] = side
        entity = self.gaz.entities.get(side) if side else None
        _last["side"] = "state" if entity is not None and entity.type == "State" else \
            "body" if side and side != speaker.entity else "unknown"
        _last["kind"] = None
        return side

    def group_members(self, mention):
        _last["kind"] = mention.kind
        return members(self, mention)

    def minted(self, etype, agents, targets):
        event_id = mint(self, etype, agents, targets)
        if etype == "Statement":
            key = self.source_id, tuple(agents), tuple(targets)
            _minted[key] = (_last.get("side"), _last.get("kind"))
            _context[key] = _sentence_context(self)
        return event_id

    coder._speaker_side, coder.group_members, pipeline._Extractor._mint = speaker_side, group_members, minted
    coder._statement_event = statement_event


def _sentence_context(coder) -> dict:
    """What the sentence of the Statement being minted (and the one before it) names, the speaker's
    side and the article's most-named state: the facts the pairs are sorted by."""
    index, speaker = _last.get("at", (None, None))
    if index is None:
        return {}
    def told(i):
        if i < 0:
            return []
        s = coder.sentences[i]
        return [(m.entity, m.kind, m.type) for m in coder._mentions_in(s.start, s.end)]
    own = _last.get("own")
    sides = {e for e in (speaker.entity, own, coder._actor_state(speaker.entity), coder._state_id(speaker)) if e}
    sides |= {coder._actor_state(e) for e in list(sides) if coder._actor_state(e)}
    here = told(index)
    # a person of the speaker's state may be spoken of (an opposition leader); its organs speak for it
    candidates = {e for e, kind, etype in here if etype in ACTOR_TYPES | {"Embassy", "DiplomaticMission"}
                  and e not in sides and (etype == "Person" or coder._actor_state(e) not in sides - {None})}
    start = coder.sentences[index].start
    earlier = Counter(m.entity for m in coder._mentions_in(0, start))
    later = Counter(m.entity for m in coder._mentions_in(coder.sentences[index].end, len(coder.text)))
    types = {e.id: e.type for e in coder.gaz.entities.values()}
    # is the speaker's side a party (agent or target) of an act coded so far, or a third party commenting?
    party = any(sides & (set(e.agent) | set(e.target)) for e in coder.events if e.type != "Statement")
    return {"here": here, "before": told(index - 1), "sides": sides, "candidates": candidates, "party": party,
            "focal": coder.focal_state_guess(None), "earlier": earlier, "later": later, "types": types}


def _bucket(n: int) -> str:
    return "3+" if n >= 3 else str(n)


def gold_told(gold_targets, ctx) -> str:
    """Where the reviewed target is told: in the sentence (and how), the sentence before, nowhere near."""
    if not gold_targets:
        return "gold-empty"
    if not ctx:
        return "?"
    kinds = [k for e, k, _ in ctx["here"] if e in gold_targets]
    if kinds:
        return "here:" + min((TOLD_AS.get(k, "description") for k in kinds),
                             key=("name", "demonym", "capital", "description", "pronoun").index)
    if any(e in gold_targets for e, _, _ in ctx["before"]):
        return "previous"
    if any(ctx["earlier"][e] for e in gold_targets):
        return "earlier"
    if any(ctx["later"][e] for e in gold_targets):
        return "later-only"
    return "nowhere"


def gold_kind(gold_targets, ctx) -> str:
    """The reviewed target's type, and for a state whether it is the article's most-named one."""
    if not gold_targets or not ctx:
        return "-"
    kinds = set()
    for g in gold_targets:
        t = ctx["types"].get(g, "minted")
        kinds.add("State(most-named)" if g == ctx["focal"] else t)
    return "+".join(sorted(kinds))


def proposed_is(target: str | None, ctx) -> str:
    """What the proposed first target is: the speaker's side, a party the sentence names, the
    article's most-named state, or a third party the sentence does not name."""
    if target is None:
        return "none"
    if not ctx:
        return "?"
    if target in ctx["sides"]:
        return "own-side"
    if any(e == target for e, _, _ in ctx["here"]):
        return "in-sentence"
    if target == ctx["focal"]:
        return "most-named"
    return "third-party"


def print_facts(pairs, found, minted_context) -> None:
    """Per stage (source of the first target): aggregate facts of the wrong-target pairs."""
    by_stage = defaultdict(lambda: (Counter(), Counter(), Counter(), Counter()))
    for source, _, event, gold in pairs:
        key = (source, tuple(event.agent), tuple(event.target))
        ctx = minted_context.get(key, {})
        stage = found(source, event)[1]
        where, what, many, kind = by_stage[stage]
        kind[gold_kind(set(gold.target), ctx)] += 1
        where[gold_told(set(gold.target), ctx)] += 1
        what[proposed_is(event.target[0] if event.target else None, ctx)] += 1
        many[_bucket(len(ctx.get("candidates", ()))) if ctx else "?"] += 1
    print("  facts of the wrong-target pairs, per stage (gold target told | proposed target is | candidate parties in the sentence):")
    fmt = lambda c: ", ".join(f"{k} {n}" for k, n in sorted(c.items(), key=lambda x: (-x[1], x[0])))
    for stage, (where, what, many, kind) in sorted(by_stage.items(), key=lambda x: -sum(x[1][0].values())):
        print(f"    {stage!s:12s} {sum(where.values()):3d}  gold: {fmt(where)}\n{'':21s}gold is: {fmt(kind)}"
              f"\n{'':21s}proposed: {fmt(what)}\n{'':21s}candidates: {fmt(many)}")


def print_stage_support(report) -> None:
    """Every Statement of the coder, matched (tp) or not (fp), by stage, by how many candidate parties
    its sentence names and whether the proposed target is one of them: where the stage guesses (for the
    counterpart, also whether the speaker's side is a party of an act coded before, or a third party)."""
    rows = Counter()
    for article in report.articles:
        false = {id(e) for e in article.false_alarm_events}
        for event in article.extracted_events:
            if event.type != "Statement":
                continue
            key = (article.source, tuple(event.agent), tuple(event.target))
            if key not in _minted:
                continue
            ctx = _context.get(key, {})
            stage = _minted[key][1]
            named = "named" if event.target and proposed_is(event.target[0], ctx) == "in-sentence" else \
                "empty" if not event.target else "not-named"
            if stage == "counterpart":
                named += ",party" if ctx.get("party") else ",third"
            rows[stage, _bucket(len(ctx.get("candidates", ()))), named, id(event) in false] += 1
    print("  every Statement coded, by stage | candidate parties in its sentence | proposed target named there: tp/fp")
    for stage in sorted({r[0] for r in rows}, key=lambda s: -sum(n for r, n in rows.items() if r[0] == s)):
        cells = sorted({r[1:3] for r in rows if r[0] == stage})
        print(f"    {stage!s:12s} " + "  ".join(f"[{c} {nm}] {rows[(stage, c, nm, False)]}/{rows[(stage, c, nm, True)]}"
                                              for c, nm in cells))


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n")[0], "print each pair with its sentence (rules split only)"))
    _record()
    names, report = scored(args)
    pairs = [p for p in classify(report, names)[4] if p[2].type == "Statement" and p[1] in ("wrong target", "both")]
    found = lambda source, event: _minted.get((source, tuple(event.agent), tuple(event.target)), ("?", "?"))
    counts = Counter(found(source, event) for source, _, event, _ in pairs)
    print(f"{args.split}: Statement pairs with a wrong target (or both roles wrong): {len(pairs)}")
    print("  by (speaker's side, source of the first target):")
    for (side, kind), n in counts.most_common():
        print(f"    {n:3d}  {side:8s} {kind}")
    print_facts(pairs, found, _context)
    print_stage_support(report)
    coded = Counter(kind for _, kind in _minted.values())
    print("  all Statements coded, by source of the first target: "
          + ", ".join(f"{k} {n}" for k, n in coded.most_common()))
    if args.show:
        for source, k, event, gold in pairs:
            side, kind = found(source, event)
            ctx = _context.get((source, tuple(event.agent), tuple(event.target)), {})
            facts = f"gold {gold_told(set(gold.target), ctx)} {gold_kind(set(gold.target), ctx)}, proposed {proposed_is(event.target[0] if event.target else None, ctx)}, " \
                    f"{len(ctx.get('candidates', ()))} candidates"
            print(f"\n[{side} / {kind}] {source} ({facts})\n  got  agent={event.agent} target={event.target}"
                  f"\n  gold agent={sorted(gold.agent)} target={sorted(gold.target)}\n  “{event.evidence[0]}”")


if __name__ == "__main__":
    main()
