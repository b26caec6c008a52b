// The proposal form refreshes its result through live-filter.js. This file shows the weight fields when the
// user picks their own weighting instead of a named scenario, and, after each refresh, puts the problems the
// result panel lists beside the fields they are about (as the server does when the whole page is loaded), so
// that every problem shows at once, at its field.
(function () {
  "use strict";
  var OWN_WEIGHTS = "eigen-weging";
  function showWeights(form) {
    var select = form.querySelector("select[name=scenario]");
    var weights = form.querySelector(".weights");
    if (select && weights) { weights.hidden = select.value !== OWN_WEIGHTS; }
  }
  function placeErrors(form, panel) {
    form.querySelectorAll("[data-field-error]").forEach(function (e) { e.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    panel.querySelectorAll("li[data-for]").forEach(function (item) {
      var id = item.getAttribute("data-for");
      var where = id ? document.getElementById(id) : null;
      var text = item.querySelector(".message");
      if (!where || !text || !form.contains(where)) { return; }
      var note = document.createElement(where.classList.contains("group-errors") ? "p" : "span");
      note.className = "error";
      note.setAttribute("data-field-error", "");
      note.textContent = text.textContent;
      if (where.classList.contains("group-errors")) {
        where.appendChild(note);
      } else {
        where.setAttribute("aria-invalid", "true");
        where.parentNode.appendChild(note);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.proposal-form").forEach(function (form) {
      showWeights(form);
      form.addEventListener("change", function () { showWeights(form); });
      form.addEventListener("live-filter:updated", function (e) { placeErrors(form, e.detail.target); });
    });
  });
})();
