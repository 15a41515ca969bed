"""Realign gold agents that are organs of a state with that state (the event codebook).

The codebook ("Agents and targets"): acts of ministries, police, prosecutors and courts have the
state as agent; the dev README's gold conventions: "a ministry speaks for its state".  Older gold
gave the ministry itself as the agent of some events (mostly Statements), newer gold the state.
This script makes all claims files follow the codebook, mechanically:

- an event claim's ``agent`` that is an *organ of a state* becomes that state (a list keeps its
  other members; a state already in it is not repeated);
- the organ is kept as the claim's ``announced_by`` (added after ``agent`` unless the claim
  already names an announcer) and the realignment is said in its ``note``.

An organ is decided by the entity registry only (never by the texts): an entity of type ``Court``
with an ``organ_of`` state, or of type ``GovernmentBody`` with an ``organ_of`` state whose label
names a ministry, foreign office, department, police, prosecutor or attorney (the extractor's
``codebook.organ_speaks_for_state``).
Legislatures, international bodies, embassies, persons, juntas and councils, armed forces and
security services are untouched (the codebook names none of them as speaking for the state; a
junta speaks for itself by the README).

Idempotent (a realigned agent is a state).  ``--check`` changes nothing and exits 1 when
anything would change.  Output is counts only (per half and per event type), so that held-out
claims files are never shown.

    .venv/bin/python dev/tools/align_organ_agents.py [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPORA = (ROOT / "corpus", ROOT / "dev" / "corpus")

sys.path.insert(0, str(ROOT))
# one definition of the organs that act and speak for their state, shared with the extractor
from loaders.extract.codebook import organ_speaks_for_state

NOTE_TEXT = ("Agent realigned with the codebook (an organ's act has its state as agent): "
             "the organ, {organs}, is the announced_by.")

CLAIM_START = re.compile(r"^(\s*)- event: ")
FIELD = re.compile(r"^(\s+)(agent|announced_by|note|type): ?(.*)$")


def registry_entries(corpus: Path) -> list[dict]:
    files = [corpus / "entities.yaml"] + sorted((corpus / "entities.d").glob("*.yaml"))
    entries = []
    for path in files:
        if path.exists():
            entries.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return entries


def organ_states(entries: list[dict]) -> dict[str, str]:
    """organ id -> its state's id, for the organs the codebook has act for their state."""
    states = {e["id"] for e in entries if e.get("type") == "State"}
    organs = {}
    for e in entries:
        state = e.get("organ_of")
        if state in states and organ_speaks_for_state(e.get("type"), e.get("label", ""), state):
            organs[e["id"]] = state
    return organs


def as_list(value) -> list[str]:
    return list(value) if isinstance(value, list) else [value]


def flow(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else "[" + ", ".join(ids) + "]"


def claim_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line ranges of the event claims of a claims file."""
    starts = [i for i, line in enumerate(lines) if CLAIM_START.match(line)]
    blocks = []
    for n, start in enumerate(starts):
        indent = len(CLAIM_START.match(lines[start]).group(1))
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        for j in range(start + 1, end):  # a block ends at the next item of its list
            stripped = lines[j].lstrip()
            if stripped.startswith("- ") and len(lines[j]) - len(stripped) <= indent:
                end = j
                break
        blocks.append((start, end))
    return blocks


def append_note(lines: list[str], at: int, end: int, text: str, indent: str) -> None:
    """Append ``text`` to the note at line ``at`` (double-quoted on one line, or folded)."""
    value = FIELD.match(lines[at]).group(3)
    if value.startswith('"') and value.endswith('"') and len(value) > 1:
        body = value[:-1].rstrip()
        sep = " " if body.endswith((".", ")", '"')) or body == '"' else ". "
        if body == '"':
            sep = ""
        lines[at] = f"{indent}note: {body}{sep}{text}\""
        return
    if value in (">-", ">", "|-", "|"):
        last = at
        for j in range(at + 1, end):
            if lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) > len(indent):
                last = j
            else:
                break
        if last == at:
            raise ValueError("empty block note")
        cont = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
        lines.insert(last + 1, cont + text)
        return
    raise ValueError(f"unhandled note form: {value[:12]!r}")


def realign_file(path: Path, organs: dict[str, str], counts: Counter, half: str) -> bool:
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    for start, end in reversed(claim_blocks(lines)):
        fields = {}
        indent = None
        for j in range(start, end):
            m = FIELD.match(lines[j])
            if m and (indent is None or m.group(1) == indent):
                indent = m.group(1)
                fields[m.group(2)] = j
        if "agent" not in fields:
            continue
        agents = as_list(yaml.safe_load(FIELD.match(lines[fields["agent"]]).group(3)))
        moved = [a for a in agents if a in organs]
        if not moved:
            continue
        new_agents = []
        for a in agents:
            b = organs.get(a, a)
            if b not in new_agents:
                new_agents.append(b)
        event_type = yaml.safe_load(FIELD.match(lines[fields["type"]]).group(3)) if "type" in fields else "?"
        counts[(half, event_type)] += 1
        note = NOTE_TEXT.format(organs=", ".join(moved))
        # edits from the bottom of the block up, so earlier line numbers stay valid
        if "note" in fields:
            append_note(lines, fields["note"], end, note, indent)
        else:
            lines.insert(end if lines[end - 1].strip() else end - 1, f'{indent}note: "{note}"')
        announced = fields.get("announced_by")
        lines[fields["agent"]] = f"{indent}agent: {flow(new_agents)}"
        if announced is None:
            lines.insert(fields["agent"] + 1, f"{indent}announced_by: {flow(moved)}")
    text = "\n".join(lines)
    if text == original:
        return False
    yaml.safe_load(text)  # the file must stay valid YAML
    return text


def half_of(corpus: Path, splits: dict[str, str], source: str) -> str:
    if corpus.name == "corpus" and corpus.parent == ROOT:
        return "seeds"
    return splits.get(source, "?")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would change")
    args = parser.parse_args(argv)
    counts: Counter = Counter()
    files_changed: Counter = Counter()
    for corpus in CORPORA:
        organs = organ_states(registry_entries(corpus))
        sources = yaml.safe_load((corpus / "sources.yaml").read_text(encoding="utf-8")) or []
        if isinstance(sources, dict):
            sources = sources.get("sources", [])
        splits = {s["id"]: s.get("split", "?") for s in sources if isinstance(s, dict)}
        for path in sorted((corpus / "claims").glob("*.yaml")):
            half = half_of(corpus, splits, path.stem)
            new_text = realign_file(path, organs, counts, half)
            if new_text:
                files_changed[half] += 1
                if not args.check:
                    path.write_text(new_text, encoding="utf-8")
    for half in sorted(files_changed):
        per_type = ", ".join(f"{t} {n}" for (h, t), n in sorted(counts.items()) if h == half)
        print(f"{half}: {files_changed[half]} files, agents realigned: {per_type}")
    if not counts:
        print("nothing to realign")
    verb = "would change" if args.check else "changed"
    print(f"{sum(counts.values())} claims {verb}")
    return 1 if (args.check and counts) else 0


if __name__ == "__main__":
    sys.exit(main())
