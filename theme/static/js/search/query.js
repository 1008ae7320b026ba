/* Query semantics, shared by the search page and the tests:
 * - the query is cut into terms by the same tokenizer as the index, with joints
 *   (局2016年 -> 局 局2 2016 6年 年; 办法 通知 -> 办法 法通 通知);
 * - every term is required (AND) by default; "or" mode makes them all optional;
 * - a joint (a boundary bigram, or a bridge across the query's spaces and marks) is
 *   optional: only titles keep them (a body would pay for one in every date), so it
 *   ranks a title holding the query's words in their order first without ruling out
 *   a body that holds them, and "营商环境 政策" still finds items holding both words;
 *   a title typed without its marks (办法的通知 for 办法》的通知) needs nothing else:
 *   the title's bridge 法的 is an ordinary bigram of the query;
 * - the first and last terms may be cut off, since people type pieces of titles:
 *   - a lone Han character or a one-character ASCII word at an edge, next to a
 *     boundary bigram (not a bridge: a space was typed), is carried by that bigram
 *     and dropped (局2016… , …府2);
 *   - a lone Han character at the end is the start of a bigram (关于 通 -> 通*):
 *     a prefix, and optional (the other terms still decide);
 *   - a lone Han character at the start is the end of a bigram we cannot see:
 *     optional, as is a number at the start (017年第6期 for 2017年第6期);
 *   - an ASCII word or number at the end (two characters or more) is a prefix
 *     (202 -> 2020, 2024…), as is a lone Han character that is the whole query (税*);
 *   a Han bigram is already whole: 老旧小区改 gives 老旧 旧小 小区 区改, all in 老旧小区改造;
 *   a number of 1-3 digits before 年 at the start is the end of a year when exactly one
 *   year ends so among the catalog's years and ten years either side (17年 or 017年 ->
 *   2017, as people say and as pieces cut), and dropped when several do (6年: 2016 or
 *   2026; the boundary bigram 6年 still counts);
 *   if that would leave no required term, the others are all required;
 * - fields are boosted at build time (title, 文号, 索引号; see documents.py);
 * - results are ranked by lunr's score, ties newest first (a higher ref is newer),
 *   after the items that hold every term of the query in one quoted field (title,
 *   文号, 索引号; manifest fields[].quoted): a piece of a title finds that title
 *   before a short one holding some of its words and a body holding the rest,
 *   which bag-of-words scores cannot tell apart. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./tokenizer.js"));
  else root.gongkaiSearchQuery = factory(root.gongkaiTokenizer);
})(typeof self !== "undefined" ? self : this, function (tokenizer) {
  "use strict";
  var ASCII = /^[0-9a-z]+$/, ASCII_CHAR = /^[0-9a-z]$/;

  function kind(term, joint) {
    if (joint) return joint === "touch" ? "boundary" : "bridge";
    if (ASCII.test(term)) return "ascii";
    var chars = Array.from(term);
    if (chars.length === 1) return "lone";
    return ASCII_CHAR.test(chars[0]) || ASCII_CHAR.test(chars[1]) ? "boundary" : "bigram";
  }

  /* The years a title may name: the catalog's, and ten years either side (plans, reviews). */
  function yearsAround(years) {
    if (!years.length) return [];
    var out = [];
    for (var y = Math.min.apply(null, years) - 10; y <= Math.max.apply(null, years) + 10; y++) out.push(String(y));
    return out;
  }

  /* One clause per token ({term, prefix, required}, or null when dropped). */
  function clause(terms, kinds, i, years) {
    var term = terms[i], k = kinds[i], n = terms.length;
    var first = i === 0 && n > 1, last = i === n - 1 && n > 1;
    if (k === "boundary" || k === "bridge") return { term: term, prefix: false, required: false };
    if ((first && kinds[1] === "boundary" && (k === "lone" || term.length === 1)) ||
        (last && kinds[i - 1] === "boundary" && (k === "lone" || term.length === 1))) return null;
    if (first && /^[0-9]{1,3}$/.test(term) && terms[1] === term.slice(-1) + "年") {
      var ending = yearsAround(years).filter(function (y) { return y.slice(-term.length) === term; });
      return ending.length === 1 ? { term: ending[0], prefix: false, required: true } : null;
    }
    if (k === "ascii") return { term: term, prefix: (i === n - 1 && term.length >= 2), required: !first };
    if (k === "lone") return { term: term, prefix: n === 1 || last, required: !(first || last) };
    return { term: term, prefix: false, required: true };
  }

  /* tokens: [term, joint] pairs (tokenizer.joinedTokens). */
  function clauses(tokens, years) {
    var terms = tokens.map(function (t) { return t[0]; });
    var kinds = tokens.map(function (t) { return kind(t[0], t[1]); }), out = [], byTerm = Object.create(null);
    terms.forEach(function (term, i) {
      var c = clause(terms, kinds, i, years);
      if (!c) return;
      c.joint = kinds[i] === "boundary" || kinds[i] === "bridge";
      var seen = byTerm[c.term];
      if (!seen) { out.push(byTerm[c.term] = c); return; }
      seen.required = seen.required || c.required; // a repeated term keeps its strongest role
      seen.prefix = seen.prefix && c.prefix;
      seen.joint = seen.joint && c.joint;
    });
    if (!out.some(function (c) { return c.required; })) {
      var words = out.filter(function (c) { return !c.joint; });
      (words.length ? words : out).forEach(function (c) { c.required = true; });
    }
    return out;
  }

  /* manifest: the index's manifest (its years, for a year cut short at the start,
   * and its quoted fields); without it, a plan that only tells whether there are terms. */
  function plan(text, manifest) {
    var tokens = tokenizer.joinedTokens(text, true), terms = tokens.map(function (t) { return t[0]; });
    manifest = manifest || { years: [], fields: [] };
    return {
      terms: terms.filter(function (t, i) { return terms.indexOf(t) === i; }), // for highlighting
      clauses: clauses(tokens, manifest.years.map(function (y) { return y[0]; })),
      quoted: manifest.fields.filter(function (f) { return f.quoted; }).map(function (f) { return f.name; })
    };
  }

  /* Refs that hold every clause's term (a prefix: some term it starts) in one of the
   * plan's quoted fields, read from the lunr.Index's own postings. */
  function quotedWhole(index, thePlan) {
    var inverted = index.invertedIndex, keys = null, whole = new Set();
    function terms(c) {
      if (!c.prefix) return c.term in inverted ? [c.term] : [];
      keys = keys || Object.keys(inverted);
      return keys.filter(function (t) { return t.slice(0, c.term.length) === c.term; });
    }
    thePlan.quoted.forEach(function (field) {
      var refs = null;
      thePlan.clauses.forEach(function (c) {
        if (refs && !refs.size) return;
        var here = new Set();
        terms(c).forEach(function (t) { Object.keys(inverted[t][field] || {}).forEach(function (r) { here.add(r); }); });
        refs = refs === null ? here : new Set(Array.from(refs).filter(function (r) { return here.has(r); }));
      });
      (refs || []).forEach(function (r) { whole.add(r); });
    });
    return whole;
  }

  /* Run a plan on a lunr.Index: [{ref: Number, score}] by score, ties newest first.
   * mode "and": every required clause must match; "or": any clause; "pruned": the index
   * holds only documents that have every required term (ShardedIndex.candidates), so
   * lunr may treat every clause as optional: the same results, and lunr skips its
   * required-set bookkeeping (3-4 times faster on a query of several terms). */
  function run(lunr, index, thePlan, mode) {
    if (!thePlan.clauses.length) return [];
    var P = lunr.Query.presence;
    var whole = quotedWhole(index, thePlan);
    return index.query(function (q) {
      thePlan.clauses.forEach(function (c) {
        q.term(c.term, { presence: mode === "and" && c.required ? P.REQUIRED : P.OPTIONAL, usePipeline: false,
                         wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
      });
    }).map(function (r) { return { ref: Number(r.ref), score: r.score, quoted: whole.has(r.ref) }; })
      .sort(function (a, b) { return b.quoted - a.quoted || b.score - a.score || b.ref - a.ref; });
  }

  var SLACK = 1e-6; // far above the float error of a sum of weights, far below a thousandth

  function namedTerms(index, thePlan) {
    return Array.from(new Set([].concat.apply([], index.clauseTerms(thePlan))));
  }

  /* Promise of whether some item holds every required term of the plan (the shards
   * loaded). An item that holds them all in a quoted field tells without the blocks of
   * very common terms' bodies; else they are fetched. */
  function anyHoldsAll(index, thePlan) {
    if (!thePlan.clauses.length) return Promise.resolve(false);
    if (index.quotedRefs(thePlan).size) return Promise.resolve(true);
    return index.loadBlocks(namedTerms(index, thePlan), null).then(function () {
      var all = index.candidates(thePlan);
      return !!(all && all.size);
    });
  }

  /* The first k results of a plan on a ShardedIndex whose shards are loaded, exactly as
   * run() on the whole index gives them, and how many results there are:
   * Promise of {results, total, atLeast, scored}. keep(ref), if given, filters the
   * results first. Every result is bounded (ShardedIndex.bounds); one whose best score
   * cannot reach the k-th best least score (in its tier: quoted ones first) cannot be
   * among the first k, so only the others' length blocks and posting blocks are fetched
   * and lunr scores only them. When k items hold every term in a quoted field (an AND
   * query), the first k are among them, and the blocks of very common terms' bodies are
   * fetched only for the shortlist: the count is then unknown (total null, atLeast). */
  function top(lunr, index, thePlan, mode, k, keep) {
    if (!thePlan.clauses.length) return Promise.resolve({ results: [], total: 0, atLeast: 0, scored: 0 });
    var terms = namedTerms(index, thePlan), quoted = index.quotedRefs(thePlan), refs, total;
    var kept = function (ref) { return !keep || keep(ref); };
    if (index.complete(terms)) {
      var set = (mode === "and" && index.candidates(thePlan)) || index.anyRefs(thePlan);
      refs = Array.from(set).filter(kept);
      total = refs.length;
    } else {
      refs = Array.from(quoted).filter(kept);
      if (mode !== "and" || refs.length < k) {
        return index.loadBlocks(terms, null).then(function () { return top(lunr, index, thePlan, mode, k, keep); });
      }
      total = null;
    }
    var shortlist = refs;
    if (refs.length > k) {
      var bounds = index.bounds(thePlan, refs);
      var tier = refs.map(function (ref) { return quoted.has(ref); });
      var order = refs.map(function (_, i) { return i; }).sort(function (x, y) {
        return tier[y] - tier[x] || bounds.lo[y] - bounds.lo[x];
      });
      var kth = order[k - 1], floor = bounds.lo[kth] - SLACK;
      shortlist = refs.filter(function (_, i) {
        return tier[i] > tier[kth] || (tier[i] === tier[kth] && bounds.hi[i] >= floor);
      });
    }
    return Promise.all([index.loadLengths(shortlist), index.loadBlocks(terms, shortlist)]).then(function () {
      var results = run(lunr, index.lunrIndex(thePlan, new Set(shortlist)), thePlan, "or");
      return { results: results.slice(0, k), total: total, atLeast: refs.length, scored: shortlist.length };
    });
  }

  return { plan: plan, run: run, top: top, anyHoldsAll: anyHoldsAll };
});
