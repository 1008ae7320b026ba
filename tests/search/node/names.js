// Reads a JSON array of shard first terms on stdin, prints the shard file names index.js derives.
"use strict";
const { shardNames } = require("../../../theme/static/js/search/index.js");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => { input += c; });
process.stdin.on("end", () => { process.stdout.write(JSON.stringify(shardNames(JSON.parse(input)))); });
