"""The vocabulary: closed namespace, IRI minting, predicate declarations."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graphbuild.vocab import (GB, SCHEMA, actor_type_of, describe_predicate, mint, predicate_info,
                              predicate_iri, type_class)

HOSTILE = ['Kim "The Boss" {Jr}', "<script>alert(1)</script>", "back\\slash", "emoji 🙂 name",
           "محمد بن سلمان", "習近平", "a b\tc\nd", "", "100%", "#hash?query&x=y"]


def test_unknown_term_is_an_error():
    with pytest.raises(AttributeError):
        GB.sentense  # noqa: B018 - a typo must not mint a new IRI


@pytest.mark.parametrize("name", HOSTILE)
def test_minted_iris_give_valid_turtle(name):
    graph = Graph()
    iri = mint("actor", name)
    graph.add((iri, RDFS.label, Literal(name)))
    text = graph.serialize(format="turtle")
    back = Graph().parse(data=text, format="turtle")
    assert (iri, RDFS.label, Literal(name)) in back


def test_minting_is_stable_and_distinguishes_names():
    assert mint("actor", "Ana Silva") == mint("actor", "Ana Silva")
    assert mint("actor", "Ana Silva") != mint("actor", "Ana Silvá")
    assert mint("person", "X") != mint("place", "X")


def test_predicates_declared_with_label_and_symmetry():
    graph = Graph()
    iri = describe_predicate(graph, "foughtWith", "clashed with")
    assert iri == predicate_iri("foughtWith")
    assert (iri, RDFS.label, Literal("fought with")) in graph  # the vocabulary's label, whatever the phrase
    assert (iri, RDF.type, OWL.SymmetricProperty) in graph
    assert (predicate_iri("killed"), RDF.type, OWL.SymmetricProperty) not in graph


def test_a_predicate_read_from_an_older_graph_keeps_its_label():
    graph = Graph()
    describe_predicate(graph, "calledIn", "called in")
    assert (predicate_iri("calledIn"), RDFS.label, Literal("called in")) in graph


def test_structural_predicates_have_documented_labels():
    assert predicate_info("primeMinisterOf").label == "prime minister of"
    assert predicate_info("quotedBy").kind == "structural"
    assert predicate_info("invited").kind == "event"
    assert predicate_info("invited").event_type == "CONSULT"
    assert predicate_info("livesIn").kind == "structural"


def test_type_classes():
    assert type_class("Place", "City") == SCHEMA.City
    assert type_class("Person", "City") == SCHEMA.Person  # a subtype that does not fit is ignored
    assert actor_type_of(SCHEMA.NewsMediaOrganization) == "Organization"
    assert actor_type_of(URIRef("https://schema.org/NewsArticle")) is None


def test_every_structural_predicate_is_a_closed_namespace_term():
    from graphbuild.vocab import STRUCTURAL

    assert all(getattr(GB, name) == predicate_iri(name) for name in STRUCTURAL)
