"""The user's alias file: read and checked (no model), applied by a build and by --update (CLI runner)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDFS, SKOS

from graphbuild.aliases import AliasFileError, read_aliases
from graphbuild.cli import cli


def test_rules_are_read_with_names_normalized(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("# my corrections\n\nmerge\tVeltrox\tThe Veltrox Group\n"
                    "split\tCongress\nretype\tVeltrox\tCorporation\n", encoding="utf-8")
    rules = read_aliases(path)
    assert rules.merges == (frozenset({"veltrox", "veltrox group"}),)
    assert rules.splits == {"congress"} and rules.types == {"veltrox": ("Organization", "Corporation")}


@pytest.mark.parametrize("line, message", [
    ("join\tA\tB", "unknown rule 'join'"),
    ("merge\tA", "merge takes two names or more"),
    ("split\tA\tB", "split takes one name"),
    ("retype\tA\tCompany", "unknown type 'Company'"),
])
def test_a_bad_line_is_named_with_its_file_and_number(tmp_path, line, message):
    path = tmp_path / "aliases.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match=message) as info:
        read_aliases(path)
    assert str(info.value).startswith(f"{path}:2: ")


ARTICLES = {
    "a.txt": "Harbour deal signed\n\nThe Lisbon Port Authority signed a deal with Spain on Monday.\n",
    "b.txt": "Port body hires staff\n\nThe LPA Board hired forty people in Lisbon, its chair Ines Duarte said.\n",
}


def _labels(out) -> dict[str, set[str]]:
    graph = Graph().parse(out / "graph.ttl")
    return {str(label): {str(a) for a in graph.objects(node, SKOS.altLabel)}
            for node, label in graph.subject_objects(RDFS.label) if "/id/organization/" in str(node)}


@pytest.mark.model
def test_build_and_update_apply_the_alias_file(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("merge\tLisbon Port Authority\tLPA Board\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(folder), "-o", str(out), "-q", "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    assert "Lisbon Port Authority" in _labels(out)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "b.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")
    without = runner.invoke(cli, ["build", str(folder), str(tmp_path / "more"), "-o", str(tmp_path / "plain"), "-q"])
    assert without.exit_code == 0 and {"Lisbon Port Authority", "LPA Board"} <= set(_labels(tmp_path / "plain"))
    result = runner.invoke(cli, ["build", str(tmp_path / "more"), "-o", str(out), "-q", "--update",
                                 "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    labels = _labels(out)
    assert "LPA Board" in labels["Lisbon Port Authority"] and "LPA Board" not in labels


def test_a_bad_alias_file_stops_the_build_with_one_line(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("join\tA\tB\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                                      "--aliases", str(aliases)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "aliases.tsv:1: unknown rule" in lines[0]
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_missing_alias_file_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                                      "--aliases", str(tmp_path / "nope.tsv")])
    assert result.exit_code == 1 and "cannot read the alias file" in result.output
