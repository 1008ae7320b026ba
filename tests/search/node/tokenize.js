// Reads a JSON array of strings on stdin, prints the JSON array of their tokens.
"use strict";
const tokenizer = require("../../../theme/static/js/search/tokenizer.js");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => { input += c; });
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map(tokenizer.tokenize)));
});
