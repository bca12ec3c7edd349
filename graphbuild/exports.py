"""Export the actor network for Gephi (GEXF, GraphML), spreadsheets (CSV) and the graph as JSON-LD.

Every writer is atomic (a crash leaves the previous file whole) and writes only
plain attribute types, so Gephi and networkx can read the files back. Node
colours follow :data:`graphbuild.network.TYPE_COLORS`, the page's palette;
sizes grow with degree as on the page; positions come from
:func:`graphbuild.layout.layout_positions` (ForceAtlas2 by communities), as on the page.
When some articles are dated, the GEXF is dynamic: each dated actor and relation
has a spell from its first to its last date, so Gephi's timeline plays the network.
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import networkx as nx
from lxml import etree
from rdflib import Graph

from .files import atomic_path, atomic_write
from .layout import layout_positions
from .network import OTHER_COLOR, TYPE_COLORS, node_size
from .vocab import NAMESPACES

#: Layout units to GEXF/GraphML coordinates.
POSITION_SCALE = 1000.0
#: The columns of the CSV export, one row per relation.
CSV_COLUMNS = ("subject", "predicate", "object", "subject_type", "object_type", "weight", "confidence",
               "relation", "kind", "sentence", "article_title", "article_source", "subject_iri", "object_iri",
               "first_seen", "last_seen")
#: The columns of the evidence export, one row per supporting statement.
EVIDENCE_COLUMNS = ("subject", "predicate", "object", "relation", "sentence", "article_title", "article_source",
                    "date", "confidence", "construction", "hypothetical", "start", "end", "subject_iri", "object_iri")
#: Cells starting with these are formulas to a spreadsheet; the CSV prefixes them with "'".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_WRONG_XSI = "http://w3.org/2001/XMLSchema-instance"  # what networkx 3.6 writes for GEXF 1.3


#: Characters XML 1.0 cannot hold at all, not even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: object) -> str:
    """Text an XML file can hold: characters XML forbids become U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", str(text))


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _dates(data: dict) -> dict[str, str]:
    """``first_seen`` and ``last_seen`` when known (an undated network's exports stay as they were)."""
    return {k: str(data[k]) for k in ("first_seen", "last_seen") if data.get(k)}


def _node_attrs(network: nx.MultiDiGraph, node: object) -> dict[str, str | int | float | bool]:
    data = network.nodes[node]
    return {"label": _xml(data.get("label", node)), "type": _xml(data.get("type", "")),
            "schema_class": _xml(data.get("schema_class", "")), "aliases": _xml(data.get("aliases", "")),
            "mentions": int(data.get("mentions", 0)), "articles": int(data.get("articles", 0)),
            "degree": int(network.degree(node)), **_dates(data)}


def _edge_attrs(data: dict, key: object) -> dict[str, str | int | float | bool]:
    """An edge's exportable attributes: the evidence list becomes its best sentence and article."""
    evidence = data.get("evidence") or [{}]
    best = evidence[0]
    return {"label": _xml(data.get("label", key)), "weight": int(data.get("weight", 1)),
            "predicate": _xml(data.get("predicate", key)), "confidence": float(data.get("confidence", 0.0)),
            "kind": _xml(data.get("kind", "")), "symmetric": bool(data.get("symmetric", False)),
            "hypothetical": bool(data.get("hypothetical", False)),
            "sentence": _xml(best.get("sentence", "")), "article_title": _xml(best.get("article", "")),
            "article_source": _xml(best.get("source", "")), **_dates(data)}


#: Per node: RGB colour, size, x and y.
Drawing = dict[object, tuple[tuple[int, int, int], float, float, float]]


def drawing(network: nx.MultiDiGraph) -> Drawing:
    """Per node: colour, size, x and y, as the page draws it.

    The layout is the costly part of an export; a build computes it once and
    hands it to both :func:`write_gexf` and :func:`write_graphml`.
    """
    positions = layout_positions(network)
    degrees = [d for _, d in network.degree()] or [0]
    low, high = min(degrees), max(degrees)
    return {node: (_rgb(TYPE_COLORS.get(network.nodes[node].get("type", ""), OTHER_COLOR)),
                   node_size(network.degree(node), low, high),
                   round(positions[node][0] * POSITION_SCALE, 2), round(-positions[node][1] * POSITION_SCALE, 2))
            for node in network.nodes}


def is_dated(network: nx.MultiDiGraph) -> bool:
    """Whether any actor or relation of the network has a date."""
    return any(d.get("first_seen") for _, d in network.nodes(data=True)) or any(
        d.get("first_seen") for _, _, d in network.edges(data=True))


def _spells(data: dict) -> dict[str, list[tuple[str, str]]]:
    """A dated element's one spell, from its first to its last date (both days included)."""
    return {"spells": [(data["first_seen"], data["last_seen"])]} if data.get("first_seen") else {}


def gephi_network(network: nx.MultiDiGraph, layout: Drawing | None = None) -> nx.MultiDiGraph:
    """A copy of the network ready for GEXF: plain attributes, ``viz`` colour/size/position, no lists.

    Edges keep their key (the predicate's local name, which networkx writes as
    ``networkx_key`` and reads back as the key) and get unique ids ("e0", ...).
    A dated network is dynamic (``mode="dynamic"``, ``timeformat="date"``): every
    dated node and edge gets a spell from ``first_seen`` to ``last_seen``, and
    undated ones none (Gephi shows them throughout).
    """
    dated = is_dated(network)
    out = nx.MultiDiGraph(name="graphbuild actor network", **({"mode": "dynamic"} if dated else {}))
    for node, (rgb, size, x, y) in (drawing(network) if layout is None else layout).items():
        data = network.nodes[node]
        out.add_node(str(node), **_node_attrs(network, node), **(_spells(data) if dated else {}),
                     viz={"color": {"r": rgb[0], "g": rgb[1], "b": rgb[2], "a": 1.0}, "size": size,
                          "position": {"x": x, "y": y, "z": 0.0}})
    for i, (u, v, key, data) in enumerate(network.edges(keys=True, data=True)):
        out.add_edge(str(u), str(v), key=str(key), id=f"e{i}", **_edge_attrs(data, key),
                     **(_spells(data) if dated else {}))
    return out


def write_gexf(network: nx.MultiDiGraph, path: str | os.PathLike, *, layout: Drawing | None = None) -> None:
    """Write the network as GEXF 1.3 for Gephi, atomically.

    Nodes carry ``type``, ``schema_class``, ``aliases``, ``mentions``,
    ``articles`` and ``degree`` attributes, their label, and viz colour (by type,
    the page's palette), size (by degree) and position (with z). Edges carry
    their label, weight, ``predicate`` (the relation type), ``confidence``,
    ``kind``, ``symmetric``, ``hypothetical`` and their best evidence sentence
    and article. When the network is dated (:func:`is_dated`) the graph is
    dynamic: dated nodes and edges carry a spell from their first to their last
    date, and ``first_seen``/``last_seen`` attributes for readers without a timeline.

    networkx's GEXF 1.3 output differs from the official 1.3 schema in two
    places, which this writer puts right (see :func:`conform_gexf`).

    Args:
        network: an actor network from :func:`graphbuild.network.actor_network`.
        path: the .gexf file to write.
        layout: the network's :func:`drawing`, when already computed.
    """
    text = "".join(nx.generate_gexf(gephi_network(network, layout), version="1.3", prettyprint=False))
    root = conform_gexf(etree.fromstring(_fix_xsi(text).encode("utf-8")))
    with atomic_write(path, "wb") as handle:
        handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _fix_xsi(text: str) -> str:
    """Rebind networkx's mistyped ``xsi`` namespace, in the root start tag only.

    Done on the text because lxml cannot rename a namespace in place, and
    moving every element under a new root takes seconds on a large graph.
    """
    end = text.index(">", text.index("<gexf")) + 1
    return text[:end].replace(f'"{_WRONG_XSI}"', f'"{_XSI}"') + text[end:]


def conform_gexf(root: etree._Element) -> etree._Element:
    """Make networkx's GEXF 1.3 valid against the official 1.3 schema.

    * networkx binds ``xsi`` to "http://w3.org/2001/XMLSchema-instance" (no
      "www"), which is not the XML Schema instance namespace, so its
      ``schemaLocation`` is an unknown attribute: :func:`write_gexf` rebinds it
      before parsing; here, a root that still has it is rebuilt.
    * networkx always writes ``<graph name="...">``, an attribute the 1.3 schema
      does not have: the name moves into ``<meta><description>``.

    Args:
        root: the parsed ``<gexf>`` element as networkx wrote it.

    Returns:
        The (possibly new) root element.
    """
    gexf = root.nsmap.get(None, "")
    if root.nsmap.get("xsi") == _WRONG_XSI:
        root = etree.fromstring(_fix_xsi(etree.tostring(root, encoding="unicode")).encode("utf-8"))
    for graph in root.iter(f"{{{gexf}}}graph"):
        name = graph.attrib.pop("name", "")
        if name:
            meta = root.find(f"{{{gexf}}}meta")
            if meta is None:
                meta = etree.Element(f"{{{gexf}}}meta")
                root.insert(0, meta)
            etree.SubElement(meta, f"{{{gexf}}}description").text = name
    return root


def write_graphml(network: nx.MultiDiGraph, path: str | os.PathLike, *, layout: Drawing | None = None) -> None:
    """Write the network as GraphML, atomically, with the same attributes as the GEXF.

    GraphML has no viz module, so colour, size and position are plain node
    attributes under the names Gephi's GraphML importer maps: ``r``, ``g``,
    ``b`` (and ``color`` as "#rrggbb"), ``size``, ``x``, ``y``.

    Args:
        network: an actor network from :func:`graphbuild.network.actor_network`.
        path: the .graphml file to write.
        layout: the network's :func:`drawing`, when already computed.
    """
    out = nx.MultiDiGraph(name="graphbuild actor network")
    for node, (rgb, size, x, y) in (drawing(network) if layout is None else layout).items():
        out.add_node(str(node), **_node_attrs(network, node), r=rgb[0], g=rgb[1], b=rgb[2],
                     color="#{:02x}{:02x}{:02x}".format(*rgb), size=size, x=x, y=y)
    for i, (u, v, key, data) in enumerate(network.edges(keys=True, data=True)):
        out.add_edge(str(u), str(v), key=f"e{i}", **_edge_attrs(data, key))
    with atomic_path(path) as tmp:
        nx.write_graphml(out, tmp, encoding="utf-8")


def _cell(value: object) -> object:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _heaviest_first(network: nx.MultiDiGraph) -> list[tuple]:
    """The network's relations as (subject, object, key, data), most stated first, then by name."""
    return sorted(network.edges(keys=True, data=True),
                  key=lambda e: (-int(e[3].get("weight", 1)), str(e[0]), str(e[2]), str(e[1])))


def write_csv(network: nx.MultiDiGraph, path: str | os.PathLike) -> int:
    """Write one CSV row per relation, atomically, UTF-8, quoted by the csv module.

    Columns are :data:`CSV_COLUMNS`: subject, predicate and object (labels and
    the predicate's local name), both actor types, weight, confidence, the
    relation's label and kind, its best evidence sentence with that article's
    title and source, both actor IRIs, and its first and last dates ("" when
    undated). Text beginning with "=", "+", "-",
    "@", tab or carriage return is prefixed with "'" so a spreadsheet shows it
    rather than running it.

    Args:
        network: an actor network from :func:`graphbuild.network.actor_network`.
        path: the .csv file to write.

    Returns:
        The number of rows written.
    """
    rows = 0
    with atomic_write(path, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for u, v, key, data in _heaviest_first(network):
            edge = _edge_attrs(data, key)
            subject, obj = network.nodes[u], network.nodes[v]
            writer.writerow([_cell(x) for x in (
                subject.get("label", u), edge["predicate"], obj.get("label", v),
                subject.get("type", ""), obj.get("type", ""), edge["weight"], f"{edge['confidence']:.3f}",
                edge["label"], edge["kind"], edge["sentence"], edge["article_title"], edge["article_source"],
                str(u), str(v), edge.get("first_seen", ""), edge.get("last_seen", ""))])
            rows += 1
    return rows


def write_evidence_csv(network: nx.MultiDiGraph, path: str | os.PathLike) -> int:
    """Write one CSV row per statement supporting a relation, atomically, UTF-8.

    Where :func:`write_csv` gives each relation once with its best sentence,
    this gives every sentence: columns :data:`EVIDENCE_COLUMNS` (the
    relation's subject, predicate and object, its label, then the sentence,
    its article's title, source and date, the statement's confidence, the rule
    that found it, whether it was hypothetical, its character offsets in the
    article, and both actor IRIs). Relations are ordered as in
    :func:`write_csv`, statements best first; formula-like text is prefixed
    with "'" as there.

    Args:
        network: an actor network from :func:`graphbuild.network.actor_network`.
        path: the .csv file to write.

    Returns:
        The number of statement rows written.
    """
    rows = 0
    with atomic_write(path, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EVIDENCE_COLUMNS)
        for u, v, key, data in _heaviest_first(network):
            subject, obj = network.nodes[u], network.nodes[v]
            for ev in data.get("evidence", ()):
                writer.writerow([_cell(x) for x in (
                    subject.get("label", u), data.get("predicate", key), obj.get("label", v), data.get("label", key),
                    ev.get("sentence", ""), ev.get("article", ""), ev.get("source", ""), ev.get("date", ""),
                    f"{float(ev.get('confidence', 0.0)):.3f}", ev.get("construction", ""),
                    str(bool(ev.get("hypothetical", False))).lower(), int(ev.get("start", 0)), int(ev.get("end", 0)),
                    str(u), str(v))])
                rows += 1
    return rows


def write_jsonld(graph: Graph, path: str | os.PathLike) -> None:
    """Write the whole RDF graph as JSON-LD, atomically, compacted with graphbuild's prefixes.

    Args:
        graph: the RDF graph (not the network: every triple, evidence included).
        path: the .jsonld file to write.
    """
    context = {prefix: str(namespace) for prefix, namespace in NAMESPACES.items()}
    with atomic_path(path) as tmp:
        graph.serialize(destination=str(Path(tmp)), format="json-ld", context=context, auto_compact=True)
