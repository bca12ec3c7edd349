"""The HTML page as written: one offline file, data embedded safely, the cap stated."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import lxml.html
import pytest

from graphbuild.network import actor_network
from graphbuild.page import PageInfo, script_json, write_page


def parse(path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def embedded_data(path) -> dict:
    (block,) = parse(path).xpath("//script[@id='graph-data']")
    return json.loads(block.text)


def test_page_info_and_embedded_data(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    info = write_page(network, tmp_path / "page.html", title="Sample news")
    assert info == PageInfo(nodes_drawn=8, nodes_total=8, edges_drawn=7, edges_total=7, capped=False)
    data = embedded_data(tmp_path / "page.html")
    assert {n["label"] for n in data["nodes"]} == {d["label"] for _, d in network.nodes(data=True)}
    quint = next(n for n in data["nodes"] if n["label"] == "Mara Quint")
    assert quint["aliases"] == ["President Mara Quint", "Quint"] and quint["type"] == "Person"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    met = next(e for e in data["edges"] if e["predicate"] == "metWith")
    assert met["weight"] == 2 and met["symmetric"] and len(met["evidence"]) == 2
    assert met["evidence"][0]["article"] == "Ostrand invites Veloria to summit"
    assert data["meta"]["title"] == "Sample news" and data["meta"]["nodesTotal"] == 8


def test_page_is_self_contained(sample_graph, tmp_path):
    path = tmp_path / "page.html"
    write_page(actor_network(sample_graph), path)
    doc = parse(path)
    assert doc.xpath("//link") == []
    assert doc.xpath("//*[@src]") == []
    assert doc.xpath("//*[@href]") == []
    assert "bootstrap" not in path.read_text(encoding="utf-8").lower()
    scripts = doc.xpath("//script[not(@type)]")
    assert len(scripts) == 2  # vis-network and the page script, both inline
    assert "vis-network" in scripts[0].text[:200]


def test_content_security_policy_allows_only_the_page_scripts(sample_graph, tmp_path):
    path = tmp_path / "page.html"
    write_page(actor_network(sample_graph), path)
    doc = parse(path)
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    raw = path.read_text(encoding="utf-8")
    bodies = re.findall(r"<script>(.*?)</script>", raw, flags=re.S)
    assert {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in bodies} == hashes


def test_injection_strings_stay_inside_the_json(injection_graph, tmp_path):
    path = tmp_path / "page.html"
    write_page(actor_network(injection_graph), path, title="</title><script>alert(1)</script>")
    raw = path.read_text(encoding="utf-8")
    assert "alert(1)</script>" not in raw
    assert "<img src=x" not in raw and "<svg" not in raw
    assert "\u2028" not in raw and "\u2029" not in raw
    doc = parse(path)
    assert doc.findtext(".//title") == "</title><script>alert(1)</script>"
    assert len(doc.xpath("//script")) == 3
    data = embedded_data(path)
    labels = {n["label"] for n in data["nodes"]}
    assert {"<script>alert(1)</script>", "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            'Kim "The Boss" {Jr}', "O'Brien & Sons", "北方渔业委员会", "مجلس المدينة", "ועדת הבחירות"} <= labels
    sentences = {ev["sentence"] for e in data["edges"] for ev in e["evidence"]}
    assert any("\u2028" in s for s in sentences) and any("\u2029" in s for s in sentences)
    assert data["meta"]["title"] == "</title><script>alert(1)</script>"


def test_page_script_builds_dom_as_text_only():
    from importlib.resources import files

    script = files("graphbuild").joinpath("assets", "page.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "outerHTML" not in script
    assert "insertAdjacentHTML" not in script and "document.write" not in script and "eval(" not in script


@pytest.mark.parametrize("text, escaped", [
    ("</script>", "\\u003c/script\\u003e"),
    ("a & b", "a \\u0026 b"),
    ("<!--", "\\u003c!--"),
    ("line\u2028break\u2029", "line\\u2028break\\u2029"),
])
def test_script_json_escapes(text, escaped):
    out = script_json({"s": text})
    assert escaped in out
    assert json.loads(out) == {"s": text}
    assert not set(out) & set("<>&\u2028\u2029")


def test_cap_keeps_the_most_connected(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    info = write_page(network, tmp_path / "page.html", max_nodes=3)
    assert info.capped and info.nodes_drawn == 3 and info.nodes_total == 8
    data = embedded_data(tmp_path / "page.html")
    drawn = {n["label"] for n in data["nodes"]}
    assert "Mara Quint" in drawn  # the most connected actor
    assert "Northern Fisheries Council" not in drawn
    assert info.edges_drawn == len(data["edges"])
    assert all(e["from"] in {n["id"] for n in data["nodes"]} for e in data["edges"])
    assert data["meta"]["capped"] is True and data["meta"]["nodesTotal"] == 8


def test_zero_max_nodes_draws_all(sample_graph, tmp_path):
    assert write_page(actor_network(sample_graph), tmp_path / "page.html", max_nodes=0).nodes_drawn == 8


def test_empty_network_writes_a_page(tmp_path):
    import networkx as nx

    info = write_page(nx.MultiDiGraph(), tmp_path / "empty.html")
    assert info == PageInfo(0, 0, 0, 0, False)
    assert embedded_data(tmp_path / "empty.html")["nodes"] == []


def test_write_is_atomic_and_makes_folders(sample_graph, tmp_path):
    path = tmp_path / "new" / "folder" / "page.html"
    write_page(actor_network(sample_graph), path)
    assert path.exists()
    assert [p.name for p in path.parent.iterdir()] == ["page.html"]  # no temporary file left behind
