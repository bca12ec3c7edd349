"""Quality on news graphbuild was never tuned on: the held-out articles in tests/data/heldout.

Twelve articles written for the tests in different outlets' styles, with a hand-made gold
annotation (``heldout/gold.json``, in the format of the shared gold file). The rules are never
fitted to these sentences, so the scores are an honest measure; the floors below sit a little
under what graphbuild reaches today, so a regression fails. Articles 01-08 are the development
set: their mistakes are read to find general causes. Articles 09-12 are the test set, annotated
before graphbuild ever ran on them and never read for mistakes, only scored.

Scoring follows the shared scorer's rules, on graphbuild's records rather than on RDF: an actor
matches a gold entity when one of its names equals one of the gold names (case, a leading "the",
a possessive and punctuation ignored); a second actor matching the same entity is a duplicate
(a false positive); an actor matching only an ``ignore`` name is neutral. A stated (not
hypothetical) relation is correct when its ends match a gold relation's subjects and objects
(either way round for symmetric ones) and one of its words starts with a gold keyword.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pytest

from graphbuild import vocab
from graphbuild.records import ArticleResult

pytestmark = pytest.mark.model

HELDOUT = Path(__file__).parent / "data" / "heldout"
GOLD = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))

#: The development set (read for mistakes) and the test set (only scored), by file-name prefix.
DEV = tuple(f"{n:02d}_" for n in range(1, 9))
TEST = tuple(f"{n:02d}_" for n in range(9, 13))


class Floors(NamedTuple):
    """Floors, a little under a set's scores today (see the module docstring)."""

    mean_entity_f1: float
    entity_f1: float
    mean_relation_f1: float
    mean_relation_precision: float
    mean_core_recall: float


#: The relation precision floors were lowered (0.88 -> 0.84, 0.79 -> 0.70) when event predicates came
#: to be named by the event vocabulary, one predicate per event however it is worded: the keyword
#: scoring reads a predicate's name and vocabulary label, so "held talks with" (metWith) no longer
#: matches "talk" and "completed the signing of" (hired) no longer matches "sign"; and the general
#: core states structure the gold lists under other words ("the AD of Rui Carvalho": affiliatedWith,
#: not leader). The dev floor went from 0.84 to 0.82 when the shapes read off other people's
#: annotations came in (CoNLL04 and CrossRE dev pair recall up by 0.07 and 0.03 at the same proxy
#: precision): the dev mean went from 0.84 to 0.83 here, on gold this team wrote and tuned on.
FLOORS = {
    DEV: Floors(mean_entity_f1=0.94, entity_f1=0.90, mean_relation_f1=0.61, mean_relation_precision=0.82,
                mean_core_recall=0.72),
    TEST: Floors(mean_entity_f1=0.85, entity_f1=0.77, mean_relation_f1=0.38, mean_relation_precision=0.70,
                 mean_core_recall=0.34),
}


def norm(name: str) -> str:
    """A name as matched: case-, accent-form-, article-, possessive- and punctuation-insensitive."""
    s = unicodedata.normalize("NFKC", name).lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


def words(text: str) -> list[str]:
    """Lower-case words, camelCase split."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return [w for w in re.split(r"[^A-Za-z]+", text.lower()) if w]


def keyword_matches(predicate_words: list[str], keywords: list[str]) -> bool:
    """Whether a run of the predicate's words starts with a keyword's words (short words whole)."""
    for keyword in keywords:
        kws = words(keyword)
        for i in range(len(predicate_words) - len(kws) + 1):
            window = predicate_words[i:i + len(kws)]
            if kws and all(w == k if len(k) < 4 else w.startswith(k) for w, k in zip(window, kws)):
                return True
    return False


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(result: ArticleResult, doc: dict) -> dict[str, float]:
    """Entity and relation precision, recall and F1 of one article's records against its gold."""
    gold_names = {e["id"]: {norm(e["name"]), *map(norm, e["aliases"])} for e in doc["entities"]}
    ignore = {norm(n) for n in doc["ignore"]}
    match, neutral = {}, set()
    found: set[str] = set()
    true_pos = false_pos = 0
    for actor in sorted(result.actors, key=lambda a: a.key):
        names = {norm(actor.label), *map(norm, actor.aliases)}
        match[actor.key] = {gid for gid, gn in gold_names.items() if names & gn}
        if actor.sector and not match[actor.key]:
            # A group actor ("Ethiopian officials"): the gold, written before graphbuild had them, names
            # only named actors and leaves groups of people aside, as its 'ignore' lists do ("Russians").
            neutral.add(actor.key)
            continue
        if match[actor.key] - found:
            true_pos += 1
            found |= match[actor.key]
        elif match[actor.key] or not names & ignore:
            false_pos += 1
        else:
            neutral.add(actor.key)
    entity_p = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    entity_r = len(found) / len(gold_names)

    rels = doc["relations"]
    hit: set[int] = set()
    rel_tp = rel_fp = 0
    for rel in {(r.subject, r.predicate, r.object, r.label) for r in result.relations if not r.hypothetical}:
        subject, predicate, obj, label = rel
        if subject in neutral or obj in neutral:
            continue
        pw = words(predicate) + words(vocab.predicate_info(predicate, label).label)
        ms, mo = match.get(subject, set()), match.get(obj, set())
        ok = [i for i, g in enumerate(rels)
              if ((ms & set(g["subjects"]) and mo & set(g["objects"]))
                  or (g.get("symmetric") and mo & set(g["subjects"]) and ms & set(g["objects"])))
              and keyword_matches(pw, g["predicates"])]
        rel_tp, rel_fp = rel_tp + bool(ok), rel_fp + (not ok)
        hit.update(ok)
    rel_p = rel_tp / (rel_tp + rel_fp) if rel_tp + rel_fp else 0.0
    rel_r = len(hit) / len(rels)
    core = {i for i, g in enumerate(rels) if g["level"] == "core"}
    return {"entity_p": entity_p, "entity_r": entity_r, "entity_f1": f1(entity_p, entity_r),
            "relation_p": rel_p, "relation_r": rel_r, "relation_f1": f1(rel_p, rel_r),
            "core_r": len(hit & core) / len(core) if core else 1.0}


@pytest.fixture(scope="module")
def scores(nlp) -> dict[str, dict[str, float]]:
    from graphbuild.extract import extract
    from graphbuild.reading import read_articles
    from graphbuild.records import Article

    out = {}
    for doc in GOLD["documents"]:
        [article] = [a for a in read_articles([HELDOUT / doc["file"]]) if isinstance(a, Article)]
        out[doc["file"]] = score(extract(nlp(article.text), article), doc)
    return out


def test_every_article_has_gold():
    assert sorted(d["file"] for d in GOLD["documents"]) == sorted(p.name for p in HELDOUT.glob("*.txt"))


def test_every_article_is_in_one_set():
    assert all(sum(d["file"].startswith(p) for p in DEV + TEST) == 1 for d in GOLD["documents"])


@pytest.mark.parametrize("articles", [DEV, TEST], ids=["dev", "test"])
def test_entities_on_unseen_news(scores, articles):
    floors, scores = FLOORS[articles], {n: s for n, s in scores.items() if n.startswith(articles)}
    low = {name: round(s["entity_f1"], 3) for name, s in scores.items() if s["entity_f1"] < floors.entity_f1}
    assert not low, low
    mean = sum(s["entity_f1"] for s in scores.values()) / len(scores)
    assert mean >= floors.mean_entity_f1, {n: round(s["entity_f1"], 3) for n, s in scores.items()}


@pytest.mark.parametrize("articles", [DEV, TEST], ids=["dev", "test"])
def test_relations_on_unseen_news(scores, articles):
    floors, scores = FLOORS[articles], {n: s for n, s in scores.items() if n.startswith(articles)}
    table = {n: {k: round(v, 3) for k, v in s.items() if not k.startswith("entity")} for n, s in scores.items()}
    n = len(scores)
    assert sum(s["relation_f1"] for s in scores.values()) / n >= floors.mean_relation_f1, table
    assert sum(s["relation_p"] for s in scores.values()) / n >= floors.mean_relation_precision, table
    assert sum(s["core_r"] for s in scores.values()) / n >= floors.mean_core_recall, table


def test_scoring_helper_matches_names_and_keywords():
    assert norm("The Brookings Institution\u2019s") == "brookings institution"
    assert keyword_matches(words("chiefExecutiveOf"), ["chief executive"])
    assert keyword_matches(words("presidentOf"), ["of"]) and not keyword_matches(words("offered"), ["of"])
    assert not keyword_matches(words("quotedBy"), ["tell", "told"])
