/* The search tokenizer, query-time twin of plugins/search_index/tokenizer.py
 * (which holds the SPEC; version 3). Same steps, same character classes:
 * NFKC; ASCII letter/digit runs lower-cased and kept whole; Han runs split
 * into overlapping bigrams (a lone Han character stays a unigram), counted in
 * code points; everything else dropped; with boundaries, joints: the two
 * characters that face each other across consecutive runs form a bigram too,
 * unless both runs are ASCII (局2016 -> 局2; 办法》的 -> 法的).
 * Registered with lunr.js as the pipeline functions "gongkai-tokenize" and
 * "gongkai-tokenize-boundary", the names lunr.py's index carries.
 * Works as a browser global (window.gongkaiTokenizer) and as a node module. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.gongkaiTokenizer = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var NAME = "gongkai-tokenize";
  var BOUNDARY_NAME = "gongkai-tokenize-boundary";
  var VERSION = 3;
  var HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\\u{20000}-\\u{323af}";
  var TOKEN_RE = new RegExp("([0-9A-Za-z]+)|([" + HAN + "]+)", "gu");

  /* [term, joint] pairs, joint "" (none), "touch" (a boundary bigram) or "gap" (a bridge);
   * joints only with boundaries (tokenizer.py: joined_tokens). */
  function joinedTokens(text, boundaries) {
    var out = [], last = "", lastWord = false, end = -1;
    var s = String(text).normalize("NFKC");
    var m;
    TOKEN_RE.lastIndex = 0;
    while ((m = TOKEN_RE.exec(s)) !== null) {
      var chars = Array.from(m[1] ? m[1].toLowerCase() : m[2]);
      // runs of one kind are maximal: touching runs differ in kind; runs apart join unless both are words
      if (boundaries && last && !(m[1] && lastWord)) out.push([last + chars[0], m.index === end ? "touch" : "gap"]);
      if (m[1]) out.push([chars.join(""), ""]);
      else if (chars.length === 1) out.push([chars[0], ""]);
      else for (var i = 0; i + 1 < chars.length; i++) out.push([chars[i] + chars[i + 1], ""]);
      end = TOKEN_RE.lastIndex;
      last = chars[chars.length - 1];
      lastWord = !!m[1];
    }
    return out;
  }

  function tokenize(text, boundaries) {
    return joinedTokens(text, boundaries).map(function (t) { return t[0]; });
  }

  function register(lunr) {
    [[NAME, false], [BOUNDARY_NAME, true]].forEach(function (f) {
      if (lunr.Pipeline.registeredFunctions[f[0]]) return;
      lunr.Pipeline.registerFunction(function (token) {
        return tokenize(token.toString(), f[1]).map(function (term) {
          return token.clone(function () { return term; });
        });
      }, f[0]);
    });
  }

  return { NAME: NAME, BOUNDARY_NAME: BOUNDARY_NAME, VERSION: VERSION, tokenize: tokenize, joinedTokens: joinedTokens, register: register };
});
