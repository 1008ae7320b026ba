/* Display settings (data-module="gk-settings"): remembers the text size and
   长者模式 in localStorage. The choice itself works without this script: the
   CSS reads the checked inputs (html:has(...:checked)). */
(function () {
  'use strict';
  var KEY = 'gongkai.settings';
  var root = document.querySelector('[data-module="gk-settings"]');
  if (!root) return;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(settings) {
    try { window.localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* private mode: still works for this page */ }
  }

  var saved = load();
  var size = root.querySelector('input[name="gk-size"][value="' + saved.size + '"]');
  if (size) size.checked = true;
  var senior = root.querySelector('input[name="gk-senior"]');
  if (senior && typeof saved.senior === 'boolean') senior.checked = saved.senior;

  root.addEventListener('change', function () {
    var checked = root.querySelector('input[name="gk-size"]:checked');
    save({ size: checked ? checked.value : 'standard', senior: !!(senior && senior.checked) });
  });
})();
