// Live status for an investigation that is queued or running: polls the status endpoint every 2 s,
// writes the status with textContent only, and reloads the page once the run has finished.
(function () {
  "use strict";
  var el = document.getElementById("live-status");
  if (!el) return;
  var url = el.getAttribute("data-status-url");
  if (!url) return;
  var LIVE = { queued: true, running: true };
  var failures = 0;

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { accept: "application/json" }, cache: "no-store" })
      .then(function (res) {
        if (!res.ok) throw new Error("HTTP " + res.status);
        return res.json();
      })
      .then(function (data) {
        failures = 0;
        var status = typeof data.status === "string" ? data.status : "";
        var text = typeof data.status_text === "string" ? data.status_text : status;
        var badge = el.firstElementChild || el;
        badge.textContent = text;
        if (status && !LIVE[status]) {
          window.location.reload();
          return;
        }
        window.setTimeout(tick, 2000);
      })
      .catch(function () {
        failures += 1;
        var badge = el.firstElementChild || el;
        if (failures >= 3) badge.textContent = "Status unavailable — reload the page";
        window.setTimeout(tick, Math.min(30000, 2000 * failures));
      });
  }
  window.setTimeout(tick, 2000);
})();
