"""Shapes that read a relation the sentence does not state, found by reading BBC output (issue 11).

Each case: a sentence written for the test, the actors it names (surface form -> key, type and
subtype), the triples that must be stated and the ones that must not.
"""
from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from graphbuild.records import COUNTRY, ORGANIZATION, PERSON, PLACE, Actor, ActorTable
from graphbuild.relations import find_relations

P, O, C, L = PERSON, ORGANIZATION, COUNTRY, PLACE


def _table(doc: Doc, actors: dict[str, tuple]) -> ActorTable:
    """Every whole-word occurrence of each surface form mapped to its actor; a shorter form inside a
    longer one is its own actor, as the actor stage maps "Canada" in "Royal Bank of Canada"."""
    token_actor: dict[int, str] = {}
    for surface, (key, *_) in sorted(actors.items(), key=lambda kv: -len(kv[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", doc.text):
            for token in doc.char_span(match.start(), match.end(), alignment_mode="expand"):
                token_actor[token.i] = key
    seen: dict[str, Actor] = {}
    for key, kind, *rest in actors.values():
        seen.setdefault(key, Actor(key=key, label=key, type=kind, subtype=rest[0] if rest else ""))
    return ActorTable(actors=tuple(seen.values()), token_actor=token_actor, pronoun_tokens=frozenset())


@pytest.fixture(scope="module")
def stated(nlp):
    def read(text: str, actors: dict) -> tuple[set, set]:
        doc = nlp(text)
        relations = list(find_relations(doc, _table(doc, actors)))
        return ({(r.subject, r.predicate, r.object) for r in relations if not r.hypothetical},
                {(r.subject, r.predicate, r.object) for r in relations if r.hypothetical})
    return read


CASES = [
    # a name's own "of" phrase says where a bank or council is, not that it is a body of that state
    pytest.param("The Royal Bank of Canada cut its mortgage rates on Monday.",
                 {"Royal Bank of Canada": ("Royal Bank of Canada", O), "Canada": ("Canada", C)},
                 {("Royal Bank of Canada", "basedIn", "Canada")}, {("Royal Bank of Canada", "partOf", "Canada")},
                 id="a-bank-named-of-a-country-is-no-part-of-its-state"),
    pytest.param("The Islamic Council of Norway criticised the new law.",
                 {"Islamic Council of Norway": ("Islamic Council of Norway", O), "Norway": ("Norway", C)},
                 {("Islamic Council of Norway", "basedIn", "Norway")},
                 {("Islamic Council of Norway", "partOf", "Norway")}, id="a-council-named-of-a-country"),
    pytest.param("The Supreme Court of Chile ruled against the miners.",
                 {"Supreme Court of Chile": ("Supreme Court of Chile", O), "Chile": ("Chile", C)},
                 {("Supreme Court of Chile", "partOf", "Chile")}, set(), id="a-court-of-a-country-is-its-state-s"),
    # a firm's possession that nothing says is a body is a product, no part of the firm
    pytest.param("Sales of Apple's Zune rose sharply in May.", {"Apple": ("Apple", O, "Corporation"), "Zune": ("Zune", O)},
                 set(), {("Zune", "partOf", "Apple")}, id="a-firm-s-product-is-no-part"),
    pytest.param("Harvard's Kennedy School opened a campus.",
                 {"Harvard": ("Harvard", O), "Kennedy School": ("Kennedy School", O, "EducationalOrganization")},
                 {("Kennedy School", "partOf", "Harvard")}, set(), id="a-school-of-a-university-is-a-part"),
    # a head role of a part of its possessor: a region or a function between them
    pytest.param("Ian Reed, Labour's campaign chief, said the party would win.",
                 {"Ian Reed": ("Reed", P), "Labour": ("Labour", O, "PoliticalParty")},
                 {("Reed", "affiliatedWith", "Labour")}, {("Reed", "leaderOf", "Labour")},
                 id="a-campaign-chief-is-no-party-leader"),
    pytest.param("Carla Diaz, Nokia's Asian president, said sales were strong.",
                 {"Carla Diaz": ("Diaz", P), "Nokia": ("Nokia", O), "Asian": ("Asians", O)},
                 {("Diaz", "affiliatedWith", "Nokia")}, {("Diaz", "presidentOf", "Nokia"), ("Diaz", "presidentOf", "Asians")},
                 id="a-regional-president-heads-a-branch"),
    pytest.param("Alan Fox, Apple's chief executive, spoke on Monday.", {"Alan Fox": ("Fox", P), "Apple": ("Apple", O)},
                 {("Fox", "leaderOf", "Apple")}, set(), id="a-chief-executive-still-leads"),
    # a country inside a firm's name is no employer
    pytest.param("Jane Doe, Samsung UK marketing manager, said the phone would sell well.",
                 {"Jane Doe": ("Doe", P), "Samsung": ("Samsung", O), "UK": ("United Kingdom", C)},
                 {("Doe", "worksFor", "Samsung")}, {("Doe", "worksFor", "United Kingdom")},
                 id="a-country-in-a-firm-s-name"),
    # "director of X in Y": where X's branch is, not where the director lives
    pytest.param('Jim Bell, chief executive of Acme Mobile in the UK, said: "We are growing."',
                 {"Jim Bell": ("Bell", P), "Acme Mobile": ("Acme Mobile", O), "UK": ("United Kingdom", C)},
                 {("Bell", "leaderOf", "Acme Mobile")}, {("Bell", "livesIn", "United Kingdom")},
                 id="a-branch-s-place-is-no-home"),
    # "<party>'s X" is the party's member; a place of no known kind owns no one
    pytest.param("Labour's Ann Hale said the plan was wrong.",
                 {"Labour": ("Labour", O, "PoliticalParty"), "Ann Hale": ("Hale", P)},
                 {("Hale", "memberOf", "Labour")}, {("Hale", "worksFor", "Labour")}, id="a-party-s-person-is-a-member"),
    pytest.param("Vantix's Tom Hill told reporters the bid was too low.",
                 {"Vantix": ("Vantix", L), "Tom Hill": ("Hill", P)},
                 set(), {("Hill", "livesIn", "Vantix")}, id="a-place-of-no-kind-owns-no-one"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actors", "present", "absent"), CASES)
def test_precision_shapes(stated, text, actors, present, absent):
    asserted, _ = stated(text, actors)
    assert present <= asserted, asserted
    assert not absent & asserted, asserted


HYPOTHETICALS = [
    pytest.param("Acme Corp, the firm widely tipped to buy Zeta Systems, declined to comment.",
                 {"Acme Corp": ("Acme", O), "Zeta Systems": ("Zeta", O)}, ("Acme", "acquired", "Zeta"), id="tipped-to"),
    pytest.param("Lord Smith recommended replacing Sir John Keane as chairman.",
                 {"Smith": ("Smith", P), "John Keane": ("Keane", P)}, ("Smith", "replaced", "Keane"), id="recommended"),
    pytest.param("Tom Reed advocated expelling Kenya from the group.",
                 {"Tom Reed": ("Reed", P), "Kenya": ("Kenya", C)}, ("Reed", "expelled", "Kenya"), id="advocated"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actors", "triple"), HYPOTHETICALS)
def test_recommended_or_tipped_acts_are_hypothetical(stated, text, actors, triple):
    asserted, supposed = stated(text, actors)
    assert triple in supposed
    assert triple not in asserted


@pytest.mark.model
def test_members_of_one_list_act_on_none_of_the_others(stated):
    names = ("Vantix", "Corvel", "Zeta")
    for text in ("The group reported record sales of Vantix, Corvel and Zeta last year.",
                 "Sales of Vantix and Corvel rose in May."):
        asserted, _ = stated(text, {n: (n, O) for n in names})
        assert not {t for t in asserted if t[0] in names and t[2] in names}, asserted


@pytest.mark.model
def test_the_newspaper_is_no_organization_but_an_outlet(stated):
    actors = {"Jim Reed": ("Reed", P), "Corvex": ("Corvex", O)}
    asserted, _ = stated('"Growth is slow," Jim Reed, an economist with Corvex, told the newspaper.', actors)
    assert ("Reed", "affiliatedWith", "Corvex") in asserted
    assert ("Reed", "quotedBy", "Corvex") not in asserted


DESCRIBED = [
    # "the company" as a main clause's subject is what the sentence before was about, not its last firm
    pytest.param("Acme Steel sued two lenders on Monday. Acme Steel says that a loan to Zeta Mining by Corvel Bank "
                 "was unlawful. The company also accused Corvel Bank of fraud.",
                 {"Acme Steel": ("Acme Steel", O, "Corporation"), "Zeta Mining": ("Zeta Mining", O),
                  "Corvel Bank": ("Corvel Bank", O, "Corporation")},
                 {("Acme Steel", "accused", "Corvel Bank")}, {("Zeta Mining", "accused", "Corvel Bank")},
                 id="the-company-is-the-last-sentence-s-subject"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actors", "present", "absent"), DESCRIBED)
def test_definite_descriptions_of_companies(stated, text, actors, present, absent):
    asserted, supposed = stated(text, actors)
    assert present <= asserted, asserted
    assert not absent & (asserted | supposed), asserted | supposed
