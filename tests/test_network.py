"""Reading the RDF graph into the actor network, and laying it out."""
from __future__ import annotations

from decimal import Decimal

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from graphbuild.errors import GraphbuildError
from graphbuild.network import actor_network, article_sources, local_name, most_connected, node_size
from graphbuild.vocab import NS, mint, predicate_iri

PLAIN = (str, int, float, bool)


def by_label(network: nx.MultiDiGraph) -> dict[str, str]:
    return {data["label"]: node for node, data in network.nodes(data=True)}


def edge_set(network: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(network.nodes[u]["label"], k, network.nodes[v]["label"]) for u, v, k in network.edges(keys=True)}


def test_nodes_are_actors_with_plain_attributes(sample_graph):
    network = actor_network(sample_graph)
    names = by_label(network)
    assert set(names) == {"Mara Quint", "Tomas Reyk", "Veloria", "Ostrand", "Velm", "Port Authority of Velm",
                          "Daily Lantern", "Northern Fisheries Council"}
    velm = network.nodes[names["Velm"]]
    assert (velm["type"], velm["schema_class"]) == ("Place", "City")
    assert network.nodes[names["Daily Lantern"]]["schema_class"] == "NewsMediaOrganization"
    assert network.nodes[names["Mara Quint"]]["aliases"] == "President Mara Quint; Quint"
    assert network.nodes[names["Mara Quint"]]["mentions"] == 3
    for node, data in network.nodes(data=True):
        assert type(node) is str
        assert set(data) >= {"label", "type", "schema_class", "aliases", "mentions", "degree"}
        assert all(type(value) in PLAIN for value in data.values()), data
        assert data["degree"] == network.degree(node)
    assert network.nodes[names["Northern Fisheries Council"]]["degree"] == 0


def test_edges_carry_weight_confidence_and_evidence(sample_graph):
    network = actor_network(sample_graph)
    names = by_label(network)
    edges = edge_set(network)
    assert ("Mara Quint", "presidentOf", "Veloria") in edges
    assert ("Ostrand", "invited", "Veloria") in edges
    data = network.get_edge_data(names["Mara Quint"], names["Veloria"], "presidentOf")
    assert data["label"] == "president of" and data["kind"] == "structural" and data["weight"] == 1
    assert data["confidence"] == pytest.approx(0.9)
    (evidence,) = data["evidence"]
    assert evidence["sentence"] == "President Mara Quint of Veloria met Tomas Reyk in Velm on Monday."
    assert evidence["article"] == "Harbour talks resume in Velm"
    assert evidence["source"] == "views/harbour.txt"
    for u, v, key, data in network.edges(keys=True, data=True):
        assert key == data["predicate"]
        assert data["weight"] >= 1
        assert all(type(value) in PLAIN for name, value in data.items() if name != "evidence"), data
        assert all(type(value) in PLAIN for item in data["evidence"] for value in item.values())


def test_symmetric_relation_stated_both_ways_is_one_edge(sample_graph):
    network = actor_network(sample_graph)
    met = [(u, v, d) for u, v, k, d in network.edges(keys=True, data=True) if k == "metWith"]
    assert len(met) == 1
    u, v, data = met[0]
    assert {network.nodes[u]["label"], network.nodes[v]["label"]} == {"Mara Quint", "Tomas Reyk"}
    assert data["symmetric"] is True and data["weight"] == 2
    assert data["confidence"] == pytest.approx(0.75)
    assert [e["confidence"] for e in data["evidence"]] == [0.75, 0.7]  # best first


def test_hypothetical_statements_only_on_request(sample_graph):
    assert ("Ostrand", "sanctioned", "Veloria") not in edge_set(actor_network(sample_graph))
    network = actor_network(sample_graph, include_hypothetical=True)
    names = by_label(network)
    data = network.get_edge_data(names["Ostrand"], names["Veloria"], "sanctioned")
    assert data["hypothetical"] is True and data["evidence"][0]["hypothetical"] is True
    assert network.get_edge_data(names["Ostrand"], names["Veloria"], "invited")["hypothetical"] is False


def test_min_confidence_drops_weak_statements(sample_graph):
    assert ("Daily Lantern", "basedIn", "Velm") in edge_set(actor_network(sample_graph))
    network = actor_network(sample_graph, min_confidence=0.5)
    assert ("Daily Lantern", "basedIn", "Velm") not in edge_set(network)
    assert ("Port Authority of Velm", "basedIn", "Velm") in edge_set(network)
    assert all(d["confidence"] >= 0.5 for _, _, d in network.edges(data=True))


def test_min_confidence_counts_only_statements_above_it(sample_graph):
    network = actor_network(sample_graph, min_confidence=0.72)
    (data,) = [d for _, _, k, d in network.edges(keys=True, data=True) if k == "metWith"]
    assert data["weight"] == 1 and len(data["evidence"]) == 1


def test_types_filter_keeps_actors_and_their_relations(sample_graph):
    network = actor_network(sample_graph, types=["person", "Country"])
    assert {d["type"] for _, d in network.nodes(data=True)} == {"Person", "Country"}
    assert edge_set(network) == {("Mara Quint", "presidentOf", "Veloria"), ("Mara Quint", "metWith", "Tomas Reyk"),
                                 ("Tomas Reyk", "leaderOf", "Ostrand"), ("Ostrand", "invited", "Veloria")}


def test_unknown_type_is_a_clear_error(sample_graph):
    with pytest.raises(GraphbuildError, match="unknown actor type Persn"):
        actor_network(sample_graph, types=["Persn"])


def test_min_weight(sample_graph):
    network = actor_network(sample_graph, min_weight=2)
    assert edge_set(network) == {("Mara Quint", "metWith", "Tomas Reyk")}
    assert network.number_of_nodes() == 8  # actors stay, with their degree in this network
    assert sum(d["degree"] for _, d in network.nodes(data=True)) == 2


def test_reads_the_same_from_turtle(sample_graph):
    reread = Graph().parse(data=sample_graph.serialize(format="turtle"), format="turtle")
    first, second = actor_network(sample_graph), actor_network(reread)
    assert dict(first.nodes(data=True)) == dict(second.nodes(data=True))
    assert sorted(first.edges(keys=True, data="weight")) == sorted(second.edges(keys=True, data="weight"))


def test_direct_triple_without_evidence_counts_once(sample_graph):
    quint, velm = mint("person", "Mara Quint"), mint("place", "Velm")
    sample_graph.add((quint, predicate_iri("basedIn"), velm))
    network = actor_network(sample_graph)
    data = network.get_edge_data(str(quint), str(velm), "basedIn")
    assert data["weight"] == 1 and data["confidence"] == 1.0 and data["evidence"] == []


def test_injection_names_are_kept_verbatim(injection_graph):
    network = actor_network(injection_graph)
    labels = {d["label"] for _, d in network.nodes(data=True)}
    assert "<script>alert(1)</script>" in labels and 'Kim "The Boss" {Jr}' in labels
    assert "北方渔业委员会" in labels and "مجلس المدينة" in labels


def test_local_name():
    assert local_name(NS + "metWith") == "metWith"
    assert local_name(str(predicate_iri("caf\u00e9 talks"))) == "caf\u00e9 talks"
    assert local_name("https://schema.org/City") == "City"


def test_most_connected_ranks_by_degree_then_label():
    network = nx.MultiDiGraph()
    network.add_edges_from([("a", "b"), ("a", "c"), ("b", "c"), ("d", "a")])
    network.add_node("e")
    assert most_connected(network, 2) == ["a", "b"]  # b and c tie on degree; the id decides
    assert most_connected(network, 10)[-1] == "e"
    assert most_connected(network, 0) == []


def test_article_sources_lists_where_articles_came_from(sample_graph):
    assert article_sources(sample_graph) == sorted(set(article_sources(sample_graph)))
    assert "views/ostrand.txt" in article_sources(sample_graph)


def test_node_size_grows_with_degree():
    assert node_size(0, 0, 100) == 8.0 and node_size(100, 0, 100) == 36.0
    assert node_size(1, 0, 100) < node_size(25, 0, 100) < node_size(100, 0, 100)
    assert node_size(3, 3, 3) == 22.0


def test_numbers_are_python_numbers_after_turtle(sample_graph):
    # Read back from Turtle, gb:confidence is an xsd:decimal (Decimal in Python); the network holds floats.
    reread = Graph().parse(data=sample_graph.serialize(format="turtle"), format="turtle")
    st = next(iter(reread.subjects(URIRef(NS + "confidence"), None)))
    assert isinstance(reread.value(st, URIRef(NS + "confidence")).toPython(), Decimal)
    network = actor_network(reread)
    assert all(type(d["confidence"]) is float for _, _, d in network.edges(data=True))
    assert all(type(e["start"]) is int for _, _, d in network.edges(data=True) for e in d["evidence"])


def test_a_malformed_count_reads_as_zero(sample_graph):
    quint = mint("person", "Mara Quint")
    sample_graph.remove((quint, URIRef(NS + "mentionCount"), None))
    sample_graph.add((quint, URIRef(NS + "mentionCount"), Literal("seven")))
    assert actor_network(sample_graph).nodes[str(quint)]["mentions"] == 0
