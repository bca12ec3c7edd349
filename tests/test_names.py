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
