"""Cross-article merging: one node per real-world actor, by index (no model)."""
from __future__ import annotations

import time

from graphbuild.merge import merge_actors
from graphbuild.records import Actor, Article, ArticleResult, Mention


def _result(article_id: str, *actors: Actor) -> ArticleResult:
    return ArticleResult(article=Article(id=article_id, source=f"{article_id}.txt", title="", body=""),
                         actors=actors)


def _actor(label: str, kind: str, *aliases: str, mentions: int = 1) -> Actor:
    return Actor(key=label, label=label, type=kind, aliases=aliases,
                 mentions=tuple(Mention(label, 0, len(label)) for _ in range(mentions)))


def _groups(results) -> list[tuple[str, frozenset[str]]]:
    merged, _ = merge_actors(results)
    return sorted((m.label, frozenset(m.aliases)) for m in merged)


def test_same_canonical_name_is_one_node():
    merged, index = merge_actors([
        _result("a", _actor("Jacinda Ardern", "Person", "Ardern")),
        _result("b", _actor("Jacinda Ardern", "Person")),
    ])
    assert len(merged) == 1
    assert index[("a", "Jacinda Ardern")] == index[("b", "Jacinda Ardern")] == 0
    assert merged[0].articles == ["a", "b"] and merged[0].aliases == {"Ardern"}


def test_acronym_alias_joins_the_acronym_label():
    labels = _groups([
        _result("a", _actor("European Central Bank", "Organization", "ECB")),
        _result("b", _actor("ECB", "Organization")),
    ])
    assert labels == [("European Central Bank", frozenset({"ECB"}))]


def test_bare_acronym_joins_the_one_long_name_with_those_initials():
    labels = _groups([
        _result("a", _actor("International Monetary Fund", "Organization")),
        _result("b", _actor("IMF", "Organization")),
    ])
    assert labels == [("International Monetary Fund", frozenset({"IMF"}))]


def test_bare_acronym_with_two_candidates_stays_apart():
    labels = _groups([
        _result("a", _actor("African National Congress", "Organization")),
        _result("b", _actor("Asian Nations Council", "Organization")),
        _result("c", _actor("ANC", "Organization")),
    ])
    assert len(labels) == 3


def test_bare_surname_joins_the_one_person_with_that_surname():
    labels = _groups([
        _result("a", _actor("Keir Starmer", "Person", "Starmer")),
        _result("b", _actor("Starmer", "Person")),
    ])
    assert labels == [("Keir Starmer", frozenset({"Starmer"}))]


def test_bare_surname_joins_a_dominant_person():
    merged, _ = merge_actors([
        _result("a", _actor("Ed Miliband", "Person", mentions=30)),
        _result("b", _actor("David Miliband", "Person", mentions=2)),
        _result("c", _actor("Miliband", "Person")),
    ])
    assert sorted((m.label, frozenset(m.aliases)) for m in merged) == [
        ("David Miliband", frozenset()), ("Ed Miliband", frozenset({"Miliband"}))]


def test_bare_surname_shared_by_two_people_joins_neither():
    labels = _groups([
        _result("a", _actor("Ed Miliband", "Person")),
        _result("b", _actor("David Miliband", "Person")),
        _result("c", _actor("Miliband", "Person")),
    ])
    assert len(labels) == 3


def test_single_word_alias_alone_never_merges():
    labels = _groups([
        _result("a", _actor("Gordon Brown", "Person", "Brown")),
        _result("b", _actor("Brown", "Organization")),
    ])
    assert len(labels) == 2


def test_fullest_label_wins_and_every_form_is_kept():
    merged, _ = merge_actors([
        _result("a", _actor("Shinzo Abe", "Person", "Abe")),
        _result("b", _actor("Abe", "Person")),
    ])
    assert [(m.label, m.aliases, m.mention_count) for m in merged] == [("Shinzo Abe", {"Abe"}, 2)]


def test_type_is_the_weighted_majority():
    merged, _ = merge_actors([
        _result("a", _actor("Amnesty International", "Organization", mentions=3)),
        _result("b", _actor("Amnesty International", "Person", mentions=1)),
    ])
    assert merged[0].type == "Organization"


def test_merging_is_near_linear():
    """20,000 actors merge in well under a second: by index, never all pairs."""
    results = [_result(f"a{i}", _actor(f"Person {i} Name", "Person", f"Name{i}"),
                       _actor(f"ORG{i % 500}", "Organization"))
               for i in range(10_000)]
    start = time.perf_counter()
    merged, _ = merge_actors(results)
    assert time.perf_counter() - start < 2.0
    assert len(merged) == 10_000 + 500


def test_middle_initials_do_not_split_a_person():
    labels = _groups([
        _result("a", _actor("Mary J. Blige", "Person")),
        _result("b", _actor("Mary Blige", "Person")),
    ])
    assert len(labels) == 1


def test_one_articles_odd_label_does_not_win():
    merged, _ = merge_actors([
        _result("a", _actor("Green Party", "Organization", "Greens", mentions=5)),
        _result("b", _actor("Green Party", "Organization", mentions=5)),
        _result("c", _actor("Green Party of", "Organization", "Green Party", mentions=1)),
    ])
    assert [m.label for m in merged] == ["Green Party"]


def test_a_rare_full_name_does_not_beat_a_common_bare_one():
    merged, _ = merge_actors([
        _result("a", _actor("Greens", "Organization", "xGreens Party", mentions=40)),
        _result("b", _actor("xGreens Party", "Organization", mentions=1)),
    ])
    assert [m.label for m in merged] == ["Greens"]


def test_bare_organization_name_joins_the_name_with_an_organization_noun():
    labels = _groups([
        _result("a", _actor("Labour Party", "Organization")),
        _result("b", _actor("Labour", "Organization", mentions=5)),
    ])
    assert labels == [("Labour Party", frozenset({"Labour"}))]


def test_a_bare_company_is_not_its_regional_arm_or_service():
    labels = _groups([
        _result("a", _actor("Nintendo Europe", "Organization", "Nintendo")),
        _result("b", _actor("Nintendo", "Organization", mentions=5)),
        _result("c", _actor("Google News", "Organization")),
        _result("d", _actor("Google", "Organization", mentions=5)),
    ])
    assert [label for label, _ in labels] == ["Google", "Google News", "Nintendo", "Nintendo Europe"]


def test_bare_organization_name_with_two_candidates_stays_apart():
    labels = _groups([
        _result("a", _actor("Apex Group", "Organization")),
        _result("b", _actor("Apex Party", "Organization")),
        _result("c", _actor("Apex", "Organization")),
    ])
    assert [label for label, _ in labels] == ["Apex", "Apex Group", "Apex Party"]
