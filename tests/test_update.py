"""The build cache and ``--update``: add articles without rebuilding, and change nothing needlessly.

Building A then updating with B must give the same graph as building A and B
at once; an unchanged re-run must parse nothing and touch no file.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from graphbuild import nlp, pipeline
from graphbuild.cache import CURRENT, MANIFEST, STATE_DIR, ResultCache, read_manifest
from graphbuild.cli import cli
from graphbuild.errors import GraphbuildError
from graphbuild.records import Actor, Mention
from graphbuild.vocab import SCHEMA

DATA = Path(__file__).parent / "data"
OUTPUT_FILES = ("graph.ttl", "graph.html", "graph.gexf", "graph.graphml", "relations.csv")


@pytest.fixture
def inputs(tmp_path):
    """Two folders of articles: A (two stories) and B (two more)."""
    folders = {"a": ("robust_harbour.txt", "robust_farmers.md"), "b": ("robust_school.html", "robust_latin1.txt")}
    for folder, names in folders.items():
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(DATA / name, tmp_path / folder / name)
    return tmp_path / "a", tmp_path / "b"


def graph_of(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl")


def state_of(out: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``out``: its mtime (ns) and bytes."""
    return {str(p.relative_to(out)): (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.mark.model
def test_update_equals_building_all_at_once(inputs, tmp_path):
    a, b = inputs
    first = pipeline.build([a], tmp_path / "inc")
    assert (first.articles, first.parsed) == (2, 2)
    second = pipeline.build([b], tmp_path / "inc", update=True)
    assert (second.articles, second.parsed) == (4, 2)
    pipeline.build([a, b], tmp_path / "all")
    assert isomorphic(graph_of(tmp_path / "inc"), graph_of(tmp_path / "all"))
    assert [x.source for x in read_manifest(tmp_path / "inc")] == [x.source for x in read_manifest(tmp_path / "all")]


@pytest.mark.model
def test_unchanged_rerun_parses_nothing_and_touches_no_file(inputs, tmp_path):
    a, _ = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    before = state_of(out)
    again = pipeline.build([a], out)
    assert again.parsed == 0 and again.articles == 2
    assert state_of(out) == before


@pytest.mark.model
def test_update_with_present_articles_adds_nothing(inputs, tmp_path):
    a, _ = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    before = state_of(out)
    report = pipeline.build([a / "robust_harbour.txt"], out, update=True)
    assert report.parsed == 0 and report.articles == 2
    assert state_of(out) == before


@pytest.mark.model
def test_rebuild_parses_only_new_articles(inputs, tmp_path):
    a, b = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    report = pipeline.build([a, b], out)
    assert (report.articles, report.parsed) == (4, 2)


@pytest.mark.model
def test_update_keeps_sources_of_the_last_build(inputs, tmp_path):
    """An article cached from one path and rebuilt from another keeps the newer path through --update."""
    a, b = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    moved = tmp_path / "moved"
    shutil.copytree(a, moved)
    pipeline.build([moved], out)  # from the cache, under the new paths
    pipeline.build([b], out, update=True)
    pipeline.build([moved, b], tmp_path / "all")
    assert isomorphic(graph_of(out), graph_of(tmp_path / "all"))


@pytest.mark.model
def test_update_cli_without_earlier_build_fails_in_one_line(inputs, tmp_path):
    a, _ = inputs
    out = tmp_path / "empty_out"
    result = CliRunner().invoke(cli, ["build", str(a), "-o", str(out), "--update"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no earlier build to update" in lines[0], lines
    assert "Traceback" not in result.output
    assert not any(out.glob("*.ttl"))


@pytest.mark.model
def test_update_cli_with_damaged_manifest_fails_in_one_line(inputs, tmp_path):
    a, b = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    (out / STATE_DIR / CURRENT / MANIFEST).write_text("{not json")
    result = CliRunner().invoke(cli, ["build", str(b), "-o", str(out), "--update"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "manifest is damaged" in lines[0], lines


def damage_cache(out: Path, content: bytes) -> int:
    files = list((out / STATE_DIR / "cache").rglob("*.json"))
    for path in files:
        path.write_bytes(content)
    return len(files)


@pytest.mark.model
@pytest.mark.parametrize("content", [b"", b"not json", b'{"article": {"id": 7}}', b'{"actors": [[[]]]}',
                                     b"\x80\x05\x95\xff\xff\xff\xff\xff\xff\xff\x7f", bytes(range(256))])
def test_damaged_cache_falls_back_to_parsing(inputs, tmp_path, content):
    a, _ = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    before = graph_of(out)
    assert damage_cache(out, content) == 2
    report = pipeline.build([a], out)
    assert report.parsed == 2
    assert isomorphic(graph_of(out), before)


@pytest.mark.model
def test_damaged_cache_under_update_fails_in_one_line(inputs, tmp_path):
    a, b = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    damage_cache(out, b"garbage")
    with pytest.raises(GraphbuildError, match="rebuild without --update"):
        pipeline.build([b], out, update=True)


def test_cache_is_per_model(tmp_path, make_result):
    result = make_result("t", "Mayor Ines Duarte spoke.",
                         [Actor("d", "Ines Duarte", "Person", mentions=(Mention("Ines Duarte", 9, 20),))], [])
    ResultCache(tmp_path, "en_core_web_sm-3.8.0").put(result)
    assert ResultCache(tmp_path, "en_core_web_sm-3.8.0").load(result.article.id) == result
    assert ResultCache(tmp_path, "en_core_web_md-3.8.0").load(result.article.id) is None
    assert ResultCache(tmp_path, "en_core_web_sm-3.7.1").load(result.article.id) is None


def test_cache_ignores_hostile_article_ids(tmp_path):
    cache = ResultCache(tmp_path / "out", "m")
    for bad_id in ("", "..", "../../../etc/passwd", "/etc/passwd", "a\x00b"):
        assert cache.load(bad_id) is None


@pytest.mark.model
def test_changed_model_parses_again_in_its_own_cache(inputs, tmp_path, monkeypatch):
    a, _ = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)
    real = pipeline.model_identity
    monkeypatch.setattr(pipeline, "model_identity", lambda model: real(model) + "-retrained")
    report = pipeline.build([a], out)
    assert report.parsed == 2
    caches = sorted(p.name for p in (out / STATE_DIR / "cache").iterdir())
    assert len(caches) == 2 and caches[1].endswith("-retrained-graphbuild-" + caches[0].split("-graphbuild-")[1])
    assert json.loads((out / STATE_DIR / CURRENT / MANIFEST).read_text())["model"].endswith("-retrained")


@pytest.mark.model
def test_cli_update_summary_counts_cached_articles(inputs, tmp_path):
    a, b = inputs
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(a), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["build", str(b), "-o", str(out), "--update"])
    assert result.exit_code == 0, result.output
    assert "Articles: 4; 2 from the cache" in result.stdout


@pytest.mark.model
def test_cached_rerun_never_loads_the_model(inputs, tmp_path, monkeypatch):
    a, _ = inputs
    out = tmp_path / "out"
    pipeline.build([a], out)

    def no_loading(model=None):
        raise AssertionError("the model was loaded although every article is cached")

    monkeypatch.setattr(nlp, "load_pipeline", no_loading)
    report = pipeline.build([a], out)
    assert report.parsed == 0
    assert pipeline.model_identity(None) == json.loads((out / STATE_DIR / CURRENT / MANIFEST).read_text())["model"]


def test_cache_never_unpickles(tmp_path, make_result):
    """A cache folder from elsewhere cannot run code: entries are JSON, read back to the same records."""
    result = make_result("t", "Mayor Ines Duarte spoke.",
                         [Actor("d", "Ines Duarte", "Person", aliases=("Duarte",),
                                mentions=(Mention("Ines Duarte", 9, 20),))], [])
    cache = ResultCache(tmp_path, "en_core_web_sm-3.8.0")
    cache.put(result)
    entry = next(cache.folder.rglob("*"  + ".json"))
    assert json.loads(entry.read_text(encoding="utf-8"))["actors"][0]["label"] == "Ines Duarte"
    assert cache.load(result.article.id) == result


@pytest.mark.model
def test_update_with_an_edited_article_replaces_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("Port talks\n\nMayor Ines Duarte met Spain's foreign minister in Lisbon on Monday.\n")
    out = tmp_path / "out"
    pipeline.build([story], out)
    story.write_text("Port talks\n\nMayor Ines Duarte met Chancellor Olaf Scholz in Lisbon on Monday.\n")
    report = pipeline.build([story], out, update=True)
    assert report.articles == 1
    headlines = list(graph_of(out).objects(None, SCHEMA.headline))
    assert len(headlines) == 1
    labels = {str(o) for o in graph_of(out).objects(None, RDFS.label)}
    assert "Olaf Scholz" in labels
