"""Writing every output of a build into one folder, all or nothing, and published at once.

Every file is first written into a staging folder inside the output folder's
state folder (``.graphbuild/``). Complete, it becomes a build folder of its own
(``.graphbuild/builds/<id>/``, the build's manifest beside its outputs), and
one symbolic link, ``.graphbuild/current``, is switched to it with a single
atomic rename. The names users open (``graph.ttl``, ``graph.html``, ...) are
links to ``.graphbuild/current/<name>``, made once, so a reader sees the
whole earlier set of outputs or the whole new one, never a mix, whether the
build fails, is interrupted or is killed at any moment. The links are
relative: a copied or moved folder keeps working, a page opens by double-click.

A build whose files are all the same as the current ones changes nothing. The
previous build folder is kept (a reader may still be reading it); older ones
are removed. Where the file system has no symbolic links, each file is
renamed into place in turn, and a failure part-way says which files were
replaced. Ctrl-C and SIGTERM are held back while the links change.
"""
from __future__ import annotations

import contextlib
import errno
import filecmp
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from rdflib import Graph

from . import exports, graphfile, page
from .cache import CURRENT, MANIFEST, STATE_DIR
from .network import actor_network, article_sources

GRAPH_FILE = "graph.ttl"
PAGE_FILE = "graph.html"
GEXF_FILE = "graph.gexf"
GRAPHML_FILE = "graph.graphml"
CSV_FILE = "relations.csv"
EVIDENCE_FILE = page.EVIDENCE_FILE_NAME


@dataclass(frozen=True, slots=True)
class OutputPaths:
    """Where a build wrote its files, and what the views hold."""

    graph: Path
    page: Path
    gexf: Path
    graphml: Path
    csv: Path
    evidence: Path
    actors: int
    relations: int
    page_info: page.PageInfo


#: The signals held back while finished files are moved into place.
HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done.

    A held SIGTERM is delivered afterwards. A held Ctrl-C is dropped: it came
    once the new build was all but in place, and stopping then would only
    make the CLI report an interrupted build that in fact completed. Only the
    main thread can handle signals; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {sig: signal.signal(sig, lambda sig, _frame: received.append(sig)) for sig in HELD_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(sig, handler)
        if signal.SIGTERM in received:
            signal.raise_signal(signal.SIGTERM)


def _sweep_stale_staging(state: Path) -> None:
    """Remove the staging folders of builds that were killed (their process is gone).

    A staging folder is named after the process that made it; one whose
    process still runs (another build into the same folder) is left alone.
    """
    for folder in state.glob("staging-*-*"):
        pid = folder.name.split("-")[1]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive, but another user's
            pass


#: The outputs of a build, in the order they are written and listed.
OUTPUT_NAMES = (GRAPH_FILE, PAGE_FILE, GEXF_FILE, GRAPHML_FILE, CSV_FILE, EVIDENCE_FILE)
BUILDS_DIR = "builds"


class PublishError(OSError):
    """Publishing failed; the message says what the output folder now holds."""


def _same_files(staging: Path, current: Path, names: Iterable[str]) -> bool:
    try:
        return all(filecmp.cmp(staging / name, current / name, shallow=False) for name in names)
    except OSError:
        return False


def _link(target: str, path: Path) -> None:
    """Make ``path`` a symbolic link to ``target``, atomically replacing what is there (unless a folder)."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        raise IsADirectoryError(errno.EISDIR, "a folder is in the way; move it", str(path))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(target, temporary)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _adopt_plain_files(out_dir: Path, state: Path, names: Iterable[str]) -> None:
    """Move an older layout (plain files, no ``current`` link) under ``current``, changing no content.

    The plain files are hard-linked (or copied) into a build folder of their
    own and ``current`` pointed at it, so that replacing each plain file by
    its link changes nothing a reader sees.
    """
    present = [name for name in names if (out_dir / name).is_file() and not (out_dir / name).is_symlink()]
    if not present or (state / CURRENT).is_symlink():
        return
    folder = state / BUILDS_DIR / f"{time.time_ns()}-{os.getpid()}-earlier"
    folder.mkdir(parents=True)
    for name in present:
        try:
            os.link(out_dir / name, folder / name)
        except OSError:
            shutil.copy2(out_dir / name, folder / name)
    legacy_manifest = state / MANIFEST
    if legacy_manifest.is_file():
        shutil.copy2(legacy_manifest, folder / MANIFEST)
    _link(f"{BUILDS_DIR}/{folder.name}", state / CURRENT)
    with contextlib.suppress(OSError):
        legacy_manifest.unlink()  # its copy is read through ``current`` now


def _remove_old_builds(state: Path, keep: set[str]) -> None:
    """Remove every build folder but the current and the previous one (a reader may still be in it)."""
    for folder in (state / BUILDS_DIR).iterdir():
        if folder.is_dir() and folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def _publish_linked(staging: Path, out_dir: Path, state: Path, names: tuple[str, ...]) -> None:
    """Publish a staged build by switching ``.graphbuild/current`` to it (see the module doc)."""
    current = state / CURRENT
    compared = (*names, MANIFEST) if (staging / MANIFEST).exists() else names
    if current.is_symlink() and _same_files(staging, current, compared):
        return  # nothing changed: touch nothing
    folder = state / BUILDS_DIR / f"{time.time_ns()}-{os.getpid()}"
    folder.parent.mkdir(exist_ok=True)
    os.rename(staging, folder)
    previous = os.readlink(current) if current.is_symlink() else None
    _adopt_plain_files(out_dir, state, names)
    for name in names:  # nothing a reader sees changes yet: the links point at the current build
        _link(f"{STATE_DIR}/{CURRENT}/{name}", out_dir / name)
    _link(f"{BUILDS_DIR}/{folder.name}", current)  # the one switch
    _remove_old_builds(state, {folder.name, Path(previous).name if previous else ""})


def _publish_in_turn(staging: Path, out_dir: Path, state: Path, names: tuple[str, ...]) -> None:
    """Publish file by file, for file systems without symbolic links; a failure says what was replaced."""
    replaced: list[str] = []
    for name in (*names, MANIFEST) if (staging / MANIFEST).exists() else names:
        target = state / MANIFEST if name == MANIFEST else out_dir / name
        try:
            if not (target.is_file() and filecmp.cmp(staging / name, target, shallow=False)):
                os.replace(staging / name, target)
        except OSError as exc:
            if replaced:
                raise PublishError(exc.errno, f"{exc.strerror}; {', '.join(replaced)} already replaced, so the "
                                   f"folder now mixes two builds: free the path and build again",
                                   exc.filename or str(target)) from exc
            raise
        replaced.append(name)


def _symlinks_work(state: Path) -> bool:
    probe = state / f".link-probe-{os.getpid()}"
    try:
        os.symlink("probe", probe)
    except OSError:
        return False
    probe.unlink()
    return True


#: The lock file that keeps two builds out of one output folder at once (inside :data:`STATE_DIR`).
LOCK_FILE = "lock"


@contextlib.contextmanager
def output_lock(out_dir: Path, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the output folder for one build; a second build waits for the first to end.

    The lock is an OS file lock (flock, through filelock): the system releases it
    when its process ends, so a killed build never leaves the folder locked.

    Args:
        out_dir: the output folder (its state folder must exist).
        on_wait: called once if another process holds the folder, before waiting.
    """
    lock = FileLock(out_dir / STATE_DIR / LOCK_FILE)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait()
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def write_outputs(graph: Graph, out_dir: Path, *, max_nodes: int = 500, title: str | None = None,
                  write_extra: Callable[[Path], None] | None = None) -> OutputPaths:
    """Write the graph, the page and the exports into ``out_dir``, all published at once.

    Args:
        graph: the built RDF graph.
        out_dir: the output folder (created if missing).
        max_nodes: the page's cap on actors drawn.
        title: the page title; None names the folder holding the articles.
        write_extra: called with the staging folder once the outputs are in it, to add
            files published with them (the build writes its manifest there, so the
            manifest always describes the graph beside it).

    Raises:
        OSError: when a file cannot be written or published; the earlier outputs are
            then all still in place (:class:`PublishError` when they could not be kept).
    """
    network = actor_network(graph)
    title = title or page.corpus_title(article_sources(graph))
    names = OUTPUT_NAMES
    state = out_dir / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    _sweep_stale_staging(state)
    staging = Path(tempfile.mkdtemp(prefix=f"staging-{os.getpid()}-", dir=state))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp's folder is owner-only; the published build is not
    try:
        staged = {name: staging / name for name in names}
        layout = exports.drawing(network)
        exports.write_gexf(network, staged[GEXF_FILE], layout=layout)
        exports.write_graphml(network, staged[GRAPHML_FILE], layout=layout)
        exports.write_csv(network, staged[CSV_FILE])
        exports.write_evidence_csv(network, staged[EVIDENCE_FILE])
        info = page.write_page(network, staged[PAGE_FILE], max_nodes=max_nodes, title=title)
        graphfile.write_turtle(graph, staged[GRAPH_FILE])
        if write_extra is not None:
            write_extra(staging)
        with signals_held():
            if _symlinks_work(state):
                _publish_linked(staging, out_dir, state, names)
            else:
                _publish_in_turn(staging, out_dir, state, names)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    paths = {name: out_dir / name for name in names}
    return OutputPaths(graph=paths[GRAPH_FILE], page=paths[PAGE_FILE], gexf=paths[GEXF_FILE],
                       graphml=paths[GRAPHML_FILE], csv=paths[CSV_FILE], evidence=paths[EVIDENCE_FILE],
                       actors=network.number_of_nodes(), relations=network.number_of_edges(), page_info=info)
