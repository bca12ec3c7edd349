"""Shared fixtures. Each engineer's fixtures sit under their own heading."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


# graph fixtures
@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for the session."""
    from graphbuild.nlp import load_pipeline

    return load_pipeline()


def _make_result(title: str, body: str, actors, relations, source: str = "test.txt"):
    import hashlib

    from graphbuild.records import Article, ArticleResult

    digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()[:16]
    article = Article(id=digest, source=source, title=title, body=body)
    return ArticleResult(article=article, actors=tuple(actors), relations=tuple(relations))


@pytest.fixture
def make_result():
    """Build an ArticleResult from plain values, for tests that need no spaCy."""
    return _make_result


# views fixtures
# Small RDF graphs built from hand-written records (tests/data/views_*.json) through
# graphbuild.graph.build_graph, so the view tests need no spaCy model.
VIEWS_DATA = Path(__file__).parent / "data"


def views_records(name: str):
    """The article results described by ``tests/data/<name>``; offsets are found in the text."""
    import hashlib
    import json

    from graphbuild.records import Actor, Article, ArticleResult, Mention, Relation

    results = []
    for item in json.loads((VIEWS_DATA / name).read_text(encoding="utf-8"))["articles"]:
        body, title = item["body"], item["title"]
        article = Article(id=hashlib.sha1((title + body).encode()).hexdigest()[:16],
                          source=item["source"], title=title, body=body)
        text = article.text

        def span(fragment: str) -> tuple[int, int]:
            start = text.find(fragment)
            assert start >= 0, f"{fragment!r} is not in the text of {name}"
            return start, start + len(fragment)

        actors = tuple(
            Actor(key=a["key"], label=a["label"], type=a["type"], subtype=a.get("subtype", ""),
                  aliases=tuple(a.get("aliases", ())),
                  mentions=tuple(Mention(m, *span(m)) for m in a["mentions"]))
            for a in item["actors"])
        relations = tuple(
            Relation(subject=r["subject"], predicate=r["predicate"], object=r["object"],
                     sentence=r["sentence"], start=span(r["sentence"])[0], end=span(r["sentence"])[1],
                     confidence=r["confidence"], construction=r["construction"],
                     label=r.get("label", ""), hypothetical=r.get("hypothetical", False))
            for r in item["relations"])
        results.append(ArticleResult(article=article, actors=actors, relations=relations))
    return results


@pytest.fixture
def sample_graph():
    """Two invented articles: 8 actors of all four types, structural and event relations,
    a symmetric relation stated both ways, one low-confidence and one hypothetical statement."""
    from graphbuild.graph import build_graph

    return build_graph(views_records("views_sample.json"))


@pytest.fixture
def injection_graph():
    """One article whose names, headline, source and sentences try to break HTML/JSON/XML/CSV."""
    from graphbuild.graph import build_graph

    return build_graph(views_records("views_injection.json"))


# dates fixtures
#: The publication dates given to the two articles of tests/data/views_sample.json by ``dated_graph``.
SAMPLE_DATES = {"views/harbour.txt": "2024-01-07", "views/ostrand.txt": "2024-02-03"}


def dated_records(dates=None):
    """The records of tests/data/views_sample.json, each article dated per ``dates`` (source -> ISO date)."""
    import dataclasses

    dates = SAMPLE_DATES if dates is None else dates
    return [dataclasses.replace(r, article=dataclasses.replace(r.article, date=dates.get(r.article.source, "")))
            for r in views_records("views_sample.json")]


@pytest.fixture
def dated_graph():
    """The sample graph with its two articles published on 2024-01-07 (harbour) and 2024-02-03 (ostrand)."""
    from graphbuild.graph import build_graph

    return build_graph(dated_records())


# process fixtures
#: A Python that runs the CLI with Python's own Ctrl-C handling, even when the test runner was
#: started in the background (where the shell makes children ignore SIGINT).
CLI_PROCESS = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
               "sys.argv[0] = 'graphbuild'; from graphbuild.cli import main; main()")


def child_pids(pid: int) -> list[str]:
    """The processes ``pid`` has started (Linux), e.g. to wait until a build's workers or a query's runner exist."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return handle.read().split()
    except OSError:
        return []


# servers fixtures (Dask scheduler and workers, Oxigraph server)
# Each server is a real process from this venv, bound to 127.0.0.1 on a free port, stopped
# afterwards even when the test fails; its output goes to a log shown if it fails to start.
BIN = Path(__import__("sys").executable).parent


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 right now."""
    from graphbuild.serve import free_port as pick

    return pick("127.0.0.1")


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    from graphbuild.serve import listening as accepts

    return accepts("127.0.0.1", port)


class Running:
    """A started server process; ``stop()`` ends it (and its children, e.g. a nanny's worker)."""

    def __init__(self, args, log: Path, env=None) -> None:
        import subprocess

        self.log = log
        self._log = log.open("w")
        self.process = subprocess.Popen([str(a) for a in args], stdout=self._log, stderr=subprocess.STDOUT,
                                        env=env, start_new_session=True)

    def wait_until(self, ready, timeout: float = 90.0) -> None:
        """Wait for ``ready()``; fail with the log's tail if the process dies or takes too long."""
        import time

        deadline = time.monotonic() + timeout
        while not ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                tail = self.log.read_text(errors="replace")[-2000:]
                self.stop()
                pytest.fail(f"{self.log.name}: not ready (exit {self.process.returncode}):\n{tail}")
            time.sleep(0.1)

    def stop(self) -> None:
        import os
        import signal
        import subprocess

        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)  # its own session: only what it started
                self.process.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait()
        self._log.close()


def start_scheduler(logs: Path, env=None) -> tuple[Running, str]:
    """A Dask scheduler on a free port; the process and its address."""
    port = free_port()
    scheduler = Running([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                        logs / f"scheduler-{port}.log", env=env)
    scheduler.wait_until(lambda: listening(port))
    return scheduler, f"tcp://127.0.0.1:{port}"


def start_worker(address: str, logs: Path, name: str, *, nanny: bool = True, python_prelude: str = "",
                 extra=(), env=None) -> Running:
    """A single-thread Dask worker (``dask worker``) joined to ``address``.

    ``python_prelude`` runs in the worker's Python before Dask starts (with ``--no-nanny``,
    so the worker is that process), e.g. to hide a package from it.
    """
    args = ["worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard", "--name", name,
            "--nanny" if nanny else "--no-nanny", *extra]
    if python_prelude:
        code = f"{python_prelude}\nimport sys\nsys.argv = ['dask', *{args!r}]\nfrom dask.__main__ import main\nmain()"
        command = [BIN / "python", "-c", code]
    else:
        command = [BIN / "dask", *args]
    return Running(command, logs / f"worker-{name}.log", env=env)


def wait_for_workers(address: str, count: int, timeout: float = 90.0) -> None:
    """Block until ``count`` workers have joined the scheduler at ``address``."""
    from distributed import Client

    with Client(address, timeout=30, set_as_default=False) as client:
        client.wait_for_workers(count, timeout=timeout)
