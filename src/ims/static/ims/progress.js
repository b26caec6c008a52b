// Follows a background job: polls its JSON twin once a second and moves the progress bar.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("job-progress");
    if (!box) { return; }
    var bar = document.getElementById("job-bar");
    var text = document.getElementById("job-text");
    function poll() {
      fetch(box.getAttribute("data-progress-url"), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          bar.value = job.percent;
          bar.textContent = job.percent + "%";
          text.firstChild.nodeValue = job.processed + " / " + job.total + " · ";
          box.setAttribute("data-status", job.status);
          if (job.status === "done" || job.status === "failed") {
            window.location.reload();
          } else {
            setTimeout(poll, 1000);
          }
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    var status = box.getAttribute("data-status");
    if (status === "queued" || status === "running") { setTimeout(poll, 500); }
  });
})();
