#!/usr/bin/env node
// CI guard: fails when either provider's migration history drifts from prisma/sqlite/schema.prisma
// (or when the generated postgres schema is stale). Needs no database server:
// SQLite diffs against an in-memory shadow DB, PostgreSQL against an in-memory PGlite.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const pgSchema = path.join(root, "prisma/postgres/schema.prisma");
const before = fs.readFileSync(pgSchema, "utf8");
const { syncPostgresSchema } = await import("./prisma-schema-sync.mjs");
syncPostgresSchema();
if (fs.readFileSync(pgSchema, "utf8") !== before) {
  console.error("db:check: prisma/postgres/schema.prisma was stale (regenerated now): commit it and create a migration.");
  process.exit(1);
}
let failed = false;
for (const [url, schema, dir] of [
  ["file::memory:", "prisma/sqlite/schema.prisma", "prisma/sqlite/migrations"],
  ["pglite:memory://", "prisma/postgres/schema.prisma", "prisma/postgres/migrations"],
]) {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "diff"], {
    cwd: root,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA: schema, PRISMA_MIGRATIONS: dir },
  });
  if (r.status === 0) console.log(`db:check ${dir}: in sync with the schema`);
  else {
    failed = true;
    console.error(`db:check ${dir}: DRIFT (exit ${r.status}). Run: npm run db:migration -- --name <change>\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  }
}
process.exit(failed ? 1 : 0);
