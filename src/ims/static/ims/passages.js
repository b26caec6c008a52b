// A passage of a document may be cut into several marked pieces (passages overlap); the fragment
// #passage-<start>-<end> targets the first, and this marks every piece of it and brings it into view.
(function () {
  function mark() {
    document.querySelectorAll("mark.passage.targeted").forEach(function (el) { el.classList.remove("targeted"); });
    var match = /^#passage-(\d+-\d+)$/.exec(window.location.hash);
    if (!match) { return; }
    var pieces = Array.prototype.filter.call(document.querySelectorAll("mark.passage"), function (el) {
      return (el.getAttribute("data-passages") || "").split(" ").indexOf(match[1]) >= 0;
    });
    pieces.forEach(function (el) { el.classList.add("targeted"); });
    if (pieces.length) { pieces[0].scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", mark);
  document.addEventListener("DOMContentLoaded", mark);
})();
