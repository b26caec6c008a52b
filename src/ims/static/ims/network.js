// The network page: fetch nodes and edges for the filters in the form, draw them with Cytoscape.js, redraw
// when a filter changes (the address bar follows, so a view can be bookmarked), and open a node's page on a
// click. Colours come from the stylesheet's custom properties, where the legend takes them too.
(function () {
  "use strict";
  var container = document.getElementById("network");
  var form = document.getElementById("network-filters");
  var counts = document.getElementById("network-counts");
  if (!container || !form || typeof cytoscape !== "function") { return; }

  var css = getComputedStyle(document.documentElement);
  function colour(name) { return css.getPropertyValue("--" + name).trim() || "#888"; }
  var rings = { strategic: colour("strategic"), affiliated: colour("affiliated"), opportunity: colour("opportunity") };

  var cy = cytoscape({
    container: container,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
        "text-valign": "bottom", "text-margin-y": 3, "color": "#1a1a1a", "border-width": 1, "border-color": "#1a1a1a" } },
      { selector: "node[kind = 'partner']", style: {
        "shape": "ellipse", "width": 22, "height": 22,
        "background-color": function (node) { return rings[node.data("ring")] || colour("ring-none"); } } },
      { selector: "node[kind = 'framework']", style: {
        "shape": "round-rectangle", "width": 30, "height": 20, "border-width": 2, "background-color": colour("framework") } },
      { selector: "node[kind = 'initiative']", style: {
        "shape": "diamond", "width": 14, "height": 14, "background-color": colour("initiative"), "font-size": 7 } },
      { selector: "edge", style: {
        "width": 2, "curve-style": "haystack", "opacity": 0.8,
        "line-color": function (edge) { return colour(edge.data("form") ? "form-" + edge.data("form") : "form-none"); } } },
      { selector: "edge[kind = 'framework']", style: { "line-style": "dashed", "width": 1 } },
      { selector: "edge[kind = 'membership']", style: { "line-style": "dotted", "width": 1, "line-color": colour("ring-none") } },
      { selector: "node:active, node.hover", style: { "overlay-opacity": 0.15, "font-size": 11, "z-index": 10 } }
    ]
  });
  // For the browser tests and for whoever opens the console.
  window.imsNetwork = cy;

  cy.on("tap", "node", function (event) { window.location.assign(event.target.data("url")); });
  cy.on("mouseover", "node", function (event) {
    event.target.addClass("hover");
    container.title = event.target.data("label") + (event.target.data("detail") ? " — " + event.target.data("detail") : "");
  });
  cy.on("mouseout", "node", function (event) { event.target.removeClass("hover"); container.title = ""; });

  var seq = 0;
  function draw() {
    var query = new URLSearchParams(new FormData(form)).toString();
    var mine = ++seq;
    container.setAttribute("aria-busy", "true");
    fetch(container.getAttribute("data-source") + "?" + query, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (graph) {
        if (mine !== seq) { return; }
        cy.elements().remove();
        cy.add(graph.nodes);
        cy.add(graph.edges);
        cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; },
                    idealEdgeLength: function () { return 60; }, padding: 20 }).run();
        var c = graph.counts;
        counts.textContent = c.initiatives === 0 ? counts.getAttribute("data-empty")
          : counts.getAttribute("data-template").replace("{initiatives}", c.initiatives)
              .replace("{partners}", c.partners).replace("{frameworks}", c.frameworks);
        container.removeAttribute("aria-busy");
        container.setAttribute("data-drawn", String(cy.nodes().length));
        history.replaceState(null, "", "?" + query);
      })
      .catch(function () {
        if (mine === seq) { counts.textContent = counts.getAttribute("data-error"); container.removeAttribute("aria-busy"); }
      });
  }
  form.addEventListener("change", draw);
  form.addEventListener("submit", function (event) { event.preventDefault(); draw(); });
  draw();
}());
