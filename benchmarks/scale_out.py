"""Benchmark graphbuild past one machine: the Dask build, push and remote queries, growth with corpus size.

    python benchmarks/scale_out.py CORPUS/business CORPUS/politics ... [--limit 200] [--repeat 2]
                                   [--scaling 500 1000 1500 2225] [--feed 20] [--json FILE]

Needs the extras [dask,server,bench]. Starts its own servers on 127.0.0.1 (free ports) from this
venv and stops them: a Dask scheduler with two single-thread workers, and an Oxigraph server.

Measures, on the same cleaned texts:
  * builds of the first --limit articles: ``--jobs 1``, ``--jobs 2``, and ``--dask`` on two
    single-thread workers: on workers just started (they load the model during the build), on
    workers started with ``--preload graphbuild.cluster`` (loaded as they start, as the README
    says to start them), and once more on those, warm; each in a child
    process into a fresh folder (no cache), with the client's peak RSS (with its --jobs workers)
    and the Dask workers' own; --repeat N alternates whole rounds and keeps the fastest of each;
    and whether the Dask graph is isomorphic to the local one;
  * with --scaling, Dask builds of growing seeded-shuffled subsets (every topic mixed in): articles,
    actors, relations, triples, stage times, the merge alone (merge.merge_actors over the records)
    and the graph alone (graph.build_graph), client peak RSS;
  * at the largest size: ``push`` of the whole graph into Oxigraph, each bundled query over HTTP
    and on the file, and a daily-feed push: the graph less --feed articles pushed, then an
    ``--update`` build adding them (from the cache: no parsing) and the push of what changed.
Timings are noisy when the machine is busy: compare ratios within one run, and use --repeat.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import corpus, watch  # noqa: E402 - the same corpus listing and child-process watcher

from graphbuild.serve import free_port  # noqa: E402
from graphbuild.serve import listening as accepts  # noqa: E402

BIN = Path(sys.executable).parent

BUILD = """
import json, sys, time
from graphbuild.pipeline import build
listing, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
paths = json.load(open(listing))
t = time.perf_counter()
if mode.startswith("tcp://"):
    from graphbuild.cluster import DaskExecutor
    with DaskExecutor(mode) as dask:
        report = build(paths, out, executor=dask, update=len(sys.argv) > 4)
else:
    report = build(paths, out, jobs=int(mode), update=len(sys.argv) > 4)
total = time.perf_counter() - t
print(json.dumps({"seconds": report.seconds, "total": total, "articles": report.articles, "parsed": report.parsed,
                  "actors": sum(report.actors_by_type.values()), "relations": report.relations}))
"""

STAGES = """
import json, sys, time
from pathlib import Path
from graphbuild.cache import ResultCache, read_manifest
from graphbuild.graph import build_graph
from graphbuild.merge import merge_actors
from graphbuild.pipeline import model_identity
out = Path(sys.argv[1])
cache = ResultCache(out, model_identity(None))
results = [cache.load(a.id) for a in read_manifest(out)]
t = time.perf_counter(); merged, _ = merge_actors(results); merge = time.perf_counter() - t
t = time.perf_counter(); graph = build_graph(results); whole = time.perf_counter() - t
print(json.dumps({"merge": merge, "graph": whole, "triples": len(graph), "merged": len(merged),
                  "mentions": sum(len(a.mentions) for r in results for a in r.actors)}))
"""

QUERIES = """
import json, sys, time
from graphbuild.query import bundled_queries, load_graph, run_query
from graphbuild.remote import query_endpoint
out, url = sys.argv[1], sys.argv[2]
t = time.perf_counter(); graph = load_graph(out + "/graph.ttl"); row = {"load": time.perf_counter() - t}
for name in sorted(bundled_queries()):
    t = time.perf_counter(); local = run_query(graph, name); row[name + "_file"] = time.perf_counter() - t
    t = time.perf_counter(); remote = query_endpoint(url, name); row[name + "_http"] = time.perf_counter() - t
    row[name + "_rows"] = len(local.rows)
    row[name + "_same"] = remote == local
print(json.dumps(row))
"""


def listening(port: int) -> bool:
    return accepts("127.0.0.1", port)


class Cluster:
    """A Dask scheduler and two single-thread workers on 127.0.0.1, started from this venv."""

    def __init__(self, logs: Path, *, preload: bool = False) -> None:
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.processes = [self._start(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                      logs / "scheduler.log")]
        deadline = time.monotonic() + 60
        while not listening(port):
            if time.monotonic() > deadline:
                raise SystemExit("the Dask scheduler did not start; see " + str(logs))
            time.sleep(0.1)
        for n in (1, 2):
            args = ["worker", self.address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{n}"]
            # --preload: each worker loads the model as it starts (before it joins), as the README suggests.
            self.processes.append(self._start(args + (["--preload", "graphbuild.cluster"] if preload else []),
                                              logs / f"worker{n}.log"))
        from distributed import Client

        with Client(self.address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)

    @staticmethod
    def _start(args: list[str], log: Path) -> subprocess.Popen:
        return subprocess.Popen([str(BIN / "dask"), *args], stdout=log.open("w"), stderr=subprocess.STDOUT,
                                start_new_session=True)

    def worker_rss(self) -> int:
        """The workers' resident memory now (their nannies and worker processes)."""
        total = 0
        for proc in self.processes[1:]:
            try:
                tree = psutil.Process(proc.pid)
                total += sum(p.memory_info().rss for p in [tree, *tree.children(recursive=True)])
            except psutil.Error:
                pass
        return total

    def stop(self) -> None:
        for proc in reversed(self.processes):
            if proc.poll() is None:
                os.killpg(proc.pid, 15)
        for proc in self.processes:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()


def run_build(files: list[Path], mode: str, out: Path, *, cluster: Cluster | None = None,
              update: bool = False) -> dict:
    """One build in a child process: its report, wall time and peak RSS (and the workers', with Dask)."""
    listing = out.parent / f"{out.name}.files.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text(json.dumps([str(f) for f in files]))
    peak_workers = [0]
    sampler = None
    if cluster is not None:
        import threading

        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak_workers[0] = max(peak_workers[0], cluster.worker_rss())
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    args = [sys.executable, "-c", BUILD, str(listing), str(out), mode] + (["update"] if update else [])
    try:
        wall, peak, stdout = watch(args)
    finally:
        if sampler is not None:
            done.set()
            sampler.join()
    return {"mode": mode, "files": len(files), "wall": wall, "peak_rss": peak, "workers_rss": peak_workers[0],
            **json.loads(stdout.strip().splitlines()[-1])}


def same_graph(a: Path, b: Path) -> bool:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    return isomorphic(Graph().parse(a / "graph.ttl"), Graph().parse(b / "graph.ttl"))


#: The builds compared, in the order each round runs them.
BUILDS = ("jobs1", "jobs2", "dask", "dask_preloaded", "dask_warm")


def builds(files: list[Path], repeat: int, work: Path) -> dict:
    """--jobs 1, --jobs 2 and Dask (workers just started; started with --preload; warm), alternating
    rounds; the fastest of each. Each Dask build but the warm one runs on a cluster started for it."""
    rounds = []
    for n in range(repeat):
        row = {}
        for jobs in ("1", "2"):
            row[f"jobs{jobs}"] = run_build(files, jobs, work / f"r{n}-jobs{jobs}")
        for key, preload in (("dask", False), ("dask_preloaded", True)):
            cluster = Cluster(Path(tempfile.mkdtemp(prefix=f"dask-logs-{n}-", dir=work)), preload=preload)
            try:
                row[key] = run_build(files, cluster.address, work / f"r{n}-{key}", cluster=cluster)
                if preload:  # the same workers again, for a second build (model loaded, plugin registered)
                    row["dask_warm"] = run_build(files, cluster.address, work / f"r{n}-dask_warm", cluster=cluster)
            finally:
                cluster.stop()
        row["isomorphic"] = all(same_graph(work / f"r{n}-jobs1", work / f"r{n}-{key}") for key in BUILDS[2:])
        rounds.append(row)
    fastest = {k: min((r[k] for r in rounds), key=lambda x: x["wall"]) for k in BUILDS}
    return {"rounds": rounds, "fastest": fastest, "isomorphic": all(r["isomorphic"] for r in rounds)}


def scaling(files: list[Path], sizes: list[int], work: Path) -> list[dict]:
    """Dask builds of growing shuffled subsets on one warm cluster, with merge and graph stages measured alone."""
    shuffled = list(files)
    random.Random(0).shuffle(shuffled)
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="dask-logs-", dir=work)))
    rows = []
    try:
        for size in sizes:
            out = work / f"scale-{size}"
            row = run_build(shuffled[:size], cluster.address, out, cluster=cluster)
            _, _, stdout = watch([sys.executable, "-c", STAGES, str(out)])
            row |= json.loads(stdout.strip().splitlines()[-1])
            row["graph_ttl"] = (out / "graph.ttl").stat().st_size
            row["out"] = str(out)
            rows.append(row)
    finally:
        cluster.stop()
    return rows


def push_and_query(out: Path, files: list[Path], feed: int, work: Path) -> dict:
    """Push the graph in ``out`` to a fresh Oxigraph server, query it, then a daily feed's push."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "oxigraph.log"
    server = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--bind", f"127.0.0.1:{port}"],
                              stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        while not listening(port):
            if server.poll() is not None:
                raise SystemExit(f"the Oxigraph server did not start; see {log}")
            time.sleep(0.1)
        row = {}
        gb = [sys.executable, "-m", "graphbuild.cli"]
        row["push"], _, row["push_said"] = watch([*gb, "push", str(out), "--store", f"{base}/store"])
        _, _, stdout = watch([sys.executable, "-c", QUERIES, str(out), f"{base}/query"])
        row |= json.loads(stdout.strip().splitlines()[-1])
        row["cli_query_http"], _, _ = watch([*gb, "query", f"{base}/query", "actors", "--format", "csv"])
        row["cli_query_file"], _, _ = watch([*gb, "query", str(out / "graph.ttl"), "actors", "--format", "csv"])
        # A daily feed: the graph less the last `feed` articles is in the store; an --update build adds them.
        daily = work / "feed"
        shutil.copytree(out / ".graphbuild", daily / ".graphbuild")  # the cache: no article is parsed again
        graph = "https://graphbuild.dev/graph/feed"
        run_build(files[:-feed], "1", daily)
        watch([*gb, "push", str(daily), "--store", f"{base}/store", "--graph", graph])
        row["feed_build"] = run_build(files[-feed:], "1", daily, update=True)
        row["feed_push"], _, row["feed_push_said"] = watch([*gb, "push", str(daily), "--store", f"{base}/store",
                                                             "--graph", graph])
        row["feed"] = feed
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="article folders (e.g. the five BBC topic folders)")
    ap.add_argument("--limit", type=int, default=200, help="articles for the build comparison")
    ap.add_argument("--repeat", type=int, default=1, help="alternating rounds of the build comparison")
    ap.add_argument("--scaling", type=int, nargs="*", default=[], help="corpus sizes for the growth table")
    ap.add_argument("--feed", type=int, default=20, help="articles a daily feed's --update adds before a push")
    ap.add_argument("--json", default=None, help="also write every number to this file")
    a = ap.parse_args(argv)
    files = corpus(a.paths, None)
    work = Path(tempfile.mkdtemp(prefix="gb-scale-"))
    print(f"{time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  {os.cpu_count()} cores  "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB  load {os.getloadavg()[0]:.2f}  "
          f"python {platform.python_version()}", flush=True)
    numbers: dict = {}

    numbers["builds"] = b = builds(files[:a.limit], max(1, a.repeat), work)
    f = b["fastest"]
    base = f["jobs1"]["wall"]
    walls = "; ".join(", ".join(f"{r[k]['wall']:.1f}" for k in BUILDS) for r in b["rounds"])
    print(f"\n{f['jobs1']['files']} files, {f['jobs1']['articles']} articles; fastest of {len(b['rounds'])} "
          f"alternating round(s); walls ({', '.join(BUILDS)}): {walls}")
    print(f"{'build':<28}{'wall s':>8}{'× jobs1':>9}{'client RSS':>12}{'workers RSS':>13}  stages (s)")
    names = {"jobs1": "--jobs 1", "jobs2": "--jobs 2", "dask": "--dask, 2 workers just started",
             "dask_preloaded": "--dask, 2 --preload workers", "dask_warm": "--dask, again on them"}
    for key, label in names.items():
        r = f[key]
        stages = " ".join(f"{k}={v:.1f}" for k, v in r["seconds"].items())
        workers = f"{r['workers_rss'] / 2**30:9.2f} GiB" if r["workers_rss"] else f"{'':>13}"
        print(f"{label:<28}{r['wall']:8.1f}{r['wall'] / base:9.2f}{r['peak_rss'] / 2**30:8.2f} GiB{workers}  {stages}")
    print(f"every Dask graph isomorphic to the --jobs 1 graph: {b['isomorphic']}", flush=True)

    if a.scaling:
        sizes = [min(n, len(files)) for n in a.scaling]
        numbers["scaling"] = rows = scaling(files, sizes, work)
        print(f"\nGrowth (Dask, 2 warm workers; seeded shuffle of {len(files)} files)")
        print(f"{'files':>6}{'articles':>9}{'actors':>8}{'relations':>10}{'triples':>9}{'mentions':>9}"
              f"{'wall s':>8}{'parse s':>8}{'merge s':>8}{'graph s':>8}{'write s':>8}{'client RSS':>12}"
              f"{'graph.ttl':>11}")
        for r in rows:
            print(f"{r['files']:>6}{r['articles']:>9}{r['actors']:>8}{r['relations']:>10}{r['triples']:>9}"
                  f"{r['mentions']:>9}{r['wall']:8.1f}{r['seconds']['parse']:8.1f}{r['merge']:8.2f}{r['graph']:8.2f}"
                  f"{r['seconds']['write']:8.1f}{r['peak_rss'] / 2**30:8.2f} GiB{r['graph_ttl'] / 2**20:7.1f} MiB")
        first, last = rows[0], rows[-1]
        growth = last["articles"] / first["articles"]
        print("× from the smallest to the largest: articles {:.2f}, actors {:.2f}, triples {:.2f}, wall {:.2f}, "
              "merge {:.2f}, graph {:.2f}, client RSS {:.2f}".format(
                  growth, last["actors"] / first["actors"], last["triples"] / first["triples"],
                  last["wall"] / first["wall"], last["merge"] / first["merge"], last["graph"] / first["graph"],
                  last["peak_rss"] / first["peak_rss"]), flush=True)
        largest = Path(last["out"])
        shuffled = list(files)
        random.Random(0).shuffle(shuffled)
        numbers["push"] = p = push_and_query(largest, shuffled[:sizes[-1]], a.feed, work)
        print(f"\nPush and query at {last['articles']} articles ({last['triples']:,} triples, "
              f"graph.ttl {last['graph_ttl'] / 2**20:.1f} MiB), Oxigraph server in memory:")
        print(f"push (whole graph, CLI, with start-up): {p['push']:.2f} s: {p['push_said'].strip()}")
        for name in ("actors", "relations", "evidence"):
            print(f"query {name:<10} file {p[name + '_file']:.2f} s, HTTP {p[name + '_http']:.2f} s, "
                  f"{p[name + '_rows']} rows, same rows: {p[name + '_same']}")
        print(f"graphbuild query ... actors --format csv (CLI, with start-up): file {p['cli_query_file']:.2f} s, "
              f"HTTP {p['cli_query_http']:.2f} s")
        print(f"daily feed: --update with {p['feed']} articles {p['feed_build']['wall']:.1f} s "
              f"(parsed {p['feed_build']['parsed']}), then push {p['feed_push']:.2f} s: {p['feed_push_said'].strip()}")
    if a.json:
        Path(a.json).write_text(json.dumps(numbers, indent=1, default=str))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
