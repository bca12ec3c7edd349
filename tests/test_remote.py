"""A built graph in a real Oxigraph server (started on 127.0.0.1): push, then query over HTTP.

A pushed graph must answer every bundled query with the rows the graph file
gives; a second push must send only what changed; bound values and refused
queries must behave as they do on a file.
"""
from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import BIN, Running, free_port, listening, views_records
from graphbuild import remote
from graphbuild.cli import cli
from graphbuild.errors import GraphbuildError, QueryError
from graphbuild.graph import build_graph
from graphbuild.graphfile import write_turtle
from graphbuild.query import bundled_queries, load_graph, run_query

pytestmark = pytest.mark.skipif(not (BIN / "oxigraph").is_file(), reason="the [server] extra is not installed")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """An in-memory Oxigraph server; its base URL."""
    port = free_port()
    server = Running([BIN / "oxigraph", "serve", "--bind", f"127.0.0.1:{port}"],
                     tmp_path_factory.mktemp("oxigraph") / "oxigraph.log")
    try:
        server.wait_until(lambda: listening(port))
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def built(folder: Path, records) -> Path:
    """An output folder holding the graph of ``records``, as a build writes it."""
    folder.mkdir(parents=True, exist_ok=True)
    write_turtle(build_graph(records), folder / "graph.ttl")
    return folder


def stored(base: str, graph: str = remote.DEFAULT_GRAPH) -> Graph:
    """The named graph as the server holds it (a Graph Store Protocol GET)."""
    url = remote._with_graph(f"{base}/store", remote.graph_iri(graph))
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request) as response:
        return Graph().parse(data=response.read(), format="nt")


@pytest.mark.parametrize("records", ["views_sample.json", "views_injection.json"])
@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_a_pushed_graph_answers_each_bundled_query_with_the_local_rows(oxigraph, tmp_path, records, name):
    out = built(tmp_path / "out", views_records(records))
    graph = f"https://example.org/test/{records}/{name}"
    report = remote.push(out, f"{oxigraph}/store", graph=graph)
    assert report.replaced and report.triples == len(load_graph(out / "graph.ttl"))
    local = run_query(load_graph(out / "graph.ttl"), name)
    assert local.rows  # the comparison means something
    assert remote.query_endpoint(f"{oxigraph}/query", name, graph=graph) == local


@pytest.mark.parametrize("subject", ["Mara Quint", 'x" } ; DROP ALL ; # \\', "Kim \"The Boss\" {Jr}"])
def test_bound_values_give_the_local_rows_and_cannot_change_the_query(oxigraph, tmp_path, subject):
    records = views_records("views_sample.json") + views_records("views_injection.json")
    out = built(tmp_path / "out", records)
    graph = "https://example.org/test/bind"
    remote.push(out, f"{oxigraph}/store", graph=graph)
    local = run_query(load_graph(out / "graph.ttl"), "evidence", {"subject": subject})
    assert remote.query_endpoint(f"{oxigraph}/query", "evidence", {"subject": subject}, graph=graph) == local
    assert len(stored(oxigraph, graph)) == len(load_graph(out / "graph.ttl"))  # nothing was dropped
    if subject != 'x" } ; DROP ALL ; # \\':
        assert local.rows


@pytest.mark.parametrize("name, bindings", [
    ("evidence", {"subject": "Reyk"}),  # an alias: the actor's rows, as on a file
    ("relations", {"object": "Quint", "subject": "Tomas Reyk"}),
    ("actors", {"label": "President Mara Quint"}),
])
def test_an_actor_may_be_bound_by_any_of_its_names_as_on_a_file(oxigraph, tmp_path, name, bindings):
    out = built(tmp_path / "out", views_records("views_sample.json"))
    graph = f"https://example.org/test/alias/{name}"
    remote.push(out, f"{oxigraph}/store", graph=graph)
    local = run_query(load_graph(out / "graph.ttl"), name, bindings)
    assert local.rows
    assert remote.query_endpoint(f"{oxigraph}/query", name, bindings, graph=graph) == local


def test_binding_a_variable_the_query_lacks_is_refused_before_sending():
    with pytest.raises(QueryError, match="no variable [?]nosuch"):
        remote.query_endpoint(f"http://127.0.0.1:{free_port()}/query", "evidence", {"nosuch": "x"})


def test_the_next_push_sends_only_what_changed(oxigraph, tmp_path):
    sample = views_records("views_sample.json")
    out = built(tmp_path / "out", sample[:1])
    store = f"{oxigraph}/store"
    graph = "https://example.org/test/changes"
    first = remote.push(out, store, graph=graph)
    before = set(load_graph(out / "graph.ttl"))
    built(out, sample)  # as an --update build adds an article (mention counts change too)
    after = set(load_graph(out / "graph.ttl"))
    second = remote.push(out, store, graph=graph)
    assert first.replaced and not second.replaced
    assert (second.added, second.removed) == (len(after - before), len(before - after))
    assert second.removed > 0 and second.added > 0
    assert isomorphic(stored(oxigraph, graph), Graph().parse(out / "graph.ttl"))
    third = remote.push(out, store, graph=graph)
    assert (third.added, third.removed, third.replaced) == (0, 0, False)
    assert remote.push(out, store, graph=graph, full=True).replaced


def test_a_push_replaces_its_named_graph_and_leaves_the_others(oxigraph, tmp_path):
    store = f"{oxigraph}/store"
    sample, injection = views_records("views_sample.json"), views_records("views_injection.json")
    remote.push(built(tmp_path / "a", sample), store, graph="https://example.org/test/one")
    remote.push(built(tmp_path / "b", injection), store, graph="https://example.org/test/two")
    remote.push(built(tmp_path / "c", sample[1:]), store, graph="https://example.org/test/one")
    assert isomorphic(stored(oxigraph, "https://example.org/test/one"), Graph().parse(tmp_path / "c" / "graph.ttl"))
    assert isomorphic(stored(oxigraph, "https://example.org/test/two"), Graph().parse(tmp_path / "b" / "graph.ttl"))


def test_the_cli_pushes_and_queries_as_on_the_file(oxigraph, tmp_path):
    out = built(tmp_path / "out", views_records("views_sample.json"))
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", str(out), "--store", f"{oxigraph}/store"])
    assert pushed.exit_code == 0, pushed.output
    assert pushed.output.startswith(f"Pushed {out} to <{remote.DEFAULT_GRAPH}>")
    for args in (["actors", "--format", "csv"], ["relations", "--format", "json"],
                 ["evidence", "--bind", "subject=Tomas Reyk"]):
        local = runner.invoke(cli, ["query", str(out / "graph.ttl"), *args])
        over_http = runner.invoke(cli, ["query", f"{oxigraph}/query", *args])
        assert over_http.exit_code == 0, over_http.output
        assert over_http.output == local.output


def test_prefixes_of_the_graph_hold_over_http_as_on_a_file(oxigraph, tmp_path):
    out = built(tmp_path / "out", views_records("views_sample.json"))
    remote.push(out, f"{oxigraph}/store", graph="https://example.org/test/prefixes")
    text = "SELECT ?name WHERE { ?a a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    local = run_query(load_graph(out / "graph.ttl"), text)
    assert local.rows
    assert remote.query_endpoint(f"{oxigraph}/query", text, graph="https://example.org/test/prefixes") == local


@pytest.mark.parametrize("text, message", [
    ("SELECT * WHERE { SERVICE <http://example.invalid/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * FROM <http://example.invalid/g> WHERE { ?s ?p ?o }", "FROM / FROM NAMED are not allowed"),
    ("DROP ALL", "updates"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "only SELECT and ASK"),
    ("SELECT * WHERE { ?s ?p", "does not parse"),
])
def test_refused_queries_are_never_sent(text, message):
    nowhere = f"http://127.0.0.1:{free_port()}/query"  # nothing listens: a sent query would fail otherwise
    with pytest.raises(QueryError, match=message):
        remote.query_endpoint(nowhere, text)


def test_binding_a_query_with_its_own_values_clause_is_refused():
    text = "SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <https://example.org/x> }"
    with pytest.raises(QueryError, match="its own VALUES"):
        remote.query_endpoint(f"http://127.0.0.1:{free_port()}/query", text, {"s": "x"})


def test_the_endpoints_default_graph_can_be_asked(oxigraph):
    result = remote.query_endpoint(f"{oxigraph}/query", "ASK { ?s ?p ?o }", graph=remote.ENDPOINT_DEFAULT)
    assert result.rows == (("false",),)  # pushes go to named graphs, never to the default one


@pytest.mark.parametrize("args, message", [
    (["push", "{out}", "--store", "http://127.0.0.1:{free}/store"], "cannot reach http://127.0.0.1:{free}/store"),
    (["push", "{out}", "--store", "{oxigraph}/query"], "is it a Graph Store Protocol endpoint"),
    (["push", "{empty}", "--store", "{oxigraph}/store"], "no graph.ttl there; build one first"),
    (["push", "{out}", "--store", "{oxigraph}/store", "--graph", "not an iri"], "is not an absolute IRI"),
    (["query", "{oxigraph}/store", "actors"], "is it a SPARQL query endpoint"),
    (["query", "http://127.0.0.1:{free}/query", "actors"], "cannot reach"),
])
def test_server_errors_are_one_line(oxigraph, tmp_path, args, message):
    out = built(tmp_path / "out", views_records("views_sample.json"))
    (tmp_path / "empty").mkdir()
    values = {"out": out, "empty": tmp_path / "empty", "oxigraph": oxigraph, "free": free_port()}
    result = CliRunner().invoke(cli, [a.format(**values) for a in args])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("graphbuild: error: ")
    assert message.format(**values) in result.stderr


def test_graph_applies_only_to_an_endpoint(tmp_path):
    out = built(tmp_path / "out", views_records("views_sample.json"))
    result = CliRunner().invoke(cli, ["query", str(out / "graph.ttl"), "actors", "--graph", "https://example.org/g"])
    assert result.exit_code == 2
    assert "--graph" in result.output


def test_a_failed_push_is_not_remembered(oxigraph, tmp_path):
    sample = views_records("views_sample.json")
    out = built(tmp_path / "out", sample[:1])
    store, graph = f"{oxigraph}/store", "https://example.org/test/failed"
    remote.push(out, store, graph=graph)
    built(out, sample)
    with pytest.raises(GraphbuildError, match="refused the changes"):
        remote.push(out, store, graph=graph, update_url=f"{oxigraph}/store")
    again = remote.push(out, store, graph=graph)
    assert not again.replaced and again.added > 0  # the changes since the push that worked
    assert isomorphic(stored(oxigraph, graph), Graph().parse(out / "graph.ttl"))


@pytest.mark.parametrize("store, update", [
    ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/update"),
    ("http://host:3030/news/data", "http://host:3030/news/update"),
    ("http://host:8890/sparql-graph-crud", None),
])
def test_the_update_endpoint_is_found_beside_known_stores(store, update):
    assert remote.update_url_for(store) == update
