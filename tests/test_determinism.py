"""The same input gives the same bytes in every output, whatever Python's hash seed.

Two builds run in separate processes with different ``PYTHONHASHSEED`` values
(so every set and dict of strings iterates in another order) over the same
folder, and every file they write is compared byte for byte.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.cache import CURRENT, STATE_DIR
from graphbuild.outputs import OUTPUT_NAMES

DATA = Path(__file__).parent / "data"
ARTICLES = ("robust_harbour.txt", "robust_school.html", "robust_latin1.txt")


def written_files(out: Path) -> dict[str, bytes]:
    """Every file a build wrote: the outputs, the manifest and the cache entries, by path."""
    files = {name: (out / name).read_bytes() for name in OUTPUT_NAMES}
    files["manifest.json"] = (out / STATE_DIR / CURRENT / "manifest.json").read_bytes()
    for entry in sorted((out / STATE_DIR / "cache").rglob("*.json")):
        files[entry.relative_to(out).as_posix()] = entry.read_bytes()
    return files


@pytest.mark.model
def test_every_output_is_byte_identical_across_hash_seeds(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(DATA / name, folder / name)
    runs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append((out, subprocess.Popen([sys.executable, "-m", "graphbuild.cli", "build", str(folder), "-o",
                                            str(out), "-q"], env=env, stderr=subprocess.PIPE, text=True)))
    for out, process in runs:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    first, second = (written_files(out) for out, _ in runs)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
