"""Every module of ``loaders/extract/`` can be imported first, on its own, as a notebook user would
(``import diplograph.loaders.extract.mentions`` in a fresh interpreter).  Through the pipeline the
modules load in an order that hides a circular import; imported first, a module inside a cycle that
takes a name (``from .x import NAME``) from a module still half-initialised fails with ImportError.

One subprocess tries them all, each with the package's modules taken out of ``sys.modules`` before it
(third-party libraries stay loaded, so the run takes seconds, not minutes).  Modules that import no
module of the package anywhere in their text stay loaded too: such a module is in no cycle, and its
data (``frames.yaml``'s modals, the world's names) is then read once, not two hundred times."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXTRACT = Path(__file__).resolve().parents[1] / "loaders" / "extract"

SCRIPT = r"""
import ast, importlib, json, sys
from pathlib import Path

PACKAGE = "diplograph.loaders.extract"
folder = Path(sys.argv[1])


def imports_the_package(path):
    # any relative import, or one of the package by name, anywhere in the file (in a function too:
    # a function may be called at import time)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.level >= 1 or (node.module or "").startswith(PACKAGE)):
            return True
        if isinstance(node, ast.Import) and any(a.name.startswith(PACKAGE) for a in node.names):
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            return True
    return False


modules = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
leaves = {m for m in modules if not imports_the_package(folder / f"{m}.py")}
failures = {}
for module in modules:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        if name.rpartition(".")[2] not in leaves or name == PACKAGE:
            del sys.modules[name]
    try:
        importlib.import_module(f"{PACKAGE}.{module}")
    except Exception as exc:  # an ImportError from a cycle, or anything else a first import raises
        failures[module] = f"{type(exc).__name__}: {exc}"
print(json.dumps({"modules": len(modules), "leaves": len(leaves), "failures": failures}))
"""


def test_every_extract_module_imports_first():
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(EXTRACT)], check=False, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["modules"] > 150, result   # the folder was found and read
    failures = "\n".join(f"{m}: {e}" for m, e in sorted(result["failures"].items()))
    assert not failures, f"imported first, these modules fail:\n{failures}"
