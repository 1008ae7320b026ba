/* The term-sharded index, read in the browser (and in node by the tests).
 * Format "gongkai-search" version 3: see plugins/search_index/shards.py.
 * Fetches the manifest, then only the shards that hold the query's terms,
 * bounds every candidate's score (bounds: a body's length is not in the shard),
 * fetches the length blocks of the candidates that can reach the page shown,
 * computes lunr's BM25 weights from their term frequencies and field lengths
 * and the manifest's totals, and merges them into a real lunr.Index (via
 * lunr.Index.load, so lunr's own version check and its "Cannot load
 * unregistered function" guard apply). lunr scores a document as
 * dot(query, document field vector) / |query|, so an index holding only the
 * query's terms, numbered in lunr's order, scores exactly as the whole one. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./tokenizer.js"));
  else root.gongkaiSearchIndex = factory(root.gongkaiTokenizer);
})(typeof self !== "undefined" ? self : this, function (tokenizer) {
  "use strict";
  var FORMAT = "gongkai-search";
  var VERSION = 3;

  /* lunr.py's weight of one posting, in its exact sequence of float operations
   * (builder.py: bm25 and round(score, 3)); the build marks the few scores whose
   * rounding the last bit of Math.log could change, and ships those weights. */
  function weight(idf, tf, length, average, boost, k1, b) {
    var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf);
    score *= boost; // and by the document boost, 1
    return Math.round(score * 1000) / 1000;
  }

  var NAME_CHARS = 12;

  /* File names of the shards, from their first terms (shards.py: shard_names). */
  function shardNames(firsts) {
    var seen = Object.create(null);
    return firsts.map(function (term) {
      var name = Array.from(term).slice(0, NAME_CHARS).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
      var k = seen[name] || 0;
      seen[name] = k + 1;
      return k ? name + "~" + k : name;
    });
  }

  /* Where lunr numbered a term: (first ref, first field, rank in that field). */
  function firstOccurrence(record) {
    var ref = Infinity, field = -1;
    for (var f = 2; f < record.length; f++) {
      var e = record[f], first = !e ? Infinity : Array.isArray(e) ? e[0][0] : e.b[0][0];
      if (first < ref) { ref = first; field = f; }
    }
    return [ref, field, record[1]];
  }

  function byFirstOccurrence(a, b) {
    return a[0][0] - b[0][0] || a[0][1] - b[0][1] || a[0][2] - b[0][2];
  }

  /* Calls fn(ref, i) for each posting of a shard record's field entry (refs delta-coded). */
  function eachRef(entry, fn) {
    var ref = 0, deltas = entry[0];
    for (var i = 0; i < deltas.length; i++) { ref += deltas[i]; fn(ref, i); }
  }

  /* Posting number -> exact weight, where the build shipped one (entry[3]). */
  function exactWeights(entry) {
    var given = entry[3];
    if (!given) return null;
    var exact = new Map();
    for (var e = 0; e < given.length; e += 2) exact.set(given[e], given[e + 1] / 1000);
    return exact;
  }

  /* File name of a posting block (shards.py: block_name). */
  function blockName(term, f, firstRef) {
    return Array.from(term).map(function (c) { return c.codePointAt(0).toString(16); }).join("-") + "_" + f + "_" + firstRef;
  }

  /* The block of a split field entry's directory that would hold ref (-1: before all). */
  function blockOf(directory, ref) {
    var lo = 0, hi = directory.length - 1;
    if (ref < directory[0][0]) return -1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (directory[mid][0] <= ref) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

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
    this.boosts = manifest.fields.map(function (f) { return f.boost; });
    this.averages = manifest.lengths.map(function (total) { return total / manifest.docs; });
    this.apart = manifest.fields.map(function (f) { return f.apart || null; }); // [least, greatest] length
    this.blocks = Object.create(null); // length block number -> Promise
    this.blockData = Object.create(null); // length block number -> {field: [lengths]}
    this.postingBlocks = Object.create(null); // "term/field" -> [block number -> field entry] (loaded)
    this.pendingBlocks = Object.create(null); // "term/field" -> [block number -> Promise]
    this.shardFiles = shardNames(manifest.shards);
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
        self.loaded[n] = self.fetchJson("s/" + self.shardFiles[n] + ".json").then(function (shard) {
          shard.t.forEach(function (record) { self.records[record[0]] = record; });
        });
      }
      return self.loaded[n];
    }));
  };

  /* For each clause of plan, the loaded terms it names (itself, or those its prefix starts). */
  ShardedIndex.prototype.clauseTerms = function (plan) {
    var loaded = Object.keys(this.records);
    return plan.clauses.map(function (c) {
      if (!c.prefix) return c.term in this.records ? [c.term] : [];
      return loaded.filter(function (t) { return t.slice(0, c.term.length) === c.term; });
    }, this);
  };

  /* The loaded postings of term in field f, as field entries: the entry, or for a field
   * split into blocks (b/…, a very common term's body) the blocks loaded so far. */
  ShardedIndex.prototype.parts = function (term, f) {
    var entry = this.records[term][2 + f];
    if (!entry) return [];
    if (Array.isArray(entry)) return [entry];
    return (this.postingBlocks[term + "/" + f] || []).filter(Boolean);
  };

  /* Fetches the posting blocks of terms' split fields that may hold refs (all of them
   * when refs is null). */
  ShardedIndex.prototype.loadBlocks = function (terms, refs) {
    var self = this, waits = [];
    terms.forEach(function (term) {
      var record = self.records[term];
      self.fields.forEach(function (field, f) {
        var entry = record[2 + f];
        if (!entry || Array.isArray(entry)) return;
        var key = term + "/" + f, got = self.postingBlocks[key] || (self.postingBlocks[key] = []);
        var pending = self.pendingBlocks[key] || (self.pendingBlocks[key] = []), wanted = Object.create(null);
        if (refs === null) entry.b.forEach(function (_, k) { wanted[k] = true; });
        else refs.forEach(function (ref) { var k = blockOf(entry.b, ref); if (k >= 0) wanted[k] = true; });
        Object.keys(wanted).forEach(function (k) {
          if (!pending[k]) {
            pending[k] = self.fetchJson("b/" + blockName(term, f, entry.b[k][0]) + ".json").then(function (e) { got[k] = e; });
          }
          waits.push(pending[k]);
        });
      });
    });
    return Promise.all(waits);
  };

  /* Whether every posting of terms is loaded (no block of a split field missing). */
  ShardedIndex.prototype.complete = function (terms) {
    var self = this;
    return terms.every(function (term) {
      return self.records[term].slice(2).every(function (entry, f) {
        return !entry || Array.isArray(entry) || self.parts(term, f).length === entry.b.length;
      });
    });
  };

  /* The refs holding any of terms, in the field numbered f (every field when f < 0). */
  ShardedIndex.prototype.refsOf = function (terms, f) {
    var self = this, refs = new Set(), add = function (ref) { refs.add(ref); };
    terms.forEach(function (term) {
      var record = self.records[term];
      for (var g = 0; g < self.fields.length; g++) {
        if (f < 0 || f === g) self.parts(term, g).forEach(function (entry) { eachRef(entry, add); });
      }
    });
    return refs;
  };

  /* The refs holding a term of every clause of plan that passes (all of them when some
   * clause is empty), in field f (every field when f < 0); null when none passes. */
  ShardedIndex.prototype.holdingAll = function (plan, passes, f) {
    var self = this, named = this.clauseTerms(plan), result = null;
    plan.clauses.forEach(function (c, n) {
      if (!passes(c) || (result && !result.size)) return;
      var refs = self.refsOf(named[n], f);
      if (result === null) result = refs;
      else result.forEach(function (ref) { if (!refs.has(ref)) result.delete(ref); });
    });
    return result;
  };

  /* The refs that can satisfy every required clause of plan (from the loaded shards):
   * an AND query needs the other terms' postings for these documents only. */
  ShardedIndex.prototype.candidates = function (plan) {
    return this.holdingAll(plan, function (c) { return c.required; }, -1);
  };

  /* The refs holding any term plan names (an OR query's results). */
  ShardedIndex.prototype.anyRefs = function (plan) {
    return this.refsOf([].concat.apply([], this.clauseTerms(plan)), -1);
  };

  /* The refs holding every clause's term in one of plan's quoted fields (query.js ranks
   * them first; it reads the same from the lunr.Index it runs on). */
  ShardedIndex.prototype.quotedRefs = function (plan) {
    var self = this, whole = new Set(), every = function () { return true; };
    plan.quoted.forEach(function (field) {
      (self.holdingAll(plan, every, self.fields.indexOf(field)) || []).forEach(function (ref) { whole.add(ref); });
    });
    return whole;
  };

  ShardedIndex.prototype.idf = function (record) {
    var df = 0, docs = this.manifest.docs;
    for (var f = 2; f < record.length; f++) {
      var e = record[f];
      if (e && Array.isArray(e)) df += e[0].length;
      else if (e) e.b.forEach(function (block) { df += block[1]; });
    }
    return Math.log(1 + Math.abs((docs - df + 0.5) / (df + 0.5))); // lunr.idf, counted per field
  };

  /* Bounds of lunr's scores of refs (an array) before their length blocks are loaded:
   * {lo, hi} (Float64Arrays in the order of refs) of the sum over the query's terms and
   * the fields of weight times the term's weight in the query (the number of clauses
   * naming it), which is lunr's score times the query vector's length. A field that keeps
   * its lengths beside its postings gives its weights exactly; one whose lengths are apart
   * gives them between its greatest and its least length (BM25 falls as length grows); a
   * block of postings not loaded gives between 0 and its greatest tf at the least length. */
  ShardedIndex.prototype.bounds = function (plan, refs) {
    var self = this, at = new Map(), lo = new Float64Array(refs.length), hi = new Float64Array(refs.length);
    var k1 = this.manifest.bm25.k1, b = this.manifest.bm25.b, inQuery = Object.create(null);
    refs.forEach(function (ref, i) { at.set(ref, i); });
    this.clauseTerms(plan).forEach(function (terms) {
      terms.forEach(function (term) { inQuery[term] = (inQuery[term] || 0) + 1; });
    });
    Object.keys(inQuery).forEach(function (term) {
      var record = self.records[term], idf = self.idf(record), q = inQuery[term];
      self.fields.forEach(function (field, f) {
        var apart = self.apart[f], average = self.averages[f], boost = self.boosts[f], split = record[2 + f];
        self.parts(term, f).forEach(function (entry) {
          var exact = exactWeights(entry), tfs = entry[1], lengths = entry[2];
          eachRef(entry, function (ref, i) {
            var j = at.get(ref), least, most;
            if (j === undefined) return;
            if (exact && exact.has(i)) least = most = exact.get(i);
            else if (apart) {
              least = weight(idf, tfs[i], apart[1], average, boost, k1, b);
              most = weight(idf, tfs[i], apart[0], average, boost, k1, b);
            } else least = most = weight(idf, tfs[i], lengths[i], average, boost, k1, b);
            lo[j] += q * least;
            hi[j] += q * most;
          });
        });
        if (!split || Array.isArray(split)) return;
        var got = self.postingBlocks[term + "/" + f] || [];
        refs.forEach(function (ref, j) {
          var k = blockOf(split.b, ref);
          if (k >= 0 && !got[k]) hi[j] += q * weight(idf, split.b[k][2], apart[0], average, boost, k1, b);
        });
      });
    });
    return { lo: lo, hi: hi };
  };

  /* Fetches the length blocks (l/<n>.json) that hold refs, for the fields whose lengths are apart. */
  ShardedIndex.prototype.loadLengths = function (refs) {
    var self = this, size = this.manifest.lengthBlock, wanted = Object.create(null);
    if (!this.apart.some(Boolean)) return Promise.resolve();
    refs.forEach(function (ref) { wanted[Math.floor(ref / size)] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) {
      if (!self.blocks[n]) {
        self.blocks[n] = self.fetchJson("l/" + n + ".json").then(function (block) { self.blockData[n] = block; });
      }
      return self.blocks[n];
    }));
  };

  ShardedIndex.prototype.lengthOf = function (field, ref) {
    var size = this.manifest.lengthBlock, block = this.blockData[Math.floor(ref / size)];
    if (!block) throw new Error("length block of ref " + ref + " is not loaded");
    return block[field][ref % size];
  };

  /* The loaded terms that plan names (every loaded term without a plan) as a serialized
   * lunr index (lunr.py's serialize form). Other terms change no score: a document's
   * score is its dot product with the query's vector, which is 0 for them. With only (a
   * Set of refs, from candidates()) the postings of other documents are left out, which
   * changes no score of those documents and spares lunr most of the work (the length
   * blocks of the documents used must be loaded: loadLengths). Terms are
   * numbered in lunr's order of first occurrence, so that every dot product sums in the
   * same order as the whole index's. */
  ShardedIndex.prototype.serialize = function (plan, only) {
    var self = this, fields = this.fields;
    var k1 = this.manifest.bm25.k1, b = this.manifest.bm25.b;
    var number = Object.create(null), vectors = Object.create(null), inverted = [];
    var terms = plan ? Array.from(new Set([].concat.apply([], this.clauseTerms(plan)))) : Object.keys(this.records);
    terms.map(function (term) { return [firstOccurrence(self.records[term]), term]; })
      .sort(byFirstOccurrence).forEach(function (entry, n) { number[entry[1]] = n; });
    terms.sort().forEach(function (term) {
      var record = self.records[term], index = number[term], posting = { _index: index };
      var idf = self.idf(record);
      fields.forEach(function (field, f) {
        var refs = {}, apart = self.apart[f], average = self.averages[f], boost = self.boosts[f];
        self.parts(term, f).forEach(function (entry) {
          var exact = exactWeights(entry), tfs = entry[1], lengths = entry[2];
          eachRef(entry, function (ref, i) {
            if (only && !only.has(ref)) return;
            refs[ref] = {};
            var key = field + "/" + ref, length = apart ? self.lengthOf(field, ref) : lengths[i];
            var w = exact && exact.has(i) ? exact.get(i) : weight(idf, tfs[i], length, average, boost, k1, b);
            (vectors[key] || (vectors[key] = [])).push([index, w]);
          });
        });
        posting[field] = refs;
      });
      inverted.push([term, posting]);
    });
    var fieldVectors = Object.keys(vectors).map(function (key) {
      var flat = [];
      vectors[key].sort(function (a, b) { return a[0] - b[0]; }).forEach(function (p) { flat.push(p[0], p[1]); });
      return [key, flat];
    });
    return { version: this.lunr.version, fields: fields, fieldVectors: fieldVectors,
             invertedIndex: inverted, pipeline: this.manifest.pipeline };
  };

  /* A lunr.Index of the loaded terms plan names (see serialize). */
  ShardedIndex.prototype.lunrIndex = function (plan, only) {
    return this.lunr.Index.load(this.serialize(plan, only));
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

  return { FORMAT: FORMAT, VERSION: VERSION, ShardedIndex: ShardedIndex, shardNames: shardNames };
});
