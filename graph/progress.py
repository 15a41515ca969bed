"""Progress for long commands: a rich bar with counts on a terminal, nothing otherwise.

The API functions take a plain ``progress(done, total)`` callable (no rich in the API); the CLI
makes one with :func:`progress_bar`.  When stderr is no terminal (a pipe, CI, a log file) the
callable does nothing, so output stays what it was.  Descriptions are printed without markup:
a file name holding "[b]" is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console

Tick = Callable[[int, int], None]


def _quiet(done: int, total: int) -> None:
    pass


def _bar(console: Console, label: str, transient: bool):
    """The rich bar both commands draw (rich.progress imported only when a terminal shows it)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(SpinnerColumn(), TextColumn(label, markup=False), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=transient)


@contextmanager
def progress_bar(console: Console, description: str, *, transient: bool = True) -> Iterator[Tick]:
    """Yield a ``tick(done, total)`` that drives a bar on ``console`` when it is a terminal."""
    if not console.is_terminal:
        yield _quiet
        return
    with _bar(console, description, transient) as bar:
        task = bar.add_task(description, total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick


@contextmanager
def progress_phases(console: Console, *, transient: bool = True) -> Iterator[Callable[[str], Tick]]:
    """One bar for a command of several phases (a build reads files, then validates): yields
    ``phase(description)``, which gives that phase's ``tick(done, total)``; quiet off a terminal."""
    if not console.is_terminal:
        yield lambda description: _quiet
        return
    with _bar(console, "{task.description}", transient) as bar:
        task = bar.add_task("", total=None)

        def phase(description: str) -> Tick:
            def tick(done: int, total: int) -> None:
                bar.update(task, description=description, completed=done, total=total)

            return tick

        yield phase
