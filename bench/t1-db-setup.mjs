#!/usr/bin/env node
// T1 (test-suite wall time), one of its parts measured side by side: what an integration test file
// pays for its database. Before: the real migration script on an empty database, per file and per
// provider. After: a copy of a template that script migrated once (tests/support/test-db-template.ts):
// a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. Rounds alternate the two sides so
// a shared machine's load lands on both.  node bench/t1-db-setup.mjs [rounds]   (PostgreSQL: TEST_POSTGRES_URL)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);
const pgUrl = process.env.TEST_POSTGRES_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-t1-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function migrate(url) {
  const r = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}
async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
const withUrl = (base, name) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();

const sqliteTemplate = path.join(dir, "template.db");
migrate(`file:${sqliteTemplate}`);
const results = { sqlite: { before: [], after: [] }, postgresql: { before: [], after: [] } };
let admin = null;
const tpl = `fh_t1_template_${process.pid}`;
if (pgUrl) {
  admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${tpl}"`);
  migrate(withUrl(pgUrl, tpl));
}
for (let i = 0; i < rounds; i++) {
  results.sqlite.before.push(await timed(() => migrate(`file:${path.join(dir, `m${i}.db`)}`)));
  results.sqlite.after.push(await timed(() => fs.copyFileSync(sqliteTemplate, path.join(dir, `c${i}.db`))));
  if (admin) {
    const m = `fh_t1_m_${process.pid}_${i}`;
    const c = `fh_t1_c_${process.pid}_${i}`;
    results.postgresql.before.push(await timed(async () => {
      await admin.query(`CREATE DATABASE "${m}"`);
      migrate(withUrl(pgUrl, m));
    }));
    results.postgresql.after.push(await timed(() => admin.query(`CREATE DATABASE "${c}" TEMPLATE "${tpl}"`)));
    for (const d of [m, c]) await admin.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
  }
}
if (admin) {
  await admin.query(`DROP DATABASE IF EXISTS "${tpl}" WITH (FORCE)`);
  await admin.end();
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`T1 database setup per test file, median of ${rounds} alternating rounds (load ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}):`);
for (const [provider, r] of Object.entries(results)) {
  if (!r.before.length) continue;
  const b = median(r.before);
  const a = median(r.after);
  console.log(`| ${provider} | migrate ${b.toFixed(0)} ms | template copy ${a.toFixed(0)} ms | ${(a / b).toFixed(3)}× |`);
}
