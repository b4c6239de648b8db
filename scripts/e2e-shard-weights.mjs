#!/usr/bin/env node
// Rewrites tests/e2e/shard-weights.json (seconds per spec file, what `npm test` splits the browser
// shards by; scripts/lib/e2e-shards.mjs) from the last `npm test`'s shard reports, or from the reports
// named on the command line (reports of several runs: each file gets the mean of its runs):
//   node scripts/e2e-shard-weights.mjs [test-results/e2e-report-1-of-2.json …]
import fs from "node:fs";
import path from "node:path";
import { measuredWeights, shardReports, WEIGHTS_FILE } from "./lib/e2e-shards.mjs";

const root = path.resolve(import.meta.dirname, "..");
const named = process.argv.slice(2);
const reports = named.length ? named : shardReports(root).map((f) => path.join("test-results", f));
if (reports.length === 0) {
  console.error("no shard reports in test-results/: run `npm test` first, or name the reports");
  process.exit(1);
}
const weights = measuredWeights(reports.map((f) => JSON.parse(fs.readFileSync(path.resolve(root, f), "utf8"))));
fs.writeFileSync(path.join(root, WEIGHTS_FILE), `${JSON.stringify(weights, null, 2)}\n`);
console.log(`${WEIGHTS_FILE}: ${Object.keys(weights).length} spec files from ${reports.join(", ")}`);
