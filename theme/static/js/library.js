/* 政策文件库 filter (data-module="gk-library"): shows the form, fetches
   library/documents.json the first time it is used, and lists the documents
   matching 发布机构, 年份, 有效性 and words of the title or 文号. Without
   this script the static per-有效性 and per-year pages do the same job.
   Rows: [标题, 文号, 发布机构, 发布日期 (ISO), 有效性, url], newest first. */
(function () {
  'use strict';
  var root = document.querySelector('[data-module="gk-library"]');
  if (!root || !window.fetch) return;
  var form = root.querySelector('[data-library-form]');
  var status = root.querySelector('[data-library-status]');
  var results = root.querySelector('[data-library-results]');
  var text = function (name) { return root.getAttribute('data-text-' + name) || ''; };
  var rows = null;
  var LIMIT = 200;  // rows drawn at once; the count says how many match

  function cnDate(iso) {
    var p = iso.split('-');
    return +p[0] + '年' + (+p[1]) + '月' + (+p[2]) + '日';
  }
  function cell(tr, tag, value, label) {
    var td = document.createElement(tag);
    if (label) td.setAttribute('data-label', label);
    if (value && value.nodeType) td.appendChild(value); else td.textContent = value || '';
    tr.appendChild(td);
    return td;
  }
  function draw(found) {
    results.textContent = '';
    status.textContent = found.length ? text('count').replace('{count}', found.length) : text('none');
    if (!found.length) return;
    var table = document.createElement('table');
    table.className = 'gk-item-list';
    table.createCaption().textContent = text('caption');
    var head = table.createTHead().insertRow();
    ['title', 'publisher', 'doc-no', 'date', 'validity'].forEach(function (name) {
      var th = cell(head, 'th', text(name));
      th.setAttribute('scope', 'col');
    });
    var body = table.createTBody();
    found.slice(0, LIMIT).forEach(function (r) {
      var tr = body.insertRow();
      var link = document.createElement('a');
      link.href = root.getAttribute('data-root') + r[5];
      link.textContent = r[0];
      cell(tr, 'td', link).className = 'gk-item-list__title';
      cell(tr, 'td', r[2], text('publisher'));
      cell(tr, 'td', r[1], text('doc-no'));
      var time = document.createElement('time');
      time.setAttribute('datetime', r[3]);
      time.textContent = cnDate(r[3]);
      cell(tr, 'td', time, text('date'));
      cell(tr, 'td', r[4], text('validity'));
    });
    results.appendChild(table);
  }
  function filter() {
    var words = form.elements.text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var organ = form.elements.organ.value, year = form.elements.year.value, validity = form.elements.validity.value;
    draw(rows.filter(function (r) {
      if (organ && r[2] !== organ) return false;
      if (year && r[3].slice(0, 4) !== year) return false;
      if (validity && r[4] !== validity) return false;
      var hay = (r[0] + ' ' + r[1]).toLowerCase();
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    }));
  }
  function run(event) {
    if (event) event.preventDefault();
    if (rows) { filter(); return; }
    status.textContent = text('loading');
    fetch(root.getAttribute('data-src')).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) { rows = data; filter(); })
      .catch(function () { status.textContent = text('error'); });
  }
  root.hidden = false;
  form.addEventListener('submit', run);
  form.addEventListener('change', function () { run(); });
})();
