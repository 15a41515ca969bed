"""What the record knew when: the corpus's own history, read from git.

The corpus is kept in git (the project's repository, or a user's project folder put under git),
so its history needs no log of our own: every commit that touched a claims file is a moment the
record changed, with its time (the committer date), and every earlier version of a file stays in
the history, so a correction never erases what was claimed before.  Two uses:

* :func:`recorded_times` — per claims file, when it entered the corpus (its first commit) and when
  it last changed (its latest commit), for the ``dct:created`` / ``dct:modified`` of each source
  graph in ``dgg:meta``;
* :func:`corpus_as_of` — the whole corpus folder as it stood at a moment (the newest commit at or
  before it), written to a temporary folder, so a store built from it answers as the record did then.

Uncommitted edits are not part of the record yet: a build shows them, ``--as-of`` does not.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .errors import CorpusError, Problem

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=60)


def _repository(corpus_dir: Path) -> tuple[Path, str] | None:
    """(the repository's top folder, the corpus folder's path inside it), or None outside git."""
    if shutil.which("git") is None or not corpus_dir.is_dir():
        return None
    top = _git(corpus_dir, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return None
    root = Path(top.stdout.decode().strip())
    try:
        inside = corpus_dir.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return root, inside.as_posix()


#: in a corpus written by :func:`corpus_as_of` (not itself in git): the record's times as of then
SNAPSHOT_TIMES = ".record-times.json"


def recorded_times(corpus_dir: str | Path, commit: str = "HEAD") -> dict[str, tuple[str, str]]:
    """Claims file (its path relative to the corpus, e.g. ``claims/003-….yaml``) → (created, modified),
    ISO 8601 UTC times of its first and latest commit up to ``commit``; {} when the corpus is not in git
    (a snapshot of :func:`corpus_as_of` carries its times in a file of its own)."""
    corpus_dir = Path(corpus_dir)
    repo = _repository(corpus_dir)
    if repo is None:
        snapshot = corpus_dir / SNAPSHOT_TIMES
        if snapshot.is_file():
            return {k: (v[0], v[1]) for k, v in json.loads(snapshot.read_text(encoding="utf-8")).items()}
        return {}
    root, inside = repo
    prefix = f"{inside}/" if inside not in ("", ".") else ""
    log = _git(root, "log", "--format=%x00%ct", "--name-only", "--no-renames", commit, "--", f"{prefix}claims")
    if log.returncode != 0:
        return {}
    times: dict[str, tuple[str, str]] = {}
    for block in log.stdout.decode("utf-8", "replace").split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        when = _iso(int(lines[0]))
        for name in lines[1:]:
            if not name.startswith(prefix):
                continue
            rel = name[len(prefix):]
            created, modified = times.get(rel, (when, when))
            times[rel] = (min(created, when), max(modified, when))  # log order is not time order after merges
    return times


def _iso(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).replace(tzinfo=None).isoformat() + "Z"


def moment(text: str) -> dt.datetime:
    """``YYYY-MM-DD`` (the end of that day, UTC) or an ISO 8601 date-time → an aware datetime."""
    text = str(text).strip()
    try:
        if _DAY.match(text):
            day = dt.date.fromisoformat(text)
            return dt.datetime.combine(day, dt.time(23, 59, 59), dt.UTC)
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD) or an ISO 8601 date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def corpus_as_of(corpus_dir: str | Path, when: str, into: str | Path | None = None) -> tuple[Path, str, str]:
    """Write the corpus as it stood at ``when`` into a new folder; returns (that folder, the commit, its time).

    Raises CorpusError when the corpus is not in git, or the record did not exist yet then."""
    corpus_dir = Path(corpus_dir)
    try:
        at = moment(when)
    except ValueError as exc:
        raise CorpusError([Problem(corpus_dir, None, f"--as-of: {exc}", "e.g. --as-of 2025-11-20")]) from None
    repo = _repository(corpus_dir)
    if repo is None:
        raise CorpusError([Problem(corpus_dir, None, "the corpus keeps no history: it is not in a git repository",
                                   "put it under git (git init; git add; git commit): each commit is a moment of the record")])
    root, inside = repo
    stamp = str(int(at.timestamp()))
    found = _git(root, "log", "-1", "--format=%H %ct", f"--before={stamp}", "HEAD", "--", inside or ".")
    line = found.stdout.decode().strip()
    if found.returncode != 0 or not line:
        first = _git(root, "log", "--reverse", "--format=%ct", "HEAD", "--", inside or ".").stdout.decode().split()
        since = f" (its first commit is of {_iso(int(first[0]))})" if first else ""
        raise CorpusError([Problem(corpus_dir, None, f"the record did not exist yet at {at.isoformat()}{since}",
                                   "ask for a later moment")])
    commit, epoch = line.split()
    archive = _git(root, "archive", "--format=tar", commit, "--", inside or ".")
    if archive.returncode != 0:
        raise CorpusError([Problem(corpus_dir, None, f"git archive failed: {archive.stderr.decode().strip()}")])
    target = Path(into) if into else Path(tempfile.mkdtemp(prefix="diplograph-as-of-"))
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    folder = target / inside if inside not in ("", ".") else target
    (folder / SNAPSHOT_TIMES).write_text(json.dumps(recorded_times(corpus_dir, commit), sort_keys=True), encoding="utf-8")
    return folder, commit, _iso(int(epoch))
