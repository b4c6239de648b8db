// Real databases for integration tests, migrated by the real migration script (never mocked):
// a temp SQLite file always; a fresh PostgreSQL database too when TEST_POSTGRES_URL is set.
// Each database is a copy of a template that the real script migrated once (test-db-template.ts):
// running the migrations again for every file cost seconds per file and per provider.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/server/db";
import { assertLocal } from "./migrate-db";
import { postgresTemplate, sqliteTemplate } from "./test-db-template";

export interface TestDb {
  name: "sqlite" | "postgresql";
  url: string;
  client: Db;
  drop(): Promise<void>;
}

export { assertLocal, migrate } from "./migrate-db";

export async function createSqliteTestDb(migrationsDir?: string): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "framehouse-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  fs.copyFileSync(await sqliteTemplate(migrationsDir), file);
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
  try {
    const template = await postgresTemplate(admin, baseUrl, migrationsDir);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
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
