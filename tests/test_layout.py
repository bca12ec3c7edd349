"""Communities and the layout: groups stay together, leaves by their hub, the same layout in any process."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import networkx as nx
import pytest

from graphbuild.layout import communities, layout_positions, leaf_hubs, simple_graph


def two_clusters() -> nx.MultiDiGraph:
    network = nx.MultiDiGraph()
    left, right = [f"l{i}" for i in range(8)], [f"r{i}" for i in range(8)]
    for group in (left, right):
        network.add_edges_from((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    network.add_edge("l0", "r0")
    return network


def test_simple_graph_joins_parallel_relations_and_sums_their_weight():
    network = nx.MultiDiGraph()
    network.add_edge("a", "b", key="metWith", weight=2)
    network.add_edge("b", "a", key="criticised", weight=3)
    network.add_edge("a", "a", key="self", weight=1)
    graph = simple_graph(network)
    assert list(graph.edges(data="weight")) == [("a", "b", 5.0)]


def test_leaves_hang_from_hubs_but_a_pair_is_no_leaf():
    graph = nx.Graph([("hub", "x"), ("hub", "y"), ("hub", "z"), ("p", "q")])
    assert leaf_hubs(graph) == {"x": "hub", "y": "hub", "z": "hub"}


def test_communities_find_the_two_clusters_and_leaves_join_their_hub():
    network = two_clusters()
    network.add_edge("l3", "leaf")
    network.add_node("alone")
    groups = communities(network)
    assert len({groups[f"l{i}"] for i in range(8)}) == 1 and len({groups[f"r{i}"] for i in range(8)}) == 1
    assert groups["l0"] != groups["r0"]
    assert groups["leaf"] == groups["l3"]
    assert groups["l0"] == 0  # the left group is the larger (its leaf counts)
    assert groups["alone"] == -1


def test_layout_keeps_clusters_together():
    network = two_clusters()
    pos = layout_positions(network, seed=3)
    assert set(pos) == set(network.nodes)
    assert all(math.isfinite(c) and type(c) is float and abs(c) <= 1.0 + 1e-9 for xy in pos.values() for c in xy)
    inside = [math.dist(pos[a], pos[b]) for a, b in network.edges() if a[0] == b[0]]
    across = [math.dist(pos[f"l{i}"], pos[f"r{j}"]) for i in range(8) for j in range(8)]
    assert max(inside) < min(across) * 1.5 and sum(inside) / len(inside) < sum(across) / len(across) / 2
    assert layout_positions(network, seed=3) == pos  # the same seed, the same layout


def test_leaves_sit_by_their_hub_and_actors_with_no_relation_outside():
    network = two_clusters()
    network.add_edges_from([("l1", "leaf1"), ("l1", "leaf2")])
    network.add_node("alone")
    pos = layout_positions(network)
    nearest_other = min(math.dist(pos["l1"], pos[n]) for n in network if n not in ("l1", "leaf1", "leaf2", "alone"))
    assert math.dist(pos["leaf1"], pos["l1"]) <= nearest_other * 1.5
    assert math.hypot(*pos["alone"]) == pytest.approx(max(math.hypot(*p) for p in pos.values()))
    assert layout_positions(nx.MultiDiGraph()) == {}


def test_pieces_of_the_network_do_not_overlap():
    network = nx.MultiDiGraph()
    for piece in range(6):
        names = [f"p{piece}n{i}" for i in range(3 + piece)]
        network.add_edges_from((a, b) for i, a in enumerate(names) for b in names[i + 1:])
    pos = layout_positions(network)
    discs = []
    for piece in range(6):
        points = [pos[n] for n in network if n.startswith(f"p{piece}n")]
        cx, cy = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        discs.append(((cx, cy), max(math.dist((cx, cy), p) for p in points)))
    for i, (c1, r1) in enumerate(discs):
        for c2, r2 in discs[i + 1:]:
            assert math.dist(c1, c2) > r1 + r2


def test_the_order_a_network_was_built_in_does_not_matter():
    forward = two_clusters()
    backward = nx.MultiDiGraph()
    backward.add_nodes_from(sorted(forward.nodes, reverse=True))
    backward.add_edges_from(reversed(list(forward.edges())))
    assert layout_positions(backward) == layout_positions(forward)
    assert communities(backward) == communities(forward)


_IN_A_CHILD = """
import json, random, networkx as nx
from graphbuild.layout import communities, layout_positions
rng = random.Random(5)
net = nx.MultiDiGraph()
names = ["actor %d" % i for i in range(160)]
for i in range(320):
    a, b = rng.choice(names[:40]), rng.choice(names)
    if a != b:
        net.add_edge(a, b, weight=rng.randint(1, 3))
print(json.dumps([sorted(communities(net).items()), sorted(layout_positions(net).items())]))
"""


def test_same_layout_whatever_the_hash_seed():
    outputs = set()
    for hash_seed in ("1", "2", "987"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", _IN_A_CHILD], env=env, capture_output=True, text=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    groups, positions = json.loads(outputs.pop())
    assert len(positions) == len(groups) > 100
