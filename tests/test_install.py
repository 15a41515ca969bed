"""The front door: the wheel, installed into a fresh virtual environment, works from any folder.

The wheel is built from this checkout's files (offline, with this venv's setuptools), installed
with ``pip --no-deps`` into a new venv that borrows this venv's site-packages for the
dependencies through a ``.pth`` line (fast and offline; the borrowed folder has no ``diplograph``
package of its own, an editable install is a finder that a plain path line does not run).  Every
command is then run from a temporary folder outside the repository: ``queries``, ``init``,
``build`` (an init'ed project and a copy of the seed corpus), ``query``, ``extract``, ``review``
and ``serve`` with one HTTP query.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tomllib
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV_SETTINGS = ("DIPLOGRAPH_CORPUS", "DIPLOGRAPH_STORE", "DIPLOGRAPH_QUERIES", "DIPLOGRAPH_TEXTS", "PYTHONPATH")


def source_files() -> list[str]:
    """The checkout's files as git sees them (tracked and new, not ignored); without git, the folders."""
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                                capture_output=True, text=True, check=True, timeout=30).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        listed = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()
                  and not {".venv", ".git", "var", "build", "dist", "__pycache__"} & set(p.relative_to(ROOT).parts)]
    return [f for f in listed if (ROOT / f).is_file()]


def package_dirs() -> dict[str, str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a copy: building writes build/ and *.egg-info beside the sources
    for name in source_files():
        if name.split("/", 1)[0] in ("tests", "dev", "benchmarks", "examples", ".ci"):
            continue
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, source / name)
    from importlib.metadata import version

    setuptools = version("setuptools")
    assert int(setuptools.split(".")[0]) >= 77, (f"setuptools {setuptools} cannot build this pyproject.toml offline: "
                                                 "pip install -e '.[test]' brings setuptools>=77")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                            "-q", "-w", str(tmp / "dist"), str(source)], capture_output=True,
                            check=False, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    return next((tmp / "dist").glob("diplograph-*.whl"))


def test_the_wheel_carries_every_file_of_the_package_folders(wheel):
    """Every file under a folder mapped into the namespace (queries, checks, context.jsonld, the
    seed registry, loaders.extract and its data...) is in the wheel, under ``diplograph/``."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = set()
    for package, folder in package_dirs().items():
        prefix = package.replace(".", "/")
        for name in source_files():
            if name.startswith(folder + "/") and not name.endswith(".pyc"):
                expected.add(prefix + name[len(folder):])
    assert {"diplograph/queries/asylum-grants.rq", "diplograph/ontology/context.jsonld",
            "diplograph/corpus/entities.yaml", "diplograph/loaders/extract/__init__.py"} <= expected
    assert any(n.startswith("diplograph/queries/checks/") for n in expected)
    missing = sorted(expected - names)
    assert not missing, f"not in the wheel (add them to [tool.setuptools] packages / package-data): {missing}"
    # one namespace: nothing but diplograph at the top of site-packages
    assert {n.split("/", 1)[0] for n in names} == {"diplograph", wheel.name.split("-py3")[0] + ".dist-info"}


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> dict[str, str]:
    """A fresh venv with the wheel installed; returns the environment to run its commands with."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies: this venv's site-packages, after the new venv's own (so its diplograph wins)
    (Path(purelib) / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                           "-q", str(wheel)], capture_output=True, check=False, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    env = {k: v for k, v in os.environ.items() if k not in ENV_SETTINGS}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def run(env, cwd: Path, *args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(["diplograph", *args], cwd=cwd, env={**env, **(extra or {})}, capture_output=True,
                            check=False,
                            text=True, timeout=120)
    assert result.returncode == 0, f"diplograph {' '.join(args)}: exit {result.returncode}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result


def test_installed_wheel_works_from_any_folder(installed, tmp_path, texts_dir):
    work = tmp_path / "elsewhere"
    work.mkdir()
    assert ROOT not in work.parents
    where = subprocess.run(["python", "-c", "import diplograph; print(diplograph.__file__)"], cwd=work, env=installed,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(installed["VIRTUAL_ENV"]) in Path(where).parents, f"imported {where}, not the installed wheel"

    listed = run(installed, work, "queries").stdout
    assert "asylum-grants" in listed and "post-holder-on-date" in listed and "relations-ruptures" in listed

    # a project of one's own: build it empty, then read an article into it
    run(installed, work, "init", "proj")
    project = work / "proj"
    assert "conforms" in run(installed, project, "build").stdout
    assert (project / "var" / "diplograph.oxigraph").is_dir()
    # extract where there is no corpus (the shipped seed registry resolves the actors), review into the project
    shutil.copyfile(ROOT / "examples" / "ecuador-nicaragua.txt", work / "ecuador-nicaragua.txt")
    run(installed, work, "extract", "ecuador-nicaragua.txt", "--out", "var/extracted")
    claims = next((work / "var" / "extracted" / "claims").glob("*.yaml"))
    run(installed, work, "review", str(claims.relative_to(work)), "--accept", "all", "--corpus", "proj/corpus")
    assert [p.name for p in (project / "texts").iterdir()] == [claims.stem + ".txt"]
    assert "texts verified │ 1" in run(installed, project, "build").stdout
    answer = run(installed, project, "query", "relations-ruptures", "-p", "state=Ecuador", "-f", "csv").stdout
    assert "nicaragua" in answer

    # a copy of the seed corpus, its texts found through DIPLOGRAPH_TEXTS
    seed = work / "seed"
    shutil.copytree(ROOT / "corpus", seed / "corpus", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    built = run(installed, seed, "build", extra={"DIPLOGRAPH_TEXTS": str(texts_dir)}).stdout
    assert "sources        │ 5" in built and "texts verified │ 5" in built and "conforms" in built
    grants = run(installed, seed, "query", "asylum-grants", "-f", "json").stdout
    assert "betssy-chavez" in grants

    # serve: start, one HTTP query, stop
    server = subprocess.Popen(["diplograph", "serve", "--port", "0", "--quiet"], cwd=seed, env=installed,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stdout.readline()
        assert "SPARQL endpoint" in banner, banner + server.stderr.read()
        url = banner.split("SPARQL endpoint ", 1)[1].split(",", 1)[0]
        query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/diplograph/ontology#AsylumGrant> } }"
        request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
            rows = json.load(response)["results"]["bindings"]
        assert int(rows[0]["n"]["value"]) >= 1
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0
