// Live results without a framework: when a form marked data-live-filter="#target" changes, fetch the
// fragment for the form's query string (from its action, else this page) and swap it into the target.
// The address bar follows with a history entry per change, so a filtered view can be bookmarked and the
// Back button steps back through the filters (typing in a search box makes one entry, not one per letter).
// Links in the results that carry data-filter-name (facet counts, tabs) set that field of the form and
// refresh the same way. The server recognises the fetch by the X-Requested-With value in data-live-header.
// Without JavaScript the form is an ordinary GET form and the links are ordinary links.
(function () {
  "use strict";
  function debounce(fn, ms) {
    var timer;
    return function () { var args = arguments; clearTimeout(timer); timer = setTimeout(function () { fn.apply(null, args); }, ms); };
  }
  function fill(form, query) {
    // Put the values of a query string back into the form (after Back or Forward).
    var params = new URLSearchParams(query);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "submit" || el.type === "button") { return; }
      var values = params.getAll(el.name);
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) !== -1; });
      } else if (el.tagName === "SELECT") {
        el.value = values.length ? values[0] : (el.options.length ? el.options[0].value : "");
      } else {
        el.value = values.length ? values[0] : "";
      }
    });
  }
  function wire(form) {
    var target = document.querySelector(form.getAttribute("data-live-filter"));
    if (!target) { return; }
    var header = form.getAttribute("data-live-header") || "ims-live-filter";
    var seq = 0;
    var typing = false;  // the current history entry was made by typing: further letters replace it
    function query() { return new URLSearchParams(new FormData(form)).toString(); }
    function load(q, record) {
      var mine = ++seq;
      target.classList.add("loading");
      target.setAttribute("aria-busy", "true");
      fetch((form.getAttribute("action") || "") + "?" + q,
            { headers: { "X-Requested-With": header }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
        .then(function (html) {
          if (mine !== seq) { return; }  // a newer request is on its way; drop this answer
          target.innerHTML = html;
          target.classList.remove("loading");
          target.removeAttribute("aria-busy");
          form.dispatchEvent(new CustomEvent("live-filter:updated", { bubbles: true, detail: { target: target } }));
          if (record === "push") { history.pushState({ liveFilter: true }, "", "?" + q); }
          if (record === "replace") { history.replaceState({ liveFilter: true }, "", "?" + q); }
        })
        .catch(function () { form.submit(); });
    }
    function changed(byTyping) {
      var q = query();
      if (q === location.search.replace(/^\?/, "")) { return; }
      load(q, byTyping && typing ? "replace" : "push");
      typing = byTyping;
    }
    history.replaceState({ liveFilter: true }, "", location.href);
    form.addEventListener("change", function () { changed(false); });
    form.addEventListener("input", debounce(function (e) {
      if (e.target.tagName === "INPUT" && e.target.type !== "checkbox" && e.target.type !== "radio") { changed(true); }
    }, 300));
    form.addEventListener("submit", function (e) { e.preventDefault(); changed(false); });
    target.addEventListener("click", function (e) {
      var link = e.target.closest ? e.target.closest("a[data-filter-name]") : null;
      if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) { return; }
      var field = form.elements[link.getAttribute("data-filter-name")];
      if (!field) { return; }  // not a filter of this form: an ordinary link
      e.preventDefault();
      field.value = link.getAttribute("data-filter-value");
      var page = form.elements.page;
      if (page) { page.value = ""; }
      changed(false);
    });
    window.addEventListener("popstate", function () {
      typing = false;
      var q = location.search.replace(/^\?/, "");
      fill(form, q);
      load(q, null);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-live-filter]").forEach(wire);
    document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  });
})();
