"""Where a built store lives on disk, so that a readable store is always at its path.

The store path (``var/diplograph.oxigraph``) is a symbolic link to a versioned folder beside it,
``.diplograph.oxigraph.d/v-…``.  A build fills ``.d/staging-PID``, renames it to a fresh version
(one rename inside one folder) and then points the link at it with ``os.replace`` of a new link:
the switch is one atomic rename, so a failure or ``kill -9`` at any moment leaves either the old
or the new store at the path, never nothing.  Leftovers (staging folders of dead builds, versions
no link points to) are removed by the next build.

A store made by an older diplograph is a plain folder at the path: the first build moves it into
the versions folder and links it (:func:`recover` puts it back if that is interrupted), and an old
build killed between its two renames (the store stranded in ``.NAME.previous-PID``) is recovered
the same way.  A JSON manifest inside each version folder records what it was built from.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

MANIFEST = "diplograph-build.json"  # RocksDB ignores files it did not create
META = "diplograph-meta.nq"  # the meta graph as the build wrote it


def versions_dir(target: Path) -> Path:
    return target.with_name(f".{target.name}.d")


def pause_point(step: str) -> None:
    """Test hook: with $DIPLOGRAPH_BUILD_PAUSE_AT=step, say so on stderr and sleep (to be killed there)."""
    if os.environ.get("DIPLOGRAPH_BUILD_PAUSE_AT") == step:
        print(f"paused at {step}", file=sys.stderr, flush=True)
        time.sleep(600)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_of(name: str) -> int | None:
    tail = name.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def current_version(target: Path) -> Path | None:
    """The version folder the link points to (None when the path is no link or nothing)."""
    if target.is_symlink():
        return (target.parent / os.readlink(target)).resolve()
    return None


def recover(target: Path) -> None:
    """Put a readable store back at ``target`` when a build was killed while moving stores about."""
    if target.exists() or target.is_symlink():
        return
    stranded = sorted(target.parent.glob(f".{target.name}.previous-*"), key=lambda p: p.stat().st_mtime)
    if stranded:  # an older diplograph's swap interrupted between its two renames
        os.rename(stranded[-1], target)
        return
    versions = versions_dir(target)
    if versions.is_dir():
        done = sorted((p for p in versions.iterdir() if p.is_dir() and p.name.startswith("v-")),
                      key=lambda p: p.name)
        if done:
            _link(target, done[-1])


def new_staging(target: Path) -> Path:
    versions = versions_dir(target)
    versions.mkdir(parents=True, exist_ok=True)
    staging = versions / f"staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def read_manifest(version: Path | None) -> dict | None:
    if version is None:
        return None
    try:
        return json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(staging: Path, manifest: dict, meta: set[bytes] | None = None) -> None:
    """The manifest, and the meta graph's N-Quads lines (the next build changes that graph by a diff)."""
    (staging / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
    if meta is not None:
        (staging / META).write_bytes(b"".join(sorted(meta)))


def read_meta(version: Path | None) -> set[bytes] | None:
    """The meta graph's lines as the build of ``version`` wrote them (None: not recorded)."""
    try:
        return set((version / META).read_bytes().splitlines(keepends=True)) if version is not None else None
    except OSError:
        return None


def publish(staging: Path, target: Path) -> None:
    """Make the filled ``staging`` folder the store at ``target``, atomically, then tidy up."""
    versions = versions_dir(target)
    version = versions / f"v-{time.time_ns():020d}-{os.getpid()}"
    os.rename(staging, version)
    pause_point("versioned")
    if target.exists() and not target.is_symlink():  # a store of an older diplograph: adopt it as a version
        os.rename(target, versions / f"v-{0:020d}-legacy-{os.getpid()}")
        pause_point("legacy-moved")
    _link(target, version)
    pause_point("linked")
    clean(target)


def _link(target: Path, version: Path) -> None:
    link = version.parent / f"link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(os.path.relpath(version, target.parent), link)
    os.replace(link, target)


def clean(target: Path) -> None:
    """Remove what no link points to and no live build is using."""
    keep = current_version(target)
    versions = versions_dir(target)
    leftovers = list(versions.iterdir()) if versions.is_dir() else []
    leftovers += list(target.parent.glob(f".{target.name}.building-*"))
    leftovers += list(target.parent.glob(f".{target.name}.previous-*")) if target.exists() else []
    for path in leftovers:
        if keep is not None and path.resolve() == keep:
            continue
        pid = _pid_of(path.name)
        if not path.name.startswith("v-") and pid is not None and pid != os.getpid() and _alive(pid):
            continue  # another build at work
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
