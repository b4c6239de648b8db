// Moves a SQLite install to PostgreSQL (docs/deploy.md "Moving from SQLite to PostgreSQL").
//   node --conditions=react-server --import tsx scripts/migrate-sqlite-to-postgres.ts \
//     --from file:./data/framehouse.db --to postgresql://framehouse@127.0.0.1:5432/framehouse [--dry-run] [--json]
// Stop the app and workers first: rows written to SQLite after the copy would be left behind.
// Steps: migrate the target with the PostgreSQL migration history, refuse unless it is empty,
// copy every table in foreign-key order, then compare per-table row counts and checksums.
// Exit codes: 0 ok, 1 verification mismatch, 2 usage, 3 target not empty / unreachable, 4 failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, providerOf } from "@/lib/server/db";
import {
  compareFingerprints,
  copyTables,
  countRows,
  fingerprintTables,
} from "@/lib/server/migrate-provider/copy-tables";
import { assertTablesCover } from "@/lib/server/migrate-provider/tables";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    from: { type: "string" },
    to: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "batch-size": { type: "string", default: "500" },
  },
});

function fail(code: number, message: string): never {
  console.error(`migrate-sqlite-to-postgres: ${message}`);
  process.exit(code);
}
const redactUrl = (u: string) => u.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
const say = (line: string) => {
  if (!values.json) console.log(line);
};

const from = values.from ?? "";
const to = values.to ?? "";
const batchSize = Number(values["batch-size"]);
if (!from.startsWith("file:") || providerOf(to) !== "postgresql" || !Number.isInteger(batchSize) || batchSize < 1) {
  fail(2, "usage: --from file:<sqlite path> --to postgresql://user:pass@host:5432/db [--dry-run] [--json] [--batch-size 500]");
}
const sqlitePath = path.resolve(from.slice("file:".length));
if (!fs.existsSync(sqlitePath)) fail(2, `source database ${sqlitePath} does not exist`);
assertTablesCover();

const source = createDb(`file:${sqlitePath}`);
try {
  const sourceCounts = await countRows(source);
  const total = Object.values(sourceCounts).reduce((a, b) => a + b, 0);
  say(`source ${sqlitePath}: ${total} rows in ${Object.keys(sourceCounts).length} tables`);

  if (values["dry-run"]) {
    const target = createDb(to);
    let targetState: string;
    try {
      const counts = await countRows(target);
      const n = Object.values(counts).reduce((a, b) => a + b, 0);
      targetState = n === 0 ? "migrated and empty: ready" : `NOT EMPTY (${n} rows): the copy would be refused`;
    } catch {
      targetState = "reachable check failed or not migrated yet (the real run migrates it first)";
    } finally {
      await target.$disconnect();
    }
    say(`target ${redactUrl(to)}: ${targetState}`);
    for (const [model, n] of Object.entries(sourceCounts)) say(`  ${model.padEnd(18)} ${n}`);
    say("dry run: nothing written");
    if (values.json) console.log(JSON.stringify({ dryRun: true, sourceCounts, target: targetState }));
    process.exit(0);
  }

  say(`migrating target ${redactUrl(to)} ...`);
  const migrated = spawnSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: to },
    encoding: "utf8",
  });
  if (migrated.status !== 0) fail(3, `migrating the target failed:\n${migrated.stdout}\n${migrated.stderr}`);

  const target = createDb(to);
  try {
    const before = await countRows(target);
    const nonEmpty = Object.entries(before).filter(([, n]) => n > 0);
    if (nonEmpty.length > 0) {
      fail(3, `target is not empty (${nonEmpty.map(([m, n]) => `${m}=${n}`).join(", ")}); use a freshly created database`);
    }
    const started = Date.now();
    await copyTables(source, target, { batchSize, onTable: (p) => say(`  copied ${p.model.padEnd(18)} ${p.copied}`) });
    const copyMs = Date.now() - started;
    const [s, t] = await Promise.all([fingerprintTables(source), fingerprintTables(target)]);
    const report = compareFingerprints(s, t);
    for (const r of report) {
      say(`  ${r.ok ? "ok " : "BAD"} ${r.model.padEnd(18)} rows ${r.source.rows}/${r.target.rows}  ${r.source.sha256.slice(0, 16)} ${r.ok ? "=" : "≠"} ${r.target.sha256.slice(0, 16)}`);
    }
    const bad = report.filter((r) => !r.ok);
    if (values.json) console.log(JSON.stringify({ ok: bad.length === 0, copyMs, tables: report }));
    if (bad.length > 0) fail(1, `verification failed for ${bad.map((r) => r.model).join(", ")}: drop the target database and retry`);
    say(`done: ${total} rows in ${report.length} tables copied and verified in ${copyMs} ms. Now copy the media (docs/deploy.md).`);
  } finally {
    await target.$disconnect();
  }
} catch (err) {
  fail(4, err instanceof Error ? err.message : String(err));
} finally {
  await source.$disconnect();
}
