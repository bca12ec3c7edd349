"""Publishing a build: a reader sees the whole earlier set of outputs or the whole new one, never a mix.

Graphs are built from hand-made records (no spaCy) and written by
:func:`graphbuild.outputs.write_outputs`; failures are simulated by putting a
folder where a file goes, or by making one rename fail (as an immutable file
would: the tests run as root, where permissions do not stop a rename).
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLI_PROCESS
from click.testing import CliRunner

from graphbuild import outputs
from graphbuild.cache import CURRENT, STATE_DIR, read_manifest
from graphbuild.cli import cli
from graphbuild.graph import build_graph
from graphbuild.outputs import OUTPUT_NAMES, PublishError, write_outputs
from graphbuild.query import load_graph, run_query
from graphbuild.records import Actor, Mention, Relation

DATA = Path(__file__).parent / "data"


def graph_naming(marker: str, make_result):
    """A small graph whose actors' names all hold ``marker``, so every output shows which build it is."""
    names = [f"{marker} Duarte", f"{marker} Port Authority", f"{marker}land"]
    body = " met ".join(names) + "."
    actors = [Actor(f"k{i}", name, ("Person", "Organization", "Country")[i],
                    mentions=(Mention(name, body.find(name), body.find(name) + len(name)),))
              for i, name in enumerate(names)]
    relations = [Relation("k0", "metWith", "k1", body, 0, len(body), 0.9, "svo"),
                 Relation("k1", "basedIn", "k2", body, 0, len(body), 0.8, "svo")]
    return build_graph([make_result(f"{marker} story", body, actors, relations)])


def snapshot(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUT_NAMES}


def markers_in(out: Path) -> set[str]:
    """Which builds' markers the output files hold (one marker when the set is whole)."""
    found = set()
    for name in OUTPUT_NAMES:
        text = (out / name).read_text(encoding="utf-8")
        found |= {m for m in ("Qzalpha", "Qzbravo") if m in text}
    return found


def fail_publishing(monkeypatch, name: str) -> None:
    """Make every rename onto a published path called ``name`` fail, as onto an immutable file.

    Only publishing is hit: the files written into the staging folder are renamed as usual.
    """
    real = os.replace

    def immutable(source, target, *args, **kwargs):
        if Path(target).name == name and f"{os.sep}staging-" not in str(target):
            raise PermissionError(1, "Operation not permitted", str(target))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", immutable)


def test_outputs_are_links_into_one_published_build(tmp_path, make_result):
    out = tmp_path / "out"
    write_outputs(graph_naming("Qzalpha", make_result), out)
    current = out / STATE_DIR / CURRENT
    assert current.is_symlink() and not os.path.isabs(os.readlink(current))
    for name in OUTPUT_NAMES:
        assert os.readlink(out / name) == f"{STATE_DIR}/{CURRENT}/{name}"  # relative: the folder can move
        assert (out / name).resolve().parent == current.resolve()
    assert run_query(load_graph(out / "graph.ttl"), "actors").rows


def test_a_copied_or_moved_folder_still_works(tmp_path, make_result):
    out = tmp_path / "out"
    write_outputs(graph_naming("Qzalpha", make_result), out)
    before = snapshot(out)
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, symlinks=True)  # as cp -r does: links stay links
    moved = tmp_path / "moved"
    out.rename(moved)
    assert snapshot(copy) == before and snapshot(moved) == before
    assert "Qzalpha Duarte" in (copy / "graph.html").read_text(encoding="utf-8")
    followed = tmp_path / "followed"
    shutil.copytree(moved, followed)  # as cp -rL does: links become files
    assert snapshot(followed) == before


def test_a_new_build_replaces_the_whole_set_and_keeps_the_previous_folder(tmp_path, make_result):
    out = tmp_path / "out"
    for marker in ("Qzalpha", "Qzbravo", "Qzalpha", "Qzbravo"):
        write_outputs(graph_naming(marker, make_result), out)
        assert markers_in(out) == {marker}
    assert len(list((out / STATE_DIR / outputs.BUILDS_DIR).iterdir())) == 2  # current and previous


def test_an_unchanged_build_touches_nothing(tmp_path, make_result):
    out = tmp_path / "out"
    write_outputs(graph_naming("Qzalpha", make_result), out)
    def state():
        return {p: (p.lstat().st_mtime_ns, os.readlink(p) if p.is_symlink() else p.read_bytes())
                for p in sorted(out.rglob("*")) if p.is_symlink() or p.is_file()}

    before = state()
    write_outputs(graph_naming("Qzalpha", make_result), out)
    assert state() == before


def test_plain_files_of_an_older_build_are_replaced_as_a_set(tmp_path, make_result, monkeypatch):
    """A folder written before builds were linked: its plain files are adopted unchanged, then switched."""
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUT_NAMES:
        (out / name).write_text(f"Qzbravo {name}\n")
    fail_publishing(monkeypatch, "graph.html")
    with pytest.raises(OSError, match="graph.html"):
        write_outputs(graph_naming("Qzalpha", make_result), out)
    assert markers_in(out) == {"Qzbravo"}  # some names are links now, to the same old content
    assert (out / "graph.ttl").is_symlink()
    monkeypatch.undo()
    write_outputs(graph_naming("Qzalpha", make_result), out)
    assert markers_in(out) == {"Qzalpha"}
    assert all((out / name).is_symlink() for name in OUTPUT_NAMES)


@pytest.mark.parametrize("blocked", ["graph.gexf", CURRENT])
def test_a_failed_publish_leaves_the_whole_earlier_set(tmp_path, make_result, monkeypatch, blocked):
    out = tmp_path / "out"
    write_outputs(graph_naming("Qzbravo", make_result), out)
    # A plain copy in place of the link (as a user might leave it): it must be replaced, and cannot be.
    content = (out / "graph.gexf").read_bytes()
    (out / "graph.gexf").unlink()
    (out / "graph.gexf").write_bytes(content)
    fail_publishing(monkeypatch, blocked)
    with pytest.raises(OSError, match=blocked):
        write_outputs(graph_naming("Qzalpha", make_result), out)
    assert markers_in(out) == {"Qzbravo"}
    assert not list((out / STATE_DIR).glob("staging-*"))


@pytest.mark.model
def test_a_folder_where_a_file_goes_fails_in_one_true_line(tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(DATA / "robust_harbour.txt"), "-o", str(out), "-q"]).exit_code == 0
    before = snapshot(out)
    (out / "graph.gexf").unlink()
    (out / "graph.gexf").mkdir()
    (out / "graph.gexf" / "notes.txt").write_text("a user's folder")
    result = runner.invoke(cli, ["build", str(DATA / "robust_farmers.md"), "-o", str(out), "-q"])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"graphbuild: error: {out / 'graph.gexf'}: cannot write")
    assert line.endswith("earlier output left unchanged")
    before.pop("graph.gexf")
    assert {name: digest for name, digest in snapshot_without(out, "graph.gexf").items()} == before
    assert [a.source for a in read_manifest(out)] == [str(DATA / "robust_harbour.txt")]
    assert (out / "graph.gexf" / "notes.txt").read_text() == "a user's folder"


def snapshot_without(out: Path, skipped: str) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUT_NAMES if name != skipped}


def test_without_links_a_failure_part_way_says_what_was_replaced(tmp_path, make_result, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(outputs, "_symlinks_work", lambda state: False)
    write_outputs(graph_naming("Qzbravo", make_result), out)
    fail_publishing(monkeypatch, "graph.gexf")
    with pytest.raises(PublishError, match="graph.ttl, graph.html already replaced, so the folder now mixes"):
        write_outputs(graph_naming("Qzalpha", make_result), out)


WRITER = """
import sys
sys.path.insert(0, {tests!r})
from conftest import _make_result
from test_publish import graph_naming
from graphbuild.outputs import write_outputs
graphs = [graph_naming("Qzalpha", _make_result), graph_naming("Qzbravo", _make_result)]
print("ready", flush=True)
i = 0
while True:
    write_outputs(graphs[i % 2], {out!r})
    i += 1
"""


def test_kill_9_at_any_moment_leaves_one_whole_set(tmp_path, make_result):
    out = tmp_path / "out"
    write_outputs(graph_naming("Qzalpha", make_result), out)
    rng = random.Random(13)
    seen = set()
    for _ in range(4):
        process = subprocess.Popen([sys.executable, "-c", WRITER.format(tests=str(Path(__file__).parent),
                                                                        out=str(out))],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.1, 0.8))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        found = markers_in(out)
        assert len(found) == 1, found
        seen |= found
    assert run_query(load_graph(out / "graph.ttl"), "actors").rows


# Two builds into one folder




@pytest.mark.model
def test_two_updates_at_once_both_land(tmp_path):
    from graphbuild.outputs import output_lock
    from graphbuild.pipeline import build

    out = tmp_path / "out"
    build([DATA / "robust_harbour.txt"], out)
    updates = [DATA / "robust_farmers.md", DATA / "robust_school.html"]
    with output_lock(out):  # held here, so both updates must wait for it, then for each other
        processes = [subprocess.Popen([sys.executable, "-c", CLI_PROCESS, "build", str(path), "-o", str(out),
                                       "--update", "-q"], stderr=subprocess.PIPE, text=True) for path in updates]
        for process in processes:
            line = process.stderr.readline()
            assert line.startswith("graphbuild: waiting: another build is writing into"), line
    for process in processes:
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr
    sources = {a.source for a in read_manifest(out)}
    assert sources == {str(DATA / "robust_harbour.txt"), *map(str, updates)}
