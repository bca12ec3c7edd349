"""Writing every output of a build into one folder, all or nothing.

Every file is first written into a staging folder inside the output folder;
only when all are complete are they moved over the earlier ones, one rename
each. A run that fails or is killed before that leaves the earlier outputs
as they were (the next build removes a killed run's staging folder). A file
whose content did not change is left untouched. While the files are moved
into place, Ctrl-C and SIGTERM are held back until the last one (and the
build's manifest) is in place, so an interrupt never leaves a mix of two builds.
"""
from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from . import exports, graphfile, page
from .cache import STATE_DIR
from .network import actor_network

GRAPH_FILE = "graph.ttl"
PAGE_FILE = "graph.html"
GEXF_FILE = "graph.gexf"
GRAPHML_FILE = "graph.graphml"
CSV_FILE = "relations.csv"


@dataclass(frozen=True, slots=True)
class OutputPaths:
    """Where a build wrote its files, and what the views hold."""

    graph: Path
    page: Path
    gexf: Path
    graphml: Path
    csv: Path
    actors: int
    relations: int
    page_info: page.PageInfo


def publish(staged: Path, target: Path) -> None:
    """Move a finished file over its target, unless the target already holds the same bytes."""
    if target.is_file() and filecmp.cmp(staged, target, shallow=False):
        staged.unlink()
    else:
        os.replace(staged, target)


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


def write_outputs(graph: Graph, out_dir: Path, *, max_nodes: int = 500, title: str = "graphbuild",
                  on_published: Callable[[], None] | None = None) -> OutputPaths:
    """Write the graph, the page and the exports into ``out_dir``.

    Args:
        graph: the built RDF graph.
        out_dir: the output folder (created if missing).
        max_nodes: the page's cap on actors drawn.
        title: the page title.
        on_published: called once every file is in place, before held signals
            are let through (the build writes its manifest here, so the
            manifest always describes the graph beside it).
    """
    network = actor_network(graph)
    names = (GRAPH_FILE, PAGE_FILE, GEXF_FILE, GRAPHML_FILE, CSV_FILE)
    state = out_dir / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    _sweep_stale_staging(state)
    staging = Path(tempfile.mkdtemp(prefix=f"staging-{os.getpid()}-", dir=state))
    try:
        staged = {name: staging / name for name in names}
        layout = exports.drawing(network)
        exports.write_gexf(network, staged[GEXF_FILE], layout=layout)
        exports.write_graphml(network, staged[GRAPHML_FILE], layout=layout)
        exports.write_csv(network, staged[CSV_FILE])
        info = page.write_page(network, staged[PAGE_FILE], max_nodes=max_nodes, title=title)
        graphfile.write_turtle(graph, staged[GRAPH_FILE])
        with signals_held():
            for name in names:
                publish(staged[name], out_dir / name)
            if on_published is not None:
                on_published()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    paths = {name: out_dir / name for name in names}
    return OutputPaths(graph=paths[GRAPH_FILE], page=paths[PAGE_FILE], gexf=paths[GEXF_FILE],
                       graphml=paths[GRAPHML_FILE], csv=paths[CSV_FILE],
                       actors=network.number_of_nodes(), relations=network.number_of_edges(), page_info=info)
