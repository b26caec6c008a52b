// Live results without a framework: when a form marked data-live-filter="#target" changes, fetch the
// fragment for the form's query string (from its action, else this page) and swap it into the target;
// the address bar follows, so the view can be bookmarked. The server recognises the fetch by the
// X-Requested-With value in data-live-header. Without JavaScript the form is an ordinary GET form.
(function () {
  "use strict";
  function debounce(fn, ms) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }
  function wire(form) {
    var target = document.querySelector(form.getAttribute("data-live-filter"));
    if (!target) { return; }
    var header = form.getAttribute("data-live-header") || "ims-live-filter";
    var seq = 0;
    function refresh() {
      var query = new URLSearchParams(new FormData(form)).toString();
      var mine = ++seq;
      target.classList.add("loading");
      target.setAttribute("aria-busy", "true");
      fetch((form.getAttribute("action") || "") + "?" + query,
            { headers: { "X-Requested-With": header }, credentials: "same-origin" })
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
    form.addEventListener("change", refresh);
    form.addEventListener("input", debounce(refresh, 300));
    form.addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-live-filter]").forEach(wire);
    document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  });
})();
