"""Bad input, failures and interrupts: clear one-line errors, and earlier output never lost.

The end-to-end tests build through the CLI (click's runner, or a real process
where a signal must be sent) on tiny articles written for the tests
(``tests/data/robust_*``); the bad inputs are made in a temporary folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLI_PROCESS, child_pids
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from graphbuild import outputs, page
from graphbuild.cli import EXIT_INTERRUPTED, EXIT_SKIPPED, cli
from graphbuild.reading import read_articles
from graphbuild.vocab import GB, SCHEMA

DATA = Path(__file__).parent / "data"
OUTPUT_FILES = ("graph.ttl", "graph.html", "graph.gexf", "graph.graphml", "relations.csv")

#: The good articles, each with one actor the graph must hold.
GOOD = {
    "robust_harbour.txt": "Ines Duarte",
    "robust_farmers.md": "Peter Mwangi",
    "robust_school.html": "Anna Berg",
    "robust_latin1.txt": "José Ramírez",
}
#: Text that sits only inside <script>/<style> of robust_school.html.
SCRIPT_ONLY = ("Evil Script Actor", "Zorblax", "Quentin Scriptwriter", "Malicious")
#: Byte cap for the build; every good article is under it, big.txt over it.
MAX_BYTES = 4000


@pytest.fixture
def runner():
    return CliRunner()


def make_bad_folder(folder: Path) -> dict[str, str]:
    """Copy the good articles into ``folder`` and add one file of each bad kind.

    Returns:
        Each bad file's name, with a phrase its skip message must hold.
    """
    folder.mkdir()
    for name in GOOD:
        (folder / name).write_bytes((DATA / name).read_bytes())
    (folder / "robust_french.txt").write_bytes((DATA / "robust_french.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "big.txt").write_text("Big council story\n\n" + "The council of Oslo met on Monday. " * 200)
    # Sorted after robust_harbour.txt, so this is the copy that is skipped.
    (folder / "robust_harbour_copy.txt").write_bytes((DATA / "robust_harbour.txt").read_bytes())
    (folder / "notes.docx").write_text("Notes on the Lisbon Port Authority.")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "big.txt": "--max-bytes",
        "robust_french.txt": "French",
        "robust_harbour_copy.txt": "duplicate of",
        "notes.docx": "convert it to text",
    }


def labels_of_articles(graph: Graph) -> dict[str, set[str]]:
    """Per article source file name: the labels of the actors it mentions."""
    found: dict[str, set[str]] = {}
    for doc in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        name = Path(str(graph.value(doc, GB.source))).name
        found[name] = {str(graph.value(actor, RDFS.label)) for actor in graph.objects(doc, SCHEMA.mentions)}
    return found


def snapshot(folder: Path) -> dict[str, str]:
    """The sha256 of each output file in ``folder``."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in OUTPUT_FILES}


def no_traceback(result) -> None:
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


# The bar: a folder of good and bad articles


@pytest.mark.model
def test_bad_inputs_are_skipped_one_line_each_and_good_ones_built(runner, tmp_path):
    folder = tmp_path / "articles"
    bad = make_bad_folder(folder)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(folder), str(folder / "notes.docx"), "-o", str(out),
                                 "--max-bytes", str(MAX_BYTES), "-q"])
    no_traceback(result)
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad), lines
    for name, phrase in bad.items():
        mine = [line for line in lines if f" {folder / name}:" in line]
        assert len(mine) == 1, (name, lines)
        line = mine[0]
        # A duplicate is information (nothing is lost); the rest could not be read.
        assert line.startswith("graphbuild: note: " if phrase == "duplicate of" else "graphbuild: skipped "), line
        assert phrase in line, line
        # What is wrong, then what to do about it.
        assert "; " in line.split(": ", 2)[2], line

    graph = Graph().parse(out / "graph.ttl")
    mentioned = labels_of_articles(graph)
    assert set(mentioned) == set(GOOD)
    for name, actor in GOOD.items():
        assert actor in mentioned[name], (name, mentioned[name])
    every_text = " ".join(str(o) for o in graph.objects() if isinstance(o, Literal))
    for text in SCRIPT_ONLY:
        assert text not in every_text
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0


@pytest.mark.model
def test_an_exact_duplicate_is_noted_and_the_build_succeeds(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes((DATA / "robust_harbour.txt").read_bytes())
    (folder / "b.txt").write_bytes((DATA / "robust_harbour.txt").read_bytes())
    result = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [f"graphbuild: note: {folder / 'b.txt'}: duplicate of {folder / 'a.txt'} "
                                          f"(same text); read once, skipped here"]
    assert "Articles: 1 (1 duplicate)" in result.stdout


def test_latin1_file_is_read_and_its_encoding_named(tmp_path):
    (article,) = read_articles([DATA / "robust_latin1.txt"])
    expected = (DATA / "robust_latin1.txt").read_bytes().decode("latin-1")
    assert article.title == expected.splitlines()[0]
    assert "£200" in article.body and "El País" in article.body
    # Windows-1252 and ISO 8859-15 agree with Latin-1 on every character of this file.
    assert article.encoding in ("cp1252", "latin_1", "iso8859_15")


@pytest.mark.model
def test_explain_names_the_encoding(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(DATA / "robust_latin1.txt"), "-o", str(tmp_path / "out"),
                                 "--explain", "-q"])
    assert result.exit_code == 0, result.output
    header = result.stderr.splitlines()[0]
    assert "robust_latin1.txt" in header and "cp1252" in header


@pytest.mark.parametrize("setup, message", [
    ("missing", "no such file or folder"),
    ("empty_folder", "folder holds no .txt, .md or .html files"),
    ("pattern", "pattern matches no .txt, .md or .html file"),
])
def test_bad_paths_fail_in_one_line(runner, tmp_path, setup, message):
    if setup == "empty_folder":
        (tmp_path / "nothing").mkdir()
        target = str(tmp_path / "nothing")
    elif setup == "pattern":
        target = str(tmp_path / "*.txt")
    else:
        target = str(tmp_path / "no" / "such.txt")
    result = runner.invoke(cli, ["build", target, "-o", str(tmp_path / "out")])
    no_traceback(result)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphbuild: error: ") and message in lines[0], lines
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_all_inputs_bad_writes_nothing_and_keeps_earlier_output(runner, tmp_path):
    out = tmp_path / "out"
    first = runner.invoke(cli, ["build", str(DATA / "robust_harbour.txt"), "-o", str(out), "-q"])
    assert first.exit_code == 0, first.output
    before = snapshot(out)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(cli, ["build", str(tmp_path / "empty.txt"), str(DATA / "robust_french.txt"),
                                 "-o", str(out)])
    no_traceback(result)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["graphbuild"] * 3
    assert "not one article could be read" in lines[-1]
    assert snapshot(out) == before


@pytest.mark.model
def test_unwritable_output_folder_fails_in_one_line(runner, tmp_path):
    (tmp_path / "a_file").write_text("not a folder")
    result = runner.invoke(cli, ["build", str(DATA / "robust_harbour.txt"), "-o", str(tmp_path / "a_file" / "out")])
    no_traceback(result)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot write the outputs there" in lines[0], lines


@pytest.mark.model
def test_output_files_are_readable_by_others(runner, tmp_path):
    """Atomic writes go through mkstemp (owner-only); outputs must end up as open() would make them."""
    old = os.umask(0o022)
    try:
        result = runner.invoke(cli, ["build", str(DATA / "robust_harbour.txt"), "-o", str(tmp_path / "out"), "-q"])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    for name in OUTPUT_FILES:
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644, name


# No partial output


def write_many_articles(folder: Path, count: int) -> None:
    """``count`` distinct invented articles, long enough that parsing them takes seconds."""
    folder.mkdir()
    for i in range(count):
        sentences = " ".join(
            f"Minister Joao Silva of Portugal met the French ambassador in Paris about trade deal {i}-{j}, "
            f"the Lisbon Chamber of Commerce said on day {j}."
            for j in range(25))
        (folder / f"story_{i:03}.txt").write_text(f"Trade story {i}\n\n{sentences}\n")


@pytest.fixture
def earlier_build(runner, tmp_path):
    """An output folder holding a complete build of two articles, and its files' hashes."""
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(DATA / "robust_harbour.txt"), str(DATA / "robust_farmers.md"),
                                 "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out, snapshot(out)


def assert_unchanged(out: Path, before: dict[str, str]) -> None:
    assert snapshot(out) == before
    graph = Graph().parse(out / "graph.ttl")
    assert set(labels_of_articles(graph)) == {"robust_harbour.txt", "robust_farmers.md"}


@pytest.mark.model
@pytest.mark.parametrize("after_seconds", [0.5, 3.0, 6.0])
def test_killed_build_leaves_earlier_output_unchanged(earlier_build, tmp_path, after_seconds):
    out, before = earlier_build
    write_many_articles(tmp_path / "many", 30)
    process = subprocess.Popen([sys.executable, "-c", CLI_PROCESS, "build", str(tmp_path / "many"), "-o", str(out),
                                "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after_seconds)
    assert process.poll() is None, "the build finished before it could be killed; give it more articles"
    process.kill()
    process.wait()
    assert_unchanged(out, before)


@pytest.mark.model
def test_ctrl_c_prints_one_line_and_leaves_earlier_output(earlier_build, tmp_path):
    out, before = earlier_build
    write_many_articles(tmp_path / "many", 30)
    process = subprocess.Popen([sys.executable, "-c", CLI_PROCESS, "build", str(tmp_path / "many"), "-o", str(out),
                                "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    # Interrupt once parsing runs (the workers are forked then), not while Python is still importing:
    # on a busy machine imports take seconds, and an interrupt there is lost inside importlib.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not child_pids(process.pid):
        assert process.poll() is None, "the build finished before it could be interrupted"
        time.sleep(0.1)
    time.sleep(0.5)
    assert process.poll() is None, "the build finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole group, workers included
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == EXIT_INTERRUPTED, stderr
    assert "Traceback" not in stderr and "Process ForkPoolWorker" not in stderr, stderr
    messages = [line for line in stderr.splitlines() if line.startswith("graphbuild: ")]
    assert messages == ["graphbuild: interrupted; earlier output left unchanged"], stderr
    assert stdout == ""
    assert_unchanged(out, before)



@pytest.mark.model
def test_crash_while_writing_outputs_leaves_earlier_output(earlier_build, tmp_path, monkeypatch):
    """The exports are staged before the page; a page crash comes after three files are written."""
    out, before = earlier_build
    staged: list[str] = []

    def crash(network, path, **kwargs):
        staged.extend(p.name for p in Path(path).parent.iterdir())
        raise RuntimeError("simulated crash while writing the page")

    monkeypatch.setattr(page, "write_page", crash)
    monkeypatch.setattr(outputs, "_publish_linked", lambda *a: pytest.fail("nothing may be published"))
    result = CliRunner().invoke(cli, ["build", str(DATA / "robust_school.html"), "-o", str(out), "-q"])
    assert isinstance(result.exception, RuntimeError)
    assert {"graph.gexf", "graph.graphml", "relations.csv"} <= set(staged)
    assert_unchanged(out, before)
    assert not list((out / ".graphbuild").glob("staging-*")), "the staging folder is removed"


@pytest.mark.model
def test_interrupt_while_staging_leaves_earlier_output(earlier_build, monkeypatch):
    out, before = earlier_build

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.graphfile, "write_turtle", interrupted)
    result = CliRunner().invoke(cli, ["build", str(DATA / "robust_school.html"), "-o", str(out), "-q"])
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr.strip() == "graphbuild: interrupted; earlier output left unchanged"
    assert_unchanged(out, before)


def test_signals_are_held_while_publishing():
    """A Ctrl-C while files are moved into place is dropped, so no build is left half published."""
    reached = []
    before = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with outputs.signals_held():
            signal.raise_signal(signal.SIGINT)
            reached.append("after the signal")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)
    assert reached == ["after the signal"]



@pytest.mark.model
def test_messages_stay_one_line_whatever_the_file_name(runner, tmp_path):
    odd = tmp_path / "line\nbreak\tand é.txt"
    odd.write_bytes(b"")
    result = runner.invoke(cli, ["build", str(odd), str(tmp_path / "no\nsuch.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("graphbuild: error: ") and "no\\nsuch.txt" in line
    result = runner.invoke(cli, ["build", str(odd), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    skipped, error = result.stderr.splitlines()
    assert skipped.startswith("graphbuild: skipped ") and "line\\nbreak\\tand é.txt" in skipped
    assert error.startswith("graphbuild: error: not one article")


def test_next_build_sweeps_a_killed_builds_staging_folder(tmp_path):
    """A build killed while staging leaves its folder behind; the next build removes it, but never
    the staging folder of a build that is still running."""
    state = tmp_path / ".graphbuild"
    state.mkdir()
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    stale = state / f"staging-{ended.pid}-abc"
    stale.mkdir()
    (stale / "graph.ttl").write_text("half written", encoding="utf-8")
    running = state / f"staging-{os.getppid()}-def"
    running.mkdir()
    outputs.write_outputs(Graph(), tmp_path)
    assert not stale.exists()
    assert running.is_dir()
    assert (tmp_path / "graph.ttl").is_file()


@pytest.mark.model
def test_a_full_disk_while_caching_is_one_line_and_leaves_no_partial_entry(earlier_build, monkeypatch):
    from graphbuild import files

    out, before = earlier_build
    real_fdopen = os.fdopen

    class FullDisk:
        """A file that takes a few bytes, then reports the disk full (as a real write does)."""

        def __init__(self, handle):
            self.handle = handle

        def write(self, text):
            self.handle.write(text[:10])
            self.handle.flush()
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        return FullDisk(handle) if f"{os.sep}cache{os.sep}" in os.readlink(f"/proc/self/fd/{fd}") else handle

    monkeypatch.setattr(files.os, "fdopen", fdopen)
    result = CliRunner().invoke(cli, ["build", str(DATA / "robust_school.html"), "-o", str(out), "-q"])
    no_traceback(result)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("graphbuild: error: ") and "No space left on device" in line
    assert "earlier output left unchanged" in line
    monkeypatch.undo()
    assert_unchanged(out, before)
    leftovers = [p for p in (out / ".graphbuild").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    entries = list((out / ".graphbuild" / "cache").rglob("*.json"))
    assert len(entries) == 2 and all(json.loads(p.read_text()) for p in entries)  # the two earlier articles, whole
