"""Dated articles through the whole build and the CLI: the four invented stories of tests/data/dates.

Each is dated a different way (a dateline, an HTML meta tag, front matter, a --dates sidecar).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF

from graphbuild.cache import read_manifest
from graphbuild.cli import cli
from graphbuild.reading import read_articles
from graphbuild.records import Article
from graphbuild.vocab import GB, SCHEMA

pytestmark = pytest.mark.model

DATES = Path(__file__).parent / "data" / "dates"
EXPECTED = {"wire.txt": "2024-03-12", "page.html": "2024-04-02", "frontmatter.md": "2024-06-20",
            "undated.txt": "2024-03-20"}


@pytest.fixture
def corpus(tmp_path):
    """The four stories in two folders (a: wire and page; b: front matter and undated), and a sidecar."""
    for folder, names in {"a": ("wire.txt", "page.html"), "b": ("frontmatter.md", "undated.txt")}.items():
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(DATES / name, tmp_path / folder / name)
    (tmp_path / "dates.csv").write_text("path,date\nb/undated.txt,20 March 2024\n", encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def dates_by_file(out: Path) -> dict[str, str]:
    graph = Graph().parse(out / "graph.ttl")
    return {Path(str(graph.value(doc, GB.source))).name: str(date)
            for doc, date in graph.subject_objects(SCHEMA.datePublished)}


def test_every_way_of_dating_reaches_the_graph(corpus, tmp_path):
    result = run("build", corpus / "a", corpus / "b", "-o", tmp_path / "out", "--dates", corpus / "dates.csv")
    assert result.exit_code == 0, result.output
    assert "Articles: 4; 4 dated" in result.output
    assert dates_by_file(tmp_path / "out") == EXPECTED
    gexf = (tmp_path / "out" / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in gexf and "<spell " in gexf


def test_offsets_index_the_text_once_dateline_and_front_matter_are_gone(corpus, tmp_path):
    assert run("build", corpus / "a", corpus / "b", "-o", tmp_path / "out").exit_code == 0
    texts = {a.source: a.text for a in read_articles([corpus / "a", corpus / "b"]) if isinstance(a, Article)}
    assert not any("(Reuters)" in t or "date:" in t for t in texts.values())
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert statements
    for st in statements:
        text = texts[str(graph.value(graph.value(st, PROV.wasDerivedFrom), GB.source))]
        start, end = int(graph.value(st, GB.startChar)), int(graph.value(st, GB.endChar))
        assert text[start:end] == str(graph.value(st, GB.sentence))


def test_sidecar_date_wins_over_the_files_own(corpus, tmp_path):
    (corpus / "dates.csv").write_text("a/wire.txt,2024-03-13\n", encoding="utf-8")
    assert run("build", corpus / "a", "-o", tmp_path / "out", "--dates", corpus / "dates.csv").exit_code == 0
    assert dates_by_file(tmp_path / "out")["wire.txt"] == "2024-03-13"


def test_bad_sidecar_rows_are_one_line_each_and_the_build_goes_on(corpus, tmp_path):
    (corpus / "dates.csv").write_text("path,date\nb/undated.txt,2024-03-20\nb/frontmatter.md,next week\n",
                                      encoding="utf-8")
    result = run("build", corpus / "b", "-o", tmp_path / "out", "--dates", corpus / "dates.csv")
    assert result.exit_code == 3
    problems = [line for line in result.stderr.splitlines() if "dates.csv" in line]
    assert problems == [f"graphbuild: skipped {corpus / 'dates.csv'} line 3: 'next week' is not a date with day, "
                        f"month and year; write it as YYYY-MM-DD"]
    assert dates_by_file(tmp_path / "out")["undated.txt"] == "2024-03-20"


def test_a_sidecar_that_names_no_article_read_is_reported(corpus, tmp_path):
    (corpus / "elsewhere").mkdir()
    (corpus / "elsewhere" / "dates.csv").write_text("b/undated.txt,2024-03-20\n", encoding="utf-8")
    result = run("build", corpus / "b", "-o", tmp_path / "out", "--dates", corpus / "elsewhere" / "dates.csv")
    assert result.exit_code == 3
    assert "names none of the articles read; its paths are relative to its own folder" in result.stderr


def test_missing_sidecar_stops_before_anything_is_written(corpus, tmp_path):
    result = run("build", corpus / "b", "-o", tmp_path / "out", "--dates", corpus / "nope.csv")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("no such dates file; check the path given to --dates")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_timeline_follows_one_actor_in_date_order(corpus, tmp_path):
    assert run("build", corpus / "a", corpus / "b", "-o", tmp_path / "out", "--dates",
               corpus / "dates.csv").exit_code == 0
    result = run("query", tmp_path / "out" / "graph.ttl", "timeline", "--bind", "subject=Lena Moravec",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {r["subject"] for r in rows} == {"Lena Moravec"}
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and dates[0] == "2024-03-12" and "2024-03-20" in dates


def test_update_keeps_earlier_dates_and_writes_the_diff_it_made(corpus, tmp_path):
    out = tmp_path / "out"
    assert run("build", corpus / "a", "-o", out, "--diff", tmp_path / "first.txt").exit_code == 0
    first = (tmp_path / "first.txt").read_text(encoding="utf-8").splitlines()  # no earlier graph: all is new
    assert first[1].startswith("Actors: ") and first[1].endswith(" added, 0 removed, 0 merged")
    assert "Relations added" in first
    changes = tmp_path / "changes.json"
    result = run("build", corpus / "b", "-o", out, "--update", "--dates", corpus / "dates.csv", "--diff", changes)
    assert result.exit_code == 0, result.output
    assert f"written to {changes}" in result.output
    assert dates_by_file(out) == EXPECTED
    assert {Path(a.source).name: a.date for a in read_manifest(out)} == EXPECTED

    diff = json.loads(changes.read_text(encoding="utf-8"))
    added = {(r["subject"], r["relation"], r["object"]): r for r in diff["relations"]["added"]}
    signed = added[("Lena Moravec", "signed with", "Piet Dorn")]
    assert (signed["first_seen"], signed["last_seen"]) == ("2024-03-20", "2024-03-20")
    assert signed["evidence"][0]["date"] == "2024-03-20" and "signed" in signed["evidence"][0]["sentence"]
    assert diff["actors"]["removed"] == [] and diff["relations"]["removed"] == []

    run("build", corpus / "a", corpus / "b", "-o", tmp_path / "all", "--dates", corpus / "dates.csv")
    assert isomorphic(Graph().parse(out / "graph.ttl"), Graph().parse(tmp_path / "all" / "graph.ttl"))


def test_diff_command_compares_two_output_folders(corpus, tmp_path):
    assert run("build", corpus / "a", "-o", tmp_path / "one").exit_code == 0
    assert run("build", corpus / "a", corpus / "b", "-o", tmp_path / "two", "--dates",
               corpus / "dates.csv").exit_code == 0
    text = run("diff", tmp_path / "one", tmp_path / "two")
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    assert lines[0] == f"graphbuild diff: {tmp_path / 'one' / 'graph.ttl'} -> {tmp_path / 'two' / 'graph.ttl'}"
    assert "Relations added" in lines
    assert any(line.startswith("  + Lena Moravec  signed with  Piet Dorn  (1 statement, seen 2024-03-20)")
               for line in lines)
    back = run("diff", tmp_path / "two" / "graph.ttl", tmp_path / "one", "--format", "json")
    removed = json.loads(back.output)["relations"]["removed"]
    assert ("Lena Moravec", "signed with", "Piet Dorn") in {(r["subject"], r["relation"], r["object"])
                                                            for r in removed}
    same = run("diff", tmp_path / "two", tmp_path / "two")
    assert same.output.rstrip().endswith("No changes.")
