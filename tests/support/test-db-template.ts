// Migrated template databases, one per migration history: the real migration script runs once per
// history, and every test database is a copy of its template (SQLite: a file copy; PostgreSQL:
// CREATE DATABASE … TEMPLATE). A template is named by a hash of everything the migration depends on
// (the migration files, the migration script, the schema engine's version), so a new or edited
// migration gets a new template and never an old one; test files running in parallel, and other
// work trees on the same machine, build a missing template at most once (rename / advisory lock).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { createDb } from "@/lib/server/db";
import { migrate } from "./migrate-db";

const root = path.resolve(import.meta.dirname, "../..");
const SQLITE_TEMPLATES = path.join(os.tmpdir(), "framehouse-test-templates");

function filesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A short hash naming the template of `migrationsDir` (default: the provider's own history). */
function templateKey(provider: "sqlite" | "postgres", migrationsDir?: string): string {
  const dir = migrationsDir ?? path.join(root, "prisma", provider, "migrations");
  const h = createHash("sha256").update(provider);
  for (const file of filesOf(dir)) h.update(path.relative(dir, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  h.update(fs.readFileSync(path.join(root, "scripts/prisma-migrate.mjs")));
  const engine = JSON.parse(fs.readFileSync(path.join(root, "node_modules/@prisma/schema-engine-wasm/package.json"), "utf8")) as { version: string };
  h.update(engine.version);
  return h.digest("hex").slice(0, 16);
}

/** The path of a migrated SQLite file to copy (built when missing). */
export async function sqliteTemplate(migrationsDir?: string): Promise<string> {
  const file = path.join(SQLITE_TEMPLATES, `${templateKey("sqlite", migrationsDir)}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(SQLITE_TEMPLATES, { recursive: true });
  const building = path.join(fs.mkdtempSync(path.join(SQLITE_TEMPLATES, "build-")), "template.db");
  migrate(`file:${building}`, migrationsDir);
  // The script leaves its writes in the WAL file: fold them into the database file so one file is
  // the whole database (WAL mode itself is recorded in the file and survives the copy).
  const db = createDb(`file:${building}`);
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  // rename is atomic: a concurrent reader sees no template or a complete one, never a partial copy.
  fs.renameSync(building, file);
  fs.rmSync(path.dirname(building), { recursive: true, force: true });
  return file;
}

/** The name of a migrated PostgreSQL template database on `admin`'s server (built when missing). */
export async function postgresTemplate(admin: pg.Client, baseUrl: string, migrationsDir?: string): Promise<string> {
  const key = templateKey("postgres", migrationsDir);
  const name = `framehouse_template_${key}`;
  const exists = async () => (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (await exists()) return name;
  // One builder per server: the others wait here and then find the template.
  const lockId = Number.parseInt(key.slice(0, 12), 16);
  await admin.query("SELECT pg_advisory_lock($1)", [lockId]);
  try {
    if (await exists()) return name;
    const building = `framehouse_tplbuild_${key}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const u = new URL(baseUrl);
    u.pathname = `/${building}`;
    try {
      migrate(u.toString(), migrationsDir);
    } catch (e) {
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      throw e;
    }
    // Renamed only when complete (and with the script's connections closed): copies never see half a history.
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [lockId]);
  }
}
