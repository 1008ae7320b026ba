/* The term-sharded index, read in the browser (and in node by the tests).
 * Format "gongkai-search" version 1: see plugins/search_index/shards.py.
 * Fetches the manifest, then only the shards that hold the query's terms,
 * and merges them into a real lunr.Index (via lunr.Index.load, so lunr's own
 * version check and its "Cannot load unregistered function" guard apply).
 * lunr scores a document as dot(query, document field vector) / |query|, so
 * an index holding only the query's terms scores exactly as the whole one. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./tokenizer.js"));
  else root.gongkaiSearchIndex = factory(root.gongkaiTokenizer);
})(typeof self !== "undefined" ? self : this, function (tokenizer) {
  "use strict";
  var FORMAT = "gongkai-search";
  var VERSION = 1;

  function check(manifest, lunr) {
    if (!manifest || manifest.format !== FORMAT) throw new Error("not a " + FORMAT + " manifest");
    if (manifest.version !== VERSION) {
      throw new Error(FORMAT + " index version " + manifest.version + ", this page reads version " + VERSION);
    }
    var t = manifest.tokenizer || {};
    if (t.name !== tokenizer.NAME || t.version !== tokenizer.VERSION) {
      throw new Error("index tokenized with " + t.name + " v" + t.version + ", this page has " +
                      tokenizer.NAME + " v" + tokenizer.VERSION);
    }
    if (manifest.lunr !== lunr.version) {
      throw new Error("index made for lunr " + manifest.lunr + ", this page has lunr " + lunr.version);
    }
  }

  /* fetchJson(path) -> Promise of the parsed JSON of a file below the index folder. */
  function ShardedIndex(lunr, manifest, fetchJson) {
    check(manifest, lunr);
    tokenizer.register(lunr);
    this.lunr = lunr;
    this.manifest = manifest;
    this.fetchJson = fetchJson;
    this.fields = manifest.fields.map(function (f) { return f.name; });
    this.records = Object.create(null); // term -> shard record
    this.loaded = Object.create(null); // shard number -> Promise
    this.chunks = Object.create(null);
    this.bytes = 0;
  }

  ShardedIndex.open = function (lunr, fetchJson) {
    return fetchJson("manifest.json").then(function (manifest) {
      return new ShardedIndex(lunr, manifest, fetchJson);
    });
  };

  /* The shard holding term: the last shard whose first term is <= term. */
  ShardedIndex.prototype.shardOf = function (term) {
    var b = this.manifest.shards, lo = 0, hi = b.length - 1;
    if (!b.length || term < b[0]) return -1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (b[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  /* Shards that may hold terms starting with prefix (a contiguous run). */
  ShardedIndex.prototype.shardsForPrefix = function (prefix) {
    var b = this.manifest.shards, first = this.shardOf(prefix), out = [];
    if (first < 0) first = 0;
    if (!b.length) return out;
    out.push(first);
    for (var i = first + 1; i < b.length && b[i].slice(0, prefix.length) === prefix; i++) out.push(i);
    return out;
  };

  ShardedIndex.prototype.shardsFor = function (plan) {
    var self = this, wanted = {};
    plan.clauses.forEach(function (c) {
      var list = c.prefix ? self.shardsForPrefix(c.term) : [self.shardOf(c.term)];
      list.forEach(function (n) { if (n >= 0) wanted[n] = true; });
    });
    return Object.keys(wanted).map(Number).sort(function (a, b) { return a - b; });
  };

  ShardedIndex.prototype.loadShards = function (numbers) {
    var self = this;
    return Promise.all(numbers.map(function (n) {
      if (!self.loaded[n]) {
        self.loaded[n] = self.fetchJson("s/" + n + ".json").then(function (shard) {
          shard.t.forEach(function (record) { self.records[record[0]] = record; });
        });
      }
      return self.loaded[n];
    }));
  };

  /* The refs that can satisfy every required clause of plan (from the loaded shards):
   * an AND query needs the other terms' postings for these documents only. */
  ShardedIndex.prototype.candidates = function (plan) {
    var self = this, terms = Object.keys(this.records), result = null;
    plan.clauses.forEach(function (c) {
      if (!c.required || (result && !result.size)) return;
      var refs = new Set();
      terms.forEach(function (term) {
        if (term !== c.term && !(c.prefix && term.slice(0, c.term.length) === c.term)) return;
        var record = self.records[term];
        for (var f = 2; f < record.length; f++) {
          if (!record[f]) continue;
          var ref = 0, deltas = record[f][0];
          for (var i = 0; i < deltas.length; i++) { ref += deltas[i]; refs.add(ref); }
        }
      });
      if (result === null) result = refs;
      else result.forEach(function (ref) { if (!refs.has(ref)) result.delete(ref); });
    });
    return result;
  };

  /* A lunr.Index of every term loaded so far, through lunr's own loader; with only
   * (a Set of refs, from candidates()) the postings of other documents are left out,
   * which changes no score of those documents and spares lunr most of the work. */
  ShardedIndex.prototype.lunrIndex = function (only) {
    var self = this, lunr = this.lunr, fields = this.fields;
    var terms = Object.keys(this.records).sort();
    var vectors = Object.create(null), inverted = [];
    terms.forEach(function (term) {
      var record = self.records[term], posting = { _index: record[1] };
      fields.forEach(function (field, f) {
        var refs = {}, entry = record[2 + f];
        if (entry) {
          var ref = 0, deltas = entry[0], weights = entry[1];
          for (var i = 0; i < deltas.length; i++) {
            ref += deltas[i];
            if (only && !only.has(ref)) continue;
            refs[ref] = {};
            var key = field + "/" + ref;
            (vectors[key] || (vectors[key] = [])).push([record[1], weights[i] / 1000]);
          }
        }
        posting[field] = refs;
      });
      inverted.push([term, posting]);
    });
    var fieldVectors = Object.keys(vectors).map(function (key) {
      var flat = [];
      vectors[key].sort(function (a, b) { return a[0] - b[0]; }).forEach(function (p) { flat.push(p[0], p[1]); });
      return [key, flat];
    });
    return lunr.Index.load({ version: lunr.version, fields: fields, fieldVectors: fieldVectors,
                             invertedIndex: inverted, pipeline: this.manifest.pipeline });
  };

  /* Display rows for refs (fetched in chunks of manifest.docChunk). */
  ShardedIndex.prototype.rows = function (refs) {
    var self = this, size = this.manifest.docChunk;
    return Promise.all(refs.map(function (ref) {
      var n = Math.floor(ref / size);
      if (!self.chunks[n]) self.chunks[n] = self.fetchJson("d/" + n + ".json");
      return self.chunks[n].then(function (rows) { return rows[ref - n * size]; });
    }));
  };

  ShardedIndex.prototype.categoryOf = function () {
    if (!this.facets) this.facets = this.fetchJson("facets.json");
    return this.facets.then(function (f) { return f.categories; });
  };

  /* Year of a ref, from the manifest's first ref of each year (refs are chronological). */
  ShardedIndex.prototype.yearOf = function (ref) {
    var years = this.manifest.years, year = null;
    for (var i = 0; i < years.length && years[i][1] <= ref; i++) year = years[i][0];
    return year;
  };

  return { FORMAT: FORMAT, VERSION: VERSION, ShardedIndex: ShardedIndex };
});
