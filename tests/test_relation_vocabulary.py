"""The event vocabulary, the declared constructions and the predicates they name.

Data: graphbuild/data/relations_events.tsv (words -> predicates), relations_light_verbs.tsv,
relations_constructions.tsv, relations_structure.tsv; declarations: graphbuild/vocab.py.
"""
from __future__ import annotations

import pytest

from graphbuild import lexicon, vocab
from graphbuild.records import ACTOR_TYPES
from graphbuild.rules import core, events, modifiers, roles
from graphbuild.rules.constructions import constructions

ENTRIES = [e for found in events.vocabulary().values() for e in found]


def test_every_predicate_the_rules_state_is_declared():
    stated = {e.predicate for e in ENTRIES} | {e.stopped for e in ENTRIES if e.stopped}
    stated |= {p.lstrip("~") for *_, p in core.structure_table()}
    stated |= set(roles.role_table().values())
    stated |= {p for p, _ in modifiers.HYPHEN_COMPOUNDS.values()}
    stated |= {"quotedBy", "writesFor", "told", "represents", "partOf", "basedIn"}
    assert stated <= set(vocab.PREDICATES), stated - set(vocab.PREDICATES)


def test_event_types_are_plover_types():
    for name, info in vocab.EVENTS.items():
        assert info.kind == "event"
        assert info.event_type in (*vocab.PLOVER_TYPES, ""), name
    assert all(info.kind == "structural" and not info.event_type for info in vocab.STRUCTURAL.values())


def test_one_event_is_one_predicate_however_it_is_worded():
    killing = {e.trigger for e in ENTRIES if e.predicate == "killed"}
    assert {"kill", "murder", "assassinate", "shoot dead", "assassination"} <= killing
    assert {e.predicate for e in ENTRIES if e.trigger in ("meet", "talk", "negotiation", "summit")} == {"metWith"}


def test_entries_are_well_formed():
    kinds = {"-", "'s", "between"}
    for e in ENTRIES:
        assert e.pos in ("verb", "noun", "adj"), e
        assert e.preps, e
        for prep in e.preps:
            assert prep in kinds or prep.isalpha() or prep.startswith(("%", "pass:")), e
        for condition in (e.subject, e.object):
            assert condition is None or condition.types <= set(ACTOR_TYPES), e
        assert not (e.agentive and e.pos == "verb"), e


def test_no_line_says_one_thing_twice():
    rows = lexicon.rows("relations_events.tsv")
    assert len(rows) == len(set(rows))


def test_symmetric_events_can_be_read_both_ways():
    for e in ENTRIES:
        if e.mutual or "between" in e.preps:
            assert vocab.predicate_info(e.predicate).symmetric or e.predicate in ("mediated",), e


def test_carrier_verbs_are_light_receive_guilt_or_stop():
    assert set(events.carrier_verbs().values()) <= {"light", "receive", "guilt", "stop"}


def test_constructions_have_a_confidence_and_their_links_exist():
    from graphbuild.rules.paths import all_paths

    links = {p.link for p in all_paths()} | {"self"}
    for c in constructions().values():
        assert 0 < c.confidence <= 1, c
        assert c.trigger in ("verb", "noun", "actor", "rule"), c
        assert (c.subject_links | c.object_links) <= links, c


@pytest.mark.model
def test_every_construction_stated_is_declared(nlp):
    """Every relation on the sentences of the tests' fixtures names a declared construction."""
    from pathlib import Path

    from graphbuild.actors import find_actors
    from graphbuild.relations import find_relations
    from graphbuild.rules.paths import all_paths

    here = Path(__file__).parent / "data"
    sentences = [p.example.replace("[", "").replace("]", "") for p in all_paths()]
    sentences += [line.split("\t")[0] for line in (here / "event_sentences.tsv").read_text().splitlines()
                  if line and not line.startswith("#")]
    seen = set()
    for doc in nlp.pipe(sentences):
        seen |= {r.construction for r in find_relations(doc, find_actors(doc))}
    assert seen and seen <= set(constructions()), seen - set(constructions())


def test_every_predicate_gets_its_event_type_in_the_graph():
    from rdflib import Graph, Literal

    graph = Graph()
    iri = vocab.describe_predicate(graph, "killed", "shot dead")
    assert (iri, vocab.GB.eventType, Literal("ASSAULT")) in graph
    assert (iri, vocab.RDFS.label, Literal("killed")) in graph  # the surface phrase is the statement's label
