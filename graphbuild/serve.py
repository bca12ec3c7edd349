"""A local, read-only SPARQL endpoint over a built graph, for tools that want one.

The endpoint is Oxigraph's own server (the ``oxigraph`` package, extra
``[server]``): the build's ``graph.ttl`` is loaded into a fresh store in a
temporary folder, in the named graph :data:`graphbuild.remote.DEFAULT_GRAPH`
(so ``graphbuild query URL`` finds it as it finds a pushed graph), and served
read-only with the union of its graphs as the default graph (so any SPARQL
client sees it without naming it). The store is removed when the server stops.
"""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import GraphbuildError
from .remote import DEFAULT_GRAPH, graph_file, graph_iri

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds to wait for the server to listen.
STARTUP_TIMEOUT = 30.0


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: beside this Python (a venv's bin/), else on PATH.

    Raises:
        GraphbuildError: when it is not installed.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise GraphbuildError("the Oxigraph server is not installed; run: pip install 'graphbuild[server]'")
    return found


@dataclass(frozen=True, slots=True)
class Server:
    """A running endpoint.

    Attributes:
        url: the server's base URL; queries go to ``url + "/query"``.
        graph: the named graph the build was loaded into.
        process: the server's process.
    """

    url: str
    graph: str
    process: subprocess.Popen

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.url}/query"


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nothing listens on at ``host`` right now (for ``--port 0``)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def listening(host: str, port: int) -> bool:
    """Whether something accepts TCP connections at ``host:port``."""
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
        return True
    return False


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


@contextlib.contextmanager
def serving(out_dir: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
            graph: str = DEFAULT_GRAPH) -> Iterator[Server]:
    """Serve the graph built in ``out_dir`` read-only at ``http://host:port`` while the block runs.

    Port 0 picks a free one (``Server.url`` says which).

    Raises:
        GraphbuildError: when the folder holds no graph, Oxigraph is not installed,
            cannot load the graph, or cannot listen there (e.g. the port is taken).
    """
    path = graph_file(Path(out_dir))
    iri = graph_iri(graph).value
    program = oxigraph_binary()
    port = port or free_port(host)
    if listening(host, port):
        raise GraphbuildError(f"{host}:{port} is taken by another server; pick another port with --port")
    folder = tempfile.mkdtemp(prefix="graphbuild-serve-")
    process = None
    try:
        loaded = subprocess.run([program, "load", "--location", folder, "--file", str(path), "--graph", iri],
                                capture_output=True, text=True)
        if loaded.returncode != 0:
            raise GraphbuildError(f"{path}: Oxigraph cannot load it ({_last_line(loaded.stderr)}); build again")
        process = subprocess.Popen([program, "serve-read-only", "--location", folder, "--bind", f"{host}:{port}",
                                    "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not listening(host, port):
            if process.poll() is not None:
                raise GraphbuildError(f"the Oxigraph server could not listen on {host}:{port} "
                                      f"({_last_line(process.stderr.read())}); pick another with --host/--port")
            if time.monotonic() > deadline:
                raise GraphbuildError(f"the Oxigraph server did not listen on {host}:{port} within "
                                      f"{STARTUP_TIMEOUT:.0f} s")
            time.sleep(0.05)
        shown = f"[{host}]" if ":" in host else host
        yield Server(url=f"http://{shown}:{port}", graph=iri, process=process)
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)
