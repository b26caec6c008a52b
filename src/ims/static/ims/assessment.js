// The proposal form refreshes its result through live-filter.js; this file only shows the weight fields
// when the user picks their own weighting instead of a named scenario.
(function () {
  "use strict";
  var OWN_WEIGHTS = "eigen-weging";
  function showWeights(form) {
    var select = form.querySelector("select[name=scenario]");
    var weights = form.querySelector(".weights");
    if (select && weights) { weights.hidden = select.value !== OWN_WEIGHTS; }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.proposal-form").forEach(function (form) {
      showWeights(form);
      form.addEventListener("change", function () { showWeights(form); });
    });
  });
})();
