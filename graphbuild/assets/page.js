// graphbuild's network page. Reads the JSON written by graphbuild.page and draws it
// with vis-network. Every string from an article goes into the DOM as text
// (textContent, Text nodes, option.value), never as markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var meta = data.meta;
  var colors = meta.colors;
  var big = data.nodes.length > 300 || data.edges.length > 900;

  // --- small DOM helpers: children that are strings become Text nodes ----------
  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  function number(n) { return Number(n).toLocaleString("en-US"); }
  function colorOf(type) { return colors[type] || colors[""]; }
  function shade(hex, amount) {
    var n = parseInt(hex.slice(1), 16);
    var parts = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (c) {
      return Math.max(0, Math.min(255, Math.round(c * (1 - amount))));
    });
    return "rgb(" + parts.join(",") + ")";
  }
  function fold(text) { return String(text).toLocaleLowerCase(); }

  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var nodeName = function (id) { var n = byId.get(id); return n ? n.label : id; };

  // --- tooltips are DOM elements, so vis-network never parses them as HTML -----
  function nodeTip(n) {
    var tip = el("div", "tip", el("strong", null, n.label),
                 el("p", "muted", n.schemaClass || n.type, " \u00b7 ", number(n.degree), " relations \u00b7 ",
                    number(n.mentions), " mentions"));
    if (n.aliases.length) tip.append(el("p", null, "Also: ", n.aliases.slice(0, 8).join("; ")));
    return tip;
  }
  function edgeTip(e) {
    var tip = el("div", "tip", el("strong", null, nodeName(e.from), " \u2014 ", e.label, " \u2192 ", nodeName(e.to)),
                 el("p", "muted", "weight ", e.weight, " \u00b7 confidence ", e.confidence.toFixed(2)));
    e.evidence.slice(0, 3).forEach(function (ev) {
      tip.append(el("p", null, "\u201c", ev.sentence, "\u201d"), el("p", "muted", ev.article || ev.source));
    });
    var more = e.evidence.length + e.evidenceMore - 3;
    if (more > 0) tip.append(el("p", "muted", "\u2026 and ", number(more), " more (click)"));
    return tip;
  }

  // --- vis data ------------------------------------------------------------------
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var c = colorOf(n.type);
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, value: n.degree, type: n.type, title: nodeTip(n),
      color: { background: c, border: shade(c, 0.3), highlight: { background: c, border: "#111" },
               hover: { background: c, border: "#111" } }
    };
  }));
  // Parallel relations between one pair of actors curve apart so each stays clickable.
  var pairs = new Map();
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var pair = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    var rank = pairs.get(pair) || 0;
    pairs.set(pair, rank + 1);
    var smooth = rank === 0 ? false : { enabled: true, type: rank % 2 ? "curvedCW" : "curvedCCW",
                                         roundness: 0.15 * Math.ceil(rank / 2) };
    return {
      id: e.id, from: e.from, to: e.to, label: e.label, value: e.weight, title: edgeTip(e), smooth: smooth,
      predicate: e.predicate, confidence: e.confidence, weight: e.weight,
      arrows: e.symmetric ? "" : "to", dashes: e.hypothetical
    };
  }));

  // --- filters ---------------------------------------------------------------------
  var state = { types: new Set(Object.keys(colors)), relation: "", minConfidence: 0, minWeight: 1 };
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return state.types.has(n.type); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return (!state.relation || e.predicate === state.relation) && e.confidence >= state.minConfidence - 1e-9 &&
      e.weight >= state.minWeight;
  } });

  // Size grows with the square root of degree (graphbuild.network.node_size does the same for GEXF).
  function share(min, max, total, value) {
    return max === min ? 0.5 : Math.sqrt(Math.max(0, (value - min) / (max - min)));
  }
  var LABEL_MIN = 13, LABEL_THRESHOLD = big ? 12 : 8, LABELS_AT_FIT = 15;

  // Zoomed out to the whole network, name the most connected actors (all of them in a small
  // network): their labels grow, in canvas units, just enough to pass vis-network's draw
  // threshold at that zoom. Returns the label sizes for the least and the most connected.
  function labelSizes(container) {
    var sizes = { min: LABEL_MIN, max: 20 };
    if (!data.nodes.length) return sizes;
    var box = data.nodes.reduce(function (b, n) {
      return [Math.min(b[0], n.x), Math.max(b[1], n.x), Math.min(b[2], n.y), Math.max(b[3], n.y)];
    }, [Infinity, -Infinity, Infinity, -Infinity]);
    var width = box[1] - box[0] + 4 * meta.nodeSizes[1], height = box[3] - box[2] + 4 * meta.nodeSizes[1];
    var zoom = 0.95 * Math.min(container.clientWidth / width, container.clientHeight / height);
    var readable = 1.25 * LABEL_THRESHOLD / zoom;  // canvas units that show at that zoom
    if (!(zoom > 0) || LABEL_MIN >= readable) return sizes;
    var degrees = data.nodes.map(function (n) { return n.degree; }).sort(function (a, b) { return b - a; });
    var last = share(degrees[degrees.length - 1], degrees[0], 0, degrees[Math.min(LABELS_AT_FIT, degrees.length) - 1]);
    if (last <= 0) {  // the last actor to name is among the least connected: name them all
      sizes.min = readable;
      sizes.max = Math.max(20, 1.5 * readable);
    } else {
      sizes.max = Math.max(20, LABEL_MIN + (readable - LABEL_MIN) / last);
    }
    return sizes;
  }

  var container = document.getElementById("network");
  var labels = labelSizes(container);
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false },  // positions come from the layout computed before the page was written
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
    nodes: {
      shape: "dot", borderWidth: 1.5,
      scaling: { min: meta.nodeSizes[0], max: meta.nodeSizes[1], customScalingFunction: share,
                 label: { enabled: true, min: labels.min, max: labels.max, drawThreshold: LABEL_THRESHOLD, maxVisible: 22 } },
      font: { face: "system-ui, sans-serif", color: "#222", strokeWidth: 4, strokeColor: "#ffffff" }
    },
    edges: {
      color: { color: "#9aa5b1", highlight: "#1f2933", hover: "#52606d", opacity: 0.85 },
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      arrowStrikethrough: false,
      scaling: { min: 1, max: 7, label: { enabled: true, min: 12, max: 16, drawThreshold: 7, maxVisible: 18 } },
      font: { face: "system-ui, sans-serif", size: 11, color: "#3e4c59", strokeWidth: 3, strokeColor: "#ffffff",
              align: "horizontal" },
      selectionWidth: 1.5, hoverWidth: 1
    }
  });

  // --- header status and what tests (and curious users) can read --------------------
  var status = document.getElementById("status");
  document.getElementById("title").textContent = meta.title;
  function updateStatus() {
    status.textContent = "";
    var shown = nodeView.length, linked = edgeView.length;
    status.append("Showing ", el("strong", null, number(data.nodes.length)), " of ",
                  el("strong", null, number(meta.nodesTotal)), " actors");
    if (meta.capped) status.append(" (the most connected)");
    status.append(" \u00b7 ", number(data.edges.length), " of ", number(meta.edgesTotal), " relations");
    if (shown !== data.nodes.length || linked !== data.edges.length) {
      status.append(" \u00b7 filtered to ", number(shown), " actors, ", number(linked), " relations");
    }
    var d = document.body.dataset;
    d.nodesDrawn = String(data.nodes.length);
    d.nodesTotal = String(meta.nodesTotal);
    d.edgesDrawn = String(data.edges.length);
    d.nodesVisible = String(shown);
    d.edgesVisible = String(linked);
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); updateStatus(); }

  // --- legend: one checkbox per type, with its colour and count -------------------------
  var legend = document.getElementById("legend");
  var typeCounts = new Map();
  data.nodes.forEach(function (n) { typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1); });
  Object.keys(colors).filter(function (t) { return t !== ""; })
    .forEach(function (type) {
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = type;
      box.addEventListener("change", function () {
        if (box.checked) state.types.add(type); else state.types.delete(type);
        refresh();
      });
      var swatch = el("span", "swatch");
      swatch.style.background = colorOf(type);
      legend.append(el("label", null, box, swatch, type, el("span", "count", number(typeCounts.get(type) || 0))));
    });

  // --- relation, confidence and weight filters ------------------------------------------
  var relation = document.getElementById("relation");
  var relationLabels = new Map();
  data.edges.forEach(function (e) { relationLabels.set(e.predicate, e.label); });
  Array.from(relationLabels.keys()).sort(function (a, b) {
    return relationLabels.get(a).localeCompare(relationLabels.get(b));
  }).forEach(function (predicate) {
    var option = el("option", null, relationLabels.get(predicate));
    option.value = predicate;
    relation.append(option);
  });
  relation.addEventListener("change", function () { state.relation = relation.value; refresh(); });
  var confidence = document.getElementById("min-confidence");
  var confidenceValue = document.getElementById("min-confidence-value");
  confidence.addEventListener("input", function () {
    state.minConfidence = Number(confidence.value);
    confidenceValue.textContent = state.minConfidence.toFixed(2);
    refresh();
  });
  var weight = document.getElementById("min-weight");
  weight.addEventListener("input", function () {
    state.minWeight = Math.max(1, Number(weight.value) || 1);
    refresh();
  });

  // --- side panel ---------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    network.unselectAll();
  });
  function link(text, onClick) {
    var button = el("button", "link", text);
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }
  function openPanel(children) {
    panelBody.textContent = "";
    children.forEach(function (c) { if (c) panelBody.append(c); });
    panel.hidden = false;
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return;
    var related = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    var list = el("ul");
    related.forEach(function (e) {
      var out = e.from === id;
      var other = out ? e.to : e.from;
      list.append(el("li", null, link(out ? e.label + " \u2192 " + nodeName(other) : nodeName(other) + " \u2192 " + e.label,
                                      function () { selectEdge(e.id); }),
                     el("span", "meta", " (", e.weight, ")")));
    });
    var aliases = el("ul");
    n.aliases.forEach(function (a) { aliases.append(el("li", null, a)); });
    openPanel([
      el("h2", null, n.label),
      el("p", "meta", n.schemaClass && n.schemaClass !== n.type ? n.type + " \u00b7 " + n.schemaClass : n.type),
      el("p", "meta", number(n.mentions), " mentions in ", number(n.articles), " articles \u00b7 ",
         number(n.degree), " relations"),
      n.aliases.length ? el("h3", null, "Also named") : null,
      n.aliases.length ? aliases : null,
      el("h3", null, related.length ? "Relations drawn" : "No relations drawn"),
      related.length ? list : null
    ]);
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    var items = [
      el("h2", null, link(nodeName(e.from), function () { focusNode(e.from); }), " \u2014 ", e.label, " \u2192 ",
         link(nodeName(e.to), function () { focusNode(e.to); })),
      el("p", "meta", e.kind ? e.kind + " relation" : "relation", e.symmetric ? " (both ways)" : "",
         e.hypothetical ? " \u00b7 hypothetical" : "", " \u00b7 weight ", e.weight,
         " \u00b7 confidence ", e.confidence.toFixed(2)),
      el("h3", null, e.evidence.length ? "Evidence" : "No evidence sentence")
    ];
    e.evidence.forEach(function (ev) {
      items.push(el("blockquote", null, ev.sentence));
      items.push(el("p", "source", ev.article || "(untitled)", ev.source ? " \u2014 " + ev.source : "",
                    " \u00b7 ", ev.construction, " ", Number(ev.confidence).toFixed(2),
                    ev.hypothetical ? " \u00b7 hypothetical" : ""));
    });
    if (e.evidenceMore > 0) items.push(el("p", "meta", "\u2026 and ", number(e.evidenceMore), " more in the CSV export"));
    openPanel(items);
  }
  function ensureVisible(id) {
    var n = byId.get(id);
    if (n && !state.types.has(n.type)) {
      state.types.add(n.type);
      legend.querySelectorAll("input").forEach(function (box) { if (box.value === n.type) box.checked = true; });
      refresh();
    }
  }
  function focusNode(id) {
    ensureVisible(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 350 } });
    showNode(id);
  }
  function selectEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    network.selectEdges([id]);
    showEdge(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else panel.hidden = true;
  });

  // --- search by label or any alias --------------------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  var index = data.nodes.map(function (n) { return { node: n, names: [n.label].concat(n.aliases).map(fold) }; });
  function matches(query) {
    var q = fold(query.trim());
    if (!q) return [];
    var found = [];
    index.forEach(function (entry) {
      var at = -1;
      entry.names.forEach(function (name, i) { if (at < 0 && name.indexOf(q) >= 0) at = i; });
      if (at >= 0) found.push({ node: entry.node, alias: at > 0 ? entry.node.aliases[at - 1] : "",
                                exact: entry.names[at] === q });
    });
    found.sort(function (a, b) { return (b.exact - a.exact) || (b.node.degree - a.node.degree); });
    return found.slice(0, 12);
  }
  function showMatches() {
    results.textContent = "";
    matches(search.value).forEach(function (m) {
      var button = el("button", null, m.node.label, m.alias ? el("span", "alias", " (", m.alias, ")") : null);
      button.type = "button";
      button.addEventListener("click", function () { focusNode(m.node.id); });
      results.append(el("li", null, button));
    });
  }
  search.addEventListener("input", showMatches);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = matches(search.value)[0];
      if (first) focusNode(first.node.id);
    }
  });

  updateStatus();
  network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
  window.graphbuildPage = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                            focusNode: focusNode, showEdge: showEdge };
})();
