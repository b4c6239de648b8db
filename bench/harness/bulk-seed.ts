// Bulk seeding for G1: the very rows tests/support/seed-generations.ts would write (same generator,
// same seed, same distribution), captured instead of sent through Prisma's createMany in batches of
// 500, then written with multi-row INSERTs inside ONE transaction through the same Prisma client
// ($executeRawUnsafe, so Dates/booleans are encoded by the same driver adapter as every other write).
// 100,000 clips ≈ 480,000 rows: minutes with createMany batches, seconds this way.
import { createRequire } from "node:module";
import type { Db } from "@/lib/server/db";
import { type SeedOptions, type SeedResult, seedGenerations } from "../../tests/support/seed-generations";

/** Prisma delegate name → table name (no @@map in the schema). */
const TABLES = {
  user: "User",
  upload: "Upload",
  tag: "Tag",
  generation: "Generation",
  generationInput: "GenerationInput",
  asset: "Asset",
  generationTag: "GenerationTag",
  favourite: "Favourite",
} as const;
type Delegate = keyof typeof TABLES;
type Row = Record<string, unknown>;

/** The slice of better-sqlite3 used here (the package ships no types and @types isn't a dependency). */
interface SqliteStatement {
  run(params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  transaction(f: () => void): () => void;
  close(): void;
}
type SqliteCtor = new (file: string) => SqliteConnection;

/** Runs the seed generator against a recorder: returns its result and every row it would insert, in order. */
async function captureSeed(opts: SeedOptions): Promise<{ result: SeedResult; tables: { table: string; rows: Row[] }[] }> {
  const tables: { table: string; rows: Row[] }[] = [];
  const recorder = Object.fromEntries(
    (Object.keys(TABLES) as Delegate[]).map((d) => [
      d,
      {
        createMany: async ({ data }: { data: Row[] }) => {
          const last = tables.at(-1);
          if (last?.table === TABLES[d]) last.rows.push(...data);
          else tables.push({ table: TABLES[d], rows: [...data] });
          return { count: data.length };
        },
      },
    ]),
  ) as unknown as Db;
  const result = await seedGenerations(recorder, { ...opts, batchSize: 1_000_000 });
  return { result, tables };
}

/**
 * Columns Prisma's client fills when the data omits them (@updatedAt has no database default; for
 * @default(now()) the client sends its own millisecond timestamp rather than the database's).
 */
const CLIENT_DEFAULT_NOW = ["createdAt", "updatedAt", "runAt"];
function complete(rows: Row[], now: Date, columns: Set<string>): Row[] {
  const fill = CLIENT_DEFAULT_NOW.filter((c) => columns.has(c));
  if (fill.length === 0) return rows;
  return rows.map((r) => {
    const missing = fill.filter((c) => !(c in r));
    return missing.length ? { ...r, ...Object.fromEntries(missing.map((c) => [c, now])) } : r;
  });
}

/** A value as the driver adapters store it (checked against createMany by bench's seed self-check). */
function sqliteValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  // @prisma/adapter-better-sqlite3 (timestampFormat "iso8601"): "2026-11-20T12:00:00.000+00:00".
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  // Json columns: the JSON text.
  if (typeof v === "object") return JSON.stringify(v);
  return v;
}

export interface BulkSeedStats {
  rows: number;
  statements: number;
  ms: number;
}

function sqliteFile(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

async function sqliteInsert(url: string, tables: { table: string; rows: Row[] }[], now: Date): Promise<{ rows: number; statements: number }> {
  const conn = new (createRequire(import.meta.url)("better-sqlite3") as SqliteCtor)(sqliteFile(url));
  let rows = 0;
  let statements = 0;
  try {
    conn.pragma("busy_timeout = 5000");
    // This connection only: a page cache big enough for the ~15 indexes on Generation (random keys
    // thrash SQLite's default 2 MiB cache), and no fsync per page while seeding throw-away data.
    conn.pragma("cache_size = -262144");
    conn.pragma("synchronous = OFF");
    const write = conn.transaction(() => {
      for (const { table, rows: raw } of tables) {
        if (raw.length === 0) continue;
        const columns = new Set((conn.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
        const data = complete(raw, now, columns);
        const cols = [...new Set(data.flatMap((r) => Object.keys(r)))];
        const unknown = cols.filter((c) => !columns.has(c));
        if (unknown.length) throw new Error(`bulk seed: ${table} has no column(s) ${unknown.join(", ")}`);
        // Multi-row VALUES, up to ~32,000 parameters per statement (SQLite's limit is 32,766).
        const per = Math.max(1, Math.floor(32_000 / cols.length));
        const tuple = `(${cols.map(() => "?").join(",")})`;
        const stmts = new Map<number, SqliteStatement>();
        for (let i = 0; i < data.length; i += per) {
          const chunk = data.slice(i, i + per);
          let stmt = stmts.get(chunk.length);
          if (!stmt) {
            stmt = conn.prepare(`INSERT INTO ${q(table)} (${cols.map(q).join(",")}) VALUES ${Array(chunk.length).fill(tuple).join(",")}`);
            stmts.set(chunk.length, stmt);
          }
          const values: unknown[] = [];
          for (const r of chunk) for (const c of cols) values.push(sqliteValue(r[c]));
          stmt.run(values);
          statements++;
          rows += chunk.length;
        }
      }
    });
    write();
  } finally {
    conn.close();
  }
  return { rows, statements };
}

/** PostgreSQL: one INSERT … SELECT FROM json_populate_recordset per chunk, so the server converts types. */
async function pgInsert(url: string, tables: { table: string; rows: Row[] }[], now: Date): Promise<{ rows: number; statements: number }> {
  const { default: pg } = await import("pg");
  const conn = new pg.Client({ connectionString: url });
  await conn.connect();
  let rows = 0;
  let statements = 0;
  try {
    // Timestamps are "timestamp(3) without time zone" holding UTC (as Prisma writes them): ISO strings
    // with a Z; PostgreSQL ignores the zone for that type, and the session zone plays no part.
    await conn.query("BEGIN");
    for (const { table, rows: raw } of tables) {
      if (raw.length === 0) continue;
      const res = await conn.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
        [table],
      );
      const columns = new Set(res.rows.map((r) => r.column_name));
      const data = complete(raw, now, columns);
      const cols = [...new Set(data.flatMap((r) => Object.keys(r)))];
      const unknown = cols.filter((c) => !columns.has(c));
      if (unknown.length) throw new Error(`bulk seed: ${table} has no column(s) ${unknown.join(", ")}`);
      const list = cols.map(q).join(",");
      const sql = `INSERT INTO ${q(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${q(table)}, $1::json)`;
      for (let i = 0; i < data.length; i += 20_000) {
        const chunk = data.slice(i, i + 20_000);
        await conn.query(sql, [JSON.stringify(chunk)]);
        statements++;
        rows += chunk.length;
      }
    }
    await conn.query("COMMIT");
  } catch (e) {
    await conn.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await conn.end();
  }
  return { rows, statements };
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * seedGenerations' rows written in one transaction with multi-row INSERTs, straight through the
 * database driver on the database `url` points at (the one `db` is connected to).
 */
export async function bulkSeedGenerations(url: string, opts: SeedOptions): Promise<SeedResult & { stats: BulkSeedStats }> {
  const t0 = performance.now();
  const { result, tables } = await captureSeed(opts);
  const now = new Date();
  const done = /^postgres(ql)?:\/\//.test(url) ? await pgInsert(url, tables, now) : await sqliteInsert(url, tables, now);
  return { ...result, stats: { ...done, ms: performance.now() - t0 } };
}
