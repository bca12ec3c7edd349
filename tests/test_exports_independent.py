"""The GEXF export read by an independent reader: graphology-gexf, the parser behind Gephi Lite.

Needs Node.js and `npm ci --prefix tests/gexf_reader` (``.ci/run`` does it); skips otherwise.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graphbuild.exports import write_gexf
from graphbuild.graph import build_graph
from graphbuild.network import TYPE_COLORS, actor_network
from graphbuild.records import Actor, Mention, Relation

READER = Path(__file__).parent / "gexf_reader"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (READER / "node_modules" / "graphology-gexf").is_dir(),
    reason="needs node and `npm ci --prefix tests/gexf_reader`")

NAMES = [("Ana Ruiz", "Person"), ('The "Quoted" {Braces} Trust', "Organization"), ("Peru", "Country"),
         ("ليما", "Place"), ("東京都", "Place")]


def read_with_graphology(path: Path) -> dict:
    out = subprocess.run(["node", str(READER / "read_gexf.js"), str(path)], capture_output=True, text=True,
                         check=True, timeout=60)
    return json.loads(out.stdout)


def test_every_node_has_colour_type_and_exact_label(make_result, tmp_path):
    body = " ".join(name for name, _ in NAMES)
    actors = [Actor(name, name, kind, mentions=(Mention(name, body.find(name), body.find(name) + len(name)),))
              for name, kind in NAMES]
    relations = [Relation("Ana Ruiz", "visited", name, body, 0, len(body), 0.7, "svo") for name, _ in NAMES[1:]]
    network = actor_network(build_graph([make_result("Trip", body, actors, relations)]))
    path = tmp_path / "graph.gexf"
    write_gexf(network, path)

    read = read_with_graphology(path)
    assert sorted(n["label"] for n in read["nodes"]) == sorted(name for name, _ in NAMES)
    for node in read["nodes"]:
        assert node["type"] in TYPE_COLORS
        r, g, b = (int(TYPE_COLORS[node["type"]][i:i + 2], 16) for i in (1, 3, 5))
        assert node["color"].startswith(f"rgba({r},{g},{b},")
        assert node["size"] > 0
    assert len(read["edges"]) == 4
    assert all(e["label"] == "visited" and e["weight"] == 1 for e in read["edges"])
