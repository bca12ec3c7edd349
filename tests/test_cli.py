"""The command line, through click's runner: happy paths and every error path."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graphbuild.cli import EXIT_SKIPPED, cli
from graphbuild.graph import build_graph
from graphbuild.records import Actor, Mention

ARTICLE = """Port authority reopens harbour

Mayor Ines Duarte said on Monday that the Lisbon Port Authority would reopen the harbour.
Duarte told Radio Atlantico that Portugal had asked Spain for help.
"""


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def graph_file(tmp_path, make_result):
    actors = [Actor("Ines Duarte", "Ines Duarte", "Person", mentions=(Mention("Ines Duarte", 6, 17),))]
    path = tmp_path / "graph.ttl"
    build_graph([make_result("t", "Mayor Ines Duarte spoke.", actors, [])]).serialize(path, format="turtle")
    return path


def test_query_prints_count(runner, graph_file):
    result = runner.invoke(cli, ["query", str(graph_file), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
    assert result.exit_code == 0
    count = int(result.output.splitlines()[2])
    assert count == len(Graph().parse(graph_file))


def test_actors_command(runner, graph_file):
    result = runner.invoke(cli, ["actors", str(graph_file), "--format", "csv"])
    assert result.exit_code == 0
    assert "Ines Duarte,Person,1" in result.output


@pytest.mark.parametrize("args, message", [
    (["query", "missing.ttl", "actors"], "no such graph file"),
    (["query", "{graph}", "SELECT * WHERE { SERVICE <http://x.org/q> { ?s ?p ?o } }"], "SERVICE is not allowed"),
    (["query", "{graph}", "SELECT ?s WHERE {"], "does not parse"),
    (["query", "{graph}", "nothing.rq"], "cannot read the query file"),
    (["actors", "{bad}"], "not a readable RDF graph"),
    (["build", "no/such/folder", "-o", "{out}"], "no/such/folder"),
])
def test_errors_are_one_line(runner, tmp_path, graph_file, args, message):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix broken")
    places = {"{graph}": str(graph_file), "{bad}": str(bad), "{out}": str(tmp_path / "out")}
    args = [places.get(a, a) for a in args]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphbuild: error:")
    assert message in lines[0]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_bind_is_a_usage_error(runner, graph_file):
    result = runner.invoke(cli, ["query", str(graph_file), "actors", "--bind", "novalue"])
    assert result.exit_code == 2


@pytest.mark.model
def test_build_writes_every_output_and_summary(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "empty.txt" in result.output
    for name in ("graph.ttl", "graph.html", "graph.gexf", "graph.graphml", "relations.csv"):
        assert (out / name).stat().st_size > 0, name
    assert "Articles: 1 (1 skipped)" in result.output
    labels = {str(o) for o in Graph().parse(out / "graph.ttl").objects()}
    assert {"Ines Duarte", "Portugal", "Spain"} <= labels


def test_render_redraws_with_filters(runner, graph_file, tmp_path):
    page = tmp_path / "people.html"
    result = runner.invoke(cli, ["render", str(graph_file), "-o", str(page), "--types", "Person"])
    assert result.exit_code == 0, result.output
    assert "1 actors" in result.output
    assert "Ines Duarte" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, suffix", [("gexf", ".gexf"), ("graphml", ".graphml"), ("csv", ".csv"),
                                         ("jsonld", ".jsonld")])
def test_export_writes_beside_the_graph(runner, graph_file, fmt, suffix):
    result = runner.invoke(cli, ["export", str(graph_file), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert graph_file.with_suffix(suffix).stat().st_size > 0


@pytest.mark.parametrize("args, message", [
    (["render", "{graph}", "--types", "Persn"], "unknown actor type"),
    (["export", "{graph}", "--format", "jsonld", "-o", "{graph}"], "would overwrite the graph"),
    (["render", "{graph}", "-o", "{graph}"], "would overwrite the graph"),
    (["render", "missing.ttl"], "no such graph file"),
])
def test_view_errors_are_one_line(runner, graph_file, args, message):
    args = [str(graph_file) if a == "{graph}" else a for a in args]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and message in result.output


def test_render_onto_a_link_to_the_graph_is_refused(runner, graph_file, tmp_path):
    link = tmp_path / "page.html"
    link.symlink_to(graph_file)
    before = graph_file.read_bytes()
    result = runner.invoke(cli, ["render", str(graph_file), "-o", str(link)])
    assert result.exit_code == 1 and "would overwrite the graph" in result.output
    assert graph_file.read_bytes() == before


ESC_NAME = "red\x1b[31mname\x07.txt"


@pytest.mark.parametrize("args", [
    ["build", "{dir}/" + ESC_NAME, "-o", "{dir}/out"],
    ["query", "{dir}/" + ESC_NAME, "actors"],
    ["query", "{graph}", "{dir}/" + ESC_NAME + ".rq"],
    ["render", "{dir}/" + ESC_NAME],
    ["export", "{graph}", "--format", "csv", "-o", "{dir}/\x1b]0;title\x07/x.csv"],
])
def test_control_characters_in_file_names_never_reach_the_terminal(runner, tmp_path, graph_file, args):
    args = [a.replace("{dir}", str(tmp_path)).replace("{graph}", str(graph_file)) for a in args]
    result = runner.invoke(cli, args)
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b" in result.output  # shown, escaped


@pytest.mark.model
def test_control_characters_in_file_names_are_escaped_in_build_messages(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ESC_NAME).write_text(ARTICLE)
    (folder / ("empty" + ESC_NAME)).write_text("")
    result = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out\x1b[2J"), "--explain"])
    assert result.exit_code == 3, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert result.output.count("\\x1b") >= 3  # the skip line, the explanation and the summary
