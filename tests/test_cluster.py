"""Building on a real Dask cluster: a scheduler and two single-thread workers on 127.0.0.1.

The graph must be the one a local build makes, the cache must serve both kinds
of build, and each way a cluster fails must end in one line naming the fix.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import free_port, start_scheduler, start_worker, wait_for_workers

distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")

from graphbuild import cluster, pipeline  # noqa: E402
from graphbuild.cli import cli  # noqa: E402
from graphbuild.cluster import DaskExecutor  # noqa: E402
from graphbuild.errors import GraphbuildError  # noqa: E402
from graphbuild.reading import InputProblem, find_sources, read_articles  # noqa: E402

pytestmark = pytest.mark.model

#: Invented stories written for these tests, of different lengths so batches finish out of order.
STORIES = [
    ("Rail strike ends in Chile", "Ana Rojas, the head of the Chilean Rail Union, said the strike was over. "
     "The government of Chile agreed to raise wages."),
    ("Dam talks resume", "Egypt and Ethiopia resumed talks on the dam in Addis Ababa on Tuesday. "
     "Foreign minister Samir Halim met Ethiopian officials. The African Union hosted the meeting."),
    ("Mill closes", "Northgate Textiles closed its mill in Leeds. Its chief executive, Paul Hendry, blamed costs."),
    ("Port deal signed", "Kenya signed a port deal with Tanzania. President Amina Kariuki welcomed the deal, "
     "which the World Bank will fund. Mombasa will handle most of the new traffic, officials in Nairobi said."),
    ("Museum gets new director", "The Rijksmuseum named Pieter de Vries its director. De Vries worked for "
     "the Louvre in Paris for ten years."),
    ("Floods hit Bangladesh", "Floods hit Dhaka after heavy rain. The Red Cross sent teams to Bangladesh. "
     "Prime minister Farhana Rahman visited the city on Sunday and urged donors to help."),
    ("Bank raises rates", "The Bank of Canada raised rates again. Governor Louise Tremblay said inflation "
     "was still too high in Canada."),
    ("Election in Peru", "Voters in Peru chose a new congress. Carlos Medina, the leader of the Popular "
     "Renewal party, claimed victory in Lima. Observers from the Organization of American States praised "
     "the vote."),
    ("Mine accident", "Three miners died at a copper mine in Zambia. The mine is owned by Kafue Copper, "
     "a company based in Lusaka."),
    ("Summit in Oslo", "Norway hosted a summit on fishing rights. Iceland and Denmark sent their ministers. "
     "Erik Solheim, a Norwegian diplomat, chaired the talks."),
    ("Airline merger", "Aurora Air agreed to buy Nordwind Airlines. Aurora's founder, Greta Lindqvist, "
     "said the deal would close in March."),
    ("Court ruling", "The Supreme Court of India ruled against the state of Kerala. Judge Ravi Menon "
     "wrote the ruling."),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for n, (title, body) in enumerate(STORIES):
        (folder / f"story_{n:02}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """One scheduler and two single-thread workers (with nannies), shared by this module's tests.

    The second loads the model as it starts (the preload the README suggests); the first, when
    a build asks it to.
    """
    logs = tmp_path_factory.mktemp("dask-logs")
    scheduler, address = start_scheduler(logs)
    workers = []
    try:
        workers = [start_worker(address, logs, "w1"),
                   start_worker(address, logs, "w2", extra=("--preload", "graphbuild.cluster"))]
        wait_for_workers(address, 2)
        yield address
    finally:
        for process in [*workers, scheduler]:
            process.stop()


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    report = pipeline.build([corpus], out)
    return report, Graph().parse(out / "graph.ttl")


def articles_of(folder: Path):
    return [a for a in read_articles(find_sources([folder])) if not isinstance(a, InputProblem)]


def test_a_dask_build_gives_the_local_graph_and_uses_both_workers(dask_cluster, corpus, local_build, tmp_path):
    local_report, local_graph = local_build
    with DaskExecutor(dask_cluster, batch_size=2) as dask:
        with distributed.get_task_stream(client=dask.client) as stream:
            report = pipeline.build([corpus], tmp_path / "out", executor=dask)
        loaded = dask.client.run(lambda: __import__("graphbuild.nlp").nlp.load_pipeline.cache_info().currsize)
    assert isomorphic(Graph().parse(tmp_path / "out" / "graph.ttl"), local_graph)
    assert (report.articles, report.actors_by_type, report.relations) == (
        local_report.articles, local_report.actors_by_type, local_report.relations)
    assert len({task["worker"] for task in stream.data}) == 2
    assert all(count >= 1 for count in loaded.values())  # each worker holds the model, loaded once


@pytest.mark.parametrize("articles, threads", [(1, 2), (7, 2), (200, 2), (2225, 2), (500, 8)])
def test_batches_shrink_towards_the_end_so_workers_finish_together(articles, threads):
    sizes = cluster.batch_sizes(articles, threads, 32)
    assert sum(sizes) == articles  # every article once
    assert max(sizes) <= 32
    assert sizes == sorted(sizes, reverse=True)
    # The last batch on each worker thread is a single article, so none waits long for another.
    assert sizes[-threads:] == [1] * min(threads, articles)
    assert len(sizes) < max(articles, 2 * threads * 32)  # not one task per article for a large corpus


def test_results_come_back_in_input_order(dask_cluster, corpus):
    articles = articles_of(corpus)
    with DaskExecutor(dask_cluster, batch_size=1) as dask:
        dask.model_identity(None)
        results = list(dask.parse(articles, None))
    assert [r.article.id for r in results] == [a.id for a in articles]


def test_the_cache_serves_dask_and_local_builds_alike(dask_cluster, corpus, tmp_path):
    first, rest = sorted(corpus.iterdir())[:4], sorted(corpus.iterdir())[4:]
    out = tmp_path / "out"
    with DaskExecutor(dask_cluster) as dask:
        assert pipeline.build(first, out, executor=dask).parsed == 4
    local = pipeline.build(first, out)
    assert (local.articles, local.parsed) == (4, 0)
    with DaskExecutor(dask_cluster) as dask:
        update = pipeline.build(rest, out, update=True, executor=dask)
    assert (update.articles, update.parsed) == (len(STORIES), len(rest))


def test_the_cli_builds_on_the_cluster(dask_cluster, corpus, local_build, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "--dask", dask_cluster])
    assert result.exit_code == 0, result.output
    assert f"Articles: {len(STORIES)}" in result.output
    assert isomorphic(Graph().parse(tmp_path / "out" / "graph.ttl"), local_build[1])


def test_a_worker_dying_mid_build_is_replaced_and_reported(dask_cluster, corpus, monkeypatch):
    monkeypatch.setattr(cluster, "POLL", 0.1)
    articles = articles_of(corpus) * 3  # enough batches that some are still to come when the worker dies
    expected = list(pipeline.parse_articles(articles))
    lost = []
    with DaskExecutor(dask_cluster, batch_size=1, on_worker_lost=lost.append) as dask:
        dask.model_identity(None)
        pids = dask.client.run(os.getpid)
        victim = sorted(pids)[0]
        results = []
        for result in dask.parse(articles, None):
            if not results:
                os.kill(pids[victim], signal.SIGKILL)
            results.append(result)
    assert results == expected
    assert lost == [victim]
    wait_for_workers(dask_cluster, 2)  # its nanny starts a new one, for the tests after this one


def test_workers_without_the_model_are_named(dask_cluster, corpus, tmp_path):
    with DaskExecutor(dask_cluster) as dask, pytest.raises(GraphbuildError) as caught:
        pipeline.build([corpus], tmp_path / "out", model="no_such_spacy_model", executor=dask)
    message = str(caught.value)
    assert "cannot load the spaCy model" in message and "no_such_spacy_model" in message
    assert dask_cluster.rsplit(":", 1)[0] in message  # names the worker
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_workers_running_other_graphbuild_code_are_refused(dask_cluster, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "code_digest", lambda: "0123456789ab")
    with DaskExecutor(dask_cluster) as dask, pytest.raises(GraphbuildError, match="runs other graphbuild code"):
        pipeline.build([corpus], tmp_path / "out", executor=dask)


def test_an_unreachable_scheduler_is_one_line(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    address = f"tcp://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "--dask", address])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"graphbuild: error: cannot reach the Dask scheduler at {address}")


def test_dask_and_jobs_do_not_go_together(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "--dask",
                                      "tcp://127.0.0.1:8786", "--jobs", "2"])
    assert result.exit_code == 2
    assert "--jobs and --dask" in result.output


def test_a_worker_without_graphbuild_is_named(corpus, tmp_path):
    scheduler, address = start_scheduler(tmp_path)
    worker = start_worker(address, tmp_path, "bare", nanny=False,
                          python_prelude="import sys; sys.modules['graphbuild'] = None")
    try:
        wait_for_workers(address, 1)
        with DaskExecutor(address) as dask, pytest.raises(GraphbuildError) as caught:
            pipeline.build([corpus], tmp_path / "out", executor=dask)
    finally:
        worker.stop()
        scheduler.stop()
    assert "cannot import graphbuild" in str(caught.value)
    assert "pip install 'graphbuild[dask]'" in str(caught.value)


def kill_once_busy(client, pid: int) -> threading.Thread:
    """SIGKILL a worker (as the kernel does out of memory) once the scheduler shows it parsing a batch."""
    def run() -> None:
        deadline = time.monotonic() + 120
        while not any(client.processing().values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def lone_worker_build(tmp_path, corpus, *, env=None, **options) -> GraphbuildError:
    """A build on a fresh scheduler's only worker (no nanny to restart it), killed mid-build; its error."""
    scheduler, address = start_scheduler(tmp_path, env=env)
    worker = start_worker(address, tmp_path, "only", nanny=False)
    try:
        wait_for_workers(address, 1)
        with DaskExecutor(address, batch_size=1, **options) as dask:
            killer = kill_once_busy(dask.client, worker.process.pid)
            with pytest.raises(GraphbuildError) as caught:
                list(dask.parse(articles_of(corpus) * 3, None))
            killer.join()
    finally:
        worker.stop()
        scheduler.stop()
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_build_whose_last_worker_dies_stops_with_one_line(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "POLL", 0.1)
    error = lone_worker_build(tmp_path, corpus, lost_after=1.0)
    assert "has no workers left" in str(error) and "dask worker tcp://127.0.0.1:" in str(error)


def test_a_batch_that_keeps_killing_workers_is_named(corpus, tmp_path):
    # Dask gives up on a batch once it has killed this many workers more than allowed (here: none).
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0"}
    error = lone_worker_build(tmp_path, corpus, env=env)
    assert "died again and again while parsing" in str(error) and "story_" in str(error)
