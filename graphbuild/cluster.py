"""The parse stage on a Dask distributed cluster: reading stays here, parsing goes to the workers.

A build with ``--dask ADDRESS`` connects to a running scheduler and, while
this process goes on to read the articles, checks that every worker runs the
same graphbuild code and has the model (one line naming the worker otherwise)
and has each worker load the model and tables once (a worker plugin; workers
started with ``--preload graphbuild.cluster`` load them as they start). It then sends the articles in batches, a bounded number in
flight, and yields each article's records in input order, the same records a
local build makes: the batches run the same function as ``--jobs`` workers do.
The cache, the corpus-wide merge and the outputs stay in this process.

A worker that dies is replaced by the others (Dask runs its batch again, and
its nanny restarts it); the build stops with one line when a batch has killed
workers again and again, when no worker is left for :data:`LOST_AFTER`
seconds, or when the scheduler goes away.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence

try:
    import distributed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the [dask] extra is not installed: say so when a build asks for it
    distributed = None
    WorkerPlugin = object

from . import __version__
from .cache import code_digest
from .errors import GraphbuildError
from .records import Article, ArticleResult

# The stages (and spaCy) are imported where they run, on the workers: a client that only
# sends articles starts the workers loading them before it has imported them itself.

#: Seconds to wait for the scheduler to answer, and for a first worker to join.
CONNECT_TIMEOUT = 10.0
#: Seconds a build waits with no worker at all before it gives up.
LOST_AFTER = 60.0
#: Seconds between looks at the cluster while batches run (for workers that left).
POLL = 1.0
#: Batches in flight per worker thread: enough that no worker waits for its next one.
IN_FLIGHT_PER_THREAD = 2
#: Each batch takes this share of the articles left per worker thread (guided self-scheduling):
#: batches shrink as the build nears its end, so the workers finish within an article or two of each other.
GUIDED_SHARE = 4


def batch_sizes(articles: int, threads: int, largest: int) -> list[int]:
    """How many articles each batch takes, in order: a quarter of what is left per worker thread,
    at most ``largest``, down to one article at a time for the last few.

    Example:
        >>> batch_sizes(40, 2, 32)
        [5, 5, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    """
    sizes, left = [], articles
    while left > 0:
        size = max(1, min(largest, -(-left // (GUIDED_SHARE * max(1, threads)))))
        sizes.append(size)
        left -= size
    return sizes


def _worker_facts(model: str | None) -> dict[str, str]:
    """Run on each worker: what it would parse with (its graphbuild code and model identity)."""
    from .pipeline import model_identity

    return {"version": __version__, "code": code_digest(), "model": model_identity(model)}


def _load(model: str | None) -> None:
    """Load the model and the tables the stages read, once per process."""
    from .extract import load_tables
    from .nlp import load_pipeline

    load_pipeline(model)
    load_tables()


def dask_setup(worker) -> None:
    """Dask's preload hook (``dask worker ADDRESS --preload graphbuild.cluster``): load the default model now."""
    _load(None)


class ModelLoader(WorkerPlugin):
    """Loads the spaCy model and graphbuild's tables once per worker process, as it joins.

    Args:
        model: the model name (None: the worker's default).
    """

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.name = f"graphbuild-model-{model or 'default'}"

    async def setup(self, worker) -> None:
        """Load off the worker's event loop, so it keeps answering the scheduler meanwhile."""
        await asyncio.to_thread(_load, self.model)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


class DaskExecutor:
    """Parse a build's articles on a Dask cluster (a :class:`graphbuild.pipeline.Executor`).

    Use it as a context manager around :func:`graphbuild.pipeline.build`:

        >>> with DaskExecutor("tcp://127.0.0.1:8786") as dask:  # doctest: +SKIP
        ...     build(["articles/"], "output", executor=dask)

    Args:
        address: the scheduler, e.g. ``tcp://host:8786``.
        model: the model the build will use (None: the default); the workers start
            loading it as soon as the executor connects.
        batch_size: articles per task, at most (batches shrink as the build nears its
            end: :func:`batch_sizes`); None: the build's batch size.
        connect_timeout: seconds to wait for the scheduler and for a first worker.
        lost_after: seconds with no worker before the build gives up.
        on_worker_lost: called with a worker's address when it leaves mid-build
            (its batches are run again on the others).

    Raises:
        GraphbuildError: on entering, when Dask is not installed or the scheduler cannot be reached.
    """

    def __init__(self, address: str, *, model: str | None = None, batch_size: int | None = None,
                 connect_timeout: float | None = None, lost_after: float | None = None,
                 on_worker_lost: Callable[[str], None] | None = None) -> None:
        self.address = address
        self.model = model
        self.batch_size = batch_size
        self.connect_timeout = CONNECT_TIMEOUT if connect_timeout is None else connect_timeout
        self.lost_after = LOST_AFTER if lost_after is None else lost_after
        self.on_worker_lost = on_worker_lost
        self.client = None
        self._quiet = contextlib.ExitStack()
        self._warming: threading.Thread | None = None
        self._warmed: dict = {}

    def __enter__(self) -> DaskExecutor:
        self.connect()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def connect(self) -> None:
        """Connect to the scheduler.

        Raises:
            GraphbuildError: when Dask is not installed or the scheduler does not answer.
        """
        if distributed is None:
            raise GraphbuildError("--dask needs Dask, which is not installed; run: pip install 'graphbuild[dask]'")
        # Dask logs its own view of every failure; the build reports each one in a line of its own.
        logger = logging.getLogger("distributed")
        self._quiet.callback(logger.setLevel, logger.level)
        logger.setLevel(logging.CRITICAL)
        try:
            self.client = distributed.Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        except Exception as exc:  # noqa: BLE001 - OSError on a timeout, ValueError for a bad address, ...
            self.close()
            raise GraphbuildError(f"cannot reach the Dask scheduler at {self.address} ({_one_line(exc)}); "
                                  f"start one (dask scheduler) or check the address") from None
        self._warming = threading.Thread(target=self._warm, name="graphbuild-dask-warm-up", daemon=True)
        self._warming.start()

    def _warm(self) -> None:
        try:
            self._warmed["identity"] = self._prepare(self.model)
        except BaseException as exc:  # noqa: BLE001 - handed to the build's thread by model_identity
            self._warmed["error"] = exc

    def close(self) -> None:
        """Disconnect (the cluster keeps running)."""
        if self._warming is not None:
            self._warming.join()
            self._warming = None
        if self.client is not None:
            with contextlib.suppress(Exception):
                self.client.close()
            self.client = None
        self._quiet.close()

    def _lost_scheduler(self) -> GraphbuildError:
        return GraphbuildError(f"lost the Dask scheduler at {self.address} mid-build; earlier output left "
                               f"unchanged: build again once it is back")

    def model_identity(self, model: str | None) -> str:
        """Check the workers and have each load the model; the model's identity, as the cache keys it.

        For the model given when connecting, this waits for what started then.

        Raises:
            GraphbuildError: when there are no workers, a worker lacks graphbuild or the
                model, runs other graphbuild code than this process, or the workers disagree
                on the model's version.
        """
        self._connected()
        if model == self.model and self._warming is not None:
            self._warming.join()
            if "error" in self._warmed:
                raise self._warmed["error"]
            return self._warmed["identity"]
        return self._prepare(model)

    def _prepare(self, model: str | None) -> str:
        client = self.client
        try:
            client.wait_for_workers(1, timeout=self.connect_timeout)
        except TimeoutError:
            raise GraphbuildError(f"the Dask cluster at {self.address} has no workers; start some "
                                  f"(dask worker {self.address} --nthreads 1) and build again") from None
        facts = client.run(_worker_facts, model, on_error="return")
        mine = code_digest()
        identities = set()
        for worker, answer in sorted(facts.items()):
            if isinstance(answer, GraphbuildError):  # ModelNotFound, raised on the worker
                raise GraphbuildError(f"Dask worker {worker} cannot load the spaCy model: {answer}") from None
            if isinstance(answer, BaseException):
                text = _one_line(answer)
                if "graphbuild" in text and ("No module named" in text or "ImportError" in text):
                    raise GraphbuildError(f"Dask worker {worker} cannot import graphbuild; install it in the "
                                          f"workers' environment (pip install 'graphbuild[dask]' of this "
                                          f"version, {__version__})") from None
                raise GraphbuildError(f"Dask worker {worker} failed a check ({text})") from None
            if answer["code"] != mine:
                raise GraphbuildError(f"Dask worker {worker} runs other graphbuild code ({answer['version']}, "
                                      f"{answer['code']}) than this machine ({__version__}, {mine}); install "
                                      f"the same graphbuild on every worker, and restart the workers after "
                                      f"changing it") from None
            identities.add(answer["model"])
        if len(identities) > 1:
            raise GraphbuildError(f"the Dask workers have different versions of the model ({', '.join(sorted(identities))}); "
                                  f"install the same one on every worker") from None
        try:
            client.register_plugin(ModelLoader(model))
        except GraphbuildError as exc:
            raise GraphbuildError(f"a Dask worker cannot load the spaCy model: {exc}") from None
        except OSError:
            raise self._lost_scheduler() from None
        return identities.pop()

    def _connected(self):
        if self.client is None:
            self.connect()
        return self.client

    def _workers(self) -> dict[str, int]:
        """Each worker's address and threads."""
        try:
            return dict(self.client.nthreads())
        except Exception:  # noqa: BLE001 - CommClosedError, OSError, ...: the scheduler is gone
            raise self._lost_scheduler() from None

    def parse(self, articles: Sequence[Article], model: str | None) -> Iterator[ArticleResult]:
        """Parse ``articles`` on the cluster; each article's records, in input order.

        At most a few batches per worker thread are in flight, so neither the
        scheduler nor the workers ever hold the whole corpus.

        Raises:
            GraphbuildError: when a batch kills workers again and again, when no worker is
                left, or when the scheduler goes away.
        """
        from .pipeline import BATCH_SIZE, _parse_chunk  # the function --jobs workers run: the same records

        client = self._connected()
        watch = _Watch(self)
        # Batches shrink towards the end, so that no worker is left idle while another ends a long one.
        batches, start = [], 0
        for size in batch_sizes(len(articles), watch.threads, self.batch_size or BATCH_SIZE):
            batches.append(list(articles[start:start + size]))
            start += size
        window = max(2, IN_FLIGHT_PER_THREAD * watch.threads)
        in_flight: dict = {}  # future -> batch index
        finished: dict[int, list[ArticleResult]] = {}
        submitted = ready = 0  # the next batch to submit, and the next to yield
        try:
            while ready < len(batches):
                while submitted < len(batches) and len(in_flight) < window:
                    future = client.submit(_parse_chunk, (model, batches[submitted]), pure=False)
                    in_flight[future] = submitted
                    submitted += 1
                try:
                    with client.as_current():
                        done, _ = distributed.wait(list(in_flight), timeout=POLL, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                for future in done:
                    index = in_flight.pop(future)
                    finished[index] = self._result(future, batches[index])
                while ready in finished:
                    yield from finished.pop(ready)
                    ready += 1
                watch.look()
        finally:
            if in_flight:
                with contextlib.suppress(Exception):
                    client.cancel(list(in_flight))

    def _result(self, future, batch: list[Article]) -> list[ArticleResult]:
        try:
            return future.result()
        except distributed.KilledWorker:
            more = f" and {len(batch) - 1} more" if len(batch) > 1 else ""
            raise GraphbuildError(f"Dask workers died again and again while parsing {batch[0].source}{more} "
                                  f"(out of memory?); see the workers' logs; earlier output left unchanged") from None
        except (distributed.client.FutureCancelledError, OSError):
            raise self._lost_scheduler() from None


class _Watch:
    """Looks at the cluster's workers now and then while a build runs.

    Reports each worker that left (Dask runs its batches again elsewhere) and
    gives up once no worker has been there for the executor's ``lost_after``.
    """

    def __init__(self, executor: DaskExecutor) -> None:
        self.executor = executor
        self.workers = executor._workers()
        self.threads = sum(self.workers.values())
        self.looked = time.monotonic()
        self.alone_since: float | None = None

    def look(self) -> None:
        """Look again, at most every :data:`POLL` seconds.

        Raises:
            GraphbuildError: when no worker has been there for ``lost_after`` seconds.
        """
        now = time.monotonic()
        if now - self.looked < POLL:
            return
        self.looked = now
        workers = self.executor._workers()
        for worker in sorted(set(self.workers) - set(workers)):
            if self.executor.on_worker_lost:
                self.executor.on_worker_lost(worker)
        self.workers = workers
        if workers:
            self.alone_since = None
            return
        self.alone_since = self.alone_since or now
        if now - self.alone_since > self.executor.lost_after:
            address = self.executor.address
            raise GraphbuildError(f"the Dask cluster at {address} has no workers left; start some "
                                  f"(dask worker {address} --nthreads 1) and build again; earlier output "
                                  f"left unchanged")
