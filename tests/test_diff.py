"""graphbuild.diff: what changed between two graphs, on records written for these tests."""
from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.diff import diff_graphs, format_json, format_text, graph_file
from graphbuild.errors import GraphbuildError
from graphbuild.graph import build_graph
from graphbuild.graphfile import write_turtle
from graphbuild.records import Actor, Mention, Relation

MET = "Lena Moravec met Piet Dorn in Belgrade."
SIGNED = "Moravec signed a rail deal with Dorn."


def _actor(key, label, kind="Person", aliases=()):
    return Actor(key, label, kind, aliases=tuple(aliases), mentions=(Mention(label, 0, len(label)),))


def _story(make_result, title, text, actors, relations, date="", source=None):
    result = make_result(title, text, actors, relations, source=source or f"{title}.txt")
    return dataclasses.replace(result, article=dataclasses.replace(result.article, date=date))


def _met(make_result, moravec, date="2024-03-12", subject="m", obj="d"):
    return _story(make_result, "Talks", MET, [moravec, _actor("d", "Piet Dorn")],
                  [Relation(subject, "metWith", obj, MET, 0, len(MET), 0.7, "svo")], date)


def _relations(items):
    return {(r.subject, r.relation, r.object) for r in items}


def test_identical_graphs_have_no_changes(make_result):
    graph = build_graph([_met(make_result, _actor("m", "Lena Moravec"))])
    changes = diff_graphs(graph, graph)
    assert changes.empty
    assert format_text(changes).endswith("No changes.")


def test_an_actor_whose_name_now_belongs_to_another_is_merged_not_removed(make_result):
    before = build_graph([_met(make_result, _actor("m", "Moravec"))])
    after = build_graph([_met(make_result, _actor("m", "Lena Moravec", aliases=["Moravec"]))])
    changes = diff_graphs(before, after)
    assert [(m.actor.label, m.into.label) for m in changes.actors_merged] == [("Moravec", "Lena Moravec")]
    assert changes.actors_added == () and changes.actors_removed == ()
    # Her relation, under her new name, with the same evidence, is no change either.
    assert changes.relations_added == changes.relations_removed == changes.relations_restated == ()


def test_an_actor_with_no_name_left_is_removed_and_a_new_one_added(make_result):
    before = build_graph([_met(make_result, _actor("m", "Lena Moravec"))])
    after = build_graph([_met(make_result, _actor("m", "Ines Varga"))])
    changes = diff_graphs(before, after)
    assert [a.label for a in changes.actors_removed] == ["Lena Moravec"]
    assert [a.label for a in changes.actors_added] == ["Ines Varga"]
    assert _relations(changes.relations_removed) == {("Lena Moravec", "met with", "Piet Dorn")}
    assert _relations(changes.relations_added) == {("Ines Varga", "met with", "Piet Dorn")}


def test_a_relation_stated_again_is_restated_with_its_new_evidence_and_dates(make_result):
    moravec = _actor("m", "Lena Moravec")
    first = _met(make_result, moravec, "2024-03-12")
    again = _story(make_result, "Deal", SIGNED, [moravec, _actor("d", "Piet Dorn")],
                   [Relation("m", "metWith", "d", SIGNED, 0, len(SIGNED), 0.6, "svo"),
                    Relation("m", "signedWith", "d", SIGNED, 0, len(SIGNED), 0.7, "svo")], "2024-03-20")
    changes = diff_graphs(build_graph([first]), build_graph([first, again]))
    assert _relations(changes.relations_added) == {("Lena Moravec", "signed with", "Piet Dorn")}
    (restated,) = changes.relations_restated
    assert (restated.relation.first_seen, restated.relation.last_seen) == ("2024-03-12", "2024-03-20")
    assert [(ev["date"], ev["sentence"]) for ev in restated.evidence_added] == [("2024-03-20", SIGNED)]
    assert restated.evidence_removed == ()
    assert changes.actors_added == ()


def test_a_symmetric_relation_stated_the_other_way_round_is_the_same(make_result):
    moravec = _actor("m", "Lena Moravec")
    before = build_graph([_met(make_result, moravec)])
    after = build_graph([_met(make_result, moravec, subject="d", obj="m")])
    assert diff_graphs(before, after).empty


def test_text_and_json_give_every_change_with_its_evidence(make_result):
    before = build_graph([_met(make_result, _actor("m", "Moravec"))])
    after = build_graph([_met(make_result, _actor("m", "Lena Moravec", aliases=["Moravec"])),
                         _story(make_result, "Deal", SIGNED, [_actor("m", "Lena Moravec"), _actor("d", "Piet Dorn")],
                                [Relation("m", "signedWith", "d", SIGNED, 0, len(SIGNED), 0.7, "svo")],
                                "2024-03-20")])
    changes = diff_graphs(before, after, old_name="old.ttl", new_name="new.ttl")
    text = format_text(changes).splitlines()
    assert text[:3] == ["graphbuild diff: old.ttl -> new.ttl", "Actors: 0 added, 0 removed, 1 merged",
                        "Relations: 1 added, 0 removed, 0 restated"]
    assert "  ~ Moravec (Person), seen 2024-03-12 -> Lena Moravec (Person), seen 2024-03-12 to 2024-03-20" in text
    assert "  + Lena Moravec  signed with  Piet Dorn  (1 statement, seen 2024-03-20)" in text
    assert f"        2024-03-20  {SIGNED}  (Deal)" in text
    data = json.loads(format_json(changes))
    assert data["actors"]["merged"][0]["actor"]["label"] == "Moravec"
    assert data["relations"]["added"][0]["evidence"] == [
        {"date": "2024-03-20", "sentence": SIGNED, "article": "Deal", "source": "Deal.txt", "confidence": 0.7}]


def test_text_shows_a_few_sentences_per_relation_and_counts_the_rest(make_result):
    moravec, dorn = _actor("m", "Lena Moravec"), _actor("d", "Piet Dorn")
    stories = [_story(make_result, f"Talks {n}", MET, [moravec, dorn],
                      [Relation("m", "metWith", "d", MET, 0, len(MET), 0.7, "svo")], f"2024-03-{n + 10}")
               for n in range(5)]
    text = format_text(diff_graphs(build_graph([]), build_graph(stories)), evidence=2)
    assert text.count(MET) == 2 and "      ... and 3 more" in text.splitlines()


def test_graph_file_takes_a_file_or_an_output_folder(tmp_path, make_result):
    write_turtle(build_graph([_met(make_result, _actor("m", "Lena Moravec"))]), tmp_path / "graph.ttl")
    assert graph_file(tmp_path) == tmp_path / "graph.ttl"
    assert graph_file(tmp_path / "graph.ttl") == tmp_path / "graph.ttl"
    (tmp_path / "empty").mkdir()
    with pytest.raises(GraphbuildError, match="folder holds no graph.ttl"):
        graph_file(tmp_path / "empty")
    with pytest.raises(GraphbuildError, match="no such graph file or output folder"):
        graph_file(tmp_path / "missing.ttl")


@pytest.mark.parametrize("args, message", [
    (["missing.ttl", "graph.ttl"], "no such graph file or output folder"),
    (["garbage.ttl", "graph.ttl"], "not a readable RDF graph"),
])
def test_diff_command_errors_are_one_line(tmp_path, make_result, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    write_turtle(build_graph([_met(make_result, _actor("m", "Lena Moravec"))]), tmp_path / "graph.ttl")
    (tmp_path / "garbage.ttl").write_text("this is { not turtle", encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", *args])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def test_a_statement_whose_article_is_dated_anew_is_restated(make_result):
    moravec = _actor("m", "Lena Moravec")
    changes = diff_graphs(build_graph([_met(make_result, moravec, "")]),
                          build_graph([_met(make_result, moravec, "2024-03-12")]))
    (restated,) = changes.relations_restated
    assert [ev["date"] for ev in restated.evidence_added] == ["2024-03-12"]
    assert [ev["date"] for ev in restated.evidence_removed] == [""]
