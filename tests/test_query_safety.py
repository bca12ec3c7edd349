"""Queries never reach the network, always stop, and fail in one line.

A listener on 127.0.0.1 records every connection made to it; queries that
name it in SERVICE clauses are hidden in comments, strings, escapes, line
endings and nested groups. Whatever passes the guard must not connect, even
when run by the engine directly, outside the sandbox.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest
from conftest import CLI_PROCESS, child_pids
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild import query as query_module
from graphbuild.cli import EXIT_INTERRUPTED, cli
from graphbuild.errors import QueryError
from graphbuild.graph import build_graph
from graphbuild.query import PreparedQuery, check_query, prepare_query, run_query
from graphbuild.records import Actor, Mention, Relation
from graphbuild.sandbox import network_can_be_blocked

#: Every pattern joined with every other, four times: hours of work on any graph of some size.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts (and closes them)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.server.close()


@pytest.fixture
def graph(make_result):
    names = ("Ines Duarte", "Portugal", "Lisbon Port Authority", "Ana Lima", "Spain")
    body = " ".join(names) + "."
    actors = [Actor(f"k{i}", name, ("Person", "Country", "Organization", "Person", "Country")[i],
                    aliases=(name.split()[-1],) if " " in name else (),
                    mentions=(Mention(name, body.find(name), body.find(name) + len(name)),))
              for i, name in enumerate(names)]
    relations = [Relation(f"k{i}", "metWith", f"k{i + 1}", body, 0, len(body), 0.8, "svo") for i in range(4)]
    return build_graph([make_result("Talks", body, actors, relations)])


def service(port: int, keyword: str = "SERVICE") -> str:
    return f"{keyword} <http://127.0.0.1:{port}/sparql> {{ ?x ?b ?c }}"


# What may sit around or inside a SERVICE clause to hide it from one parser and not the other.
LINE_ENDS = ("\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\\u000A", "\\u000D", "\\U0000000A",
             "\\u000d\\u000a")
SPACES = (" ", "\t", *LINE_ENDS)
#: Characters that open, close or escape something in SPARQL, plain and as escapes.
TRICKY = tuple("abc #\"'<>{}()\\.;?$") + ("\\u0022", "\\u0023", "\\u0027", "\\u003E", "\\u005C", "\\\\",
                                           "\\\"", "\"\"\"", "'''", "\r", "\u2028")
JUNK = st.lists(st.sampled_from(TRICKY), max_size=6).map("".join)
QUERY_PIECES = st.lists(st.sampled_from(list("SELECT*WHERE{}?x() \"'\\#<>.;,:") + ["\\u", "\\U", "\r", "ASK", "0041",
                                                                                 "FFFFFFFF", "D800"]),
                        max_size=40).map("".join)


@st.composite
def segments(draw, port: int, depth: int = 0) -> str:
    """A run of pieces of a group pattern: patterns, SERVICE clauses, comments, strings, spaces, groups."""
    out = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["comment", "comment", "space", "service", "service", "pattern", "string",
                                     "group"]))
        if kind == "comment":
            out.append("#" + draw(JUNK) + draw(st.sampled_from(LINE_ENDS)))
        elif kind == "space":
            out.append(draw(st.sampled_from(SPACES)))
        elif kind == "service":
            out.append(" " + service(port, draw(st.sampled_from(["SERVICE", "service", "SERVICE SILENT",
                                                                  "\\u0053ERVICE"]))) + " ")
        elif kind == "pattern":
            out.append(" ?s ?p ?o . ")
        elif kind == "string":
            quote = draw(st.sampled_from(['"', "'", '"""', "'''"]))
            body = draw(JUNK) + draw(st.sampled_from(["", service(port)])) + draw(JUNK)
            out.append(f" BIND({quote}{body}{quote} AS ?v{len(out)}) ")
        elif depth < 3:
            shape = draw(st.sampled_from(["{ %s }", "OPTIONAL { %s }", "{ ?q ?r ?t } UNION { %s }", "MINUS { %s }",
                                          "FILTER EXISTS { %s }", "{ SELECT * WHERE { %s } }"]))
            out.append(" " + shape % draw(segments(port, depth + 1)) + " ")
    return "".join(out)


@st.composite
def hiding_queries(draw, port: int) -> str:
    return "SELECT * WHERE {" + draw(segments(port)) + "}" + draw(st.sampled_from(["", "\n", "# end", "\r}"]))


def engine_connects(listener: Listener, text: str) -> bool:
    """Run ``text`` on Oxigraph directly, outside any sandbox; whether it connected to the listener."""
    before = listener.connections
    try:
        result = ox.Store().query(text)
        if isinstance(result, ox.QuerySolutions):
            list(result)
    except (SyntaxError, OSError, ValueError, RuntimeError):
        pass
    time.sleep(0.002)  # let the listener's thread count an accepted connection
    return listener.connections > before


def test_the_reported_carriage_return_is_refused(listener):
    query = "SELECT ?x WHERE { # note\r " + service(listener.port) + " \n }"
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        check_query(query)


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n", "\\u000A", "\\u000D"])
def test_a_comment_ends_where_the_engine_ends_it(listener, end):
    query = f"SELECT ?x WHERE {{ # note{end} {service(listener.port)} }}"
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        check_query(query)


@given(data=st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_query_that_passes_the_guard_reaches_a_socket(listener, data):
    query = data.draw(hiding_queries(listener.port))
    try:
        prepared = prepare_query(query)
    except QueryError:
        return
    assert not engine_connects(listener, prepared.text), repr(query)


@given(text=st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_is_refused_or_prepared_never_a_crash(text):
    try:
        prepare_query(text)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc).replace(text, "")


def test_the_sandbox_stops_a_service_the_guard_missed(graph, listener, monkeypatch):
    if not network_can_be_blocked():
        pytest.skip("neither seccomp nor network namespaces are available here")
    monkeypatch.setattr(query_module, "prepare_query", lambda text: PreparedQuery(text, frozenset()))
    before = listener.connections
    with pytest.raises(QueryError, match="the query failed"):
        run_query(graph, f"SELECT * WHERE {{ {service(listener.port)} }}")
    time.sleep(0.05)
    assert listener.connections == before


# Escapes and parse errors: one line, never a traceback


@pytest.mark.parametrize("query, message", [
    ('SELECT ("\\U12345678" AS ?x) {}', "is not a Unicode character"),
    ('SELECT ("\\uD800" AS ?x) {}', "is not a Unicode character"),
    ('SELECT ("\\u005Cu0041" AS ?x) {}', "cannot read one way only"),
    ("SELECT ?x WHERE " + "{ " * 400 + "?x ?y ?z" + " }" * 400, "nested too deeply"),
])
def test_bad_escapes_and_nesting_are_one_line_errors(graph, query, message):
    with pytest.raises(QueryError, match=message) as caught:
        run_query(graph, query)
    assert "\n" not in str(caught.value)


def test_escapes_mean_their_characters(graph):
    assert run_query(graph, 'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "Portug\\u0061l" }').rows


@given(query=QUERY_PIECES)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_query_command_never_prints_a_traceback(tmp_path_factory, query):
    path = tmp_path_factory.getbasetemp() / "fuzz.ttl"
    if not path.exists():
        path.write_text("<http://x.org/a> <http://x.org/b> <http://x.org/c> .\n")
    result = CliRunner().invoke(cli, ["query", str(path), query])
    assert result.exception is None or isinstance(result.exception, SystemExit), (query, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code:
        assert result.exit_code in (1, 2)
        assert len(result.stderr.strip().splitlines()) <= 1 or result.exit_code == 2


# Time limit and Ctrl-C


def test_a_runaway_query_is_stopped_at_its_time_limit(graph):
    started = time.monotonic()
    with pytest.raises(QueryError, match="ran longer than 0.5 s"):
        run_query(graph, CARTESIAN, timeout=0.5)
    assert time.monotonic() - started < 30


def test_the_cli_timeout_is_one_line(graph, tmp_path):
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    result = CliRunner().invoke(cli, ["query", str(path), CARTESIAN, "--timeout", "0.5"])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("graphbuild: error: the query ran longer than 0.5 s") and "--timeout" in line


def test_ctrl_c_stops_a_running_query(graph, tmp_path):
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    process = subprocess.Popen([sys.executable, "-c", CLI_PROCESS, "query", str(path), CARTESIAN, "--timeout", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    # Wait until the query's own process is running, so the interrupt reaches a query in native code.
    while time.monotonic() < deadline and not child_pids(process.pid):
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole group
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == EXIT_INTERRUPTED, stderr
    assert stderr.strip() == "graphbuild: interrupted; the query was stopped"
    assert stdout == ""
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no query process left behind



# Bindings and names


def test_binding_a_variable_the_query_lacks_is_refused(graph):
    with pytest.raises(QueryError, match=r"no variable \?subjct"):
        run_query(graph, "evidence", {"subjct": "Ines Duarte"})


def test_any_alias_binds_a_bundled_querys_actor(graph):
    by_label = run_query(graph, "evidence", {"subject": "Ines Duarte"})
    by_alias = run_query(graph, "evidence", {"subject": "Duarte"})
    assert by_label.rows and by_alias.rows == by_label.rows
    assert by_alias.rows[0][0] == "Ines Duarte"


def test_an_alias_of_several_actors_asks_which(make_result):
    body = "Ana Lima met Rui Lima."
    actors = [Actor("a", "Ana Lima", "Person", aliases=("Lima",), mentions=(Mention("Ana Lima", 0, 8),)),
              Actor("b", "Rui Lima", "Person", aliases=("Lima",), mentions=(Mention("Rui Lima", 13, 21),))]
    relations = [Relation("a", "metWith", "b", body, 0, len(body), 0.8, "svo")]
    graph = build_graph([make_result("t", body, actors, relations)])
    with pytest.raises(QueryError, match="names 2 actors .*Ana Lima.*Rui Lima"):
        run_query(graph, "evidence", {"subject": "Lima"})


@pytest.mark.parametrize("name, hint", [("relatoins", "did you mean relations?"), ("acters", "did you mean actors?"),
                                        ("zzz", "neither a bundled query")])
def test_a_mistyped_bundled_name_says_so_and_lists_the_names(graph, name, hint):
    with pytest.raises(QueryError, match="actors, evidence, relations") as caught:
        run_query(graph, name)
    assert hint in str(caught.value)
