"""Write the actor network as one self-contained, offline, interactive HTML page.

The page draws with vis-network, the library pyvis wraps, read at run time
from the installed pyvis package and inlined, so the file opens from disk with
no network at all (pyvis's own template pulls Bootstrap from a CDN, so it is
not used). Positions are computed here, before the page opens, and physics is
off, so even a thousand actors are interactive at once.

Every string that came from an article reaches the page only as JSON inside a
``<script type="application/json">`` block, with ``<``, ``>``, ``&`` and the
JavaScript line separators escaped, and the page script puts it into the DOM
with ``textContent`` only. A Content-Security-Policy allows no network and only
the page's own two scripts (by hash), as a second line of defence.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import statistics
from dataclasses import dataclass
from importlib.resources import files

import networkx as nx
import numpy as np

from .files import atomic_write
from .layout import layout_positions
from .network import NODE_SIZES, OTHER_COLOR, TYPE_COLORS, most_connected

#: vis-network as shipped inside the pyvis package.
VIS_DIR = ("lib", "vis-9.1.2")
#: The most evidence sentences kept per relation on the page (the CSV and graph keep all).
MAX_EVIDENCE = 25
#: The length on screen, at zoom 1, of a typical relation: room for its label.
EDGE_PIXELS = 190.0
#: The distance on screen, at zoom 1, from a typical actor to its nearest neighbour.
NEIGHBOUR_PIXELS = 70.0

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What a written page shows.

    Attributes:
        nodes_drawn: actors on the page.
        nodes_total: actors in the network.
        edges_drawn: relations on the page (both ends drawn).
        edges_total: relations in the network.
        capped: whether ``max_nodes`` left actors out.
    """

    nodes_drawn: int
    nodes_total: int
    edges_drawn: int
    edges_total: int
    capped: bool


def script_json(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so no string can
    close the element or open a comment; U+2028/U+2029 are escaped for old
    JavaScript parsers.

    Example:
        >>> script_json({"name": "</script><script>"})
        '{"name": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _vis_asset(name: str) -> str:
    return files("pyvis").joinpath(*VIS_DIR, name).read_text(encoding="utf-8")


def _asset(name: str) -> str:
    return files("graphbuild").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _pixel_scale(network: nx.MultiDiGraph, positions: dict) -> float:
    """Pixels per layout unit: room for a typical relation's label, and no actor on top of another.

    The scale is the larger of two: the one that makes the median relation
    :data:`EDGE_PIXELS` long, and the one that puts the median actor
    :data:`NEIGHBOUR_PIXELS` from its nearest neighbour (dense middles of big graphs).
    """
    lengths = [math.dist(positions[u], positions[v]) for u, v in network.edges() if u != v]
    by_edges = EDGE_PIXELS / statistics.median(lengths) if lengths and statistics.median(lengths) > 0 else 0.0
    nearest = _nearest_distances(np.array(list(positions.values()), dtype=np.float64))
    positive = nearest[nearest > 0]
    by_spacing = NEIGHBOUR_PIXELS / float(np.median(positive)) if positive.size else 0.0
    return max(by_edges, by_spacing) or 200.0


def _nearest_distances(points: np.ndarray, chunk: int = 512) -> np.ndarray:
    """Each point's distance to its nearest other point (in row chunks, so memory stays small)."""
    if len(points) < 2:
        return np.zeros(0)
    out = np.empty(len(points))
    for first in range(0, len(points), chunk):
        block = points[first:first + chunk]
        distance = np.sqrt(((block[:, None, :] - points[None, :, :]) ** 2).sum(axis=-1))
        distance[np.arange(len(block)), np.arange(first, first + len(block))] = np.inf
        out[first:first + len(block)] = distance.min(axis=1)
    return out


def _page_data(network: nx.MultiDiGraph, max_nodes: int, title: str) -> tuple[dict, PageInfo]:
    """The JSON the page script reads: drawn actors with positions, their relations, counts."""
    total = network.number_of_nodes()
    keep = most_connected(network, max_nodes) if 0 < max_nodes < total else list(network.nodes)
    drawn = network.subgraph(keep)
    positions = layout_positions(drawn)
    scale = _pixel_scale(drawn, positions)
    nodes = []
    for node in keep:
        data = drawn.nodes[node]
        x, y = positions[node]
        aliases = [a for a in str(data.get("aliases", "")).split("; ") if a]
        nodes.append({"id": str(node), "label": str(data.get("label", node)),
                      "type": str(data.get("type", "")), "schemaClass": str(data.get("schema_class", "")),
                      "aliases": aliases, "mentions": int(data.get("mentions", 0)),
                      "articles": int(data.get("articles", 0)),
                      "degree": int(network.degree(node)), "x": round(x * scale, 1), "y": round(y * scale, 1)})
    edges = []
    for i, (u, v, key, data) in enumerate(drawn.edges(keys=True, data=True)):
        evidence = list(data.get("evidence", ()))
        edges.append({"id": f"e{i}", "from": str(u), "to": str(v),
                      "predicate": str(data.get("predicate", key)), "label": str(data.get("label", key)),
                      "kind": str(data.get("kind", "")), "symmetric": bool(data.get("symmetric", False)),
                      "hypothetical": bool(data.get("hypothetical", False)),
                      "weight": int(data.get("weight", 1)), "confidence": float(data.get("confidence", 0.0)),
                      "evidence": evidence[:MAX_EVIDENCE], "evidenceMore": max(0, len(evidence) - MAX_EVIDENCE)})
    info = PageInfo(nodes_drawn=len(nodes), nodes_total=total, edges_drawn=len(edges),
                    edges_total=network.number_of_edges(), capped=len(nodes) < total)
    meta = {"title": title, "nodesTotal": info.nodes_total, "edgesTotal": info.edges_total,
            "capped": info.capped, "colors": {**TYPE_COLORS, "": OTHER_COLOR},
            "nodeSizes": list(NODE_SIZES)}
    return {"meta": meta, "nodes": nodes, "edges": edges}, info


def write_page(network: nx.MultiDiGraph, path: str | os.PathLike, *, max_nodes: int = 500,
               title: str = "graphbuild") -> PageInfo:
    """Write the network as one offline HTML page (vis-network inlined, no CDN).

    The page colours actors by type (with a legend that filters), sizes them by
    degree, draws relations as labelled arrows as wide as their weight, finds
    an actor by any alias, filters by type, relation, confidence and weight,
    and opens a side panel on click: an actor's aliases and relations, or a
    relation's evidence sentences with article titles and sources.

    Args:
        network: an actor network from :func:`graphbuild.network.actor_network`.
        path: the HTML file to write (atomically).
        max_nodes: draw at most this many actors, the most connected; 0 draws all.
            The page says so when it leaves actors out.
        title: the page title (shown as text, never as markup).

    Returns:
        A :class:`PageInfo` with the counts drawn and in total.

    Example:
        >>> info = write_page(actor_network(graph), "output/graph.html")  # doctest: +SKIP
        >>> info.capped, info.nodes_drawn
        (False, 42)
    """
    data, info = _page_data(network, max_nodes, title)
    vis_js = _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    page_js = _asset("page.js")
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:")
    parts = {
        "CSP": csp,
        "TITLE": html.escape(title),
        "VIS_CSS": _vis_asset("vis-network.css").replace("</style", "<\\/style"),
        "PAGE_CSS": _asset("page.css"),
        "DATA": script_json(data),
        "VIS_JS": vis_js,
        "PAGE_JS": page_js,
    }
    # One pass, so text put in by one placeholder is never read as another.
    page = _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("page.html"))
    with atomic_write(path) as handle:
        handle.write(page)
    return info
