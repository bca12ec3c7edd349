"""The written page in a real browser: headless Chromium through Playwright.

Skipped when /usr/bin/chromium or the playwright package is absent. Every request
other than the page's own file is refused and counted. Screenshots go to
tests/artifacts/ (gitignored) for a person to look at.
"""
from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.network import actor_network
from graphbuild.page import write_page
from graphbuild.records import ACTOR_TYPES
from page_networks import corpus_network

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class OpenPage:
    """A page opened from a file:// URL with every other request aborted and counted."""

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-ready=true]", timeout=30_000)

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def evaluate(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def node_positions(self) -> dict[str, tuple[float, float]]:
        """Every drawn node's position on screen (CSS pixels, relative to the page)."""
        return self.evaluate("""() => {
            const p = window.graphbuildPage, box = document.getElementById('network').getBoundingClientRect();
            const ids = p.network.body.nodeIndices, canvas = p.network.getPositions(ids), out = {};
            for (const id of ids) {
                const dom = p.network.canvasToDOM(canvas[id]);
                out[id] = [box.left + dom.x, box.top + dom.y];
            }
            return out;
        }""")

    def settle(self) -> None:
        """Wait for the view to stop moving (focus, back and overview are animated)."""
        self.page.wait_for_selector("body:not([data-moving])", state="attached", timeout=5000)

    def show_relation(self, predicate: str) -> None:
        """Open the evidence of the first relation with this predicate."""
        self.evaluate("p => { const g = window.graphbuildPage; g.showEdge(g.edges.get({filter: e => e.predicate === p})[0].id); }",
                      predicate)

    def labels(self) -> list[dict]:
        return self.evaluate("window.graphbuildPage.labelBoxes()")

    def actors_without_a_drawn_relation(self) -> list[str]:
        return self.evaluate("""() => {
            const net = window.graphbuildPage.network, linked = new Set();
            for (const id of net.body.edgeIndices) { const e = net.body.edges[id]; linked.add(e.fromId); linked.add(e.toId); }
            return net.body.nodeIndices.filter(id => !linked.has(id));
        }""")

    def zoom_in(self, ticks: int = 6) -> None:
        box = self.evaluate("(() => { const r = document.getElementById('network').getBoundingClientRect();"
                            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        self.page.mouse.move(*box)
        for _ in range(ticks):
            self.page.mouse.wheel(0, -120)
            self.page.wait_for_timeout(40)
        self.page.mouse.move(2, 2)
        self.page.wait_for_timeout(150)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    def assert_clean(self) -> None:
        assert self.outside == [] and self.errors == [] and self.dialogs == []

    def close(self) -> None:
        self.page.close()


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of label boxes that share any area."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                pairs.append((a["id"], b["id"]))
    return pairs


@pytest.fixture
def opened(browser):
    pages = []

    def open_page(path: Path, **size) -> OpenPage:
        pages.append(OpenPage(browser, path, **size))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


def test_sample_page_draws_every_related_actor_offline(opened, sample_graph, tmp_path):
    network = actor_network(sample_graph)
    path = tmp_path / "sample.html"
    info = write_page(network, path, title="Sample news")
    view = opened(path)
    page = view.page
    related = {n for n in network if network.degree(n)}
    assert int(page.get_attribute("body", "data-nodes-drawn")) == network.number_of_nodes() == info.nodes_drawn
    assert set(view.evaluate("window.graphbuildPage.network.body.nodeIndices")) == related
    assert view.evaluate("window.graphbuildPage.edges.length") == network.number_of_edges()
    assert "Showing 7 of 8 actors and 7 of 7 relations" in page.inner_text("#status")
    assert "1 with no relation shown left out" in page.inner_text("#status")
    assert page.title() == "Sample news" and page.inner_text("h1") == "Sample news"
    # A small network names every actor and, with room, every relation.
    labels = view.labels()
    assert {b["text"] for b in labels if b["kind"] == "actor"} == {network.nodes[n]["label"] for n in related}
    assert any(b["kind"] == "relation" for b in labels) and overlapping(labels) == []
    assert all(t in page.inner_text("#legend") for t in ACTOR_TYPES)
    # Search finds an actor by an alias, focuses it and opens its panel.
    page.fill("#search", "president mara")
    page.press("#search", "Enter")
    assert page.inner_text("#panel h2") == "Mara Quint"
    # Filtering by type hides that type's actors and those it leaves with no relation.
    page.click("#overview")
    page.uncheck("#legend input[value=Person]")
    shown = set(view.evaluate("window.graphbuildPage.network.body.nodeIndices"))
    assert shown and not any(network.nodes[n]["type"] == "Person" for n in shown)
    assert view.actors_without_a_drawn_relation() == []
    page.check("#legend input[value=Person]")
    # The confidence slider hides the low-confidence relation, and the actor it alone joined.
    page.fill("#min-confidence", "0.5")
    page.dispatch_event("#min-confidence", "input")
    assert page.get_attribute("body", "data-edges-visible") == str(network.number_of_edges() - 1)
    assert view.actors_without_a_drawn_relation() == []
    page.fill("#min-confidence", "0")
    page.dispatch_event("#min-confidence", "input")
    view.shot("views_sample.png")
    view.assert_clean()


def test_evidence_marks_both_actors_names_the_article_and_speaks_in_words(opened, sample_graph, tmp_path):
    path = tmp_path / "sample.html"
    write_page(actor_network(sample_graph), path)
    view = opened(path)
    page = view.page
    view.show_relation("metWith")
    panel = page.inner_text("#panel")
    assert "met with" in panel and "Reyk met Mara Quint again in Osk." in panel
    assert "Ostrand invites Veloria to summit" in panel and "views/ostrand.txt" in panel
    assert "medium confidence" in panel and "svo" not in panel
    marked = page.eval_on_selector_all("#panel blockquote mark", "ms => ms.map(m => [m.className, m.textContent])")
    assert ["subject", "Mara Quint"] in marked or ["object", "Mara Quint"] in marked
    assert ["subject", "Reyk"] in marked or ["object", "Reyk"] in marked
    # Relations grouped by predicate and direction on an actor's panel.
    view.evaluate("window.graphbuildPage.focusNode(window.graphbuildPage.nodes.get({filter: n => n.id.endsWith('Veloria')})[0].id)")
    headings = page.eval_on_selector_all("#panel h4", "hs => hs.map(h => h.textContent)")
    assert any(h.startswith("\u2190 invited by") for h in headings)
    assert any(h.startswith("\u2190 has as president") for h in headings)
    view.assert_clean()


def test_sources_that_are_files_or_web_addresses_are_links(opened, sample_graph, tmp_path):
    network = actor_network(sample_graph)
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour talks.", encoding="utf-8")
    for _, _, data in network.edges(data=True):
        for ev in data["evidence"]:
            ev["source"] = str(article) if ev["source"].endswith("harbour.txt") else "https://news.example/ostrand"
    path = tmp_path / "links.html"
    write_page(network, path)
    view = opened(path)
    hrefs = set()
    for edge_id in view.evaluate("window.graphbuildPage.edges.getIds()"):
        view.evaluate("id => window.graphbuildPage.showEdge(id)", edge_id)
        hrefs |= set(view.page.eval_on_selector_all("#panel .source a", "as => as.map(a => a.href)"))
    assert hrefs == {article.resolve().as_uri(), "https://news.example/ostrand"}
    view.assert_clean()


def test_injection_page_renders_text_literally(opened, injection_graph, tmp_path):
    network = actor_network(injection_graph)
    path = tmp_path / "injection.html"
    write_page(network, path, title="<script>alert(1)</script>")
    view = opened(path)
    page = view.page
    assert page.title() == "<script>alert(1)</script>"
    # Hover every actor (its tooltip shows its name as text), then open every actor's panel.
    for node, (x, y) in view.node_positions().items():
        page.mouse.move(x, y)
        page.wait_for_function("t => !document.getElementById('tip').hidden && "
                               "document.getElementById('tip').textContent.includes(t)",
                               arg=network.nodes[node]["label"], timeout=5000)
    for node in network:
        view.evaluate("id => window.graphbuildPage.focusNode(id)", node)
        assert page.inner_text("#panel h2") == network.nodes[node]["label"]
    view.settle()
    x, y = view.node_positions()[node]
    page.mouse.click(x, y)  # and by the mouse
    assert page.inner_text("#panel h2") == network.nodes[node]["label"]
    # Open every relation's evidence too.
    for edge_id in view.evaluate("window.graphbuildPage.edges.getIds()"):
        view.evaluate("id => window.graphbuildPage.showEdge(id)", edge_id)
        assert view.page.eval_on_selector_all("#panel .source a", "as => as.length") == 0  # javascript: is no link
    page.fill("#search", "渔业委员会")
    assert "北方渔业委员会" in page.inner_text("#search-results")
    # No injected element reached the DOM; the text is there literally.
    assert view.evaluate("document.querySelectorAll('img, svg, b, i').length") == 0
    assert view.evaluate("document.querySelectorAll('script').length") == 3
    view.show_relation("metInSecret")  # a predicate the vocabulary does not declare shows its label
    panel = page.inner_text("#panel")
    assert "<script>alert(1)</script>" in panel and "<img src=x onerror=alert(1)>" in panel
    assert "met <i>with</i>" in panel and "javascript:alert(1)" in panel
    page.click("#overview")
    view.settle()
    assert {b["text"] for b in view.labels()} >= {"<script>alert(1)</script>", "北方渔业委员会"}
    view.shot("views_injection.png")
    view.assert_clean()


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory):
    network = corpus_network(1000)
    path = tmp_path_factory.mktemp("corpus") / "corpus.html"
    info = write_page(network, path, max_nodes=1000, title="Generated corpus")
    return network, path, info


def test_thousand_actors_first_view_zoom_and_filters(opened, corpus_page):
    network, path, info = corpus_page
    assert not info.capped and info.nodes_drawn == 1000
    view = opened(path)
    page = view.page
    first = view.labels()
    assert len(first) >= 25 and overlapping(first) == []
    # Labels are capped in screen pixels, and lie on the canvas.
    box = view.evaluate("(() => { const r = document.getElementById('network').getBoundingClientRect();"
                        " return {x: r.left, y: r.top, w: r.width, h: r.height}; })()")
    assert max(b["h"] for b in first) <= 22
    assert all(box["x"] <= b["x"] and b["x"] + b["w"] <= box["x"] + box["w"] + 0.5 for b in first)
    # Leaves are folded into their hubs, and the page says how many are shown.
    folded = int(page.get_attribute("body", "data-nodes-folded"))
    visible = int(page.get_attribute("body", "data-nodes-visible"))
    assert folded > 100 and visible + folded == 1000
    assert f"Showing {visible:,} of 1,000 actors" in page.inner_text("#status")
    assert view.actors_without_a_drawn_relation() == []
    # The most connected actors are named at the first view.
    hubs = sorted(network, key=lambda n: -network.degree(n))[:5]
    assert len({b["id"] for b in first} & set(hubs)) >= 3
    assert page.locator("#groups button").count() >= 5
    view.shot("views_corpus_first.png")
    for step in (1, 2):
        view.zoom_in(6)
        zoomed = view.labels()
        assert zoomed and overlapping(zoomed) == []
        assert max(b["h"] for b in zoomed) <= 22  # no bigger when zoomed in
        view.shot(f"views_corpus_zoom{step}.png")
    # Choosing the most common relation leaves no actor drawn without one.
    first_option = page.eval_on_selector("#relation", "s => s.options[1].value")
    counts = {}
    for _, _, key in network.edges(keys=True):
        counts[key] = counts.get(key, 0) + 1
    assert first_option == max(counts, key=counts.get)  # the most common relation is listed first
    page.select_option("#relation", first_option)
    drawn = view.evaluate("window.graphbuildPage.network.body.nodeIndices.length")
    assert 0 < drawn < 1000
    assert view.actors_without_a_drawn_relation() == []
    assert overlapping(view.labels()) == []
    assert f"Showing {drawn:,} of 1,000 actors" in page.inner_text("#status")
    # Weight and confidence filters too.
    page.fill("#min-weight", "3")
    page.dispatch_event("#min-weight", "input")
    page.fill("#min-confidence", "0.6")
    page.dispatch_event("#min-confidence", "input")
    assert 0 < view.evaluate("window.graphbuildPage.network.body.nodeIndices.length") < drawn
    assert view.actors_without_a_drawn_relation() == []
    view.shot("views_corpus_relation.png")
    view.assert_clean()


def test_focus_shows_the_neighbourhood_beside_the_panel_and_goes_back(opened, corpus_page):
    network, path, _ = corpus_page
    view = opened(path)
    page = view.page
    hub = max(network, key=lambda n: (network.degree(n), n))
    before = view.evaluate("[window.graphbuildPage.network.getScale(), window.graphbuildPage.network.getViewPosition()]")
    page.fill("#search", network.nodes[hub]["label"])
    page.press("#search", "Enter")
    view.settle()
    assert page.inner_text("#panel h2") == network.nodes[hub]["label"]
    shown = view.evaluate("window.graphbuildPage.shown()")
    neighbours = {hub} | set(network.successors(hub)) | set(network.predecessors(hub))
    assert set(shown["focus"]) == neighbours
    assert neighbours <= set(shown["nodes"])  # its folded leaves are out again
    # The focused actor is on screen and not under the panel; its name is drawn first.
    x, y = view.node_positions()[hub]
    panel_left = view.evaluate("document.getElementById('panel').getBoundingClientRect().left")
    box = view.evaluate("document.getElementById('network').getBoundingClientRect().toJSON()")
    assert box["left"] < x < panel_left and box["top"] < y < box["bottom"]
    labels = view.labels()
    assert labels[0]["id"] == hub and overlapping(labels) == []
    assert all(b["x"] + b["w"] <= panel_left + 0.5 for b in labels)
    view.shot("views_corpus_focus.png")
    # Two steps out shows more; Back returns to where we were.
    page.select_option("#depth", "2")
    assert len(view.evaluate("window.graphbuildPage.shown().focus")) > len(neighbours)
    page.click("#back")
    assert view.evaluate("window.graphbuildPage.shown().focus") is None
    view.settle()
    assert view.evaluate("window.graphbuildPage.network.getScale()") == pytest.approx(before[0], rel=1e-4)
    after = view.evaluate("window.graphbuildPage.network.getViewPosition()")
    assert after["x"] == pytest.approx(before[1]["x"], abs=1) and after["y"] == pytest.approx(before[1]["y"], abs=1)
    assert page.is_hidden("#panel")
    # A hub's folded actors can be kept out for good.
    assert hub in view.evaluate("window.graphbuildPage.shown().folded")
    view.evaluate("id => window.graphbuildPage.focusNode(id)", hub)
    page.click("#panel button:has-text('with one relation shown')")
    page.click("#back")
    assert hub not in view.evaluate("window.graphbuildPage.shown().folded")
    view.assert_clean()


def test_shortest_paths_between_two_actors(opened, tmp_path):
    network = corpus_network(60, seed=3)
    path = tmp_path / "paths.html"
    write_page(network, path)
    view = opened(path)
    simple = nx.Graph(network)
    a, b = max(((u, v) for u in sorted(simple) for v in sorted(simple) if u < v and nx.has_path(simple, u, v)),
               key=lambda p: (nx.shortest_path_length(simple, *p), p))
    expected = {tuple(p) for p in nx.all_shortest_paths(simple, a, b)}
    found = view.evaluate("([a, b]) => window.graphbuildPage.showPaths(a, b)", [a, b])
    assert {tuple(p) for p in found} <= expected and len(found) == min(12, len(expected))
    assert "shortest path" in view.page.inner_text("#panel")
    assert set(view.evaluate("window.graphbuildPage.shown().focus")) == {n for p in found for n in p}
    view.shot("views_paths.png")
    view.assert_clean()


def test_parallel_relations_each_show_their_own_tooltip_and_tooltips_leave_on_pan(opened, sample_graph, tmp_path):
    network = actor_network(sample_graph)
    quint = next(n for n in network if network.nodes[n]["label"] == "Mara Quint")
    veloria = next(n for n in network if network.nodes[n]["label"] == "Veloria")
    data = copy.deepcopy(network.edges[quint, veloria, "presidentOf"])
    network.add_edge(quint, veloria, key="visited", **{**data, "predicate": "visited", "label": "visited",
                                                       "kind": "event"})
    path = tmp_path / "parallel.html"
    write_page(network, path)
    view = opened(path)
    page = view.page
    for predicate, label in (("presidentOf", "president of"), ("visited", "visited")):
        x, y = view.evaluate("""(predicate) => {
            const p = window.graphbuildPage, e = p.edges.get({filter: e => e.predicate === predicate})[0];
            const edge = p.network.body.edges[e.id], box = document.getElementById('network').getBoundingClientRect();
            const point = edge.edgeType.getPoint(0.5), dom = p.network.canvasToDOM(point);
            return [box.left + dom.x, box.top + dom.y];
        }""", predicate)
        page.mouse.move(x, y)
        page.wait_for_function("t => !document.getElementById('tip').hidden && "
                               "document.getElementById('tip').textContent.includes(t)", arg=label, timeout=5000)
        # Panning the network takes the tooltip away.
        page.mouse.down()
        page.mouse.move(x + 60, y + 40, steps=4)
        page.mouse.up()
        page.wait_for_timeout(100)
        assert page.is_hidden("#tip")
        page.mouse.move(2, 2)
    view.assert_clean()


def test_dates_give_a_range_filter_and_show_with_the_evidence(opened, tmp_path):
    network = corpus_network(200, seed=5, dated=True)
    path = tmp_path / "dated.html"
    write_page(network, path)
    view = opened(path)
    page = view.page
    assert page.is_visible("#dates")
    all_edges = int(page.get_attribute("body", "data-edges-visible"))
    page.fill("#date-from", "2005-11-01")
    page.dispatch_event("#date-from", "change")
    within = int(page.get_attribute("body", "data-edges-visible"))
    assert 0 < within < all_edges
    assert view.actors_without_a_drawn_relation() == []
    kept = view.evaluate("window.graphbuildPage.shown().edges")
    dated = {e["id"]: e for e in view.evaluate("window.graphbuildPage.edges.get()")}
    assert kept and set(kept) <= set(dated)
    view.evaluate("id => window.graphbuildPage.showEdge(id)", kept[0])
    assert "2005-" in page.inner_text("#panel .source")
    view.assert_clean()


def test_no_date_filter_without_dates(opened, sample_graph, tmp_path):
    path = tmp_path / "undated.html"
    write_page(actor_network(sample_graph), path)
    assert opened(path).page.is_hidden("#dates")


def test_all_statements_of_a_relation_are_reachable_page_by_page(opened, sample_graph, tmp_path):
    network = actor_network(sample_graph)
    u, v, key = next((u, v, k) for u, v, k in network.edges(keys=True) if k == "metWith")
    one = network.edges[u, v, key]["evidence"][0]
    network.edges[u, v, key]["evidence"] = [{**one, "sentence": f"Statement number {i}."} for i in range(20)]
    network.edges[u, v, key]["weight"] = 20
    path = tmp_path / "many.html"
    write_page(network, path)
    view = opened(path)
    page = view.page
    edge_id = view.evaluate("window.graphbuildPage.edges.get({filter: e => e.predicate === 'metWith'})[0].id")
    view.evaluate("id => window.graphbuildPage.showEdge(id)", edge_id)
    seen = set()
    for _ in range(5):
        seen |= set(page.eval_on_selector_all("#panel blockquote", "bs => bs.map(b => b.textContent)"))
        if page.is_disabled("#panel button.pager >> nth=1"):
            break
        page.click("#panel button.pager >> nth=1")
    assert seen == {f"Statement number {i}." for i in range(20)}
    view.assert_clean()


def test_a_network_without_relations_still_shows_its_actors(opened, tmp_path):
    network = nx.MultiDiGraph()
    for i in range(3):
        network.add_node(f"actor/{i}", label=f"Named actor {i}", type="Person", degree=0)
    path = tmp_path / "alone.html"
    write_page(network, path)
    view = opened(path)
    assert len(view.evaluate("window.graphbuildPage.network.body.nodeIndices")) == 3
    assert {b["text"] for b in view.labels()} == {f"Named actor {i}" for i in range(3)}
    view.assert_clean()
