// The real migration script, run against a database on this machine only.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Destructive setup is only ever allowed against a database on this machine. */
export function assertLocal(url: string): void {
  if (url.startsWith("file:")) return;
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`refusing to run destructive tests against non-local database host ${host}`);
  }
}

/** Applies the migrations of `migrationsDir` (default: the provider's own history). */
export function migrate(url: string, migrationsDir?: string): void {
  assertLocal(url);
  const r = spawnSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, ...(migrationsDir ? { PRISMA_MIGRATIONS: migrationsDir } : {}) },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`migration failed for ${url}:\n${r.stdout}\n${r.stderr}`);
}
