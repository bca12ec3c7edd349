"""Queries: bundled names, .rq files, formats, and refusing what reaches outside."""
from __future__ import annotations

import json

import pytest

from graphbuild.errors import GraphbuildError, QueryError
from graphbuild.graph import build_graph
from graphbuild.query import bundled_queries, format_result, load_graph, run_query
from graphbuild.records import Actor, Mention, Relation

SENTENCE = "Governor Lena Park told the Harbor Gazette that Norway would help."


@pytest.fixture
def graph(make_result):
    actors = [Actor("Lena Park", "Lena Park", "Person", aliases=("Park",), mentions=(Mention("Lena Park", 9, 18),)),
              Actor("Harbor Gazette", "Harbor Gazette", "Organization", mentions=(Mention("Harbor Gazette", 28, 42),)),
              Actor("Norway", "Norway", "Country", mentions=(Mention("Norway", 48, 54),))]
    relations = [Relation("Lena Park", "quotedBy", "Harbor Gazette", SENTENCE, 0, len(SENTENCE), 0.9, "attribution")]
    return build_graph([make_result("Park speaks", SENTENCE, actors, relations)])


def test_bundled_queries_exist():
    assert {"actors", "relations", "evidence"} <= set(bundled_queries())


def test_relations_answer_who_did_what(graph):
    result = run_query(graph, "relations")
    assert result.columns == ("subject", "relation", "object", "weight")
    assert result.rows == (("Lena Park", "quoted by", "Harbor Gazette", "1"),)


def test_evidence_gives_the_sentence(graph):
    result = run_query(graph, "evidence")
    row = dict(zip(result.columns, result.rows[0]))
    assert row["sentence"] == SENTENCE
    assert row["article"] == "Park speaks"


def test_actors_lists_aliases_and_types(graph):
    rows = {r[1]: r for r in run_query(graph, "actors").rows}
    assert rows["Lena Park"][2] == "Person"
    assert rows["Lena Park"][4] == "Park"


def test_bindings_are_values_not_text(graph):
    query = "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    assert len(run_query(graph, query, {"name": "Norway"}).rows) == 1
    assert run_query(graph, query, {"name": 'Norway" } UNION { ?s ?p ?o'}).rows == ()


def test_rq_file(graph, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/Country> }")
    assert run_query(graph, str(path)).rows == (("1",),)


@pytest.mark.parametrize("query, words", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/g.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("LOAD <http://example.org/g.ttl>", "updates"),
    ("DROP ALL", "updates"),
    ("SELECT ?s WHERE { ?s ?p }", "does not parse"),
])
def test_refused_queries(graph, query, words):
    with pytest.raises(QueryError, match=words):
        run_query(graph, query)


def test_formats(graph):
    result = run_query(graph, "relations")
    assert json.loads(format_result(result, "json"))[0]["object"] == "Harbor Gazette"
    assert format_result(result, "csv").splitlines()[0] == "subject,relation,object,weight"
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["subject", "relation", "object", "weight"]
    assert table[-1] == "(1 row)"


def test_load_graph_errors(tmp_path):
    with pytest.raises(GraphbuildError, match="no such graph file"):
        load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is { not turtle")
    with pytest.raises(GraphbuildError, match="not a readable RDF graph"):
        load_graph(bad)
