"""The dynamic GEXF of a dated graph: spells from first to last date, valid and readable by two readers.

The graph is the invented two-article sample, dated by the ``dated_graph`` fixture (2024-01-07 and
2024-02-03).
"""
from __future__ import annotations

import csv
import shutil

import networkx as nx
import pytest
from lxml import etree

from graphbuild.exports import is_dated, write_csv, write_gexf
from graphbuild.network import actor_network

from test_exports import GEXF, gexf_schema_errors
from test_exports_independent import READER, read_with_graphology


def _spells(element) -> list[tuple[str, str]]:
    return [(s.get("start"), s.get("end")) for s in element.iter(f"{{{GEXF}}}spell")]


def test_dated_gexf_is_dynamic_with_one_spell_per_dated_element(dated_graph, tmp_path):
    network = actor_network(dated_graph)
    write_gexf(network, tmp_path / "g.gexf")
    root = etree.parse(str(tmp_path / "g.gexf")).getroot()
    graph = root.find(f"{{{GEXF}}}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    for node in root.iter(f"{{{GEXF}}}node"):
        data = network.nodes[node.get("id")]
        assert _spells(node) == [(data["first_seen"], data["last_seen"])]
    spans = sorted(_spells(edge)[0] for edge in root.iter(f"{{{GEXF}}}edge"))
    assert spans == sorted((d["first_seen"], d["last_seen"]) for _, _, d in network.edges(data=True))
    assert ("2024-01-07", "2024-02-03") in spans  # the meeting stated in both articles


def test_dynamic_gexf_is_valid_against_the_official_schema(dated_graph, tmp_path):
    write_gexf(actor_network(dated_graph), tmp_path / "g.gexf")
    assert gexf_schema_errors(tmp_path / "g.gexf") == []


def test_networkx_reads_the_spells_back(dated_graph, tmp_path):
    network = actor_network(dated_graph)
    write_gexf(network, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    assert back.graph["mode"] == "dynamic"
    for node, data in network.nodes(data=True):
        assert back.nodes[node]["spells"] == [(data["first_seen"], data["last_seen"])]
        assert (back.nodes[node]["first_seen"], back.nodes[node]["last_seen"]) == (data["first_seen"],
                                                                                   data["last_seen"])


def test_an_undated_element_of_a_dated_graph_has_no_spell(tmp_path):
    from conftest import dated_records
    from graphbuild.graph import build_graph

    network = actor_network(build_graph(dated_records({"views/ostrand.txt": "2024-02-03"})))
    write_gexf(network, tmp_path / "g.gexf")
    root = etree.parse(str(tmp_path / "g.gexf")).getroot()
    velm = next(n for n in root.iter(f"{{{GEXF}}}node") if n.get("label") == "Velm")  # only in the undated story
    assert _spells(velm) == []
    assert gexf_schema_errors(tmp_path / "g.gexf") == []


def test_undated_graph_keeps_the_static_gexf(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    assert not is_dated(network)
    write_gexf(network, tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert 'mode="static"' in text
    assert "spell" not in text and "timeformat" not in text and "first_seen" not in text


def test_csv_has_first_and_last_dates(dated_graph, tmp_path):
    write_csv(actor_network(dated_graph), tmp_path / "r.csv")
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    met = next(r for r in rows if r["predicate"] == "metWith")
    assert (met["first_seen"], met["last_seen"]) == ("2024-01-07", "2024-02-03")


@pytest.mark.skipif(shutil.which("node") is None or not (READER / "node_modules" / "graphology-gexf").is_dir(),
                    reason="needs node and `npm ci --prefix tests/gexf_reader`")
def test_graphology_reads_the_dynamic_gexf(dated_graph, tmp_path):
    network = actor_network(dated_graph)
    write_gexf(network, tmp_path / "g.gexf")
    read = read_with_graphology(tmp_path / "g.gexf")
    assert sorted(n["label"] for n in read["nodes"]) == sorted(d["label"] for _, d in network.nodes(data=True))
    for node in read["nodes"]:
        data = network.nodes[node["key"]]
        assert (node["first_seen"], node["last_seen"]) == (data["first_seen"], data["last_seen"])
    assert len(read["edges"]) == network.number_of_edges()
    assert {(e["first_seen"], e["last_seen"]) for e in read["edges"]} == {
        (d["first_seen"], d["last_seen"]) for _, _, d in network.edges(data=True)}
