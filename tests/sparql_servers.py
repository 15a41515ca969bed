"""Real SPARQL servers for the remote-store contract suite, each started on a free loopback port
in a throwaway folder and stopped after the session: the Oxigraph server (PyPI `oxigraph`),
Virtuoso open source (Debian `virtuoso-opensource`) and Apache Jena Fuseki (the
`jena-fuseki-server` jar from Maven Central; `make servers` fetches it).

In CI (``CI`` set) a server that is not installed fails the test instead of skipping it, since
.ci/run installs them; Fuseki is the exception while its jar cannot be had (see `missing`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

#: where `make servers` (and .ci/run) put the Fuseki jar
FUSEKI_VERSION = "5.6.0"
FUSEKI_JAR = Path(os.environ.get("DIPLOGRAPH_FUSEKI_JAR") or
                  Path.home() / ".cache" / "diplograph" / f"jena-fuseki-server-{FUSEKI_VERSION}.jar")


@dataclass
class Server:
    engine: str
    endpoint: str  # the SPARQL query URL
    process: subprocess.Popen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing(what: str, how: str, *, required_in_ci: bool = True) -> None:
    message = f"{what} is not installed ({how})"
    if required_in_ci and os.environ.get("CI"):
        pytest.fail(f"{message}: in CI the remote-store suite may not skip an engine")
    pytest.skip(message)


def wait_until_up(process: subprocess.Popen, url: str, seconds: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
            urllib.request.urlopen(request, timeout=2).read()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait(timeout=10)
                detail = log.read_text(errors="replace")[-800:] if log and log.exists() else ""
                pytest.fail(f"the server did not start at {url}: {detail}")
            time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def start_oxigraph(folder: Path) -> Server:
    # the server comes with the `oxigraph` package, next to this Python (the venv may not be on PATH)
    binary = shutil.which("oxigraph", path=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    if binary is None:
        missing("the oxigraph server", "pip install oxigraph")
    port = free_port()
    log = folder / "oxigraph.log"
    process = subprocess.Popen([binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    wait_until_up(process, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 20, log)
    return Server("oxigraph", f"http://127.0.0.1:{port}/query", process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def start_virtuoso(folder: Path) -> Server:
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        missing("Virtuoso", "apt-get install virtuoso-opensource")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen([binary, "-c", str(folder / "virtuoso.ini"), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(process, f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", 60, folder / "virtuoso.log")
    # a fresh instance's anonymous "SPARQL" user may read only: let it write through the Graph Store
    # Protocol (/sparql-graph-crud), as a throwaway loopback instance can afford
    grant = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                            "exec=grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"],
                           capture_output=True, check=False, text=True, timeout=60)
    if grant.returncode != 0 or "Error" in grant.stdout:
        stop(process)
        pytest.fail(f"could not open Virtuoso's Graph Store Protocol for writing: {grant.stdout}{grant.stderr}")
    return Server("virtuoso", f"http://127.0.0.1:{http_port}/sparql", process)


def start_fuseki(folder: Path) -> Server:
    java = shutil.which("java")
    if java is None or not FUSEKI_JAR.is_file():
        # Maven Central does not answer on this workplace's machines (no route to it): until the jar
        # can be fetched, a missing Fuseki is a skip even in CI, said aloud in the test report
        missing("Apache Jena Fuseki", f"`make servers` fetches {FUSEKI_JAR.name} with mvn into {FUSEKI_JAR.parent}",
                required_in_ci=False)
    port = free_port()
    log = folder / "fuseki.log"
    process = subprocess.Popen([java, "-Xmx512m", "-jar", str(FUSEKI_JAR), "--localhost", "--port", str(port),
                                "--mem", "--update", "/ds"], cwd=folder, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    wait_until_up(process, f"http://127.0.0.1:{port}/ds/query?query=ASK%7B%7D", 60, log)
    return Server("fuseki", f"http://127.0.0.1:{port}/ds/query", process)


STARTERS = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso, "fuseki": start_fuseki}
