"""The path grammar (graphbuild/data/relations_paths.tsv): every path links the actors of its own
test sentence, and the grammar's data is well formed."""
from __future__ import annotations

import re

import pytest

from graphbuild.records import ActorTable, Actor, ORGANIZATION
from graphbuild.rules import paths
from graphbuild.rules.constructions import constructions


def _bracketed(example: str) -> tuple[str, list[str]]:
    """The sentence without brackets, and the bracketed actor names in order."""
    names = re.findall(r"\[([^\]]+)\]", example)
    return example.replace("[", "").replace("]", ""), names


@pytest.fixture(scope="module")
def reader(nlp):
    """A function reading one example with the actor stage's types, its bracketed names forced to actors."""
    from graphbuild.actors import find_actors
    from graphbuild.relations import find_relations

    def read(example: str):
        text, names = _bracketed(example)
        doc = nlp(text)
        found = find_actors(doc)
        token_actor = dict(found.token_actor)
        actors = {a.key: a for a in found.actors}
        keys = []
        for name in names:
            start = text.index(name)
            span = doc.char_span(start, start + len(name), alignment_mode="expand")
            key = next((found.token_actor[t.i] for t in span if t.i in found.token_actor), name)
            actors.setdefault(key, Actor(key=key, label=name, type=ORGANIZATION))
            for t in span:
                token_actor.setdefault(t.i, key)
            keys.append(key)
        table = ActorTable(actors=tuple(actors.values()), token_actor=token_actor,
                           pronoun_tokens=found.pronoun_tokens)
        return keys, list(find_relations(doc, table))

    return read


ROWS = paths.all_paths()


@pytest.mark.model
@pytest.mark.parametrize("path", ROWS, ids=[f"{p.trigger}-{p.link}-{i}" for i, p in enumerate(ROWS)])
def test_each_path_links_the_actors_of_its_example(reader, path):
    keys, relations = reader(path.example)
    assert len(keys) == 2, path.example
    pairs = {frozenset((r.subject, r.object)) for r in relations}
    assert frozenset(keys) in pairs, (path.example, [(r.subject, r.predicate, r.object) for r in relations])


def test_every_path_has_an_example_with_two_bracketed_actors():
    for path in ROWS:
        assert len(_bracketed(path.example)[1]) == 2, path


def test_every_link_is_used_by_a_declared_construction():
    used = {link for c in constructions().values() for link in (*c.subject_links, *c.object_links)}
    assert {p.link for p in ROWS} <= used | {"self"}


def test_every_condition_is_known():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from graphbuild.rules.context import ArticleContext
    from graphbuild.rules.core import Core

    doc = Doc(Vocab(), words=["Kenya", "left", "."], sent_starts=[True, False, False])
    known = set(Core(ArticleContext.read(doc, ActorTable())).walker.conditions)
    for path in ROWS:
        conditions = set(path.start) | {c for step in path.steps for c in step.conditions}
        assert conditions <= known, (path, conditions - known)


def test_a_step_reads_labels_words_and_conditions():
    step = paths.parse_step("^prep[of|from]{passive,vbn}")
    assert step.up and step.deps == {"prep"} and step.words == {"of", "from"}
    assert step.conditions == ("passive", "vbn")
    path = paths.parse_path("verb", "subject", "@active,nosubj ^xcomp nsubj")
    assert path.start == ("active", "nosubj") and [s.deps for s in path.steps] == [{"xcomp"}, {"nsubj"}]
