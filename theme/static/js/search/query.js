/* Query semantics, shared by the search page and the tests:
 * - the query is cut into terms by the same tokenizer as the index;
 * - every term is required (AND) by default; "or" mode makes them all optional;
 * - the first and last terms may be cut off, since people type pieces of titles:
 *   - a lone Han character at the end is the start of a bigram (2024年 -> 年*, matching
 *     年度, 年政…): a prefix, and optional (the other terms still decide);
 *   - a lone Han character at the start (局2016年) is the end of a bigram (运输局):
 *     optional, as is a number at the start (017年第6期 for 2017年第6期);
 *   - an ASCII word or number at the end (two characters or more) is a prefix
 *     (202 -> 2020, 2024…), as is a lone Han character that is the whole query (税*);
 *   a Han bigram is already whole: 老旧小区改 gives 老旧 旧小 小区 区改, all in 老旧小区改造;
 *   a number of 1-3 digits before 年 at the start is the end of a year when exactly one
 *   year of the catalog ends so (17年 or 017年 -> 2017, as people say and as pieces cut);
 *   if that would leave no required term, all stay required;
 * - fields are boosted at build time (title, 文号, 索引号; see documents.py);
 * - results are ranked by lunr's score, ties newest first (a higher ref is newer). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./tokenizer.js"));
  else root.gongkaiSearchQuery = factory(root.gongkaiTokenizer);
})(typeof self !== "undefined" ? self : this, function (tokenizer) {
  "use strict";
  var ASCII = /^[0-9a-z]+$/;

  function clauses(terms, years) {
    var n = terms.length;
    var out = terms.map(function (term, i) {
      if (i === 0 && n > 1 && /^[0-9]{1,3}$/.test(term) && terms[1].charAt(0) === "年") {
        var ending = (years || []).map(String).filter(function (y) { return y.slice(-term.length) === term; });
        if (ending.length === 1) return { term: ending[0], prefix: false, required: true };
      }
      var ascii = ASCII.test(term), lone = !ascii && Array.from(term).length === 1;
      var first = i === 0 && n > 1, last = i === n - 1 && n > 1;
      return {
        term: term,
        prefix: (i === n - 1 && ascii && term.length >= 2) || (n === 1 && lone) || (last && lone),
        required: !((first && (lone || ascii)) || (last && lone))
      };
    });
    if (!out.some(function (c) { return c.required; })) out.forEach(function (c) { c.required = true; });
    return out;
  }

  /* years: the catalog's years (manifest.years), for a year cut short at the start. */
  function plan(text, years) {
    var seen = Object.create(null), terms = [];
    tokenizer.tokenize(text).forEach(function (t) {
      if (!seen[t]) { seen[t] = true; terms.push(t); }
    });
    return {
      terms: terms,
      clauses: clauses(terms, years)
    };
  }

  /* Run a plan on a lunr.Index: [{ref: Number, score}] by score, ties newest first. */
  function run(lunr, index, thePlan, mode) {
    if (!thePlan.clauses.length) return [];
    var P = lunr.Query.presence;
    return index.query(function (q) {
      thePlan.clauses.forEach(function (c) {
        q.term(c.term, { presence: mode !== "or" && c.required ? P.REQUIRED : P.OPTIONAL, usePipeline: false,
                         wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
      });
    }).map(function (r) { return { ref: Number(r.ref), score: r.score }; })
      .sort(function (a, b) { return b.score - a.score || b.ref - a.ref; });
  }

  return { plan: plan, run: run };
});
