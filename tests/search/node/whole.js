// Loads every shard of a built site's index and prints the whole index as the
// browser would compute it (lunr's serialized form: term numbers, postings and
// every weight), for comparison with lunr.py's own index.
//   node whole.js SITE_SEARCH_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const { ShardedIndex } = require("../../../theme/static/js/search/index.js");

const dir = process.argv[2];
const fetchJson = (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, p), "utf8")));

(async () => {
  const index = await ShardedIndex.open(lunr, fetchJson);
  await index.loadShards(index.manifest.shards.map((_, n) => n));
  await index.loadBlocks(Object.keys(index.records), null);
  await index.loadLengths(Array.from({ length: index.manifest.docs }, (_, ref) => ref));
  process.stdout.write(JSON.stringify(index.serialize()));
})().catch((e) => { console.error(e); process.exit(1); });
