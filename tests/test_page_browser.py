"""The written page in a real browser: headless Chromium through Playwright.

Skipped when /usr/bin/chromium or the playwright package is absent. Screenshots
go to tests/artifacts/ (gitignored) for a person to look at.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from graphbuild.graph import build_graph
from graphbuild.network import actor_network
from graphbuild.page import write_page
from graphbuild.records import ACTOR_TYPES, Actor, Article, ArticleResult, Mention, Relation

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

    def node_positions(self) -> dict[str, tuple[float, float]]:
        """Every drawn node's position on screen (CSS pixels, relative to the page)."""
        return self.page.evaluate("""() => {
            const p = window.graphbuildPage, box = document.getElementById('network').getBoundingClientRect();
            const ids = p.network.body.nodeIndices, canvas = p.network.getPositions(ids), out = {};
            for (const id of ids) {
                const dom = p.network.canvasToDOM(canvas[id]);
                out[id] = [box.left + dom.x, box.top + dom.y];
            }
            return out;
        }""")

    def close(self) -> None:
        self.page.close()


def test_sample_page_draws_every_actor_offline(browser, sample_graph, tmp_path):
    network = actor_network(sample_graph)
    path = tmp_path / "sample.html"
    info = write_page(network, path, title="Sample news")
    opened = OpenPage(browser, path)
    try:
        page = opened.page
        assert int(page.get_attribute("body", "data-nodes-drawn")) == network.number_of_nodes() == info.nodes_drawn
        assert page.evaluate("window.graphbuildPage.network.body.nodeIndices.length") == network.number_of_nodes()
        assert page.evaluate("window.graphbuildPage.edges.length") == network.number_of_edges()
        assert "Showing 8 of 8 actors" in page.inner_text("#status")
        # The legend names all four types; the search finds an actor by an alias and opens its panel.
        assert all(t in page.inner_text("#legend") for t in ACTOR_TYPES)
        page.fill("#search", "president mara")
        page.press("#search", "Enter")
        assert page.inner_text("#panel h2") == "Mara Quint"
        assert "Quint" in page.inner_text("#panel")
        # Filtering by type hides that type's actors.
        page.uncheck("#legend input[value=Person]")
        assert page.get_attribute("body", "data-nodes-visible") == str(network.number_of_nodes() - 2)
        page.check("#legend input[value=Person]")
        # The confidence slider hides the low-confidence relation.
        page.fill("#min-confidence", "0.5")
        page.dispatch_event("#min-confidence", "input")
        assert page.get_attribute("body", "data-edges-visible") == str(network.number_of_edges() - 1)
        page.fill("#min-confidence", "0")
        page.dispatch_event("#min-confidence", "input")
        page.click("#panel-close")
        ARTIFACTS.mkdir(exist_ok=True)
        page.evaluate("window.graphbuildPage.network.fit()")
        page.screenshot(path=str(ARTIFACTS / "views_sample.png"))
        assert opened.outside == []
        assert opened.errors == []
    finally:
        opened.close()


def test_edge_click_shows_evidence(browser, sample_graph, tmp_path):
    network = actor_network(sample_graph)
    path = tmp_path / "sample.html"
    write_page(network, path)
    opened = OpenPage(browser, path)
    try:
        page = opened.page
        page.evaluate("""() => {
            const p = window.graphbuildPage;
            const id = p.edges.get({filter: e => e.predicate === 'metWith'})[0].id;
            p.showEdge(id);
        }""")
        text = page.inner_text("#panel")
        assert "met with" in text
        assert "Reyk met Mara Quint again in Osk." in text
        assert "Ostrand invites Veloria to summit" in text and "views/ostrand.txt" in text
        assert opened.errors == []
    finally:
        opened.close()


def test_injection_page_renders_text_literally(browser, injection_graph, tmp_path):
    network = actor_network(injection_graph)
    path = tmp_path / "injection.html"
    write_page(network, path, title="<script>alert(1)</script>")
    opened = OpenPage(browser, path)
    try:
        page = opened.page
        assert page.title() == "<script>alert(1)</script>"
        # Hover and click every actor: tooltips and the side panel show names as text.
        for node, (x, y) in opened.node_positions().items():
            page.mouse.move(x, y)
            page.wait_for_timeout(160)
            page.mouse.click(x, y)
            assert page.inner_text("#panel h2") == network.nodes[node]["label"]
        # Open every relation's evidence too.
        for edge_id in page.evaluate("window.graphbuildPage.edges.getIds()"):
            page.evaluate("id => window.graphbuildPage.showEdge(id)", edge_id)
        page.evaluate("window.graphbuildPage.focusNode(window.graphbuildPage.nodes.getIds()[0])")
        assert page.inner_text("#panel h2") == page.evaluate("window.graphbuildPage.nodes.get()[0].label")
        # Search by a CJK alias.
        page.fill("#search", "渔业委员会")
        assert "北方渔业委员会" in page.inner_text("#search-results")
        # No injected element reached the DOM; the text is there literally.
        assert page.evaluate("document.querySelectorAll('img, svg, b, i').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 3
        page.evaluate("""() => {
            const p = window.graphbuildPage;
            p.showEdge(p.edges.get({filter: e => e.predicate === 'metWith'})[0].id);
        }""")
        panel = page.inner_text("#panel")
        assert "<script>alert(1)</script>" in panel and "<img src=x onerror=alert(1)>" in panel
        assert "met <i>with</i>" in panel and "javascript:alert(1)" in panel
        ARTIFACTS.mkdir(exist_ok=True)
        page.evaluate("window.graphbuildPage.network.fit()")
        page.screenshot(path=str(ARTIFACTS / "views_injection.png"))
        assert opened.dialogs == []
        assert opened.outside == []
        assert opened.errors == []
    finally:
        opened.close()


def large_results(actors: int, relations: int, seed: int = 7) -> list[ArticleResult]:
    """Generated articles naming ``actors`` actors joined by ``relations`` relations (a few hubs)."""
    rng = random.Random(seed)
    names = [f"Generated actor {i}" for i in range(actors)]
    predicates = ["memberOf", "basedIn", "leaderOf", "metWith", "criticised", "visited"]
    results = []
    per_article = 30
    for a, first in enumerate(range(0, relations, per_article)):
        pairs = []
        for _ in range(min(per_article, relations - first)):
            s = int(actors * rng.random() ** 2)  # skewed: low numbers become hubs
            o = rng.randrange(actors)
            pairs.append((s, o if o != s else (o + 1) % actors))
        if a < actors // per_article + 1:  # every actor is named in some article
            pairs += [(i, (i + 1) % actors) for i in range(a * per_article, min(actors, (a + 1) * per_article))]
        keys = sorted({k for pair in pairs for k in pair})
        text = "A generated sentence."
        article = Article(id=f"gen{a}", source=f"generated/{a}.txt", title=f"Generated article {a}", body=text)
        results.append(ArticleResult(
            article=article,
            actors=tuple(Actor(key=str(k), label=names[k], type=ACTOR_TYPES[k % 4],
                               mentions=(Mention(names[k], 0, 1),)) for k in keys),
            relations=tuple(Relation(str(s), rng.choice(predicates), str(o), article.text, 0, len(article.text),
                                     round(rng.uniform(0.3, 1.0), 2), "generated") for s, o in pairs)))
    return results


def test_thousand_actors_load_and_respond(browser, tmp_path):
    network = actor_network(build_graph(large_results(1000, 3000)))
    assert network.number_of_nodes() == 1000
    assert network.number_of_edges() >= 2500
    path = tmp_path / "large.html"
    info = write_page(network, path, max_nodes=1000)
    assert not info.capped
    opened = OpenPage(browser, path)
    try:
        page = opened.page
        assert page.evaluate("window.graphbuildPage.network.body.nodeIndices.length") == 1000
        assert int(page.get_attribute("body", "data-edges-drawn")) == info.edges_drawn
        # It responds: a search focuses an actor, a filter redraws, a click opens a panel.
        page.fill("#search", "Generated actor 0")
        page.press("#search", "Enter")
        assert page.inner_text("#panel h2") == "Generated actor 0"
        page.select_option("#relation", "memberOf")
        assert 0 < int(page.get_attribute("body", "data-edges-visible")) < info.edges_drawn
        x, y = opened.node_positions()[network_hub(network)]
        page.mouse.click(x, y)
        assert page.inner_text("#panel h2") == network.nodes[network_hub(network)]["label"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.evaluate("window.graphbuildPage.network.fit()")
        page.screenshot(path=str(ARTIFACTS / "views_large.png"))
        assert opened.outside == [] and opened.errors == []
    finally:
        opened.close()


def network_hub(network) -> str:
    return max(network.nodes, key=lambda n: (network.degree(n), n))


def test_cap_is_stated_on_the_page(browser, tmp_path):
    network = actor_network(build_graph(large_results(300, 600)))
    path = tmp_path / "capped.html"
    info = write_page(network, path, max_nodes=50)
    assert info.capped and info.nodes_drawn == 50
    opened = OpenPage(browser, path)
    try:
        page = opened.page
        assert page.evaluate("window.graphbuildPage.network.body.nodeIndices.length") == 50
        assert "Showing 50 of 300 actors" in page.inner_text("#status")
        assert opened.errors == []
    finally:
        opened.close()
