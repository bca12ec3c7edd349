"""graphbuild: turn news articles into a knowledge graph of actors and their relations.

The Python API mirrors the command line:

    >>> from graphbuild import build, load_graph, run_query  # doctest: +SKIP
    >>> report = build(["examples/articles"], "output")
    >>> result = run_query(load_graph("output/graph.ttl"), "relations")
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Names are imported on first use, so `graphbuild query` does not pay for loading spaCy.
_API = {"build": "pipeline", "BuildReport": "pipeline", "load_graph": "query", "run_query": "query",
        "format_result": "query"}
__all__ = [*_API, "__version__"]


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
