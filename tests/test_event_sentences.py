"""Political event sentences, coded source actor -> target actor as event-data projects code them.

The fixture (tests/data/event_sentences.tsv, written for these tests) has one line per coded pair:
the sentence, the source's and the target's names (any of several: a group actor or its country)
and the event's PLOVER type. Each sentence is read as its own article by the whole pipeline (the
actor stage included), as a user's news would be; a group actor ("Israel police") answers to its
country's names too. Two things are asked of the relation stage, as
of a coder: it finds most coded pairs (either way round), and most of what it states joins actors
the coder coded.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from graphbuild import lexicon
from graphbuild.records import Relation

pytestmark = pytest.mark.model

FIXTURE = Path(__file__).parent / "data" / "event_sentences.tsv"


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def coded() -> dict[str, list[tuple[frozenset[str], frozenset[str]]]]:
    """Sentence -> its coded (source names, target names) pairs."""
    pairs: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, source, target, _ = line.split("\t")
        pairs.setdefault(sentence, []).append((frozenset(map(norm, lexicon.values(source))),
                                               frozenset(map(norm, lexicon.values(target)))))
    return pairs


@pytest.fixture(scope="module")
def extracted(nlp) -> dict[str, tuple[dict[str, set[str]], list[Relation]]]:
    """Sentence -> (actor key -> its normalized names, asserted relations)."""
    from graphbuild.actors import find_actors
    from graphbuild.relations import find_relations

    out = {}
    for sentence in coded():
        doc = nlp(sentence)
        table = find_actors(doc)
        out[sentence] = (actor_names(table), [r for r in find_relations(doc, table) if not r.hypothetical])
    return out


def actor_names(table) -> dict[str, set[str]]:
    """Actor key -> its normalized names; a group actor ("Myanmar government") also answers to its
    country's or organization's names, as a coder's country-level code does."""
    own = {a.key: {norm(a.label), *map(norm, a.aliases)} for a in table.actors}
    return {a.key: own[a.key] | own.get(a.part_of, set()) for a in table.actors}


def _joins(names: dict[str, set[str]], rel: Relation, source: frozenset[str], target: frozenset[str]) -> bool:
    s, o = names.get(rel.subject, set()), names.get(rel.object, set())
    return bool((s & source and o & target) or (s & target and o & source))


def test_the_fixture_has_fifty_sentences_of_varied_types():
    sentences = coded()
    types = {line.split("\t")[3] for line in FIXTURE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    assert len(sentences) >= 50
    assert len(types) >= 12


def test_most_coded_pairs_are_found(extracted):
    found, missed = 0, []
    for sentence, pairs in coded().items():
        names, relations = extracted[sentence]
        for source, target in pairs:
            if any(_joins(names, r, source, target) for r in relations):
                found += 1
            else:
                missed.append(sentence)
    total = sum(len(p) for p in coded().values())
    assert found / total >= 0.5, f"{found}/{total} found; missed: {missed}"


def test_most_stated_relations_join_coded_actors(extracted):
    joining = stated = 0
    off = []
    for sentence, pairs in coded().items():
        names, relations = extracted[sentence]
        for rel in relations:
            stated += 1
            if any(_joins(names, rel, source, target) for source, target in pairs):
                joining += 1
            else:
                off.append((rel.subject, rel.predicate, rel.object))
    assert stated and joining / stated >= 0.4, f"{joining}/{stated} join coded actors; others: {off}"
