"""Shared fixtures. Each engineer's fixtures sit under their own heading."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


# graph fixtures
@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for the session."""
    from graphbuild.nlp import load_pipeline

    return load_pipeline()


def _make_result(title: str, body: str, actors, relations, source: str = "test.txt"):
    import hashlib

    from graphbuild.records import Article, ArticleResult

    digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()[:16]
    article = Article(id=digest, source=source, title=title, body=body)
    return ArticleResult(article=article, actors=tuple(actors), relations=tuple(relations))


@pytest.fixture
def make_result():
    """Build an ArticleResult from plain values, for tests that need no spaCy."""
    return _make_result
