"""Writing output files safely: never leave a half-written file behind.

Every output goes to a temporary file in the same folder and is renamed over
the target only once it is complete, so a crash or Ctrl-C mid-write leaves
the previous version intact and readable. The finished file gets the mode a
plain ``open`` would give it (or the mode of the file it replaces), not the
owner-only mode of a temporary file.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _file_mode(target: Path) -> int:
    """The mode for a finished file: the replaced file's, else 0o666 less the umask, as ``open`` gives."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _temporary(target: Path) -> tuple[int, str]:
    """A temporary file beside ``target`` (mkstemp makes it owner-only; give it the final mode)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _file_mode(target))
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    return fd, tmp


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None, durable: bool = True) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success, rename it over ``path``.

    Args:
        path: the file to (re)write.
        mode: "w" for text or "wb" for bytes.
        encoding: the text encoding (ignored in binary mode).
        newline: passed to :func:`open` (use "" for CSV).
        durable: flush the file to disk before the rename. Only for files whose loss
            costs nothing (a cache entry is read back as a miss when empty or torn):
            an fsync per file is most of the cost of writing many small ones.

    Example:
        >>> with atomic_write(tmp_path / "graph.ttl") as f:  # doctest: +SKIP
        ...     f.write(text)
    """
    target = Path(path)
    fd, tmp = _temporary(target)
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_path(path: str | os.PathLike) -> contextlib.AbstractContextManager[Path]:
    """Like :func:`atomic_write`, for writers that want a path rather than a handle."""
    return _atomic_path(Path(path))


@contextlib.contextmanager
def _atomic_path(target: Path) -> Iterator[Path]:
    fd, tmp = _temporary(target)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
