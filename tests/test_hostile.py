"""Hostile names and queries: every output reads back the exact strings, and queries stay inside the graph.

Graphs are built from hand-made records (no spaCy) through
:func:`graphbuild.graph.build_graph` and written by
:func:`graphbuild.outputs.write_outputs`; each output is then read back with
its own reader (rdflib, networkx, csv, json) and compared string for string.
"""
from __future__ import annotations

import csv
import json
import re
import socket
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, SKOS

from graphbuild.cli import cli
from graphbuild.exports import FORMULA_STARTS
from graphbuild.graph import build_graph
from graphbuild.outputs import write_outputs
from graphbuild.records import Actor, Mention, Relation
from graphbuild.vocab import GB, mint

#: Actor names that try to break IRIs, Turtle, XML, CSV, JSON or HTML.
HOSTILE_NAMES = (
    'Kim "The Boss" {Jr}',
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "C:\\Users\\admin\\ Ltd",
    "Angle <b>bold</b> & Sons",
    "Pipe|Caret^Backtick` Group",
    "😀 Emoji Corp 🇵🇹",
    "مجلس المدينة",
    "ועדת הבחירות",
    "北方渔业委员会",
    "Tab\tSeparated Agency",
    "New\nLine Council",
    "Carriage\rReturn Party",
    "=HYPERLINK(\"http://example.invalid\")",
    "-Minus Front",
    "O'Brien & Sons",
    "Percent %20 %zz Union",
    "Hash #frag ?query=1 Inc",
    "\u202eRTL override\u202c Bank",
    "Zero\u200bWidth Joiner",
)
HOSTILE_TITLE = "\"><svg onload=alert(1)> & </title><script>alert(3)</script>\t\n"
HOSTILE_SOURCE = "javascript:alert(4) \"quoted\" <path>\\back.txt"
#: Sentences are stored whole; each holds newlines, tabs and markup.
SENTENCE = "{a} met {b}\tin <i>Lisbon</i>,\nsaid \"Radio\" & {{co}} \\ ok.\u2028"
TYPES = ("Person", "Organization", "Country", "Place")
GRAPH_DATA = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.DOTALL)


def hostile_records(make_result, names=HOSTILE_NAMES, title=HOSTILE_TITLE, source=HOSTILE_SOURCE,
                    sentence=SENTENCE):
    """One article naming every name, with a relation from each name to the next."""
    body = " ".join(names)
    text = f"{title}\n\n{body}" if title else body
    actors, relations = [], []
    for i, name in enumerate(names):
        start = text.find(name)
        actors.append(Actor(key=f"k{i}", label=name, type=TYPES[i % len(TYPES)], aliases=(name + " alias",),
                            mentions=(Mention(name, start, start + len(name)),)))
    for i in range(len(names) - 1):
        relations.append(Relation(subject=f"k{i}", predicate="metWith" if i % 2 else "memberOf", object=f"k{i + 1}",
                                  sentence=sentence.format(a=names[i], b=names[i + 1]), start=0, end=len(text),
                                  confidence=0.9, construction="svo", label=f"met <with> {names[i]}"))
    return [make_result(title, body, actors, relations, source=source)]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The hostile graph, and the folder it was written to."""
    from conftest import _make_result

    graph = build_graph(hostile_records(_make_result))
    out = tmp_path_factory.mktemp("hostile")
    write_outputs(graph, out)
    return graph, out


def expected_cell(text: str) -> str:
    """What the CSV holds for ``text``: formula-like cells are defused with a leading "'"."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def page_data(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    match = GRAPH_DATA.search(html)
    assert match, "the page embeds its data as JSON"
    return json.loads(match.group(1))


# IRIs and Turtle


IRI_FORBIDDEN = set('<>"{}|^`\\ ') | {chr(c) for c in range(0x21)} | {"\x7f"}


def assert_valid_iri(iri: str) -> None:
    assert not IRI_FORBIDDEN & set(iri), iri
    assert iri.isascii(), iri  # everything outside ASCII is percent-encoded
    assert re.fullmatch(r"https://graphbuild\.dev/[A-Za-z0-9\-._~%/#]*", iri), iri


def test_actor_iris_are_valid(written):
    graph, _ = written
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    assert len([s for s in subjects if "/id/" in s and "/statement/" not in s and "/article/" not in s]) == \
        len(HOSTILE_NAMES)
    for iri in subjects:
        assert_valid_iri(str(iri))


def test_turtle_reads_back_the_same_graph(written):
    graph, out = written
    back = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(graph, back)
    assert {str(o) for o in back.objects(None, RDFS.label)} >= set(HOSTILE_NAMES)
    assert {str(o) for o in back.objects(None, SKOS.altLabel)} == {n + " alias" for n in HOSTILE_NAMES}
    sentences = {str(o) for o in back.objects(None, GB.sentence)}
    assert SENTENCE.format(a=HOSTILE_NAMES[0], b=HOSTILE_NAMES[1]) in sentences
    assert {str(o) for o in back.objects(None, GB.source)} == {HOSTILE_SOURCE}


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_each_name_in_its_own_graph_round_trips(make_result, name):
    """One name alone, so a failure names the culprit."""
    graph = build_graph(hostile_records(make_result, names=(name, "Plain Name")))
    back = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, back)
    assert Literal(name) in set(back.objects(None, RDFS.label))
    nt = Graph().parse(data=graph.serialize(format="nt"), format="nt")
    assert isomorphic(graph, nt)


def test_distinct_actors_get_distinct_iris(make_result):
    names = ("Ines Duarte", "Ines_Duarte")
    body = " and ".join(names)
    actors = [Actor(f"k{i}", name, "Person", mentions=(Mention(name, body.find(name), body.find(name) + len(name)),))
              for i, name in enumerate(names)]
    graph = build_graph([make_result("", body, actors, [])])
    labelled = {str(s): str(o) for s, o in graph.subject_objects(RDFS.label) if "/id/" in str(s)}
    assert sorted(labelled.values()) == sorted(names)


# Exports


def test_gexf_reads_back_exact_strings(written):
    _, out = written
    network = nx.read_gexf(out / "graph.gexf")
    assert {d["label"] for _, d in network.nodes(data=True)} == set(HOSTILE_NAMES)
    aliases = {d["aliases"] for _, d in network.nodes(data=True)}
    assert aliases == {n + " alias" for n in HOSTILE_NAMES}
    sentences = {d["sentence"] for *_, d in network.edges(data=True)}
    assert SENTENCE.format(a=HOSTILE_NAMES[2], b=HOSTILE_NAMES[3]) in sentences
    assert {d["article_source"] for *_, d in network.edges(data=True)} == {HOSTILE_SOURCE}


def test_graphml_reads_back_exact_strings(written):
    _, out = written
    network = nx.read_graphml(out / "graph.graphml")
    assert {d["label"] for _, d in network.nodes(data=True)} == set(HOSTILE_NAMES)
    sentences = {d["sentence"] for *_, d in network.edges(data=True)}
    assert SENTENCE.format(a=HOSTILE_NAMES[2], b=HOSTILE_NAMES[3]) in sentences
    assert {d["article_title"] for *_, d in network.edges(data=True)} == {HOSTILE_TITLE}


def test_csv_reads_back_exact_strings(written):
    _, out = written
    with open(out / "relations.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(HOSTILE_NAMES) - 1
    # metWith is symmetric, so either end may come first.
    ends = {frozenset((r["subject"], r["object"])) for r in rows}
    pairs = {frozenset((expected_cell(a), expected_cell(b))) for a, b in zip(HOSTILE_NAMES, HOSTILE_NAMES[1:])}
    assert ends == pairs
    sentences = {r["sentence"] for r in rows}
    assert {expected_cell(SENTENCE.format(a=a, b=b)) for a, b in zip(HOSTILE_NAMES, HOSTILE_NAMES[1:])} == sentences
    assert {r["article_source"] for r in rows} == {HOSTILE_SOURCE}
    for row in rows:
        assert_valid_iri(row["subject_iri"])
        assert_valid_iri(row["object_iri"])


def test_page_data_decodes_to_exact_strings_and_no_markup_leaks(written):
    _, out = written
    data = page_data(out / "graph.html")
    assert {n["label"] for n in data["nodes"]} == set(HOSTILE_NAMES)
    assert {a for n in data["nodes"] for a in n["aliases"]} == {n + " alias" for n in HOSTILE_NAMES}
    evidence = [e for edge in data["edges"] for e in edge["evidence"]]
    assert SENTENCE.format(a=HOSTILE_NAMES[0], b=HOSTILE_NAMES[1]) in {e["sentence"] for e in evidence}

    html = (out / "graph.html").read_text(encoding="utf-8")
    block = GRAPH_DATA.search(html).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    outside = html.replace(block, "")
    for text in (*HOSTILE_NAMES, HOSTILE_TITLE, HOSTILE_SOURCE):
        assert text not in outside, text
    # The page's own three scripts and no more: the data, vis-network and the page script.
    assert html.count("</script") == 3


CONTROL_NAMES = ("Form\x0cFeed Agency", "Start\x01Of Heading", "Vertical\x0bTab Group", "Escape\x1b[31m Red")


@pytest.mark.parametrize("name", CONTROL_NAMES)
def test_control_characters_do_not_crash_the_exports(make_result, tmp_path, name):
    graph = build_graph(hostile_records(make_result, names=(name, "Plain Name")))
    write_outputs(graph, tmp_path)
    labels = {d["label"] for _, d in nx.read_gexf(tmp_path / "graph.gexf").nodes(data=True)}
    assert "Plain Name" in labels


@pytest.mark.model
def test_article_with_a_stray_control_character_builds(tmp_path):
    article = tmp_path / "stray.txt"
    article.write_bytes(b"Council meets\n\nMayor Ines Duarte met the Lisbon Port Authority on Monday. "
                        b"Duarte told Radio\x01Atlantico that Portugal had asked Spain for help.\n")
    result = CliRunner().invoke(cli, ["build", str(article), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output


# Properties


#: Text as articles can hold it: any character but surrogates (no decoder yields them),
#: control characters and XML's non-characters included.
ARTICLE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@given(kind=st.sampled_from(["actor", "person", "article", "statement", "place"]), name=st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_minted_iris_survive_turtle(kind, name):
    iri = mint(kind, name)
    assert_valid_iri(str(iri))
    graph = Graph()
    graph.add((iri, RDFS.label, Literal(name)))
    back = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert set(back) == set(graph)


@given(names=st.lists(ARTICLE_TEXT.filter(lambda s: s.strip()), min_size=2, max_size=4, unique=True),
       sentence=ARTICLE_TEXT, title=ARTICLE_TEXT)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
def test_random_names_build_and_write(tmp_path_factory, make_result, names, sentence, title):
    records = hostile_records(make_result, names=tuple(names), title=title.replace("\n", " "),
                              sentence=sentence.replace("{", "{{").replace("}", "}}"))
    graph = build_graph(records)
    out = tmp_path_factory.mktemp("random")
    write_outputs(graph, out, max_nodes=10)
    back = Graph().parse(out / "graph.ttl")
    assert isomorphic(graph, back)
    assert {n["label"] for n in page_data(out / "graph.html")["nodes"]} <= {str(o) for o in graph.objects(None,
                                                                                                             RDFS.label)}


# Queries never leave the graph


@pytest.fixture
def graph_file(tmp_path, make_result):
    path = tmp_path / "g.ttl"
    build_graph(hostile_records(make_result, names=("Ines Duarte", "Portugal"))).serialize(path, format="turtle")
    return path


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        pytest.fail(f"a query tried to open a connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("query, message", [
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM / FROM NAMED are not allowed"),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM / FROM NAMED"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?q ?r } } }",
     "SERVICE is not allowed"),
    ("LOAD <file:///etc/passwd>", "updates"),
    ("INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }", "updates"),
])
def test_query_cli_refuses_outside_access_in_one_line(graph_file, no_network, query, message):
    result = CliRunner().invoke(cli, ["query", str(graph_file), query])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphbuild: error: ") and message in lines[0], lines
    assert "root:" not in result.output


def test_query_cli_answers_without_network(graph_file, no_network):
    result = CliRunner().invoke(cli, ["query", str(graph_file), "actors", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Ines Duarte" in result.output


def test_graph_file_external_entities_are_not_read(tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    rdf = tmp_path / "evil.rdf"
    rdf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "{secret.as_uri()}"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="http://x.org/a"><rdfs:label>&secret;</rdfs:label></rdf:Description>
</rdf:RDF>
""")
    result = CliRunner().invoke(cli, ["query", str(rdf), "SELECT ?l WHERE { ?s ?p ?l }"])
    assert "TOPSECRET" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ['" } ; DROP ALL ; #', "<script>", "x\" . ?s ?p ?o . FILTER(\"1"])
def test_query_bind_values_are_literals(graph_file, value):
    query = "SELECT ?n WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?n FILTER(?n = ?want) }"
    result = CliRunner().invoke(cli, ["query", str(graph_file), query, "--bind", f"want={value}", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []
