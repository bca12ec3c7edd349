"""Texts longer than spaCy's limit are parsed in pieces, with every offset still right."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.nlp import load_pipeline, text_pieces
from graphbuild.pipeline import parse_articles
from graphbuild.records import Article

FIRST = ("Ana", "Rui", "Joana", "Tiago", "Marta", "Pedro", "Ines", "Bruno", "Carla", "Duarte", "Elsa", "Filipe")
LAST = ("Ferreira", "Santos", "Oliveira", "Costa", "Martins", "Lopes", "Gomes", "Ribeiro", "Pinto", "Moreira")
COUNTRIES = ("Peru", "Chile", "Kenya", "Norway", "Japan", "Canada", "Ghana", "Poland", "Spain", "Egypt")


def person(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


def paragraph(i: int) -> str:
    country = COUNTRIES[i % len(COUNTRIES)]
    return (f"{country} President {person(i)} met {COUNTRIES[(i + 1) % len(COUNTRIES)]} President "
            f"{person(i + 1)} in the capital on day {i}. The two leaders spoke about trade for an hour.")


@given(text=st.text(alphabet=st.sampled_from(list("ab .\n")), max_size=300), limit=st.integers(2, 40))
@settings(max_examples=300, deadline=None)
def test_pieces_join_back_and_fit(text, limit):
    pieces = text_pieces(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(piece) < limit for piece in pieces)


def test_pieces_end_at_paragraph_breaks_when_they_can():
    text = "\n\n".join(paragraph(i) for i in range(30))
    pieces = text_pieces(text, 1000)
    assert len(pieces) > 3
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


@pytest.mark.model
def test_a_text_over_the_limit_is_parsed_whole_with_offsets_right(monkeypatch):
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 1500)  # the real limit is 1,000,000: the same code, a faster test
    body = "\n\n".join(paragraph(i) for i in range(24))
    article = Article(id="long", source="long.txt", title="Trade talks", body=body)
    assert len(article.text) > 2 * nlp.max_length
    (result,) = parse_articles([article])
    text = article.text
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
    for relation in result.relations:
        assert text[relation.start:relation.end] == relation.sentence
    assert {person(23), person(24)} <= {actor.label for actor in result.actors}
    # Relations are found in the last piece as in the first.
    assert min(r.start for r in result.relations) < nlp.max_length < text.index(paragraph(23)) \
        <= max(r.start for r in result.relations)
