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


# views fixtures
# Small RDF graphs built from hand-written records (tests/data/views_*.json) through
# graphbuild.graph.build_graph, so the view tests need no spaCy model.
VIEWS_DATA = Path(__file__).parent / "data"


def views_records(name: str):
    """The article results described by ``tests/data/<name>``; offsets are found in the text."""
    import hashlib
    import json

    from graphbuild.records import Actor, Article, ArticleResult, Mention, Relation

    results = []
    for item in json.loads((VIEWS_DATA / name).read_text(encoding="utf-8"))["articles"]:
        body, title = item["body"], item["title"]
        article = Article(id=hashlib.sha1((title + body).encode()).hexdigest()[:16],
                          source=item["source"], title=title, body=body)
        text = article.text

        def span(fragment: str) -> tuple[int, int]:
            start = text.find(fragment)
            assert start >= 0, f"{fragment!r} is not in the text of {name}"
            return start, start + len(fragment)

        actors = tuple(
            Actor(key=a["key"], label=a["label"], type=a["type"], subtype=a.get("subtype", ""),
                  aliases=tuple(a.get("aliases", ())),
                  mentions=tuple(Mention(m, *span(m)) for m in a["mentions"]))
            for a in item["actors"])
        relations = tuple(
            Relation(subject=r["subject"], predicate=r["predicate"], object=r["object"],
                     sentence=r["sentence"], start=span(r["sentence"])[0], end=span(r["sentence"])[1],
                     confidence=r["confidence"], construction=r["construction"],
                     label=r.get("label", ""), hypothetical=r.get("hypothetical", False))
            for r in item["relations"])
        results.append(ArticleResult(article=article, actors=actors, relations=relations))
    return results


@pytest.fixture
def sample_graph():
    """Two invented articles: 8 actors of all four types, structural and event relations,
    a symmetric relation stated both ways, one low-confidence and one hypothetical statement."""
    from graphbuild.graph import build_graph

    return build_graph(views_records("views_sample.json"))


@pytest.fixture
def injection_graph():
    """One article whose names, headline, source and sentences try to break HTML/JSON/XML/CSV."""
    from graphbuild.graph import build_graph

    return build_graph(views_records("views_injection.json"))


# dates fixtures
#: The publication dates given to the two articles of tests/data/views_sample.json by ``dated_graph``.
SAMPLE_DATES = {"views/harbour.txt": "2024-01-07", "views/ostrand.txt": "2024-02-03"}


def dated_records(dates=None):
    """The records of tests/data/views_sample.json, each article dated per ``dates`` (source -> ISO date)."""
    import dataclasses

    dates = SAMPLE_DATES if dates is None else dates
    return [dataclasses.replace(r, article=dataclasses.replace(r.article, date=dates.get(r.article.source, "")))
            for r in views_records("views_sample.json")]


@pytest.fixture
def dated_graph():
    """The sample graph with its two articles published on 2024-01-07 (harbour) and 2024-02-03 (ostrand)."""
    from graphbuild.graph import build_graph

    return build_graph(dated_records())


# process fixtures
#: A Python that runs the CLI with Python's own Ctrl-C handling, even when the test runner was
#: started in the background (where the shell makes children ignore SIGINT).
CLI_PROCESS = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
               "sys.argv[0] = 'graphbuild'; from graphbuild.cli import main; main()")


def child_pids(pid: int) -> list[str]:
    """The processes ``pid`` has started (Linux), e.g. to wait until a build's workers or a query's runner exist."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return handle.read().split()
    except OSError:
        return []
