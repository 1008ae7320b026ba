// Prints query.plan(q, manifest).clauses for each query on stdin ({queries, years}).
"use strict";
const query = require("../../../theme/static/js/search/query.js");
let input = "";
process.stdin.on("data", (c) => { input += c; });
process.stdin.on("end", () => {
  const { queries, years } = JSON.parse(input);
  process.stdout.write(JSON.stringify(queries.map((q) => query.plan(q, { years: years.map((y) => [y, 0]), fields: [] }).clauses)));
});
