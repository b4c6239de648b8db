// Real databases for integration tests, migrated by the real migration script (never mocked):
// a temp SQLite file always; a fresh PostgreSQL database too when TEST_POSTGRES_URL is set.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/server/db";

const root = path.resolve(import.meta.dirname, "../..");

export interface TestDb {
  name: "sqlite" | "postgresql";
  url: string;
  client: Db;
  drop(): Promise<void>;
}

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

export async function createSqliteTestDb(migrationsDir?: string): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "framehouse-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrate(url, migrationsDir);
  const client = createDb(url);
  return {
    name: "sqlite",
    url,
    client,
    async drop() {
      await client.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDb(baseUrl: string, migrationsDir?: string): Promise<TestDb> {
  assertLocal(baseUrl);
  const name = `framehouse_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  migrate(url, migrationsDir);
  const client = createDb(url);
  return {
    name: "postgresql",
    url,
    client,
    async drop() {
      await client.$disconnect();
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The providers an integration test file should run against. */
export function providers(): ("sqlite" | "postgresql")[] {
  return process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A fresh database of `kind`, migrated (with `migrationsDir`: only that history, e.g. to test a data migration). */
export function createTestDb(kind: "sqlite" | "postgresql", migrationsDir?: string): Promise<TestDb> {
  if (kind === "postgresql") return createPostgresTestDb(process.env.TEST_POSTGRES_URL ?? "", migrationsDir);
  return createSqliteTestDb(migrationsDir);
}
