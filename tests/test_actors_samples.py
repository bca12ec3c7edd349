"""The actor stage on the sample articles, scored against the hand-made gold (shared/gold/seeds.json).

Skipped when shared/ is not beside the repository. Each article is read and cleaned as the build
does, parsed, and turned into a graph; shared/score.py then scores the graph's entities.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold" / "seeds.json"
ARTICLES = SHARED / "articles"
SCORER = SHARED / "score.py"

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared/ gold not present")]


def _gold_documents() -> list[dict]:
    if not GOLD.exists():
        return []
    return [d for d in json.loads(GOLD.read_text(encoding="utf-8"))["documents"] if (ARTICLES / d["file"]).exists()]


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("gold_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold", _gold_documents(), ids=lambda d: d["file"])
def test_sample_entities(gold, scorer):
    from graphbuild.extract import extract
    from graphbuild.graph import build_graph
    from graphbuild.nlp import load_pipeline
    from graphbuild.reading import read_articles
    from graphbuild.records import Article

    [article] = [a for a in read_articles([ARTICLES / gold["file"]]) if isinstance(a, Article)]
    graph = build_graph([extract(load_pipeline()(article.text), article)])
    entities = scorer.score(graph, gold)["entities"]
    assert entities["f1"] >= 0.95, entities
    assert entities["duplicates"] == 0, entities
    assert entities["type_accuracy"] >= 0.95, entities
