// Runs queries on the sharded index of a built site (loading only the shards
// each query needs, as the browser does) and on a monolithic lunr index
// (lunr.py's serialization), with the real lunr.js; prints what differs: the
// first page (10), the first three pages, the first page of a filtered list,
// the whole list, and the count, in AND and OR mode.
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
  const report = { queries: 0, mismatches: [], hits: 0, shardsFetched: [], scored: 0, total: 0, partial: 0 };
  for (const q of queries) {
    const sharded = await ShardedIndex.open(lunr, fetchJson); // cold: a fresh index per query
    const plan = query.plan(q, sharded.manifest);
    const shards = sharded.shardsFor(plan);
    await sharded.loadShards(shards);
    for (const mode of ["and", "or"]) {
      const b = query.run(lunr, monoIndex, plan, mode);
      const odd = (ref) => ref % 2 === 1;
      const cases = [[10, null, b.slice(0, 10)], [30, null, b.slice(0, 30)],
                     [10, odd, b.filter((r) => odd(r.ref)).slice(0, 10)], [Math.max(b.length, 1), null, b]];
      for (const [k, keep, expected] of cases) {
        const fresh = await ShardedIndex.open(lunr, fetchJson); // cold, as the page is for a new query
        await fresh.loadShards(shards);
        const a = await query.top(lunr, fresh, plan, mode, k, keep);
        const total = keep ? b.filter((r) => keep(r.ref)).length : b.length;
        // the count is exact, or (very common terms' blocks not all fetched) at least the page
        const counted = a.total === null ? k <= a.atLeast && a.atLeast <= total : a.total === total;
        if (a.total === null) report.partial++;
        if (JSON.stringify(a.results) !== JSON.stringify(expected) || !counted) {
          report.mismatches.push({ q, mode, k, filtered: !!keep, sharded: a.results.slice(0, 5),
                                   monolithic: expected.slice(0, 5), counts: [a.total, a.atLeast, total] });
        }
        if (k === 10 && !keep) { report.scored += a.scored; report.total += total; }
      }
      report.queries++;
      report.hits += b.length;
    }
    report.shardsFetched.push(shards.length);
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => { console.error(e); process.exit(1); });
