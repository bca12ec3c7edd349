"""Redrawing and exporting an existing graph file, without re-reading articles."""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from . import exports, page
from .errors import GraphbuildError
from .network import actor_network, article_sources
from .query import load_graph

#: Export formats and the file suffix each gets by default.
EXPORT_FORMATS = {"gexf": ".gexf", "graphml": ".graphml", "csv": ".csv", "evidence": ".evidence.csv",
                  "jsonld": ".jsonld"}


def render(graph_file: str | Path, out: str | Path, *, max_nodes: int = 500, types: Collection[str] | None = None,
           min_weight: int = 1, min_confidence: float = 0.0, title: str | None = None) -> page.PageInfo:
    """Draw the page for a graph file, with the given filters.

    Args:
        graph_file: a graph.ttl written by a build.
        out: the page to write.
        max_nodes: draw at most this many actors (the most connected).
        types: keep only actors of these types (None keeps all).
        min_weight: keep relations with at least this many evidence statements.
        min_confidence: keep evidence at or above this confidence.
        title: the page title; None names the folder that held the graph's articles.

    Raises:
        GraphbuildError: when the graph cannot be read or a filter is unknown.
    """
    refuse_overwriting(graph_file, out)
    graph = load_graph(graph_file)
    network = actor_network(graph, types=types, min_weight=min_weight, min_confidence=min_confidence)
    return page.write_page(network, out, max_nodes=max_nodes, title=title or page.corpus_title(article_sources(graph)))


def refuse_overwriting(graph_file: str | Path, out: str | Path) -> None:
    """Refuse an output path that is the graph file itself (or a link to it).

    Raises:
        GraphbuildError: naming the path and the fix.
    """
    if Path(out).resolve() == Path(graph_file).resolve():
        raise GraphbuildError(f"{out}: would overwrite the graph itself; pass -o with another name")


def export(graph_file: str | Path, fmt: str, out: str | Path | None = None, *, min_confidence: float = 0.0) -> Path:
    """Export a graph file for Gephi (gexf, graphml), spreadsheets (csv: one row per relation;
    evidence: one row per supporting statement) or JSON-LD tools (jsonld).

    Args:
        graph_file: a graph.ttl written by a build.
        fmt: one of :data:`EXPORT_FORMATS`.
        out: the file to write; None writes beside the graph file.
        min_confidence: keep evidence at or above this confidence (not for jsonld, which is every triple).

    Returns:
        The path written.

    Raises:
        GraphbuildError: when the graph cannot be read or the format is unknown.
    """
    if fmt not in EXPORT_FORMATS:
        raise GraphbuildError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    graph_file = Path(graph_file)
    target = Path(out) if out else graph_file.with_suffix(EXPORT_FORMATS[fmt])
    refuse_overwriting(graph_file, target)
    graph = load_graph(graph_file)
    if fmt == "jsonld":
        exports.write_jsonld(graph, target)
        return target
    network = actor_network(graph, min_confidence=min_confidence)
    writers = {"gexf": exports.write_gexf, "graphml": exports.write_graphml, "csv": exports.write_csv,
               "evidence": exports.write_evidence_csv}
    writers[fmt](network, target)
    return target
