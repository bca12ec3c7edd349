"""Time reading and cleaning the BBC corpus, and count what the cleaner removed.

Run: ``.venv/bin/python benchmarks/cleaning_bbc.py [BBC_FOLDER]``
(default: ``../shared/corpora/bbc`` beside the project).
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from graphbuild.reading import InputProblem, read_articles

CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


def main(root: Path) -> None:
    """Read the corpus three times; print the best time and what was removed."""
    folders = [root / category for category in CATEGORIES]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        items = list(read_articles(folders))
        times.append(time.perf_counter() - start)
    articles = [item for item in items if not isinstance(item, InputProblem)]
    problems = Counter(item.message.split(" ")[0] for item in items if isinstance(item, InputProblem))
    removed = Counter(r.reason for a in articles for r in a.removed)
    size = sum(p.stat().st_size for folder in folders for p in folder.glob("*.txt"))
    print(f"files: {len(items)}  bytes: {size:,}  articles: {len(articles)}  problems: {dict(problems)}")
    print(f"read + clean: best {min(times):.2f}s of {', '.join(f'{t:.2f}' for t in times)}")
    print(f"lines removed: {sum(removed.values())} {dict(removed)}")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "bbc"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
