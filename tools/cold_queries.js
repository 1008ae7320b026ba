// What a cold browser fetches for each query (manifest, shards, display chunks of
// the first page of results), and where known items rank. Used by the tests and
// by tools/bench_search.py.
//   node tools/cold_queries.js SITE_SEARCH_DIR QUERIES.json [KNOWN.json]
// QUERIES: ["…", …]; KNOWN: [{q, ref}, …]. Prints JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const { ShardedIndex } = require("../theme/static/js/search/index.js");
const query = require("../theme/static/js/search/query.js");

const PAGE_SIZE = 10; // as search.js
const [dir, queriesPath, knownPath] = process.argv.slice(2);

async function cold(q) {
  const fetched = [];
  const fetchJson = (p) => { fetched.push(p); return Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, p), "utf8"))); };
  const started = process.hrtime.bigint();
  const index = await ShardedIndex.open(lunr, fetchJson);
  const plan = query.plan(q, index.manifest);
  await index.loadShards(index.shardsFor(plan));
  let found = { results: [], total: 0, atLeast: 0 }; // as search.js
  if (await query.anyHoldsAll(index, plan)) found = await query.top(lunr, index, plan, "and", PAGE_SIZE);
  let mode = "and";
  if (!found.atLeast && plan.terms.length > 1) mode = "or-offered"; // the page offers the OR results
  else await index.rows(found.results.map((r) => r.ref));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cold = fetched.slice();
  if (mode !== "and") found = await query.top(lunr, index, plan, "or", PAGE_SIZE);
  return { q, fetched: cold, count: found.total === null ? found.atLeast : found.total, partial: found.total === null, scored: found.scored || 0, mode, ms, refs: found.results.map((r) => r.ref) };
}

(async () => {
  const out = { queries: [], known: [] };
  for (const q of JSON.parse(fs.readFileSync(queriesPath, "utf8"))) out.queries.push(await cold(q));
  if (knownPath) {
    for (const { q, ref } of JSON.parse(fs.readFileSync(knownPath, "utf8"))) {
      const r = await cold(q);
      out.known.push({ q, ref, rank: r.mode === "and" ? r.refs.indexOf(ref) + 1 : 0, count: r.count });
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
