"""Benchmark graphbuild against bare spaCy on a corpus, in one run.

    python benchmarks/bench.py CORPUS/business CORPUS/politics ... [--limit N] [--jobs 1 2]
                               [--scaling 1000 2000] [--repeat 2] [--json FILE]

Measures, on the same cleaned texts and the same model:
  * bare ``nlp.pipe`` (words per second, same batch size as the build), the floor for graphbuild's cost,
    in a fresh child process like each build;
  * ``graphbuild build`` end to end, once per --jobs value, each into a fresh
    output folder (no cache), in a child process, with its peak RSS (the process
    and its workers together) and stage times;
  * the output files' sizes;
  * loading the written graph.ttl and answering the bundled queries on it;
  * with --scaling A B, builds of A and B articles (a seeded shuffle of the corpus,
    so both mix every topic), for near-linear growth.
--repeat N runs all of it N times, alternating, and keeps the fastest of each.
Prints a table. Timings are noisy when the machine is busy (a shared VM's speed
drifts by 20% from minute to minute): compare ratios within one run, with --repeat.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from graphbuild.reading import find_sources

BUILD = """
import json, resource, sys, time
from graphbuild.pipeline import build
t = time.perf_counter()
report = build(json.load(open(sys.argv[1])), sys.argv[2], jobs=int(sys.argv[3]))
cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
print(json.dumps({"seconds": report.seconds, "total": time.perf_counter() - t, "cpu": cpu, "articles": report.articles,
                  "actors": sum(report.actors_by_type.values()), "relations": report.relations}))
"""

QUERIES = """
import json, sys, time
from graphbuild.query import load_graph, run_query
from graphbuild.network import actor_network
out = {}
t = time.perf_counter(); graph = load_graph(sys.argv[1]); out["load"] = time.perf_counter() - t
out["triples"] = len(graph)
for name in ("actors", "relations", "evidence"):
    t = time.perf_counter(); rows = len(run_query(graph, name).rows); out[name] = time.perf_counter() - t
    out[name + "_rows"] = rows
t = time.perf_counter(); actor_network(graph); out["network"] = time.perf_counter() - t
print(json.dumps(out))
"""


def corpus(paths: list[str], limit: int | None) -> list[Path]:
    files = find_sources(paths)
    return files[:limit] if limit else files


BARE = """
import json, sys, time
from graphbuild.nlp import load_pipeline
from graphbuild.pipeline import BATCH_SIZE
from graphbuild.reading import InputProblem, read_articles
texts = [a.text for a in read_articles(json.load(open(sys.argv[1]))) if not isinstance(a, InputProblem)]
nlp = load_pipeline()
started, cpu = time.perf_counter(), time.process_time()
words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
print(json.dumps({"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu, "words": words}))
"""


def bare_pipe(files: list[Path]) -> dict:
    """Bare nlp.pipe over the cleaned texts of ``files`` (exact duplicates once: reading skips them,
    as in the build), in a fresh child process as the builds are: its wall and CPU seconds (the
    pipe alone: no start-up, no reading) and its words."""
    listing = Path(tempfile.mkdtemp(prefix="gb-bench-")) / "files.json"
    listing.write_text(json.dumps([str(f) for f in files]))
    _, _, stdout = watch([sys.executable, "-c", BARE, str(listing)])
    return json.loads(stdout.strip().splitlines()[-1])


def watch(args: list[str]) -> tuple[float, int, str]:
    """Run a child process; its wall time, the peak RSS of its process tree, and its stdout."""
    started = time.perf_counter()
    proc = psutil.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - started
    stdout = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} ... failed (exit {proc.returncode})")
    return wall, peak, stdout


def run_build(files: list[Path], jobs: int, *, queries: bool = False) -> dict:
    """One end-to-end build in a child process; its report, wall time, peak RSS and output sizes."""
    work = Path(tempfile.mkdtemp(prefix="gb-bench-"))
    listing = work / "files.json"
    listing.write_text(json.dumps([str(f) for f in files]))
    out = work / "out"
    wall, peak, stdout = watch([sys.executable, "-c", BUILD, str(listing), str(out), str(jobs)])
    report = json.loads(stdout.strip().splitlines()[-1])
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    row = {"jobs": jobs, "files": len(files), "wall": wall, "peak_rss": peak, "sizes": sizes, **report}
    if queries:
        qwall, qpeak, qout = watch([sys.executable, "-c", QUERIES, str(out / "graph.ttl")])
        row["queries"] = {**json.loads(qout.strip().splitlines()[-1]), "peak_rss": qpeak}
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="article folders or files (e.g. the five BBC topic folders)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--scaling", type=int, nargs=2, metavar=("SMALL", "LARGE"), default=None,
                    help="also build SMALL and LARGE articles (with the largest --jobs), for growth")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run bare, each --jobs build and each scaling size this many times, alternating, "
                         "and keep the fastest of each (steadier ratios on a shared machine)")
    ap.add_argument("--json", default=None, help="also write every number to this file")
    a = ap.parse_args(argv)
    files = corpus(a.paths, a.limit)
    print(f"{time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  {os.cpu_count()} cores  "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB  load {os.getloadavg()[0]:.2f}  "
          f"python {platform.python_version()}")
    rounds = []
    for n in range(max(1, a.repeat)):
        rounds.append([bare_pipe(files)] + [run_build(files, jobs, queries=n == i == 0) for i, jobs in enumerate(a.jobs)])
    fastest = [min((r[i] for r in rounds), key=lambda x: x["wall"]) for i in range(len(rounds[0]))]
    bare_row, rows = fastest[0], fastest[1:]
    bare, bare_cpu, words = bare_row["wall"], bare_row["cpu"], bare_row["words"]
    print(f"files: {len(files)}   words: {words:,}" + (f"   fastest of {len(rounds)} alternating rounds; walls: "
          + "; ".join(", ".join(f"{x['wall']:.1f}" for x in r) for r in rounds) if len(rounds) > 1 else ""))
    print(f"bare nlp.pipe: {bare:8.1f} s  {words / bare:8.0f} words/s  (CPU {bare_cpu:.1f} s)")
    # CPU seconds (the build's process and its workers) compare with bare's even when other work
    # shares the machine; wall seconds are what --jobs buys.
    print(f"{'build':<14}{'wall s':>8}{'× bare':>8}{'× jobs1':>9}{'CPU s':>8}{'CPU × bare':>12}{'peak RSS':>11}"
          f"  stages (s)")
    base = rows[0]["wall"] if rows and rows[0]["jobs"] == 1 else None
    for r in rows:
        stages = " ".join(f"{k}={v:.1f}" for k, v in r["seconds"].items())
        vs_j1 = f"{r['wall'] / base:9.2f}" if base else f"{'':>9}"
        print(f"--jobs {r['jobs']:<7}{r['wall']:8.1f}{r['wall'] / bare:8.2f}{vs_j1}{r['cpu']:8.1f}"
              f"{r['cpu'] / bare_cpu:12.2f}{r['peak_rss'] / 2**30:9.2f} GiB  {stages}")
    if rows:
        r = rows[0]
        print(f"graph: {r['articles']} articles, {r['actors']} actors, {r['relations']} relations")
        print("outputs: " + ", ".join(f"{k} {v / 2**20:.1f} MiB" for k, v in sorted(r["sizes"].items())))
        q = rounds[0][1]["queries"]  # measured once, on the first round's first build
        print(f"graph.ttl ({q['triples']:,} triples): load {q['load']:.2f} s, actors {q['actors']:.2f} s "
              f"({q['actors_rows']} rows), relations {q['relations']:.2f} s ({q['relations_rows']} rows), "
              f"evidence {q['evidence']:.2f} s ({q['evidence_rows']} rows), actor network {q['network']:.2f} s, "
              f"peak RSS {q['peak_rss'] / 2**30:.2f} GiB")
    scaling = []
    if a.scaling:
        shuffled = list(files)
        random.Random(0).shuffle(shuffled)
        jobs = max(a.jobs)
        runs = [[run_build(shuffled[:n], jobs) for n in a.scaling] for _ in range(max(1, a.repeat))]
        scaling = [min((run[i] for run in runs), key=lambda r: r["wall"]) for i in range(2)]
        small, large = scaling
        print(f"scaling (--jobs {jobs}): {small['files']} articles {small['wall']:.1f} s, "
              f"{large['files']} articles {large['wall']:.1f} s, ratio {large['wall'] / small['wall']:.2f} "
              f"(linear = {large['files'] / small['files']:.2f}); CPU ratio {large['cpu'] / small['cpu']:.2f}; stages "
              + " vs ".join(" ".join(f"{k}={v:.1f}" for k, v in s["seconds"].items()) for s in scaling))
    if a.json:
        Path(a.json).write_text(json.dumps({"bare": bare, "bare_cpu": bare_cpu, "words": words, "builds": rows,
                                            "rounds": rounds, "scaling": scaling}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
