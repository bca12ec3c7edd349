"""Benchmark graphbuild against bare spaCy on a corpus folder, in one run.

    python benchmarks/bench.py ../shared/corpora/bbc [--limit N] [--jobs 1 2] [--scaling]

Measures, on the same cleaned texts and the same model:
  * bare ``nlp.pipe`` (words per second), the floor for graphbuild's cost;
  * ``graphbuild build`` end to end, once per --jobs value, each into a fresh
    output folder (no cache), in a child process, with its peak RSS (the process
    and its workers together) and stage times;
  * the output files' sizes;
  * with --scaling, the build at half and at the full article count (near-linear growth).
Prints a table. Timings are noisy: compare the ratios within one run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from graphbuild.nlp import load_pipeline
from graphbuild.reading import InputProblem, find_sources, read_articles

CHILD = """
import json, sys, time
from graphbuild.pipeline import build
t = time.perf_counter()
report = build(json.loads(sys.argv[1]), sys.argv[2], jobs=int(sys.argv[3]))
print(json.dumps({"seconds": report.seconds, "total": time.perf_counter() - t, "articles": report.articles,
                  "actors": sum(report.actors_by_type.values()), "relations": report.relations}))
"""


def corpus(folder: str, limit: int | None) -> list[Path]:
    files = find_sources([folder])
    return files[:limit] if limit else files


def bare_pipe(files: list[Path]) -> tuple[float, int]:
    """Seconds and words for bare nlp.pipe over the cleaned texts of ``files``."""
    texts = [a.text for a in read_articles(files) if not isinstance(a, InputProblem)]
    nlp = load_pipeline()
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    return time.perf_counter() - started, words


def run_build(files: list[Path], jobs: int) -> dict:
    """One end-to-end build in a child process; its report, wall time and peak RSS of the tree."""
    out = tempfile.mkdtemp(prefix="gb-bench-")
    args = [sys.executable, "-c", CHILD, json.dumps([str(f) for f in files]), str(Path(out) / "out"), str(jobs)]
    started = time.perf_counter()
    proc = psutil.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - started
    stdout = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"build with --jobs {jobs} failed (exit {proc.returncode})")
    report = json.loads(stdout.strip().splitlines()[-1])
    sizes = {p.name: p.stat().st_size for p in (Path(out) / "out").iterdir() if p.is_file()}
    return {"jobs": jobs, "wall": wall, "peak_rss": peak, "sizes": sizes, **report}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--scaling", action="store_true", help="also build half the articles, for growth")
    a = ap.parse_args(argv)
    files = corpus(a.folder, a.limit)
    bare, words = bare_pipe(files)
    print(f"articles: {len(files)}   words: {words:,}")
    print(f"bare nlp.pipe: {bare:8.1f} s  {words / bare:8.0f} words/s")
    rows = [run_build(files, jobs) for jobs in a.jobs]
    print(f"{'build':<14}{'wall s':>8}{'× bare':>8}{'× jobs1':>9}{'peak RSS':>11}  stages (s)")
    base = rows[0]["wall"] if rows and rows[0]["jobs"] == 1 else None
    for r in rows:
        stages = " ".join(f"{k}={v:.1f}" for k, v in r["seconds"].items())
        vs_j1 = f"{r['wall'] / base:9.2f}" if base else f"{'':>9}"
        print(f"--jobs {r['jobs']:<7}{r['wall']:8.1f}{r['wall'] / bare:8.2f}{vs_j1}"
              f"{r['peak_rss'] / 2**30:9.2f} GiB  {stages}")
    if rows:
        r = rows[0]
        print(f"graph: {r['articles']} articles, {r['actors']} actors, {r['relations']} relations")
        print("outputs: " + ", ".join(f"{k} {v / 2**20:.1f} MiB" for k, v in sorted(r["sizes"].items())))
    if a.scaling:
        half = run_build(files[: len(files) // 2], 1)
        full = rows[0] if rows and rows[0]["jobs"] == 1 else run_build(files, 1)
        print(f"scaling: {len(files) // 2} articles {half['wall']:.1f} s, {len(files)} articles "
              f"{full['wall']:.1f} s, ratio {full['wall'] / half['wall']:.2f} (linear = 2.00)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
