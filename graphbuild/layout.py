"""Where each actor goes: communities, and a layout that shows them.

Communities are networkx's Louvain; positions come from networkx's layouts,
run at two levels so a thousand actors take about a second (networkx's
ForceAtlas2 compares every pair of nodes in Python-driven numpy steps, so one run
over the whole network would take many): each community's actors by the spring
layout inside a disc of their own, and the discs of one connected piece of the
network placed by ForceAtlas2 on the graph of communities. Disconnected pieces
are packed round the largest, the biggest nearest the middle. Actors with a
single relation (leaves) take no part in either: they sit round their hub,
which the page folds them into.

Everything is seeded and sorted, so the same network gives the same layout in
any process, whatever ``PYTHONHASHSEED`` is.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable

import networkx as nx
import numpy as np

#: The largest community laid out in one piece; larger ones are split again by Louvain.
DIRECT_LAYOUT_LIMIT = 100
#: Inside a community, networkx's spring layout (Fruchterman-Reingold, dense below this many actors:
#: about three times faster than its ForceAtlas2 on a hundred actors), with this many iterations.
SPRING_LIMIT, SPRING_ITERATIONS = 500, 50
#: The room an actor takes, in layout units squared, and the extra room each of its leaves adds.
ACTOR_ROOM, LEAF_ROOM = 1.0, 0.5
#: The space left between two discs (communities or pieces of the network), in layout units.
DISC_GAP = 0.3
#: How far apart two actors of a community are pushed (a share of the square root of their
#: room), in at most this many rounds.
ACTOR_SPACING, SPREAD_ROUNDS = 0.4, 20

Position = tuple[float, float]


def simple_graph(network: nx.Graph) -> nx.Graph:
    """The network as an undirected simple graph: one edge per pair, weighted by its statements.

    Nodes and edges are added in sorted order, so everything computed from it
    (communities, layout) is the same whatever order the network was built in.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(network.nodes, key=str))
    pairs: dict[tuple, float] = defaultdict(float)
    for u, v, data in network.edges(data=True):
        if u != v:
            a, b = sorted((u, v), key=str)
            pairs[(a, b)] += float(data.get("weight", 1))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items(), key=lambda kv: tuple(map(str, kv[0]))))
    return graph


def induced(graph: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes``, as a graph of its own with nodes and edges in ``graph``'s order.

    networkx's ``subgraph`` views iterate a small node set in set order, which
    changes with ``PYTHONHASHSEED``; every layout step works on these instead.
    """
    keep = set(nodes)
    order = [n for n in graph if n in keep]
    rank = {n: i for i, n in enumerate(order)}
    sub = nx.Graph()
    sub.add_nodes_from(order)
    sub.add_weighted_edges_from((u, v, data.get("weight", 1.0)) for u in order for v, data in graph[u].items()
                                if v in rank and rank[u] < rank[v])
    return sub


def leaf_hubs(graph: nx.Graph) -> dict[Hashable, Hashable]:
    """Each leaf (an actor with one neighbour, itself joined to others) and the hub it hangs from.

    Two actors joined only to each other are a pair, not a leaf and its hub.
    """
    hubs = {}
    for node in graph:
        if graph.degree(node) == 1:
            (hub,) = graph[node]
            if graph.degree(hub) > 1:
                hubs[node] = hub
    return hubs


def communities(network: nx.Graph, *, seed: int = 0) -> dict[Hashable, int]:
    """Each actor's community (networkx's Louvain, seeded), numbered from the largest.

    Leaves join their hub's community and actors with no relation get none
    (-1), so leaves never make communities of their own.

    Args:
        network: any networkx graph; edge ``weight`` (statements) strengthens a tie.
        seed: Louvain's random seed; the same seed gives the same communities.

    Returns:
        A map from every node to its community number (0 the largest, leaves counted), or -1.
    """
    graph = simple_graph(network)
    hubs = leaf_hubs(graph)
    core = induced(graph, (n for n in graph if n not in hubs and graph.degree(n) > 0))
    found = nx.community.louvain_communities(core, weight="weight", seed=seed) if len(core) else []
    leaves = Counter(hubs.values())
    members = sorted((sorted(group, key=str) for group in found),
                     key=lambda group: (-sum(1 + leaves[n] for n in group), str(group[0])))
    numbers = {node: i for i, group in enumerate(members) for node in group}
    return {node: numbers.get(hubs.get(node, node), -1) for node in graph}


def layout_positions(network: nx.Graph, *, seed: int = 0,
                     groups: dict[Hashable, int] | None = None) -> dict[Hashable, Position]:
    """Positions for every node, in roughly [-1, 1] x [-1, 1], that show the network's communities.

    Args:
        network: any networkx graph; edge ``weight`` strengthens attraction.
        seed: the random seed of Louvain and ForceAtlas2; the same seed gives the same layout.
        groups: the communities, when already computed with :func:`communities`.

    Returns:
        A map from node to (x, y) floats.
    """
    graph = simple_graph(network)
    if not len(graph):
        return {}
    hubs = leaf_hubs(graph)
    groups = communities(network, seed=seed) if groups is None else groups
    leaves_of: dict[Hashable, list] = defaultdict(list)
    for leaf, hub in hubs.items():
        leaves_of[hub].append(leaf)
    room = {node: ACTOR_ROOM + LEAF_ROOM * len(leaves_of.get(node, ())) for node in graph}
    core = induced(graph, (n for n in graph if n not in hubs and graph.degree(n) > 0))
    pieces = []
    for component in nx.connected_components(core):
        by_group: dict[int, list] = defaultdict(list)
        for node in sorted(component, key=str):
            by_group[groups.get(node, -1)].append(node)
        piece = induced(core, component)
        pieces.append(_arrange(piece, [by_group[g] for g in sorted(by_group)], room, seed))
    positions = _pack(pieces)
    for hub in sorted(leaves_of, key=str):
        positions.update(_around(graph, hub, sorted(leaves_of[hub], key=str), positions))
    alone = [n for n in graph if n not in positions]
    extent = max((math.hypot(x, y) for x, y in positions.values()), default=0.0)
    for i, node in enumerate(alone):  # on a ring outside the rest; the golden angle spreads them evenly
        angle, radius = 2.399963 * i, extent + 2.0 + 0.6 * math.sqrt(i)
        positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
    scale = max((max(abs(x), abs(y)) for x, y in positions.values()), default=0.0) or 1.0
    return {node: (float(x / scale), float(y / scale)) for node, (x, y) in positions.items()}


def _disc(positions: dict[Hashable, Position]) -> tuple[np.ndarray, float]:
    """The centre of a set of positions and the radius round it that holds them all."""
    points = np.array(list(positions.values()), dtype=np.float64).reshape(-1, 2)
    centre = points.mean(axis=0)
    return centre, float(np.sqrt(((points - centre) ** 2).sum(axis=1)).max()) + 0.3


def _arrange(graph: nx.Graph, parts: list[list], room: dict, seed: int) -> dict[Hashable, Position]:
    """A connected piece: each part (community) in a disc of its own, discs placed by ForceAtlas2."""
    placed = [_inside(induced(graph, part), room, seed) for part in parts]
    if len(parts) == 1:
        return placed[0]
    discs = [_disc(p) for p in placed]
    radii = np.array([r for _, r in discs])
    part_of = {node: i for i, part in enumerate(parts) for node in part}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(parts)))
    for u, v, w in graph.edges(data="weight"):
        a, b = sorted((part_of[u], part_of[v]))
        if a != b:
            quotient.add_edge(a, b, weight=quotient.get_edge_data(a, b, {"weight": 0.0})["weight"] + w)
    raw = nx.forceatlas2_layout(quotient, seed=seed, max_iter=200, weight="weight",
                                node_size=dict(enumerate(radii.tolist())),
                                node_mass={i: 1.0 + r * r for i, r in enumerate(radii.tolist())})
    centres = _separate(np.array([raw[i] for i in range(len(parts))], dtype=np.float64), radii)
    out = {}
    for (centre, _), local, target in zip(discs, placed, centres):
        shift = target - centre
        out.update({node: (x + shift[0], y + shift[1]) for node, (x, y) in local.items()})
    return out


def _inside(graph: nx.Graph, room: dict, seed: int) -> dict[Hashable, Position]:
    """One community's actors by networkx's spring layout, spread so each has its room, centred on (0, 0)."""
    nodes = list(graph)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) > DIRECT_LAYOUT_LIMIT:
        parts = nx.community.louvain_communities(graph, weight="weight", seed=seed)
        if len(parts) > 1:
            parts = sorted((sorted(p, key=str) for p in parts), key=lambda p: (-len(p), str(p[0])))
            return _arrange(graph, parts, room, seed)
    if len(nodes) <= 3:  # a pair or a triangle: nothing to lay out
        raw = nx.circular_layout(graph)
    elif len(nodes) < SPRING_LIMIT:
        raw = nx.spring_layout(graph, seed=seed, iterations=SPRING_ITERATIONS, weight="weight")
    else:  # one community Louvain cannot split; spring_layout would need scipy here
        raw = nx.forceatlas2_layout(graph, seed=seed, max_iter=100, weight="weight",
                                    node_mass={n: 1.0 + graph.degree(n) + room[n] for n in nodes})
    points = np.array([raw[n] for n in nodes], dtype=np.float64)
    points -= points.mean(axis=0)
    spread = math.sqrt(float((points ** 2).sum(axis=1).mean())) or 1.0
    # A uniform disc of area A has an RMS radius of sqrt(A / pi) / sqrt(2).
    target = math.sqrt(sum(room[n] for n in nodes) / math.pi / 2)
    points *= max(target, 0.45) / spread
    # The spring layout gives every actor the same space; a hub holding leaves needs more.
    radii = ACTOR_SPACING * np.sqrt(np.array([room[n] for n in nodes]))
    points = _push_apart(points, radii, 0.0, rounds=SPREAD_ROUNDS)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, points)}


def _separate(centres: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """Discs moved apart until none overlaps another, keeping the shape ForceAtlas2 gave them.

    The whole arrangement is first scaled to about the size the discs need.
    """
    centres = centres - centres.mean(axis=0)
    spread = math.sqrt(float((centres ** 2).sum(axis=1).mean())) or 1.0
    return _push_apart(centres * (math.sqrt(float((radii ** 2).sum())) / spread), radii, DISC_GAP)


def _push_apart(centres: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 300) -> np.ndarray:
    """Each overlapping pair of discs pushed apart along the line between them, half each, until none overlaps."""
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt((delta ** 2).sum(axis=-1))
        np.fill_diagonal(distance, 1e18)
        overlap = radii[:, None] + radii[None, :] + gap - distance
        if (overlap <= 1e-9).all():
            break
        push = np.where(overlap > 0, overlap / np.maximum(distance, 1e-9) / 2, 0.0)
        delta = np.where((distance < 1e-9)[..., None], np.array([1.0, 0.0]), delta)
        centres = centres + (delta * push[..., None]).sum(axis=1)
    return centres


def _pack(pieces: list[dict[Hashable, Position]]) -> dict[Hashable, Position]:
    """Pieces of the network packed round the largest: each in the free spot nearest the middle."""
    discs = sorted(((_disc(p), p) for p in pieces), key=lambda d: (-d[0][1], str(min(map(str, d[1])))))
    centres, radii = np.zeros((len(discs), 2)), np.zeros(len(discs))
    angles = np.linspace(0, 2 * math.pi, 20, endpoint=False)
    ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    out = {}
    for i, ((centre, radius), piece) in enumerate(discs):
        target = np.zeros(2)
        if i:
            placed, sizes = centres[:i], radii[:i]
            # Candidates: touching a placed disc, all round it; the largest few and the latest placed
            # (the spiral grows outwards, so older small discs have no room left beside them).
            near = sorted(set(range(min(4, i))) | set(range(max(0, i - 16), i)))
            reach = sizes[near, None, None] + radius + DISC_GAP
            candidates = (placed[near, None, :] + reach * ring[None, :, :]).reshape(-1, 2)
            apart = ((candidates[:, None, :] - placed[None, :, :]) ** 2).sum(axis=-1)
            free = candidates[(apart >= (sizes[None, :] + radius + DISC_GAP - 1e-6) ** 2).all(axis=1)]
            target = free[np.argmin((free ** 2).sum(axis=1))]
        centres[i], radii[i] = target, radius
        shift = target - centre
        out.update({node: (x + shift[0], y + shift[1]) for node, (x, y) in piece.items()})
    return out


def _around(graph: nx.Graph, hub: Hashable, leaves: list, positions: dict) -> dict[Hashable, Position]:
    """A hub's leaves on arcs round it, facing away from its other relations."""
    hx, hy = positions[hub]
    others = [positions[n] for n in graph[hub] if n in positions]
    facing, width = 0.0, 2 * math.pi
    if others:
        ox, oy = np.mean(others, axis=0)
        if math.hypot(hx - ox, hy - oy) > 1e-9:
            facing = math.atan2(hy - oy, hx - ox)
    out, ring, i = {}, 0, 0
    while i < len(leaves):
        count = min(8 * (ring + 1), len(leaves) - i)
        radius = 0.9 + 0.7 * ring
        arc = min(width, 0.55 * count) if others else width
        for j in range(count):
            angle = facing + arc * ((j + 0.5) / count - 0.5)
            out[leaves[i + j]] = (hx + radius * math.cos(angle), hy + radius * math.sin(angle))
        i += count
        ring += 1
    return out
