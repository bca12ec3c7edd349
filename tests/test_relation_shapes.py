"""Sentence shapes of political and news writing that state a relation between two actors named
close together: a role noun the parser hung a name's apposition beside, comitative companions
("along with"), a person's party named in apposition, a party in brackets after a name, "-born"
compounds, where an event took place, candidacies ("ran for"), election to a body, coalitions
formed, what kind of organization a party is, coordinated roles, names listed after a plural noun,
roles held "under" a person, adjectives of the event vocabulary ("critical of", "loyal to") and a
place fronted before a clause ("In Norway, ..."). Every sentence was written for this test."""
from __future__ import annotations

import dataclasses

import pytest

from graphbuild.records import COUNTRY, ORGANIZATION, PERSON, PLACE
from graphbuild.relations import find_relations
from test_relations import table_for, triples

P, O, C, L = PERSON, ORGANIZATION, COUNTRY, PLACE
#: Actors the tests give a subtype (as the actor stage does for a party's name).
SUBTYPES = {"Green Party": "PoliticalParty"}


def relations_of(nlp, text: str, actors: dict):
    """The relations found in ``text`` with ``actors`` as its actors, parties typed as parties."""
    doc = nlp(text)
    table = table_for(doc, actors)
    typed = tuple(dataclasses.replace(a, subtype=SUBTYPES.get(a.key, a.subtype)) for a in table.actors)
    return list(find_relations(doc, dataclasses.replace(table, actors=typed)))

SHAPES = [
    pytest.param(
        "Norway's ambassador to Chile, Ingrid Dahl, said the talks would resume.",
        {"Norway": ("Norway", C), "Chile": ("Chile", C), "Ingrid Dahl": ("Dahl", P)},
        {("Dahl", "worksFor", "Norway")}, id="role-apposition-hung-on-the-roles-object"),
    pytest.param(
        "The leader of the Green Party, Ingrid Dahl, spoke on Monday.",
        {"Green Party": ("Green Party", O), "Ingrid Dahl": ("Dahl", P)},
        {("Dahl", "leaderOf", "Green Party")}, id="leader-of-a-party-apposition"),
    pytest.param(
        "Ingrid Dahl, along with Jonas Berg, criticized the Farmers' Union.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P), "Farmers' Union": ("Farmers' Union", O)},
        {("Dahl", "criticized", "Farmers' Union"), ("Berg", "criticized", "Farmers' Union")},
        id="along-with-shares-the-subjects-act"),
    pytest.param(
        "Ingrid Dahl, together with Jonas Berg and Ola Lie, was a member of the Green Party.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P), "Ola Lie": ("Lie", P),
         "Green Party": ("Green Party", O)},
        {("Dahl", "memberOf", "Green Party"), ("Berg", "memberOf", "Green Party"),
         ("Lie", "memberOf", "Green Party")}, id="together-with-shares-the-copulas-role"),
    pytest.param(
        "Ingrid Dahl's own party, the Green Party, won a third of the vote.",
        {"Ingrid Dahl": ("Dahl", P), "Green Party": ("Green Party", O)},
        {("Dahl", "memberOf", "Green Party")}, id="a-persons-party-in-apposition"),
    pytest.param(
        "Ingrid Dahl (the Green Party) won the seat.",
        {"Ingrid Dahl": ("Dahl", P), "Green Party": ("Green Party", O)},
        {("Dahl", "affiliatedWith", "Green Party")}, id="a-party-in-brackets-after-a-name"),
    pytest.param(
        "The Bergen-born Ingrid Dahl spoke first.",
        {"Bergen": ("Bergen", L), "Ingrid Dahl": ("Dahl", P)},
        {("Dahl", "bornIn", "Bergen")}, id="place-born-compound"),
    pytest.param(
        "In Oslo on Friday, Ingrid Dahl met Jonas Berg.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P), "Oslo": ("Oslo", L)},
        {("Dahl", "metWith", "Berg"), ("Dahl", "presentIn", "Oslo"), ("Berg", "presentIn", "Oslo")},
        id="where-a-meeting-took-place"),
    # candidacy, election to a body, coalitions, what a party is
    pytest.param(
        "Ingrid Dahl ran for the National Assembly in 2009.",
        {"Ingrid Dahl": ("Dahl", P), "National Assembly": ("National Assembly", O)},
        {("Dahl", "ranFor", "National Assembly")}, id="ran-for-a-body"),
    pytest.param(
        "Ingrid Dahl stood for the Green Party in Bergen.",
        {"Ingrid Dahl": ("Dahl", P), "Green Party": ("Green Party", O), "Bergen": ("Bergen", L)},
        {("Dahl", "ranFor", "Green Party")}, id="stood-for-a-party"),
    pytest.param(
        "Ingrid Dahl campaigned for Jonas Berg in the city elections.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P)},
        {("Dahl", "supported", "Berg")}, id="campaigned-for-a-person"),
    pytest.param(
        "Ingrid Dahl was elected to the National Assembly in 2009.",
        {"Ingrid Dahl": ("Dahl", P), "National Assembly": ("National Assembly", O)},
        {("Dahl", "memberOf", "National Assembly")}, id="elected-to-a-body"),
    pytest.param(
        "The Green Party formed a coalition with the Farmers' Union.",
        {"Green Party": ("Green Party", O), "Farmers' Union": ("Farmers' Union", O)},
        {("Green Party", "alliedWith", "Farmers' Union")}, id="formed-a-coalition-with"),
    pytest.param(
        "The Green Party and the Farmers' Union formed a coalition.",
        {"Green Party": ("Green Party", O), "Farmers' Union": ("Farmers' Union", O)},
        {("Green Party", "alliedWith", "Farmers' Union")}, id="formed-a-coalition-together"),
    pytest.param(
        "The Green Party is a political party in Norway.",
        {"Green Party": ("Green Party", O), "Norway": ("Norway", C)},
        {("Green Party", "basedIn", "Norway")}, id="a-party-in-a-country"),
    # coordinated roles, listed members, "under", adjectives
    pytest.param(
        "Ingrid Dahl was a founder of the Farmers' Union and a member of the Green Party.",
        {"Ingrid Dahl": ("Dahl", P), "Farmers' Union": ("Farmers' Union", O), "Green Party": ("Green Party", O)},
        {("Dahl", "founderOf", "Farmers' Union"), ("Dahl", "memberOf", "Green Party")},
        id="coordinated-roles-after-a-copula"),
    pytest.param(
        "Ingrid Dahl and Ola Lie were supporters of Jonas Berg and opponents of the Green Party.",
        {"Ingrid Dahl": ("Dahl", P), "Ola Lie": ("Lie", P), "Jonas Berg": ("Berg", P),
         "Green Party": ("Green Party", O)},
        {("Dahl", "opposed", "Green Party"), ("Lie", "opposed", "Green Party")},
        id="coordinated-agent-nouns-after-a-copula"),
    pytest.param(
        "Ingrid Dahl met three ministers, Jonas Berg, Ola Lie and Kari Moe.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P), "Ola Lie": ("Lie", P), "Kari Moe": ("Moe", P)},
        {("Dahl", "metWith", "Berg"), ("Dahl", "metWith", "Lie"), ("Dahl", "metWith", "Moe")},
        id="names-listed-after-a-plural-noun"),
    pytest.param(
        "Ingrid Dahl served as finance minister under Jonas Berg.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P)},
        {("Dahl", "worksFor", "Berg")}, id="served-as-a-role-under-a-person"),
    pytest.param(
        "Ingrid Dahl was Secretary of State under President Jonas Berg.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P)},
        {("Dahl", "worksFor", "Berg")}, id="a-role-under-a-person"),
    pytest.param(
        "The Green Party became critical of the Farmers' Union.",
        {"Green Party": ("Green Party", O), "Farmers' Union": ("Farmers' Union", O)},
        {("Green Party", "criticized", "Farmers' Union")}, id="critical-of"),
    pytest.param(
        "Ingrid Dahl remained loyal to Jonas Berg.",
        {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P)},
        {("Dahl", "supported", "Berg")}, id="loyal-to"),
    # a place fronted before its clause
    pytest.param(
        "In Norway, such groups include the Farmers' Union and the Green Party.",
        {"Norway": ("Norway", C), "Farmers' Union": ("Farmers' Union", O), "Green Party": ("Green Party", O)},
        {("Farmers' Union", "presentIn", "Norway"), ("Green Party", "presentIn", "Norway")},
        id="fronted-place-over-what-a-clause-includes"),
    pytest.param(
        "In Norway, several small parties have won seats, such as the Green Party and the Farmers' Union.",
        {"Norway": ("Norway", C), "Farmers' Union": ("Farmers' Union", O), "Green Party": ("Green Party", O)},
        {("Farmers' Union", "presentIn", "Norway"), ("Green Party", "presentIn", "Norway")},
        id="fronted-place-over-a-such-as-list"),
    pytest.param(
        "In Norway, the Green Party was defeated by the Farmers' Union.",
        {"Norway": ("Norway", C), "Farmers' Union": ("Farmers' Union", O), "Green Party": ("Green Party", O)},
        {("Farmers' Union", "presentIn", "Norway"), ("Green Party", "presentIn", "Norway")},
        id="fronted-place-over-subject-and-agent"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actors", "expected"), SHAPES)
def test_shape_states_triples(nlp, text, actors, expected):
    found = triples(relations_of(nlp, text, actors))
    assert expected <= found, f"missing {expected - found}; found {found}"


NOTHING = [
    pytest.param("Ingrid Dahl met Jonas Berg after the vote in 2010.",
                 {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P)},
                 {"presentIn"}, id="a-year-is-no-place"),
    pytest.param("Ingrid Dahl stood by the Green Party.",
                 {"Ingrid Dahl": ("Dahl", P), "Green Party": ("Green Party", O)},
                 {"ranFor"}, id="stood-by-is-support-not-candidacy"),
    pytest.param("In Sweden, Ingrid Dahl criticized Jonas Berg.",
                 {"Sweden": ("Sweden", C), "Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P)},
                 {("Berg", "presentIn", "Sweden")}, id="the-one-acted-on-may-be-elsewhere"),
    pytest.param("Russia intervened in Syria.", {"Russia": ("Russia", C), "Syria": ("Syria", C)},
                 {"presentIn"}, id="the-acted-on-place-is-no-venue"),
    pytest.param("Ingrid Dahl flew home alongside Jonas Berg's rivals in the Green Party.",
                 {"Ingrid Dahl": ("Dahl", P), "Jonas Berg": ("Berg", P), "Green Party": ("Green Party", O)},
                 {"memberOf"}, id="alongside-on-a-verb-shares-no-role"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actors", "predicates"), NOTHING)
def test_shape_states_nothing_more(nlp, text, actors, predicates):
    found = triples(relations_of(nlp, text, actors))
    assert not ({p for _, p, _ in found} | found) & predicates, found
