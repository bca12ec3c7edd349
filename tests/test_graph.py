"""Building the RDF graph from records."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graphbuild.graph import build_graph
from graphbuild.records import Actor, Mention, Relation
from graphbuild.vocab import GB, SCHEMA, predicate_iri

SENTENCE = "Chancellor Ana Ruiz invited the Pacific Trade Council to Lima."


def _ruiz_article(make_result, extra_relations=()):
    actors = [
        Actor("Ana Ruiz", "Ana Ruiz", "Person", aliases=("Ruiz",),
              mentions=(Mention("Ana Ruiz", 11, 19), Mention("Ruiz", 80, 84))),
        Actor("Pacific Trade Council", "Pacific Trade Council", "Organization", aliases=("PTC",),
              mentions=(Mention("Pacific Trade Council", 32, 53),)),
        Actor("Lima", "Lima", "Place", subtype="City", mentions=(Mention("Lima", 57, 61),)),
    ]
    relations = [Relation("Ana Ruiz", "invited", "Pacific Trade Council", SENTENCE, 0, len(SENTENCE), 0.8, "svo",
                          label="invited"), *extra_relations]
    return make_result("Summit", SENTENCE, actors, relations)


def test_actors_are_typed_labelled_and_aliased(make_result):
    graph = build_graph([_ruiz_article(make_result)])
    ruiz = next(graph.subjects(RDFS.label, Literal("Ana Ruiz")))
    assert (ruiz, RDF.type, SCHEMA.Person) in graph
    assert (ruiz, SKOS.altLabel, Literal("Ruiz")) in graph
    assert (ruiz, GB.mentionCount, Literal(2)) in graph
    lima = next(graph.subjects(RDFS.label, Literal("Lima")))
    assert (lima, RDF.type, SCHEMA.City) in graph


def test_relation_is_a_direct_triple_with_evidence(make_result):
    graph = build_graph([_ruiz_article(make_result)])
    ruiz = next(graph.subjects(RDFS.label, Literal("Ana Ruiz")))
    council = next(graph.subjects(RDFS.label, Literal("Pacific Trade Council")))
    invited = predicate_iri("invited")
    assert (ruiz, invited, council) in graph
    statement = next(graph.subjects(RDF.predicate, invited))
    assert (statement, RDF.subject, ruiz) in graph
    assert (statement, GB.sentence, Literal(SENTENCE)) in graph
    article = graph.value(statement, PROV.wasDerivedFrom)
    assert (article, RDF.type, SCHEMA.NewsArticle) in graph
    assert (article, SCHEMA.mentions, ruiz) in graph


def test_hypothetical_relation_is_evidence_only(make_result):
    maybe = Relation("Pacific Trade Council", "sanctioned", "Ana Ruiz", "If the council sanctioned Ruiz...",
                     70, 100, 0.5, "svo", hypothetical=True)
    graph = build_graph([_ruiz_article(make_result, [maybe])])
    sanctioned = predicate_iri("sanctioned")
    assert not list(graph.triples((None, sanctioned, None)))
    statement = next(graph.subjects(RDF.predicate, sanctioned))
    assert (statement, GB.hypothetical, Literal(True)) in graph


def test_same_actor_across_articles_is_one_node(make_result):
    first = _ruiz_article(make_result)
    second = make_result("Later", "The PTC met.", [
        Actor("PTC", "PTC", "Organization", mentions=(Mention("PTC", 4, 7),))], [])
    graph = build_graph([first, second])
    councils = set(graph.subjects(RDF.type, SCHEMA.Organization))
    assert len(councils) == 1
