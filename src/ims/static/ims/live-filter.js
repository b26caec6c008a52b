// Live filtering without a framework: when a filter changes, fetch the results fragment for the
// same query string and swap it in; the address bar follows so the view can be bookmarked.
(function () {
  "use strict";
  function debounce(fn, ms) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }
  function wire(form) {
    var target = document.querySelector(form.getAttribute("data-live-filter"));
    if (!target) { return; }
    var seq = 0;
    function refresh() {
      var query = new URLSearchParams(new FormData(form)).toString();
      var mine = ++seq;
      target.classList.add("loading");
      fetch("?" + query, { headers: { "X-Requested-With": "ims-live-filter" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
        .then(function (html) {
          if (mine !== seq) { return; }  // a newer request is on its way; drop this answer
          target.innerHTML = html;
          target.classList.remove("loading");
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
