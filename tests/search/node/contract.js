// The manifest contract, seen from the browser's side: prints what index.js and
// tokenizer.js expect, and checks that lunr.js refuses what it must refuse.
"use strict";
const lunr = require("lunr");
const tokenizer = require("../../../theme/static/js/search/tokenizer.js");
const index = require("../../../theme/static/js/search/index.js");
const out = { format: index.FORMAT, version: index.VERSION, tokenizer: { name: tokenizer.NAME, version: tokenizer.VERSION },
              lunr: lunr.version, errors: {} };
const serialized = { version: lunr.version, fields: ["title"], fieldVectors: [], invertedIndex: [], pipeline: [tokenizer.BOUNDARY_NAME] };
try { lunr.Index.load(serialized); } catch (e) { out.errors.unregistered = e.message; }
tokenizer.register(lunr);
lunr.Index.load(serialized);
const manifest = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
for (const [key, bad] of [["version", 99], ["tokenizer", { name: "other", version: 1 }], ["lunr", "1.0.0"]]) {
  try { new index.ShardedIndex(lunr, { ...manifest, [key]: bad }, null); } catch (e) { out.errors[key] = e.message; }
}
process.stdout.write(JSON.stringify(out));
