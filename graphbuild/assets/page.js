// graphbuild's network page. Reads the JSON written by graphbuild.page and draws it
// with vis-network. Every string from an article goes into the DOM as text
// (textContent, Text nodes, option.value), never as markup. Names and relation
// labels are drawn on the canvas by this script, not by vis-network, so that only
// the ones that fit are drawn, at a size fixed in screen pixels.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var meta = data.meta;
  var colors = meta.colors;
  var big = data.edges.length > 1500;

  // Labels: sizes in CSS pixels on screen, whatever the zoom.
  var LABEL_MIN = 11, LABEL_MAX = 15, LABEL_FOCUS = 16, LABEL_GAP = 3, EDGE_LABEL = 11;
  // Relation labels are drawn when the view shows at most this many relations (or in a focus).
  var EDGE_LABELS_UP_TO = 40;
  // Below this many actors nothing is folded by default; a hub folds its leaves when it has this many.
  var FOLD_FROM = 60, FOLD_LEAVES = 2;
  // A focus never zooms in further than this; regions reach this far round their actors (canvas units).
  var FOCUS_MAX_SCALE = 1.6, REGION_REACH = 30;
  var STATEMENTS_PER_PAGE = 8, MAX_PATHS = 12, RELATIONS_PER_GROUP = 8;
  var UNDIMMED_EDGE = { color: "#9aa5b1", highlight: "#1f2933", hover: "#52606d", opacity: 0.85 };
  var DIMMED_EDGE = { color: "#e3e7eb", highlight: "#1f2933", hover: "#52606d", opacity: 0.5 };

  // --- small DOM helpers: children that are strings become Text nodes ----------
  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  function number(n) { return Number(n).toLocaleString("en-US"); }
  function plural(n, one, many) { return number(n) + " " + (n === 1 ? one : many); }
  function colorOf(type) { return colors[type] || colors[""]; }
  function shade(hex, amount) {
    var n = parseInt(hex.slice(1), 16);
    var parts = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (c) {
      return Math.max(0, Math.min(255, Math.round(c * (1 - amount))));
    });
    return "rgb(" + parts.join(",") + ")";
  }
  function fold(text) { return String(text).toLocaleLowerCase(); }
  function confidenceWords(c) {
    if (c >= 0.8) return "high confidence";
    if (c >= 0.6) return "medium confidence";
    return "low confidence";
  }
  function button(text, onClick, className) {
    var b = el("button", className || "link", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // --- the data, indexed ------------------------------------------------------------
  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var edgesOf = new Map(data.nodes.map(function (n) { return [n.id, []]; }));
  data.edges.forEach(function (e) { edgesOf.get(e.from).push(e); edgesOf.get(e.to).push(e); });
  function nodeName(id) { var n = byId.get(id); return n ? n.label : id; }
  function other(e, id) { return e.from === id ? e.to : e.from; }
  var degrees = data.nodes.map(function (n) { return n.degree; });
  var minDegree = Math.min.apply(null, degrees.concat([0])), maxDegree = Math.max.apply(null, degrees.concat([0]));
  function importance(n) { return maxDegree > minDegree ? Math.sqrt((n.degree - minDegree) / (maxDegree - minDegree)) : 0.5; }
  // Every actor, most important first: degree, then mentions, then name.
  var ranked = data.nodes.slice().sort(function (a, b) {
    return (b.degree - a.degree) || (b.mentions - a.mentions) || a.label.localeCompare(b.label);
  });
  var edgeDates = data.edges.map(function (e) {
    var days = e.evidence.map(function (ev) { return ev.date; }).filter(Boolean);
    return { edge: e, days: days, first: e.firstSeen || days.slice().sort()[0] || "",
             last: e.lastSeen || days.slice().sort().pop() || "" };
  });

  // --- vis data: no labels or titles (this script draws names and tooltips) -----------
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, x: n.x, y: n.y, size: n.size, type: n.type, color: nodeColor(n, false) };
  }));
  function nodeColor(n, dimmed) {
    if (dimmed) return { background: "#e6e9ed", border: "#cdd3da", highlight: { background: "#e6e9ed", border: "#111" },
                         hover: { background: "#d6dbe1", border: "#111" } };
    var c = colorOf(n.type);
    return { background: c, border: shade(c, 0.3), highlight: { background: c, border: "#111" },
             hover: { background: c, border: "#111" } };
  }
  // Parallel relations between one pair of actors curve apart so each stays apart on screen.
  var pairs = new Map();
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var pair = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    var rank = pairs.get(pair) || 0;
    pairs.set(pair, rank + 1);
    var sameWay = e.from < e.to;
    var smooth = rank === 0 ? false : { enabled: true, type: (rank % 2 ? sameWay : !sameWay) ? "curvedCW" : "curvedCCW",
                                         roundness: 0.25 * Math.ceil(rank / 2) };
    // Only what differs from the defaults below: vis-network reads every option of every edge.
    var item = { id: e.id, from: e.from, to: e.to, value: e.weight, predicate: e.predicate };
    if (smooth) item.smooth = smooth;
    if (e.symmetric) item.arrows = "";
    if (e.hypothetical) item.dashes = true;
    return item;
  }));

  // --- what is shown: filters, folding, focus -----------------------------------------------
  var state = {
    types: new Set(Object.keys(colors)), relation: "", minConfidence: 0, minWeight: 1, dateFrom: "", dateTo: "",
    fold: data.nodes.length > FOLD_FROM, expanded: new Set(), matches: new Set(), hover: null,
    focus: null  // {kind: "node", id, depth} | {kind: "paths", from, to, paths} | {kind: "group", id}
  };
  var dateRange = (function () {
    var all = [];
    edgeDates.forEach(function (d) {
      Array.prototype.push.apply(all, d.days);
      if (d.first) all.push(d.first);
      if (d.last) all.push(d.last);
    });
    all.sort();
    return { min: all[0] || "", max: all[all.length - 1] || "" };
  })();
  function dateLimited() {
    return (state.dateFrom && state.dateFrom > dateRange.min) || (state.dateTo && state.dateTo < dateRange.max);
  }
  function inDates(d) {
    if (!dateLimited()) return true;
    var from = state.dateFrom || dateRange.min, to = state.dateTo || dateRange.max;
    if (d.days.length) return d.days.some(function (day) { return day >= from && day <= to; });
    return Boolean(d.first || d.last) && (d.last || d.first) >= from && (d.first || d.last) <= to;
  }
  // The relations the filters let through (folded or not).
  function liveEdges() {
    var live = [];
    edgeDates.forEach(function (d) {
      var e = d.edge;
      if (state.relation && e.predicate !== state.relation) return;
      if (e.confidence < state.minConfidence - 1e-9 || e.weight < state.minWeight) return;
      if (!state.types.has(byId.get(e.from).type) || !state.types.has(byId.get(e.to).type)) return;
      if (!inDates(d)) return;
      live.push(e);
    });
    return live;
  }
  var shown = { nodes: new Set(), edges: new Set(), live: [], liveSet: new Set(), folded: new Map(),
                focusNodes: null, focusEdges: null, alone: 0 };

  // Leaves (one neighbour, itself joined to others) fold into that hub unless it is expanded;
  // a hub keeps its strongest leaf when all its neighbours are leaves, so it keeps a relation.
  function computeShown() {
    var live = liveEdges();
    var neighbours = new Map(), strength = new Map();
    live.forEach(function (e) {
      [[e.from, e.to], [e.to, e.from]].forEach(function (p) {
        if (!neighbours.has(p[0])) neighbours.set(p[0], new Set());
        neighbours.get(p[0]).add(p[1]);
        strength.set(p[0] + "\u0000" + p[1], (strength.get(p[0] + "\u0000" + p[1]) || 0) + e.weight);
      });
    });
    var focus = focusSets(live, neighbours);
    var folded = new Map(), leaves = new Map();
    neighbours.forEach(function (set, id) {
      if (set.size !== 1) return;
      var hub = set.values().next().value;
      if (neighbours.get(hub).size < 2) return;
      if (!leaves.has(hub)) leaves.set(hub, []);
      leaves.get(hub).push(id);
    });
    if (state.fold) {
      leaves.forEach(function (list, hub) {
        if (list.length < FOLD_LEAVES || state.expanded.has(hub)) return;
        list.forEach(function (id) {
          if (focus.nodes && focus.nodes.has(id)) return;
          if (!folded.has(hub)) folded.set(hub, []);
          folded.get(hub).push(id);
        });
      });
      folded.forEach(function (list, hub) {
        if (list.length === neighbours.get(hub).size) {  // keep one relation drawn
          list.sort(function (a, b) {
            return (strength.get(hub + "\u0000" + b) - strength.get(hub + "\u0000" + a)) ||
              (byId.get(b).degree - byId.get(a).degree) || nodeName(a).localeCompare(nodeName(b));
          });
          list.shift();
        }
        if (list.length < FOLD_LEAVES) folded.delete(hub);
      });
    }
    var hidden = new Set();
    folded.forEach(function (list) { list.forEach(function (id) { hidden.add(id); }); });
    var nodeSet = new Set(), edgeSet = new Set();
    live.forEach(function (e) {
      if (hidden.has(e.from) || hidden.has(e.to)) return;
      edgeSet.add(e.id);
      nodeSet.add(e.from);
      nodeSet.add(e.to);
    });
    if (focus.nodes) focus.nodes.forEach(function (id) { nodeSet.add(id); });
    // A network with no relation at all shows its actors (of the types chosen) rather than nothing.
    if (!data.edges.length) data.nodes.forEach(function (n) { if (state.types.has(n.type)) nodeSet.add(n.id); });
    shown = { nodes: nodeSet, edges: edgeSet, live: live, liveSet: new Set(live.map(function (e) { return e.id; })),
              folded: folded, leaves: leaves, focusNodes: focus.nodes, focusEdges: focus.edges,
              alone: data.edges.length ? data.nodes.filter(function (n) {
                return !neighbours.has(n.id) && !nodeSet.has(n.id) && state.types.has(n.type);
              }).length : 0 };
  }
  function focusSets(live, neighbours) {
    var f = state.focus;
    if (!f) return { nodes: null, edges: null };
    var nodesIn = new Set(), edgesIn = new Set();
    if (f.kind === "node") {
      var frontier = [f.id];
      nodesIn.add(f.id);
      for (var step = 0; step < f.depth; step++) {
        var next = [];
        frontier.forEach(function (id) {
          (neighbours.get(id) || new Set()).forEach(function (m) { if (!nodesIn.has(m)) { nodesIn.add(m); next.push(m); } });
        });
        frontier = next;
      }
      live.forEach(function (e) { if (nodesIn.has(e.from) && nodesIn.has(e.to)) edgesIn.add(e.id); });
    } else if (f.kind === "paths") {
      f.paths.forEach(function (path) {
        path.nodes.forEach(function (id) { nodesIn.add(id); });
        path.steps.forEach(function (step) { step.forEach(function (e) { edgesIn.add(e.id); }); });
      });
      nodesIn.add(f.from);
      nodesIn.add(f.to);
    } else if (f.kind === "group") {
      data.nodes.forEach(function (n) { if (n.group === f.id && neighbours.has(n.id)) nodesIn.add(n.id); });
      live.forEach(function (e) { if (nodesIn.has(e.from) && nodesIn.has(e.to)) edgesIn.add(e.id); });
    }
    return { nodes: nodesIn, edges: edgesIn };
  }

  computeShown();  // before the network is made, so it starts with what the first view shows
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shown.nodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return shown.edges.has(e.id) && shown.nodes.has(e.from) && shown.nodes.has(e.to);
  } });

  // Dimming outside a focus: only the items whose look changes are updated.
  var dimmedNodes = new Set(), dimmedEdges = new Set();
  function applyDimming() {
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var dim = Boolean(shown.focusNodes) && !shown.focusNodes.has(n.id);
      if (dim !== dimmedNodes.has(n.id)) {
        if (dim) dimmedNodes.add(n.id); else dimmedNodes.delete(n.id);
        nodeUpdates.push({ id: n.id, color: nodeColor(n, dim) });
      }
    });
    data.edges.forEach(function (e) {
      var dim = Boolean(shown.focusEdges) && !shown.focusEdges.has(e.id);
      if (dim !== dimmedEdges.has(e.id)) {
        if (dim) dimmedEdges.add(e.id); else dimmedEdges.delete(e.id);
        edgeUpdates.push({ id: e.id, color: dim ? DIMMED_EDGE : UNDIMMED_EDGE });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // --- the network ---------------------------------------------------------------------
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false },  // positions come from the layout computed before the page was written
    layout: { improvedLayout: false },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
    nodes: { shape: "dot", borderWidth: 1.5, font: { size: 0 } },
    edges: {
      color: UNDIMMED_EDGE,
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      arrowStrikethrough: false,
      smooth: { enabled: false },  // straight unless parallel (vis's default "dynamic" adds a hidden node per edge)
      scaling: { min: 1, max: 7, label: { enabled: false } },
      selectionWidth: 1.5, hoverWidth: 1
    }
  });

  // --- community regions, behind everything -----------------------------------------------
  var groupColor = new Map(meta.groups.filter(function (g) { return g.color; }).map(function (g) { return [g.id, g.color]; }));
  var regionCanvas = document.createElement("canvas");
  network.on("beforeDrawing", function (ctx) {
    if (!groupColor.size) return;
    var target = ctx.canvas;
    // Drawn at half resolution (soft regions need no more), then laid under the network.
    var w = Math.ceil(target.width / 2), h = Math.ceil(target.height / 2);
    if (regionCanvas.width !== w || regionCanvas.height !== h) {
      regionCanvas.width = w;
      regionCanvas.height = h;
    }
    var rc = regionCanvas.getContext("2d");
    rc.setTransform(1, 0, 0, 1, 0, 0);
    rc.clearRect(0, 0, w, h);
    rc.setTransform(new DOMMatrix([0.5, 0, 0, 0.5, 0, 0]).multiply(ctx.getTransform()));
    var reach = Math.max(REGION_REACH, 10 / Math.max(network.getScale(), 1e-3));
    var body = network.body.nodes, drew = false;
    groupColor.forEach(function (color, group) {
      rc.fillStyle = color;
      rc.beginPath();
      network.body.nodeIndices.forEach(function (id) {
        var n = byId.get(id), b = body[id];
        if (!n || n.group !== group || !b) return;
        rc.moveTo(b.x + n.size + reach, b.y);
        rc.arc(b.x, b.y, n.size + reach, 0, 2 * Math.PI);
        drew = true;
      });
      rc.fill();
    });
    if (!drew) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = shown.focusNodes ? 0.18 : 0.42;
    ctx.drawImage(regionCanvas, 0, 0, target.width, target.height);
    ctx.restore();
  });

  // --- names and relation labels that never collide ----------------------------------------
  var widthCache = new Map(), measure = document.createElement("canvas").getContext("2d");
  function textWidth(text, font) {
    var key = font + "\u0000" + text;
    if (!widthCache.has(key)) { measure.font = font; widthCache.set(key, measure.measureText(text).width); }
    return widthCache.get(key);
  }
  function fontFor(px, bold) { return (bold ? "600 " : "") + px + "px system-ui, -apple-system, 'Segoe UI', sans-serif"; }
  function Boxes(cell) { this.cell = cell; this.grid = new Map(); this.all = []; }
  Boxes.prototype.keys = function (b) {
    var out = [];
    for (var i = Math.floor(b.x / this.cell); i <= Math.floor((b.x + b.w) / this.cell); i++) {
      for (var j = Math.floor(b.y / this.cell); j <= Math.floor((b.y + b.h) / this.cell); j++) out.push(i + "," + j);
    }
    return out;
  };
  Boxes.prototype.free = function (b) {
    var g = LABEL_GAP, grid = this.grid;
    return this.keys(b).every(function (k) {
      return (grid.get(k) || []).every(function (o) {
        return b.x >= o.x + o.w + g || o.x >= b.x + b.w + g || b.y >= o.y + o.h + g || o.y >= b.y + b.h + g;
      });
    });
  };
  Boxes.prototype.add = function (b) {
    var grid = this.grid;
    this.keys(b).forEach(function (k) { if (!grid.has(k)) grid.set(k, []); grid.get(k).push(b); });
    this.all.push(b);
  };
  var drawnBoxes = [];

  // The part of the canvas no panel covers, in CSS pixels of the canvas.
  function freeArea() {
    var box = container.getBoundingClientRect();
    var right = box.width;
    if (!panel.hidden) right = Math.min(right, panel.getBoundingClientRect().left - box.left);
    return { left: 0, top: 0, right: right, bottom: box.height };
  }
  function labelOrder() {
    var first = [], seen = new Set();
    function take(id) { if (id && !seen.has(id) && shown.nodes.has(id)) { seen.add(id); first.push(id); } }
    take(state.hover);
    var f = state.focus;
    if (f && f.kind === "node") take(f.id);
    if (f && f.kind === "paths") { take(f.from); take(f.to); }
    state.matches.forEach(take);
    if (shown.focusNodes) ranked.forEach(function (n) { if (shown.focusNodes.has(n.id)) take(n.id); });
    ranked.forEach(function (n) { if (!shown.focusNodes || shown.focusNodes.has(n.id)) take(n.id); });
    return first;
  }
  function placeLabels() {
    var area = freeArea(), scale = network.getScale(), placed = new Boxes(48), out = [];
    var focusId = state.focus && state.focus.kind === "node" ? state.focus.id : null;
    var body = network.body.nodes;
    labelOrder().forEach(function (id) {
      var n = byId.get(id), b = body[id];
      if (!n || !b) return;
      var centre = network.canvasToDOM({ x: b.x, y: b.y });
      var r = n.size * scale;
      if (centre.x + r < area.left || centre.x - r > area.right || centre.y + r < area.top || centre.y - r > area.bottom) return;
      var special = id === focusId || id === state.hover || state.matches.has(id);
      var px = special ? LABEL_FOCUS : Math.round(LABEL_MIN + (LABEL_MAX - LABEL_MIN) * importance(n));
      var font = fontFor(px, special || importance(n) > 0.5);
      var w = textWidth(n.label, font), h = Math.round(px * 1.25);
      var foldedHere = (shown.folded.get(id) || []).length;
      var badge = foldedHere ? "+" + number(foldedHere) : "", badgeFont = fontFor(px - 2, true);
      var bw = badge ? textWidth(badge, badgeFont) + 8 : 0;
      var total = w + (badge ? bw + 4 : 0);
      var spots = [[centre.x - total / 2, centre.y + r + 2], [centre.x + r + 4, centre.y - h / 2],
                   [centre.x - total / 2, centre.y - r - 2 - h], [centre.x - r - 4 - total, centre.y - h / 2]];
      for (var i = 0; i < spots.length; i++) {
        var box = { x: spots[i][0], y: spots[i][1], w: total, h: h };
        if (box.x < area.left || box.y < area.top || box.x + box.w > area.right || box.y + box.h > area.bottom) continue;
        if (!placed.free(box)) continue;
        placed.add(box);
        out.push({ id: id, kind: "actor", text: n.label, x: box.x, y: box.y, w: box.w, h: box.h, px: px, font: font,
                   textWidth: w, badge: badge, badgeFont: badgeFont, badgeWidth: bw });
        break;
      }
    });
    // Relation labels also keep off the dots of the actors in view.
    var dots = new Boxes(48);
    network.body.nodeIndices.forEach(function (id) {
      var b = body[id], n = byId.get(id);
      if (!b || !n || dimmedNodes.has(id)) return;
      var p = network.canvasToDOM({ x: b.x, y: b.y }), r = n.size * scale;
      if (p.x + r < area.left || p.x - r > area.right || p.y + r < area.top || p.y - r > area.bottom) return;
      dots.add({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
    });
    edgeLabelCandidates(area).forEach(function (e) {
      var from = body[e.from], to = body[e.to];
      if (!from || !to) return;
      var a = network.canvasToDOM({ x: from.x, y: from.y }), b = network.canvasToDOM({ x: to.x, y: to.y });
      var mid = edgeMiddle(e, a, b);
      var font = fontFor(EDGE_LABEL, false), w = textWidth(e.label, font), h = Math.round(EDGE_LABEL * 1.25);
      var length = Math.hypot(b.x - a.x, b.y - a.y) - (byId.get(e.from).size + byId.get(e.to).size) * scale;
      if (length < w + 12) return;
      var box = { x: mid.x - w / 2, y: mid.y - h / 2, w: w, h: h };
      if (box.x < area.left || box.y < area.top || box.x + box.w > area.right || box.y + box.h > area.bottom) return;
      if (!placed.free(box) || !dots.free(box)) return;
      placed.add(box);
      out.push({ id: e.id, kind: "relation", text: e.label, x: box.x, y: box.y, w: w, h: h, px: EDGE_LABEL, font: font,
                 textWidth: w, badge: "" });
    });
    return out;
  }
  function edgeMiddle(e, a, b) {
    var visEdge = network.body.edges[e.id];
    if (visEdge && visEdge.options.smooth && visEdge.options.smooth.enabled && visEdge.edgeType &&
        typeof visEdge.edgeType.getPoint === "function") {
      var p = visEdge.edgeType.getPoint(0.5);
      return network.canvasToDOM({ x: p.x, y: p.y });
    }
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }
  function edgeLabelCandidates(area) {
    var ids = network.body.edgeIndices, body = network.body.nodes, list = [];
    function onScreen(id) {
      var b = body[id];
      if (!b) return false;
      var p = network.canvasToDOM({ x: b.x, y: b.y });
      return p.x >= area.left && p.x <= area.right && p.y >= area.top && p.y <= area.bottom;
    }
    ids.forEach(function (id) {
      var e = edgeById.get(id);
      if (!e || (shown.focusEdges && !shown.focusEdges.has(id))) return;
      if (onScreen(e.from) || onScreen(e.to)) list.push(e);
    });
    if (!shown.focusEdges && list.length > EDGE_LABELS_UP_TO) return [];
    return list.sort(function (a, b) { return (b.weight - a.weight) || a.id.localeCompare(b.id); });
  }
  function drawLabels(ctx) {
    var ratio = ctx.canvas.width / Math.max(1, ctx.canvas.clientWidth);
    drawnBoxes = placeLabels();
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    drawnBoxes.forEach(function (box) {
      var y = box.y + box.h / 2;
      ctx.font = box.font;
      ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = box.kind === "relation" ? "#3e4c59" : "#1f2933";
      ctx.strokeText(box.text, box.x, y);
      ctx.fillText(box.text, box.x, y);
      if (box.badge) {
        var bx = box.x + box.textWidth + 4, bh = box.h - 4;
        ctx.fillStyle = "#52606d";
        roundRect(ctx, bx, box.y + 2, box.badgeWidth, bh, bh / 2);
        ctx.fill();
        ctx.fillStyle = "#ffffff";
        ctx.font = box.badgeFont;
        ctx.fillText(box.badge, bx + 4, y);
      }
    });
    // A hub whose name (and so its count) does not fit still shows it holds folded actors: a dashed ring.
    var badged = new Set(drawnBoxes.filter(function (box) { return box.badge; }).map(function (box) { return box.id; }));
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = "#52606d";
    shown.folded.forEach(function (leaves, hub) {
      var b = network.body.nodes[hub], n = byId.get(hub);
      if (!b || !n || !shown.nodes.has(hub) || badged.has(hub) || dimmedNodes.has(hub)) return;
      var p = network.canvasToDOM({ x: b.x, y: b.y });
      ctx.beginPath();
      ctx.arc(p.x, p.y, n.size * network.getScale() + 3, 0, 2 * Math.PI);
      ctx.stroke();
    });
    ctx.restore();
  }
  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }
  network.on("afterDrawing", drawLabels);

  // --- tooltips: our own element, shown for what vis-network reports under the pointer ------
  var tip = document.getElementById("tip");
  var pointer = { x: 0, y: 0 }, tipTimer = null;
  container.addEventListener("pointermove", function (event) { pointer.x = event.clientX; pointer.y = event.clientY; });
  container.addEventListener("pointerleave", hideTip);
  function showTip(content) {
    clearTimeout(tipTimer);
    tipTimer = setTimeout(function () {
      tip.textContent = "";
      tip.append(content);
      tip.hidden = false;
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var x = Math.min(pointer.x + 14, window.innerWidth - w - 8), y = pointer.y + 16;
      if (y + h > window.innerHeight - 8) y = Math.max(8, pointer.y - h - 12);
      tip.style.left = Math.max(8, x) + "px";
      tip.style.top = y + "px";
    }, 120);
  }
  function hideTip() { clearTimeout(tipTimer); tip.hidden = true; tip.textContent = ""; }
  function nodeTip(n) {
    var box = el("div", null, el("strong", null, n.label),
                 el("p", "muted", n.schemaClass || n.type, " \u00b7 ", plural(n.degree, "relation", "relations"), " \u00b7 ",
                    plural(n.mentions, "mention", "mentions")));
    if (n.aliases.length) box.append(el("p", null, "Also: ", n.aliases.slice(0, 8).join("; ")));
    var foldedHere = (shown.folded.get(n.id) || []).length;
    if (foldedHere) box.append(el("p", "muted", plural(foldedHere, "actor", "actors"), " with only this relation folded in: click to show"));
    return box;
  }
  function edgeTip(e) {
    var box = el("div", null, el("strong", null, nodeName(e.from), " \u2014 ", e.label, e.symmetric ? " \u2014 " : " \u2192 ", nodeName(e.to)),
                 el("p", "muted", plural(e.weight, "statement", "statements"), " \u00b7 ", confidenceWords(e.confidence)));
    e.evidence.slice(0, 2).forEach(function (ev) {
      box.append(el("p", null, markedSentence(ev)), el("p", "muted", ev.article || ev.source));
    });
    if (e.evidence.length > 2) box.append(el("p", "muted", "\u2026 ", number(e.evidence.length - 2), " more: click"));
    return box;
  }
  network.on("hoverNode", function (params) {
    state.hover = params.node;
    var n = byId.get(params.node);
    if (n) showTip(nodeTip(n));
    network.redraw();
  });
  network.on("blurNode", function () { state.hover = null; hideTip(); network.redraw(); });
  network.on("hoverEdge", function (params) {
    var e = edgeById.get(params.edge);
    if (e) showTip(edgeTip(e));
  });
  network.on("blurEdge", hideTip);
  ["dragStart", "zoom", "click", "release"].forEach(function (name) { network.on(name, hideTip); });

  // --- header: status, back and overview ------------------------------------------------------
  var status = document.getElementById("status");
  document.getElementById("title").textContent = meta.title;
  function updateStatus() {
    status.textContent = "";
    var visibleNodes = nodeView.length, visibleEdges = edgeView.length;
    var foldedCount = 0;
    shown.folded.forEach(function (leaves) { foldedCount += leaves.length; });
    status.append("Showing ", el("strong", null, number(visibleNodes)), " of ", el("strong", null, number(meta.nodesTotal)),
                  " actors and ", el("strong", null, number(visibleEdges)), " of ", number(meta.edgesTotal), " relations");
    var notes = [];
    if (meta.capped) notes.push("the " + number(data.nodes.length) + " most connected on this page");
    if (foldedCount) notes.push(number(foldedCount) + " folded into their hubs");
    if (shown.alone) notes.push(number(shown.alone) + " with no relation shown left out");
    if (notes.length) status.append(el("span", "notes", " (", notes.join("; "), ")"));
    var d = document.body.dataset;
    d.nodesDrawn = String(data.nodes.length);
    d.nodesTotal = String(meta.nodesTotal);
    d.edgesDrawn = String(data.edges.length);
    d.nodesVisible = String(visibleNodes);
    d.edgesVisible = String(visibleEdges);
    d.nodesFolded = String(foldedCount);
    backButton.hidden = !history.length;
    overviewButton.hidden = !state.focus && !history.length;
  }
  function refresh() {
    computeShown();
    nodeView.refresh();
    edgeView.refresh();
    applyDimming();
    updateStatus();
    network.redraw();
  }
  // A filter changed: redraw now, and once the user stops, fit the view to what is left.
  var refitTimer = null;
  function filtered() {
    refresh();
    clearTimeout(refitTimer);
    refitTimer = setTimeout(function () {
      if (!state.focus && nodeView.length) animate("fit", {});
    }, 300);
  }

  // --- legend: one checkbox per type, with its colour and count -----------------------------
  var legend = document.getElementById("legend");
  var typeCounts = new Map();
  data.nodes.forEach(function (n) { typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1); });
  Object.keys(colors).filter(function (t) { return t !== ""; }).forEach(function (type) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = type;
    box.addEventListener("change", function () {
      if (box.checked) state.types.add(type); else state.types.delete(type);
      filtered();
    });
    var swatch = el("span", "swatch");
    swatch.style.background = colorOf(type);
    legend.append(el("label", null, box, swatch, type, el("span", "count", number(typeCounts.get(type) || 0))));
  });

  // --- relation, confidence, weight and date filters -----------------------------------------
  var relation = document.getElementById("relation");
  var relationCounts = new Map(), relationLabels = new Map();
  data.edges.forEach(function (e) {
    relationCounts.set(e.predicate, (relationCounts.get(e.predicate) || 0) + 1);
    relationLabels.set(e.predicate, e.label);
  });
  Array.from(relationCounts.keys()).sort(function (a, b) {
    return (relationCounts.get(b) - relationCounts.get(a)) || relationLabels.get(a).localeCompare(relationLabels.get(b));
  }).forEach(function (predicate) {
    var option = el("option", null, relationLabels.get(predicate), " (", number(relationCounts.get(predicate)), ")");
    option.value = predicate;
    relation.append(option);
  });
  relation.addEventListener("change", function () { state.relation = relation.value; filtered(); });
  var confidence = document.getElementById("min-confidence");
  var confidenceValue = document.getElementById("min-confidence-value");
  confidence.addEventListener("input", function () {
    state.minConfidence = Number(confidence.value);
    confidenceValue.textContent = state.minConfidence > 0 ? state.minConfidence.toFixed(2) + " (" +
      confidenceWords(state.minConfidence).replace(" confidence", "") + ")" : "any";
    filtered();
  });
  var weight = document.getElementById("min-weight");
  weight.addEventListener("input", function () {
    state.minWeight = Math.max(1, Number(weight.value) || 1);
    filtered();
  });
  if (meta.dated && dateRange.min) {
    var dates = document.getElementById("dates"), from = document.getElementById("date-from"),
      to = document.getElementById("date-to");
    dates.hidden = false;
    [from, to].forEach(function (input) { input.min = dateRange.min; input.max = dateRange.max; });
    from.value = dateRange.min;
    to.value = dateRange.max;
    from.addEventListener("change", function () { state.dateFrom = from.value; filtered(); });
    to.addEventListener("change", function () { state.dateTo = to.value; filtered(); });
  }
  var foldBox = document.getElementById("fold");
  foldBox.checked = state.fold;
  foldBox.addEventListener("change", function () { state.fold = foldBox.checked; filtered(); });

  // --- groups: the largest communities, each a region of its colour --------------------------
  var groupsBox = document.getElementById("groups");
  var listed = meta.groups.filter(function (g) { return g.color && g.size >= 3; }).slice(0, 8);
  if (!listed.length) groupsBox.hidden = true;
  listed.forEach(function (g) {
    var swatch = el("span", "swatch");
    swatch.style.background = g.color;
    var b = button("", function () { focusGroup(g.id); }, "group");
    b.append(swatch, el("span", null, g.names.join(", ")), el("span", "count", number(g.size)));
    groupsBox.append(b);
  });

  // --- side panel -----------------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    network.unselectAll();
    network.redraw();
  });
  function openPanel(children) {
    panelBody.textContent = "";
    children.forEach(function (c) { if (c) panelBody.append(c); });
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function actorLink(id) { return button(nodeName(id), function () { focusNode(id); }); }
  // Relations grouped by predicate and direction ("criticised \u2192", "\u2190 criticised by"), heaviest first.
  function relationGroups(id, list) {
    var groups = new Map();
    list.forEach(function (e) {
      var out = e.from === id, key = e.predicate + (e.symmetric ? "" : out ? "\u0000out" : "\u0000in");
      var heading = e.symmetric ? e.label + " \u2014" : out ? e.label + " \u2192" : "\u2190 " + (e.inverse || e.label);
      if (!groups.has(key)) groups.set(key, { heading: heading, edges: [], weight: 0 });
      var g = groups.get(key);
      g.edges.push(e);
      g.weight += e.weight;
    });
    return Array.from(groups.values()).sort(function (a, b) {
      return (b.weight - a.weight) || a.heading.localeCompare(b.heading);
    });
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return;
    var related = edgesOf.get(id).filter(function (e) { return shown.liveSet.has(e.id); });
    var hiddenCount = edgesOf.get(id).length - related.length;
    var items = [
      el("h2", null, n.label),
      el("p", "meta", n.schemaClass && n.schemaClass !== n.type ? n.type + " \u00b7 " + n.schemaClass : n.type),
      el("p", "meta", plural(n.mentions, "mention", "mentions"), " in ", plural(n.articles, "article", "articles"), " \u00b7 ",
         plural(n.degree, "relation", "relations"), meta.capped ? " in the whole network" : "")
    ];
    if (n.aliases.length) items.push(el("p", "meta", "Also named: ", n.aliases.join("; ")));
    var connect = button("How is " + n.label + " connected to\u2026", function () { startConnect(id); });
    items.push(el("p", null, connect));
    var leafCount = (shown.leaves.get(id) || []).length;
    if (state.fold && leafCount >= FOLD_LEAVES) {
      var open = state.expanded.has(id);
      items.push(el("p", null, button(open ? "Fold its " + plural(leafCount, "actor", "actors") + " with one relation again"
                                            : "Keep its " + plural(leafCount, "actor", "actors") + " with one relation shown",
                                       function () {
        if (open) state.expanded.delete(id); else state.expanded.add(id);
        refresh();
        showNode(id);
      })));
    }
    items.push(el("h3", null, related.length ? "Relations" : "No relations under the current filters",
                  hiddenCount ? el("span", "meta", " (", number(hiddenCount), " more hidden by the filters)") : null));
    relationGroups(id, related).forEach(function (g) {
      var list = el("ul", "relations");
      var sorted = g.edges.slice().sort(function (a, b) { return (b.weight - a.weight) || nodeName(other(a, id)).localeCompare(nodeName(other(b, id))); });
      sorted.forEach(function (e, i) {
        var li = el("li", i >= RELATIONS_PER_GROUP ? "more" : null, actorLink(other(e, id)), " ",
                    button(plural(e.weight, "statement", "statements"), function () { selectEdge(e.id); }, "link evidence"));
        if (i >= RELATIONS_PER_GROUP) li.hidden = true;
        list.append(li);
      });
      var section = el("section", "relation-group", el("h4", null, g.heading, " ", el("span", "meta", "(", number(g.edges.length), ")")), list);
      if (sorted.length > RELATIONS_PER_GROUP) {
        var more = button("show all " + number(sorted.length), function () {
          list.querySelectorAll("li.more").forEach(function (li) { li.hidden = false; });
          more.remove();
        });
        section.append(more);
      }
      items.push(section);
    });
    openPanel(items);
  }
  // A sentence with both actors marked: Text nodes and <mark> elements only.
  function markedSentence(ev) {
    var text = ev.sentence, out = el("span", "sentence"), at = 0;
    ev.marks.forEach(function (m) {
      if (m[0] < at) return;
      out.append(text.slice(at, m[0]), el("mark", m[2] === "s" ? "subject" : "object", text.slice(m[0], m[1])));
      at = m[1];
    });
    out.append(text.slice(at));
    return out;
  }
  function sourceLine(ev) {
    var line = el("p", "source", ev.article ? "\u201c" + ev.article + "\u201d" : "(untitled article)");
    if (ev.source) {
      line.append(" \u00b7 ");
      if (ev.href) {
        var a = el("a", null, ev.source);
        a.href = ev.href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        line.append(a);
      } else {
        line.append(ev.source);
      }
    }
    if (ev.date) line.append(" \u00b7 ", ev.date);
    var words = el("span", "confidence", confidenceWords(ev.confidence));
    words.title = "rule: " + ev.construction + ", confidence " + ev.confidence.toFixed(2);
    line.append(" \u00b7 ", words);
    if (ev.hypothetical) line.append(" \u00b7 hypothetical (negated, asked or supposed)");
    return line;
  }
  function showEdge(id, page) {
    var e = edgeById.get(id);
    if (!e) return;
    page = page || 0;
    var count = e.evidence.length, pages = Math.max(1, Math.ceil(count / STATEMENTS_PER_PAGE));
    page = Math.max(0, Math.min(page, pages - 1));
    var first = page * STATEMENTS_PER_PAGE, last = Math.min(count, first + STATEMENTS_PER_PAGE);
    var d = edgeDates[data.edges.indexOf(e)];
    var items = [
      el("h2", null, actorLink(e.from), " \u2014 ", e.label, e.symmetric ? " \u2014 " : " \u2192 ", actorLink(e.to)),
      el("p", "meta", e.kind ? e.kind + " relation" : "relation", e.symmetric ? " (both ways)" : "",
         e.hypothetical ? " \u00b7 hypothetical" : "", " \u00b7 ", plural(e.weight, "statement", "statements"),
         " \u00b7 best: ", confidenceWords(e.confidence)),
      d.first ? el("p", "meta", d.first === d.last ? "Stated on " + d.first : "Stated from " + d.first + " to " + d.last) : null,
      el("h3", null, count ? "Evidence" : "No evidence sentence",
         count > STATEMENTS_PER_PAGE ? el("span", "meta", " (", number(first + 1), "\u2013", number(last), " of ", number(count), ")") : null)
    ];
    var subject = nodeName(e.from), object = nodeName(e.to);
    e.evidence.slice(first, last).forEach(function (ev) {
      var marked = new Set(ev.marks.map(function (m) { return m[2]; }));
      items.push(el("blockquote", null, markedSentence(ev)));
      var missing = [];
      if (!marked.has("s")) missing.push(subject);
      if (!marked.has("o")) missing.push(object);
      if (missing.length && ev.sentence) {
        items.push(el("p", "note", missing.join(" and "), missing.length > 1 ? " are" : " is",
                      " not named in this sentence (reached through a pronoun or an earlier sentence)"));
      }
      items.push(sourceLine(ev));
    });
    if (pages > 1) {
      var prev = button("\u2190 previous", function () { showEdge(id, page - 1); }, "pager");
      var next = button("next \u2192", function () { showEdge(id, page + 1); }, "pager");
      prev.disabled = page === 0;
      next.disabled = page === pages - 1;
      items.push(el("p", "pages", prev, " page ", number(page + 1), " of ", number(pages), " ", next));
    }
    if (count) items.push(el("p", "meta", "Every statement, one per row: ", meta.evidenceFile, " beside this page."));
    openPanel(items);
    keepInView([e.from, e.to]);
  }

  // --- moving the view ---------------------------------------------------------------------------
  // Every move is animated; while one runs the body says so (data-moving), for tests and scripts.
  // vis-network's easing can stop short of its target on slow frames, so the last step lands exactly.
  var landing = null;
  function animate(how, options) {
    landing = [how, Object.assign({}, options)];
    options.animation = { duration: 320, easingFunction: "easeInOutQuad" };
    document.body.dataset.moving = "true";
    network[how](options);
  }
  network.on("animationFinished", function () {
    if (landing) {
      var last = landing;
      landing = null;
      network[last[0]](last[1]);
    }
    delete document.body.dataset.moving;
  });
  function boundsOf(ids) {
    var body = network.body.nodes, box = null;
    ids.forEach(function (id) {
      var b = body[id], n = byId.get(id);
      if (!b || !n) return;
      var r = n.size;
      if (!box) box = { left: b.x - r, right: b.x + r, top: b.y - r, bottom: b.y + r };
      else {
        box.left = Math.min(box.left, b.x - r); box.right = Math.max(box.right, b.x + r);
        box.top = Math.min(box.top, b.y - r); box.bottom = Math.max(box.bottom, b.y + r);
      }
    });
    return box;
  }
  // Fit these actors into the part of the canvas that the panel leaves free.
  function fitTo(ids, maxScale) {
    var box = boundsOf(ids);
    if (!box) return;
    var area = freeArea(), full = container.getBoundingClientRect();
    var width = Math.max(1, box.right - box.left), height = Math.max(1, box.bottom - box.top);
    var scale = Math.min(0.8 * area.right / width, 0.8 * area.bottom / height, maxScale || FOCUS_MAX_SCALE);
    scale = Math.max(scale, 0.02);
    var cx = (box.left + box.right) / 2 + (full.width - area.right) / 2 / scale;
    animate("moveTo", { position: { x: cx, y: (box.top + box.bottom) / 2 }, scale: scale });
  }
  function keepInView(ids) {
    var area = freeArea(), body = network.body.nodes;
    var outside = ids.some(function (id) {
      var b = body[id];
      if (!b) return false;
      var p = network.canvasToDOM({ x: b.x, y: b.y });
      return p.x < area.left + 20 || p.x > area.right - 20 || p.y < area.top + 20 || p.y > area.bottom - 20;
    });
    if (outside) fitTo(ids, network.getScale());
  }

  // --- focus, paths and the way back --------------------------------------------------------------
  var history = [];
  var backButton = document.getElementById("back"), overviewButton = document.getElementById("overview");
  var depthSelect = document.getElementById("depth");
  function snapshot() {
    return { focus: state.focus, panel: panel.hidden ? null : currentPanel,
             view: { position: network.getViewPosition(), scale: network.getScale() } };
  }
  var currentPanel = null;  // how to draw the panel again: [function, argument]
  function remember() { history.push(snapshot()); if (history.length > 50) history.shift(); }
  function ensureType(id) {
    var n = byId.get(id);
    if (n && !state.types.has(n.type)) {
      state.types.add(n.type);
      legend.querySelectorAll("input").forEach(function (box) { if (box.value === n.type) box.checked = true; });
    }
  }
  function focusNode(id) {
    if (!byId.has(id)) return;
    remember();
    ensureType(id);
    state.focus = { kind: "node", id: id, depth: Number(depthSelect.value) || 1 };
    refresh();
    network.selectNodes([id]);
    currentPanel = [showNode, id];
    showNode(id);
    fitTo(Array.from(shown.focusNodes));
  }
  function focusGroup(group) {
    remember();
    state.focus = { kind: "group", id: group };
    refresh();
    var members = Array.from(shown.focusNodes).sort(function (a, b) { return byId.get(b).degree - byId.get(a).degree; });
    currentPanel = [showGroup, group];
    showGroup(group);
    fitTo(members, 2);
  }
  function showGroup(group) {
    var summary = meta.groups.find(function (g) { return g.id === group; });
    var members = data.nodes.filter(function (n) { return n.group === group; })
      .sort(function (a, b) { return (b.degree - a.degree) || a.label.localeCompare(b.label); });
    var list = el("ul");
    members.slice(0, 40).forEach(function (n) { list.append(el("li", null, actorLink(n.id), el("span", "meta", " (", number(n.degree), ")"))); });
    openPanel([el("h2", null, "Group: ", summary ? summary.names.join(", ") : ""),
               el("p", "meta", plural(members.length, "actor", "actors"), " more tied to each other than to the rest"),
               list, members.length > 40 ? el("p", "meta", "\u2026 and ", number(members.length - 40), " more") : null]);
  }
  depthSelect.addEventListener("change", function () {
    if (state.focus && state.focus.kind === "node") {
      state.focus = { kind: "node", id: state.focus.id, depth: Number(depthSelect.value) || 1 };
      refresh();
      fitTo(Array.from(shown.focusNodes));
    }
  });
  function back() {
    var last = history.pop();
    if (!last) return;
    state.focus = last.focus;
    refresh();
    if (last.panel) { currentPanel = last.panel; last.panel[0](last.panel[1]); } else { panel.hidden = true; }
    network.unselectAll();
    animate("moveTo", { position: last.view.position, scale: last.view.scale });
  }
  function overview() {
    history = [];
    state.focus = null;
    state.expanded.clear();
    panel.hidden = true;
    network.unselectAll();
    refresh();
    animate("fit", {});
  }
  backButton.addEventListener("click", back);
  overviewButton.addEventListener("click", overview);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !/^(INPUT|SELECT|TEXTAREA)$/.test(String(event.target.tagName))) back();
  });

  // Every shortest path between two actors over the relations the filters let through.
  function shortestPaths(from, to) {
    var adjacency = new Map();
    shown.live.forEach(function (e) {
      [[e.from, e.to], [e.to, e.from]].forEach(function (p) {
        if (!adjacency.has(p[0])) adjacency.set(p[0], new Map());
        var m = adjacency.get(p[0]);
        if (!m.has(p[1])) m.set(p[1], []);
        m.get(p[1]).push(e);
      });
    });
    var distance = new Map([[from, 0]]), parents = new Map([[from, []]]), queue = [from];
    for (var i = 0; i < queue.length; i++) {
      var u = queue[i];
      if (u === to) break;
      (adjacency.get(u) || new Map()).forEach(function (_, v) {
        if (!distance.has(v)) { distance.set(v, distance.get(u) + 1); parents.set(v, [u]); queue.push(v); }
        else if (distance.get(v) === distance.get(u) + 1) parents.get(v).push(u);
      });
    }
    if (!distance.has(to) || from === to) return [];
    var paths = [];
    (function walk(node, suffix) {
      if (paths.length >= MAX_PATHS) return;
      if (node === from) { paths.push([from].concat(suffix)); return; }
      parents.get(node).slice().sort().forEach(function (p) { walk(p, [node].concat(suffix)); });
    })(to, []);
    return paths.map(function (path) {
      var steps = [];
      for (var j = 0; j + 1 < path.length; j++) steps.push(adjacency.get(path[j]).get(path[j + 1]));
      return { nodes: path, steps: steps };
    });
  }
  function showPaths(from, to) {
    if (!byId.has(from) || !byId.has(to)) return [];
    remember();
    ensureType(from);
    ensureType(to);
    computeShown();
    var paths = shortestPaths(from, to);
    state.focus = { kind: "paths", from: from, to: to, paths: paths };
    refresh();
    currentPanel = [showPathsPanel, state.focus];
    showPathsPanel(state.focus);
    fitTo(Array.from(shown.focusNodes), 2);
    return paths.map(function (p) { return p.nodes; });
  }
  function showPathsPanel(f) {
    var items = [el("h2", null, "How ", nodeName(f.from), " and ", nodeName(f.to), " are connected")];
    if (!f.paths.length) {
      items.push(el("p", null, "Not connected by the relations the current filters show."));
    } else {
      items.push(el("p", "meta", f.paths.length >= MAX_PATHS ? "The first " + MAX_PATHS : plural(f.paths.length, "shortest path", "shortest paths"),
                    " of ", plural(f.paths[0].steps.length, "step", "steps")));
      f.paths.forEach(function (path) {
        var line = el("p", "path", actorLink(path.nodes[0]));
        path.steps.forEach(function (step, i) {
          var here = path.nodes[i];
          line.append(" ");
          step.forEach(function (e, k) {
            var arrow = e.symmetric ? ["\u2014 ", " \u2014"] : e.from === here ? ["\u2014 ", " \u2192"] : ["\u2190 ", " \u2014"];
            line.append(k ? " / " : "", el("span", "step", arrow[0], button(e.label, function () { selectEdge(e.id); }, "link relation"), arrow[1]));
          });
          line.append(" ", actorLink(path.nodes[i + 1]));
        });
        items.push(line);
      });
    }
    openPanel(items);
  }
  function selectEdge(id) {
    if (!edgeById.has(id)) return;
    if (!panel.hidden) remember();  // the panel it replaces is one step back
    if (shown.edges.has(id)) network.selectEdges([id]);
    currentPanel = [showEdge, id];
    showEdge(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) focusNode(params.nodes[0]);
    else if (params.edges.length) selectEdge(params.edges[0]);
  });

  // --- search by label or any alias ----------------------------------------------------------------
  var index = data.nodes.map(function (n) { return { node: n, names: [n.label].concat(n.aliases).map(fold) }; });
  function matches(query) {
    var q = fold(query.trim());
    if (!q) return [];
    var found = [];
    index.forEach(function (entry) {
      var at = -1;
      entry.names.forEach(function (name, i) { if (at < 0 && name.indexOf(q) >= 0) at = i; });
      if (at >= 0) found.push({ node: entry.node, alias: at > 0 ? entry.node.aliases[at - 1] : "",
                                exact: entry.names[at] === q, start: entry.names[at].indexOf(q) === 0 });
    });
    found.sort(function (a, b) { return (b.exact - a.exact) || (b.start - a.start) || (b.node.degree - a.node.degree); });
    return found.slice(0, 12);
  }
  // A search field with its list of matches; choosing one calls onChoose(id).
  function picker(input, list, onChoose, highlight) {
    function show() {
      list.textContent = "";
      var found = matches(input.value);
      if (highlight) {
        state.matches = new Set(found.map(function (m) { return m.node.id; }));
        network.redraw();
      }
      found.forEach(function (m) {
        var b = button("", function () { choose(m.node.id); }, "result");
        b.append(m.node.label, m.alias ? el("span", "alias", " (", m.alias, ")") : null);
        list.append(el("li", null, b));
      });
    }
    function choose(id) {
      input.value = nodeName(id);
      input.dataset.chosen = id;
      list.textContent = "";
      onChoose(id);
    }
    input.addEventListener("input", function () { delete input.dataset.chosen; show(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = matches(input.value)[0];
        if (first) choose(first.node.id);
      }
    });
    return { chosen: function () { return input.dataset.chosen || ((matches(input.value)[0] || {}).node || {}).id; } };
  }
  var search = document.getElementById("search");
  picker(search, document.getElementById("search-results"), function (id) {
    state.matches = new Set([id]);
    focusNode(id);
  }, true);
  var connectBox = document.getElementById("connect");
  var pathFrom = document.getElementById("path-from"), pathTo = document.getElementById("path-to");
  var fromPicker = picker(pathFrom, document.getElementById("path-from-results"), function () { pathTo.focus(); });
  var toPicker = picker(pathTo, document.getElementById("path-to-results"), function () { connectNow(); });
  function connectNow() {
    var a = fromPicker.chosen(), b = toPicker.chosen();
    if (a && b) showPaths(a, b);
  }
  document.getElementById("path-show").addEventListener("click", connectNow);
  function startConnect(id) {
    connectBox.open = true;
    pathFrom.value = nodeName(id);
    pathFrom.dataset.chosen = id;
    pathTo.value = "";
    delete pathTo.dataset.chosen;
    pathTo.focus();
  }

  // --- first view ------------------------------------------------------------------------------------
  applyDimming();
  updateStatus();
  network.fit({ animation: false });
  network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
  network.redraw();
  window.graphbuildPage = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    focusNode: focusNode, showEdge: showEdge, showPaths: showPaths, focusGroup: focusGroup, back: back, overview: overview,
    // The names and relation labels drawn now, in CSS pixels of the page (what the canvas shows).
    labelBoxes: function () {
      network.redraw();
      var box = container.getBoundingClientRect();
      return drawnBoxes.map(function (b) {
        return { id: b.id, kind: b.kind, text: b.text, x: box.left + b.x, y: box.top + b.y, w: b.w, h: b.h };
      });
    },
    shown: function () {
      var folded = {};
      shown.folded.forEach(function (leaves, hub) { folded[hub] = leaves.slice(); });
      return { nodes: Array.from(shown.nodes).sort(), edges: Array.from(shown.edges).sort(), folded: folded,
               focus: shown.focusNodes ? Array.from(shown.focusNodes).sort() : null };
    }
  };
})();
