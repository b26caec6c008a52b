// The proposal form's result follows its inputs: on every change, fetch the result fragment for the
// form's query string and swap it in; the address bar follows, so a result can be bookmarked or
// printed. Without JavaScript the form is an ordinary GET form that reloads the page.
(function () {
  "use strict";
  var OWN_WEIGHTS = "eigen-weging";
  function debounce(fn, ms) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }
  function showWeights(form) {
    var select = form.querySelector("select[name=scenario]");
    var weights = form.querySelector(".weights");
    if (select && weights) { weights.hidden = select.value !== OWN_WEIGHTS; }
  }
  function wire(form) {
    var target = document.querySelector(form.getAttribute("data-assess"));
    if (!target) { return; }
    var seq = 0;
    function refresh() {
      var query = new URLSearchParams(new FormData(form)).toString();
      var mine = ++seq;
      target.classList.add("loading");
      target.setAttribute("aria-busy", "true");
      fetch(form.getAttribute("action") + "?" + query,
            { headers: { "X-Requested-With": "ims-assessment" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
        .then(function (html) {
          if (mine !== seq) { return; }  // a newer request is on its way; drop this answer
          target.innerHTML = html;
          target.classList.remove("loading");
          target.removeAttribute("aria-busy");
          history.replaceState(null, "", "?" + query);
        })
        .catch(function () { form.submit(); });
    }
    showWeights(form);
    form.addEventListener("change", function () { showWeights(form); refresh(); });
    form.addEventListener("input", debounce(refresh, 350));
    form.addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-assess]").forEach(wire);
  });
})();
