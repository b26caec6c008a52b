// Review screen: selecting a fact marks its evidence in the document text and scrolls to it; a search box
// beside a list of partners adds each partner chosen from the names offered.
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
  function offered(value) {
    var list = document.getElementById("partner-names");
    if (!list || !value) { return false; }
    return Array.prototype.some.call(list.options, function (o) { return o.value === value; });
  }
  function picker(field) {
    var search = document.createElement("input");
    search.type = "search";
    search.className = "partner-search";
    search.setAttribute("list", "partner-names");
    search.setAttribute("autocomplete", "off");
    search.placeholder = field.getAttribute("data-search-label") || "Partner zoeken en toevoegen";
    search.setAttribute("aria-label", search.placeholder);
    field.insertAdjacentElement("afterend", search);
    search.addEventListener("input", function () {
      if (!offered(search.value)) { return; }
      var current = field.value.trim().replace(/,$/, "");
      field.value = current ? current + ", " + search.value : search.value;
      search.value = "";
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-fact]").forEach(function (card) {
      card.addEventListener("click", function (e) {
        if (e.target.closest("form")) { return; }
        show(card.getAttribute("data-fact"));
      });
    });
    document.querySelectorAll("input[data-partner-picker=many]").forEach(picker);
    if (location.hash.indexOf("#fact-") === 0) { show(location.hash.slice(6)); }
  });
})();
