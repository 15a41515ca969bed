"""Commands import only what they use, and long commands show progress only on a terminal.

Import checks run in a fresh interpreter (``sys.modules`` of a subprocess): a timing would be
flaky on a busy machine, the list of imported libraries is not (benchmarks/validate_scale.py
times `diplograph --help` against a bare interpreter).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from diplograph.graph.progress import progress_bar
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("rdflib", "pyshacl", "spacy", "owlready2")


def imported_after(code: str) -> dict:
    """Which of the heavy libraries (and pydantic) are in sys.modules after ``code``."""
    probe = (f"import sys, json\n{code}\n"
             f"print(json.dumps({{m: m in sys.modules for m in {HEAVY + ('pydantic',)!r}}}), file=sys.__stderr__)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                          check=False, text=True, cwd=ROOT, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


def run_cli(*args: str) -> str:
    return (f"sys.argv = ['diplograph', {', '.join(map(repr, args))}]\n"
            "from diplograph.graph.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")


def test_help_imports_no_heavy_library() -> None:
    # (pydantic may come with typer itself, which coerces constrained options such as `extract --jobs`)
    found = imported_after(run_cli("--help"))
    assert not any(found[m] for m in HEAVY), f"`diplograph --help` imports {[m for m, yes in found.items() if yes]}"


def test_command_help_imports_no_heavy_library() -> None:
    found = imported_after(run_cli("validate", "--help"))  # (typer itself brings pydantic for a command's options)
    assert not any(found[m] for m in HEAVY), found


def test_validate_in_the_engine_imports_neither_rdflib_nor_pyshacl(tmp_path) -> None:
    store = tmp_path / "empty.oxigraph"
    code = ("from pyoxigraph import Store\n"
            f"Store({str(store)!r}).flush()\n" + run_cli("validate", "--store", str(store)))
    found = imported_after(code)
    assert not found["rdflib"] and not found["pyshacl"] and not found["spacy"], found


def test_progress_bar_counts_on_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    with progress_bar(console, "validating [b]x[/b]", transient=False) as tick:
        for done in range(1, 6):
            tick(done, 5)
    text = buffer.getvalue()
    assert "5/5" in text and "validating [b]x[/b]" in text  # counts, and the description without markup


def test_progress_bar_is_quiet_without_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False)
    with progress_bar(console, "validating") as tick:
        tick(1, 2)
        tick(2, 2)
    assert buffer.getvalue() == ""


def test_a_build_shows_its_reading_and_its_validation_on_one_bar(tmp_path, texts_dir) -> None:
    from diplograph.graph import api
    from diplograph.graph.progress import progress_phases
    from diplograph.graph.settings import default_corpus

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=120)
    seen = []
    with progress_phases(console, transient=False) as phase:
        reading, validating = phase("reading claims files"), phase("validating")
        api.build(corpus=default_corpus(), texts=texts_dir, store=tmp_path / "store",
                  progress=lambda d, t: seen.append(("reading", d, t)) or reading(d, t),
                  validate_progress=lambda d, t: seen.append(("validating", d, t)) or validating(d, t))
    text = buffer.getvalue()
    assert "validating" in text and "reading claims files" in text
    assert ("reading", 5, 5) in seen  # the seed's five claims files
    last = [s for s in seen if s[0] == "validating"][-1]
    assert last[1] == last[2] > 1  # every validation query counted
    quiet = io.StringIO()
    with progress_phases(Console(file=quiet, force_terminal=False)) as phase:
        phase("validating")(1, 2)
    assert quiet.getvalue() == ""
