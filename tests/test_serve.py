"""graphbuild serve: a read-only SPARQL endpoint over a built graph, on 127.0.0.1."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BIN, free_port, listening, views_records
from graphbuild import remote
from graphbuild.cli import cli
from graphbuild.errors import GraphbuildError
from graphbuild.graph import build_graph
from graphbuild.graphfile import write_turtle
from graphbuild.query import bundled_queries, load_graph, run_query
from graphbuild.serve import serving

pytestmark = pytest.mark.skipif(not (BIN / "oxigraph").is_file(), reason="the [server] extra is not installed")


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    write_turtle(build_graph(views_records("views_sample.json")), folder / "graph.ttl")
    return folder


def post(url: str, **form: str) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST",
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_endpoint_answers_as_the_file_and_refuses_updates(out):
    port = free_port()
    with serving(out, port=port) as server:
        for name in bundled_queries():
            assert remote.query_endpoint(server.query_url, name) == run_query(load_graph(out / "graph.ttl"), name)
        # A client that names no graph sees the build too (the default graph is the union of the graphs).
        plain = remote.query_endpoint(server.query_url, "actors", graph=remote.ENDPOINT_DEFAULT)
        assert plain == run_query(load_graph(out / "graph.ttl"), "actors")
        assert post(f"{server.url}/update", update="CLEAR ALL") >= 400
        assert remote.query_endpoint(server.query_url, "actors").rows  # still there
    assert not listening(port)


def test_aliases_are_listed_alike_by_every_store(out):
    # The server's store is on disk, where triples come back in another order than in memory.
    with serving(out, port=free_port()) as server:
        served = remote.query_endpoint(server.query_url, "actors")
    aliases = [row[4].split("; ") for row in served.rows if "; " in row[4]]
    assert aliases and all(names == sorted(names) for names in aliases)
    assert served == run_query(load_graph(out / "graph.ttl"), "actors")


def test_port_zero_serves_on_a_free_port(out):
    with serving(out, port=0) as server:
        port = int(server.url.rsplit(":", 1)[1])
        assert port > 0 and listening(port)
        assert remote.query_endpoint(server.query_url, "relations").rows


def test_a_taken_port_is_one_line(out):
    port = free_port()
    with serving(out, port=port):
        with pytest.raises(GraphbuildError, match=f"127.0.0.1:{port} is taken"):
            with serving(out, port=port):
                pass


def test_a_folder_without_a_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("graphbuild: error: ") and "no graph.ttl there" in result.stderr


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_command_serves_until_stopped_and_leaves_nothing_behind(out, tmp_path, stop):
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-m", "graphbuild.cli", "serve", str(out), "--port", str(port)],
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not listening(port):
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/query"
        assert remote.query_endpoint(url, "relations") == run_query(load_graph(out / "graph.ttl"), "relations")
        process.send_signal(stop)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert f"at {url}" in process.stderr.read()
    assert not listening(port)
    assert not list(tmp_path.glob("graphbuild-serve-*"))  # its store is removed
