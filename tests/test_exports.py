"""GEXF, GraphML, CSV and JSON-LD exports, each checked by reading it back."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from rdflib import Graph
from rdflib.compare import isomorphic

from graphbuild.exports import CSV_COLUMNS, conform_gexf, write_csv, write_gexf, write_graphml, write_jsonld
from graphbuild.network import TYPE_COLORS, actor_network

GEXF_SCHEMA = Path(__file__).parents[2] / "shared" / "gexf-schema" / "1.3" / "gexf.xsd"
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
NODE_ATTRS = {"type", "schema_class", "aliases", "mentions", "articles", "degree"}


def rgb(hex_color: str) -> dict[str, int]:
    return {"r": int(hex_color[1:3], 16), "g": int(hex_color[3:5], 16), "b": int(hex_color[5:7], 16)}


@pytest.fixture(params=["sample_graph", "injection_graph"])
def any_graph(request):
    return request.getfixturevalue(request.param)


def test_gexf_round_trips_through_networkx(any_graph, tmp_path):
    network = actor_network(any_graph)
    write_gexf(network, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    assert set(back.nodes) == set(network.nodes)
    # read_gexf makes a MultiDiGraph only when the file has parallel edges; index by predicate instead.
    edges = {(u, d["predicate"], v): d for u, v, d in back.edges(data=True)}
    assert sorted(edges) == sorted((u, k, v) for u, v, k in network.edges(keys=True))
    for node, data in network.nodes(data=True):
        read = back.nodes[node]
        assert read["label"] == data["label"]
        assert {k: read[k] for k in NODE_ATTRS} == {k: data[k] for k in NODE_ATTRS}
        colour = read["viz"]["color"]
        assert {c: colour[c] for c in "rgb"} == rgb(TYPE_COLORS[data["type"]])
        assert read["viz"]["size"] > 0 and set(read["viz"]["position"]) == {"x", "y", "z"}
    for u, v, key, data in network.edges(keys=True, data=True):
        read = edges[(u, key, v)]
        assert read["networkx_key" if "networkx_key" in read else "predicate"] == key
        assert read["label"] == data["label"] and read["predicate"] == data["predicate"]
        assert read["weight"] == data["weight"] and read["confidence"] == pytest.approx(data["confidence"])
        assert "evidence" not in read
        if data["evidence"]:
            assert read["sentence"] == data["evidence"][0]["sentence"]


def gexf_schema_errors(path: Path) -> list[str]:
    """The official 1.3 schema's complaints about a GEXF file (skips when xmlschema or the schema is missing)."""
    xmlschema = pytest.importorskip("xmlschema")
    if not GEXF_SCHEMA.exists():
        pytest.skip(f"no GEXF schema at {GEXF_SCHEMA}")
    tree = etree.parse(str(path))
    # The official 1.3 XSD (and RNG) declares color/size/position without the viz namespace,
    # although the 1.3 spec, Gephi and networkx all write them as viz:* in "http://gexf.net/1.3/viz".
    # The file keeps viz:* (what Gephi reads); only this validation copy moves them to the GEXF
    # namespace, as the XSD expects. Everything else is validated as written.
    copy = etree.fromstring(etree.tostring(tree))
    for element in copy.iter(f"{{{VIZ}}}*"):
        element.tag = f"{{{GEXF}}}{etree.QName(element).localname}"
    etree.cleanup_namespaces(copy)
    schema = xmlschema.XMLSchema(str(GEXF_SCHEMA))
    return [str(e).splitlines()[0] for e in schema.iter_errors(etree.tostring(copy).decode())]


def test_gexf_is_valid_against_the_official_schema(any_graph, tmp_path):
    write_gexf(actor_network(any_graph), tmp_path / "g.gexf")
    assert gexf_schema_errors(tmp_path / "g.gexf") == []


def test_networkx_gexf_needs_the_fixes(sample_graph, tmp_path):
    """The two departures from the 1.3 schema that write_gexf corrects are really there in networkx's output."""
    from graphbuild.exports import gephi_network

    raw = etree.fromstring("".join(nx.generate_gexf(gephi_network(actor_network(sample_graph)), version="1.3")).encode())
    assert raw.find(f"{{{GEXF}}}graph").get("name") is not None
    assert "http://w3.org/2001/XMLSchema-instance" in raw.nsmap.values()
    fixed = conform_gexf(raw)
    assert fixed.find(f"{{{GEXF}}}graph").get("name") is None
    assert fixed.findtext(f"{{{GEXF}}}meta/{{{GEXF}}}description") == "graphbuild actor network"
    assert fixed.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", "").startswith(GEXF)


def test_gexf_read_independently(any_graph, tmp_path):
    """Read the file with plain ElementTree, as another GEXF consumer would."""
    import xml.etree.ElementTree as ET

    network = actor_network(any_graph)
    write_gexf(network, tmp_path / "g.gexf")
    root = ET.parse(tmp_path / "g.gexf").getroot()
    assert root.tag == f"{{{GEXF}}}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{{{GEXF}}}graph")
    assert graph.get("defaultedgetype") == "directed"
    titles = {a.get("id"): a.get("title") for a in graph.iter(f"{{{GEXF}}}attribute")}
    types = {a.get("title"): a.get("type") for a in graph.iter(f"{{{GEXF}}}attribute")}
    assert types["mentions"] in {"integer", "long"} and types["confidence"] in {"double", "float"}
    assert types["symmetric"] == "boolean"
    nodes = graph.findall(f"{{{GEXF}}}nodes/{{{GEXF}}}node")
    assert len(nodes) == network.number_of_nodes()
    for node in nodes:
        values = {titles[v.get("for")]: v.get("value") for v in node.iter(f"{{{GEXF}}}attvalue")}
        expected = network.nodes[node.get("id")]
        assert values["type"] == expected["type"] and node.get("label") == expected["label"]
        color = node.find(f"{{{VIZ}}}color")
        assert {c: int(color.get(c)) for c in "rgb"} == rgb(TYPE_COLORS[expected["type"]])
        assert float(node.find(f"{{{VIZ}}}size").get("value")) > 0
        assert node.find(f"{{{VIZ}}}position").get("z") is not None
    edges = graph.findall(f"{{{GEXF}}}edges/{{{GEXF}}}edge")
    assert len(edges) == network.number_of_edges()
    assert len({e.get("id") for e in edges}) == len(edges)
    for edge in edges:
        values = {titles[v.get("for")]: v.get("value") for v in edge.iter(f"{{{GEXF}}}attvalue")}
        assert edge.get("label") and float(edge.get("weight")) >= 1
        assert values["predicate"] and 0 <= float(values["confidence"]) <= 1


def test_graphml_round_trips_through_networkx(any_graph, tmp_path):
    network = actor_network(any_graph)
    write_graphml(network, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert set(back.nodes) == set(network.nodes)
    assert back.number_of_edges() == network.number_of_edges()
    for node, data in network.nodes(data=True):
        read = back.nodes[node]
        assert {k: read[k] for k in NODE_ATTRS | {"label"}} == {k: data[k] for k in NODE_ATTRS | {"label"}}
        assert {c: read[c] for c in "rgb"} == rgb(TYPE_COLORS[data["type"]])
        assert read["color"] == TYPE_COLORS[data["type"]]
        assert isinstance(read["x"], float) and read["size"] > 0
    relations = sorted((u, d["predicate"], v, d["weight"]) for u, v, d in back.edges(data=True))
    assert relations == sorted((u, d["predicate"], v, d["weight"]) for u, v, d in network.edges(data=True))


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_one_row_per_relation(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    assert write_csv(network, tmp_path / "r.csv") == network.number_of_edges()
    rows = read_csv(tmp_path / "r.csv")
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == network.number_of_edges()
    met = next(r for r in rows if r["predicate"] == "metWith")
    assert rows[0] is met  # heaviest first
    assert {met["subject"], met["object"]} == {"Mara Quint", "Tomas Reyk"}
    assert (met["subject_type"], met["object_type"], met["weight"], met["confidence"]) == ("Person", "Person", "2", "0.750")
    assert met["sentence"] == "Reyk met Mara Quint again in Osk."
    assert (met["article_title"], met["article_source"]) == ("Ostrand invites Veloria to summit", "views/ostrand.txt")
    quoted = next(r for r in rows if r["predicate"] == "quotedBy")
    assert quoted["sentence"] == '"We are close," Quint told the Daily Lantern.'


def test_csv_keeps_hostile_text_literal_and_defuses_formulas(injection_graph, tmp_path):
    write_csv(actor_network(injection_graph), tmp_path / "r.csv")
    rows = read_csv(tmp_path / "r.csv")
    subjects = {r["subject"] for r in rows}
    assert {"<script>alert(1)</script>", 'Kim "The Boss" {Jr}', "O'Brien & Sons"} <= subjects
    assert any(r["object"] == "北方渔业委员会" for r in rows)
    assert any(r["object"] == "مجلس المدينة" for r in rows)
    assert "'=HYPERLINK(\"http://example.invalid\")" in subjects
    assert any("\u2028" in r["sentence"] for r in rows)
    assert (tmp_path / "r.csv").read_bytes().decode("utf-8")


def test_jsonld_is_the_same_graph(sample_graph, tmp_path):
    write_jsonld(sample_graph, tmp_path / "g.jsonld")
    back = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert isomorphic(back, sample_graph)
    assert '"schema": "https://schema.org/"' in (tmp_path / "g.jsonld").read_text(encoding="utf-8")


def test_exports_are_atomic(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    folder = tmp_path / "out"
    write_gexf(network, folder / "g.gexf")
    write_graphml(network, folder / "g.graphml")
    write_csv(network, folder / "g.csv")
    write_jsonld(sample_graph, folder / "g.jsonld")
    assert sorted(p.name for p in folder.iterdir()) == ["g.csv", "g.gexf", "g.graphml", "g.jsonld"]


def test_empty_network_exports(tmp_path):
    empty = nx.MultiDiGraph()
    write_gexf(empty, tmp_path / "e.gexf")
    write_graphml(empty, tmp_path / "e.graphml")
    assert write_csv(empty, tmp_path / "e.csv") == 0
    assert nx.read_gexf(tmp_path / "e.gexf", version="1.3").number_of_nodes() == 0
    assert read_csv(tmp_path / "e.csv") == []


def test_parallel_relations_keep_their_predicates_as_keys(sample_graph, tmp_path):
    from graphbuild.vocab import mint, predicate_iri

    quint, veloria = mint("person", "Mara Quint"), mint("country", "Veloria")
    sample_graph.add((quint, predicate_iri("leaderOf"), veloria))  # beside presidentOf, same pair
    network = actor_network(sample_graph)
    write_gexf(network, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    assert back.is_multigraph()
    assert set(back[str(quint)][str(veloria)]) == {"presidentOf", "leaderOf"}
    write_graphml(network, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert {d["predicate"] for d in back[str(quint)][str(veloria)].values()} == {"presidentOf", "leaderOf"}
