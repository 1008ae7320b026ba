/* Live preview only (served by tools/devserver.py at /__devserver__/reload.js,
 * never part of the published site): reload the page when a build finishes.
 * The page's own build generation is in this script's ?g=; the preview's
 * current one is polled from /__devserver__/status once a second. */
(function () {
  "use strict";
  var script = document.currentScript;
  var mine = Number(new URL(script.src).searchParams.get("g"));
  function poll() {
    fetch("/__devserver__/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (s.generation !== mine) location.reload();
      else setTimeout(poll, 1000);
    }, function () { setTimeout(poll, 2000); });  // the preview is restarting: try again
  }
  setTimeout(poll, 1000);
})();
