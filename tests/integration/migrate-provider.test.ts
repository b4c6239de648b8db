// SQLite -> PostgreSQL round trip: a seeded install (every table) is moved by the real script in a
// child process to a fresh PostgreSQL database, then counts and per-table checksums must match.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import { compareFingerprints, fingerprintTables } from "@/lib/server/migrate-provider/copy-tables";
import { TABLES } from "@/lib/server/migrate-provider/tables";
import { seedInstall } from "../support/seed-install";
import { assertLocal, createSqliteTestDb, type TestDb } from "../support/test-db";

const root = path.resolve(import.meta.dirname, "../..");
const PG_BASE = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
const reachable = await pgReachable();
if (!reachable) console.warn(`[migrate-provider] SKIPPED: PostgreSQL at ${PG_BASE} is unreachable (set TEST_POSTGRES_URL)`);

const created: string[] = [];
async function freshPgDatabase(): Promise<string> {
  assertLocal(PG_BASE);
  const name = `framehouse_mig_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  const u = new URL(PG_BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

function runScript(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/migrate-sqlite-to-postgres.ts"), ...args],
    { cwd: root, encoding: "utf8", timeout: 180_000 },
  );
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  let json: unknown;
  try {
    json = JSON.parse(last);
  } catch {
    json = undefined;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json };
}

describe.skipIf(!reachable)("migrate-sqlite-to-postgres", () => {
  let sqlite: TestDb;
  let targetUrl: string;
  let target: Db | undefined;

  beforeAll(async () => {
    sqlite = await createSqliteTestDb();
    const seeded = await seedInstall(sqlite.client, { generationsPerUser: 30 });
    expect(seeded.generations).toBe(60);
    targetUrl = await freshPgDatabase();
  });
  afterAll(async () => {
    await target?.$disconnect();
    await sqlite?.drop();
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("--dry-run reports the plan and writes nothing", async () => {
    const dry = await freshPgDatabase();
    const r = runScript(["--from", sqlite.url, "--to", dry, "--dry-run", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect((r.json as { dryRun: boolean }).dryRun).toBe(true);
    const c = new pg.Client({ connectionString: dry });
    await c.connect();
    const tables = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    await c.end();
    expect(tables.rows[0].n).toBe(0);
  });

  it("copies every table with identical counts and checksums", async () => {
    const started = Date.now();
    const r = runScript(["--from", sqlite.url, "--to", targetUrl, "--json", "--batch-size", "7"]); // small pages: exercise keyset paging
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const result = r.json as { ok: boolean; copyMs: number; tables: { model: string; ok: boolean; source: { rows: number; sha256: string } }[] };
    expect(result.ok).toBe(true);
    expect(result.tables.map((x) => x.model)).toEqual(TABLES.map((x) => x.model));
    for (const table of result.tables) {
      expect(table.ok, table.model).toBe(true);
      expect(table.source.rows, table.model).toBeGreaterThan(0);
    }
    const rows = result.tables.reduce((a, x) => a + x.source.rows, 0);
    console.info(`[migrate-provider] ${result.tables.length} tables, ${rows} rows, copy ${result.copyMs} ms, script total ${Date.now() - started} ms`);
    for (const x of result.tables) console.info(`  ${x.model.padEnd(18)} ${String(x.source.rows).padStart(4)}  ${x.source.sha256}`);

    // Independent check in this process, plus a field-by-field look at the trickiest rows.
    target = createDb(targetUrl);
    const cmp = compareFingerprints(await fingerprintTables(sqlite.client, 13), await fingerprintTables(target, 5));
    expect(cmp.filter((c) => !c.ok)).toEqual([]);
    const stored = await sqlite.client.generation.findMany({ where: { status: "STORED" }, orderBy: { id: "asc" } });
    const id = (stored.find((g) => g.fps !== 24) ?? stored[0])?.id ?? "";
    expect(stored.find((g) => g.id === id)?.fps).toBe(23.976);
    const [a, b] = await Promise.all([
      sqlite.client.generation.findUniqueOrThrow({ where: { id }, include: { assets: { orderBy: { id: "asc" } }, ledger: { orderBy: { id: "asc" } } } }),
      target.generation.findUniqueOrThrow({ where: { id }, include: { assets: { orderBy: { id: "asc" } }, ledger: { orderBy: { id: "asc" } } } }),
    ]);
    expect(b).toEqual(a);
    const audit = await target.auditEvent.findFirstOrThrow({ where: { action: "instance.settings" } });
    expect(audit.data).toBeNull();
  });

  it("refuses a non-empty target and the checksum catches a changed value", async () => {
    const again = runScript(["--from", sqlite.url, "--to", targetUrl]);
    expect(again.status).toBe(3);
    expect(again.stderr).toContain("target is not empty");
    const db = target ?? createDb(targetUrl);
    const g = await db.generation.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db.generation.update({ where: { id: g.id }, data: { prompt: `${g.prompt} ` } });
    const cmp = compareFingerprints(await fingerprintTables(sqlite.client), await fingerprintTables(db));
    expect(cmp.filter((c) => !c.ok).map((c) => c.model)).toEqual(["Generation"]);
  });
});
