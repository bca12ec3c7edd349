"""Write the actor network as one self-contained, offline, interactive HTML page.

The page draws with vis-network, the library pyvis wraps, read at run time
from the installed pyvis package and inlined, so the file opens from disk with
no network at all (pyvis's own template pulls Bootstrap from a CDN, so it is
not used). Positions (graphbuild.layout) are computed here, before the page
opens, and physics is off, so even a thousand actors are interactive at once.
The page script, not vis-network, draws the names and relation labels, so it
can draw only those that fit, at a size fixed on screen.

Every string that came from an article reaches the page only as JSON inside a
``<script type="application/json">`` block, with ``<``, ``>``, ``&`` and the
JavaScript line separators escaped, and the page script puts it into the DOM
with ``textContent`` only. A Content-Security-Policy allows no network and only
the page's own two scripts (by hash), as a second line of defence; source links
are made only for web addresses and files that exist.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import networkx as nx
import numpy as np

from . import lexicon
from .files import atomic_write
from .layout import communities, layout_positions, leaf_hubs, simple_graph
from .network import OTHER_COLOR, TYPE_COLORS, most_connected, node_size

#: vis-network as shipped inside the pyvis package.
VIS_DIR = ("lib", "vis-9.1.2")
#: The title of a page whose corpus has no folder to be named after.
DEFAULT_TITLE = "graphbuild"
#: The evidence export a build writes beside the page (the page names it).
EVIDENCE_FILE_NAME = "evidence.csv"
#: How each structural relation reads from its object's side (a data file: predicate, phrase).
INVERSE_LABELS = "page_inverse_labels.tsv"
#: Region colours for the largest communities: ColorBrewer "Set3" (Cynthia Brewer, colorbrewer2.org).
GROUP_COLORS = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f")
#: The space between two neighbouring dots (pixels at zoom 1), and the share of actors that get it.
DOT_GAP, CLEAR_SHARE = 14.0, 0.8
#: The least width or height of the drawing (pixels at zoom 1).
MIN_EXTENT = 700.0

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
_WEB = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


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


def _pixel_scale(positions: dict, nodes: list, sizes: dict) -> float:
    """Pixels per layout unit, for the actors the first view shows (``nodes``: leaves are folded).

    Large enough that most actors clear their nearest neighbour (dots are drawn
    in canvas units, so this holds at every zoom; :data:`CLEAR_SHARE` of them,
    as the densest spots would otherwise spread the whole drawing), and that a
    small network spans at least :data:`MIN_EXTENT` pixels, so its relations
    are long enough to carry their labels.
    """
    if not nodes:
        return 1.0
    points = np.array([positions[n] for n in nodes], dtype=np.float64).reshape(-1, 2)
    extent = float((points.max(axis=0) - points.min(axis=0)).max())
    by_extent = MIN_EXTENT / max(extent, 1e-6)
    if len(nodes) < 2:
        return by_extent
    distance, nearest = _nearest(points)
    radii = np.array([sizes[n] for n in nodes], dtype=np.float64)
    needed = (radii + radii[nearest] + DOT_GAP) / np.maximum(distance, 1e-9)
    return max(by_extent, float(np.quantile(needed, CLEAR_SHARE)))


def _nearest(points: np.ndarray, chunk: int = 512) -> tuple[np.ndarray, np.ndarray]:
    """Each point's distance to its nearest other point, and that point's index (in row chunks)."""
    distances, indices = np.empty(len(points)), np.empty(len(points), dtype=np.int64)
    for first in range(0, len(points), chunk):
        block = points[first:first + chunk]
        distance = np.sqrt(((block[:, None, :] - points[None, :, :]) ** 2).sum(axis=-1))
        distance[np.arange(len(block)), np.arange(first, first + len(block))] = np.inf
        indices[first:first + len(block)] = distance.argmin(axis=1)
        distances[first:first + len(block)] = distance.min(axis=1)
    return distances, indices


def corpus_title(sources: Iterable[str]) -> str:
    """A page title that names the corpus: the folder holding every article read ("politics").

    URLs and sources with no folder in common give :data:`DEFAULT_TITLE`.

    Example:
        >>> corpus_title(["news/bbc/politics/001.txt", "news/bbc/politics/002.txt"])
        'politics'
    """
    folders = {os.path.dirname(os.path.normpath(s)) for s in sources if s and "://" not in s}
    if not folders:
        return DEFAULT_TITLE
    try:
        common = os.path.commonpath(sorted(folders))
    except ValueError:  # absolute and relative paths, or two drives
        return DEFAULT_TITLE
    return os.path.basename(os.path.abspath(common)) or DEFAULT_TITLE


def source_link(source: str) -> str:
    """Where an article's source can be opened from the page: a web address, or a file's URL ("" if neither)."""
    if _WEB.match(source):
        return source
    if source and "://" not in source and os.path.isfile(source):
        return Path(source).resolve().as_uri()
    return ""


def actor_names(data: dict) -> list[str]:
    """The names an actor goes by (label and aliases), longest first."""
    names = {str(data.get("label", ""))} | {a for a in str(data.get("aliases", "")).split("; ") if a}
    return sorted((n for n in names if n.strip()), key=lambda n: (-len(n), n))


def actor_marks(sentence: str, subject: list[str], obj: list[str]) -> list[list]:
    """Where the sentence names each actor of a relation: ``[[start, end, "s" or "o"], ...]``.

    The first mention of each, found by any of its names (whole words, any
    case); an actor reached through a pronoun or an earlier sentence has no
    mark. Offsets count UTF-16 code units, as JavaScript strings do.

    Example:
        >>> actor_marks("Ann Lee met the Acme board.", ["Ann Lee", "Lee"], ["Acme"])
        [[0, 7, 's'], [16, 20, 'o']]
    """
    def first(names: list[str], taken: tuple[int, int] | None) -> tuple[int, int] | None:
        best = None
        for name in names:
            for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", sentence, flags=re.IGNORECASE):
                span = match.span()
                if taken and span[0] < taken[1] and taken[0] < span[1]:
                    continue
                if best is None or span[0] < best[0]:
                    best = span
                break
        return best

    marks = []
    found_subject = first(subject, None)
    found_object = first(obj, found_subject)
    for span, role in ((found_subject, "s"), (found_object, "o")):
        if span:
            marks.append([_utf16(sentence, span[0]), _utf16(sentence, span[1]), role])
    return sorted(marks)


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _group_summaries(drawn: nx.MultiDiGraph, groups: dict) -> list[dict]:
    """Each community's size, colour and best-connected names, largest first."""
    members: dict[int, list] = {}
    for node, group in groups.items():
        if group >= 0:
            members.setdefault(group, []).append(node)
    out = []
    for group in sorted(members):
        nodes = sorted(members[group], key=lambda n: (-drawn.degree(n), -int(drawn.nodes[n].get("mentions", 0)), str(n)))
        out.append({"id": group, "size": len(nodes),
                    "color": GROUP_COLORS[group] if group < len(GROUP_COLORS) else "",
                    "names": [str(drawn.nodes[n].get("label", n)) for n in nodes[:3]]})
    return out


def _page_data(network: nx.MultiDiGraph, max_nodes: int, title: str) -> tuple[dict, PageInfo]:
    """The JSON the page script reads: drawn actors with positions, their relations, counts."""
    total = network.number_of_nodes()
    keep = most_connected(network, max_nodes) if 0 < max_nodes < total else sorted(network.nodes, key=str)
    drawn = network.subgraph(keep)
    groups = communities(drawn)
    positions = layout_positions(drawn, groups=groups)
    degrees = [int(network.degree(n)) for n in keep] or [0]
    low, high = min(degrees), max(degrees)
    sizes = {n: node_size(int(network.degree(n)), low, high) for n in keep}
    simple = simple_graph(drawn)
    hubs = leaf_hubs(simple)
    first_view = [n for n in simple if n not in hubs and simple.degree(n) > 0] or list(keep)
    scale = _pixel_scale(positions, first_view, sizes)
    nodes = []
    for node in keep:
        data = drawn.nodes[node]
        x, y = positions[node]
        aliases = [a for a in str(data.get("aliases", "")).split("; ") if a]
        degree = int(network.degree(node))
        nodes.append({"id": str(node), "label": str(data.get("label", node)),
                      "type": str(data.get("type", "")), "schemaClass": str(data.get("schema_class", "")),
                      "aliases": aliases, "mentions": int(data.get("mentions", 0)),
                      "articles": int(data.get("articles", 0)), "degree": degree,
                      "size": sizes[node], "group": groups.get(node, -1),
                      "firstSeen": str(data.get("first_seen", "")), "lastSeen": str(data.get("last_seen", "")),
                      "x": round(x * scale, 1), "y": round(y * scale, 1)})
    names = {node: actor_names(drawn.nodes[node]) for node in keep}
    links: dict[str, str] = {}
    edges = []
    for i, (u, v, key, data) in enumerate(sorted(drawn.edges(keys=True, data=True),
                                                 key=lambda e: (str(e[0]), str(e[1]), str(e[2])))):
        evidence = []
        for ev in data.get("evidence", ()):
            sentence, source = str(ev.get("sentence", "")), str(ev.get("source", ""))
            if source not in links:
                links[source] = source_link(source)
            evidence.append({"sentence": sentence, "article": str(ev.get("article", "")), "source": source,
                             "href": links[source], "date": str(ev.get("date", "")),
                             "confidence": float(ev.get("confidence", 0.0)),
                             "construction": str(ev.get("construction", "")),
                             "hypothetical": bool(ev.get("hypothetical", False)),
                             "marks": actor_marks(sentence, names[u], names[v])})
        predicate = str(data.get("predicate", key))
        edges.append({"id": f"e{i}", "from": str(u), "to": str(v), "predicate": predicate,
                      "label": str(data.get("label", key)), "inverse": inverse_label(predicate, data),
                      "kind": str(data.get("kind", "")), "symmetric": bool(data.get("symmetric", False)),
                      "hypothetical": bool(data.get("hypothetical", False)),
                      "weight": int(data.get("weight", 1)), "confidence": float(data.get("confidence", 0.0)),
                      "firstSeen": str(data.get("first_seen", "")), "lastSeen": str(data.get("last_seen", "")),
                      "evidence": evidence})
    info = PageInfo(nodes_drawn=len(nodes), nodes_total=total, edges_drawn=len(edges),
                    edges_total=network.number_of_edges(), capped=len(nodes) < total)
    dated = any(e["firstSeen"] or e["lastSeen"] or any(ev["date"] for ev in e["evidence"]) for e in edges)
    meta = {"title": title, "nodesTotal": info.nodes_total, "edgesTotal": info.edges_total,
            "capped": info.capped, "colors": {**TYPE_COLORS, "": OTHER_COLOR},
            "groups": _group_summaries(drawn, groups), "dated": dated,
            "evidenceFile": EVIDENCE_FILE_NAME}
    return {"meta": meta, "nodes": nodes, "edges": edges}, info


def inverse_label(predicate: str, data: dict) -> str:
    """How a relation reads from its object's side ("criticised by", "led by").

    Event relations are named by their verb, so their passive is the verb and
    "by"; structural ones read from :data:`INVERSE_LABELS`. "" when the
    relation is symmetric or no phrase is known (the page then shows the label
    with a backward arrow).
    """
    if data.get("symmetric", False):
        return ""
    known = lexicon.mapping(INVERSE_LABELS)
    if predicate in known:
        return known[predicate]
    return f"{data.get('label', predicate)} by" if data.get("kind", "") == "event" else ""


def write_page(network: nx.MultiDiGraph, path: str | os.PathLike, *, max_nodes: int = 500,
               title: str = DEFAULT_TITLE) -> PageInfo:
    """Write the network as one offline HTML page (vis-network inlined, no CDN).

    The page opens on an overview: communities as coloured regions, actors
    coloured by type and sized by degree, leaves folded into their hub, names
    drawn only where they fit. It finds an actor by any alias and focuses its
    neighbourhood, shows the shortest paths between two actors, filters by
    type, relation, confidence, weight and date (hiding the actors left with no
    relation), and opens a side panel: an actor's relations grouped by
    predicate and direction, or a relation's every evidence sentence with both
    actors marked, its article, source, date and confidence.

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
