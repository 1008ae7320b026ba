/* The search tokenizer, query-time twin of plugins/search_index/tokenizer.py
 * (which holds the SPEC; version 1). Same steps, same character classes:
 * NFKC; ASCII letter/digit runs lower-cased and kept whole; Han runs split
 * into overlapping bigrams (a lone Han character stays a unigram), counted in
 * code points; everything else dropped. Registered with lunr.js as the
 * pipeline function "gongkai-tokenize", the name lunr.py's index carries.
 * Works as a browser global (window.gongkaiTokenizer) and as a node module. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.gongkaiTokenizer = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var NAME = "gongkai-tokenize";
  var VERSION = 1;
  var HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\\u{20000}-\\u{323af}";
  var TOKEN_RE = new RegExp("([0-9A-Za-z]+)|([" + HAN + "]+)", "gu");

  function tokenize(text) {
    var out = [];
    var s = String(text).normalize("NFKC");
    var m;
    TOKEN_RE.lastIndex = 0;
    while ((m = TOKEN_RE.exec(s)) !== null) {
      if (m[1]) {
        out.push(m[1].toLowerCase());
      } else {
        var chars = Array.from(m[2]);
        if (chars.length === 1) out.push(chars[0]);
        for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      }
    }
    return out;
  }

  function register(lunr) {
    function pipelineTokenize(token) {
      return tokenize(token.toString()).map(function (term) {
        return token.clone(function () { return term; });
      });
    }
    if (!lunr.Pipeline.registeredFunctions[NAME]) lunr.Pipeline.registerFunction(pipelineTokenize, NAME);
    return pipelineTokenize;
  }

  return { NAME: NAME, VERSION: VERSION, tokenize: tokenize, register: register };
});
