// Runs queries on the sharded index of a built site (loading only the shards
// each query needs, as the browser does) and on a monolithic lunr index
// (lunr.py's serialization), with the real lunr.js; prints what differs.
//   node compare.js SITE_SEARCH_DIR MONOLITHIC.json QUERIES.json
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const tokenizer = require("../../../theme/static/js/search/tokenizer.js");
const { ShardedIndex } = require("../../../theme/static/js/search/index.js");
const query = require("../../../theme/static/js/search/query.js");

const [dir, monoPath, queriesPath] = process.argv.slice(2);
tokenizer.register(lunr);
const mono = JSON.parse(fs.readFileSync(monoPath, "utf8"));
mono.invertedIndex.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // JS order for the TokenSet
const monoIndex = lunr.Index.load(mono);
const queries = JSON.parse(fs.readFileSync(queriesPath, "utf8"));
const fetchJson = (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, p), "utf8")));

(async () => {
  const report = { queries: 0, mismatches: [], hits: 0, shardsFetched: [] };
  for (const q of queries) {
    const sharded = await ShardedIndex.open(lunr, fetchJson); // cold: a fresh index per query
    const plan = query.plan(q, sharded.manifest);
    const shards = sharded.shardsFor(plan);
    await sharded.loadShards(shards);
    const only = sharded.candidates(plan);
    const pruned = sharded.lunrIndex(plan, only); // what the page uses for AND
    const whole = sharded.lunrIndex(plan);
    for (const mode of ["and", "or"]) {
      const a = mode === "and" ? query.run(lunr, pruned, plan, only ? "pruned" : "and") : query.run(lunr, whole, plan, mode);
      if (mode === "and") {
        const unpruned = query.run(lunr, whole, plan, mode);
        if (JSON.stringify(a) !== JSON.stringify(unpruned)) report.mismatches.push({ q, mode: "and-pruned" });
      }
      const b = query.run(lunr, monoIndex, plan, mode);
      report.queries++;
      report.hits += b.length;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        report.mismatches.push({ q, mode, sharded: a.slice(0, 5), monolithic: b.slice(0, 5),
                                 counts: [a.length, b.length] });
      }
    }
    report.shardsFetched.push(shards.length);
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => { console.error(e); process.exit(1); });
