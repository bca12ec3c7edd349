"""What the build and the CLI write for the page's readers: every statement as CSV, a title naming the corpus."""
from __future__ import annotations

import csv
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from graphbuild import graphfile
from graphbuild.cli import cli
from graphbuild.exports import EVIDENCE_COLUMNS, write_evidence_csv
from graphbuild.network import actor_network
from graphbuild.outputs import write_outputs


def read_rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_evidence_csv_has_one_row_per_statement(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    statements = sum(len(d["evidence"]) for _, _, d in network.edges(data=True))
    assert write_evidence_csv(network, tmp_path / "e.csv") == statements
    rows = read_rows(tmp_path / "e.csv")
    assert tuple(rows[0]) == EVIDENCE_COLUMNS and len(rows) == statements
    met = [r for r in rows if r["predicate"] == "metWith"]
    assert len(met) == 2  # the relation's two sentences, each once
    assert {r["sentence"] for r in met} == {"President Mara Quint of Veloria met Tomas Reyk in Velm on Monday.",
                                            "Reyk met Mara Quint again in Osk."}
    assert met[0]["confidence"] >= met[1]["confidence"]  # best first
    assert {r["article_title"] for r in met} == {"Harbour talks resume in Velm", "Ostrand invites Veloria to summit"}
    assert all(r["relation"] == "met with" and r["hypothetical"] == "false" and r["date"] == "" for r in met)


def test_evidence_csv_has_the_date_when_known_and_defuses_formulas(injection_graph, tmp_path):
    network = actor_network(injection_graph)
    for _, _, data in network.edges(data=True):
        for ev in data["evidence"]:
            ev["date"] = "2005-03-04"
    write_evidence_csv(network, tmp_path / "e.csv")
    rows = read_rows(tmp_path / "e.csv")
    assert {r["date"] for r in rows} == {"2005-03-04"}
    assert "'=HYPERLINK(\"http://example.invalid\")" in {r["subject"] for r in rows}
    assert any("\u2028" in r["sentence"] for r in rows)


def test_build_outputs_include_the_evidence_and_a_page_named_after_the_corpus(sample_graph, tmp_path):
    paths = write_outputs(sample_graph, tmp_path / "out")
    assert paths.evidence.name == "evidence.csv" and len(read_rows(paths.evidence)) == 8
    # The sample's articles were read from a folder called "views".
    assert lxml.html.parse(str(paths.page)).findtext(".//title") == "views"
    titled = write_outputs(sample_graph, tmp_path / "titled", title="Harbour news")
    assert lxml.html.parse(str(titled.page)).findtext(".//title") == "Harbour news"


def test_render_names_the_corpus_or_takes_a_title(sample_graph, tmp_path):
    graphfile.write_turtle(sample_graph, tmp_path / "graph.ttl")
    runner = CliRunner()
    result = runner.invoke(cli, ["render", str(tmp_path / "graph.ttl"), "-o", str(tmp_path / "a.html")])
    assert result.exit_code == 0, result.output
    assert lxml.html.parse(str(tmp_path / "a.html")).findtext(".//title") == "views"
    result = runner.invoke(cli, ["render", str(tmp_path / "graph.ttl"), "-o", str(tmp_path / "b.html"),
                                 "--title", "<b>Harbour</b> news"])
    assert result.exit_code == 0, result.output
    assert lxml.html.parse(str(tmp_path / "b.html")).findtext(".//title") == "<b>Harbour</b> news"


def test_export_writes_the_evidence(sample_graph, tmp_path):
    graphfile.write_turtle(sample_graph, tmp_path / "graph.ttl")
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "graph.ttl"), "--format", "evidence"])
    assert result.exit_code == 0, result.output
    assert len(read_rows(tmp_path / "graph.evidence.csv")) == 8
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "graph.ttl"), "--format", "evidence",
                                      "--min-confidence", "0.7", "-o", str(tmp_path / "strong.csv")])
    assert result.exit_code == 0, result.output
    assert all(float(r["confidence"]) >= 0.7 for r in read_rows(tmp_path / "strong.csv"))


@pytest.mark.model
def test_build_takes_a_title(tmp_path):
    article = Path(__file__).parent / "data" / "robust_harbour.txt"
    result = CliRunner().invoke(cli, ["build", str(article), "-o", str(tmp_path / "out"), "-q", "--title", "Harbour"])
    assert result.exit_code == 0, result.output
    assert lxml.html.parse(str(tmp_path / "out" / "graph.html")).findtext(".//title") == "Harbour"
    assert (tmp_path / "out" / "evidence.csv").is_file()
