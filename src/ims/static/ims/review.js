// Review screen: selecting a fact marks its evidence in the document text and scrolls to it.
(function () {
  "use strict";
  function show(factId) {
    document.querySelectorAll("mark.evidence.active").forEach(function (m) { m.classList.remove("active"); });
    var first = null;
    document.querySelectorAll("mark.evidence").forEach(function (m) {
      var ids = (m.getAttribute("data-facts") || "").trim().split(/\s+/);
      if (ids.indexOf(factId) !== -1) {
        m.classList.add("active");
        first = first || m;
      }
    });
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-fact]").forEach(function (card) {
      card.addEventListener("click", function (e) {
        if (e.target.closest("form")) { return; }
        show(card.getAttribute("data-fact"));
      });
    });
    if (location.hash.indexOf("#fact-") === 0) { show(location.hash.slice(6)); }
  });
})();
