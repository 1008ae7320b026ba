/* The one place the search scripts read a JSON file of the index:
 * window.gongkaiSearchLoad.loadJSON(url, options) -> Promise of the parsed JSON.
 *
 * Served over http(s) it is fetch (options.noCache revalidates, for the
 * manifest). Opened from file:// (an offline copy made by `make bundle`),
 * browsers refuse fetch, so it loads the script the bundle wrote beside every
 * JSON file, `<file>.json.js`, which hands its data to gongkaiJSONP with its
 * own <script> element: no names to agree on, whatever the index format. */
(function () {
  "use strict";
  var FROM_FILE = location.protocol === "file:";

  window.gongkaiJSONP = function (script, data) {
    if (script && script.gkResolve) script.gkResolve(data);
  };

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.gkResolve = resolve;
      script.onload = function () { script.remove(); };
      script.onerror = function () { script.remove(); reject(new Error(url + ": could not be loaded")); };
      script.src = url.split("?")[0] + ".js";
      document.head.appendChild(script);
    });
  }

  function loadJSON(url, options) {
    if (FROM_FILE) return loadScript(url);
    return fetch(url, options && options.noCache ? { cache: "no-cache" } : {}).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  window.gongkaiSearchLoad = { loadJSON: loadJSON };
})();
