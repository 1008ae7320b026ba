// Reads a JSON array of strings on stdin, prints the JSON array of their tokens,
// each as [without joints, with them, the kind of joint of each token with them].
"use strict";
const tokenizer = require("../../../theme/static/js/search/tokenizer.js");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => { input += c; });
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map((s) => [tokenizer.tokenize(s), tokenizer.tokenize(s, true),
    tokenizer.joinedTokens(s, true).map((t) => t[1])])));
});
