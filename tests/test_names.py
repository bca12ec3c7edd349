"""Names as strings: normal forms, titles, heads, acronyms and spelling distance (no model)."""
from __future__ import annotations

import pytest

from graphbuild.names import (acronym_key, acronyms_of, head_word, is_acronym, is_title, name_key,
                              osa_distance, tidy)


@pytest.mark.parametrize("name, key", [
    ("The Bank of England", "bank of england"),
    ("the Red Cross’s", "red cross"),
    ("Médecins Sans Frontières", "medecins sans frontieres"),
    ("U.N.", "u n"),
    ("São Paulo", "sao paulo"),
    ("The", "the"),
    ("  Deutsche   Bank ", "deutsche bank"),
])
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("surface, label", [
    ("Stanford University’s", "Stanford University"),
    ("the Senate's", "the Senate"),
    ("O'Brien", "O'Brien"),
    ("Jane  Doe", "Jane Doe"),
])
def test_tidy(surface, label):
    assert tidy(surface) == label


@pytest.mark.parametrize("word, expected", [
    ("NATO", True), ("U.N.", True), ("OPEC", True), ("Nato", False), ("A", False), ("G7", False),
    ("PRESIDENT-ELECT", False),
])
def test_is_acronym(word, expected):
    assert is_acronym(word) is expected


@pytest.mark.parametrize("name, acronym", [
    ("European Central Bank", "ECB"),
    ("Bank of England", "BOE"),
    ("Bank of England", "BE"),
    ("Organisation for Economic Co-operation and Development", "OECD"),
    ("North Atlantic Treaty Organization", "NATO"),
])
def test_acronyms_of(name, acronym):
    assert acronym in acronyms_of(name)


def test_acronyms_of_one_word_is_empty():
    assert acronyms_of("Microsoft") == set()


def test_acronym_key():
    assert acronym_key("U.N.") == "UN" and acronym_key("Nato") == "NATO"


@pytest.mark.parametrize("word", ["President", "Mr.", "mrs", "then-president", "Senator", "Dr"])
def test_titles(word):
    assert is_title(word)


@pytest.mark.parametrize("word", ["Paris", "Bank", "Johnson", "Street"])
def test_not_titles(word):
    assert not is_title(word)


@pytest.mark.parametrize("name, head", [
    ("University of Tokyo", "university"),
    ("Ministry of Foreign Affairs", "ministry"),
    ("Federal Reserve Bank", "bank"),
    ("Academy Awards", "awards"),
])
def test_head_word(name, head):
    assert head_word(name.split()) == head


@pytest.mark.parametrize("a, b, distance", [
    ("uzbekistan", "uzbekistan", 0),
    ("uzbekistan", "uzbekstan", 1),       # a letter dropped
    ("tunisia", "tunsiia", 1),            # two letters swapped
    ("colombia", "columbia", 1),
    ("austria", "australia", 2),
    ("kenya", "germany", 3),              # capped at limit + 1
])
def test_osa_distance(a, b, distance):
    assert osa_distance(a, b, limit=2) == distance


def test_singular_of_plural_name_words():
    from graphbuild.names import singular
    assert [singular(w) for w in ("Tories", "Whigs", "MPs", "Jones", "Lewis", "Gas")] == \
        ["Tory", "Whig", "MP", "Jone", "Lewis", "Gas"]


def test_cut_short_names():
    from graphbuild.names import abbreviates
    assert abbreviates("Soc Dems", "Social Democrats") and abbreviates("Soc Dem", "Social Democrat")
    assert not abbreviates("Social Democrats", "Social Democrats")  # nothing cut short
    assert not abbreviates("Soc Dems", "Social Democratic Union")   # a word more
    assert not abbreviates("Sol Dems", "Social Democrats")


def test_compact_key_sets_spacing_numbers_and_ampersands_aside():
    from graphbuild.names import compact_key
    assert compact_key("Channel Five") == compact_key("Channel 5") == compact_key("Channel5")
    assert compact_key("Black & Decker") == compact_key("Black and Decker")
    assert compact_key("Channel Five") != compact_key("Channel Four")


def test_someone_from_a_place_is_no_cut_short_form_of_it():
    from graphbuild.names import abbreviates
    assert not abbreviates("New York", "New Yorker") and abbreviates("Lib Dems", "Liberal Democrats")
