"""Dates in the graph and its views: schema:datePublished, first and last dates, the timeline query.

The graphs are the invented two-article sample of tests/data/views_sample.json, its articles dated
by the ``dated_graph`` fixture: the harbour story on 2024-01-07, the Ostrand story on 2024-02-03.
"""
from __future__ import annotations

import dataclasses

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS

from graphbuild.graph import build_graph, relation_iri
from graphbuild.graphfile import write_turtle
from graphbuild.network import actor_network
from graphbuild.query import load_graph, run_query
from graphbuild.records import Actor, Mention, Relation
from graphbuild.vocab import GB, SCHEMA, predicate_iri

from conftest import dated_records


def _actor(graph, label):
    return next(graph.subjects(RDFS.label, Literal(label)))


XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD_DATE)


def by_label(network):
    return {data["label"]: node for node, data in network.nodes(data=True)}


def test_article_carries_its_date_as_xsd_date(dated_graph):
    dates = {str(dated_graph.value(doc, SCHEMA.headline)): date
             for doc, date in dated_graph.subject_objects(SCHEMA.datePublished)}
    assert dates == {"Harbour talks resume in Velm": _date("2024-01-07"),
                     "Ostrand invites Veloria to summit": _date("2024-02-03")}


def test_statement_reaches_its_date_through_its_article(dated_graph):
    for statement in dated_graph.subjects(RDF.type, RDF.Statement):
        article = dated_graph.value(statement, PROV.wasDerivedFrom)
        assert dated_graph.value(article, SCHEMA.datePublished) is not None


def test_relation_first_and_last_dates_annotate_the_direct_triple(dated_graph):
    quint, reyk = _actor(dated_graph, "Mara Quint"), _actor(dated_graph, "Tomas Reyk")
    met = predicate_iri("metWith")
    for (s, o), date in {(quint, reyk): "2024-01-07", (reyk, quint): "2024-02-03"}.items():
        assert (s, met, o) in dated_graph
        axiom = relation_iri(s, met, o)
        assert (axiom, RDF.type, OWL.Axiom) in dated_graph
        assert (dated_graph.value(axiom, OWL.annotatedSource), dated_graph.value(axiom, OWL.annotatedProperty),
                dated_graph.value(axiom, OWL.annotatedTarget)) == (s, met, o)
        assert (dated_graph.value(axiom, GB.firstSeen), dated_graph.value(axiom, GB.lastSeen)) == (_date(date),) * 2


def test_a_relation_stated_on_several_dates_spans_them(make_result):
    text = "Lena Moravec met Piet Dorn."
    actors = (Actor("a", "Lena Moravec", "Person", mentions=(Mention("Lena Moravec", 0, 12),)),
              Actor("b", "Piet Dorn", "Person", mentions=(Mention("Piet Dorn", 17, 26),)))
    relation = (Relation("a", "metWith", "b", text, 0, len(text), 0.7, "svo"),)
    results = []
    for n, date in enumerate(["2024-05-02", "2023-11-20", "", "2024-01-15"]):
        result = make_result(f"Talks {n}", text, actors, relation, source=f"{n}.txt")
        results.append(dataclasses.replace(result, article=dataclasses.replace(result.article, date=date)))
    graph = build_graph(results)
    axiom = relation_iri(_actor(graph, "Lena Moravec"), predicate_iri("metWith"), _actor(graph, "Piet Dorn"))
    assert (graph.value(axiom, GB.firstSeen), graph.value(axiom, GB.lastSeen)) == (_date("2023-11-20"),
                                                                                   _date("2024-05-02"))
    moravec = _actor(graph, "Lena Moravec")
    assert (graph.value(moravec, GB.firstSeen), graph.value(moravec, GB.lastSeen)) == (_date("2023-11-20"),
                                                                                       _date("2024-05-02"))


def test_hypothetical_statements_give_no_dates(dated_graph):
    ostrand, veloria = _actor(dated_graph, "Ostrand"), _actor(dated_graph, "Veloria")
    assert (relation_iri(ostrand, predicate_iri("sanctioned"), veloria), None, None) not in dated_graph


def test_undated_graph_has_no_date_triples(sample_graph):
    assert not any(sample_graph.triples((None, SCHEMA.datePublished, None)))
    assert not any(sample_graph.triples((None, GB.firstSeen, None)))
    assert not any(sample_graph.subjects(RDF.type, OWL.Axiom))


def test_partly_dated_graph_dates_only_what_dated_articles_say():
    graph = build_graph(dated_records({"views/ostrand.txt": "2024-02-03"}))
    network = actor_network(graph)
    names = by_label(network)
    assert network.nodes[names["Velm"]]["first_seen"] == ""  # named only in the undated article
    assert network.nodes[names["Mara Quint"]]["first_seen"] == "2024-02-03"
    met = network.get_edge_data(*sorted([names["Mara Quint"], names["Tomas Reyk"]]), "metWith")
    assert (met["first_seen"], met["last_seen"]) == ("2024-02-03", "2024-02-03")
    assert sorted(ev["date"] for ev in met["evidence"]) == ["", "2024-02-03"]


# --- the networkx view (the page and the exports read it) ---------------------------------------


def test_network_edges_nodes_and_evidence_carry_dates(dated_graph):
    network = actor_network(dated_graph)
    names = by_label(network)
    quint, reyk = names["Mara Quint"], names["Tomas Reyk"]
    met = network.get_edge_data(*sorted([quint, reyk]), "metWith")  # symmetric: one edge, both statements
    assert (met["first_seen"], met["last_seen"]) == ("2024-01-07", "2024-02-03")
    assert sorted(ev["date"] for ev in met["evidence"]) == ["2024-01-07", "2024-02-03"]
    assert (network.nodes[quint]["first_seen"], network.nodes[quint]["last_seen"]) == ("2024-01-07", "2024-02-03")
    ostrand = network.nodes[names["Ostrand"]]
    assert (ostrand["first_seen"], ostrand["last_seen"]) == ("2024-02-03", "2024-02-03")


def test_confidence_filter_narrows_an_edges_dates(dated_graph):
    network = actor_network(dated_graph, min_confidence=0.72)  # keeps the 0.75 statement of 2024-02-03 only
    names = by_label(network)
    met = network.get_edge_data(*sorted([names["Mara Quint"], names["Tomas Reyk"]]), "metWith")
    assert (met["first_seen"], met["last_seen"]) == ("2024-02-03", "2024-02-03")


def test_undated_network_has_empty_dates(sample_graph):
    network = actor_network(sample_graph)
    assert all(d["first_seen"] == d["last_seen"] == "" for _, d in network.nodes(data=True))
    assert all(d["first_seen"] == d["last_seen"] == "" for _, _, d in network.edges(data=True))
    assert all(ev["date"] == "" for _, _, d in network.edges(data=True) for ev in d["evidence"])


def test_dates_survive_turtle_and_oxigraph(dated_graph, tmp_path):
    write_turtle(dated_graph, tmp_path / "graph.ttl")
    back = actor_network(load_graph(tmp_path / "graph.ttl"))
    names = by_label(back)
    met = back.get_edge_data(*sorted([names["Mara Quint"], names["Tomas Reyk"]]), "metWith")
    assert (met["first_seen"], met["last_seen"]) == ("2024-01-07", "2024-02-03")


# --- the timeline query --------------------------------------------------------------------------


def test_timeline_lists_statements_in_date_order_undated_last(tmp_path):
    graph = build_graph(dated_records({"views/ostrand.txt": "2023-12-01"}))
    rows = run_query(graph, "timeline").rows
    dates = [row[0] for row in rows]
    assert dates == sorted(d for d in dates if d) + [""] * dates.count("")
    assert dates[0] == "2023-12-01" and dates[-1] == ""
    assert "sanctioned" not in {row[2] for row in rows}  # a hypothetical statement is no event


def test_timeline_bound_to_a_subject_and_to_a_pair(dated_graph, tmp_path):
    write_turtle(dated_graph, tmp_path / "graph.ttl")
    graph = load_graph(tmp_path / "graph.ttl")
    result = run_query(graph, "timeline", {"subject": "Tomas Reyk"})
    assert result.columns[:4] == ("date", "subject", "relation", "object")
    assert [(r[0], r[2], r[3]) for r in result.rows] == [("2024-02-03", "leader of", "Ostrand"),
                                                         ("2024-02-03", "met with", "Mara Quint")]
    pair = run_query(graph, "timeline", {"subject": "Mara Quint", "object": "Tomas Reyk"})
    assert [(r[0], r[2], r[4]) for r in pair.rows] == [
        ("2024-01-07", "met with", "President Mara Quint of Veloria met Tomas Reyk in Velm on Monday.")]
