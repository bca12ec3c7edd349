"""The one reader of graphbuild's knowledge files in ``graphbuild/data/``.

Every word list and table the stages use is a text file in ``graphbuild/data/``:
``#`` lines first (what the list is, where it comes from, its columns), then one
entry a line, columns separated by tabs, several values in a column by ``|``.
Code never spells a list out: it asks this module for it, so each list is
defined once and every stage that needs it reads the same one.

Example:
    >>> "say" in words("relations_speech_verbs.txt")  # doctest: +SKIP
    True
"""
from __future__ import annotations

import functools
import importlib.resources


@functools.cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a data file, each split on tabs and stripped; comments and blank lines left out.

    Args:
        name: the file's name in ``graphbuild/data/`` ("actors_titles.txt").

    Raises:
        FileNotFoundError: there is no such data file.
    """
    text = importlib.resources.files("graphbuild").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(tuple(cell.strip() for cell in line.split("\t"))
                 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@functools.cache
def words(name: str) -> frozenset[str]:
    """The first column of a data file, as a set (a word list: one entry a line)."""
    return frozenset(row[0] for row in rows(name))


@functools.cache
def mapping(name: str) -> dict[str, str]:
    """A two-column data file as first column -> second column ("" where the second is missing)."""
    return {row[0]: (row[1] if len(row) > 1 else "") for row in rows(name)}


def values(cell: str) -> tuple[str, ...]:
    """The ``|``-separated values of one cell, empty ones left out."""
    return tuple(v.strip() for v in cell.split("|") if v.strip())
