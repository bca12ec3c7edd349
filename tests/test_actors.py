"""The actor stage on sentences written for the test (other people, countries and organizations
than the sample articles). These need the spaCy model; they share one loaded pipeline."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from graphbuild.actors import find_actors
from graphbuild.records import COUNTRY, ORGANIZATION, PERSON, PLACE, ActorTable

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from graphbuild.nlp import load_pipeline
    return load_pipeline()


def actors_of(nlp, text: str, **kwargs) -> tuple[ActorTable, dict[str, tuple[str, str, set[str]]]]:
    table = find_actors(nlp(text), **kwargs)
    return table, {a.label: (a.type, a.subtype, set(a.aliases)) for a in table.actors}


@pytest.mark.parametrize("text, expected", [
    # titles stripped from the label (the titled form stays a surface form); a surname and its full name are one person
    ("President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Tuesday. "
     "Macron said the talks went well, and Scholz agreed.",
     {"Emmanuel Macron": (PERSON, "", {"Macron", "President Emmanuel Macron"}),
      "Olaf Scholz": (PERSON, "", {"Scholz", "Chancellor Olaf Scholz"}),
      "Berlin": (PLACE, "City", set())}),
    # the surname comes first; spaCy calls it a GPE; "German" points at Germany
    ("Scholz arrived late to the summit. German Chancellor Olaf Scholz then spoke for an hour.",
     {"Olaf Scholz": (PERSON, "", {"Scholz", "Chancellor Olaf Scholz"}), "Germany": (COUNTRY, "", set())}),
    # an acronym in parentheses, and the same acronym later on
    ("The North Atlantic Treaty Organization (NATO) held a summit in Vilnius. Later, NATO said it would expand.",
     {"North Atlantic Treaty Organization": (ORGANIZATION, "", {"NATO"}), "Vilnius": (PLACE, "City", set())}),
    # an acronym not next to its long form, matched by initials
    ("The World Health Organization warned of a new outbreak in Brazil. Officials at the WHO said the risk was high.",
     {"World Health Organization": (ORGANIZATION, "", {"WHO"}), "Brazil": (COUNTRY, "", set())}),
    # a short form of a newspaper named in full
    ("The Wall Street Journal reported the deal on Monday. The Journal said the talks had stalled.",
     {"Wall Street Journal": (ORGANIZATION, "NewsMediaOrganization", {"Journal"})}),
    # demonyms create their country; "-led" too; a demonym's sector noun is a group of that country
    ("French troops entered Mali last year. A Nigerian-led force will replace them, Ghanaian officials said.",
     {"France": (COUNTRY, "", set()), "Mali": (COUNTRY, "", set()), "Nigeria": (COUNTRY, "", set()),
      "Ghana": (COUNTRY, "", set()),
      "France military": (ORGANIZATION, "GovernmentOrganization", {"French troops"}),
      "Ghana government": (ORGANIZATION, "GovernmentOrganization", {"Ghanaian officials"})}),
    # official names and abbreviations to the common name
    ("Officials in the Russian Federation and the U.S. signed the treaty.",
     {"Russia": (COUNTRY, "", {"Russian Federation"}), "United States": (COUNTRY, "", {"U.S."})}),
    # a misspelling of a name used in the same article
    ("Kyrgyzstan closed its border. Trade between Kyrgystan and China fell sharply.",
     {"Kyrgyzstan": (COUNTRY, "", {"Kyrgystan"}), "China": (COUNTRY, "", set())}),
    # a person's first name is that person, even one letter from a country's name
    ("Franck Moreau won the stage in Lyon. Franck said the climb had been hard.",
     {"Franck Moreau": (PERSON, "", set()), "Lyon": (PLACE, "City", set())}),
    # a possessive dropped from an organization's name
    ("Maria Lopez, a researcher at Harvard University's Kennedy School, said the plan was flawed.",
     {"Maria Lopez": (PERSON, "", set()), "Harvard University": (ORGANIZATION, "EducationalOrganization", set()),
      "Kennedy School": (ORGANIZATION, "EducationalOrganization", set())}),
    # a city's name that spaCy calls an organization stays the company
    ("Toyota said on Monday that it would cut output.", {"Toyota": (ORGANIZATION, "", set())}),
    # a name that spaCy takes for a person, set beside an organization noun, is the organization
    ("Lumen Works, the Austin-based chip firm, cut 200 jobs.",
     {"Lumen Works": (ORGANIZATION, "Corporation", set()), "Austin": (PLACE, "City", set())}),
    # a party named after its members, of which spaCy tags only the last word
    ("The Liberal Democrats won three seats in Scotland.",
     {"Liberal Democrats": (ORGANIZATION, "PoliticalParty", set()), "Scotland": (COUNTRY, "", set())}),
    # a Title Case headline that spaCy runs into one name: only the parts the body names stay
    ("Blair Backs Brown Over Budget Plan\n\nTony Blair has backed Gordon Brown's budget plan, Downing Street said.",
     {"Tony Blair": (PERSON, "", {"Blair"}), "Gordon Brown": (PERSON, "", {"Brown"}),
      "Downing Street": (PLACE, "CivicStructure", set())}),
    # an organization's first word, tagged an organization, is the organization, not its founder's surname
    ("Analysts at Torvik Energy expect prices to rise. The chief executive of Torvik, Anna Berg, said demand "
     "was strong. Torvik was founded in 1985 by engineer Lars Torvik.",
     {"Torvik Energy": (ORGANIZATION, "", {"Torvik"}), "Anna Berg": (PERSON, "", set()),
      "Lars Torvik": (PERSON, "", set())}),
    # a country's body named by lowercase nouns is an actor of its own, the country stays: a sector
    # (police) is a group named by the country's sector; another body keeps its own words
    ("Peru's national police arrested two men, and the defence ministry of Chile said it would help.",
     {"Peru": (COUNTRY, "", set()), "Peru police": (ORGANIZATION, "GovernmentOrganization", {"Peru's national police"}),
      "Chile": (COUNTRY, "", set()),
      "Chile Defence Ministry": (ORGANIZATION, "GovernmentOrganization", {"defence ministry"})}),
    # ... or the organization the article names for it; "Mali's powerful army" is no name of it
    ("Mali's powerful army took the town. The Malian Armed Forces said three soldiers died.",
     {"Mali": (COUNTRY, "", set()), "Malian Armed Forces": (ORGANIZATION, "GovernmentOrganization", set())}),
    # a wire dateline's town in capitals, with its state or country: a place, whatever spaCy's label
    ("MERIDEN, Conn. (AP) - The state sued the firm.",
     {"MERIDEN": (PLACE, "", {"MERIDEN, Conn."}), "Connecticut": (PLACE, "AdministrativeArea", {"Conn."}),
      "AP": (ORGANIZATION, "", set())}),
    ("KESWICK, England (AP) - The strike ended.",
     {"KESWICK": (PLACE, "", {"KESWICK, England"}), "England": (COUNTRY, "", set()), "AP": (ORGANIZATION, "", set())}),
    # "St." is part of a place's name
    ("Floods hit St. Croix County, Wis., on Monday.",
     {"St. Croix County": (PLACE, "", {"St. Croix County, Wis."}), "Wisconsin": (PLACE, "AdministrativeArea", {"Wis."})}),
])
def test_actors(nlp, text, expected):
    _, found = actors_of(nlp, text)
    assert found == expected


def test_a_country_in_parentheses_is_a_nationality_not_an_acronym(nlp):
    """ "Jonas Berg (US)" in a results list: even where spaCy takes the name for an organization
    (here set by hand), "US" stays the United States and the person no alias of it."""
    doc = nlp("The seeds are Jonas Berg (US) and Felix Stark (UK).")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Jonas"), words.index("Jonas") + 2, "ORG"),
                Span(doc, words.index("US"), words.index("US") + 1, "GPE"),
                Span(doc, words.index("Felix"), words.index("Felix") + 2, "PERSON"),
                Span(doc, words.index("UK"), words.index("UK") + 1, "GPE")]
    found = {a.label: set(a.aliases) for a in find_actors(doc).actors}
    assert found["United States"] == {"US"} and found["United Kingdom"] == {"UK"}
    assert "Jonas Berg" in found and "Felix Stark" in found


def test_a_number_before_a_person_is_no_part_of_the_name(nlp):
    doc = nlp("Seeds: 1 Jonas Berg, 2 Felix Stark.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("1"), words.index("1") + 3, "PERSON"),
                Span(doc, words.index("2"), words.index("2") + 3, "PERSON")]
    assert {a.label for a in find_actors(doc).actors} == {"Jonas Berg", "Felix Stark"}


def test_a_role_word_inside_a_person_span_starts_the_name(nlp):
    """spaCy sometimes runs an organization and a role into a name: "Acme boss Victor Lang"."""
    doc = nlp("Acme boss Victor Lang denied the claims.")
    doc.ents = [Span(doc, 0, 4, "PERSON")]
    assert [a.label for a in find_actors(doc).actors] == ["Victor Lang"]


def test_groups_of_people_are_no_actors_unless_asked(nlp):
    text = "Ukrainians protested in the streets of Lviv on Sunday."
    _, found = actors_of(nlp, text)
    assert set(found) == {"Lviv"}
    table, found = actors_of(nlp, text, groups=True)
    assert set(found) == {"Lviv", "Ukraine"}
    assert "Ukraine" in table.token_actor.values()


def test_token_map_covers_names_demonyms_and_pronouns(nlp):
    doc = nlp("Angela Merkel arrived in Paris on Friday. She met Polish officials.")
    table = find_actors(doc)
    words = {doc[i].text: key for i, key in table.token_actor.items()}
    assert words == {"Angela": "Angela Merkel", "Merkel": "Angela Merkel", "Paris": "Paris",
                     "She": "Angela Merkel", "Polish": "Poland", "officials": "Poland government"}
    assert [doc[i].text for i in table.pronoun_tokens] == ["She"]


def test_mentions_point_into_the_text(nlp):
    doc = nlp("Jacinda Ardern met Ardern's cabinet in Wellington.")
    for actor in find_actors(doc).actors:
        for mention in actor.mentions:
            assert doc.text[mention.start:mention.end] == mention.text


def test_speaker_pronoun_after_a_quotation(nlp):
    doc = nlp('"We will not back down," said Jacinda Ardern. "Peter Dutton is wrong about this," she said.')
    table = find_actors(doc)
    she = next(t.i for t in doc if t.text == "she")
    assert table.token_actor[she] == "Jacinda Ardern" and she in table.pronoun_tokens


@pytest.mark.parametrize("text", [
    "The fed up crowd left.",                 # lowercase
    "The Soviet era ended.",                  # a NORP that is no country's demonym
    "The AI boom continues.",                 # a common-noun acronym
])
def test_noise_is_no_actor(nlp, text):
    _, found = actors_of(nlp, text)
    assert found == {}


@pytest.mark.parametrize("text, expected", [
    # a headline name run into the verb after it: the part the body writes stays
    ("Harbour Lines Agrees To Buy Rival Ferry Group\n\nHarbour Lines said on Monday that it would buy a rival.",
     "Harbour Lines"),
    # a headline name the body never confirms goes
    ("Storm Warning For Coastal Towns\n\nForecasters said the storm would reach the coast by Friday.", None),
])
def test_headline_names_need_the_body(nlp, text, expected):
    doc = nlp(text)
    headline = [a.label for a in find_actors(doc).actors if any(m.start < text.index("\n") for m in a.mentions)]
    assert headline == ([expected] if expected else [])


def test_a_first_line_ending_in_a_full_stop_is_no_headline(nlp):
    text = "Talks in Geneva ended on Monday.\n\nThe delegates went home."
    assert [a.label for a in find_actors(nlp(text)).actors] == ["Geneva"]


def test_bare_surname_spacy_missed_is_the_person(nlp):
    doc = nlp("Finance Minister Peter Holm signed the deal in Oslo on Monday. "
              "\"We lost a lot of time,\" Holm told Reuters after the signing.")
    doc.ents = [e for e in doc.ents if e.text != "Holm"]  # as spaCy often leaves a surname in a quote
    table = find_actors(doc)
    holm = [t.i for t in doc if t.text == "Holm"]
    assert [table.token_actor.get(i) for i in holm] == ["Peter Holm", "Peter Holm"]


def _with_entity(doc, text: str, label: str):
    """``doc`` with every occurrence of ``text`` tagged ``label``, as spaCy sometimes does."""
    from spacy.tokens import Span

    spans = []
    words, taken = text.split(), {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for i in range(len(doc)):
        if [t.text for t in doc[i:i + len(words)]] == words and i not in taken:
            spans.append(Span(doc, i, i + len(words), label=label))
            taken.update(range(i, i + len(words)))
    doc.set_ents(spans, default="unmodified")
    return doc


def test_an_honorific_makes_a_person_whatever_the_label(nlp):
    doc = _with_entity(nlp("Karen Holt won the seat in 2019. Ms Holt said she was proud of it."), "Ms Holt", "ORG")
    assert {a.label: a.type for a in find_actors(doc).actors} == {"Karen Holt": PERSON}


def test_a_described_company_and_its_first_word(nlp):
    doc = nlp("Velta Cloud, the Dublin-based software company, cut 300 jobs. Velta said sales had fallen.")
    doc = _with_entity(_with_entity(doc, "Velta Cloud", "PERSON"), "Velta", "ORG")
    found = {a.label: (a.type, set(a.aliases)) for a in find_actors(doc).actors}
    assert found["Velta Cloud"] == (ORGANIZATION, {"Velta"})


@pytest.mark.parametrize("dep", ["nsubj", "poss"])
def test_bare_surname_tagged_as_a_plural_noun_is_the_person(nlp, dep):
    text = ("Luis Morales joined Sevilla in May. Morales, who scored twice, was praised."
            if dep == "nsubj" else "Luis Morales joined Sevilla in May. Morales's agent was pleased.")
    doc = nlp(text)
    bare = [t for t in doc if t.text == "Morales"][1]
    doc.ents = [e for e in doc.ents if e.start != bare.i]
    bare.pos_, bare.tag_, bare.dep_ = "NOUN", "NNS", dep  # as spaCy reads some surnames ending in "s"
    assert find_actors(doc).token_actor.get(bare.i) == "Luis Morales"


def test_a_capitalized_common_noun_modifying_another_is_no_surname(nlp):
    doc = nlp("Senator Anne Young spoke in May. Young voters stayed at home.")
    young = [t for t in doc if t.text == "Young"][1]
    young.pos_, young.dep_ = "NOUN", "compound"
    assert find_actors(doc).token_actor.get(young.i) is None


# --- group actors ----------------------------------------------------------------------------------

def _groups(table):
    return {a.label: (a.sector, set(a.aliases)) for a in table.actors if a.sector}


def test_a_sector_noun_with_a_demonym_or_possessive_is_one_group_of_that_country(nlp):
    table = find_actors(nlp("The Chilean navy shelled the coast. Chile's navy said two ships were hit. "
                            "Chile denied it."))
    assert _groups(table) == {"Chile military": ("MIL", {"Chilean navy", "Chile's navy"})}
    [part] = table.relations
    assert (part.subject, part.predicate, part.object) == ("Chile military", "partOf", "Chile")


def test_members_of_a_sector_with_an_organization_are_its_group(nlp):
    table = find_actors(nlp("Acme Corporation staff walked out on Monday. Acme Corporation said talks would go on."))
    assert _groups(table) == {"Acme Corporation workers": ("LAB", {"Acme Corporation staff"})}


def test_the_government_alone_is_the_group_of_the_one_country_the_article_is_about(nlp):
    text = ("Kenya's election is near. Kenya votes in May, and the government said police would be deployed. "
            "Kenyan officials agreed.")
    groups = _groups(find_actors(nlp(text)))
    assert set(groups) == {"Kenya government", "Kenya police"}
    assert groups["Kenya government"] == ("GOV", {"Kenyan officials"})  # a bare "government" is no name


@pytest.mark.parametrize("text", [
    "Peru and Chile met. The government said a government must act.",  # no country dominates
    "Peru's election is near, and Peru votes in May. A government of experts was proposed.",  # "a government"
])
def test_a_sector_noun_alone_names_no_group_without_one_country(nlp, text):
    assert _groups(find_actors(nlp(text))) == {}


def test_a_description_between_country_and_noun_is_a_mention_but_no_name(nlp):
    table = find_actors(nlp("Chile's powerful navy took the port."))
    assert _groups(table) == {"Chile military": ("MIL", set())}
    navy = next(t.i for t in nlp("Chile's powerful navy took the port.") if t.text == "navy")
    assert table.token_actor[navy] == "Chile military"


def test_members_spacy_tagged_as_a_person_are_the_group_of_their_party(nlp):
    table = find_actors(nlp("The new minister would be greeted warmly by Labour MPs."))
    assert not [a for a in table.actors if a.type == PERSON]
    [group] = [a for a in table.actors if a.sector]
    assert (group.label, group.sector, group.part_of) == ("Labour legislators", "LEG", "Labour")


def test_a_demonym_and_a_sector_noun_tagged_as_one_name_are_that_countrys_group(nlp):
    table = find_actors(nlp("Peruvian Police arrested four men near the border on Friday."))
    assert _groups(table) == {"Peru police": ("COP", {"Peruvian Police"})}
    assert {a.label for a in table.actors} == {"Peru", "Peru police"}


@pytest.mark.parametrize("text, expected", [
    ("Chile held talks with miners. The Army said two roads in Chile were closed.", {"Chile military"}),
    ("Peru and Chile met. The Army said two roads were closed.", set()),  # no one country: no actor
])
def test_a_capitalized_sector_noun_alone_is_the_bare_sector_noun(nlp, text, expected):
    table = find_actors(nlp(text))
    assert {a.label for a in table.actors if a.sector} == expected
    assert "Army" not in {name for a in table.actors for name in (a.label, *a.aliases)}


def test_a_news_outlet_is_no_anchor_of_a_state_sector(nlp):
    table = find_actors(nlp("Sky News officials said the plan would fail."))
    assert not [a for a in table.actors if a.sector]


def test_the_nearest_modifier_anchors_a_group(nlp):
    table = find_actors(nlp("Labour won the vote. Later, Channel Four News Labour MPs said the plan would fail."))
    assert {(a.label, a.part_of) for a in table.actors if a.sector} == {("Labour legislators", "Labour")}


def test_a_name_glued_to_a_function_word_or_after_a_party_word_is_the_name_alone(nlp):
    table = find_actors(nlp("The minister spoke ofNew Labour and its record."))
    assert [(a.label, a.type) for a in table.actors] == [("New Labour", ORGANIZATION)]
    table = find_actors(nlp("Tory leader Jane Hill spoke. Later, Tory David Marsh said the Tory plan was right."))
    assert {a.label for a in table.actors if a.type == PERSON} == {"Jane Hill", "David Marsh"}
    table = find_actors(nlp("Lib Dem MPs met. Lib Dem Norman Pike said the plan was right."))
    assert {a.label for a in table.actors if a.type == PERSON} == {"Norman Pike"}
    # a first name before "its deputy" is no party's word
    table = find_actors(nlp("Asha is the firm's chairman and Ravi its deputy. Ravi Mehta said the results were good."))
    assert {a.label for a in table.actors if a.type == PERSON} == {"Asha", "Ravi Mehta"}


# --- names of organizations named by their members ----------------------------------------------

def test_a_party_named_by_its_members_is_one_organization_with_its_role_holders(nlp):
    text = ("Whig leader Anna Porter spoke on Monday. The Whigs said the plan would fail, "
            "and Whig plans were published.")
    table = find_actors(nlp(text))
    whig = next(a for a in table.actors if "Whig" in (a.label, *a.aliases))
    assert whig.type == ORGANIZATION and whig.members == ("Anna Porter",)
    assert {m.text for m in whig.mentions} == {"Whig", "Whigs"} and len(whig.mentions) == 3


def test_a_plural_people_alone_is_no_organization(nlp):
    assert not [a for a in find_actors(nlp("Europeans travel more than ever.")).actors
                if a.type == ORGANIZATION]


# --- generic words, things that are no actors, persons that are no places ----------------------

def test_a_generic_word_joins_the_named_organization_but_is_no_name_of_it(nlp):
    table = find_actors(nlp("The Bank of Lisbon raised rates. The Bank said inflation was too high."))
    [bank] = [a for a in table.actors if a.label == "Bank of Lisbon"]
    assert "Bank" not in bank.aliases and len(bank.mentions) == 2


def test_a_generic_word_alone_names_no_actor(nlp):
    assert [a.label for a in find_actors(nlp("The Party said the Commission had erred.")).actors] == []


@pytest.mark.parametrize("text", [
    "The Budget was published on Monday.",
    "MPs debated the Prevention of Fraud Bill on Monday.",
    "The Ryder Cup starts on Friday.",
])
def test_documents_and_events_are_no_actors(nlp, text):
    assert find_actors(nlp(text)).actors == ()


def test_a_title_before_a_name_makes_a_person_not_a_city(nlp):
    doc = nlp("Senator Preston said the bill was flawed.")
    doc.ents = [Span(doc, 1, 2, "PERSON")]
    assert [(a.label, a.type) for a in find_actors(doc).actors] == [("Preston", PERSON)]


def test_an_organization_cue_types_a_name_spacy_took_for_a_person(nlp):
    doc = nlp("Shares in Veltrox fell sharply after Veltrox warned on profits.")
    doc.ents = [Span(doc, i, i + 1, "PERSON") for i, t in enumerate(doc) if t.text == "Veltrox"]
    [actor] = find_actors(doc).actors
    assert (actor.label, actor.type) == ("Veltrox", ORGANIZATION) and actor.type_evidence >= 1


# --- names written together -------------------------------------------------------------------

@pytest.mark.parametrize("text, long_form, short", [
    # an acronym in mixed case, as many parties write theirs
    ("The Greens joined the Movement for Growth (MpG) last year.", "Movement for Growth", "MpG"),
    # an acronym of words in another language, after an organization's name
    ("The Union of Free Farmers (ZSR) won two seats.", "Union of Free Farmers", "ZSR"),
    # the initials fit only the longer name spaCy split
    ("The Social Progress and Farmers Party (SPFP) stood a candidate.", "Social Progress and Farmers Party", "SPFP"),
])
def test_a_parenthesised_acronym_is_a_name_of_the_organization_before_it(nlp, text, long_form, short):
    found = {a.label: set(a.aliases) for a in find_actors(nlp(text)).actors}
    assert short in found.get(long_form, set()), found


def test_a_parenthesised_other_name_is_a_name_of_the_organization_before_it(nlp):
    found = {a.label: set(a.aliases) for a in find_actors(nlp(
        "They founded the Farmers Forum (Bauern Forum, member of the Rural League) in 1993.")).actors}
    assert any({"Farmers Forum", "Bauern Forum"} <= {label, *aliases} for label, aliases in found.items()), found


def test_the_plural_of_a_party_named_in_the_article_is_that_party(nlp):
    found = {a.label: set(a.aliases) for a in find_actors(nlp(
        "The Agrarian Party lost the vote, and the Agrarians blamed the weather.")).actors}
    assert found.get("Agrarian Party") == {"Agrarians"}, found


def test_a_parenthesised_name_after_a_possessive_is_the_owned_name(nlp):
    """ "the RSC (the Bank of Lisbon's Rates Steering Committee)": the RSC is the committee, not the bank."""
    doc = nlp('"If the RSC (the Bank of Lisbon\'s Rates Steering Committee) were to act," he said.')
    words = [t.text for t in doc]
    bank, committee = words.index("Bank"), words.index("Rates")
    doc.ents = [Span(doc, words.index("RSC"), words.index("RSC") + 1, "ORG"), Span(doc, bank, bank + 3, "ORG"),
                Span(doc, committee, committee + 3, "ORG")]
    found = {a.label: set(a.aliases) for a in find_actors(doc).actors}
    assert found["Bank of Lisbon"] == set() and "RSC" in found["Rates Steering Committee"], found


def test_a_groups_events_are_said_of_its_country_but_not_where_it_is_or_who_leads_it(nlp):
    from graphbuild.actors import with_group_countries
    from graphbuild.relations import find_relations

    doc = nlp("Kenyan troops attacked Somalia on Monday. The Kenyan troops in Mogadishu were led by Omar Haji.")
    table = find_actors(doc)
    found = {(r.subject, r.predicate, r.object): r for r in with_group_countries(tuple(find_relations(doc, table)), table)}
    assert ("Kenya military", "attacked", "Somalia") in found
    rolled = found[("Kenya", "attacked", "Somalia")]
    assert rolled.construction.endswith("+group")
    assert rolled.confidence < found[("Kenya military", "attacked", "Somalia")].confidence
    assert ("Kenya military", "basedIn", "Mogadishu") in found and ("Kenya", "basedIn", "Mogadishu") not in found
    assert ("Omar Haji", "leaderOf", "Kenya") not in found


@pytest.mark.parametrize("text, apart", [
    ("The meeting of the Parliamentary Labour Party was tense. Ann Hale said the Labour Party was united.",
     {"Parliamentary Labour Party", "Labour Party"}),
    ("The Social Democratic Party split from the Democratic Party in May.", {"Social Democratic Party", "Democratic Party"}),
])
def test_a_name_with_its_designator_inside_a_longer_name_is_another_actor(nlp, text, apart):
    assert apart <= {a.label for a in find_actors(nlp(text)).actors}


def test_a_tail_without_a_designator_is_still_a_short_form(nlp):
    table = find_actors(nlp("The New York Times reported the deal. The Times said it was off."))
    assert [(a.label, a.aliases) for a in table.actors] == [("New York Times", ("Times",))]


@pytest.mark.parametrize("text, whole, short", [
    ("The US Securities and Exchange Commission fined the bank. The Securities and Exchange Commission said so.",
     "US Securities and Exchange Commission", "Securities and Exchange Commission"),
    ("Members of the Scottish Green Party met. The Green Party said it would stand.", "Scottish Green Party", "Green Party"),
])
def test_a_name_after_a_place_is_still_the_short_form_of_the_whole(nlp, text, whole, short):
    table = find_actors(nlp(text))
    assert [(a.label, a.aliases) for a in table.actors if a.type == ORGANIZATION] == [(whole, (short,))]
