/* Display settings (data-module="gk-settings"): remembers the text size and
   长者模式 in localStorage. The choice itself works without this script: the
   CSS reads the checked inputs (html:has(...:checked)). The script also
   mirrors them as data-gk-size / data-gk-senior on <html>, for browsers
   without :has() (older phones). */
(function () {
  'use strict';
  var KEY = 'gongkai.settings';
  var html = document.documentElement;
  var root = document.querySelector('[data-module="gk-settings"]');
  if (!root) return;
  var senior = root.querySelector('input[name="gk-senior"]');

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(settings) {
    try { window.localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* private mode: still works for this page */ }
  }
  function current() {
    var checked = root.querySelector('input[name="gk-size"]:checked');
    return { size: checked ? checked.value : 'standard', senior: !!(senior && senior.checked) };
  }
  function apply(settings) {
    if (settings.size === 'standard') html.removeAttribute('data-gk-size');
    else html.setAttribute('data-gk-size', settings.size);
    if (settings.senior) html.setAttribute('data-gk-senior', '');
    else html.removeAttribute('data-gk-senior');
  }

  var saved = load();
  var size = root.querySelector('input[name="gk-size"][value="' + saved.size + '"]');
  if (size) size.checked = true;
  if (senior && typeof saved.senior === 'boolean') senior.checked = saved.senior;
  apply(current());

  root.addEventListener('change', function () {
    var settings = current();
    apply(settings);
    save(settings);
  });
})();
