"""Where the wrong targets of Statements come from: the right Statement with the wrong target (the
``who_errors.py`` pairs of kind "wrong target" or "both"), counted by the speaker's side as the coder
found it (a state, a body, unknown) and by the source of the first target (the ``kind`` of the
Mention the coder chose: ``counterpart`` the other side of the dispute, ``name``/``alias``/``capital``
a mention in the words or the clause, ``act-author`` the author of an act the words name, ...).

Nothing here runs in the extractor: the coder's ``_speaker_side`` and ``group_members`` are wrapped
to record, per Statement minted, what they returned.  On the held-out split only counts are printed::

    .venv/bin/python dev/tools/statement_targets_by_source.py --split rules [--show]
    .venv/bin/python dev/tools/statement_targets_by_source.py --split heldout
"""

from __future__ import annotations

from collections import Counter

from who_errors import classify, parse_split_args, scored, split_parser

from diplograph.loaders.extract import pipeline, statements

_last: dict = {}
_minted: dict = {}


def _record() -> None:
    """Wrap the coder's side and target choices, and the minting of Statements, to record them."""
    coder = statements.StatementCoder
    side_of, members, mint = coder._speaker_side, coder.group_members, pipeline._Extractor._mint

    def speaker_side(self, sentence, index, mentions, segment, speaker, *args, **kwargs):
        side = side_of(self, sentence, index, mentions, segment, speaker, *args, **kwargs)
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
            _minted[self.source_id, tuple(agents), tuple(targets)] = (_last.get("side"), _last.get("kind"))
        return event_id

    coder._speaker_side, coder.group_members, pipeline._Extractor._mint = speaker_side, group_members, minted


def main() -> None:
    args = parse_split_args(split_parser(__doc__.split("\n")[0], "print each pair with its sentence (rules split only)"))
    _record()
    names, report = scored(args)
    pairs = [p for p in classify(report, names)[4] if p[2].type == "Statement" and p[1] in ("wrong target", "both")]
    found = lambda source, event: _minted.get((source, tuple(event.agent), tuple(event.target)), ("?", "?"))  # noqa: E731
    counts = Counter(found(source, event) for source, _, event, _ in pairs)
    print(f"{args.split}: Statement pairs with a wrong target (or both roles wrong): {len(pairs)}")
    print("  by (speaker's side, source of the first target):")
    for (side, kind), n in counts.most_common():
        print(f"    {n:3d}  {side:8s} {kind}")
    coded = Counter(kind for _, kind in _minted.values())
    print("  all Statements coded, by source of the first target: "
          + ", ".join(f"{k} {n}" for k, n in coded.most_common()))
    if args.show:
        for source, k, event, gold in pairs:
            side, kind = found(source, event)
            print(f"\n[{side} / {kind}] {source}\n  got  agent={event.agent} target={event.target}"
                  f"\n  gold agent={sorted(gold.agent)} target={sorted(gold.target)}\n  “{event.evidence[0]}”")


if __name__ == "__main__":
    main()
