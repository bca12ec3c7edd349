"""The spaCy pipeline as graphbuild loads it (graphbuild.nlp)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The club paid a fee of £45m. Ortega, who is 24, signed for five years.",
    "The start-up raised $800k. Its founder said the money would last a year.",
])
def test_an_amount_ends_its_sentence(nlp, text):
    first, second = list(nlp(text).sents)
    assert first.text.endswith(".") and second[0].is_title


def test_line_breaks_start_sentences(nlp):
    doc = nlp("Ferry strike ends\nDockers in Calais returned to work on Monday.")
    assert [s.text.strip() for s in doc.sents] == ["Ferry strike ends", "Dockers in Calais returned to work on Monday."]


def test_doc_text_is_the_text_joined_once():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from graphbuild.nlp import doc_text

    doc = Doc(Vocab(), words=["Lima", "hosts", "talks", "."], spaces=[True, True, False, False])
    assert doc_text(doc) == doc.text == "Lima hosts talks."
    doc.user_data["graphbuild.text"] = "cached"
    assert doc_text(doc) == "cached"
