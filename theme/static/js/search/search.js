/* The search page (search.html): reads ?q= (and category, year) on load, runs
 * the query on the sharded index, shows ranked results in <ol id="search-results">
 * a page at a time, announces counts in the role="status" region, offers the
 * OR results when no item has every term. Hooks are data-* attributes. */
(function () {
  "use strict";
  var PAGE_SIZE = 10;
  var root = document.querySelector('[data-module="gk-search-page"]');
  if (!root || !window.lunr || !window.gongkaiSearchIndex || !window.gongkaiSearchLoad) return;
  var lunr = window.lunr, query = window.gongkaiSearchQuery;
  var form = root.querySelector("form"), input = form.querySelector("#search-q");
  var category = form.querySelector("#search-category"), year = form.querySelector("#search-year");
  var statusEl = root.querySelector("#search-status"), list = root.querySelector("#search-results");
  var heading = root.querySelector("#search-results-heading"), pager = root.querySelector("[data-search-pages]");
  var orBox = root.querySelector("[data-search-or]"), orButton = orBox.querySelector("button");
  var base = root.getAttribute("data-index"), siteRoot = root.getAttribute("data-root");
  var opened = null, state = null;

  function text(key, values) {
    var s = root.getAttribute("data-text-" + key) || "";
    return s.replace(/\{(\w+)\}/g, function (_, k) { return values && k in values ? values[k] : ""; });
  }

  function say(message) { statusEl.textContent = message; }

  // 2025-10-09 → 2025年10月9日, as every page writes dates.
  function cnDate(iso) {
    var p = String(iso).split("-");
    return p.length === 3 ? +p[0] + "年" + (+p[1]) + "月" + (+p[2]) + "日" : iso;
  }

  function fetchJson(path) {
    var url = base + path;
    if (path !== "manifest.json") url += "?v=" + opened.manifest.build;
    return window.gongkaiSearchLoad.loadJSON(url, { noCache: path === "manifest.json" });
  }

  function open() {
    if (!opened) {
      opened = { manifest: null };
      opened.promise = window.gongkaiSearchIndex.ShardedIndex.open(lunr, fetchJson).then(function (index) {
        opened.manifest = index.manifest;
        index.manifest.years.slice().reverse().forEach(function (y) {
          var option = document.createElement("option");
          option.value = option.textContent = String(y[0]);
          year.appendChild(option);
        });
        year.value = new URLSearchParams(location.search).get("year") || "";
        return index;
      });
    }
    return opened.promise;
  }

  /* Text with the query's terms in <mark> (ASCII compared case-insensitively). */
  function highlight(el, value, terms) {
    var lower = value.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); });
    var marked = new Array(value.length);
    terms.forEach(function (term) {
      for (var at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        for (var i = at; i < at + term.length; i++) marked[i] = true;
      }
    });
    var i = 0;
    while (i < value.length) {
      var j = i;
      while (j < value.length && !!marked[j] === !!marked[i]) j++;
      var piece = document.createTextNode(value.slice(i, j));
      if (marked[i]) { var m = document.createElement("mark"); m.appendChild(piece); el.appendChild(m); }
      else el.appendChild(piece);
      i = j;
    }
  }

  function renderRow(index, row, terms) {
    var m = index.manifest, li = document.createElement("li"), a = document.createElement("a");
    li.className = "gk-search-result";
    a.href = siteRoot + row[1];
    /* One span holds the whole title: the link is a flex box (see gongkai.css), whose
     * baseline is its first line's only when the text is in a single flex item. */
    var label = document.createElement("span");
    highlight(label, row[0], terms);
    a.appendChild(label);
    var title = document.createElement("p");
    title.className = "gk-search-result__title";
    title.appendChild(a);
    li.appendChild(title);
    var meta = document.createElement("p");
    meta.className = "gk-search-result__meta";
    var parts = [[text("publisher"), m.publishers[row[2]]], [text("date"), cnDate(row[3])], [text("category"), m.categories[row[4]]]];
    if (row[5]) parts.push([text("validity"), row[5]]);
    if (row[6]) parts.push([text("doc-no"), row[6]]);
    meta.textContent = parts.map(function (p) { return p[0] + "：" + p[1]; }).join("　");
    li.appendChild(meta);
    if (row[7]) {
      var snippet = document.createElement("p");
      snippet.className = "gk-search-result__snippet";
      highlight(snippet, row[7], terms);
      li.appendChild(snippet);
    }
    return li;
  }

  function clear() {
    list.textContent = "";
    heading.hidden = pager.hidden = orBox.hidden = true;
  }

  /* Show page state.page of the results of state.plan (state.mode: "and" or "or"), after
   * the filters; moveFocus after a page change. The first page*10 results are ranked
   * exactly as lunr ranks the whole index (query.top), fetching only what they need. */
  function show(moveFocus) {
    var s = state;
    return open().then(function (index) {
      var needsCategory = category.value !== "";
      return (needsCategory ? index.categoryOf() : Promise.resolve(null)).then(function (cats) {
        var cat = needsCategory ? index.manifest.categories.indexOf(category.value).toString(36) : null;
        var y = year.value ? Number(year.value) : null;
        var keep = cat === null && y === null ? null : function (ref) {
          return (cat === null || cats.charAt(ref) === cat) && (y === null || index.yearOf(ref) === y);
        };
        s.page = Math.max(1, s.page);
        return query.top(lunr, index, s.plan, s.mode, s.page * PAGE_SIZE, keep).then(function (found) {
          if (s !== state) return;
          // total null: more than the pages so far hold every term, how many more is not fetched
          var known = found.total !== null, pages = Math.max(1, Math.ceil(found.atLeast / PAGE_SIZE));
          if (known && s.page > pages) { s.page = pages; return show(moveFocus); }
          var slice = found.results.slice((s.page - 1) * PAGE_SIZE);
          return index.rows(slice.map(function (r) { return r.ref; })).then(function (rows) {
            if (s !== state) return;
            clear();
            if (!found.atLeast) {
              say(text("filtered-none"));
              return;
            }
            rows.forEach(function (row) { list.appendChild(renderRow(index, row, s.plan.terms)); });
            heading.hidden = false;
            pager.hidden = known && pages < 2;
            pager.querySelector("[data-search-prev]").disabled = s.page <= 1;
            pager.querySelector("[data-search-next]").disabled = known && s.page >= pages;
            var values = { count: found.atLeast, page: s.page, pages: pages, query: s.query };
            say(s.mode === "or" ? text(s.oneWord ? "or-showing-word" : "or-showing", values)
              : text(known ? "count" : "count-at-least", values));
            if (moveFocus) heading.focus();
          });
        });
      });
    });
  }

  function search(q) {
    clear();
    if (!query.plan(q).terms.length) { state = null; say(q.trim() ? text("nothing") : text("empty")); return Promise.resolve(); }
    say(text("loading"));
    // One word typed (no spaces) is still several bigrams: the messages speak of the word, not of "terms".
    var s = state = { plan: null, page: 1, mode: "and", query: q.trim(), oneWord: !/\s/.test(q.trim()) };
    return open().then(function (index) {
      var plan = s.plan = query.plan(q, index.manifest);
      return index.loadShards(index.shardsFor(plan)).then(function () {
        return query.anyHoldsAll(index, plan);
      }).then(function (holdsAll) {
        if (s !== state) return;
        if (holdsAll) return show(false);
        var any = plan.terms.length > 1 && plan.clauses.length ? index.anyRefs(plan).size : 0;
        if (!any) { say(text("nothing")); return; }
        say(s.oneWord ? text("none-word", { query: s.query }) : text("none"));
        orButton.textContent = text(s.oneWord ? "or-offer-word" : "or-offer", { count: any });
        orBox.hidden = false;
      });
    }).catch(function (error) {
      if (window.console) console.error(error);
      say(text("error"));
    });
  }

  function fromLocation() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    category.value = params.get("category") || "";
    if (opened && opened.manifest) year.value = params.get("year") || "";
    if (input.value) search(input.value);
    else { state = null; clear(); say(""); }
  }

  function pushLocation() {
    var params = new URLSearchParams();
    params.set("q", input.value);
    if (category.value) params.set("category", category.value);
    if (year.value) params.set("year", year.value);
    history.pushState(null, "", "?" + params.toString());
  }

  root.querySelector("[data-search-nojs]").hidden = true;
  form.querySelector("[data-search-filters]").hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    pushLocation();
    search(input.value);
  });
  [category, year].forEach(function (select) {
    select.addEventListener("change", function () {
      if (!state) return;
      pushLocation();
      state.page = 1;
      show(false);
    });
  });
  orButton.addEventListener("click", function () {
    if (!state) return;
    state.mode = "or";
    state.page = 1;
    show(true);
  });
  pager.querySelector("[data-search-prev]").addEventListener("click", function () { state.page--; show(true); });
  pager.querySelector("[data-search-next]").addEventListener("click", function () { state.page++; show(true); });
  window.addEventListener("popstate", fromLocation);
  fromLocation();
})();
