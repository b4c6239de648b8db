#!/usr/bin/env node
// Create a migration for BOTH providers from the current schema (no database server needed):
//   npm run db:migration -- --name add_x
// SQLite uses an in-memory shadow DB; Postgres uses an in-memory PGlite as main+shadow DB.
import { spawnSync } from "node:child_process";
import path from "node:path";
const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[process.argv.indexOf("--name") + 1] ?? "migration";
spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "generate"], { stdio: "inherit", cwd: root });
const ts = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14); // same folder name for both
for (const [url, schema, dir] of [
  ["file::memory:", "prisma/sqlite/schema.prisma", "prisma/sqlite/migrations"],
  ["pglite:memory://", "prisma/postgres/schema.prisma", "prisma/postgres/migrations"],
]) {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "create", "--name", name], {
    stdio: "inherit", cwd: root,
    env: { ...process.env, MIGRATION_TIMESTAMP: ts, DATABASE_URL: url, PRISMA_SCHEMA: schema, PRISMA_MIGRATIONS: dir },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
