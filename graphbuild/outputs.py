"""Writing every output of a build into one folder, each file atomically."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from . import exports, page
from .files import atomic_path
from .network import actor_network

GRAPH_FILE = "graph.ttl"
PAGE_FILE = "graph.html"
GEXF_FILE = "graph.gexf"
GRAPHML_FILE = "graph.graphml"
CSV_FILE = "relations.csv"


@dataclass(frozen=True, slots=True)
class OutputPaths:
    """Where a build wrote its files, and what the views hold."""

    graph: Path
    page: Path
    gexf: Path
    graphml: Path
    csv: Path
    actors: int
    relations: int
    page_info: page.PageInfo


def write_turtle(graph: Graph, path: Path) -> Path:
    """Serialize ``graph`` as Turtle to ``path``, atomically."""
    with atomic_path(path) as tmp:
        graph.serialize(destination=tmp, format="turtle", encoding="utf-8")
    return path


def write_outputs(graph: Graph, out_dir: Path, *, max_nodes: int = 500, title: str = "graphbuild") -> OutputPaths:
    """Write the graph, the page and the exports into ``out_dir``.

    Args:
        graph: the built RDF graph.
        out_dir: the output folder (created if missing).
        max_nodes: the page's cap on actors drawn.
        title: the page title.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    network = actor_network(graph)
    paths = {name: out_dir / name for name in (GRAPH_FILE, PAGE_FILE, GEXF_FILE, GRAPHML_FILE, CSV_FILE)}
    exports.write_gexf(network, paths[GEXF_FILE])
    exports.write_graphml(network, paths[GRAPHML_FILE])
    exports.write_csv(network, paths[CSV_FILE])
    info = page.write_page(network, paths[PAGE_FILE], max_nodes=max_nodes, title=title)
    # The graph goes last: its presence marks a complete build.
    write_turtle(graph, paths[GRAPH_FILE])
    return OutputPaths(graph=paths[GRAPH_FILE], page=paths[PAGE_FILE], gexf=paths[GEXF_FILE],
                       graphml=paths[GRAPHML_FILE], csv=paths[CSV_FILE],
                       actors=network.number_of_nodes(), relations=network.number_of_edges(), page_info=info)
