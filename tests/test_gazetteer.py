"""The gazetteer: countries, demonyms, cities and near misses, from maintained data (no model)."""
from __future__ import annotations

import pytest

from graphbuild import gazetteer
from graphbuild.records import COUNTRY, PLACE


@pytest.mark.parametrize("name, label", [
    ("France", "France"),
    ("French Republic", "France"),
    ("Republic of Uzbekistan", "Uzbekistan"),   # pycountry's official name
    ("Russian Federation", "Russia"),           # short form from the data file
    ("U.S.", "United States"),
    ("USA", "United States"),
    ("Britain", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("Iran, Islamic Republic of", "Iran"),
    ("Viet Nam", "Vietnam"),
    ("Türkiye", "Turkey"),
    ("Turkiye", "Turkey"),
    ("Scotland", "Scotland"),                   # pycountry subdivision of type Country
])
def test_country_names(name, label):
    place = gazetteer.country(name)
    assert place is not None and place.label == label and place.type == COUNTRY


@pytest.mark.parametrize("name", ["Paris", "Soviet", "Apple", "Smith"])
def test_not_countries(name):
    assert gazetteer.country(name) is None


@pytest.mark.parametrize("name, subtype", [
    ("Lagos", "City"), ("Osaka", "City"), ("Kiev", "City"), ("Ohio", "AdministrativeArea"),
    ("Africa", "Continent"),
])
def test_places(name, subtype):
    place = gazetteer.place(name)
    assert place is not None and place.type == PLACE and place.subtype == subtype


def test_a_country_wins_over_a_city_of_the_same_name():
    assert gazetteer.place("Georgia").type == COUNTRY


def test_small_towns_are_not_in_the_gazetteer():
    assert gazetteer.place("Tiny Village That Does Not Exist") is None


@pytest.mark.parametrize("word, country, group", [
    ("Ukrainian", "Ukraine", False),     # -e -> -ian
    ("Mexican", "Mexico", False),        # -o -> -an
    ("Uzbek", "Uzbekistan", False),      # -istan dropped
    ("Kyrgyz", "Kyrgyzstan", False),     # -stan dropped
    ("Egyptian", "Egypt", False),        # + -ian
    ("Iraqi", "Iraq", False),            # + -i
    ("Sudanese", "Sudan", False),        # -an + -ese
    ("Nigerian", "Nigeria", False),      # -ia beats Niger's -ian
    ("Swiss", "Switzerland", False),     # irregular, from the data file
    ("Filipinos", "Philippines", True),
    ("Ukrainians", "Ukraine", True),
    ("Mexicans", "Mexico", True),
])
def test_demonyms(word, country, group):
    assert gazetteer.demonym(word) == gazetteer.Demonym(country, group)


@pytest.mark.parametrize("word", ["Soviet", "Communist", "European", "Catholic", "Paris"])
def test_not_demonyms(word):
    assert gazetteer.demonym(word) is None


def test_near_miss_country():
    hit = gazetteer.near_miss("Afghanisatn")
    assert isinstance(hit, gazetteer.Place) and hit.label == "Afghanistan"


def test_near_miss_demonym():
    hit = gazetteer.near_miss("Ukranian")
    assert isinstance(hit, gazetteer.Demonym) and hit.country == "Ukraine"


@pytest.mark.parametrize(("word", "label"), [
    ("Germny", "Germany"),         # a letter dropped
    ("Germanny", "Germany"),       # a letter added
    ("Gernany", "Germany"),        # a letter changed
    ("Gremany", "Germany"),        # neighbours swapped
    ("Portugual", "Portugal"),
])
def test_near_miss_finds_each_kind_of_single_edit(word, label):
    hit = gazetteer.near_miss(word)
    assert isinstance(hit, gazetteer.Place) and hit.label == label


def test_near_miss_needs_the_first_letter_right():
    assert gazetteer.near_miss("Fermany") is None


@pytest.mark.parametrize("word", ["Iraq", "Irak", "Smith", "Uzbekistan-born"])
def test_no_near_miss_for_short_or_unrelated_words(word):
    assert gazetteer.near_miss(word) is None


def test_country_names_lists_every_known_name():
    names = gazetteer.country_names("United States")
    assert "United States of America" in names and "U.S." in names


def test_a_country_within_a_state_belongs_to_it():
    assert gazetteer.sovereign("Wales") == "United Kingdom" and gazetteer.sovereign("Chile") == "Chile"


@pytest.mark.parametrize("written, state", [("Calif.", "California"), ("N. Y.", "New York"), ("WA", "Washington"),
                                            ("D.C.", "District of Columbia"), ("Texas", "Texas")])
def test_a_state_after_a_town_is_read_by_its_ap_abbreviation_postal_code_or_name(written, state):
    assert gazetteer.state_after_place(written).label == state


def test_a_word_that_is_no_state_is_none():
    assert gazetteer.state_after_place("Mrs.") is None
