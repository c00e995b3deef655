// The network view: the page's actor graph (#network-data) drawn with Cytoscape.js. Node size is the
// centrality score; the check boxes hide relations by type, dependency kind and evidence basis;
// selecting a node or an edge (a click, or a button of the actors table) shows its evidence.
(function () {
  "use strict";
  var container = document.getElementById("network-graph");
  var source = document.getElementById("network-data");
  var detail = document.getElementById("network-detail");
  if (!container || !source || typeof cytoscape === "undefined") return;
  var data = JSON.parse(source.textContent);
  var colours = {DEPENDS_ON: "#b3261e", COORDINATES_WITH: "#2e7d32", TENSION_WITH: "#e07b00",
                 REPORTS_TO: "#0b4f9c", FUNDS: "#6a1b9a"};
  var top = Math.max.apply(null, data.nodes.map(function (n) { return n.score; }).concat([1e-9]));
  var elements = data.nodes.map(function (n) {
    return {group: "nodes", data: {id: n.id, label: n.label, kind: n.kind, size: 14 + 46 * (n.score / top), node: n}};
  }).concat(data.edges.map(function (e) {
    return {group: "edges", data: {id: e.id, source: e.source, target: e.target, colour: colours[e.type] || "#555",
                                    width: 1 + Math.min(e.evidence.length, 8), edge: e}};
  }));
  var cy = cytoscape({
    container: container,
    elements: elements,
    layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90},
    style: [
      {selector: "node", style: {"width": "data(size)", "height": "data(size)", "label": "data(label)",
        "font-size": 11, "color": "#222", "text-valign": "bottom", "text-margin-y": 3,
        "background-color": "#7fa7d6", "border-width": 1, "border-color": "#124"}},
      {selector: "node[kind = 'mission']", style: {"background-color": "#f2b870", "shape": "round-rectangle"}},
      {selector: "edge", style: {"width": "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "opacity": 0.75}},
      {selector: ":selected", style: {"border-width": 4, "border-color": "#000", "line-color": "#000",
        "target-arrow-color": "#000", "opacity": 1}},
      {selector: ".hidden", style: {"display": "none"}}
    ]
  });

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function item(list, children) {
    var li = document.createElement("li");
    children.forEach(function (c) { li.append(c); });
    list.append(li);
  }
  function heading(text) {
    var h = document.createElement("h2");
    h.textContent = text;
    return h;
  }
  function showNode(n) {
    detail.replaceChildren(heading(n.label));
    var p = document.createElement("p");
    p.append(n.name + " (" + n.kind + "); " + data.metric + " " + n.score.toFixed(4) + ". ");
    p.append(link(n.href, "Its page"));
    detail.append(p);
    var list = document.createElement("ul");
    data.edges.forEach(function (e) {
      if (e.source !== n.id && e.target !== n.id) return;
      var a = link("#", e.source + " " + e.title + " " + e.target + (e.on ? " (" + e.on + ")" : ""));
      a.addEventListener("click", function (event) { event.preventDefault(); select(e.id); });
      item(list, [a, " — " + e.evidence.length + " claim(s)"]);
    });
    detail.append(list);
  }
  function showEdge(e) {
    detail.replaceChildren(heading(e.source + " " + e.title + " " + e.target));
    var p = document.createElement("p");
    p.append((e.kind ? e.kind + " dependency" + (e.on ? " on " + e.on : "") + "; " : "") +
             "basis: " + e.basis + "; " + (e.weight || 0) + " interview(s). ");
    p.append(link(e.href, "The relation (linked data)"));
    detail.append(p);
    var list = document.createElement("ul");
    e.evidence.forEach(function (c) { item(list, [link("/explore/claim/" + c, "claim " + c)]); });
    e.literature.forEach(function (s) { item(list, [link("/explore/source/" + s, "literature " + s)]); });
    detail.append(list);
  }
  function select(id) {
    var element = cy.getElementById(id);
    if (!element.length) return;
    cy.elements().unselect();
    element.select();
    if (element.isNode()) showNode(element.data("node")); else showEdge(element.data("edge"));
  }
  cy.on("tap", "node, edge", function (event) { select(event.target.id()); });
  document.querySelectorAll("button.select-node").forEach(function (button) {
    button.addEventListener("click", function () { select(button.getAttribute("data-id")); container.scrollIntoView(); });
  });

  function applyFilters() {
    var shown = {};
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      var group = box.getAttribute("data-filter");
      shown[group] = shown[group] || {};
      shown[group][box.value] = box.checked;
    });
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var e = edge.data("edge");
        var visible = shown.relation[e.type] !== false && shown.basis[e.basis] !== false &&
          (!e.kind || !shown.kind || shown.kind[e.kind] !== false);
        edge.toggleClass("hidden", !visible);
      });
      cy.nodes().forEach(function (node) {
        node.toggleClass("hidden", node.connectedEdges(":visible").length === 0 &&
          node.connectedEdges().length > 0);
      });
    });
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  container.setAttribute("data-drawn", String(cy.nodes().length));
  window.pkgraphNetwork = cy;  // for the page's tests and for a reader's console
})();
