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


@pytest.mark.parametrize("sentence, subject, obj, marks", [
    ("Ann Lee met the Acme board.", ["Ann Lee", "Lee"], ["Acme"], [[0, 7, "s"], [16, 20, "o"]]),
    ("The ACME board met ann lee.", ["Ann Lee"], ["Acme"], [[4, 8, "o"], [19, 26, "s"]]),  # any case
    ("She told Leeds radio that Lee won.", ["Lee"], ["Leeds Radio"], [[9, 20, "o"], [26, 29, "s"]]),  # whole words
    ("He criticised the Acme board.", ["Ann Lee", "Lee"], ["Acme"], [[18, 22, "o"]]),  # a pronoun has no mark
    ("\U0001F600 Lee met Acme.", ["Lee"], ["Acme"], [[3, 6, "s"], [11, 15, "o"]]),  # UTF-16 offsets, as JavaScript
])
def test_actor_marks_find_each_actor_once(sentence, subject, obj, marks):
    from graphbuild.page import actor_marks

    assert actor_marks(sentence, subject, obj) == marks


def test_actor_marks_never_overlap():
    from graphbuild.page import actor_marks

    # "BBC" names both; the object takes its own name, not the subject's.
    assert actor_marks("BBC News quoted the BBC.", ["BBC News", "BBC"], ["BBC"]) == [[0, 8, "s"], [20, 23, "o"]]


@pytest.mark.parametrize("sources, title", [
    (["news/bbc/politics/001.txt", "news/bbc/politics/002.txt"], "politics"),
    (["news/bbc/politics/001.txt", "news/bbc/business/002.txt"], "bbc"),
    (["/data/corpus/a/1.txt"], "a"),
    (["https://example.invalid/story"], "graphbuild"),
    ([], "graphbuild"),
])
def test_corpus_title_names_the_folder_of_the_articles(sources, title):
    from graphbuild.page import corpus_title

    assert corpus_title(sources) == title


def test_source_links_only_for_web_addresses_and_files(tmp_path):
    from graphbuild.page import source_link

    article = tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    assert source_link("https://news.example/a") == "https://news.example/a"
    assert source_link(str(article)) == article.resolve().as_uri()
    assert source_link(str(tmp_path / "missing.txt")) == ""
    assert source_link("javascript:alert(1)") == "" and source_link("") == ""


def test_inverse_labels_read_from_the_object_side():
    from graphbuild.page import inverse_label

    assert inverse_label("criticised", {"label": "criticised", "kind": "event"}) == "criticised by"
    assert inverse_label("leaderOf", {"label": "leader of", "kind": "structural"}) == "led by"
    assert inverse_label("metWith", {"label": "met with", "kind": "event", "symmetric": True}) == ""
    assert inverse_label("newStructural", {"label": "new thing of", "kind": "structural"}) == ""


def test_every_directed_structural_predicate_has_an_inverse_label():
    from graphbuild import lexicon
    from graphbuild.page import INVERSE_LABELS
    from graphbuild.vocab import STRUCTURAL

    known = lexicon.mapping(INVERSE_LABELS)
    assert {p for p, info in STRUCTURAL.items() if not info.symmetric} <= set(known)
    assert set(known) <= set(STRUCTURAL) and all(known.values())


def test_page_keeps_every_statement_and_marks_the_actors(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    u, v, key = next((u, v, k) for u, v, k in network.edges(keys=True) if k == "metWith")
    one = network.edges[u, v, key]["evidence"][0]
    network.edges[u, v, key]["evidence"] = [{**one, "sentence": f"Reyk met Mara Quint, take {i}."} for i in range(40)]
    write_page(network, tmp_path / "page.html")
    met = next(e for e in embedded_data(tmp_path / "page.html")["edges"] if e["predicate"] == "metWith")
    assert len(met["evidence"]) == 40
    assert sorted(m[2] for m in met["evidence"][0]["marks"]) == ["o", "s"]
    assert met["inverse"] == "" and met["symmetric"]


def test_page_data_has_communities_sizes_and_dates(sample_graph, tmp_path):
    network = actor_network(sample_graph)
    for _, _, data in network.edges(data=True):
        data["first_seen"], data["last_seen"] = "2005-02-01", "2005-03-01"
    write_page(network, tmp_path / "page.html")
    data = embedded_data(tmp_path / "page.html")
    assert data["meta"]["dated"] is True and data["meta"]["evidenceFile"] == "evidence.csv"
    groups = {g["id"] for g in data["meta"]["groups"]}
    assert all(n["group"] in groups | {-1} for n in data["nodes"])
    assert {n["group"] for n in data["nodes"] if n["degree"] == 0} == {-1}
    assert all(8.0 <= n["size"] <= 36.0 for n in data["nodes"])
    assert {e["firstSeen"] for e in data["edges"]} == {"2005-02-01"}
    # Without dates (before the build records them) the page offers no date filter.
    write_page(actor_network(sample_graph), tmp_path / "undated.html")
    assert embedded_data(tmp_path / "undated.html")["meta"]["dated"] is False


_PAGE_IN_A_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from page_networks import corpus_network
from graphbuild.page import write_page
write_page(corpus_network(300, seed=4), sys.argv[1], max_nodes=200)
"""


def test_the_same_page_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = _PAGE_IN_A_CHILD.format(tests=str(Path(__file__).parent))
    pages = []
    for seed in ("0", "123"):
        out = tmp_path / f"page-{seed}.html"
        subprocess.run([sys.executable, "-c", script, str(out)], env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
